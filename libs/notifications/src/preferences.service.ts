import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Role } from '@app/authz';
import { BadUserInputError, ForbiddenError, NotFoundError } from '@app/core';
import {
  NotificationChannel,
  NotificationPreference,
  NotificationPreferenceSource,
  OrganisationNotificationDefault,
  SetNotificationPreferenceInput,
  SetOrganisationNotificationDefaultInput,
} from './preferences.model';
import { isNotificationEventType, MANDATORY_EVENTS, NOTIFICATION_EVENT_TYPES } from './recipients';

/**
 * SQL for "is `eventType` on `channel` enabled for this membership": the
 * user's preference, else their organisation's default, else on; mandatory
 * events always on. `userId`/`organisationId`/`eventType`/`mandatory` are SQL
 * expressions (columns or parameters); `mandatory` is a text[] of event types.
 */
export function preferenceEnabledSql(
  channel: NotificationChannel,
  refs: { userId: string; organisationId: string; eventType: string; mandatory: string },
): string {
  return `(${refs.eventType} = ANY (${refs.mandatory}) OR COALESCE(
    (SELECT p.enabled FROM notification_preferences p
      WHERE p.user_id = ${refs.userId} AND p.event_type = ${refs.eventType} AND p.channel = '${channel}'),
    (SELECT d.enabled FROM organisation_notification_defaults d
      WHERE d.organisation_id = ${refs.organisationId} AND d.event_type = ${refs.eventType} AND d.channel = '${channel}'),
    true))`;
}

interface ResolvedRow {
  event_type: string;
  channel: NotificationChannel;
  user_enabled: boolean | null;
  organisation_enabled: boolean | null;
}

/**
 * Notification preferences: each user chooses per (event type, channel); an
 * organisation's partner admins set the default for its members; mandatory
 * events cannot be switched off.
 */
@Injectable()
export class NotificationPreferencesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The caller's settings for every known event type and channel. For a member
   * of several organisations the organisation default shown is the strictest
   * (off if any of them switched it off); delivery applies each organisation's
   * own default to its notifications.
   */
  async list(
    actor: Actor,
    only?: { eventType: string; channel: NotificationChannel },
  ): Promise<NotificationPreference[]> {
    const eventTypes = only ? [only.eventType] : [...NOTIFICATION_EVENT_TYPES];
    const channels = only ? [only.channel] : Object.values(NotificationChannel);
    const rows: ResolvedRow[] = await this.dataSource.query(
      `SELECT e.event_type, c.channel,
              (SELECT p.enabled FROM notification_preferences p
                WHERE p.user_id = $1 AND p.event_type = e.event_type AND p.channel = c.channel) AS user_enabled,
              (SELECT bool_and(d.enabled) FROM organisation_notification_defaults d
                WHERE d.organisation_id = ANY ($2::uuid[]) AND d.event_type = e.event_type AND d.channel = c.channel)
                AS organisation_enabled
         FROM unnest($3::text[]) WITH ORDINALITY AS e(event_type, n)
        CROSS JOIN unnest($4::text[]) WITH ORDINALITY AS c(channel, m)
        ORDER BY e.n, c.m`,
      [actor.userId, actor.organisationIds, eventTypes, channels],
    );
    return rows.map((row) => {
      const mandatory = MANDATORY_EVENTS.includes(row.event_type);
      const source =
        row.user_enabled !== null
          ? NotificationPreferenceSource.USER
          : row.organisation_enabled !== null
            ? NotificationPreferenceSource.ORGANISATION
            : NotificationPreferenceSource.DEFAULT;
      const enabled = mandatory || (row.user_enabled ?? row.organisation_enabled ?? true);
      return { eventType: row.event_type, channel: row.channel, enabled, mandatory, source };
    });
  }

  async set(actor: Actor, input: SetNotificationPreferenceInput): Promise<NotificationPreference> {
    this.assertSettable(input);
    await this.dataSource.query(
      `INSERT INTO notification_preferences (user_id, event_type, channel, enabled) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, event_type, channel) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      [actor.userId, input.eventType, input.channel, input.enabled],
    );
    const [preference] = await this.list(actor, input);
    return preference;
  }

  async setOrganisationDefault(
    actor: Actor,
    input: SetOrganisationNotificationDefaultInput,
  ): Promise<OrganisationNotificationDefault> {
    if (!actor.isPlatformAdmin && !actor.hasRoleIn(input.organisationId, Role.PARTNER_ADMIN)) {
      if (!actor.isMemberOf(input.organisationId)) throw new NotFoundError('Organisation', input.organisationId);
      throw new ForbiddenError("Only the organisation's partner admins set its notification defaults");
    }
    this.assertSettable(input);
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO organisation_notification_defaults (organisation_id, event_type, channel, enabled, updated_by_user_id)
       SELECT o.id, $2, $3, $4, $5 FROM organisations o WHERE o.id = $1
       ON CONFLICT (organisation_id, event_type, channel)
       DO UPDATE SET enabled = EXCLUDED.enabled, updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = now()
       RETURNING organisation_id`,
      [input.organisationId, input.eventType, input.channel, input.enabled, actor.userId],
    );
    if (rows.length === 0) throw new NotFoundError('Organisation', input.organisationId);
    return {
      organisationId: input.organisationId,
      eventType: input.eventType,
      channel: input.channel,
      enabled: input.enabled,
    };
  }

  private assertSettable(input: SetNotificationPreferenceInput): void {
    if (!isNotificationEventType(input.eventType)) {
      throw new BadUserInputError(`Unknown event type: ${input.eventType}`, [
        { field: 'eventType', problems: [`must be one of ${NOTIFICATION_EVENT_TYPES.join(', ')}`] },
      ]);
    }
    if (MANDATORY_EVENTS.includes(input.eventType) && !input.enabled) {
      throw new BadUserInputError(`${input.eventType} is mandatory and cannot be switched off`, [
        { field: 'enabled', problems: ['mandatory events are always delivered'] },
      ]);
    }
  }
}
