import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Role } from '@app/authz';
import {
  APP_CONFIG,
  AppConfig,
  ForbiddenError,
  NotFoundError,
  QueueFactory,
  decodeCursor,
  keysetPage,
} from '@app/core';
import { WebhookAddressGuard } from './webhook-address-guard';
import { enqueueWebhookDeliveries } from './webhook-deliveries';
import {
  CreateWebhookEndpointInput,
  WebhookAttempt,
  WebhookDeliveriesArgs,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryStatus,
  WebhookEndpoint,
} from './webhook.model';

interface EndpointRow {
  id: string;
  organisation_id: string;
  url: string;
  event_types: string[];
  active: boolean;
  consecutive_failures: number;
  disabled_at: Date | null;
  created_at: Date;
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_latency_ms: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

const ENDPOINT_COLUMNS = `id, organisation_id, url, event_types, active, consecutive_failures, disabled_at, created_at`;

/**
 * Webhook endpoints of an organisation, managed by its partner admins (or a
 * platform admin). Members with other roles are refused; anyone else learns
 * nothing: other organisations' endpoints are NOT_FOUND.
 */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly addressGuard: WebhookAddressGuard,
  ) {}

  async list(actor: Actor, organisationId: string): Promise<WebhookEndpoint[]> {
    this.assertAdmin(actor, organisationId, 'Organisation', organisationId);
    const rows: EndpointRow[] = await this.dataSource.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE organisation_id = $1 ORDER BY created_at, id`,
      [organisationId],
    );
    return rows.map((row) => toEndpoint(row));
  }

  async create(actor: Actor, input: CreateWebhookEndpointInput): Promise<WebhookEndpoint> {
    this.assertAdmin(actor, input.organisationId, 'Organisation', input.organisationId);
    const exists: unknown[] = await this.dataSource.query(`SELECT 1 FROM organisations WHERE id = $1`, [
      input.organisationId,
    ]);
    if (exists.length === 0) throw new NotFoundError('Organisation', input.organisationId);
    // After the access checks, so only an organisation's admins learn how a host resolves.
    await this.addressGuard.checkEndpointUrl(input.url);
    const secret = randomBytes(32).toString('base64url');
    const [row]: EndpointRow[] = await this.dataSource.query(
      `INSERT INTO webhook_endpoints (organisation_id, url, secret, event_types, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${ENDPOINT_COLUMNS}`,
      [input.organisationId, input.url, secret, [...new Set(input.eventTypes)], actor.userId],
    );
    return toEndpoint(row, secret);
  }

  async setActive(actor: Actor, id: string, active: boolean): Promise<WebhookEndpoint> {
    await this.endpoint(actor, id);
    const [row]: EndpointRow[] = await this.dataSource.query(
      `WITH changed AS (
         UPDATE webhook_endpoints
            SET active = $2,
                disabled_at = CASE WHEN $2 THEN NULL ELSE COALESCE(disabled_at, now()) END,
                consecutive_failures = CASE WHEN $2 THEN 0 ELSE consecutive_failures END
          WHERE id = $1
          RETURNING ${ENDPOINT_COLUMNS}
       ) SELECT * FROM changed`,
      [id, active],
    );
    return toEndpoint(row);
  }

  /** An endpoint's deliveries, newest first, a keyset page at a time (index on endpoint and created_at). */
  async deliveries(actor: Actor, args: WebhookDeliveriesArgs): Promise<WebhookDeliveryConnection> {
    await this.endpoint(actor, args.endpointId);
    const params: unknown[] = [args.endpointId, args.first + 1];
    let after = '';
    if (args.after) {
      const cursor = decodeCursor(args.after);
      params.push(cursor.createdAt, cursor.id);
      after = `AND (d.created_at, d.id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows: (DeliveryRow & { cursor_time: string })[] = await this.dataSource.query(
      `SELECT d.id, d.endpoint_id, d.event_id, o.event_type, d.status, d.attempts, d.last_status_code,
              d.last_latency_ms, d.last_error, d.created_at, d.created_at::text AS cursor_time, d.delivered_at
         FROM webhook_deliveries d JOIN outbox o ON o.id = d.event_id
        WHERE d.endpoint_id = $1 ${after} ORDER BY d.created_at DESC, d.id DESC LIMIT $2`,
      params,
    );
    const page = keysetPage(rows, args.first, (row) => row);
    const deliveries = await this.withAttempts(page.edges.map((edge) => edge.node));
    return { ...page, edges: page.edges.map((edge, i) => ({ cursor: edge.cursor, node: deliveries[i] })) };
  }

  /** Sends a delivery again (PENDING, a new job): receivers deduplicate on its unchanged id. */
  async replay(actor: Actor, deliveryId: string): Promise<WebhookDelivery> {
    const [owner]: { endpoint_id: string }[] = await this.dataSource.query(
      `SELECT endpoint_id FROM webhook_deliveries WHERE id = $1`,
      [deliveryId],
    );
    if (!owner) throw new NotFoundError('WebhookDelivery', deliveryId);
    await this.endpoint(actor, owner.endpoint_id, 'WebhookDelivery', deliveryId);
    const [row]: (DeliveryRow & { replays: number })[] = await this.dataSource.query(
      `WITH replayed AS (
         UPDATE webhook_deliveries SET status = 'PENDING', replays = replays + 1, replayed_at = now(), delivered_at = NULL
          WHERE id = $1 RETURNING *
       )
       SELECT d.id, d.endpoint_id, d.event_id, o.event_type, d.status, d.attempts, d.last_status_code,
              d.last_latency_ms, d.last_error, d.created_at, d.delivered_at, d.replays
         FROM replayed d JOIN outbox o ON o.id = d.event_id`,
      [deliveryId],
    );
    await enqueueWebhookDeliveries(this.queues, this.config, [row.id], [`${row.id}:replay:${row.replays}`]);
    const [delivery] = await this.withAttempts([row]);
    return delivery;
  }

  private async withAttempts(rows: DeliveryRow[]): Promise<WebhookDelivery[]> {
    if (rows.length === 0) return [];
    const attempts: (WebhookAttempt & { deliveryId: string })[] = await this.dataSource.query(
      `SELECT delivery_id AS "deliveryId", attempted_at AS "attemptedAt", status_code AS "statusCode",
              latency_ms AS "latencyMs", error
         FROM webhook_attempts WHERE delivery_id = ANY ($1::uuid[]) ORDER BY attempted_at, id`,
      [rows.map((r) => r.id)],
    );
    return rows.map((row) => ({
      id: row.id,
      endpointId: row.endpoint_id,
      eventId: row.event_id,
      eventType: row.event_type,
      status: row.status,
      attemptCount: row.attempts,
      lastStatusCode: row.last_status_code,
      lastLatencyMs: row.last_latency_ms,
      lastError: row.last_error,
      createdAt: row.created_at,
      deliveredAt: row.delivered_at,
      attempts: attempts
        .filter((a) => a.deliveryId === row.id)
        .map(({ attemptedAt, statusCode, latencyMs, error }) => ({ attemptedAt, statusCode, latencyMs, error })),
    }));
  }

  /** The endpoint, if the actor manages its organisation; NOT_FOUND when it is not theirs to know. */
  private async endpoint(actor: Actor, id: string, entity = 'WebhookEndpoint', entityId = id): Promise<EndpointRow> {
    const [row]: EndpointRow[] = await this.dataSource.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError(entity, entityId);
    this.assertAdmin(actor, row.organisation_id, entity, entityId);
    return row;
  }

  private assertAdmin(actor: Actor, organisationId: string, entity: string, id: string): void {
    if (actor.isPlatformAdmin || actor.hasRoleIn(organisationId, Role.PARTNER_ADMIN)) return;
    if (!actor.isMemberOf(organisationId)) throw new NotFoundError(entity, id);
    throw new ForbiddenError("Only the organisation's partner admins manage its webhooks");
  }
}

function toEndpoint(row: EndpointRow, secret: string | null = null): WebhookEndpoint {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    url: row.url,
    eventTypes: row.event_types,
    active: row.active,
    consecutiveFailures: row.consecutive_failures,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    secret,
  };
}
