import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AccessBasis, RedactionReason } from '@app/access';
import { PageInfo } from '@app/core';
import { DataCategory, Purpose } from '@app/organisations';
import {
  AddictionData,
  BenefitsData,
  ContactData,
  CriminalRecordData,
  EducationData,
  EmploymentData,
  FamilyData,
  HealthData,
  HousingData,
  IdentityData,
  ResidenceData,
} from './participant-data.model';

@ObjectType({ description: 'A hidden category and why it is hidden.' })
export class Redaction {
  @Field(() => DataCategory) category!: DataCategory;
  @Field(() => RedactionReason) reason!: RedactionReason;
}

@ObjectType({ description: 'On what grounds this read was served.' })
export class ParticipantAccess {
  @Field(() => ID, { description: 'The organisation the data was read for.' }) organisationId!: string;
  @Field(() => Purpose) purpose!: Purpose;
  @Field(() => AccessBasis) basis!: AccessBasis;
  @Field(() => [DataCategory]) visibleCategories!: DataCategory[];
}

/**
 * A person supported by the partnership. Each category field is null when it
 * is hidden from you (its reason is in `redactions`) or simply not recorded.
 */
@ObjectType()
export class Participant {
  @Field(() => ID) id!: string;
  @Field(() => ID) ownerOrganisationId!: string;
  @Field() createdAt!: Date;
  @Field(() => Int) version!: number;
  @Field(() => IdentityData, { nullable: true }) identity!: IdentityData | null;
  @Field(() => ContactData, { nullable: true }) contact!: ContactData | null;
  @Field(() => ResidenceData, { nullable: true }) address!: ResidenceData | null;
  @Field(() => EmploymentData, { nullable: true }) employment!: EmploymentData | null;
  @Field(() => EducationData, { nullable: true }) education!: EducationData | null;
  @Field(() => BenefitsData, { nullable: true }) benefits!: BenefitsData | null;
  @Field(() => FamilyData, { nullable: true }) family!: FamilyData | null;
  @Field(() => HousingData, { nullable: true }) housing!: HousingData | null;
  @Field(() => HealthData, { nullable: true }) health!: HealthData | null;
  @Field(() => AddictionData, { nullable: true }) addiction!: AddictionData | null;
  @Field(() => CriminalRecordData, { nullable: true }) criminalRecord!: CriminalRecordData | null;
  @Field(() => [Redaction], { description: 'The categories hidden from you, each with its reason.' })
  redactions!: Redaction[];
  @Field(() => ParticipantAccess) access!: ParticipantAccess;
}

@ObjectType()
export class ParticipantEdge {
  @Field() cursor!: string;
  @Field(() => Participant) node!: Participant;
}

@ObjectType()
export class ParticipantConnection {
  @Field(() => [ParticipantEdge]) edges!: ParticipantEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, {
    description:
      'Participants you may know about that match the filter, counted up to 1000 (see totalCountIsCapped). ' +
      'Computed only when asked for.',
  })
  totalCount!: number;
  @Field({ description: 'More than 1000 match: totalCount is 1000, and the console shows "ponad 1000".' })
  totalCountIsCapped!: boolean;
}

@ObjectType()
export class AccessExplanation {
  @Field(() => ID) participantId!: string;
  @Field(() => ID) organisationId!: string;
  @Field(() => Purpose) purpose!: Purpose;
  @Field(() => AccessBasis, { nullable: true }) basis!: AccessBasis | null;
  @Field(() => [DataCategory]) visibleCategories!: DataCategory[];
  @Field(() => [ID], { description: 'Consents the visible data rests on.' }) consentIds!: string[];
  @Field(() => [ID]) legalBasisIds!: string[];
  @Field(() => [Redaction], { description: 'The categories hidden from you, each with its reason.' })
  redactions!: Redaction[];
}

@ObjectType()
export class AccessLogEntry {
  @Field(() => ID) id!: string;
  @Field() occurredAt!: Date;
  @Field(() => ID) actorUserId!: string;
  @Field(() => ID) actorOrganisationId!: string;
  @Field(() => Purpose) purpose!: Purpose;
  @Field(() => [DataCategory]) categories!: DataCategory[];
  @Field(() => AccessBasis) basis!: AccessBasis;
  @Field(() => [ID]) consentIds!: string[];
  @Field(() => [ID]) legalBasisIds!: string[];
  @Field(() => ID, { nullable: true }) breakGlassGrantId!: string | null;
  @Field() operation!: string;
}
