import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, ActorMembership, Role } from '@app/authz';
import { ROLE_RIGHTS, actingMembership } from '@app/access';
import {
  APP_CONFIG,
  AppConfig,
  AppError,
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  writeOutboxEvent,
  decodeCursor,
  keysetPage,
  isForeignKeyViolation,
  preparedStatement,
  preparedStatementOf,
} from '@app/core';
import { Purpose } from '@app/organisations';
import { sideOf } from './allowed-actions';
import { once } from './idempotency';
import { ReferralSweepService } from './referral-sweep.service';
import { takenPlacesSql } from './service-places';
import {
  AcceptReferralInput,
  CreateReferralInput,
  ForwardReferralInput,
  ReferralDirection,
  ReferralsArgs,
  TransitionInput,
} from './referral.input';
import { Referral, ReferralConnection, ReferralHistoryEntry } from './referral.model';
import { ReferralStatus } from './referral-vocabulary';
import { CLOSED_STATUSES, ReferralTransition, Side, TRANSITIONS, judgeTransition } from './transitions';

interface ReferralRow {
  id: string;
  parent_referral_id: string | null;
  participant_id: string;
  from_organisation_id: string;
  from_user_id: string;
  to_organisation_id: string;
  to_service_id: string | null;
  purpose: Purpose;
  reason_category: Referral['reasonCategory'];
  reason: string;
  priority: Referral['priority'];
  status: ReferralStatus;
  response_due_on: string | null;
  attachments: { name: string; sha256: string }[];
  outcome: Referral['outcome'];
  outcome_note: string | null;
  sent_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  cursor_time: string;
  version: number;
  consent_withdrawn: boolean;
}

/**
 * The referral's columns, and whether its recipient has lost every live
 * consent and legal basis for REFERRAL while the referral still gives access
 * (open, or closed less than `accessDays` days ago): then the recipient's
 * access has ended, and both sides see it on the referral.
 */
function columns(accessDays: number): string {
  if (!Number.isInteger(accessDays) || accessDays < 0) throw new Error(`invalid referral access days ${accessDays}`);
  return `r.id, r.parent_referral_id, r.participant_id, r.from_organisation_id, r.from_user_id, r.to_organisation_id,
  r.to_service_id, r.purpose, r.reason_category, r.reason, r.priority, r.status, r.response_due_on::text, r.attachments,
  r.outcome, r.outcome_note, r.sent_at, r.closed_at, r.created_at, r.created_at::text AS cursor_time, r.version,
  referral_gives_access(r.status, r.closed_at, ${accessDays})
  AND NOT EXISTS (SELECT 1 FROM consents_in_force(r.participant_id, r.to_organisation_id, 'REFERRAL', current_date))
  AND NOT EXISTS (SELECT 1 FROM participants p,
                         legal_bases_in_force(p.owner_organisation_id, r.to_organisation_id, 'REFERRAL', current_date)
                   WHERE p.id = r.participant_id) AS consent_withdrawn`;
}

/** Who may know about a referral: its sender, its recipient (not of a draft), and the sender of its parent. */
const VISIBLE_TO = {
  sender: `r.from_organisation_id = $ORG`,
  recipient: `r.to_organisation_id = $ORG AND r.status <> 'DRAFT'`,
  // The parent's sender, kept on the child by a trigger: one keyset index walk instead of all the organisation's sent referrals.
  parentSender: `r.parent_from_organisation_id = $ORG`,
};
const VISIBLE = `((${VISIBLE_TO.sender}) OR (${VISIBLE_TO.recipient}) OR (${VISIBLE_TO.parentSender}))`;

/**
 * Today + the shortest response time that the agreements in force for REFERRAL
 * between two organisations promise (bilateral, or partnership-wide for a
 * partnership both belong to, as the access rule reads them); NULL if none.
 */
const dueByAgreement = (a: string, b: string) => `(SELECT current_date + min(ag.response_time_days)
    FROM agreements_between(${a}, ${b}) ag
   WHERE agreement_in_force(ag, current_date) AND 'REFERRAL' = ANY (ag.purposes))`;

/** What a transition statement answers: the referral if it was updated (else NULLs), and the row as it read it. */
interface TransitionRow extends ReferralRow {
  current_status: ReferralStatus;
  current_version: number;
  current_side: Side | null;
  /** The consent gate (sending only; true for the other transitions). */
  gate_passed: boolean;
}

/** What the create statement answers: its checks, and the referral if they all held (else NULLs). */
interface InsertRow extends ReferralRow {
  participant_found: boolean;
  organisation_found: boolean;
  service_found: boolean;
  due_not_past: boolean;
}

/**
 * Transitions that need a transaction even without an idempotency key: accept (the service's capacity,
 * locked before its places are counted) and forward (the child referral). The others, send with its
 * consent gate included, are one statement.
 */
const MORE_THAN_ONE_STATEMENT: readonly ReferralTransition[] = [ReferralTransition.ACCEPT, ReferralTransition.FORWARD];

/**
 * Sending needs a live consent (or legal basis) letting the recipient see the participant for REFERRAL
 * within the agreement, as a caseworker there would: the access rule itself, `participant_access`, asked
 * in the statement that sends with `p_referral_opening` (the referral this statement sends is the open
 * one the rule looks for; a statement's function calls cannot see its own UPDATE). SQL over the `cur`
 * row of the transition statement; the partner rights are our own category names, the days an integer.
 */
function sendGate(accessDays: number): string {
  if (!Number.isInteger(accessDays) || accessDays < 0) throw new Error(`invalid referral access days ${accessDays}`);
  const rights = ROLE_RIGHTS[Role.CASEWORKER].partner;
  if (!rights.every((category) => /^[A-Z_]+$/.test(category))) throw new Error('invalid partner rights');
  return `EXISTS (SELECT 1 FROM participants p
     CROSS JOIN LATERAL participant_access(p.id, p.owner_organisation_id, cur.to_organisation_id, NULL::uuid, 'REFERRAL',
                                           '{}'::text[], '{${rights.join(',')}}'::text[], current_date, ${accessDays}, true) access
     WHERE p.id = cur.participant_id AND p.owner_organisation_id <> cur.to_organisation_id
       AND cardinality(access.categories) > 0)`;
}

function consentGateRefusal(): AppError {
  return new AppError(
    'BAD_USER_INPUT',
    'No consent or legal basis lets the recipient receive this participant’s data for REFERRAL',
    {
      fields: [{ field: 'participantId', problems: ['record a consent for purpose REFERRAL to the recipient first'] }],
    },
  );
}

/**
 * The transition table's verdict on a referral as read (CONFLICT naming its state, or FORBIDDEN), then
 * the caller's `expectedVersion`: throws unless the transition may be made on it.
 */
function judge(
  transition: ReferralTransition,
  status: ReferralStatus,
  version: number,
  side: Side | null,
  membership: ActorMembership,
  expectedVersion: number | undefined,
): void {
  const verdict = judgeTransition(transition, status, side, membership.role);
  if (!verdict.allowed) {
    throw verdict.code === 'CONFLICT'
      ? new ConflictError(verdict.message, { currentStatus: status })
      : new ForbiddenError(verdict.message);
  }
  if (expectedVersion !== undefined && expectedVersion !== version) {
    throw new ConflictError('The referral was changed by someone else; reload and retry', {
      currentStatus: status,
      currentVersion: version,
    });
  }
}

/**
 * The transition statement (see `applyTransition`); `gate` is the consent gate's SQL over `cur` (true
 * where there is none), `columns` the referral's columns as `get` reads them.
 */
function transitionSql(columns: string, gate: string): string {
  return `WITH cur AS MATERIALIZED (
         SELECT r.id, r.status, r.version, r.participant_id, r.to_organisation_id,
                CASE WHEN r.from_organisation_id = $1 THEN 'SENDER' WHEN r.to_organisation_id = $1 THEN 'RECIPIENT' END AS side
           FROM referrals r WHERE r.id = $2 AND ${VISIBLE.replaceAll('$ORG', '$1')}),
       gate AS MATERIALIZED (
         SELECT ${gate} AS passed FROM cur),
       updated AS (
         UPDATE referrals r
            SET status = $3::text, version = r.version + 1, updated_at = now(),
                sent_at = CASE WHEN $3::text = 'SENT' THEN now() ELSE r.sent_at END,
                response_due_on = CASE WHEN $3::text = 'SENT' AND r.response_due_on IS NULL
                  THEN ${dueByAgreement('r.from_organisation_id', 'r.to_organisation_id')}
                  ELSE r.response_due_on END,
                closed_at = CASE WHEN $4::boolean THEN now() ELSE r.closed_at END,
                outcome = COALESCE($5::text, r.outcome), outcome_note = COALESCE($6::text, r.outcome_note)
           FROM cur, gate
          WHERE r.id = cur.id AND r.version = cur.version AND r.status = cur.status
            AND cur.status = ANY ($7::text[]) AND cur.side = $8::text AND $9::boolean
            AND ($10::integer IS NULL OR cur.version = $10::integer) AND gate.passed
         RETURNING r.*, cur.status AS from_status),
       history AS (
         INSERT INTO referral_history (referral_id, actor_user_id, actor_organisation_id, from_status, to_status,
                                       reason_code, outcome, note)
         SELECT u.id, $11::uuid, $1::uuid, u.from_status, u.status, $12::text, $5::text, $13::text FROM updated u),
       event AS (
         INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
         SELECT $14::text, 'referral', u.id, $15::jsonb || jsonb_build_object('referralId', u.id,
                'fromOrganisationId', u.from_organisation_id, 'toOrganisationId', u.to_organisation_id)
           FROM updated u WHERE $14::text IS NOT NULL)
       SELECT cur.status AS current_status, cur.version AS current_version, cur.side AS current_side,
              gate.passed AS gate_passed, ${columns}
         FROM cur CROSS JOIN gate LEFT JOIN updated r ON true`;
}

/** The create statement (see `insert`); `columns` the referral's columns as `get` reads them. */
function insertSql(columns: string): string {
  return `WITH checks AS (
           SELECT ($12::uuid IS NULL
                   OR EXISTS (SELECT 1 FROM participants p WHERE p.id = $2::uuid AND p.owner_organisation_id = $12::uuid))
                    AS participant_found,
                  EXISTS (SELECT 1 FROM organisations o WHERE o.id = $5::uuid) AS organisation_found,
                  ($6::uuid IS NULL
                   OR EXISTS (SELECT 1 FROM organisation_services s
                               WHERE s.id = $6::uuid AND s.organisation_id = $5::uuid AND s.active)) AS service_found,
                  ($10::date IS NULL OR $10::date >= current_date) AS due_not_past),
         inserted AS (
           INSERT INTO referrals (parent_referral_id, participant_id, from_organisation_id, from_user_id, to_organisation_id,
                                  to_service_id, reason_category, reason, priority, response_due_on, attachments)
           SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::uuid, $7::text, $8::text, $9::text, $10::date, $11::jsonb
             FROM checks
            WHERE participant_found AND organisation_found AND service_found AND due_not_past AND $3::uuid <> $5::uuid
           RETURNING *),
         history AS (
           INSERT INTO referral_history (referral_id, actor_user_id, actor_organisation_id, from_status, to_status)
           SELECT i.id, i.from_user_id, i.from_organisation_id, NULL, i.status FROM inserted i)
         SELECT checks.*, ${columns} FROM checks LEFT JOIN inserted r ON true`;
}

/** The longest note a history row holds (referral_history.note CHECK). */
const MAX_NOTE = 4000;

export interface TransitionDetails {
  reasonCode?: string;
  outcome?: string;
}

/**
 * Referrals and their lifecycle. Every transition is one conditional UPDATE
 * (id, version, status), a history row and an outbox event, in one
 * statement (in a transaction where more must commit with it); the
 * transition table decides who may make it. Writes answer with the row they
 * wrote, never a read after the commit.
 */
@Injectable()
export class ReferralsService {
  private readonly columns: string;
  /**
   * The hot statements, fixed for the life of the process: run as prepared statements (parsed and planned
   * once per connection), since planning them cost PostgreSQL more than running them.
   */
  private readonly sql: { insert: string; transition: string; send: string; visibleRow: string };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sweep: ReferralSweepService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.columns = columns(config.referrals.accessDaysAfterClose);
    this.sql = {
      insert: insertSql(this.columns),
      transition: transitionSql(this.columns, 'true'),
      send: transitionSql(this.columns, sendGate(config.referrals.accessDaysAfterClose)),
      visibleRow: `SELECT ${this.columns} FROM referrals r WHERE r.id = $2 AND ${VISIBLE.replaceAll('$ORG', '$1')}`,
    };
  }

  /**
   * A draft (or, with `send`, a sent referral), answered from the write itself. A draft without an
   * idempotency key is one statement (the checks, the referral and its first history row, atomic
   * without BEGIN/COMMIT); `send` (a second statement) or a key makes it a transaction.
   */
  async create(actor: Actor, input: CreateReferralInput): Promise<Referral> {
    const membership = actingMembership(actor, input.asOrganisationId);
    if (![Role.CASEWORKER, Role.COORDINATOR].includes(membership.role)) {
      throw new ForbiddenError('Only caseworkers and coordinators make referrals');
    }
    const { idempotencyKey, asOrganisationId: _, ...request } = input;
    const outcome = await this.write(Boolean(idempotencyKey) || input.send, (tx) =>
      once(tx, actor.userId, idempotencyKey, 'createReferral', request, async () => {
        const draft = await this.insert(tx, {
          parentId: null,
          participantId: input.participantId,
          owner: membership.organisationId,
          from: membership.organisationId,
          fromUserId: actor.userId,
          to: input.toOrganisationId,
          serviceId: input.toServiceId ?? null,
          reasonCategory: input.reasonCategory,
          reason: input.reason.trim(),
          priority: input.priority,
          dueOn: input.responseDueOn,
          attachments: input.attachments ?? [],
        });
        if (!input.send) return draft;
        return this.applyTransition(tx, actor, membership, draft.id, ReferralTransition.SEND, {}, undefined, undefined);
      }),
    );
    // A replayed key did no work: its first result is read as the actor sees it now.
    return outcome.result
      ? toReferral(outcome.result, membership.organisationId)
      : this.get(actor, outcome.id, membership.organisationId);
  }

  /**
   * A transition, answered from its UPDATE … RETURNING. Without an idempotency key every transition
   * but accept (the capacity lock) and forward (the child referral) is one statement, send with its
   * consent gate; those two and keyed calls are a transaction.
   */
  async transition(
    actor: Actor,
    transition: ReferralTransition,
    input: TransitionInput,
    details: TransitionDetails = {},
  ): Promise<Referral> {
    const membership = actingMembership(actor, input.asOrganisationId);
    const { idempotencyKey, asOrganisationId: _, ...request } = input;
    const transaction = Boolean(idempotencyKey) || MORE_THAN_ONE_STATEMENT.includes(transition);
    const outcome = await this.write(transaction, (tx) =>
      once(tx, actor.userId, idempotencyKey, transition, request, () =>
        this.applyTransition(tx, actor, membership, input.referralId, transition, details, input, input.note),
      ),
    );
    return outcome.result
      ? toReferral(outcome.result, membership.organisationId)
      : this.get(actor, input.referralId, membership.organisationId);
  }

  async get(actor: Actor, id: string, asOrganisationId?: string): Promise<Referral> {
    const membership = actingMembership(actor, asOrganisationId);
    const row = await this.visibleRow(this.dataSource.manager, membership.organisationId, id);
    return toReferral(row, membership.organisationId);
  }

  /**
   * A page of the referrals the actor's organisation may know about, newest first. One statement: each
   * side of the visibility rule (sent, received, children of sent ones) walks its own keyset index
   * (referrals_outgoing_idx, referrals_incoming_idx, referrals_parent_idx) to at most a page of ids, and
   * the page is the newest of those — instead of an OR that no index can serve in order, which
   * made every page read and sort all of the organisation's referrals.
   */
  async list(actor: Actor, args: ReferralsArgs): Promise<ReferralConnection> {
    const membership = actingMembership(actor, args.asOrganisationId);
    const filter = args.filter;
    const params: unknown[] = [membership.organisationId];
    const where: string[] = [];
    const direction = filter?.direction ?? ReferralDirection.ALL;
    const sides =
      direction === ReferralDirection.INCOMING
        ? [VISIBLE_TO.recipient]
        : direction === ReferralDirection.OUTGOING
          ? [VISIBLE_TO.sender]
          : [VISIBLE_TO.sender, VISIBLE_TO.recipient, VISIBLE_TO.parentSender];
    if (filter?.statuses?.length) {
      params.push(filter.statuses);
      where.push(`r.status = ANY ($${params.length}::text[])`);
    }
    if (filter?.participantId) {
      params.push(filter.participantId);
      where.push(`r.participant_id = $${params.length}`);
    }
    if (filter?.overdue) where.push(`r.status = 'SENT' AND r.response_due_on < current_date`);
    if (filter?.dueBefore) {
      params.push(filter.dueBefore);
      where.push(`r.response_due_on <= $${params.length}::date`);
    }
    if (args.after) {
      const cursor = decodeCursor(args.after);
      params.push(cursor.createdAt, cursor.id);
      where.push(`(r.created_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(args.first + 1);
    const limit = `$${params.length}::integer`;
    const conditions = (side: string) => [side.replaceAll('$ORG', '$1'), ...where].join(' AND ');
    const branches = sides.map(
      (side) => `(SELECT r.id, r.created_at FROM referrals r WHERE ${conditions(side)}
                   ORDER BY r.created_at DESC, r.id DESC LIMIT ${limit})`,
    );
    // UNION, not UNION ALL: one referral can be on two sides (received by the organisation that sent its parent).
    // Prepared: a handful of texts (one per combination of filters), each planned once per connection.
    const rows: ReferralRow[] = await this.dataSource.query(
      preparedStatementOf(
        'referrals-page',
        `SELECT ${this.columns}
           FROM (SELECT b.id FROM (${branches.join(' UNION ')}) b ORDER BY b.created_at DESC, b.id DESC LIMIT ${limit}) page
           JOIN referrals r ON r.id = page.id
          ORDER BY r.created_at DESC, r.id DESC`,
      ),
      params,
    );
    return keysetPage(rows, args.first, (row) => toReferral(row, membership.organisationId));
  }

  /** Timelines for several referrals at once (one query), oldest step first. */
  async historyOf(referralIds: readonly string[]): Promise<Map<string, ReferralHistoryEntry[]>> {
    const rows: HistoryRow[] = await this.dataSource.query(
      // Ordered by h.id, the bigint: a bare id would mean the text output column, and '10' < '9'.
      `SELECT h.id::text AS id, h.referral_id, h.occurred_at, h.actor_user_id, h.actor_organisation_id, h.from_status,
              h.to_status, h.reason_code, h.outcome, h.note
         FROM referral_history h WHERE h.referral_id = ANY ($1::uuid[]) ORDER BY h.referral_id, h.id`,
      [referralIds],
    );
    const result = new Map<string, ReferralHistoryEntry[]>(referralIds.map((id) => [id, []]));
    for (const row of rows) result.get(row.referral_id)?.push(toHistory(row));
    return result;
  }

  /**
   * The latest step of each referral's timeline (one query): one backward index scan of
   * referral_history (referral_id, id) per referral, however long the timelines.
   */
  async latestHistoryOf(referralIds: readonly string[]): Promise<Map<string, ReferralHistoryEntry>> {
    const rows: HistoryRow[] = await this.dataSource.query(
      preparedStatement(
        'referral-latest-history',
        `SELECT h.id::text AS id, h.referral_id, h.occurred_at, h.actor_user_id, h.actor_organisation_id, h.from_status,
              h.to_status, h.reason_code, h.outcome, h.note
         FROM unnest($1::uuid[]) AS k(referral_id)
        CROSS JOIN LATERAL (SELECT * FROM referral_history x WHERE x.referral_id = k.referral_id
                             ORDER BY x.id DESC LIMIT 1) h`,
      ),
      [referralIds],
    );
    return new Map(rows.map((row) => [row.referral_id, toHistory(row)]));
  }

  /** Children each referral was forwarded into (one query). */
  async childrenOf(referralIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { id: string; parent_referral_id: string }[] = await this.dataSource.query(
      `SELECT id, parent_referral_id FROM referrals WHERE parent_referral_id = ANY ($1::uuid[]) ORDER BY created_at`,
      [referralIds],
    );
    const result = new Map<string, string[]>(referralIds.map((id) => [id, []]));
    for (const row of rows) result.get(row.parent_referral_id)?.push(row.id);
    return result;
  }

  /** The system transition: SENT referrals past their due date become EXPIRED. Returns how many. */
  expireOverdue(): Promise<number> {
    return this.sweep.expireOverdue();
  }

  /** `work` in a transaction, or — one statement, atomic by itself — on the pool without BEGIN/COMMIT. */
  private write<T>(transaction: boolean, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return transaction ? this.dataSource.transaction(work) : work(this.dataSource.manager);
  }

  /**
   * The conditional UPDATE (id, version and status as the statement read them, the transition table's
   * from-states, side and role, and for send the consent gate), its history row and its outbox event
   * (not forward's, which names the child made afterwards) in ONE statement: a data-modifying CTE runs
   * to completion whether or not the outer query reads it, and a statement is atomic, so the change,
   * its history and its event commit together or not at all. It returns the referral as `get` shows it
   * and, when nothing was written, the row it read, which gives the exact error: NOT_FOUND (not
   * visible), the table's CONFLICT or FORBIDDEN, a stale `expectedVersion`, the consent gate
   * (BAD_USER_INPUT), or else a lost race (the row changed under the UPDATE: CONFLICT).
   */
  private async applyTransition(
    tx: EntityManager,
    actor: Actor,
    membership: ActorMembership,
    referralId: string,
    transition: ReferralTransition,
    details: TransitionDetails,
    input: TransitionInput | undefined,
    note: string | undefined,
  ): Promise<ReferralRow> {
    const rule = TRANSITIONS[transition];
    let expectedVersion = input?.expectedVersion;
    let capacityNote: string | null = null;
    if (transition === ReferralTransition.ACCEPT) {
      // The capacity check needs the referral's service, locked before its places are counted: read and
      // judge the referral first, then write only the version judged.
      const row = await this.visibleRow(tx, membership.organisationId, referralId);
      const side = sideOf(toReferral(row, membership.organisationId), membership.organisationId);
      judge(transition, row.status, row.version, side, membership, expectedVersion);
      if (row.to_service_id) {
        capacityNote = await this.checkCapacity(
          tx,
          row.to_service_id,
          membership,
          (input as AcceptReferralInput).capacityOverrideReason,
        );
      }
      expectedVersion = row.version;
    }
    const historyNote = [note, capacityNote].filter(Boolean).join(' — ') || null;
    if (historyNote !== null && historyNote.length > MAX_NOTE) {
      throw new BadUserInputError('The note and the capacity override reason are too long together', [
        { field: 'note', problems: [`together with the override reason at most ${MAX_NOTE} characters`] },
      ]);
    }

    const to = rule.to;
    const event = transition === ReferralTransition.FORWARD ? null : `referral.${transition.toLowerCase()}`;
    const rows: TransitionRow[] = await tx.query(
      transition === ReferralTransition.SEND
        ? preparedStatement('referral-send', this.sql.send)
        : preparedStatement('referral-transition', this.sql.transition),
      [
        membership.organisationId,
        referralId,
        to,
        CLOSED_STATUSES.includes(to),
        details.outcome ?? null,
        transition === ReferralTransition.COMPLETE ? note || null : null,
        rule.from,
        rule.side,
        rule.roles.includes(membership.role),
        expectedVersion ?? null,
        actor.userId,
        details.reasonCode ?? null,
        historyNote,
        event,
        // The event's payload, as writeOutboxEvent would write it; the statement adds the referral's ids.
        JSON.stringify({
          status: to,
          actorOrganisationId: membership.organisationId,
          reasonCode: details.reasonCode ?? null,
          outcome: details.outcome ?? null,
          childReferralId: null,
        }),
      ],
    );
    const [result] = rows;
    if (!result) throw new NotFoundError('Referral', referralId);
    if (result.id === null) {
      // Nothing written: the table's verdict on the row the statement read, then the version asked for.
      judge(
        transition,
        result.current_status,
        result.current_version,
        result.current_side,
        membership,
        expectedVersion,
      );
      if (!result.gate_passed) throw consentGateRefusal();
      // Allowed on what the statement read, yet not updated: another transaction changed the row under the
      // UPDATE. Name the state the winner left it in (visible now, READ COMMITTED), not the one read.
      const [current]: { status: ReferralStatus; version: number }[] = await tx.query(
        `SELECT status, version FROM referrals WHERE id = $1`,
        [referralId],
      );
      throw new ConflictError('The referral was changed by someone else; reload and retry', {
        currentStatus: current?.status ?? result.current_status,
        currentVersion: current?.version ?? result.current_version,
      });
    }

    if (transition === ReferralTransition.FORWARD) {
      const childId = await this.forward(tx, actor, membership, result, input as ForwardReferralInput);
      await writeOutboxEvent(tx, {
        type: `referral.${transition.toLowerCase()}`,
        aggregateType: 'referral',
        aggregateId: result.id,
        payload: {
          referralId: result.id,
          fromOrganisationId: result.from_organisation_id,
          toOrganisationId: result.to_organisation_id,
          status: to,
          actorOrganisationId: membership.organisationId,
          reasonCode: details.reasonCode ?? null,
          outcome: details.outcome ?? null,
          childReferralId: childId,
        },
      });
    }
    return result;
  }

  /**
   * A forwarded child referral needs what sending needs (see `sendGate`), checked with the access rule
   * after the child is SENT inside this transaction.
   */
  private async assertConsentGate(tx: EntityManager, participantId: string, recipient: string): Promise<void> {
    const rows: { categories: string[] }[] = await tx.query(
      `SELECT access.categories FROM participants p
         CROSS JOIN LATERAL participant_access(p.id, p.owner_organisation_id, $2::uuid, NULL::uuid, 'REFERRAL', '{}'::text[], $3::text[], current_date, $4::integer) access
        WHERE p.id = $1 AND p.owner_organisation_id <> $2`,
      [participantId, recipient, ROLE_RIGHTS[Role.CASEWORKER].partner, this.config.referrals.accessDaysAfterClose],
    );
    if (!rows[0] || rows[0].categories.length === 0) throw consentGateRefusal();
  }

  private async forward(
    tx: EntityManager,
    actor: Actor,
    membership: ActorMembership,
    parent: ReferralRow,
    input: ForwardReferralInput,
  ): Promise<string> {
    const { id: childId } = await this.insert(tx, {
      parentId: parent.id,
      participantId: parent.participant_id,
      owner: null,
      from: membership.organisationId,
      fromUserId: actor.userId,
      to: input.toOrganisationId,
      serviceId: input.toServiceId ?? null,
      reasonCategory: parent.reason_category,
      reason: input.reason?.trim() || parent.reason,
      priority: parent.priority,
      dueOn: undefined,
      attachments: parent.attachments,
    });
    // Due by the agreement between the forwarder and the new recipient, else the one the consent gate
    // relies on (the participant's owner and the new recipient), else in 14 days.
    await tx.query(
      `UPDATE referrals SET status = 'SENT', sent_at = now(), version = referrals.version + 1,
              response_due_on = COALESCE(${dueByAgreement('$2::uuid', '$3::uuid')},
                                         ${dueByAgreement('p.owner_organisation_id', '$3::uuid')}, current_date + 14)
         FROM participants p WHERE referrals.id = $1 AND p.id = referrals.participant_id`,
      [childId, membership.organisationId, input.toOrganisationId],
    );
    await this.record(
      tx,
      childId,
      actor.userId,
      membership.organisationId,
      ReferralStatus.DRAFT,
      ReferralStatus.SENT,
      {},
      `forwarded from ${parent.id}`,
    );
    await this.assertConsentGate(tx, parent.participant_id, input.toOrganisationId);
    // The child's own hand-over, announced to its recipient like any other send.
    await writeOutboxEvent(tx, {
      type: `referral.${ReferralTransition.SEND.toLowerCase()}`,
      aggregateType: 'referral',
      aggregateId: childId,
      payload: {
        referralId: childId,
        fromOrganisationId: membership.organisationId,
        toOrganisationId: input.toOrganisationId,
        status: ReferralStatus.SENT,
        actorOrganisationId: membership.organisationId,
        reasonCode: null,
        outcome: null,
        childReferralId: null,
        parentReferralId: parent.id,
      },
    });
    return childId;
  }

  private async checkCapacity(
    tx: EntityManager,
    serviceId: string,
    membership: ActorMembership,
    overrideReason?: string,
  ): Promise<string | null> {
    // Lock the service so two acceptances cannot both take the last place (NO KEY: new referrals to the
    // service, which take a key-share lock through their foreign key, need not wait for it).
    const [service]: { capacity: number | null; name: string }[] = await tx.query(
      `SELECT capacity, name FROM organisation_services WHERE id = $1 FOR NO KEY UPDATE`,
      [serviceId],
    );
    if (!service || service.capacity === null) return null;
    const [{ taken }]: { taken: number }[] = await tx.query(takenPlacesSql('$1'), [serviceId]);
    if (taken < service.capacity) return null;
    if (membership.role === Role.COORDINATOR && overrideReason)
      return `capacity override (${taken}/${service.capacity}): ${overrideReason.trim()}`;
    throw new ConflictError(
      `${service.name} is full (${taken}/${service.capacity}); a coordinator may override with a reason`,
      {
        capacity: service.capacity,
        taken,
      },
    );
  }

  /**
   * A draft and its first history row, in ONE statement with its checks: the participant's owner
   * (`owner`, when given), the recipient organisation, its active service, the due date not past, not
   * to oneself. Nothing is inserted unless all hold; the statement answers which failed, tested here
   * in the order the errors have always been given.
   */
  private async insert(
    tx: EntityManager,
    r: {
      parentId: string | null;
      participantId: string;
      /** The organisation that must own the participant; null: not checked (a forward, by the recipient). */
      owner: string | null;
      from: string;
      fromUserId: string;
      to: string;
      serviceId: string | null;
      reasonCategory: string;
      reason: string;
      priority: string;
      dueOn: string | undefined;
      attachments: { name: string; sha256: string }[];
    },
  ): Promise<ReferralRow> {
    let rows: InsertRow[];
    try {
      rows = await tx.query(preparedStatement('referral-insert', this.sql.insert), [
        r.parentId,
        r.participantId,
        r.from,
        r.fromUserId,
        r.to,
        r.serviceId,
        r.reasonCategory,
        r.reason,
        r.priority,
        r.dueOn ?? null,
        JSON.stringify(r.attachments),
        r.owner,
      ]);
    } catch (error) {
      // A row the checks saw, gone before the insert's foreign key looked (the same snapshot makes this rare).
      if (isForeignKeyViolation(error, 'referrals_participant_id_fkey'))
        throw new NotFoundError('Participant', r.participantId);
      if (isForeignKeyViolation(error, 'referrals_to_organisation_id_fkey'))
        throw new NotFoundError('Organisation', r.to);
      if (isForeignKeyViolation(error, 'referrals_to_service_id_fkey'))
        throw new NotFoundError('OrganisationService', r.serviceId ?? undefined);
      throw error;
    }
    const [row] = rows;
    if (!row.participant_found) throw new NotFoundError('Participant', r.participantId);
    if (r.to === r.from) {
      throw new BadUserInputError('A referral goes to another organisation', [
        { field: 'toOrganisationId', problems: ['must not be your organisation'] },
      ]);
    }
    if (!row.organisation_found) throw new NotFoundError('Organisation', r.to);
    if (!row.service_found) throw new NotFoundError('OrganisationService', r.serviceId ?? undefined);
    if (!row.due_not_past) {
      throw new BadUserInputError('The response due date is in the past', [
        { field: 'responseDueOn', problems: ['must be today or later'] },
      ]);
    }
    return row;
  }

  private async record(
    tx: EntityManager,
    referralId: string,
    userId: string | null,
    organisationId: string | null,
    from: ReferralStatus | null,
    to: ReferralStatus,
    details: TransitionDetails,
    note: string | null,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO referral_history (referral_id, actor_user_id, actor_organisation_id, from_status, to_status, reason_code, outcome, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [referralId, userId, organisationId, from, to, details.reasonCode ?? null, details.outcome ?? null, note],
    );
  }

  private async visibleRow(tx: EntityManager, organisationId: string, id: string): Promise<ReferralRow> {
    const rows: ReferralRow[] = await tx.query(preparedStatement('referral-visible', this.sql.visibleRow), [
      organisationId,
      id,
    ]);
    if (!rows[0]) throw new NotFoundError('Referral', id);
    return rows[0];
  }
}

interface HistoryRow {
  id: string;
  referral_id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus;
  reason_code: string | null;
  outcome: ReferralHistoryEntry['outcome'];
  note: string | null;
}

function toHistory(row: HistoryRow): ReferralHistoryEntry {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorOrganisationId: row.actor_organisation_id,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    reasonCode: row.reason_code,
    outcome: row.outcome,
    note: row.note,
  };
}

function toReferral(row: ReferralRow, viewerOrganisationId: string): Referral {
  return {
    viewerOrganisationId,
    id: row.id,
    parentReferralId: row.parent_referral_id,
    participantId: row.participant_id,
    fromOrganisationId: row.from_organisation_id,
    fromUserId: row.from_user_id,
    toOrganisationId: row.to_organisation_id,
    toServiceId: row.to_service_id,
    purpose: row.purpose,
    reasonCategory: row.reason_category,
    reason: row.reason,
    priority: row.priority,
    status: row.status,
    responseDueOn: row.response_due_on,
    attachments: row.attachments,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    sentAt: row.sent_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    version: row.version,
    consentWithdrawn: row.consent_withdrawn,
  };
}
