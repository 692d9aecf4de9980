import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly, OptionalText, PAST_DATES, RequiredText } from '@app/core';
import { IsPesel } from './pesel';
import { DisabilityDegree } from './participant-data.model';

/** Lists are never null: left out (or empty) means none, as they read back. */
const LIST_REPLACES = 'The whole list; left out means none.';

@InputType()
export class IdentityInput {
  @Field() @RequiredText(1, 100) firstName!: string;
  @Field() @RequiredText(1, 100) lastName!: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsDateOnly(PAST_DATES)
  dateOfBirth?: string;
  @Field({ nullable: true }) @IsOptional() @IsPesel() pesel?: string;
}

@InputType()
export class ContactInput {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone is not a phone number' })
  phone?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

@InputType()
export class ResidenceInput {
  @Field({ nullable: true }) @OptionalText(200) street?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{2}-\d{3}$/, { message: 'postalCode must look like 05-120' })
  postalCode?: string;
  @Field({ nullable: true }) @OptionalText(100) city?: string;
  @Field({ nullable: true }) @OptionalText(100) commune?: string;
}

@InputType()
export class EmploymentInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsDateOnly()
  registeredUnemployedSince?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(720) monthsUnemployed?: number;
  @Field(() => [String], { defaultValue: [], description: LIST_REPLACES })
  @IsOptional() // GraphQL refuses null (non-null with a default); left out in code means none
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  workHistory?: string[];
}

@InputType()
export class EducationInput {
  @Field({ nullable: true }) @OptionalText(100) level?: string;
  @Field(() => [String], { defaultValue: [], description: LIST_REPLACES })
  @IsOptional() // GraphQL refuses null (non-null with a default); left out in code means none
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  skills?: string[];
  @Field(() => [String], { defaultValue: [], description: LIST_REPLACES })
  @IsOptional() // GraphQL refuses null (non-null with a default); left out in code means none
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  certificates?: string[];
}

@InputType()
export class BenefitsInput {
  @Field(() => [String], { defaultValue: [], description: LIST_REPLACES })
  @IsOptional() // GraphQL refuses null (non-null with a default); left out in code means none
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  benefits?: string[];
  @Field({ nullable: true }) @OptionalText(2000) notes?: string;
}

@InputType()
export class FamilyInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(30) householdSize?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(30) dependants?: number;
  @Field({ nullable: true }) @OptionalText(2000) notes?: string;
}

@InputType()
export class HousingInput {
  @Field({ nullable: true }) @OptionalText(200) situation?: string;
  @Field({ nullable: true }) @OptionalText(2000) notes?: string;
}

@InputType()
export class HealthInput {
  @Field(() => DisabilityDegree, { nullable: true })
  @IsOptional()
  @IsEnum(DisabilityDegree)
  disabilityDegree?: DisabilityDegree;
  @Field({ nullable: true })
  @IsOptional()
  @IsDateOnly()
  disabilityCertificateValidUntil?: string;
  @Field({ nullable: true }) @OptionalText(2000) notes?: string;
}

@InputType()
export class AddictionInput {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() inTreatment?: boolean;
  @Field({ nullable: true }) @OptionalText(2000) notes?: string;
}

@InputType()
export class CriminalRecordInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsDateOnly()
  releasedOn?: string;
  @Field({ nullable: true }) @OptionalText(2000) notes?: string;
}

/** Personal data by category; on update, a category given replaces the stored one. */
@InputType()
export class ParticipantDataInput {
  @Field(() => ContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactInput)
  contact?: ContactInput;
  @Field(() => ResidenceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResidenceInput)
  address?: ResidenceInput;
  @Field(() => EmploymentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmploymentInput)
  employment?: EmploymentInput;
  @Field(() => EducationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EducationInput)
  education?: EducationInput;
  @Field(() => BenefitsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BenefitsInput)
  benefits?: BenefitsInput;
  @Field(() => FamilyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FamilyInput)
  family?: FamilyInput;
  @Field(() => HousingInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => HousingInput)
  housing?: HousingInput;
  @Field(() => HealthInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => HealthInput)
  health?: HealthInput;
  @Field(() => AddictionInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddictionInput)
  addiction?: AddictionInput;
  @Field(() => CriminalRecordInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CriminalRecordInput)
  criminalRecord?: CriminalRecordInput;
}
