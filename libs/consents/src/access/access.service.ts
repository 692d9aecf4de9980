import { Inject, Injectable } from '@nestjs/common';
import { ActorMembership } from '@app/authz';
import { APP_CONFIG, AppConfig } from '@app/core';
import { DataCategory, Purpose } from '@app/organisations';
import { AccessBasis, Explanation, explainAccess } from './access-rules';
import { ROLE_RIGHTS } from './role-rights';

/**
 * SQL: is a referral of participant `participant` to organisation `recipient`
 * open, or closed less than `days` days ago? The condition `participant_access`
 * adds for purpose REFERRAL, as the explanations (`facts`) read it.
 */
export const openReferralExists = (participant: string, recipient: string, days: string) =>
  `EXISTS (SELECT 1 FROM referrals r
            WHERE r.participant_id = ${participant} AND r.to_organisation_id = ${recipient}
              AND (r.status IN ('SENT','ACCEPTED','IN_PROGRESS')
                   OR (r.closed_at IS NOT NULL AND r.closed_at > now() - make_interval(days => ${days}))))`;

/** What `participant_access` decided for one participant. */
export interface AccessGrant {
  participantId: string;
  ownerOrganisationId: string;
  categories: DataCategory[];
  basis: AccessBasis;
  consentIds: string[];
  legalBasisIds: string[];
  breakGlassGrantId: string | null;
}

export interface AccessContext {
  /** Null: decided for the organisation and role alone (no one's break-glass counts), as the referral send gate is. */
  userId: string | null;
  membership: ActorMembership;
  purpose: Purpose;
}

/**
 * The columns `facts` adds to a row: what `explainAccess` needs beyond the
 * decision itself. Null on the owner's own participants (their hidden
 * categories are hidden by role).
 */
export interface AccessFactColumns {
  fact_consents:
    | { id: string; categories: DataCategory[]; validFrom: string; validUntil: string | null; withdrawn: boolean }[]
    | null;
  fact_legal_basis_categories: DataCategory[] | null;
  fact_ceiling: DataCategory[] | null;
  fact_break_glass: boolean | null;
  fact_open_referral: boolean | null;
  fact_today: string | null;
}

/**
 * The one access module. Decisions come from the database function
 * `participant_access`, joined onto the participants a statement reads
 * (`join`), the same for a single read and for a list, so counts and pages
 * never include a participant the actor may not know about. The same statement
 * writes the access-log rows (`logged`, a data-modifying CTE) and returns the
 * facts that explain each hidden category (`facts`, turned into reasons by
 * `explainRow`), so a page of participants is one round trip whatever its size.
 */
@Injectable()
export class AccessService {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'referrals'>) {}

  /** How many days after a referral closes its recipient keeps REFERRAL access (REFERRAL_ACCESS_DAYS_AFTER_CLOSE). */
  get referralAccessDays(): number {
    return this.config.referrals.accessDaysAfterClose;
  }

  /**
   * SQL to join onto `participants <alias>`: yields `access.categories`,
   * `access.basis`, … and keeps only participants the actor may know about.
   * Parameters start at `$<first>`; pass `joinParameters(context)` after yours.
   */
  join(alias: string, first: number): string {
    return `CROSS JOIN LATERAL ${this.call(alias, first, false)} access`;
  }

  /**
   * The decision as the referral send gate asks it: purpose REFERRAL, with a
   * referral to the recipient being opened by the caller (`p_referral_opening`),
   * LEFT joined so that a participant the recipient would see nothing of still
   * has a row (`access.*` NULL). Parameters as `join`'s.
   */
  joinAsReferralOpens(alias: string, first: number): string {
    return `LEFT JOIN LATERAL ${this.call(alias, first, true)} access ON true`;
  }

  private call(alias: string, first: number, referralOpening: boolean): string {
    const n = (i: number) => `$${first + i}`;
    return `participant_access(${alias}.id, ${alias}.owner_organisation_id, ${n(0)}::uuid, ${n(1)}::uuid, ${n(2)}::text, ${n(3)}::text[], ${n(4)}::text[], current_date, ${n(5)}::integer${referralOpening ? ', true' : ''})`;
  }

  joinParameters({ userId, membership, purpose }: AccessContext): unknown[] {
    const rights = ROLE_RIGHTS[membership.role];
    return [membership.organisationId, userId, purpose, rights.own, rights.partner, this.referralAccessDays];
  }

  /**
   * The body of a data-modifying CTE (`WITH served AS (…), logged AS (${logged(…)}) SELECT … FROM served`)
   * writing one access-log row per participant of `source` read across organisations: who, for which
   * organisation, the categories disclosed, the purpose and the basis. `source` has the columns of
   * `participants` (id, owner_organisation_id) and of `participant_access`. The access parameters are
   * those of `join(…, first)`; `$<operation>` is the operation's name (text).
   *
   * The guarantee "no read served without its log row" holds because the INSERT and the SELECT that
   * returns the data are ONE statement: PostgreSQL runs a data-modifying CTE to completion whether or not
   * the outer query reads it, and if the INSERT fails the whole statement fails and returns nothing — the
   * same atomicity a transaction around two statements gave, without BEGIN/COMMIT round trips.
   */
  logged(source: string, first: number, operation: number): string {
    const n = (i: number) => `$${first + i}`;
    return `INSERT INTO access_log (actor_user_id, actor_organisation_id, participant_id, owner_organisation_id, purpose,
                               categories, basis, consent_ids, legal_basis_ids, break_glass_grant_id, operation)
       SELECT ${n(1)}::uuid, ${n(0)}::uuid, s.id, s.owner_organisation_id, ${n(2)}::text, s.categories, s.basis,
              s.consent_ids, s.legal_basis_ids, s.break_glass_grant_id, $${operation}::text
         FROM ${source} s
        WHERE s.basis <> '${AccessBasis.OWNER}'
       RETURNING participant_id`;
  }

  /**
   * SQL to join onto a row `<alias>` that has a participant's id, owner_organisation_id and the
   * `participant_access` columns (basis): the facts `explainRow` turns into a reason per hidden
   * category, read in the same statement (and snapshot) as the decision — the recipient's consents for
   * the purpose (live or not), the live legal bases' and agreements' categories for the pair, an open
   * break-glass grant and, for REFERRAL, an open (or recently closed) referral. Parameters as `join`'s.
   */
  facts(alias: string, first: number): string {
    const n = (i: number) => `$${first + i}`;
    const recipient = `${n(0)}::uuid`;
    const purpose = `${n(2)}::text`;
    const owner = `${alias}.owner_organisation_id`;
    return `LEFT JOIN LATERAL (
      SELECT
        (SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'categories', c.data_categories,
                                                      'validFrom', c.valid_from::text, 'validUntil', c.valid_until::text,
                                                      'withdrawn', c.withdrawn_at IS NOT NULL) ORDER BY c.id), '[]'::jsonb)
           FROM consents c
          WHERE c.participant_id = ${alias}.id AND ${purpose} = ANY (c.purposes)
            AND (c.granted_to_organisation_id = ${recipient} OR c.granted_to_partnership_id IN
                 (SELECT m.partnership_id FROM partnership_members m WHERE m.organisation_id = ${recipient}))
        ) AS fact_consents,
        ARRAY(SELECT DISTINCT c FROM legal_bases l, unnest(l.data_categories) c
               WHERE l.owner_organisation_id = ${owner} AND l.recipient_organisation_id = ${recipient}
                 AND l.purpose = ${purpose} AND l.revoked_at IS NULL AND l.valid_from <= current_date
                 AND (l.valid_until IS NULL OR l.valid_until >= current_date)) AS fact_legal_basis_categories,
        ARRAY(SELECT DISTINCT c FROM data_sharing_agreements a, unnest(a.data_categories) c
               WHERE a.status = 'ACTIVE' AND ${purpose} = ANY (a.purposes) AND a.valid_from <= current_date
                 AND (a.valid_until IS NULL OR a.valid_until >= current_date)
                 AND ((a.partnership_id IS NULL
                       AND EXISTS (SELECT 1 FROM agreement_parties x WHERE x.agreement_id = a.id AND x.organisation_id = ${owner})
                       AND EXISTS (SELECT 1 FROM agreement_parties x WHERE x.agreement_id = a.id AND x.organisation_id = ${recipient}))
                   OR (EXISTS (SELECT 1 FROM partnership_members m WHERE m.partnership_id = a.partnership_id AND m.organisation_id = ${owner})
                       AND EXISTS (SELECT 1 FROM partnership_members m WHERE m.partnership_id = a.partnership_id AND m.organisation_id = ${recipient})))
        ) AS fact_ceiling,
        EXISTS (SELECT 1 FROM break_glass_grants g WHERE g.participant_id = ${alias}.id AND g.organisation_id = ${recipient}
                  AND g.user_id = ${n(1)}::uuid AND g.expires_at > now()) AS fact_break_glass,
        ${purpose} <> 'REFERRAL' OR ${openReferralExists(`${alias}.id`, recipient, `${n(5)}::integer`)} AS fact_open_referral,
        current_date::text AS fact_today
       WHERE ${alias}.basis <> '${AccessBasis.OWNER}'
    ) fact ON true`;
  }

  /** Why each category is shown or hidden, from a row with the `participant_access` columns and `facts`. */
  explainRow(context: AccessContext, row: { basis: AccessBasis } & AccessFactColumns): Explanation {
    const rights = ROLE_RIGHTS[context.membership.role];
    if (row.basis === AccessBasis.OWNER) {
      return explainAccess({
        isOwner: true,
        roleCategories: rights.own,
        consents: [],
        legalBasisCategories: [],
        ceiling: [],
        breakGlass: false,
        openReferral: true,
        today: row.fact_today ?? '',
      });
    }
    return explainAccess({
      isOwner: false,
      roleCategories: rights.partner,
      consents: row.fact_consents ?? [],
      legalBasisCategories: row.fact_legal_basis_categories ?? [],
      ceiling: row.fact_ceiling ?? [],
      breakGlass: row.fact_break_glass === true,
      openReferral: row.fact_open_referral === true,
      today: row.fact_today ?? '',
    });
  }
}

/** The `participant_access` columns of a row. */
export interface AccessColumns {
  categories: DataCategory[];
  basis: AccessBasis;
  consent_ids: string[];
  legal_basis_ids: string[];
  break_glass_grant_id: string | null;
}

export function toGrant(row: { id: string; owner_organisation_id: string } & AccessColumns): AccessGrant {
  return {
    participantId: row.id,
    ownerOrganisationId: row.owner_organisation_id,
    categories: row.categories,
    basis: row.basis,
    consentIds: row.consent_ids,
    legalBasisIds: row.legal_basis_ids,
    breakGlassGrantId: row.break_glass_grant_id,
  };
}
