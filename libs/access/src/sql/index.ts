import { accessDecision } from './access-decision';
import { accessGrantType } from './access-grant';
import { accessOwnerFacts } from './access-owner-facts';
import { agreementCeiling, partnershipCeiling } from './agreement-ceiling';
import { agreementInForce } from './agreement-in-force';
import { agreementPartiesOf } from './agreement-parties-of';
import { agreementsBetween } from './agreements-between';
import { arePartners } from './are-partners';
import { breakGlassInForce } from './break-glass-in-force';
import { consentInForce } from './consent-in-force';
import { consentsInForce } from './consents-in-force';
import { consentsReaching } from './consents-reaching';
import { legalBasesInForce } from './legal-bases-in-force';
import { legalBasisInForce } from './legal-basis-in-force';
import { organisationPartnerships } from './organisation-partnerships';
import { participantAccess } from './participant-access';
import { participantDecision } from './participant-decision';
import { participantsAccess } from './participants-access';
import { referralGivesAccess } from './referral-gives-access';
import { SqlFunction } from './sql-function';
import { validOn } from './valid-on';

export type { SqlFunction } from './sql-function';

/**
 * Every access function, each after those it calls (PostgreSQL checks a SQL
 * function's body when it is created). The only dependency-free module of
 * libs/access, so that migrations (libs/core) can import it.
 */
export const ACCESS_FUNCTIONS: readonly SqlFunction[] = [
  validOn,
  organisationPartnerships,
  consentInForce,
  consentsReaching,
  consentsInForce,
  legalBasisInForce,
  legalBasesInForce,
  agreementInForce,
  agreementPartiesOf,
  agreementsBetween,
  agreementCeiling,
  partnershipCeiling,
  referralGivesAccess,
  breakGlassInForce,
  arePartners,
  accessGrantType,
  accessOwnerFacts,
  accessDecision,
  participantDecision,
  participantAccess,
  participantsAccess,
];

/**
 * Applies the current definition of every access function (CREATE OR REPLACE): what a migration that
 * changes one of them runs. Idempotent.
 */
export async function applyAccessFunctions(run: (sql: string) => Promise<unknown>): Promise<void> {
  for (const fn of ACCESS_FUNCTIONS) await run(fn.definition);
}

/** Drops every access function and type, callers first (a down migration's). */
export async function dropAccessFunctions(run: (sql: string) => Promise<unknown>): Promise<void> {
  for (const fn of [...ACCESS_FUNCTIONS].reverse()) await run(`DROP ${fn.kind} IF EXISTS ${fn.identity}`);
}
