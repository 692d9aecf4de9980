/**
 * One access SQL function (or type): its current definition, applied by the
 * migrations with CREATE OR REPLACE (`applyAccessFunctions`). This folder is
 * the only place the text of an access predicate may appear (a unit test,
 * `predicates-defined-once.spec.ts`, fails otherwise); callers compose the
 * functions by name.
 *
 * The predicates are `LANGUAGE sql` functions without a `SET` clause, so that
 * PostgreSQL inlines them into the statement that calls them (a scalar one
 * whose body is a single expression; a set-returning one called in FROM): a
 * caller pays nothing for composing them, and the planner sees through them to
 * the indexes. Only `participant_access` is not inlined (see there).
 */
export interface SqlFunction {
  /** The function's name, as callers write it. */
  name: string;
  /** `CREATE OR REPLACE FUNCTION …` (or the idempotent creation of a type). */
  definition: string;
  /** What `DROP` needs: the name and argument types, e.g. `valid_on(date, date, date)`. */
  identity: string;
  /** `FUNCTION` or `TYPE`. */
  kind: 'FUNCTION' | 'TYPE';
}

export function sqlFunction(identity: string, definition: string): SqlFunction {
  return { name: identity.slice(0, identity.indexOf('(')), identity, definition: definition.trim(), kind: 'FUNCTION' };
}
