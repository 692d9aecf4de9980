import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsDateOnly, RECORD_DATES, RequiredText } from '@app/core';
import { DataCategory, Purpose } from '../vocabulary';

@InputType({ description: 'Give exactly one of counterpartOrganisationId and partnershipId.' })
export class ProposeAgreementInput {
  @Field() @RequiredText(2, 200) title!: string;
  @Field(() => ID, { description: 'Your organisation.' }) @IsUUID() proposedByOrganisationId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() counterpartOrganisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() partnershipId?: string;
  @Field(() => [Purpose]) @ArrayMinSize(1) @ArrayMaxSize(10) @IsEnum(Purpose, { each: true }) purposes!: Purpose[];
  @Field(() => [DataCategory])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsEnum(DataCategory, { each: true })
  dataCategories!: DataCategory[];
  @Field({ description: 'YYYY-MM-DD' })
  @IsDateOnly(RECORD_DATES)
  validFrom!: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsDateOnly(RECORD_DATES)
  validUntil?: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(365) responseTimeDays!: number;
}

@InputType()
export class TerminateAgreementInput {
  @Field(() => ID) @IsUUID() agreementId!: string;
  @Field() @RequiredText(3, 2000) reason!: string;
}
