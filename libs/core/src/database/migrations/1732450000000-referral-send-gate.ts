import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gave `participant_access` its tenth argument, `p_referral_opening` (the send
 * gate, see libs/access/src/sql/participant-decision.ts), by dropping the
 * nine-argument function and creating the new one. The access functions are
 * now defined once, in libs/access/src/sql, and created by migration
 * 1732470000000; what is left here is the drop, for databases that had the old
 * function.
 */
export class ReferralSendGate1732450000000 implements MigrationInterface {
  name = 'ReferralSendGate1732450000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP FUNCTION IF EXISTS participant_access(uuid, uuid, uuid, uuid, text, text[], text[], date, integer)`,
    );
  }

  async down(): Promise<void> {
    // Nothing to restore: the access functions come and go with migration 1732470000000.
  }
}
