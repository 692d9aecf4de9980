import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationKind } from '../vocabulary';

@ObjectType()
export class Address {
  @Field(() => String, { nullable: true }) street!: string | null;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true, description: 'Powiat' }) county!: string | null;
  @Field(() => String, { nullable: true, description: 'Województwo' }) voivodeship!: string | null;
}

@ObjectType('OrganisationService', { description: 'A service an organisation offers to referred people.' })
export class OrganisationServiceModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) organisationId!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Int, { nullable: true, description: 'Places available; null means no fixed limit.' })
  capacity!: number | null;
  @Field() active!: boolean;
}

@ObjectType()
export class Organisation {
  @Field(() => ID) id!: string;
  @Field(() => OrganisationKind) kind!: OrganisationKind;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) shortName!: string | null;
  @Field(() => String, { nullable: true, description: 'NIP' }) taxId!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => Address) address!: Address;
  @Field(() => ID, { nullable: true }) parentOrganisationId!: string | null;
  @Field(() => [OrganisationServiceModel]) services!: OrganisationServiceModel[];
  @Field(() => Int) version!: number;
}
