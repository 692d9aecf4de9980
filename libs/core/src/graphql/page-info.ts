import { Field, ObjectType } from '@nestjs/graphql';
import { encodeCursor } from './keyset-cursor';

/**
 * Where a page of a connection ends, the one shape every `first`/`after` list
 * shares. Lists page forwards only (newest first), so there is no
 * `hasPreviousPage`/`startCursor` to answer honestly.
 */
@ObjectType({ description: 'Where this page ends: pass `endCursor` as `after` for the next one.' })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'The cursor of the last edge; null on an empty page.' })
  endCursor!: string | null;
}

/** A row of a keyset-paged list: `created_at::text` and the id make its cursor (see `encodeCursor`). */
export interface KeysetRow {
  id: string;
  cursor_time: string;
}

/**
 * Edges and page info from the rows of a query that asked for `first + 1`
 * rows: the extra row only says that another page exists.
 */
export function keysetPage<R extends KeysetRow, N>(
  rows: readonly R[],
  first: number,
  toNode: (row: R) => N,
): { edges: { cursor: string; node: N }[]; pageInfo: PageInfo } {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: encodeCursor(row.cursor_time, row.id), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}
