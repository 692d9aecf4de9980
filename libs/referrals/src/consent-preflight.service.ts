import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Role } from '@app/authz';
import {
  AccessBasis,
  AccessContext,
  AccessFactColumns,
  AccessService,
  RedactionReason,
  actingMembership,
} from '@app/access';
import { BadUserInputError, ForbiddenError, NotFoundError } from '@app/core';
import { DataCategory, Purpose } from '@app/organisations';
import { ConsentGateReason, ConsentPreflight } from './consent-preflight.model';

interface PreflightRow extends AccessFactColumns {
  owner_organisation_id: string;
  recipient_found: boolean;
  basis: AccessBasis | null;
  categories: DataCategory[] | null;
  legal_basis_ids: string[] | null;
}

/** The redaction reasons that say why consent does not open a category, as gate reasons. */
const GATE_REASON: Partial<Record<RedactionReason, ConsentGateReason>> = {
  [RedactionReason.NO_CONSENT]: ConsentGateReason.NO_CONSENT,
  [RedactionReason.CONSENT_WITHDRAWN]: ConsentGateReason.CONSENT_WITHDRAWN,
  [RedactionReason.CONSENT_EXPIRED]: ConsentGateReason.CONSENT_EXPIRED,
  [RedactionReason.BEYOND_AGREEMENT]: ConsentGateReason.BEYOND_AGREEMENT,
};

/**
 * The consent preflight of the new-referral screen: would `sendReferral`'s
 * consent gate pass now? The gate is the access rule (`participant_access`)
 * asked as sending asks it — for the recipient's caseworkers, for REFERRAL,
 * with the referral being opened — so this answers from the same function,
 * never a copy of the rule. The reasons come from the same statement's facts,
 * explained by `explainAccess` (the explanation the permission matrix holds
 * against an independent oracle). Nothing is read of the participant's data
 * and nothing is logged.
 */
@Injectable()
export class ConsentPreflightService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async check(
    actor: Actor,
    args: { participantId: string; toOrganisationId: string; asOrganisationId?: string },
  ): Promise<ConsentPreflight> {
    const membership = actingMembership(actor, args.asOrganisationId);
    // Whoever may make the referral may ask (as createReferral decides).
    if (![Role.CASEWORKER, Role.COORDINATOR].includes(membership.role)) {
      throw new ForbiddenError('Only caseworkers and coordinators make referrals');
    }
    if (args.toOrganisationId === membership.organisationId) {
      throw new BadUserInputError('A referral goes to another organisation', [
        { field: 'toOrganisationId', problems: ['must not be your organisation'] },
      ]);
    }
    // As the send gate: the recipient's caseworkers, no one's break-glass.
    const gate: AccessContext = {
      userId: null,
      membership: { organisationId: args.toOrganisationId, role: Role.CASEWORKER },
      purpose: Purpose.REFERRAL,
    };
    const [row]: PreflightRow[] = await this.dataSource.query(
      `WITH decided AS (
         SELECT p.id, p.owner_organisation_id, COALESCE(access.basis, 'NONE') AS basis, access.categories,
                access.legal_basis_ids
           FROM participants p ${this.access.decideAsReferralOpens('p', 3)}
          WHERE p.id = $1 AND p.owner_organisation_id = $2
       )
       SELECT d.owner_organisation_id, NULLIF(d.basis, 'NONE') AS basis, d.categories, d.legal_basis_ids, fact.*,
              EXISTS (SELECT 1 FROM organisations o WHERE o.id = $3) AS recipient_found
         FROM decided d ${this.access.facts('d', 3)}`,
      [args.participantId, membership.organisationId, ...this.access.parameters(gate)],
    );
    if (!row) throw new NotFoundError('Participant', args.participantId);
    if (!row.recipient_found) throw new NotFoundError('Organisation', args.toOrganisationId);

    const shared = row.categories ?? [];
    const passes = shared.length > 0;
    const consents = row.fact_consents ?? [];
    const ceiling = row.fact_ceiling ?? [];
    return {
      participantId: args.participantId,
      toOrganisationId: args.toOrganisationId,
      passes,
      reasons: passes ? [] : this.reasons(gate, row, ceiling),
      basis: passes ? row.basis : null,
      sharedCategories: shared,
      agreementCategories: [...ceiling].sort(),
      consentIds: consents.map((c) => c.id),
      legalBasisIds: passes ? (row.legal_basis_ids ?? []) : [],
    };
  }

  /**
   * Why the gate is closed: no agreement at all, or, per category the agreement lets flow, what keeps
   * consent from opening it (plus BEYOND_AGREEMENT where consent names only categories outside it).
   * NO_CONSENT is told apart from a consent that has not started yet.
   */
  private reasons(gate: AccessContext, row: PreflightRow, ceiling: DataCategory[]): ConsentGateReason[] {
    if (ceiling.length === 0) return [ConsentGateReason.NO_AGREEMENT];
    // The referral is being opened: what is left hidden is hidden by consent and agreement.
    const { redactions } = this.access.explainRow(gate, {
      ...row,
      basis: AccessBasis.CONSENT,
      fact_open_referral: true,
    });
    const today = row.fact_today ?? '';
    const startsLater = (category: DataCategory) =>
      (row.fact_consents ?? []).some((c) => !c.withdrawn && c.validFrom > today && c.categories.includes(category));
    const reasons = new Set<ConsentGateReason>();
    for (const { category, reason } of redactions) {
      const gateReason = GATE_REASON[reason];
      if (!gateReason) continue;
      if (gateReason === ConsentGateReason.BEYOND_AGREEMENT || ceiling.includes(category)) {
        reasons.add(
          gateReason === ConsentGateReason.NO_CONSENT && startsLater(category)
            ? ConsentGateReason.CONSENT_NOT_YET_VALID
            : gateReason,
        );
      }
    }
    // A reason for every category can only be NO_CONSENT once another is known: say the informative ones.
    if (reasons.size > 1) reasons.delete(ConsentGateReason.NO_CONSENT);
    return Object.values(ConsentGateReason).filter((reason) => reasons.has(reason));
  }
}
