import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { AccessBasis } from '@app/access';
import { DataCategory } from '@app/organisations';

/** Why sending a referral would be refused by its consent gate. */
export enum ConsentGateReason {
  /** No active data-sharing agreement for REFERRAL between your organisation and the recipient. */
  NO_AGREEMENT = 'NO_AGREEMENT',
  /** No consent (or legal basis) for REFERRAL to the recipient. */
  NO_CONSENT = 'NO_CONSENT',
  CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN',
  CONSENT_EXPIRED = 'CONSENT_EXPIRED',
  /** A consent that starts later than today. */
  CONSENT_NOT_YET_VALID = 'CONSENT_NOT_YET_VALID',
  /** The consent (or legal basis) names only categories the agreement does not let flow. */
  BEYOND_AGREEMENT = 'BEYOND_AGREEMENT',
}
registerEnumType(ConsentGateReason, { name: 'ConsentGateReason' });

@ArgsType()
export class ConsentPreflightArgs {
  @Field(() => ID) @IsUUID() participantId!: string;
  @Field(() => ID, { description: 'Where the referral would go.' }) @IsUUID() toOrganisationId!: string;
  @Field(() => ID, { nullable: true, description: 'Your organisation, if you belong to several.' })
  @IsOptional()
  @IsUUID()
  asOrganisationId?: string;
}

@ObjectType({
  description:
    'Whether sendReferral’s consent gate would pass now for this participant and recipient, and if not why; ' +
    'decided by the access rule itself, as sending decides it.',
})
export class ConsentPreflight {
  @Field(() => ID) participantId!: string;
  @Field(() => ID) toOrganisationId!: string;
  @Field({ description: 'Sending now would pass the consent gate.' }) passes!: boolean;
  @Field(() => [ConsentGateReason], { description: 'Why it would not pass; empty when it would.' })
  reasons!: ConsentGateReason[];
  @Field(() => AccessBasis, { nullable: true, description: 'CONSENT or LEGAL_BASIS when it would pass.' })
  basis!: AccessBasis | null;
  @Field(() => [DataCategory], { description: 'What the recipient would see of the participant once it is sent.' })
  sharedCategories!: DataCategory[];
  @Field(() => [DataCategory], {
    description:
      'What the data-sharing agreements for REFERRAL with the recipient let flow: the categories a consent ' +
      'recorded now may cover (grantConsent refuses any other). Empty: there is no agreement.',
  })
  agreementCategories!: DataCategory[];
  @Field(() => [ID], {
    description: 'The participant’s consents for REFERRAL to the recipient (or a partnership of it), live or not.',
  })
  consentIds!: string[];
  @Field(() => [ID], { description: 'Live legal bases for REFERRAL from your organisation to the recipient.' })
  legalBasisIds!: string[];
}
