import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { NoNulCharacter, Trim } from '../validation';
import { DataCategory, Purpose } from '../vocabulary';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'Give exactly one of counterpartOrganisationId and partnershipId.' })
export class ProposeAgreementInput {
  @Field() @Trim() @IsString() @Length(2, 200) @NoNulCharacter() title!: string;
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
  @Matches(DATE_ONLY, { message: 'validFrom must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  validFrom!: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'validUntil must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  validUntil?: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(365) responseTimeDays!: number;
}

@InputType()
export class TerminateAgreementInput {
  @Field(() => ID) @IsUUID() agreementId!: string;
  @Field() @Trim() @IsString() @Length(3, 2000) @NoNulCharacter() reason!: string;
}
