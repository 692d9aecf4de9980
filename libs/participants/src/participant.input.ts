import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Purpose } from '@app/organisations';
import { IdentityInput, ParticipantDataInput } from './participant-data.input';

@InputType()
export class CreateParticipantInput extends ParticipantDataInput {
  @Field(() => IdentityInput) @ValidateNested() @Type(() => IdentityInput) identity!: IdentityInput;
  @Field(() => ID, { nullable: true, description: 'Your organisation, if you belong to several.' })
  @IsOptional()
  @IsUUID()
  asOrganisationId?: string;
}

@InputType()
export class UpdateParticipantInput extends ParticipantDataInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, { description: 'The version you read; a stale one is CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
  @Field(() => IdentityInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => IdentityInput)
  identity?: IdentityInput;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() asOrganisationId?: string;
}

@ArgsType()
export class ParticipantReadArgs {
  @Field(() => Purpose, {
    defaultValue: Purpose.REFERRAL,
    description: 'Why you read; logged with every cross-organisation read.',
  })
  @IsEnum(Purpose)
  purpose: Purpose = Purpose.REFERRAL;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() asOrganisationId?: string;
}

@ArgsType()
export class ParticipantsArgs extends ParticipantReadArgs {
  @Field({ nullable: true, description: 'Part of the name; matches only where you may see IDENTITY.' })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  search?: string;
  @Field(() => Int, { defaultValue: 20 }) @IsInt() @Min(1) @Max(100) first: number = 20;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@ArgsType()
export class ParticipantArgs extends ParticipantReadArgs {
  @Field(() => ID) @IsUUID() id!: string;
}

@ArgsType()
export class ExplainAccessArgs extends ParticipantReadArgs {
  @Field(() => ID) @IsUUID() participantId!: string;
}
