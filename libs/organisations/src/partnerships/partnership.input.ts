import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { NoNulCharacter, Trim } from '../validation';

@InputType()
export class CreatePartnershipInput {
  @Field() @Trim() @IsString() @Length(2, 200) @NoNulCharacter() name!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) @NoNulCharacter() description?: string;
  @Field(() => ID, { description: 'Your organisation; its partner admins will manage the partnership.' })
  @IsUUID()
  leadOrganisationId!: string;
  @Field(() => [ID], { nullable: true, description: 'Other founding members.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  memberOrganisationIds?: string[];
}

@InputType()
export class PartnershipMemberInput {
  @Field(() => ID) @IsUUID() partnershipId!: string;
  @Field(() => ID) @IsUUID() organisationId!: string;
}
