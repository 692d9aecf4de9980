import type { GraphQLResolveInfo } from 'graphql';
import { selects } from '@app/core';
import { DataCategory } from '@app/organisations';
import { Participant } from './participant.model';

type CategoryField = Exclude<
  keyof Participant,
  'id' | 'ownerOrganisationId' | 'createdAt' | 'version' | 'redactions' | 'access'
>;

/** Where each category appears on the Participant type (and in the inputs). */
export const CATEGORY_FIELD: Record<DataCategory, CategoryField> = {
  [DataCategory.IDENTITY]: 'identity',
  [DataCategory.CONTACT]: 'contact',
  [DataCategory.ADDRESS]: 'address',
  [DataCategory.EMPLOYMENT]: 'employment',
  [DataCategory.EDUCATION]: 'education',
  [DataCategory.BENEFITS]: 'benefits',
  [DataCategory.FAMILY]: 'family',
  [DataCategory.HOUSING]: 'housing',
  [DataCategory.HEALTH]: 'health',
  [DataCategory.ADDICTION]: 'addiction',
  [DataCategory.CRIMINAL_RECORD]: 'criminalRecord',
};

const LIST_FIELDS = new Set(['workHistory', 'skills', 'certificates', 'benefits']);

/** The stored shape of one category: every model field present, unknown ones dropped. */
export function normalise(field: CategoryField, input: object): Record<string, unknown> {
  const fields: Record<CategoryField, string[]> = {
    identity: ['firstName', 'lastName', 'dateOfBirth', 'pesel'],
    contact: ['phone', 'email'],
    address: ['street', 'postalCode', 'city', 'commune'],
    employment: ['registeredUnemployedSince', 'monthsUnemployed', 'workHistory'],
    education: ['level', 'skills', 'certificates'],
    benefits: ['benefits', 'notes'],
    family: ['householdSize', 'dependants', 'notes'],
    housing: ['situation', 'notes'],
    health: ['disabilityDegree', 'disabilityCertificateValidUntil', 'notes'],
    addiction: ['inTreatment', 'notes'],
    criminalRecord: ['releasedOn', 'notes'],
  };
  const source = input as Record<string, unknown>;
  const stored: Record<string, unknown> = {};
  for (const key of fields[field]) {
    const value = source[key];
    // A list is never stored as null: every reader expects one (the GraphQL field is non-null).
    if (value === undefined || value === null) stored[key] = LIST_FIELDS.has(key) ? [] : null;
    else stored[key] = typeof value === 'string' ? value.trim() : value;
  }
  if (field === 'contact' && typeof stored.email === 'string') stored.email = stored.email.toLowerCase();
  if (field === 'identity' && stored.pesel === null) delete stored.pesel; // the unique index covers PESELs only
  return stored;
}

/** The categories whose fields the query selects on the participant at `path` (below the field resolved). */
export function selectedCategories(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  ...path: string[]
): DataCategory[] {
  return Object.values(DataCategory).filter((category) => selects(info, ...path, CATEGORY_FIELD[category]));
}
