import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, ActorMembership, Role } from '@app/authz';
import { AccessContext, AccessGrant, AccessService, actingMembership } from '@app/consents';
import { ConflictError, ForbiddenError, NotFoundError, decodeCursor, encodeCursor, isUniqueViolation } from '@app/core';
import { DataCategory, Purpose } from '@app/organisations';
import { CATEGORY_FIELD, normalise } from './categories';
import { CreateParticipantInput, ParticipantsArgs, UpdateParticipantInput } from './participant.input';
import { AccessExplanation, AccessLogEntry, Participant, ParticipantConnection } from './participant.model';

const CASEWORK_ROLES = [Role.CASEWORKER, Role.COORDINATOR];
const CATEGORIES = Object.values(DataCategory);

interface ParticipantRow {
  id: string;
  owner_organisation_id: string;
  created_at: Date;
  /** created_at with microseconds, for cursors (a JS Date keeps milliseconds only) */
  cursor_time?: string;
  version: number;
}

/**
 * Participants and their personal data. Every read goes through the access
 * module: the database decides what may be seen, only those categories are
 * loaded, and a read across organisations is logged in the same transaction
 * before anything is returned.
 */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async create(actor: Actor, input: CreateParticipantInput): Promise<Participant> {
    const membership = actingMembership(actor, input.asOrganisationId);
    assertCasework(membership);
    const id = await this.dataSource.transaction(async (tx) => {
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO participants (owner_organisation_id, registered_by_user_id) VALUES ($1, $2) RETURNING id`,
        [membership.organisationId, actor.userId],
      );
      await this.writeData(tx, id, membership.organisationId, actor.userId, input);
      return id;
    });
    return this.get(actor, id, { purpose: Purpose.REINTEGRATION_SUPPORT, asOrganisationId: membership.organisationId });
  }

  async update(actor: Actor, input: UpdateParticipantInput): Promise<Participant> {
    const membership = actingMembership(actor, input.asOrganisationId);
    await this.dataSource.transaction(async (tx) => {
      const rows: ParticipantRow[] = await tx.query(
        `SELECT id, owner_organisation_id, version FROM participants WHERE id = $1 FOR UPDATE`,
        [input.id],
      );
      if (!rows[0] || rows[0].owner_organisation_id !== membership.organisationId)
        throw new NotFoundError('Participant', input.id);
      assertCasework(membership);
      if (rows[0].version !== input.expectedVersion) {
        throw new ConflictError('The participant was changed by someone else; reload and retry', {
          currentVersion: rows[0].version,
        });
      }
      await this.writeData(tx, input.id, membership.organisationId, actor.userId, input);
      await tx.query(`UPDATE participants SET version = version + 1, updated_at = now() WHERE id = $1`, [input.id]);
    });
    return this.get(actor, input.id, {
      purpose: Purpose.REINTEGRATION_SUPPORT,
      asOrganisationId: membership.organisationId,
    });
  }

  async get(actor: Actor, id: string, args: { purpose: Purpose; asOrganisationId?: string }): Promise<Participant> {
    const context = this.context(actor, args);
    const { grant, participant, data } = await this.dataSource.transaction(async (tx) => {
      const grant = await this.access.decide(context, id, tx);
      if (!grant) throw new NotFoundError('Participant', id);
      const [participant]: ParticipantRow[] = await tx.query(
        `SELECT id, owner_organisation_id, created_at, version FROM participants WHERE id = $1`,
        [id],
      );
      const data = await this.loadData(tx, [grant]);
      await this.access.log(tx, context, [grant], 'participant');
      return { grant, participant, data };
    });
    const [model] = await this.toModels(context, [participant], [grant], data);
    return model;
  }

  async list(actor: Actor, args: ParticipantsArgs): Promise<ParticipantConnection> {
    const context = this.context(actor, args);
    const cursor = args.after ? decodeCursor(args.after) : undefined;
    const params: unknown[] = [];
    const filters: string[] = [];
    if (args.search) {
      params.push(`%${args.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      filters.push(`'IDENTITY' = ANY (access.categories) AND EXISTS (
        SELECT 1 FROM participant_data d WHERE d.participant_id = p.id AND d.category = 'IDENTITY'
           AND (lower((d.data->>'lastName') || ' ' || (d.data->>'firstName')) LIKE $${params.length}
                OR lower((d.data->>'firstName') || ' ' || (d.data->>'lastName')) LIKE $${params.length}))`);
    }
    const base = `FROM participants p ${this.access.join('p', params.length + 1)}`;
    const accessParams = this.access.joinParameters(context);
    const where = filters.length ? `WHERE ${filters.join(' AND ')}` : '';

    return this.dataSource.transaction(async (tx) => {
      const [{ count }]: { count: string }[] = await tx.query(`SELECT count(*) ${base} ${where}`, [
        ...params,
        ...accessParams,
      ]);
      const pageParams = [...params, ...accessParams];
      let pageWhere = where;
      if (cursor) {
        pageParams.push(cursor.createdAt, cursor.id);
        const condition = `(p.created_at, p.id) < ($${pageParams.length - 1}::timestamptz, $${pageParams.length}::uuid)`;
        pageWhere = where ? `${where} AND ${condition}` : `WHERE ${condition}`;
      }
      pageParams.push(args.first + 1);
      const rows: (ParticipantRow & AccessRowColumns)[] = await tx.query(
        `SELECT p.id, p.owner_organisation_id, p.created_at, p.created_at::text AS cursor_time, p.version, access.* ${base} ${pageWhere}
          ORDER BY p.created_at DESC, p.id DESC LIMIT $${pageParams.length}`,
        pageParams,
      );
      const page = rows.slice(0, args.first);
      const grants = page.map(toGrant);
      const data = await this.loadData(tx, grants);
      await this.access.log(tx, context, grants, 'participants');
      const models = await this.toModels(context, page, grants, data);
      return {
        edges: models.map((node, i) => ({ node, cursor: encodeCursor(page[i].cursor_time!, page[i].id) })),
        pageInfo: {
          hasNextPage: rows.length > args.first,
          endCursor: page.length ? encodeCursor(page[page.length - 1].cursor_time!, page[page.length - 1].id) : null,
        },
        totalCount: Number(count),
      };
    });
  }

  async explain(
    actor: Actor,
    participantId: string,
    args: { purpose: Purpose; asOrganisationId?: string },
  ): Promise<AccessExplanation> {
    const context = this.context(actor, args);
    const grant = await this.access.decide(context, participantId);
    if (!grant) throw new NotFoundError('Participant', participantId);
    const explanation = await this.access.explain(context, participantId, grant.ownerOrganisationId);
    return {
      participantId,
      organisationId: context.membership.organisationId,
      purpose: context.purpose,
      basis: grant.categories.length ? grant.basis : null,
      visibleCategories: grant.categories,
      consentIds: grant.consentIds,
      legalBasisIds: grant.legalBasisIds,
      redactions: redactionsFor(grant, explanation.redactions),
    };
  }

  /** The owning organisation's members (auditors included) see who read the participant's data. */
  async accessLog(actor: Actor, participantId: string, asOrganisationId?: string): Promise<AccessLogEntry[]> {
    const membership = actingMembership(actor, asOrganisationId);
    await this.owned(membership, participantId);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id::text, occurred_at, actor_user_id, actor_organisation_id, purpose, categories, basis, consent_ids,
              legal_basis_ids, break_glass_grant_id, operation
         FROM access_log WHERE participant_id = $1 ORDER BY occurred_at DESC, id DESC`,
      [participantId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      occurredAt: r.occurred_at as Date,
      actorUserId: r.actor_user_id as string,
      actorOrganisationId: r.actor_organisation_id as string,
      purpose: r.purpose as Purpose,
      categories: r.categories as DataCategory[],
      basis: r.basis as AccessLogEntry['basis'],
      consentIds: r.consent_ids as string[],
      legalBasisIds: r.legal_basis_ids as string[],
      breakGlassGrantId: r.break_glass_grant_id as string | null,
      operation: r.operation as string,
    }));
  }

  /** GDPR art. 15: everything held about the participant, for the owner's caseworkers to hand over. */
  async export(actor: Actor, participantId: string, asOrganisationId?: string): Promise<string> {
    const membership = actingMembership(actor, asOrganisationId);
    await this.owned(membership, participantId);
    assertCasework(membership);
    const [participant]: ParticipantRow[] = await this.dataSource.query(
      `SELECT id, owner_organisation_id, created_at, version FROM participants WHERE id = $1`,
      [participantId],
    );
    const data: { category: DataCategory; data: unknown; updated_at: Date }[] = await this.dataSource.query(
      `SELECT category, data, updated_at FROM participant_data WHERE participant_id = $1 ORDER BY category`,
      [participantId],
    );
    const consents: unknown[] = await this.dataSource.query(
      `SELECT id, granted_to_organisation_id, granted_to_partnership_id, purposes, data_categories, valid_from::text,
              valid_until::text, evidence_method, created_at, withdrawn_at, withdrawal_reason
         FROM consents WHERE participant_id = $1 ORDER BY created_at`,
      [participantId],
    );
    const referralTable: { exists: boolean }[] = await this.dataSource.query(
      `SELECT to_regclass('referrals') IS NOT NULL AS exists`,
    );
    const referrals: unknown[] = referralTable[0].exists
      ? await this.dataSource.query(`SELECT * FROM referrals WHERE participant_id = $1 ORDER BY created_at`, [
          participantId,
        ])
      : [];
    return JSON.stringify({
      exportedAt: new Date().toISOString(),
      participant: {
        id: participant.id,
        ownerOrganisationId: participant.owner_organisation_id,
        registeredAt: participant.created_at,
        personalData: Object.fromEntries(data.map((d) => [CATEGORY_FIELD[d.category], d.data])),
      },
      consents,
      referrals,
      accessLog: await this.accessLog(actor, participantId, membership.organisationId),
    });
  }

  private context(actor: Actor, args: { purpose: Purpose; asOrganisationId?: string }): AccessContext {
    return { userId: actor.userId, membership: actingMembership(actor, args.asOrganisationId), purpose: args.purpose };
  }

  private async owned(membership: ActorMembership, participantId: string): Promise<void> {
    const rows: { owner_organisation_id: string }[] = await this.dataSource.query(
      `SELECT owner_organisation_id FROM participants WHERE id = $1`,
      [participantId],
    );
    if (!rows[0] || rows[0].owner_organisation_id !== membership.organisationId)
      throw new NotFoundError('Participant', participantId);
  }

  /** Loads only the categories each grant allows: hidden data never leaves the database. */
  private async loadData(
    tx: EntityManager,
    grants: AccessGrant[],
  ): Promise<Map<string, Map<DataCategory, Record<string, unknown>>>> {
    const wanted = grants.flatMap((g) =>
      g.categories.map((category) => ({ participant_id: g.participantId, category })),
    );
    const result = new Map(grants.map((g) => [g.participantId, new Map<DataCategory, Record<string, unknown>>()]));
    if (wanted.length === 0) return result;
    const rows: { participant_id: string; category: DataCategory; data: Record<string, unknown> }[] = await tx.query(
      `SELECT d.participant_id, d.category, d.data
         FROM participant_data d
         JOIN jsonb_to_recordset($1::jsonb) AS w(participant_id uuid, category text)
           ON w.participant_id = d.participant_id AND w.category = d.category`,
      [JSON.stringify(wanted)],
    );
    for (const row of rows) result.get(row.participant_id)!.set(row.category, row.data);
    return result;
  }

  private async writeData(
    tx: EntityManager,
    participantId: string,
    owner: string,
    userId: string,
    input: object,
  ): Promise<void> {
    const given = input as Record<string, object | undefined>;
    const rows = CATEGORIES.filter(
      (c) => given[CATEGORY_FIELD[c]] !== undefined && given[CATEGORY_FIELD[c]] !== null,
    ).map((category) => ({
      category,
      data: normalise(CATEGORY_FIELD[category], given[CATEGORY_FIELD[category]]!),
    }));
    if (rows.length === 0) return;
    try {
      await tx.query(
        `INSERT INTO participant_data (participant_id, owner_organisation_id, category, data, updated_by_user_id)
         SELECT $1, $2, r.category, r.data, $3 FROM jsonb_to_recordset($4::jsonb) AS r(category text, data jsonb)
         ON CONFLICT (participant_id, category) DO UPDATE SET data = EXCLUDED.data, updated_at = now(),
                                                              updated_by_user_id = EXCLUDED.updated_by_user_id`,
        [participantId, owner, userId, JSON.stringify(rows)],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'participant_data_pesel_key')) {
        throw new ConflictError('A participant with this PESEL is already registered in your organisation', {
          field: 'identity.pesel',
        });
      }
      throw error;
    }
  }

  private async toModels(
    context: AccessContext,
    rows: ParticipantRow[],
    grants: AccessGrant[],
    data: Map<string, Map<DataCategory, Record<string, unknown>>>,
  ): Promise<Participant[]> {
    const explanations = await this.access.explainMany(
      context,
      rows.map((row) => ({ participantId: row.id, ownerOrganisationId: row.owner_organisation_id })),
    );
    return rows.map((row, i) => {
      const grant = grants[i];
      const stored = data.get(row.id)!;
      const model = {
        id: row.id,
        ownerOrganisationId: row.owner_organisation_id,
        createdAt: row.created_at,
        version: row.version,
        redactions: redactionsFor(grant, explanations.get(row.id)?.redactions ?? []),
        access: {
          organisationId: context.membership.organisationId,
          purpose: context.purpose,
          basis: grant.basis,
          visibleCategories: grant.categories,
        },
      } as Participant;
      for (const category of CATEGORIES) {
        const field = CATEGORY_FIELD[category];
        (model as unknown as Record<string, unknown>)[field] = grant.categories.includes(category)
          ? (stored.get(category) ?? null)
          : null;
      }
      return model;
    });
  }

  /**
   * Several participants at once, for nested fields (a referral's participant):
   * one access-filtered query, one data query, one log insert and the batched
   * explanation, whatever the number. Null where the actor may not see one.
   */
  async getMany(
    actor: Actor,
    ids: readonly string[],
    args: { purpose: Purpose; asOrganisationId?: string },
  ): Promise<(Participant | null)[]> {
    const context = this.context(actor, args);
    const { rows, grants, data } = await this.dataSource.transaction(async (tx) => {
      const rows: (ParticipantRow & AccessRowColumns)[] = await tx.query(
        `SELECT p.id, p.owner_organisation_id, p.created_at, p.version, access.*
           FROM participants p ${this.access.join('p', 2)} WHERE p.id = ANY ($1::uuid[])`,
        [[...new Set(ids)], ...this.access.joinParameters(context)],
      );
      const grants = rows.map(toGrant);
      const data = await this.loadData(tx, grants);
      await this.access.log(tx, context, grants, 'participants');
      return { rows, grants, data };
    });
    const models = await this.toModels(context, rows, grants, data);
    const byId = new Map(models.map((m) => [m.id, m]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}

function assertCasework(membership: ActorMembership): void {
  if (!CASEWORK_ROLES.includes(membership.role))
    throw new ForbiddenError('Only caseworkers and coordinators manage participants');
}

/** Hidden = not in the database's grant; the reason comes from the explanation. */
function redactionsFor(
  grant: AccessGrant,
  explained: { category: DataCategory; reason: import('@app/consents').RedactionReason }[],
) {
  const reasons = new Map(explained.map((r) => [r.category, r.reason]));
  return CATEGORIES.filter((c) => !grant.categories.includes(c)).map((category) => ({
    category,
    reason: reasons.get(category) ?? ('NO_CONSENT' as import('@app/consents').RedactionReason),
  }));
}

interface AccessRowColumns {
  categories: DataCategory[];
  basis: AccessGrant['basis'];
  consent_ids: string[];
  legal_basis_ids: string[];
  break_glass_grant_id: string | null;
}

function toGrant(row: ParticipantRow & AccessRowColumns): AccessGrant {
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
