/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format. */
  DateTime: { input: string; output: string; }
};

export type AcceptReferralInput = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  /** Coordinators only: accept into a full service, saying why. */
  capacityOverrideReason?: InputMaybe<Scalars['String']['input']>;
  /** The version you read; a stale one is CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  referralId: Scalars['ID']['input'];
};

export type AccessBasis =
  | 'BREAK_GLASS'
  | 'CONSENT'
  | 'LEGAL_BASIS'
  | 'OWNER';

export type AccessExplanation = {
  __typename?: 'AccessExplanation';
  basis: Maybe<AccessBasis>;
  /** Consents the visible data rests on. */
  consentIds: Array<Scalars['ID']['output']>;
  legalBasisIds: Array<Scalars['ID']['output']>;
  organisationId: Scalars['ID']['output'];
  participantId: Scalars['ID']['output'];
  purpose: Purpose;
  /** The categories hidden from you, each with its reason. */
  redactions: Array<Redaction>;
  visibleCategories: Array<DataCategory>;
};

export type AccessLogEntry = {
  __typename?: 'AccessLogEntry';
  actorOrganisationId: Scalars['ID']['output'];
  actorUserId: Scalars['ID']['output'];
  basis: AccessBasis;
  breakGlassGrantId: Maybe<Scalars['ID']['output']>;
  categories: Array<DataCategory>;
  consentIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  legalBasisIds: Array<Scalars['ID']['output']>;
  occurredAt: Scalars['DateTime']['output'];
  operation: Scalars['String']['output'];
  purpose: Purpose;
};

export type AccessToken = {
  __typename?: 'AccessToken';
  /** Send as `Authorization: Bearer <token>`. */
  accessToken: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
};

export type AddMemberInput = {
  displayName: Scalars['String']['input'];
  email: Scalars['String']['input'];
  /** Required when the e-mail has no account yet; 12 to 200 characters. */
  initialPassword?: InputMaybe<Scalars['String']['input']>;
  language?: InputMaybe<Language>;
  organisationId: Scalars['ID']['input'];
  role: Role;
};

export type AddOrganisationServiceInput = {
  capacity?: InputMaybe<Scalars['Int']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  organisationId: Scalars['ID']['input'];
};

/** Special category (GDPR art. 9). */
export type AddictionData = {
  __typename?: 'AddictionData';
  inTreatment: Maybe<Scalars['Boolean']['output']>;
  notes: Maybe<Scalars['String']['output']>;
};

export type AddictionInput = {
  inTreatment?: InputMaybe<Scalars['Boolean']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
};

export type Address = {
  __typename?: 'Address';
  city: Maybe<Scalars['String']['output']>;
  /** Powiat */
  county: Maybe<Scalars['String']['output']>;
  postalCode: Maybe<Scalars['String']['output']>;
  street: Maybe<Scalars['String']['output']>;
  /** Województwo */
  voivodeship: Maybe<Scalars['String']['output']>;
};

export type AddressInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  county?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  street?: InputMaybe<Scalars['String']['input']>;
  voivodeship?: InputMaybe<Scalars['String']['input']>;
};

/** PROPOSED until the counterpart approves; only ACTIVE agreements within their validity allow data to flow. */
export type AgreementStatus =
  | 'ACTIVE'
  | 'PROPOSED'
  | 'TERMINATED';

export type Attachment = {
  __typename?: 'Attachment';
  name: Scalars['String']['output'];
  /** SHA-256, hex */
  sha256: Scalars['String']['output'];
};

export type AttachmentInput = {
  name: Scalars['String']['input'];
  sha256: Scalars['String']['input'];
};

export type BenefitsData = {
  __typename?: 'BenefitsData';
  /** e.g. zasiłek okresowy, zasiłek celowy */
  benefits: Array<Scalars['String']['output']>;
  notes: Maybe<Scalars['String']['output']>;
};

export type BenefitsInput = {
  /** The whole list; left out means none. */
  benefits?: Array<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
};

export type CancelReason =
  | 'FOUND_EMPLOYMENT'
  | 'OTHER'
  | 'PARTICIPANT_MOVED'
  | 'PARTICIPANT_REFUSED'
  | 'SENT_IN_ERROR';

export type CancelReferralInput = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  /** The version you read; a stale one is CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  reasonCode: CancelReason;
  referralId: Scalars['ID']['input'];
};

export type ChangeMemberRoleInput = {
  membershipId: Scalars['ID']['input'];
  role: Role;
};

export type CompleteReferralInput = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  /** The version you read; a stale one is CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  outcome: ReferralOutcome;
  referralId: Scalars['ID']['input'];
};

/** A participant’s consent. Append-only: a withdrawal is recorded, never a deletion. */
export type Consent = {
  __typename?: 'Consent';
  createdAt: Scalars['DateTime']['output'];
  dataCategories: Array<DataCategory>;
  evidence: ConsentEvidence;
  grantedToOrganisationId: Maybe<Scalars['ID']['output']>;
  grantedToPartnershipId: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  participantId: Scalars['ID']['output'];
  purposes: Array<Purpose>;
  /** Judged now. */
  status: ConsentStatus;
  validFrom: Scalars['String']['output'];
  validUntil: Maybe<Scalars['String']['output']>;
  withdrawalReason: Maybe<Scalars['String']['output']>;
  withdrawnAt: Maybe<Scalars['DateTime']['output']>;
};

export type ConsentEvidence = {
  __typename?: 'ConsentEvidence';
  collectedByUserId: Scalars['ID']['output'];
  /** SHA-256 of the signed document, hex */
  documentHash: Maybe<Scalars['String']['output']>;
  method: EvidenceMethod;
};

export type ConsentEvidenceInput = {
  /** SHA-256 of the signed document, 64 hex characters */
  documentHash?: InputMaybe<Scalars['String']['input']>;
  method: EvidenceMethod;
};

export type ConsentGateReason =
  | 'BEYOND_AGREEMENT'
  | 'CONSENT_EXPIRED'
  | 'CONSENT_NOT_YET_VALID'
  | 'CONSENT_WITHDRAWN'
  | 'NO_AGREEMENT'
  | 'NO_CONSENT';

/** Whether sendReferral’s consent gate would pass now for this participant and recipient, and if not why; decided by the access rule itself, as sending decides it. */
export type ConsentPreflight = {
  __typename?: 'ConsentPreflight';
  /** What the data-sharing agreements for REFERRAL with the recipient let flow: the categories a consent recorded now may cover (grantConsent refuses any other). Empty: there is no agreement. */
  agreementCategories: Array<DataCategory>;
  /** CONSENT or LEGAL_BASIS when it would pass. */
  basis: Maybe<AccessBasis>;
  /** The participant’s consents for REFERRAL to the recipient (or a partnership of it), live or not. */
  consentIds: Array<Scalars['ID']['output']>;
  /** Live legal bases for REFERRAL from your organisation to the recipient. */
  legalBasisIds: Array<Scalars['ID']['output']>;
  participantId: Scalars['ID']['output'];
  /** Sending now would pass the consent gate. */
  passes: Scalars['Boolean']['output'];
  /** Why it would not pass; empty when it would. */
  reasons: Array<ConsentGateReason>;
  /** What the recipient would see of the participant once it is sent. */
  sharedCategories: Array<DataCategory>;
  toOrganisationId: Scalars['ID']['output'];
};

export type ConsentStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'WITHDRAWN';

export type ContactData = {
  __typename?: 'ContactData';
  email: Maybe<Scalars['String']['output']>;
  phone: Maybe<Scalars['String']['output']>;
};

export type ContactInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type CreateOrganisationInput = {
  address?: InputMaybe<AddressInput>;
  email?: InputMaybe<Scalars['String']['input']>;
  kind: OrganisationKind;
  name: Scalars['String']['input'];
  parentOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  shortName?: InputMaybe<Scalars['String']['input']>;
  /** NIP, 10 digits */
  taxId?: InputMaybe<Scalars['String']['input']>;
};

export type CreateParticipantInput = {
  addiction?: InputMaybe<AddictionInput>;
  address?: InputMaybe<ResidenceInput>;
  /** Your organisation, if you belong to several. */
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  benefits?: InputMaybe<BenefitsInput>;
  contact?: InputMaybe<ContactInput>;
  criminalRecord?: InputMaybe<CriminalRecordInput>;
  education?: InputMaybe<EducationInput>;
  employment?: InputMaybe<EmploymentInput>;
  family?: InputMaybe<FamilyInput>;
  health?: InputMaybe<HealthInput>;
  housing?: InputMaybe<HousingInput>;
  identity: IdentityInput;
};

export type CreatePartnershipInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** Your organisation; its partner admins will manage the partnership. */
  leadOrganisationId: Scalars['ID']['input'];
  /** Other founding members. */
  memberOrganisationIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  name: Scalars['String']['input'];
};

export type CreateReferralInput = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  attachments?: InputMaybe<Array<AttachmentInput>>;
  /** A retry with the same key returns the first result. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  participantId: Scalars['ID']['input'];
  priority?: ReferralPriority;
  reason: Scalars['String']['input'];
  reasonCategory: ReferralReasonCategory;
  /** YYYY-MM-DD; defaults to today + the agreement's response time */
  responseDueOn?: InputMaybe<Scalars['String']['input']>;
  /** Send at once instead of keeping a draft. */
  send?: Scalars['Boolean']['input'];
  toOrganisationId: Scalars['ID']['input'];
  /** One of the recipient's services, e.g. a CIS workshop. */
  toServiceId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateWebhookEndpointInput = {
  /** e.g. referral.send; empty means every event. */
  eventTypes?: Array<Scalars['String']['input']>;
  organisationId: Scalars['ID']['input'];
  /** An http(s) URL of a public internet host, without credentials, at most 2000 characters. Loopback, private, link-local and cloud metadata addresses are refused, by the address the host resolves to. */
  url: Scalars['String']['input'];
};

/** Special category (GDPR art. 10). */
export type CriminalRecordData = {
  __typename?: 'CriminalRecordData';
  notes: Maybe<Scalars['String']['output']>;
  /** YYYY-MM-DD */
  releasedOn: Maybe<Scalars['String']['output']>;
};

export type CriminalRecordInput = {
  notes?: InputMaybe<Scalars['String']['input']>;
  releasedOn?: InputMaybe<Scalars['String']['input']>;
};

export type DataCategory =
  | 'ADDICTION'
  | 'ADDRESS'
  | 'BENEFITS'
  | 'CONTACT'
  | 'CRIMINAL_RECORD'
  | 'EDUCATION'
  | 'EMPLOYMENT'
  | 'FAMILY'
  | 'HEALTH'
  | 'HOUSING'
  | 'IDENTITY';

/** The ceiling on what may flow between organisations. A consent can only narrow it. Two-party, or partnership-wide. */
export type DataSharingAgreement = {
  __typename?: 'DataSharingAgreement';
  approvedAt: Maybe<Scalars['DateTime']['output']>;
  dataCategories: Array<DataCategory>;
  id: Scalars['ID']['output'];
  /** The parties (for a partnership-wide agreement: its members). */
  parties: Array<Organisation>;
  /** Set for a partnership-wide agreement. */
  partnership: Maybe<Partnership>;
  proposedBy: Organisation;
  purposes: Array<Purpose>;
  /** Days within which the recipient promises to answer a referral. */
  responseTimeDays: Scalars['Int']['output'];
  status: AgreementStatus;
  terminatedAt: Maybe<Scalars['DateTime']['output']>;
  terminationReason: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  /** YYYY-MM-DD */
  validFrom: Scalars['String']['output'];
  /** YYYY-MM-DD, inclusive; null means open-ended. */
  validUntil: Maybe<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
};

export type DeclineReason =
  | 'DUPLICATE'
  | 'NOT_ELIGIBLE'
  | 'NO_CAPACITY'
  | 'OTHER'
  | 'OUTSIDE_AREA'
  | 'PARTICIPANT_REFUSED';

export type DeclineReferralInput = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  /** The version you read; a stale one is CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  reasonCode: DeclineReason;
  referralId: Scalars['ID']['input'];
};

/** Stopień niepełnosprawności */
export type DisabilityDegree =
  | 'LIGHT'
  | 'MODERATE'
  | 'NONE'
  | 'SEVERE';

export type DropOutReason =
  | 'FOUND_EMPLOYMENT_ELSEWHERE'
  | 'HEALTH'
  | 'MOVED_AWAY'
  | 'OTHER'
  | 'RULES_BREACH'
  | 'STOPPED_ATTENDING';

export type DropOutReferralInput = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  /** The version you read; a stale one is CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  reasonCode: DropOutReason;
  referralId: Scalars['ID']['input'];
};

export type EducationData = {
  __typename?: 'EducationData';
  certificates: Array<Scalars['String']['output']>;
  level: Maybe<Scalars['String']['output']>;
  skills: Array<Scalars['String']['output']>;
};

export type EducationInput = {
  /** The whole list; left out means none. */
  certificates?: Array<Scalars['String']['input']>;
  level?: InputMaybe<Scalars['String']['input']>;
  /** The whole list; left out means none. */
  skills?: Array<Scalars['String']['input']>;
};

export type EmergencyAccessGrant = {
  __typename?: 'EmergencyAccessGrant';
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  openedAt: Scalars['DateTime']['output'];
  organisationId: Scalars['ID']['output'];
  participantId: Scalars['ID']['output'];
};

export type EmploymentData = {
  __typename?: 'EmploymentData';
  monthsUnemployed: Maybe<Scalars['Int']['output']>;
  /** Registered at the labour office since (YYYY-MM-DD) */
  registeredUnemployedSince: Maybe<Scalars['String']['output']>;
  workHistory: Array<Scalars['String']['output']>;
};

export type EmploymentInput = {
  monthsUnemployed?: InputMaybe<Scalars['Int']['input']>;
  registeredUnemployedSince?: InputMaybe<Scalars['String']['input']>;
  /** The whole list; left out means none. */
  workHistory?: Array<Scalars['String']['input']>;
};

export type EvidenceMethod =
  | 'ELECTRONIC'
  | 'PAPER_SIGNATURE'
  | 'WITNESSED_VERBAL';

export type FamilyData = {
  __typename?: 'FamilyData';
  dependants: Maybe<Scalars['Int']['output']>;
  householdSize: Maybe<Scalars['Int']['output']>;
  notes: Maybe<Scalars['String']['output']>;
};

export type FamilyInput = {
  dependants?: InputMaybe<Scalars['Int']['input']>;
  householdSize?: InputMaybe<Scalars['Int']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
};

export type ForwardReferralInput = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  /** The version you read; a stale one is CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  reason?: InputMaybe<Scalars['String']['input']>;
  referralId: Scalars['ID']['input'];
  toOrganisationId: Scalars['ID']['input'];
  toServiceId?: InputMaybe<Scalars['ID']['input']>;
};

/** Give exactly one of recipientOrganisationId and recipientPartnershipId. */
export type GrantConsentInput = {
  /** Your organisation, if you belong to several. */
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  /** Special categories (HEALTH, ADDICTION, CRIMINAL_RECORD) are shared only if named here. */
  dataCategories: Array<DataCategory>;
  evidence: ConsentEvidenceInput;
  participantId: Scalars['ID']['input'];
  purposes: Array<Purpose>;
  recipientOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  recipientPartnershipId?: InputMaybe<Scalars['ID']['input']>;
  /** YYYY-MM-DD */
  validFrom: Scalars['String']['input'];
  /** YYYY-MM-DD, inclusive */
  validUntil?: InputMaybe<Scalars['String']['input']>;
};

/** Special category (GDPR art. 9), including disability. */
export type HealthData = {
  __typename?: 'HealthData';
  disabilityCertificateValidUntil: Maybe<Scalars['String']['output']>;
  disabilityDegree: Maybe<DisabilityDegree>;
  notes: Maybe<Scalars['String']['output']>;
};

export type HealthInput = {
  disabilityCertificateValidUntil?: InputMaybe<Scalars['String']['input']>;
  disabilityDegree?: InputMaybe<DisabilityDegree>;
  notes?: InputMaybe<Scalars['String']['input']>;
};

export type HousingData = {
  __typename?: 'HousingData';
  notes: Maybe<Scalars['String']['output']>;
  situation: Maybe<Scalars['String']['output']>;
};

export type HousingInput = {
  notes?: InputMaybe<Scalars['String']['input']>;
  situation?: InputMaybe<Scalars['String']['input']>;
};

export type IdentityData = {
  __typename?: 'IdentityData';
  /** YYYY-MM-DD */
  dateOfBirth: Maybe<Scalars['String']['output']>;
  firstName: Scalars['String']['output'];
  lastName: Scalars['String']['output'];
  pesel: Maybe<Scalars['String']['output']>;
};

export type IdentityInput = {
  dateOfBirth?: InputMaybe<Scalars['String']['input']>;
  firstName: Scalars['String']['input'];
  lastName: Scalars['String']['input'];
  pesel?: InputMaybe<Scalars['String']['input']>;
};

export type Language =
  | 'en'
  | 'pl';

/** A statutory duty (not consent) allowing data to flow for a purpose between two organisations. */
export type LegalBasis = {
  __typename?: 'LegalBasis';
  /** e.g. "art. 50 ust. 1 ustawy o pomocy społecznej" */
  citation: Scalars['String']['output'];
  dataCategories: Array<DataCategory>;
  id: Scalars['ID']['output'];
  ownerOrganisationId: Scalars['ID']['output'];
  purpose: Purpose;
  recipientOrganisationId: Scalars['ID']['output'];
  validFrom: Scalars['String']['output'];
  validUntil: Maybe<Scalars['String']['output']>;
};

/** The signed-in user, their memberships and organisations. */
export type Me = {
  __typename?: 'Me';
  memberships: Array<Membership>;
  organisations: Array<Organisation>;
  user: User;
};

export type Membership = {
  __typename?: 'Membership';
  id: Scalars['ID']['output'];
  organisationId: Scalars['ID']['output'];
  role: Role;
  user: User;
};

export type Mutation = {
  __typename?: 'Mutation';
  acceptReferral: Referral;
  /** Adds a person to your organisation, creating their account if needed. */
  addMember: Membership;
  addOrganisationService: OrganisationService;
  addPartnershipMember: Partnership;
  /** The counterpart's (or partnership lead's) partner admin approves. */
  approveDataSharingAgreement: DataSharingAgreement;
  cancelReferral: Referral;
  changeMemberRole: Membership;
  completeReferral: Referral;
  /** Platform admins only. */
  createOrganisation: Organisation;
  createParticipant: Participant;
  createPartnership: Partnership;
  /** A draft (or, with send: true, a sent referral). */
  createReferral: Referral;
  /** Returns the signing secret, this once. */
  createWebhookEndpoint: WebhookEndpoint;
  declineReferral: Referral;
  disableWebhookEndpoint: WebhookEndpoint;
  dropOutReferral: Referral;
  /** Enables the endpoint again and resets its failure count. */
  enableWebhookEndpoint: WebhookEndpoint;
  /** Pass the referral on to a third organisation: a child referral, linked. */
  forwardReferral: Referral;
  grantConsent: Consent;
  /** Rate-limited per account and per client address. */
  login: AccessToken;
  /** Marks every unread notification read; returns how many. */
  markAllNotificationsRead: Scalars['Int']['output'];
  markNotificationRead: Notification;
  /** Break-glass access for coordinators; the owner is told. */
  openEmergencyAccess: EmergencyAccessGrant;
  /** A partner admin proposes an agreement on behalf of their organisation. */
  proposeDataSharingAgreement: DataSharingAgreement;
  /** A statutory duty to share, recorded by the disclosing organisation. */
  recordLegalBasis: LegalBasis;
  removeMember: Scalars['Boolean']['output'];
  removePartnershipMember: Partnership;
  /** Sends a delivery again, with the same id. */
  replayWebhookDelivery: WebhookDelivery;
  sendReferral: Referral;
  /** Your language for the console, e-mails and notification titles. */
  setMyLanguage: User;
  /** Mandatory events cannot be switched off. */
  setNotificationPreference: NotificationPreference;
  /** The default for the organisation's members who have not chosen themselves. */
  setOrganisationNotificationDefault: OrganisationNotificationDefault;
  /** Signs in a browser: sets the HttpOnly session cookie. Rate-limited and answered as `login` is. API clients use `login`. */
  signIn: SignInResult;
  /** Ends the browser session of this request on the server and clears its cookie; true if a live session was ended. */
  signOut: Scalars['Boolean']['output'];
  startReferral: Referral;
  terminateDataSharingAgreement: DataSharingAgreement;
  /** A partner admin edits their own organisation's details. */
  updateOrganisation: Organisation;
  updateOrganisationService: OrganisationService;
  updateParticipant: Participant;
  /** As easy as giving: one call. The record stays, marked withdrawn. */
  withdrawConsent: Consent;
};


export type MutationAcceptReferralArgs = {
  input: AcceptReferralInput;
};


export type MutationAddMemberArgs = {
  input: AddMemberInput;
};


export type MutationAddOrganisationServiceArgs = {
  input: AddOrganisationServiceInput;
};


export type MutationAddPartnershipMemberArgs = {
  input: PartnershipMemberInput;
};


export type MutationApproveDataSharingAgreementArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelReferralArgs = {
  input: CancelReferralInput;
};


export type MutationChangeMemberRoleArgs = {
  input: ChangeMemberRoleInput;
};


export type MutationCompleteReferralArgs = {
  input: CompleteReferralInput;
};


export type MutationCreateOrganisationArgs = {
  input: CreateOrganisationInput;
};


export type MutationCreateParticipantArgs = {
  input: CreateParticipantInput;
};


export type MutationCreatePartnershipArgs = {
  input: CreatePartnershipInput;
};


export type MutationCreateReferralArgs = {
  input: CreateReferralInput;
};


export type MutationCreateWebhookEndpointArgs = {
  input: CreateWebhookEndpointInput;
};


export type MutationDeclineReferralArgs = {
  input: DeclineReferralInput;
};


export type MutationDisableWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDropOutReferralArgs = {
  input: DropOutReferralInput;
};


export type MutationEnableWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type MutationForwardReferralArgs = {
  input: ForwardReferralInput;
};


export type MutationGrantConsentArgs = {
  input: GrantConsentInput;
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationMarkNotificationReadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationOpenEmergencyAccessArgs = {
  input: OpenEmergencyAccessInput;
};


export type MutationProposeDataSharingAgreementArgs = {
  input: ProposeAgreementInput;
};


export type MutationRecordLegalBasisArgs = {
  input: RecordLegalBasisInput;
};


export type MutationRemoveMemberArgs = {
  membershipId: Scalars['ID']['input'];
};


export type MutationRemovePartnershipMemberArgs = {
  input: PartnershipMemberInput;
};


export type MutationReplayWebhookDeliveryArgs = {
  deliveryId: Scalars['ID']['input'];
};


export type MutationSendReferralArgs = {
  input: TransitionInput;
};


export type MutationSetMyLanguageArgs = {
  language: Language;
};


export type MutationSetNotificationPreferenceArgs = {
  input: SetNotificationPreferenceInput;
};


export type MutationSetOrganisationNotificationDefaultArgs = {
  input: SetOrganisationNotificationDefaultInput;
};


export type MutationSignInArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationStartReferralArgs = {
  input: TransitionInput;
};


export type MutationTerminateDataSharingAgreementArgs = {
  input: TerminateAgreementInput;
};


export type MutationUpdateOrganisationArgs = {
  input: UpdateOrganisationInput;
};


export type MutationUpdateOrganisationServiceArgs = {
  input: UpdateOrganisationServiceInput;
};


export type MutationUpdateParticipantArgs = {
  input: UpdateParticipantInput;
};


export type MutationWithdrawConsentArgs = {
  input: WithdrawConsentInput;
};

/** An in-app notification: ids and a non-sensitive summary, never personal data. */
export type Notification = {
  __typename?: 'Notification';
  createdAt: Scalars['DateTime']['output'];
  eventType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The organisation whose inbox it reached. */
  organisationId: Scalars['ID']['output'];
  readAt: Maybe<Scalars['DateTime']['output']>;
  subjectId: Scalars['ID']['output'];
  /** What it is about, e.g. referral */
  subjectType: Scalars['String']['output'];
  summary: NotificationSummary;
  /** A short line for the inbox, in the reader's language. */
  title: Scalars['String']['output'];
};

export type NotificationChannel =
  | 'EMAIL'
  | 'IN_APP';

export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  edges: Array<NotificationEdge>;
  pageInfo: PageInfo;
  /** All your unread notifications, not only this page’s. */
  unreadCount: Scalars['Int']['output'];
};

export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  cursor: Scalars['String']['output'];
  node: Notification;
};

/** Whether an event type reaches the caller on a channel, and why. */
export type NotificationPreference = {
  __typename?: 'NotificationPreference';
  channel: NotificationChannel;
  enabled: Scalars['Boolean']['output'];
  eventType: Scalars['String']['output'];
  /** Mandatory events (e.g. consent.withdrawn) are always on and cannot be switched off. */
  mandatory: Scalars['Boolean']['output'];
  source: NotificationPreferenceSource;
};

/** Where the setting comes from: the user's own choice, their organisation's default, or the built-in default (on). */
export type NotificationPreferenceSource =
  | 'DEFAULT'
  | 'ORGANISATION'
  | 'USER';

/** What a notification is about: ids to link to and the codes of the event. */
export type NotificationSummary = {
  __typename?: 'NotificationSummary';
  /** The organisation that acted (moved the referral, opened access). */
  actorOrganisationId: Maybe<Scalars['ID']['output']>;
  agreementId: Maybe<Scalars['ID']['output']>;
  cancelReason: Maybe<CancelReason>;
  /** The referral a forward created. */
  childReferralId: Maybe<Scalars['ID']['output']>;
  consentId: Maybe<Scalars['ID']['output']>;
  declineReason: Maybe<DeclineReason>;
  dropOutReason: Maybe<DropOutReason>;
  emergencyAccessGrantId: Maybe<Scalars['ID']['output']>;
  /** When emergency access ends. */
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  /** A referral's sender. */
  fromOrganisationId: Maybe<Scalars['ID']['output']>;
  outcome: Maybe<ReferralOutcome>;
  /** The organisation that owns the participant. */
  ownerOrganisationId: Maybe<Scalars['ID']['output']>;
  /** The referral this one was forwarded from. */
  parentReferralId: Maybe<Scalars['ID']['output']>;
  participantId: Maybe<Scalars['ID']['output']>;
  /** Whom a consent was given to (an organisation). */
  recipientOrganisationId: Maybe<Scalars['ID']['output']>;
  /** Whom a consent was given to (a partnership). */
  recipientPartnershipId: Maybe<Scalars['ID']['output']>;
  referralId: Maybe<Scalars['ID']['output']>;
  /** The status a referral step left it in. */
  referralStatus: Maybe<ReferralStatus>;
  /** YYYY-MM-DD: when a referral is due. */
  responseDueOn: Maybe<Scalars['String']['output']>;
  /** A referral's recipient. */
  toOrganisationId: Maybe<Scalars['ID']['output']>;
  /** YYYY-MM-DD: the last day of a consent or agreement. */
  validUntil: Maybe<Scalars['String']['output']>;
  webhookEndpointId: Maybe<Scalars['ID']['output']>;
};

export type OpenEmergencyAccessInput = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  /** Hours, 1 to 24. */
  hours?: Scalars['Int']['input'];
  participantId: Scalars['ID']['input'];
  /** Why this cannot wait for consent; shown to the owning organisation. */
  reason: Scalars['String']['input'];
};

export type Organisation = {
  __typename?: 'Organisation';
  address: Address;
  email: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: OrganisationKind;
  /** The organisation's members; null unless you belong to it (or are a platform admin). */
  members: Maybe<Array<Membership>>;
  name: Scalars['String']['output'];
  parentOrganisationId: Maybe<Scalars['ID']['output']>;
  phone: Maybe<Scalars['String']['output']>;
  services: Array<OrganisationService>;
  shortName: Maybe<Scalars['String']['output']>;
  /** NIP */
  taxId: Maybe<Scalars['String']['output']>;
  version: Scalars['Int']['output'];
};

export type OrganisationKind =
  | 'CHAMBER_OF_COMMERCE'
  | 'EMPLOYER'
  | 'LABOUR_OFFICE'
  | 'LOCAL_GOVERNMENT'
  | 'NGO'
  | 'OTHER'
  | 'SOCIAL_COOPERATIVE'
  | 'SOCIAL_INTEGRATION_CENTRE'
  | 'SOCIAL_INTEGRATION_CLUB'
  | 'WELFARE_CENTRE';

/** An organisation's default for its members who have not chosen themselves. */
export type OrganisationNotificationDefault = {
  __typename?: 'OrganisationNotificationDefault';
  channel: NotificationChannel;
  enabled: Scalars['Boolean']['output'];
  eventType: Scalars['String']['output'];
  organisationId: Scalars['ID']['output'];
};

/** A service an organisation offers to referred people. */
export type OrganisationService = {
  __typename?: 'OrganisationService';
  active: Scalars['Boolean']['output'];
  /** Places available; null means no fixed limit. */
  capacity: Maybe<Scalars['Int']['output']>;
  description: Maybe<Scalars['String']['output']>;
  /** Places not taken by accepted or in-progress referrals; null when the service has no fixed limit. A coordinator may still accept into a full service, giving a reason. */
  freePlaces: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  organisationId: Scalars['ID']['output'];
};

/** Where this page ends: pass `endCursor` as `after` for the next one. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last edge; null on an empty page. */
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Participant = {
  __typename?: 'Participant';
  access: ParticipantAccess;
  addiction: Maybe<AddictionData>;
  address: Maybe<ResidenceData>;
  benefits: Maybe<BenefitsData>;
  contact: Maybe<ContactData>;
  createdAt: Scalars['DateTime']['output'];
  criminalRecord: Maybe<CriminalRecordData>;
  education: Maybe<EducationData>;
  employment: Maybe<EmploymentData>;
  family: Maybe<FamilyData>;
  health: Maybe<HealthData>;
  housing: Maybe<HousingData>;
  id: Scalars['ID']['output'];
  identity: Maybe<IdentityData>;
  ownerOrganisationId: Scalars['ID']['output'];
  /** The categories hidden from you, each with its reason. */
  redactions: Array<Redaction>;
  version: Scalars['Int']['output'];
};

/** On what grounds this read was served. */
export type ParticipantAccess = {
  __typename?: 'ParticipantAccess';
  basis: AccessBasis;
  /** The organisation the data was read for. */
  organisationId: Scalars['ID']['output'];
  purpose: Purpose;
  visibleCategories: Array<DataCategory>;
};

export type ParticipantConnection = {
  __typename?: 'ParticipantConnection';
  edges: Array<ParticipantEdge>;
  pageInfo: PageInfo;
  /** Participants you may know about that match the filter, counted up to 1000 (see totalCountIsCapped). Computed only when asked for. */
  totalCount: Scalars['Int']['output'];
  /** More than 1000 match: totalCount is 1000, and the console shows "ponad 1000". */
  totalCountIsCapped: Scalars['Boolean']['output'];
};

export type ParticipantEdge = {
  __typename?: 'ParticipantEdge';
  cursor: Scalars['String']['output'];
  node: Participant;
};

/** Organisations that work together, e.g. the Legionowo county reintegration partnership. */
export type Partnership = {
  __typename?: 'Partnership';
  description: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  leadOrganisation: Organisation;
  members: Array<Organisation>;
  name: Scalars['String']['output'];
};

export type PartnershipMemberInput = {
  organisationId: Scalars['ID']['input'];
  partnershipId: Scalars['ID']['input'];
};

/** Give exactly one of counterpartOrganisationId and partnershipId. */
export type ProposeAgreementInput = {
  counterpartOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  dataCategories: Array<DataCategory>;
  partnershipId?: InputMaybe<Scalars['ID']['input']>;
  /** Your organisation. */
  proposedByOrganisationId: Scalars['ID']['input'];
  purposes: Array<Purpose>;
  responseTimeDays: Scalars['Int']['input'];
  title: Scalars['String']['input'];
  /** YYYY-MM-DD */
  validFrom: Scalars['String']['input'];
  /** YYYY-MM-DD */
  validUntil?: InputMaybe<Scalars['String']['input']>;
};

export type Purpose =
  | 'EMPLOYMENT_MEDIATION'
  | 'REFERRAL'
  | 'REINTEGRATION_SUPPORT'
  | 'REPORTING';

export type Query = {
  __typename?: 'Query';
  /** Who read the participant's data: for the owning organisation (auditors too). */
  accessLog: Array<AccessLogEntry>;
  /** Before sending: would the consent gate pass for this participant and recipient, why not, and what a consent recorded now may cover. */
  consentPreflight: ConsentPreflight;
  /** A participant's consents, for the organisation that owns the participant. */
  consents: Array<Consent>;
  dataSharingAgreement: DataSharingAgreement;
  /** Agreements your organisations are party to. */
  dataSharingAgreements: Array<DataSharingAgreement>;
  /** Why you see what you see of a participant, for a purpose. */
  explainAccess: AccessExplanation;
  /** GDPR art. 15 export as a JSON document: personal data, consents, referrals, access log. */
  exportParticipantData: Scalars['String']['output'];
  legalBases: Array<LegalBasis>;
  me: Me;
  /** The caller's notification settings for every known event type and channel. */
  notificationPreferences: Array<NotificationPreference>;
  /** Your in-app inbox, newest first, with the unread count. */
  notifications: NotificationConnection;
  organisation: Organisation;
  /** The partner directory, open to every signed-in member. */
  organisations: Array<Organisation>;
  /** NOT_FOUND when you may not know about the participant. */
  participant: Participant;
  participants: ParticipantConnection;
  partnership: Partnership;
  /** Partnerships your organisations belong to. */
  partnerships: Array<Partnership>;
  /** A referral you sent or received, with its timeline. */
  referral: Referral;
  referrals: ReferralConnection;
  /** An endpoint's deliveries, newest first, with every attempt. */
  webhookDeliveries: WebhookDeliveryConnection;
  /** An organisation's webhook endpoints (secrets are never shown). */
  webhookEndpoints: Array<WebhookEndpoint>;
};


export type QueryAccessLogArgs = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  participantId: Scalars['ID']['input'];
};


export type QueryConsentPreflightArgs = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  participantId: Scalars['ID']['input'];
  toOrganisationId: Scalars['ID']['input'];
};


export type QueryConsentsArgs = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  participantId: Scalars['ID']['input'];
};


export type QueryDataSharingAgreementArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDataSharingAgreementsArgs = {
  status?: InputMaybe<AgreementStatus>;
};


export type QueryExplainAccessArgs = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  participantId: Scalars['ID']['input'];
  purpose?: Purpose;
};


export type QueryExportParticipantDataArgs = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  participantId: Scalars['ID']['input'];
};


export type QueryLegalBasesArgs = {
  organisationId: Scalars['ID']['input'];
};


export type QueryNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  unreadOnly?: Scalars['Boolean']['input'];
};


export type QueryOrganisationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrganisationsArgs = {
  kind?: InputMaybe<OrganisationKind>;
};


export type QueryParticipantArgs = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
  purpose?: Purpose;
};


export type QueryParticipantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  first?: Scalars['Int']['input'];
  purpose?: Purpose;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPartnershipArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReferralArgs = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryReferralsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<ReferralFilter>;
  first?: Scalars['Int']['input'];
};


export type QueryWebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  endpointId: Scalars['ID']['input'];
  first?: Scalars['Int']['input'];
};


export type QueryWebhookEndpointsArgs = {
  organisationId: Scalars['ID']['input'];
};

export type RecordLegalBasisInput = {
  citation: Scalars['String']['input'];
  dataCategories: Array<DataCategory>;
  /** Your organisation (the one disclosing). */
  ownerOrganisationId: Scalars['ID']['input'];
  purpose: Purpose;
  recipientOrganisationId: Scalars['ID']['input'];
  validFrom: Scalars['String']['input'];
  validUntil?: InputMaybe<Scalars['String']['input']>;
};

/** A hidden category and why it is hidden. */
export type Redaction = {
  __typename?: 'Redaction';
  category: DataCategory;
  reason: RedactionReason;
};

export type RedactionReason =
  | 'BEYOND_AGREEMENT'
  | 'CONSENT_EXPIRED'
  | 'CONSENT_WITHDRAWN'
  | 'NO_CONSENT'
  | 'NO_OPEN_REFERRAL'
  | 'ROLE';

/** A referral between organisations. Both sides always see its status and outcome. */
export type Referral = {
  __typename?: 'Referral';
  /** What you may do with this referral now, by its state, your side and your role (the transition table): SEND is sendReferral, ACCEPT acceptReferral, and so on. The server still checks what each requires when you do it: a consent for SEND (see consentPreflight), a free place for ACCEPT (a coordinator may override with a reason), a consent for the FORWARD target. */
  allowedActions: Array<ReferralTransition>;
  attachments: Array<Attachment>;
  /** Referrals this one was forwarded into. */
  childReferralIds: Array<Scalars['ID']['output']>;
  closedAt: Maybe<Scalars['DateTime']['output']>;
  /** The recipient no longer has a live consent or legal basis for REFERRAL while the referral would give it access (open, or recently closed): its access to the participant has ended (participant is null for it). */
  consentWithdrawn: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  fromOrganisation: Organisation;
  fromOrganisationId: Scalars['ID']['output'];
  fromUserId: Scalars['ID']['output'];
  /** The timeline, oldest first. */
  history: Array<ReferralHistoryEntry>;
  id: Scalars['ID']['output'];
  latestHistory: Maybe<ReferralHistoryEntry>;
  outcome: Maybe<ReferralOutcome>;
  outcomeNote: Maybe<Scalars['String']['output']>;
  parentReferralId: Maybe<Scalars['ID']['output']>;
  /** The participant as you may see them for purpose REFERRAL; null once your access has ended. */
  participant: Maybe<Participant>;
  participantId: Scalars['ID']['output'];
  priority: ReferralPriority;
  purpose: Purpose;
  reason: Scalars['String']['output'];
  reasonCategory: ReferralReasonCategory;
  /** YYYY-MM-DD */
  responseDueOn: Maybe<Scalars['String']['output']>;
  sentAt: Maybe<Scalars['DateTime']['output']>;
  status: ReferralStatus;
  toOrganisation: Organisation;
  toOrganisationId: Scalars['ID']['output'];
  toService: Maybe<OrganisationService>;
  toServiceId: Maybe<Scalars['ID']['output']>;
  version: Scalars['Int']['output'];
};

export type ReferralConnection = {
  __typename?: 'ReferralConnection';
  edges: Array<ReferralEdge>;
  pageInfo: PageInfo;
};

export type ReferralDirection =
  | 'ALL'
  | 'INCOMING'
  | 'OUTGOING';

export type ReferralEdge = {
  __typename?: 'ReferralEdge';
  cursor: Scalars['String']['output'];
  node: Referral;
};

export type ReferralFilter = {
  direction?: ReferralDirection;
  /** Due on or before this date (YYYY-MM-DD). */
  dueBefore?: InputMaybe<Scalars['String']['input']>;
  /** SENT and past their response due date. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  participantId?: InputMaybe<Scalars['ID']['input']>;
  statuses?: InputMaybe<Array<ReferralStatus>>;
};

/** One step of the referral: who moved it, from which state to which, and why. */
export type ReferralHistoryEntry = {
  __typename?: 'ReferralHistoryEntry';
  actorOrganisationId: Maybe<Scalars['ID']['output']>;
  actorUserId: Maybe<Scalars['ID']['output']>;
  fromStatus: Maybe<ReferralStatus>;
  id: Scalars['ID']['output'];
  note: Maybe<Scalars['String']['output']>;
  occurredAt: Scalars['DateTime']['output'];
  outcome: Maybe<ReferralOutcome>;
  reasonCode: Maybe<Scalars['String']['output']>;
  toStatus: ReferralStatus;
};

export type ReferralOutcome =
  | 'CONTINUES_SUPPORT'
  | 'EMPLOYED_OPEN_MARKET'
  | 'OTHER'
  | 'SELF_EMPLOYED'
  | 'SOCIAL_COOPERATIVE'
  | 'TRAINING_COMPLETED';

export type ReferralPriority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

export type ReferralReasonCategory =
  | 'ADDICTION_RECOVERY'
  | 'AFTER_PRISON'
  | 'DISABILITY'
  | 'HOMELESSNESS'
  | 'LONG_TERM_UNEMPLOYMENT'
  | 'OTHER'
  | 'SOCIAL_EXCLUSION_RISK';

export type ReferralStatus =
  | 'ACCEPTED'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DECLINED'
  | 'DRAFT'
  | 'DROPPED_OUT'
  | 'EXPIRED'
  | 'FORWARDED'
  | 'IN_PROGRESS'
  | 'SENT';

export type ReferralTransition =
  | 'ACCEPT'
  | 'CANCEL'
  | 'COMPLETE'
  | 'DECLINE'
  | 'DROP_OUT'
  | 'EXPIRE'
  | 'FORWARD'
  | 'SEND'
  | 'START';

export type ResidenceData = {
  __typename?: 'ResidenceData';
  city: Maybe<Scalars['String']['output']>;
  /** Gmina */
  commune: Maybe<Scalars['String']['output']>;
  postalCode: Maybe<Scalars['String']['output']>;
  street: Maybe<Scalars['String']['output']>;
};

export type ResidenceInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  commune?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  street?: InputMaybe<Scalars['String']['input']>;
};

export type Role =
  | 'AUDITOR'
  | 'CASEWORKER'
  | 'COORDINATOR'
  | 'PARTNER_ADMIN'
  | 'PLATFORM_ADMIN';

export type SetNotificationPreferenceInput = {
  channel: NotificationChannel;
  enabled: Scalars['Boolean']['input'];
  /** A known event type, e.g. referral.send. */
  eventType: Scalars['String']['input'];
};

export type SetOrganisationNotificationDefaultInput = {
  channel: NotificationChannel;
  enabled: Scalars['Boolean']['input'];
  /** A known event type, e.g. referral.send. */
  eventType: Scalars['String']['input'];
  organisationId: Scalars['ID']['input'];
};

/** A browser session was opened: its cookie is set (HttpOnly, never readable by scripts). */
export type SignInResult = {
  __typename?: 'SignInResult';
  /** When the session ends at the latest (it also ends after a while unused). */
  expiresAt: Scalars['DateTime']['output'];
  user: User;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Your new in-app notifications, live (graphql-ws), as they are delivered. */
  notificationAdded: Notification;
};

export type TerminateAgreementInput = {
  agreementId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type TransitionInput = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  /** The version you read; a stale one is CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  referralId: Scalars['ID']['input'];
};

export type UpdateOrganisationInput = {
  address?: InputMaybe<AddressInput>;
  /** null clears it. */
  email?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  /** Leave out to keep; cannot be null. */
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** null clears it. */
  shortName?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateOrganisationServiceInput = {
  /** Leave out to keep; cannot be null. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** null: no fixed limit. */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  /** Leave out to keep; cannot be null. */
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateParticipantInput = {
  addiction?: InputMaybe<AddictionInput>;
  address?: InputMaybe<ResidenceInput>;
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  benefits?: InputMaybe<BenefitsInput>;
  contact?: InputMaybe<ContactInput>;
  criminalRecord?: InputMaybe<CriminalRecordInput>;
  education?: InputMaybe<EducationInput>;
  employment?: InputMaybe<EmploymentInput>;
  /** The version you read; a stale one is CONFLICT. */
  expectedVersion: Scalars['Int']['input'];
  family?: InputMaybe<FamilyInput>;
  health?: InputMaybe<HealthInput>;
  housing?: InputMaybe<HousingInput>;
  id: Scalars['ID']['input'];
  identity?: InputMaybe<IdentityInput>;
};

export type User = {
  __typename?: 'User';
  displayName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  language: Language;
};

/** One try of a webhook delivery. */
export type WebhookAttempt = {
  __typename?: 'WebhookAttempt';
  attemptedAt: Scalars['DateTime']['output'];
  error: Maybe<Scalars['String']['output']>;
  latencyMs: Maybe<Scalars['Int']['output']>;
  statusCode: Maybe<Scalars['Int']['output']>;
};

/** One event for one endpoint; its id is the `x-webhook-id` receivers deduplicate on. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  attemptCount: Scalars['Int']['output'];
  /** Every try, oldest first. */
  attempts: Array<WebhookAttempt>;
  createdAt: Scalars['DateTime']['output'];
  deliveredAt: Maybe<Scalars['DateTime']['output']>;
  endpointId: Scalars['ID']['output'];
  eventId: Scalars['ID']['output'];
  eventType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastError: Maybe<Scalars['String']['output']>;
  lastLatencyMs: Maybe<Scalars['Int']['output']>;
  lastStatusCode: Maybe<Scalars['Int']['output']>;
  status: WebhookDeliveryStatus;
};

export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  edges: Array<WebhookDeliveryEdge>;
  pageInfo: PageInfo;
};

export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: WebhookDelivery;
};

export type WebhookDeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

/** An organisation's webhook endpoint: signed POSTs of its events (ids and codes only). */
export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  active: Scalars['Boolean']['output'];
  consecutiveFailures: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  disabledAt: Maybe<Scalars['DateTime']['output']>;
  /** Event types sent; empty means all. */
  eventTypes: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  organisationId: Scalars['ID']['output'];
  /** The signing secret: returned once, by createWebhookEndpoint, and null ever after. */
  secret: Maybe<Scalars['String']['output']>;
  url: Scalars['String']['output'];
};

export type WithdrawConsentInput = {
  asOrganisationId?: InputMaybe<Scalars['ID']['input']>;
  consentId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'Me', user: { __typename?: 'User', id: string, displayName: string, email: string, language: Language }, memberships: Array<{ __typename?: 'Membership', id: string, organisationId: string, role: Role }>, organisations: Array<{ __typename?: 'Organisation', id: string, name: string, shortName: string | null, kind: OrganisationKind }> } };

export type SignInMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type SignInMutation = { __typename?: 'Mutation', signIn: { __typename?: 'SignInResult', expiresAt: string } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { __typename?: 'Mutation', signOut: boolean };

export type SetMyLanguageMutationVariables = Exact<{
  language: Language;
}>;


export type SetMyLanguageMutation = { __typename?: 'Mutation', setMyLanguage: { __typename?: 'User', id: string, language: Language } };

export type ConsentsQueryVariables = Exact<{
  participantId: Scalars['ID']['input'];
}>;


export type ConsentsQuery = { __typename?: 'Query', consents: Array<{ __typename?: 'Consent', id: string, status: ConsentStatus, purposes: Array<Purpose>, dataCategories: Array<DataCategory>, validFrom: string, validUntil: string | null, withdrawnAt: string | null, withdrawalReason: string | null, grantedToOrganisationId: string | null, grantedToPartnershipId: string | null, createdAt: string, evidence: { __typename?: 'ConsentEvidence', method: EvidenceMethod, documentHash: string | null } }> };

export type GrantConsentMutationVariables = Exact<{
  input: GrantConsentInput;
}>;


export type GrantConsentMutation = { __typename?: 'Mutation', grantConsent: { __typename?: 'Consent', id: string, status: ConsentStatus } };

export type WithdrawConsentMutationVariables = Exact<{
  input: WithdrawConsentInput;
}>;


export type WithdrawConsentMutation = { __typename?: 'Mutation', withdrawConsent: { __typename?: 'Consent', id: string, status: ConsentStatus, withdrawnAt: string | null, withdrawalReason: string | null } };

export type InboxQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  unreadOnly: Scalars['Boolean']['input'];
}>;


export type InboxQuery = { __typename?: 'Query', notifications: { __typename?: 'NotificationConnection', unreadCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename?: 'NotificationEdge', node: { __typename?: 'Notification', id: string, title: string, eventType: string, subjectType: string, subjectId: string, createdAt: string, readAt: string | null, summary: { __typename?: 'NotificationSummary', referralId: string | null, participantId: string | null, outcome: ReferralOutcome | null, declineReason: DeclineReason | null, dropOutReason: DropOutReason | null, cancelReason: CancelReason | null } } }> } };

export type UnreadCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadCountQuery = { __typename?: 'Query', notifications: { __typename?: 'NotificationConnection', unreadCount: number } };

export type NotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationAddedSubscription = { __typename?: 'Subscription', notificationAdded: { __typename?: 'Notification', id: string, title: string, eventType: string, subjectType: string, subjectId: string, createdAt: string, readAt: string | null } };

export type MarkNotificationReadMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type MarkNotificationReadMutation = { __typename?: 'Mutation', markNotificationRead: { __typename?: 'Notification', id: string, readAt: string | null } };

export type MarkAllNotificationsReadMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkAllNotificationsReadMutation = { __typename?: 'Mutation', markAllNotificationsRead: number };

export type ParticipantListQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ParticipantListQuery = { __typename?: 'Query', participants: { __typename?: 'ParticipantConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename?: 'ParticipantEdge', node: { __typename?: 'Participant', id: string, ownerOrganisationId: string, identity: { __typename?: 'IdentityData', firstName: string, lastName: string, dateOfBirth: string | null } | null, redactions: Array<{ __typename?: 'Redaction', category: DataCategory, reason: RedactionReason }> } }> } };

export type ParticipantQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ParticipantQuery = { __typename?: 'Query', participant: { __typename?: 'Participant', id: string, version: number, ownerOrganisationId: string, createdAt: string, access: { __typename?: 'ParticipantAccess', basis: AccessBasis, purpose: Purpose, visibleCategories: Array<DataCategory> }, redactions: Array<{ __typename?: 'Redaction', category: DataCategory, reason: RedactionReason }>, identity: { __typename?: 'IdentityData', firstName: string, lastName: string, pesel: string | null, dateOfBirth: string | null } | null, contact: { __typename?: 'ContactData', email: string | null, phone: string | null } | null, address: { __typename?: 'ResidenceData', street: string | null, postalCode: string | null, city: string | null, commune: string | null } | null, employment: { __typename?: 'EmploymentData', registeredUnemployedSince: string | null, monthsUnemployed: number | null, workHistory: Array<string> } | null, education: { __typename?: 'EducationData', level: string | null, certificates: Array<string>, skills: Array<string> } | null, benefits: { __typename?: 'BenefitsData', benefits: Array<string>, notes: string | null } | null, family: { __typename?: 'FamilyData', householdSize: number | null, dependants: number | null, notes: string | null } | null, housing: { __typename?: 'HousingData', situation: string | null, notes: string | null } | null, health: { __typename?: 'HealthData', disabilityDegree: DisabilityDegree | null, disabilityCertificateValidUntil: string | null, notes: string | null } | null, addiction: { __typename?: 'AddictionData', inTreatment: boolean | null, notes: string | null } | null, criminalRecord: { __typename?: 'CriminalRecordData', releasedOn: string | null, notes: string | null } | null } };

export type ExplainAccessQueryVariables = Exact<{
  participantId: Scalars['ID']['input'];
}>;


export type ExplainAccessQuery = { __typename?: 'Query', explainAccess: { __typename?: 'AccessExplanation', basis: AccessBasis | null, purpose: Purpose, visibleCategories: Array<DataCategory>, consentIds: Array<string>, legalBasisIds: Array<string>, redactions: Array<{ __typename?: 'Redaction', category: DataCategory, reason: RedactionReason }> } };

export type CreateParticipantMutationVariables = Exact<{
  input: CreateParticipantInput;
}>;


export type CreateParticipantMutation = { __typename?: 'Mutation', createParticipant: { __typename?: 'Participant', id: string } };

export type UpdateParticipantMutationVariables = Exact<{
  input: UpdateParticipantInput;
}>;


export type UpdateParticipantMutation = { __typename?: 'Mutation', updateParticipant: { __typename?: 'Participant', id: string, version: number } };

export type AccessLogQueryVariables = Exact<{
  participantId: Scalars['ID']['input'];
}>;


export type AccessLogQuery = { __typename?: 'Query', accessLog: Array<{ __typename?: 'AccessLogEntry', id: string, occurredAt: string, actorOrganisationId: string, basis: AccessBasis, purpose: Purpose, categories: Array<DataCategory>, operation: string }> };

export type OrganisationNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganisationNamesQuery = { __typename?: 'Query', organisations: Array<{ __typename?: 'Organisation', id: string, name: string, shortName: string | null, kind: OrganisationKind }> };

export type OpenEmergencyAccessMutationVariables = Exact<{
  input: OpenEmergencyAccessInput;
}>;


export type OpenEmergencyAccessMutation = { __typename?: 'Mutation', openEmergencyAccess: { __typename?: 'EmergencyAccessGrant', id: string, openedAt: string, expiresAt: string } };

export type ReferralListQueryVariables = Exact<{
  filter?: InputMaybe<ReferralFilter>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ReferralListQuery = { __typename?: 'Query', referrals: { __typename?: 'ReferralConnection', pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename?: 'ReferralEdge', node: { __typename?: 'Referral', id: string, status: ReferralStatus, priority: ReferralPriority, responseDueOn: string | null, sentAt: string | null, createdAt: string, fromOrganisation: { __typename?: 'Organisation', id: string, name: string, shortName: string | null }, toOrganisation: { __typename?: 'Organisation', id: string, name: string, shortName: string | null }, toService: { __typename?: 'OrganisationService', id: string, name: string } | null, participant: { __typename?: 'Participant', id: string, identity: { __typename?: 'IdentityData', firstName: string, lastName: string } | null } | null } }> } };

export type ReferralQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ReferralQuery = { __typename?: 'Query', referral: { __typename?: 'Referral', id: string, version: number, status: ReferralStatus, allowedActions: Array<ReferralTransition>, priority: ReferralPriority, purpose: Purpose, reasonCategory: ReferralReasonCategory, reason: string, responseDueOn: string | null, sentAt: string | null, closedAt: string | null, createdAt: string, outcome: ReferralOutcome | null, outcomeNote: string | null, consentWithdrawn: boolean, parentReferralId: string | null, childReferralIds: Array<string>, participantId: string, attachments: Array<{ __typename?: 'Attachment', name: string, sha256: string }>, fromOrganisation: { __typename?: 'Organisation', id: string, name: string }, toOrganisation: { __typename?: 'Organisation', id: string, name: string }, toService: { __typename?: 'OrganisationService', id: string, name: string } | null, participant: { __typename?: 'Participant', id: string, identity: { __typename?: 'IdentityData', firstName: string, lastName: string } | null, redactions: Array<{ __typename?: 'Redaction', category: DataCategory, reason: RedactionReason }> } | null, history: Array<{ __typename?: 'ReferralHistoryEntry', id: string, occurredAt: string, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, reasonCode: string | null, outcome: ReferralOutcome | null, note: string | null, actorOrganisationId: string | null }> } };

export type AcceptReferralMutationVariables = Exact<{
  input: AcceptReferralInput;
}>;


export type AcceptReferralMutation = { __typename?: 'Mutation', acceptReferral: { __typename?: 'Referral', id: string, version: number, status: ReferralStatus, allowedActions: Array<ReferralTransition> } };

export type DeclineReferralMutationVariables = Exact<{
  input: DeclineReferralInput;
}>;


export type DeclineReferralMutation = { __typename?: 'Mutation', declineReferral: { __typename?: 'Referral', id: string, version: number, status: ReferralStatus, allowedActions: Array<ReferralTransition> } };

export type StartReferralMutationVariables = Exact<{
  input: TransitionInput;
}>;


export type StartReferralMutation = { __typename?: 'Mutation', startReferral: { __typename?: 'Referral', id: string, version: number, status: ReferralStatus, allowedActions: Array<ReferralTransition> } };

export type CompleteReferralMutationVariables = Exact<{
  input: CompleteReferralInput;
}>;


export type CompleteReferralMutation = { __typename?: 'Mutation', completeReferral: { __typename?: 'Referral', id: string, version: number, status: ReferralStatus, allowedActions: Array<ReferralTransition>, outcome: ReferralOutcome | null, outcomeNote: string | null } };

export type DropOutReferralMutationVariables = Exact<{
  input: DropOutReferralInput;
}>;


export type DropOutReferralMutation = { __typename?: 'Mutation', dropOutReferral: { __typename?: 'Referral', id: string, version: number, status: ReferralStatus, allowedActions: Array<ReferralTransition> } };

export type CancelReferralMutationVariables = Exact<{
  input: CancelReferralInput;
}>;


export type CancelReferralMutation = { __typename?: 'Mutation', cancelReferral: { __typename?: 'Referral', id: string, version: number, status: ReferralStatus, allowedActions: Array<ReferralTransition> } };

export type SendReferralMutationVariables = Exact<{
  input: TransitionInput;
}>;


export type SendReferralMutation = { __typename?: 'Mutation', sendReferral: { __typename?: 'Referral', id: string, version: number, status: ReferralStatus, allowedActions: Array<ReferralTransition> } };

export type ForwardReferralMutationVariables = Exact<{
  input: ForwardReferralInput;
}>;


export type ForwardReferralMutation = { __typename?: 'Mutation', forwardReferral: { __typename?: 'Referral', id: string, version: number, status: ReferralStatus, allowedActions: Array<ReferralTransition> } };

export type DirectoryQueryVariables = Exact<{ [key: string]: never; }>;


export type DirectoryQuery = { __typename?: 'Query', organisations: Array<{ __typename?: 'Organisation', id: string, name: string, shortName: string | null, kind: OrganisationKind, services: Array<{ __typename?: 'OrganisationService', id: string, name: string, capacity: number | null, freePlaces: number | null, active: boolean }> }> };

export type ConsentPreflightQueryVariables = Exact<{
  participantId: Scalars['ID']['input'];
  toOrganisationId: Scalars['ID']['input'];
}>;


export type ConsentPreflightQuery = { __typename?: 'Query', consentPreflight: { __typename?: 'ConsentPreflight', passes: boolean, basis: AccessBasis | null, reasons: Array<ConsentGateReason>, sharedCategories: Array<DataCategory>, agreementCategories: Array<DataCategory> } };

export type CreateReferralMutationVariables = Exact<{
  input: CreateReferralInput;
}>;


export type CreateReferralMutation = { __typename?: 'Mutation', createReferral: { __typename?: 'Referral', id: string, status: ReferralStatus } };

export type OwnParticipantsQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type OwnParticipantsQuery = { __typename?: 'Query', participants: { __typename?: 'ParticipantConnection', edges: Array<{ __typename?: 'ParticipantEdge', node: { __typename?: 'Participant', id: string, ownerOrganisationId: string, identity: { __typename?: 'IdentityData', firstName: string, lastName: string, dateOfBirth: string | null } | null } }> } };


export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const SetMyLanguageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetMyLanguage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"language"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Language"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMyLanguage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"Variable","name":{"kind":"Name","value":"language"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}}]}}]} as unknown as DocumentNode<SetMyLanguageMutation, SetMyLanguageMutationVariables>;
export const ConsentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Consents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"participantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"participantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"participantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"dataCategories"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawalReason"}},{"kind":"Field","name":{"kind":"Name","value":"grantedToOrganisationId"}},{"kind":"Field","name":{"kind":"Name","value":"grantedToPartnershipId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"documentHash"}}]}}]}}]}}]} as unknown as DocumentNode<ConsentsQuery, ConsentsQueryVariables>;
export const GrantConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<GrantConsentMutation, GrantConsentMutationVariables>;
export const WithdrawConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawalReason"}}]}}]}}]} as unknown as DocumentNode<WithdrawConsentMutation, WithdrawConsentMutationVariables>;
export const InboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Inbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referralId"}},{"kind":"Field","name":{"kind":"Name","value":"participantId"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"declineReason"}},{"kind":"Field","name":{"kind":"Name","value":"dropOutReason"}},{"kind":"Field","name":{"kind":"Name","value":"cancelReason"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<InboxQuery, InboxQueryVariables>;
export const UnreadCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnreadCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}}]} as unknown as DocumentNode<UnreadCountQuery, UnreadCountQueryVariables>;
export const NotificationAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NotificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]} as unknown as DocumentNode<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const MarkNotificationReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]} as unknown as DocumentNode<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const MarkAllNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkAllNotificationsRead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markAllNotificationsRead"}}]}}]} as unknown as DocumentNode<MarkAllNotificationsReadMutation, MarkAllNotificationsReadMutationVariables>;
export const ParticipantListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ParticipantList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ownerOrganisationId"}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"redactions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ParticipantListQuery, ParticipantListQueryVariables>;
export const ParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Participant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"ownerOrganisationId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"visibleCategories"}}]}},{"kind":"Field","name":{"kind":"Name","value":"redactions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"pesel"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"commune"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registeredUnemployedSince"}},{"kind":"Field","name":{"kind":"Name","value":"monthsUnemployed"}},{"kind":"Field","name":{"kind":"Name","value":"workHistory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"education"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"certificates"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benefits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benefits"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"family"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"dependants"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"housing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"situation"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disabilityDegree"}},{"kind":"Field","name":{"kind":"Name","value":"disabilityCertificateValidUntil"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addiction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inTreatment"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"criminalRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releasedOn"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}}]}}]} as unknown as DocumentNode<ParticipantQuery, ParticipantQueryVariables>;
export const ExplainAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplainAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"participantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"explainAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"participantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"participantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"visibleCategories"}},{"kind":"Field","name":{"kind":"Name","value":"consentIds"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasisIds"}},{"kind":"Field","name":{"kind":"Name","value":"redactions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<ExplainAccessQuery, ExplainAccessQueryVariables>;
export const CreateParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateParticipantMutation, CreateParticipantMutationVariables>;
export const UpdateParticipantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateParticipant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateParticipantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateParticipant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateParticipantMutation, UpdateParticipantMutationVariables>;
export const AccessLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccessLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"participantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"participantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"participantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorOrganisationId"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}}]}}]}}]} as unknown as DocumentNode<AccessLogQuery, AccessLogQueryVariables>;
export const OrganisationNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganisationNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<OrganisationNamesQuery, OrganisationNamesQueryVariables>;
export const OpenEmergencyAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenEmergencyAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenEmergencyAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openEmergencyAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<OpenEmergencyAccessMutation, OpenEmergencyAccessMutationVariables>;
export const ReferralListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toService"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReferralListQuery, ReferralListQueryVariables>;
export const ReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Referral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCategory"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"responseDueOn"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeNote"}},{"kind":"Field","name":{"kind":"Name","value":"consentWithdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"parentReferralId"}},{"kind":"Field","name":{"kind":"Name","value":"childReferralIds"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fromOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toService"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"participantId"}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"redactions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCode"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"actorOrganisationId"}}]}}]}}]}}]} as unknown as DocumentNode<ReferralQuery, ReferralQueryVariables>;
export const AcceptReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]}}]} as unknown as DocumentNode<AcceptReferralMutation, AcceptReferralMutationVariables>;
export const DeclineReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeclineReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]}}]} as unknown as DocumentNode<DeclineReferralMutation, DeclineReferralMutationVariables>;
export const StartReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]}}]} as unknown as DocumentNode<StartReferralMutation, StartReferralMutationVariables>;
export const CompleteReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"outcomeNote"}}]}}]}}]} as unknown as DocumentNode<CompleteReferralMutation, CompleteReferralMutationVariables>;
export const DropOutReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DropOutReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DropOutReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dropOutReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]}}]} as unknown as DocumentNode<DropOutReferralMutation, DropOutReferralMutationVariables>;
export const CancelReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]}}]} as unknown as DocumentNode<CancelReferralMutation, CancelReferralMutationVariables>;
export const SendReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]}}]} as unknown as DocumentNode<SendReferralMutation, SendReferralMutationVariables>;
export const ForwardReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ForwardReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ForwardReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"forwardReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]}}]} as unknown as DocumentNode<ForwardReferralMutation, ForwardReferralMutationVariables>;
export const DirectoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Directory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"freePlaces"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]} as unknown as DocumentNode<DirectoryQuery, DirectoryQueryVariables>;
export const ConsentPreflightDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsentPreflight"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"participantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toOrganisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentPreflight"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"participantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"participantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"toOrganisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toOrganisationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"passes"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"sharedCategories"}},{"kind":"Field","name":{"kind":"Name","value":"agreementCategories"}}]}}]}}]} as unknown as DocumentNode<ConsentPreflightQuery, ConsentPreflightQueryVariables>;
export const CreateReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateReferralInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CreateReferralMutation, CreateReferralMutationVariables>;
export const OwnParticipantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OwnParticipants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"participants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ownerOrganisationId"}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OwnParticipantsQuery, OwnParticipantsQueryVariables>;