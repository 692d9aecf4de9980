import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ConflictError } from '@app/core';

/**
 * Runs `work` once per (user, key): a retry with the same key and the same
 * request returns the first result's id (`replayed`, no `result`: the caller
 * reads it); the same key with another request is refused. Must run inside the
 * transaction that does the work, so a failed attempt leaves no key behind.
 * Concurrent retries wait on the key's unique index until the first one
 * commits, then read its result. Without a key it costs nothing: `work` runs
 * alone (and may then run outside a transaction, if it is one statement).
 */
export async function once<T extends { id: string }>(
  tx: EntityManager,
  userId: string,
  key: string | undefined,
  operation: string,
  request: unknown,
  work: () => Promise<T>,
): Promise<{ id: string; result?: T; replayed: boolean }> {
  if (!key) {
    const result = await work();
    return { id: result.id, result, replayed: false };
  }
  const requestHash = createHash('sha256').update(JSON.stringify({ operation, request })).digest('hex');
  const inserted: unknown[] = await tx.query(
    `INSERT INTO idempotency_keys (user_id, key, operation, request_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING key`,
    [userId, key, operation, requestHash],
  );
  if (inserted.length > 0) {
    const result = await work();
    await tx.query(`UPDATE idempotency_keys SET result_id = $3 WHERE user_id = $1 AND key = $2`, [
      userId,
      key,
      result.id,
    ]);
    return { id: result.id, result, replayed: false };
  }
  const [first]: { request_hash: string; result_id: string | null }[] = await tx.query(
    `SELECT request_hash, result_id FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
    [userId, key],
  );
  if (!first || first.request_hash !== requestHash || !first.result_id) {
    throw new ConflictError('This idempotency key was used for a different request', { idempotencyKey: key });
  }
  return { id: first.result_id, replayed: true };
}
