import { createHash } from 'node:crypto';

/**
 * A statement PostgreSQL parses, analyses and plans once per connection and
 * then only binds and executes: a named prepared statement of the extended
 * query protocol. For hot statements of fixed text — the actor's memberships
 * on every request, the referral writes — an unnamed statement was parsed and
 * planned at every execution, which cost PostgreSQL more CPU than running it
 * (issue 6: about two thirds of the server's CPU per referral written).
 *
 * Use it where TypeORM takes SQL (`dataSource.query`, `manager.query`): TypeORM
 * hands its `query` argument to pg's `client.query` as it is, and pg takes a
 * query config there. It is typed as the string TypeORM declares, and reads as
 * its text wherever a string is expected (`toString`: TypeORM's logging, the
 * statement counters of the tests and the bench). A new object each time, so
 * that no two calls share one.
 *
 * A name must keep one text for the life of the process (pg refuses another
 * text under a known name). PostgreSQL re-plans a prepared statement by itself
 * when a table it reads changes; after five executions it may keep a generic
 * plan, so use it for statements whose plan does not hinge on the values.
 * (Behind a PgBouncer in transaction mode, named statements need its
 * `max_prepared_statements`.)
 */
export function preparedStatement(name: string, text: string): string {
  const statement: PreparedStatement = { name, text, toString: () => text };
  return statement as unknown as string;
}

interface PreparedStatement {
  name: string;
  text: string;
  toString(): string;
}

/**
 * `preparedStatement` for a statement assembled from a few fixed parts (a list's optional filters): named
 * after its text, so each variant is prepared once per connection under a name of its own.
 */
export function preparedStatementOf(prefix: string, text: string): string {
  return preparedStatement(`${prefix}-${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text);
}
