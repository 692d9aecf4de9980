import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { IsDateOnly, OptionalText, RECORD_DATES, RequiredText } from '@app/core';
import { Type } from 'class-transformer';
import { DataCategory, Purpose } from '@app/organisations';
import { EvidenceMethod } from './consent.model';

@InputType()
export class ConsentEvidenceInput {
  @Field(() => EvidenceMethod) @IsEnum(EvidenceMethod) method!: EvidenceMethod;
  @Field({ nullable: true, description: 'SHA-256 of the signed document, 64 hex characters' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'documentHash must be a lower-case hex SHA-256' })
  documentHash?: string;
}

@InputType({ description: 'Give exactly one of recipientOrganisationId and recipientPartnershipId.' })
export class GrantConsentInput {
  @Field(() => ID) @IsUUID() participantId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() recipientOrganisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() recipientPartnershipId?: string;
  @Field(() => [Purpose]) @ArrayMinSize(1) @ArrayMaxSize(10) @IsEnum(Purpose, { each: true }) purposes!: Purpose[];
  @Field(() => [DataCategory], {
    description: 'Special categories (HEALTH, ADDICTION, CRIMINAL_RECORD) are shared only if named here.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsEnum(DataCategory, { each: true })
  dataCategories!: DataCategory[];
  @Field({ description: 'YYYY-MM-DD' })
  @IsDateOnly(RECORD_DATES)
  validFrom!: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, inclusive' })
  @IsOptional()
  @IsDateOnly(RECORD_DATES)
  validUntil?: string;
  @Field(() => ConsentEvidenceInput)
  @ValidateNested()
  @Type(() => ConsentEvidenceInput)
  evidence!: ConsentEvidenceInput;
  @Field(() => ID, { nullable: true, description: 'Your organisation, if you belong to several.' })
  @IsOptional()
  @IsUUID()
  asOrganisationId?: string;
}

@InputType()
export class WithdrawConsentInput {
  @Field(() => ID) @IsUUID() consentId!: string;
  @Field({ nullable: true }) @OptionalText(2000) reason?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() asOrganisationId?: string;
}

@InputType()
export class RecordLegalBasisInput {
  @Field(() => ID, { description: 'Your organisation (the one disclosing).' }) @IsUUID() ownerOrganisationId!: string;
  @Field(() => ID) @IsUUID() recipientOrganisationId!: string;
  @Field(() => Purpose) @IsEnum(Purpose) purpose!: Purpose;
  @Field(() => [DataCategory])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsEnum(DataCategory, { each: true })
  dataCategories!: DataCategory[];
  @Field() @RequiredText(3, 500) citation!: string;
  @Field()
  @IsDateOnly(RECORD_DATES)
  validFrom!: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsDateOnly(RECORD_DATES)
  validUntil?: string;
}
