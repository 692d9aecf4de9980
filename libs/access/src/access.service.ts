import { Inject, Injectable } from '@nestjs/common';
import { ActorMembership } from '@app/authz';
import { APP_CONFIG, AppConfig } from '@app/core';
import { DataCategory, Purpose } from '@app/organisations';
import { AccessBasis, Explanation, explainAccess } from './access-rules';
import { ROLE_RIGHTS } from './role-rights';

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
 * Composes the access functions (libs/access/src/sql, applied by the
 * migrations) into the statements that read participant data, so that a
 * single read, a batch (a referral page's participants) and a list page all
 * decide with the same rule, in the statement that reads the data — counts and
 * pages never include a participant the actor may not know about. The same
 * statement writes the access-log rows (`logged`, a data-modifying CTE) and,
 * when asked, returns the facts that explain each hidden category (`facts`,
 * turned into reasons by `explainRow`), so a page of participants is one round
 * trip whatever its size.
 *
 * Every fragment reads the same parameters, `parameters(context)`, from
 * `$<first>` on: the reader's organisation, user, the purpose, the role's own
 * and partner categories, and the referral access days.
 */
@Injectable()
export class AccessService {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'referrals'>) {}

  /** How many days after a referral closes its recipient keeps REFERRAL access (REFERRAL_ACCESS_DAYS_AFTER_CLOSE). */
  get referralAccessDays(): number {
    return this.config.referrals.accessDaysAfterClose;
  }

  parameters({ userId, membership, purpose }: AccessContext): unknown[] {
    const rights = ROLE_RIGHTS[membership.role];
    return [membership.organisationId, userId, purpose, rights.own, rights.partner, this.referralAccessDays];
  }

  /**
   * The body of the CTE `access_owners` that `decide` joins: the owners' facts (live legal bases towards
   * the reader, agreement ceiling), computed once per statement — one row per organisation.
   */
  owners(first: number): string {
    const n = (i: number) => `$${first + i}`;
    return `SELECT * FROM access_owner_facts(${n(0)}::uuid, ${n(2)}::text, current_date)`;
  }

  /**
   * SQL to join onto `participants <alias>` in a statement that has `WITH access_owners AS MATERIALIZED
   * (owners(first))`: yields `access.categories`, `access.basis`, … and keeps only participants the
   * actor may know about. Each participant's consents, referral gate and break-glass grant are probed
   * by index in the same plan, so a list walking its index in page order decides only the rows it reads.
   */
  decide(alias: string, first: number): string {
    const n = (i: number) => `$${first + i}`;
    return `LEFT JOIN access_owners ${alias}_owner ON ${alias}_owner.owner_organisation_id = ${alias}.owner_organisation_id
      CROSS JOIN LATERAL participant_decision(${alias}.id, ${alias}.owner_organisation_id, ${n(0)}::uuid, ${n(1)}::uuid,
        ${n(2)}::text, ${n(3)}::text[], ${n(4)}::text[], current_date, ${n(5)}::integer, false,
        coalesce(${alias}_owner.legal_bases, '{}'), coalesce(${alias}_owner.ceiling, '{}')) access`;
  }

  /**
   * The decision as the referral send gate asks it: purpose REFERRAL, with a referral to the recipient
   * being opened by the caller (`p_referral_opening`), LEFT joined onto `participants <alias>` so that a
   * participant the recipient would see nothing of still has a row (`access.*` NULL). Parameters as
   * `decide`'s; needs no `access_owners` CTE.
   */
  decideAsReferralOpens(alias: string, first: number): string {
    const n = (i: number) => `$${first + i}`;
    return `LEFT JOIN LATERAL participant_access(${alias}.id, ${alias}.owner_organisation_id, ${n(0)}::uuid, ${n(1)}::uuid,
        ${n(2)}::text, ${n(3)}::text[], ${n(4)}::text[], current_date, ${n(5)}::integer, true) access ON true`;
  }

  /**
   * A FROM item: the decisions for the participants whose ids are in the array `ids` (SQL), as
   * `participants_access` makes them — columns participant_id, owner_organisation_id, categories, basis,
   * consent_ids, legal_basis_ids, break_glass_grant_id; participants the actor may not know have no row.
   */
  decideMany(ids: string, first: number): string {
    const n = (i: number) => `$${first + i}`;
    return `participants_access(${ids}, ${n(0)}::uuid, ${n(1)}::uuid, ${n(2)}::text, ${n(3)}::text[], ${n(4)}::text[],
      current_date, ${n(5)}::integer)`;
  }

  /**
   * The body of a data-modifying CTE (`WITH served AS (…), logged AS (logged(…)) SELECT … FROM served`)
   * writing one access-log row per participant of `source` read across organisations: who, for which
   * organisation, the categories disclosed, the purpose and the basis. `source` has the columns id,
   * owner_organisation_id and those of the decision. `$<operation>` is the operation's name (text).
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
   * SQL to join onto a row `<alias>` that has a participant's id, owner_organisation_id and the decision's
   * columns (basis): the facts `explainRow` turns into a reason per hidden category, read in the same
   * statement (and snapshot) as the decision, through the same predicates — the consents reaching the
   * reader for the purpose (live or not), the owner's live legal bases' categories and the agreement
   * ceiling, a live break-glass grant and, for REFERRAL, an open (or recently closed) referral. Only
   * where an explanation is asked for (`redactions`, `explainAccess`): it costs as much as the decision.
   */
  facts(alias: string, first: number): string {
    const n = (i: number) => `$${first + i}`;
    const recipient = `${n(0)}::uuid`;
    const purpose = `${n(2)}::text`;
    // The owner's facts, as the decision had them: its live legal bases towards the reader and the ceiling.
    const ownerFacts = `access_owner_facts(${recipient}, ${purpose}, current_date) f`;
    const ofOwner = `f.owner_organisation_id = ${alias}.owner_organisation_id`;
    return `LEFT JOIN LATERAL (
      SELECT
        (SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'categories', c.data_categories,
                                                      'validFrom', c.valid_from::text, 'validUntil', c.valid_until::text,
                                                      'withdrawn', c.withdrawn_at IS NOT NULL) ORDER BY c.id), '[]'::jsonb)
           FROM consents_reaching(${recipient}) c
          WHERE c.participant_id = ${alias}.id AND ${purpose} = ANY (c.purposes)) AS fact_consents,
        ARRAY(SELECT DISTINCT g FROM ${ownerFacts}, unnest(f.legal_bases) l, unnest(l.categories) g WHERE ${ofOwner})
          AS fact_legal_basis_categories,
        coalesce((SELECT f.ceiling FROM ${ownerFacts} WHERE ${ofOwner}), '{}') AS fact_ceiling,
        EXISTS (SELECT 1 FROM break_glass_grants g
                 WHERE g.participant_id = ${alias}.id AND g.organisation_id = ${recipient} AND g.user_id = ${n(1)}::uuid
                   AND break_glass_in_force(g)) AS fact_break_glass,
        ${purpose} <> 'REFERRAL'
          OR EXISTS (SELECT 1 FROM referrals r
                      WHERE r.participant_id = ${alias}.id AND r.to_organisation_id = ${recipient}
                        AND referral_gives_access(r.status, r.closed_at, ${n(5)}::integer)) AS fact_open_referral,
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
