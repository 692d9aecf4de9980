import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum DisabilityDegree {
  NONE = 'NONE',
  LIGHT = 'LIGHT',
  MODERATE = 'MODERATE',
  SEVERE = 'SEVERE',
}
registerEnumType(DisabilityDegree, { name: 'DisabilityDegree', description: 'Stopień niepełnosprawności' });

@ObjectType()
export class IdentityData {
  @Field() firstName!: string;
  @Field() lastName!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dateOfBirth!: string | null;
  @Field(() => String, { nullable: true }) pesel!: string | null;
}

@ObjectType()
export class ContactData {
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
}

@ObjectType()
export class ResidenceData {
  @Field(() => String, { nullable: true }) street!: string | null;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true, description: 'Gmina' }) commune!: string | null;
}

@ObjectType()
export class EmploymentData {
  @Field(() => String, { nullable: true, description: 'Registered at the labour office since (YYYY-MM-DD)' })
  registeredUnemployedSince!: string | null;
  @Field(() => Int, { nullable: true }) monthsUnemployed!: number | null;
  @Field(() => [String]) workHistory!: string[];
}

@ObjectType()
export class EducationData {
  @Field(() => String, { nullable: true }) level!: string | null;
  @Field(() => [String]) skills!: string[];
  @Field(() => [String]) certificates!: string[];
}

@ObjectType()
export class BenefitsData {
  @Field(() => [String], { description: 'e.g. zasiłek okresowy, zasiłek celowy' }) benefits!: string[];
  @Field(() => String, { nullable: true }) notes!: string | null;
}

@ObjectType()
export class FamilyData {
  @Field(() => Int, { nullable: true }) householdSize!: number | null;
  @Field(() => Int, { nullable: true }) dependants!: number | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
}

@ObjectType()
export class HousingData {
  @Field(() => String, { nullable: true }) situation!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
}

@ObjectType({ description: 'Special category (GDPR art. 9), including disability.' })
export class HealthData {
  @Field(() => DisabilityDegree, { nullable: true }) disabilityDegree!: DisabilityDegree | null;
  @Field(() => String, { nullable: true }) disabilityCertificateValidUntil!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
}

@ObjectType({ description: 'Special category (GDPR art. 9).' })
export class AddictionData {
  @Field(() => Boolean, { nullable: true }) inTreatment!: boolean | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
}

@ObjectType({ description: 'Special category (GDPR art. 10).' })
export class CriminalRecordData {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) releasedOn!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
}
