import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { OptionalNotNull, OptionalText, RequiredText, Trim } from '@app/core';
import { Type } from 'class-transformer';
import { OrganisationKind } from '../vocabulary';

@InputType()
export class AddressInput {
  @Field({ nullable: true }) @OptionalText(200) street?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{2}-\d{3}$/, { message: 'postalCode must look like 05-120' })
  postalCode?: string;
  @Field({ nullable: true }) @OptionalText(100) city?: string;
  @Field({ nullable: true }) @OptionalText(100) county?: string;
  @Field({ nullable: true }) @OptionalText(100) voivodeship?: string;
}

@InputType()
export class CreateOrganisationInput {
  @Field(() => OrganisationKind) @IsEnum(OrganisationKind) kind!: OrganisationKind;
  @Field() @RequiredText(2, 200) name!: string;
  @Field({ nullable: true }) @Trim() @IsOptional() @IsString() @Length(1, 40) shortName?: string;
  @Field({ nullable: true, description: 'NIP, 10 digits' })
  @IsOptional()
  @Matches(/^\d{10}$/, { message: 'taxId must be 10 digits' })
  taxId?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone is not a phone number' })
  phone?: string;
  @Field(() => AddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() parentOrganisationId?: string;
}

@InputType()
export class UpdateOrganisationInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field({ nullable: true, description: 'Leave out to keep; cannot be null.' })
  @Trim()
  @OptionalNotNull()
  @IsString()
  @Length(2, 200)
  name?: string;
  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @Trim()
  @IsOptional()
  @IsString()
  @Length(1, 40)
  shortName?: string | null;
  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone is not a phone number' })
  phone?: string;
  @Field(() => AddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput;
}

@InputType()
export class AddOrganisationServiceInput {
  @Field(() => ID) @IsUUID() organisationId!: string;
  @Field() @RequiredText(2, 200) name!: string;
  @Field({ nullable: true }) @OptionalText(2000) description?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(10_000) capacity?: number;
}

@InputType()
export class UpdateOrganisationServiceInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field({ nullable: true, description: 'Leave out to keep; cannot be null.' })
  @Trim()
  @OptionalNotNull()
  @IsString()
  @Length(2, 200)
  name?: string;
  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;
  @Field(() => Int, { nullable: true, description: 'null: no fixed limit.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  capacity?: number | null;
  @Field({ nullable: true, description: 'Leave out to keep; cannot be null.' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
