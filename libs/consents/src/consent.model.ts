import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataCategory, Purpose } from '@app/organisations';

export enum EvidenceMethod {
  PAPER_SIGNATURE = 'PAPER_SIGNATURE',
  ELECTRONIC = 'ELECTRONIC',
  WITNESSED_VERBAL = 'WITNESSED_VERBAL',
}
registerEnumType(EvidenceMethod, { name: 'EvidenceMethod' });

export enum ConsentStatus {
  ACTIVE = 'ACTIVE',
  NOT_YET_VALID = 'NOT_YET_VALID',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ConsentStatus, { name: 'ConsentStatus' });

@ObjectType()
export class ConsentEvidence {
  @Field(() => EvidenceMethod) method!: EvidenceMethod;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the signed document, hex' }) documentHash!:
    string | null;
  @Field(() => ID) collectedByUserId!: string;
}

@ObjectType({ description: 'A participant’s consent. Append-only: a withdrawal is recorded, never a deletion.' })
export class Consent {
  @Field(() => ID) id!: string;
  @Field(() => ID) participantId!: string;
  @Field(() => ID, { nullable: true }) grantedToOrganisationId!: string | null;
  @Field(() => ID, { nullable: true }) grantedToPartnershipId!: string | null;
  @Field(() => [Purpose]) purposes!: Purpose[];
  @Field(() => [DataCategory]) dataCategories!: DataCategory[];
  @Field() validFrom!: string;
  @Field(() => String, { nullable: true }) validUntil!: string | null;
  @Field(() => ConsentEvidence) evidence!: ConsentEvidence;
  @Field(() => ConsentStatus, { description: 'Judged now.' }) status!: ConsentStatus;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) withdrawnAt!: Date | null;
  @Field(() => String, { nullable: true }) withdrawalReason!: string | null;
}

@ObjectType({
  description: 'A statutory duty (not consent) allowing data to flow for a purpose between two organisations.',
})
export class LegalBasis {
  @Field(() => ID) id!: string;
  @Field(() => ID) ownerOrganisationId!: string;
  @Field(() => ID) recipientOrganisationId!: string;
  @Field(() => Purpose) purpose!: Purpose;
  @Field(() => [DataCategory]) dataCategories!: DataCategory[];
  @Field({ description: 'e.g. "art. 50 ust. 1 ustawy o pomocy społecznej"' }) citation!: string;
  @Field() validFrom!: string;
  @Field(() => String, { nullable: true }) validUntil!: string | null;
}
