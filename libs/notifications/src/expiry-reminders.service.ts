import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/core';

/**
 * Announces, once each, live consents and active data-sharing agreements that
 * end soon, so the owner organisation can ask the participant to renew and
 * the parties can extend the agreement before access stops. Set-based: one
 * statement per kind records the reminder (its primary key makes a repeat a
 * no-op) and writes the outbox events in the same statement. Payloads carry
 * ids and dates only.
 */
@Injectable()
export class ExpiryRemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async announce(): Promise<{ consents: number; agreements: number }> {
    const { consentExpiryReminderDays, agreementExpiryReminderDays } = this.config.notifications;
    return {
      consents: await this.announceConsents(consentExpiryReminderDays),
      agreements: await this.announceAgreements(agreementExpiryReminderDays),
    };
  }

  /** `consent.expiring` for each live consent (`consent_in_force`) whose last day is within `days`; returns how many. */
  async announceConsents(days: number): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `
      WITH expiring AS (
        SELECT c.id, c.valid_until, c.participant_id, p.owner_organisation_id, c.granted_to_organisation_id,
               c.granted_to_partnership_id
          FROM consents c JOIN participants p ON p.id = c.participant_id
         WHERE consent_in_force(c, current_date) AND c.valid_until < current_date + $1::int
      ), announced AS (
        INSERT INTO expiry_reminders (subject_type, subject_id, expires_on)
        SELECT 'consent', id, valid_until FROM expiring
        ON CONFLICT DO NOTHING
        RETURNING subject_id
      ), events AS (
        INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
        SELECT 'consent.expiring', 'consent', e.id,
               jsonb_build_object('consentId', e.id, 'participantId', e.participant_id,
                                  'ownerOrganisationId', e.owner_organisation_id,
                                  'recipientOrganisationId', e.granted_to_organisation_id,
                                  'recipientPartnershipId', e.granted_to_partnership_id,
                                  'validUntil', to_char(e.valid_until, 'YYYY-MM-DD'))
          FROM expiring e JOIN announced a ON a.subject_id = e.id
      )
      SELECT count(*)::int AS count FROM announced`,
      [days],
    );
    return count;
  }

  /**
   * `agreement.expiring` for each agreement in force whose last day is within `days`, to the organisations
   * it binds (`agreement_parties_of`: a partnership-wide agreement's are the partnership's members);
   * returns how many.
   */
  async announceAgreements(days: number): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `
      WITH expiring AS (
        SELECT a.id, a.valid_until,
               -- both parties, or every member of the partnership of a partnership-wide agreement
               ARRAY(SELECT x.organisation_id FROM agreement_parties_of(a) x ORDER BY 1) AS party_ids
          FROM data_sharing_agreements a
         WHERE agreement_in_force(a, current_date) AND a.valid_until < current_date + $1::int
      ), announced AS (
        INSERT INTO expiry_reminders (subject_type, subject_id, expires_on)
        SELECT 'agreement', id, valid_until FROM expiring
        ON CONFLICT DO NOTHING
        RETURNING subject_id
      ), events AS (
        INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
        SELECT 'agreement.expiring', 'agreement', e.id,
               jsonb_build_object('agreementId', e.id, 'partyOrganisationIds', to_jsonb(e.party_ids),
                                  'validUntil', to_char(e.valid_until, 'YYYY-MM-DD'))
          FROM expiring e JOIN announced a ON a.subject_id = e.id
      )
      SELECT count(*)::int AS count FROM announced`,
      [days],
    );
    return count;
  }
}
