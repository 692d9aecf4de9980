import { registerEnumType } from '@nestjs/graphql';

/** Kinds of institution in a local reintegration partnership. */
export enum OrganisationKind {
  LABOUR_OFFICE = 'LABOUR_OFFICE',
  WELFARE_CENTRE = 'WELFARE_CENTRE',
  SOCIAL_INTEGRATION_CENTRE = 'SOCIAL_INTEGRATION_CENTRE',
  SOCIAL_INTEGRATION_CLUB = 'SOCIAL_INTEGRATION_CLUB',
  NGO = 'NGO',
  CHAMBER_OF_COMMERCE = 'CHAMBER_OF_COMMERCE',
  EMPLOYER = 'EMPLOYER',
  SOCIAL_COOPERATIVE = 'SOCIAL_COOPERATIVE',
  LOCAL_GOVERNMENT = 'LOCAL_GOVERNMENT',
  OTHER = 'OTHER',
}

/** Why data flows between organisations. Agreements and consents name these. */
export enum Purpose {
  REFERRAL = 'REFERRAL',
  REINTEGRATION_SUPPORT = 'REINTEGRATION_SUPPORT',
  EMPLOYMENT_MEDIATION = 'EMPLOYMENT_MEDIATION',
  REPORTING = 'REPORTING',
}

/** Personal data is held, shared and redacted by category. */
export enum DataCategory {
  IDENTITY = 'IDENTITY',
  CONTACT = 'CONTACT',
  ADDRESS = 'ADDRESS',
  EMPLOYMENT = 'EMPLOYMENT',
  EDUCATION = 'EDUCATION',
  BENEFITS = 'BENEFITS',
  FAMILY = 'FAMILY',
  HOUSING = 'HOUSING',
  HEALTH = 'HEALTH',
  ADDICTION = 'ADDICTION',
  CRIMINAL_RECORD = 'CRIMINAL_RECORD',
}

/** GDPR art. 9 and 10 data: shared only under a consent that names them. */
export const SPECIAL_CATEGORIES: readonly DataCategory[] = [
  DataCategory.HEALTH,
  DataCategory.ADDICTION,
  DataCategory.CRIMINAL_RECORD,
];

export enum AgreementStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  TERMINATED = 'TERMINATED',
}

export enum Language {
  pl = 'pl',
  en = 'en',
}

registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(Purpose, { name: 'Purpose' });
registerEnumType(DataCategory, { name: 'DataCategory' });
registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description:
    'PROPOSED until the counterpart approves; only ACTIVE agreements within their validity allow data to flow.',
});
registerEnumType(Language, { name: 'Language' });
