import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorMembership } from '@app/authz';
import { APP_CONFIG, AppConfig } from '@app/core';
import { DataCategory, Purpose } from '@app/organisations';
import { AccessBasis, Explanation, explainAccess } from './access-rules';
import { ROLE_RIGHTS } from './role-rights';

/**
 * SQL: is a referral of participant `participant` to organisation `recipient`
 * open, or closed less than `days` days ago? The condition `participant_access`
 * adds for purpose REFERRAL, as the explanations (`facts`, `explainMany`) read it.
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
  userId: string;
  membership: ActorMembership;
  purpose: Purpose;
}

/**
 * The one access module. Decisions come from the database function
 * `participant_access`, the same for a single read and for a list (`join`), so
 * counts and pages never include a participant the actor may not know about.
 * `explain` gives the reason for each hidden category; `log` writes the
 * access-log rows that must exist before data is served.
 */
@Injectable()
export class AccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'referrals'>,
  ) {}

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
    const n = (i: number) => `$${first + i}`;
    return `CROSS JOIN LATERAL participant_access(${alias}.id, ${alias}.owner_organisation_id, ${n(0)}::uuid, ${n(1)}::uuid, ${n(2)}, ${n(3)}::text[], ${n(4)}::text[], current_date, ${n(5)}::integer) access`;
  }

  joinParameters({ userId, membership, purpose }: AccessContext): unknown[] {
    const rights = ROLE_RIGHTS[membership.role];
    return [membership.organisationId, userId, purpose, rights.own, rights.partner, this.referralAccessDays];
  }

  /** The decision for one participant, or undefined when the actor may not know about them. */
  async decide(
    context: AccessContext,
    participantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AccessGrant | undefined> {
    const rows: AccessRow[] = await manager.query(
      `SELECT p.id AS participant_id, p.owner_organisation_id, access.*
         FROM participants p ${this.join('p', 2)}
        WHERE p.id = $1`,
      [participantId, ...this.joinParameters(context)],
    );
    return rows[0] ? toGrant(rows[0]) : undefined;
  }

  /**
   * Writes one access-log row per participant read across organisations. Call
   * it inside the transaction that reads the data: if the log cannot be
   * written, the transaction fails and nothing is served.
   */
  async log(manager: EntityManager, context: AccessContext, grants: AccessGrant[], operation: string): Promise<void> {
    const crossOrganisation = grants.filter((g) => g.basis !== AccessBasis.OWNER);
    if (crossOrganisation.length === 0) return;
    await manager.query(
      `INSERT INTO access_log (actor_user_id, actor_organisation_id, participant_id, owner_organisation_id, purpose,
                               categories, basis, consent_ids, legal_basis_ids, break_glass_grant_id, operation)
       SELECT $1, $2, g.participant_id, g.owner_organisation_id, $3, g.categories, g.basis, g.consent_ids,
              g.legal_basis_ids, g.break_glass_grant_id, $4
         FROM jsonb_to_recordset($5::jsonb) AS g(participant_id uuid, owner_organisation_id uuid, categories text[],
              basis text, consent_ids uuid[], legal_basis_ids uuid[], break_glass_grant_id uuid)`,
      [
        context.userId,
        context.membership.organisationId,
        context.purpose,
        operation,
        JSON.stringify(
          crossOrganisation.map((g) => ({
            participant_id: g.participantId,
            owner_organisation_id: g.ownerOrganisationId,
            categories: g.categories,
            basis: g.basis,
            consent_ids: g.consentIds,
            legal_basis_ids: g.legalBasisIds,
            break_glass_grant_id: g.breakGlassGrantId,
          })),
        ),
      ],
    );
  }

  /** Why each category is shown or hidden, from the same facts the database function reads. */
  async explain(context: AccessContext, participantId: string, ownerOrganisationId: string): Promise<Explanation> {
    const explanations = await this.explainMany(context, [{ participantId, ownerOrganisationId }]);
    return explanations.get(participantId)!;
  }

  /**
   * `explain` for many participants in a fixed number of queries (four,
   * whatever the page size): consents, and break-glass grants with open
   * referrals, by participant; legal bases and agreement ceilings by owning
   * organisation.
   */
  async explainMany(
    context: AccessContext,
    participants: readonly { participantId: string; ownerOrganisationId: string }[],
  ): Promise<Map<string, Explanation>> {
    const { organisationId: recipient, role } = context.membership;
    const rights = ROLE_RIGHTS[role];
    const result = new Map<string, Explanation>();
    const foreign = participants.filter((p) => p.ownerOrganisationId !== recipient);
    const [{ today }]: { today: string }[] = await this.dataSource.query(`SELECT current_date::text AS today`);
    for (const p of participants.filter((p) => p.ownerOrganisationId === recipient)) {
      result.set(
        p.participantId,
        explainAccess({
          isOwner: true,
          roleCategories: rights.own,
          consents: [],
          legalBasisCategories: [],
          ceiling: [],
          breakGlass: false,
          openReferral: true,
          today,
        }),
      );
    }
    if (foreign.length === 0) return result;

    const ids = foreign.map((p) => p.participantId);
    const owners = [...new Set(foreign.map((p) => p.ownerOrganisationId))];
    const consents: {
      participant_id: string;
      id: string;
      categories: DataCategory[];
      valid_from: string;
      valid_until: string | null;
      withdrawn: boolean;
    }[] = await this.dataSource.query(
      `SELECT c.participant_id, c.id, c.data_categories AS categories, c.valid_from::text, c.valid_until::text,
                c.withdrawn_at IS NOT NULL AS withdrawn
           FROM consents c
          WHERE c.participant_id = ANY ($1::uuid[]) AND $3 = ANY (c.purposes)
            AND (c.granted_to_organisation_id = $2 OR c.granted_to_partnership_id IN
                 (SELECT partnership_id FROM partnership_members WHERE organisation_id = $2))`,
      [ids, recipient, context.purpose],
    );
    const perOwner: { owner: string; legal: DataCategory[] | null; ceiling: DataCategory[] | null }[] =
      await this.dataSource.query(
        `SELECT o.owner,
         (SELECT array_agg(DISTINCT c) FROM legal_bases l, unnest(l.data_categories) c
           WHERE l.owner_organisation_id = o.owner AND l.recipient_organisation_id = $2 AND l.purpose = $3
             AND l.revoked_at IS NULL AND l.valid_from <= current_date
             AND (l.valid_until IS NULL OR l.valid_until >= current_date)) AS legal,
         (SELECT array_agg(DISTINCT c) FROM data_sharing_agreements a, unnest(a.data_categories) c
           WHERE a.status = 'ACTIVE' AND $3 = ANY (a.purposes) AND a.valid_from <= current_date
             AND (a.valid_until IS NULL OR a.valid_until >= current_date)
             AND ((a.partnership_id IS NULL
                   AND EXISTS (SELECT 1 FROM agreement_parties x WHERE x.agreement_id = a.id AND x.organisation_id = o.owner)
                   AND EXISTS (SELECT 1 FROM agreement_parties x WHERE x.agreement_id = a.id AND x.organisation_id = $2))
               OR (EXISTS (SELECT 1 FROM partnership_members m WHERE m.partnership_id = a.partnership_id AND m.organisation_id = o.owner)
                   AND EXISTS (SELECT 1 FROM partnership_members m WHERE m.partnership_id = a.partnership_id AND m.organisation_id = $2)))) AS ceiling
         FROM unnest($1::uuid[]) AS o(owner)`,
        [owners, recipient, context.purpose],
      );
    const perParticipant: { participant_id: string; glass: boolean; open_referral: boolean }[] =
      await this.dataSource.query(
        `SELECT p.id AS participant_id,
                EXISTS (SELECT 1 FROM break_glass_grants g WHERE g.participant_id = p.id AND g.organisation_id = $2
                          AND g.user_id = $3 AND g.expires_at > now()) AS glass,
                $4::text <> 'REFERRAL' OR ${openReferralExists('p.id', '$2', '$5::integer')} AS open_referral
           FROM unnest($1::uuid[]) AS p(id)`,
        [ids, recipient, context.userId, context.purpose, this.referralAccessDays],
      );
    const byOwner = new Map(perOwner.map((o) => [o.owner, o]));
    const withGlass = new Set(perParticipant.filter((g) => g.glass).map((g) => g.participant_id));
    const withOpenReferral = new Set(perParticipant.filter((g) => g.open_referral).map((g) => g.participant_id));
    for (const p of foreign) {
      const owner = byOwner.get(p.ownerOrganisationId);
      result.set(
        p.participantId,
        explainAccess({
          isOwner: false,
          roleCategories: rights.partner,
          consents: consents
            .filter((c) => c.participant_id === p.participantId)
            .map((c) => ({
              id: c.id,
              categories: c.categories,
              validFrom: c.valid_from,
              validUntil: c.valid_until,
              withdrawn: c.withdrawn,
            })),
          legalBasisCategories: owner?.legal ?? [],
          ceiling: owner?.ceiling ?? [],
          breakGlass: withGlass.has(p.participantId),
          openReferral: withOpenReferral.has(p.participantId),
          today,
        }),
      );
    }
    return result;
  }
}

interface AccessRow {
  participant_id: string;
  owner_organisation_id: string;
  categories: DataCategory[];
  basis: AccessBasis;
  consent_ids: string[];
  legal_basis_ids: string[];
  break_glass_grant_id: string | null;
}

export function toGrant(row: AccessRow): AccessGrant {
  return {
    participantId: row.participant_id,
    ownerOrganisationId: row.owner_organisation_id,
    categories: row.categories,
    basis: row.basis,
    consentIds: row.consent_ids,
    legalBasisIds: row.legal_basis_ids,
    breakGlassGrantId: row.break_glass_grant_id,
  };
}
