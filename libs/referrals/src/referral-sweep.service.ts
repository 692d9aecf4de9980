import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The system's side of the lifecycle, run by the worker on a schedule: SENT
 * referrals past their due date become EXPIRED, and referrals nearing it
 * announce it once. Set-based: one statement each, history and outbox rows
 * written in the same statement as the change.
 */
@Injectable()
export class ReferralSweepService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns how many referrals expired. */
  async expireOverdue(): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(`
      WITH expired AS (
        UPDATE referrals SET status = 'EXPIRED', closed_at = now(), updated_at = now(), version = version + 1
         WHERE status = 'SENT' AND response_due_on < current_date
        RETURNING id, from_organisation_id, to_organisation_id
      ), history AS (
        INSERT INTO referral_history (referral_id, from_status, to_status, note)
        SELECT id, 'SENT', 'EXPIRED', 'no answer by the due date' FROM expired
      ), events AS (
        INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
        SELECT 'referral.expired', 'referral', id,
               jsonb_build_object('referralId', id, 'fromOrganisationId', from_organisation_id,
                                  'toOrganisationId', to_organisation_id, 'status', 'EXPIRED')
          FROM expired
      )
      SELECT count(*)::int AS count FROM expired`);
    return count;
  }

  /** Announces, once per referral, that a SENT referral is due within `hours`. Returns how many. */
  async announceDueSoon(hours: number): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `
      WITH due AS (
        UPDATE referrals SET due_soon_notified_at = now()
         WHERE status = 'SENT' AND due_soon_notified_at IS NULL
           AND response_due_on >= current_date
           AND response_due_on < (now() + make_interval(hours => $1))::date
        RETURNING id, from_organisation_id, to_organisation_id, response_due_on
      ), events AS (
        INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
        SELECT 'referral.due_soon', 'referral', id,
               jsonb_build_object('referralId', id, 'fromOrganisationId', from_organisation_id,
                                  'toOrganisationId', to_organisation_id, 'responseDueOn', response_due_on)
          FROM due
      )
      SELECT count(*)::int AS count FROM due`,
      [hours],
    );
    return count;
  }
}
