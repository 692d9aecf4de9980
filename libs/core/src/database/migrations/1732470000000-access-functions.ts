import { MigrationInterface, QueryRunner } from 'typeorm';
// By path, not `@app/access`: libs/core is loaded without the alias mapping (Jest's global set-up), and
// this module of libs/access imports nothing, so the dependency stays one-way in substance.
import { applyAccessFunctions, dropAccessFunctions } from '../../../../access/src/sql';

/**
 * The access rule, one definition per predicate (libs/access/src/sql): the
 * live consent, the open-referral window, the agreement ceiling, the legal
 * bases and partnership membership as SQL functions, composed into
 * `participant_access` (one participant) and `participants_access` (a set).
 * Applied with CREATE OR REPLACE from their current definitions; a later
 * change to one of them is a migration that runs `applyAccessFunctions` again.
 *
 * Also the index that serves the participants list in its order (newest
 * first): without it every page sorted every participant the reader may see.
 */
export class AccessFunctions1732470000000 implements MigrationInterface {
  name = 'AccessFunctions1732470000000';

  async up(db: QueryRunner): Promise<void> {
    await applyAccessFunctions((sql) => db.query(sql));
    await db.query(`CREATE INDEX participants_created_idx ON participants (created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX participants_created_idx`);
    await dropAccessFunctions((sql) => db.query(sql));
  }
}
