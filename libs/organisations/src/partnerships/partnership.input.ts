import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { OptionalText, RequiredText } from '@app/core';

@InputType()
export class CreatePartnershipInput {
  @Field() @RequiredText(2, 200) name!: string;
  @Field({ nullable: true }) @OptionalText(2000) description?: string;
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
