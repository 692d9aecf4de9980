import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { RequiredText } from '@app/core';
import { Role } from '@app/authz';
import { Language } from '../vocabulary';

@InputType()
export class AddMemberInput {
  @Field(() => ID) @IsUUID() organisationId!: string;
  @Field() @IsEmail() @MaxLength(254) email!: string;
  @Field() @RequiredText(1, 200) displayName!: string;
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
