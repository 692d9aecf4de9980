import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@app/authz';
import { Organisation } from '../directory/organisation.model';
import { Language } from '../vocabulary';

@ObjectType()
export class User {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => Language) language!: Language;
}

@ObjectType()
export class Membership {
  @Field(() => ID) id!: string;
  @Field(() => Role) role!: Role;
  @Field(() => ID) organisationId!: string;
  @Field(() => User) user!: User;
}

@ObjectType({ description: 'The signed-in user, their memberships and organisations.' })
export class Me {
  @Field(() => User) user!: User;
  @Field(() => [Membership]) memberships!: Membership[];
  @Field(() => [Organisation]) organisations!: Organisation[];
}

@ObjectType()
export class AccessToken {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' }) accessToken!: string;
  @Field() expiresAt!: Date;
}
