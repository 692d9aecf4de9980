import { DataSource, QueryFailedError } from 'typeorm';
import { dataSourceOptions, isForeignKeyViolation, preparedStatement } from '@app/core';
import { createTestDatabase, TestDatabase } from '@app/testing';

/**
 * `preparedStatement` through TypeORM, as the services use it: TypeORM hands
 * the config to pg unchanged, so PostgreSQL prepares the statement once per
 * connection under its name; results, errors and transactions are TypeORM's as
 * for any statement.
 */
describe('preparedStatement through TypeORM', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    const options = dataSourceOptions(database.url);
    // One connection, so the session that prepared is the one asked.
    dataSource = await new DataSource({ ...options, extra: { ...options.extra, max: 1 } }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const prepared = async () =>
    (
      await dataSource.query<{ name: string; statement: string }[]>(
        `SELECT name, statement FROM pg_prepared_statements`,
      )
    )
      .map((row) => row.name)
      .sort();

  it('is prepared once under its name and answers like the same SQL unprepared', async () => {
    const sql = 'SELECT $1::int + 1 AS next, $2::text AS word';
    expect(await dataSource.query(preparedStatement('probe', sql), [41, 'a'])).toEqual([{ next: 42, word: 'a' }]);
    expect(await dataSource.query(preparedStatement('probe', sql), [1, 'b'])).toEqual([{ next: 2, word: 'b' }]);
    expect(await dataSource.query(sql, [1, 'b'])).toEqual([{ next: 2, word: 'b' }]);
    expect(await prepared()).toEqual(['probe']);
  });

  it('reads as its text wherever a string is expected', () => {
    expect(String(preparedStatement('probe', 'SELECT 1'))).toBe('SELECT 1');
    expect(/\bSELECT\b/.test(preparedStatement('probe', 'SELECT 1'))).toBe(true);
  });

  it('runs inside a transaction, and its errors are TypeORM’s', async () => {
    const insert = preparedStatement(
      'probe-insert',
      `INSERT INTO referral_history (referral_id, to_status) VALUES ($1, 'DRAFT') RETURNING id`,
    );
    const failure = await dataSource
      .transaction((tx) => tx.query(insert, ['7d4e2f0a-1b3c-4d5e-8f90-a1b2c3d4e5f6']))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(isForeignKeyViolation(failure, 'referral_history_referral_id_fkey')).toBe(true);
    // The connection is usable again, the statement still prepared.
    expect(
      await dataSource.query(preparedStatement('probe', 'SELECT $1::int + 1 AS next, $2::text AS word'), [0, 'c']),
    ).toEqual([{ next: 1, word: 'c' }]);
    expect(await prepared()).toEqual(['probe', 'probe-insert']);
  });
});
