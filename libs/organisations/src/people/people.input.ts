import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Role } from '@app/authz';
import { NoNulCharacter, Trim } from '../validation';
import { Language } from '../vocabulary';

@InputType()
export class AddMemberInput {
  @Field(() => ID) @IsUUID() organisationId!: string;
  @Field() @IsEmail() @MaxLength(254) email!: string;
  @Field() @Trim() @IsString() @Length(1, 200) @NoNulCharacter() displayName!: string;
  @Field(() => Role) @IsEnum(Role) role!: Role;
  @Field({ nullable: true, description: 'Required when the e-mail has no account yet; 12 to 200 characters.' })
  @IsOptional()
  @IsString()
  @Length(12, 200)
  initialPassword?: string;
  @Field(() => Language, { nullable: true }) @IsOptional() @IsEnum(Language) language?: Language;
}

@InputType()
export class ChangeMemberRoleInput {
  @Field(() => ID) @IsUUID() membershipId!: string;
  @Field(() => Role) @IsEnum(Role) role!: Role;
}
