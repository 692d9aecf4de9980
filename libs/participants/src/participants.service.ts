import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, ActorMembership, Role } from '@app/authz';
import {
  AccessColumns,
  AccessContext,
  AccessFactColumns,
  AccessGrant,
  AccessService,
  RedactionReason,
  actingMembership,
  toGrant,
} from '@app/access';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  decodeCursor,
  encodeCursor,
  isUniqueViolation,
  preparedStatementOf,
} from '@app/core';
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
  version: number;
}

/** A participant as a read returns it: the row, the access decision, its facts (when asked) and the visible data. */
interface ReadRow extends ParticipantRow, AccessColumns, Partial<AccessFactColumns> {
  /** created_at with microseconds, for cursors (a JS Date keeps milliseconds only) */
  cursor_time: string;
  /** The visible categories' data by category (null: none recorded or none visible). */
  data: Partial<Record<DataCategory, Record<string, unknown>>> | null;
}

/** The columns of a participant a read serves, with the access decision as `access`. */
const SERVED_COLUMNS = `p.id, p.owner_organisation_id, p.created_at, p.created_at::text AS cursor_time, p.version,
  access.categories, access.basis, access.consent_ids, access.legal_basis_ids, access.break_glass_grant_id`;

/**
 * A list's `totalCount` counts at most this many participants; beyond it the list says "more than"
 * (`totalCountIsCapped`, shown as "ponad 1000"). Counting is walking the list: its cost grows with the
 * participants counted and those skipped between them, never with the rest of the database.
 */
export const TOTAL_COUNT_CAP = 1000;

/** What a read computes beyond the decision and the data: only what the query asks for. */
export interface ReadOptions {
  /** The facts behind `redactions` (as much work again as the decision). */
  explain?: boolean;
  /**
   * The categories whose data the query selects (`selectedCategories`); the others are not read, even
   * where visible (the access log still names every category the reader was granted). Default: all.
   */
  categories?: readonly DataCategory[];
}

export interface ListOptions extends ReadOptions {
  /** `totalCount`: a second walk of the list, capped at TOTAL_COUNT_CAP. */
  count?: boolean;
}

/** The data of the categories `participant_access` granted, and no other: hidden data never leaves the database. */
const visibleData = (
  alias: string,
  selected?: string,
) => `(SELECT jsonb_object_agg(d.category, d.data) FROM participant_data d
    WHERE d.participant_id = ${alias}.id AND d.category = ANY (${alias}.categories)
      ${selected ? `AND d.category = ANY (${selected}::text[])` : ''})`;

/**
 * Participants and their personal data. Every read goes through the access
 * module: the database decides what may be seen, only those categories are
 * loaded, and a read across organisations is logged by the same statement
 * that returns the data (so if the log cannot be written, nothing is served).
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

  async get(
    actor: Actor,
    id: string,
    args: { purpose: Purpose; asOrganisationId?: string },
    options: ReadOptions = { explain: true },
  ): Promise<Participant> {
    const context = this.context(actor, args);
    const [row] = await this.read(context, [id], 'participant', options);
    if (!row) throw new NotFoundError('Participant', id);
    return this.toModel(context, row);
  }

  /**
   * A page of the participants the actor may know about, newest first: one statement that walks
   * `participants (created_at, id)` in page order deciding access as it goes (the owners' facts once,
   * each participant's consents, referral and grant by index), stops after the page, reads only the
   * visible categories, logs the page's cross-organisation reads and, when asked, returns the facts that
   * explain the hidden categories and the total count (capped, see TOTAL_COUNT_CAP). Its cost follows
   * the rows walked, not the size of the database.
   */
  async list(actor: Actor, args: ParticipantsArgs, options: ListOptions = {}): Promise<ParticipantConnection> {
    const context = this.context(actor, args);
    const cursor = args.after ? decodeCursor(args.after) : undefined;
    const params: unknown[] = this.access.parameters(context);
    const filters: string[] = [];
    if (args.search) {
      params.push(`%${args.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      filters.push(`'IDENTITY' = ANY (access.categories) AND EXISTS (
        SELECT 1 FROM participant_data d WHERE d.participant_id = p.id AND d.category = 'IDENTITY'
           AND (lower((d.data->>'lastName') || ' ' || (d.data->>'firstName')) LIKE $${params.length}
                OR lower((d.data->>'firstName') || ' ' || (d.data->>'lastName')) LIKE $${params.length}))`);
    }
    const matching = filters.length ? `WHERE ${filters.join(' AND ')}` : '';
    let after = matching;
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      after = `WHERE ${[...filters, `(p.created_at, p.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`].join(' AND ')}`;
    }
    params.push(args.first);
    const first = `$${params.length}::integer`;
    params.push('participants');
    const operation = params.length;
    let selected: string | undefined;
    if (options.categories) {
      params.push(options.categories);
      selected = `$${params.length}`;
    }

    const text = `WITH access_owners AS MATERIALIZED (${this.access.owners(1)}),
       page AS MATERIALIZED (
         SELECT ${SERVED_COLUMNS} FROM participants p ${this.access.decide('p', 1)}
          ${after}
          ORDER BY p.created_at DESC, p.id DESC LIMIT ${first} + 1
       ),
       served AS MATERIALIZED (SELECT * FROM page ORDER BY created_at DESC, id DESC LIMIT ${first}),
       -- One statement: the log rows are written, or nothing is returned (see AccessService.logged).
       logged AS (${this.access.logged('served', 1, operation)})
       SELECT t.*, s.*, ${visibleData('s', selected)} AS data ${options.explain ? ', fact.*' : ''}
         FROM (SELECT (SELECT count(*) FROM page) > ${first} AS has_next_page,
                      ${
                        options.count
                          ? `(SELECT count(*)::integer FROM (SELECT 1 FROM participants p ${this.access.decide('p', 1)}
                                                              ${matching} LIMIT ${TOTAL_COUNT_CAP + 1}) counted)`
                          : 'NULL::integer'
                      } AS total_count) t
         LEFT JOIN served s ON true
         ${options.explain ? this.access.facts('s', 1) : ''}
        ORDER BY s.created_at DESC, s.id DESC`;
    const rows: (ReadRow & { total_count: number | null; has_next_page: boolean })[] = await this.dataSource.query(
      preparedStatementOf('participants-list', text),
      params,
    );
    const page = rows.filter((row) => row.id !== null);
    const counted = rows[0].total_count;
    return {
      edges: page.map((row) => ({ node: this.toModel(context, row), cursor: encodeCursor(row.cursor_time, row.id) })),
      pageInfo: {
        hasNextPage: rows[0].has_next_page,
        endCursor: page.length ? encodeCursor(page[page.length - 1].cursor_time, page[page.length - 1].id) : null,
      },
      // Not asked for, not computed: the resolver only reads these when the query selects them.
      totalCount: counted === null ? undefined! : Math.min(counted, TOTAL_COUNT_CAP),
      totalCountIsCapped: counted === null ? undefined! : counted > TOTAL_COUNT_CAP,
    };
  }

  async explain(
    actor: Actor,
    participantId: string,
    args: { purpose: Purpose; asOrganisationId?: string },
  ): Promise<AccessExplanation> {
    const context = this.context(actor, args);
    // The decision and its facts, in one statement; no data is read, so nothing is logged.
    const [row]: (ParticipantRow & AccessColumns & AccessFactColumns)[] = await this.dataSource.query(
      preparedStatementOf(
        'participant-explain',
        `WITH decided AS (
           SELECT access.participant_id AS id, access.owner_organisation_id, access.categories, access.basis,
                  access.consent_ids, access.legal_basis_ids, access.break_glass_grant_id
             FROM ${this.access.decideMany('ARRAY[$7::uuid]', 1)} access
         )
         SELECT d.*, fact.* FROM decided d ${this.access.facts('d', 1)}`,
      ),
      [...this.access.parameters(context), participantId],
    );
    if (!row) throw new NotFoundError('Participant', participantId);
    const grant = toGrant(row);
    return {
      participantId,
      organisationId: context.membership.organisationId,
      purpose: context.purpose,
      basis: grant.categories.length ? grant.basis : null,
      visibleCategories: grant.categories,
      consentIds: grant.consentIds,
      legalBasisIds: grant.legalBasisIds,
      redactions: redactionsFor(grant, this.access.explainRow(context, row).redactions),
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

  /**
   * Reads participants by id for the actor, in ONE statement: the access decision for all of them at
   * once (`participants_access`; the ones the actor may not know about drop out), only the visible
   * categories of their data, one access-log row per participant read across organisations (a
   * data-modifying CTE: the rows are written, or the statement fails and serves nothing) and, when asked,
   * the facts that explain the hidden categories. No BEGIN/COMMIT: a single statement is atomic.
   * Prepared: its text is fixed (one per `explain`).
   */
  private read(
    context: AccessContext,
    ids: readonly string[],
    operation: string,
    { explain = false, categories }: ReadOptions,
  ): Promise<ReadRow[]> {
    const params = [...this.access.parameters(context), [...new Set(ids)], operation];
    if (categories) params.push(categories);
    return this.dataSource.query(
      preparedStatementOf(
        'participants-read',
        `WITH served AS MATERIALIZED (
           SELECT ${SERVED_COLUMNS} FROM ${this.access.decideMany('$7::uuid[]', 1)} access
             JOIN participants p ON p.id = access.participant_id
         ),
         logged AS (${this.access.logged('served', 1, 8)})
         SELECT s.*, ${visibleData('s', categories ? '$9' : undefined)} AS data ${explain ? ', fact.*' : ''}
           FROM served s ${explain ? this.access.facts('s', 1) : ''}`,
      ),
      params,
    );
  }

  private toModel(context: AccessContext, row: ReadRow): Participant {
    const grant = toGrant(row);
    const model = {
      id: row.id,
      ownerOrganisationId: row.owner_organisation_id,
      createdAt: row.created_at,
      version: row.version,
      // Read only where the query asks for them; unset, a query that got here without asking fails
      // loudly (a non-null field) rather than showing reasons it did not compute.
      redactions:
        row.fact_today === undefined
          ? undefined
          : redactionsFor(grant, this.access.explainRow(context, row as ReadRow & AccessFactColumns).redactions),
      access: {
        organisationId: context.membership.organisationId,
        purpose: context.purpose,
        basis: grant.basis,
        visibleCategories: grant.categories,
      },
    } as Participant;
    for (const category of CATEGORIES) {
      const field = CATEGORY_FIELD[category];
      // The statement read only the granted categories; the check here is a second wall.
      (model as unknown as Record<string, unknown>)[field] = grant.categories.includes(category)
        ? (row.data?.[category] ?? null)
        : null;
    }
    return model;
  }

  /**
   * Several participants at once, for nested fields (a referral's participant): one statement
   * (`read`) whatever the number. Null where the actor may not see one.
   */
  async getMany(
    actor: Actor,
    ids: readonly string[],
    args: { purpose: Purpose; asOrganisationId?: string },
    options: ReadOptions = { explain: true },
  ): Promise<(Participant | null)[]> {
    const context = this.context(actor, args);
    const rows = await this.read(context, ids, 'participants', options);
    const byId = new Map(rows.map((row) => [row.id, this.toModel(context, row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}

function assertCasework(membership: ActorMembership): void {
  if (!CASEWORK_ROLES.includes(membership.role))
    throw new ForbiddenError('Only caseworkers and coordinators manage participants');
}

/** Hidden = not in the database's grant; the reason comes from the explanation. */
function redactionsFor(grant: AccessGrant, explained: { category: DataCategory; reason: RedactionReason }[]) {
  const reasons = new Map(explained.map((r) => [r.category, r.reason]));
  return CATEGORIES.filter((c) => !grant.categories.includes(c)).map((category) => ({
    category,
    reason: reasons.get(category) ?? RedactionReason.NO_CONSENT,
  }));
}
