import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, ActorMembership, Role } from '@app/authz';
import {
  APP_CONFIG,
  AppConfig,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  writeOutboxEvent,
} from '@app/core';
import { DataCategory, Purpose } from '@app/organisations';
import { actingMembership } from '@app/access';
import { GrantConsentInput, RecordLegalBasisInput, WithdrawConsentInput } from './consent.input';
import { Consent, ConsentStatus, EvidenceMethod, LegalBasis } from './consent.model';

const CASEWORK_ROLES = [Role.CASEWORKER, Role.COORDINATOR];

interface ConsentRow {
  id: string;
  participant_id: string;
  granted_to_organisation_id: string | null;
  granted_to_partnership_id: string | null;
  purposes: Purpose[];
  data_categories: DataCategory[];
  valid_from: string;
  valid_until: string | null;
  evidence_method: EvidenceMethod;
  evidence_document_hash: string | null;
  collected_by_user_id: string;
  created_at: Date;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  status: ConsentStatus;
}

const CONSENT_COLUMNS = `c.id, c.participant_id, c.granted_to_organisation_id, c.granted_to_partnership_id, c.purposes,
  c.data_categories, c.valid_from::text, c.valid_until::text, c.evidence_method, c.evidence_document_hash,
  c.collected_by_user_id, c.created_at, c.withdrawn_at, c.withdrawal_reason,
  CASE WHEN c.withdrawn_at IS NOT NULL THEN 'WITHDRAWN'
       WHEN c.valid_from > current_date THEN 'NOT_YET_VALID'
       WHEN c.valid_until < current_date THEN 'EXPIRED'
       ELSE 'ACTIVE' END AS status`;

/**
 * Consents and legal bases. Recorded by the caseworkers of the organisation
 * that owns the participant; a consent can only narrow what the data-sharing
 * agreement allows; withdrawal is one call and tells every organisation that
 * received data under the consent (GDPR art. 19) through the outbox.
 */
@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, participantId: string, asOrganisationId?: string): Promise<Consent[]> {
    const membership = actingMembership(actor, asOrganisationId);
    await this.ownedParticipant(this.dataSource.manager, membership, participantId);
    const rows: ConsentRow[] = await this.dataSource.query(
      `SELECT ${CONSENT_COLUMNS} FROM consents c WHERE c.participant_id = $1 ORDER BY c.created_at DESC, c.id`,
      [participantId],
    );
    return rows.map(toConsent);
  }

  async grant(actor: Actor, input: GrantConsentInput): Promise<Consent> {
    if (Boolean(input.recipientOrganisationId) === Boolean(input.recipientPartnershipId)) {
      throw new BadUserInputError('Give exactly one of recipientOrganisationId and recipientPartnershipId', [
        {
          field: 'recipientOrganisationId',
          problems: ['exactly one of recipientOrganisationId and recipientPartnershipId'],
        },
      ]);
    }
    if (input.validUntil && input.validUntil < input.validFrom) {
      throw new BadUserInputError('validUntil is before validFrom', [
        { field: 'validUntil', problems: ['must not be before validFrom'] },
      ]);
    }
    const membership = actingMembership(actor, input.asOrganisationId);
    return this.dataSource.transaction(async (tx) => {
      const owner = await this.ownedParticipant(tx, membership, input.participantId);
      this.assertCasework(membership);
      if (input.recipientOrganisationId === owner) {
        throw new BadUserInputError('A consent is given to another organisation', [
          { field: 'recipientOrganisationId', problems: ['must not be the owning organisation'] },
        ]);
      }
      await this.assertRecipientExists(tx, input);
      const purposes = [...new Set(input.purposes)];
      const categories = [...new Set(input.dataCategories)];
      const beyond = await this.beyondAgreement(tx, owner, input, purposes, categories);
      if (beyond.length > 0) {
        throw new BadUserInputError('The consent goes beyond the data-sharing agreement with the recipient', [
          ...beyond.map(({ purpose, categories: c }) => ({
            field: 'dataCategories',
            problems: [`${purpose}: ${c.join(', ')} not in any active agreement`],
          })),
        ]);
      }
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO consents (participant_id, granted_to_organisation_id, granted_to_partnership_id, purposes, data_categories,
                               valid_from, valid_until, evidence_method, evidence_document_hash, collected_by_user_id,
                               recorded_by_organisation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          input.participantId,
          input.recipientOrganisationId ?? null,
          input.recipientPartnershipId ?? null,
          purposes,
          categories,
          input.validFrom,
          input.validUntil ?? null,
          input.evidence.method,
          input.evidence.documentHash ?? null,
          actor.userId,
          owner,
        ],
      );
      return this.byId(tx, id);
    });
  }

  async withdraw(actor: Actor, input: WithdrawConsentInput): Promise<Consent> {
    const membership = actingMembership(actor, input.asOrganisationId);
    return this.dataSource.transaction(async (tx) => {
      const rows: { participant_id: string; withdrawn_at: Date | null }[] = await tx.query(
        `SELECT participant_id, withdrawn_at FROM consents WHERE id = $1 FOR UPDATE`,
        [input.consentId],
      );
      if (!rows[0]) throw new NotFoundError('Consent', input.consentId);
      await this.ownedParticipant(tx, membership, rows[0].participant_id, 'Consent', input.consentId);
      this.assertCasework(membership);
      if (rows[0].withdrawn_at)
        throw new ConflictError('The consent is already withdrawn', { currentStatus: 'WITHDRAWN' });
      await tx.query(
        `UPDATE consents SET withdrawn_at = now(), withdrawn_by_user_id = $2, withdrawal_reason = $3 WHERE id = $1`,
        [input.consentId, actor.userId, input.reason?.trim() || null],
      );
      // GDPR art. 19: every organisation that received data under this consent is told, and so is the
      // recipient of an open (or recently closed) referral of the participant that the consent was given
      // to (directly or through a partnership): its access may just have ended.
      const recipients: { organisation_id: string }[] = await tx.query(
        `SELECT actor_organisation_id AS organisation_id FROM access_log WHERE consent_ids @> ARRAY[$1::uuid]
         UNION
         SELECT r.to_organisation_id FROM consents c
           JOIN referrals r ON r.participant_id = c.participant_id
          WHERE c.id = $1 AND referral_gives_access(r.status, r.closed_at, $2::integer)
            AND c.id IN (SELECT x.id FROM consents_reaching(r.to_organisation_id) x)
         ORDER BY 1`,
        [input.consentId, this.config.referrals.accessDaysAfterClose],
      );
      await writeOutboxEvent(tx, {
        type: 'consent.withdrawn',
        aggregateType: 'consent',
        aggregateId: input.consentId,
        payload: {
          consentId: input.consentId,
          participantId: rows[0].participant_id,
          notifyOrganisationIds: recipients.map((r) => r.organisation_id),
        },
      });
      return this.byId(tx, input.consentId);
    });
  }

  async recordLegalBasis(actor: Actor, input: RecordLegalBasisInput): Promise<LegalBasis> {
    if (!actor.hasRoleIn(input.ownerOrganisationId, Role.PARTNER_ADMIN, Role.COORDINATOR)) throw new ForbiddenError();
    if (input.validUntil && input.validUntil < input.validFrom) {
      throw new BadUserInputError('validUntil is before validFrom', [
        { field: 'validUntil', problems: ['must not be before validFrom'] },
      ]);
    }
    if (input.recipientOrganisationId === input.ownerOrganisationId) {
      throw new BadUserInputError('A legal basis is for another organisation', [
        { field: 'recipientOrganisationId', problems: ['must differ from ownerOrganisationId'] },
      ]);
    }
    const exists: unknown[] = await this.dataSource.query(`SELECT 1 FROM organisations WHERE id = $1`, [
      input.recipientOrganisationId,
    ]);
    if (exists.length === 0) throw new NotFoundError('Organisation', input.recipientOrganisationId);
    const categories = [...new Set(input.dataCategories)];
    const [row]: LegalBasisRow[] = await this.dataSource.query(
      `INSERT INTO legal_bases (owner_organisation_id, recipient_organisation_id, purpose, data_categories, citation,
                                valid_from, valid_until, recorded_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING id, owner_organisation_id, recipient_organisation_id, purpose, data_categories, citation, valid_from::text, valid_until::text`,
      [
        input.ownerOrganisationId,
        input.recipientOrganisationId,
        input.purpose,
        categories,
        input.citation.trim(),
        input.validFrom,
        input.validUntil ?? null,
        actor.userId,
      ],
    );
    return toLegalBasis(row);
  }

  async legalBases(actor: Actor, organisationId: string): Promise<LegalBasis[]> {
    if (!actor.isMemberOf(organisationId)) throw new NotFoundError('Organisation', organisationId);
    const rows: LegalBasisRow[] = await this.dataSource.query(
      `SELECT id, owner_organisation_id, recipient_organisation_id, purpose, data_categories, citation, valid_from::text, valid_until::text
         FROM legal_bases WHERE (owner_organisation_id = $1 OR recipient_organisation_id = $1) AND revoked_at IS NULL
        ORDER BY created_at DESC`,
      [organisationId],
    );
    return rows.map(toLegalBasis);
  }

  /** The owner of a participant the acting organisation owns; anything else is NOT_FOUND. */
  private async ownedParticipant(
    tx: EntityManager,
    membership: ActorMembership,
    participantId: string,
    entity = 'Participant',
    id = participantId,
  ): Promise<string> {
    const rows: { owner_organisation_id: string }[] = await tx.query(
      `SELECT owner_organisation_id FROM participants WHERE id = $1`,
      [participantId],
    );
    if (!rows[0] || rows[0].owner_organisation_id !== membership.organisationId) throw new NotFoundError(entity, id);
    return rows[0].owner_organisation_id;
  }

  private assertCasework(membership: ActorMembership): void {
    if (!CASEWORK_ROLES.includes(membership.role))
      throw new ForbiddenError('Only caseworkers and coordinators record consents');
  }

  private async assertRecipientExists(tx: EntityManager, input: GrantConsentInput): Promise<void> {
    const [table, id] = input.recipientOrganisationId
      ? ['organisations', input.recipientOrganisationId]
      : ['partnerships', input.recipientPartnershipId!];
    const rows: unknown[] = await tx.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
    if (rows.length === 0) throw new NotFoundError(table === 'organisations' ? 'Organisation' : 'Partnership', id);
  }

  /**
   * Per purpose, the categories no agreement in force allows: the agreement ceiling between owner and
   * recipient organisation, or for a consent to a partnership that partnership's own agreements binding
   * the owner. One statement for every purpose.
   */
  private async beyondAgreement(
    tx: EntityManager,
    owner: string,
    input: GrantConsentInput,
    purposes: Purpose[],
    categories: DataCategory[],
  ): Promise<{ purpose: Purpose; categories: DataCategory[] }[]> {
    const rows: { purpose: Purpose; missing: DataCategory[] }[] = await tx.query(
      `SELECT p.purpose,
              ARRAY(SELECT c FROM unnest($2::text[]) c
                     WHERE c NOT IN (SELECT x.category FROM agreement_ceiling($1, $3, p.purpose, current_date) x
                                      WHERE $3::uuid IS NOT NULL
                                     UNION ALL
                                     SELECT x.category FROM partnership_ceiling($1, $4, p.purpose, current_date) x
                                      WHERE $4::uuid IS NOT NULL)
                     ORDER BY array_position($2::text[], c)) AS missing
         FROM unnest($5::text[]) WITH ORDINALITY AS p(purpose, n)
        ORDER BY p.n`,
      [owner, categories, input.recipientOrganisationId ?? null, input.recipientPartnershipId ?? null, purposes],
    );
    return rows.filter((r) => r.missing.length > 0).map((r) => ({ purpose: r.purpose, categories: r.missing }));
  }

  private async byId(tx: EntityManager, id: string): Promise<Consent> {
    const rows: ConsentRow[] = await tx.query(`SELECT ${CONSENT_COLUMNS} FROM consents c WHERE c.id = $1`, [id]);
    return toConsent(rows[0]);
  }
}

interface LegalBasisRow {
  id: string;
  owner_organisation_id: string;
  recipient_organisation_id: string;
  purpose: Purpose;
  data_categories: DataCategory[];
  citation: string;
  valid_from: string;
  valid_until: string | null;
}

function toLegalBasis(row: LegalBasisRow): LegalBasis {
  return {
    id: row.id,
    ownerOrganisationId: row.owner_organisation_id,
    recipientOrganisationId: row.recipient_organisation_id,
    purpose: row.purpose,
    dataCategories: row.data_categories,
    citation: row.citation,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
  };
}

function toConsent(row: ConsentRow): Consent {
  return {
    id: row.id,
    participantId: row.participant_id,
    grantedToOrganisationId: row.granted_to_organisation_id,
    grantedToPartnershipId: row.granted_to_partnership_id,
    purposes: row.purposes,
    dataCategories: row.data_categories,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    evidence: {
      method: row.evidence_method,
      documentHash: row.evidence_document_hash,
      collectedByUserId: row.collected_by_user_id,
    },
    status: row.status,
    createdAt: row.created_at,
    withdrawnAt: row.withdrawn_at,
    withdrawalReason: row.withdrawal_reason,
  };
}
