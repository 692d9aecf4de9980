import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Organisation } from '../directory/organisation.model';

@ObjectType({ description: 'Organisations that work together, e.g. the Legionowo county reintegration partnership.' })
export class Partnership {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Organisation) leadOrganisation!: Organisation;
  @Field(() => [Organisation]) members!: Organisation[];
}
