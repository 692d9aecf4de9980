/**
 * What the fuzzer knows of the data: objects (by GraphQL type, with the
 * organisation they belong to), list cursors and versions, harvested from
 * every answer. Ids and cursors are frozen after set-up, so that what a
 * request is made of depends only on the seed; versions stay live, so an
 * update can name the version it would have read.
 */
export interface KnownObject {
  typename: string;
  id: string;
  /** The organisation it belongs to, as far as the answer tells. */
  organisationId?: string;
}

const OWNER_FIELDS = ['ownerOrganisationId', 'organisationId', 'fromOrganisationId'];

export class KnownObjects {
  private readonly byType = new Map<string, KnownObject[]>();
  private readonly ids = new Set<string>();
  private readonly excluded = new Set<string>();
  private readonly versions = new Map<string, number>();
  /** Cursors by the connection type they came from (ParticipantConnection, ...). */
  private readonly cursorsByList = new Map<string, string[]>();
  /** Organisations bound by an active agreement, both ways: where data may flow, so where referrals can go. */
  private readonly partners = new Map<string, Set<string>>();
  private frozen = false;

  /** Stops collecting ids and cursors: from here on the pools are fixed. */
  freeze(): void {
    this.frozen = true;
  }

  /** Ids never to hand to the fuzzer (e.g. the memberships of the users it acts as). */
  exclude(id: string): void {
    this.excluded.add(id);
    for (const [type, list] of this.byType)
      this.byType.set(
        type,
        list.filter((o) => o.id !== id),
      );
  }

  /** Records every object with `__typename` and `id`, cursor and version in an answer. */
  harvest(data: unknown, actorOrganisationId: string | undefined): void {
    this.walk(data, actorOrganisationId, undefined);
  }

  of(typename: string): readonly KnownObject[] {
    return this.byType.get(typename) ?? [];
  }

  types(): string[] {
    return [...this.byType.keys()].sort();
  }

  /** Records that these organisations are parties to one active agreement. */
  addPartners(organisationIds: readonly string[]): void {
    for (const a of organisationIds) {
      const set = this.partners.get(a) ?? new Set<string>();
      for (const b of organisationIds) if (b !== a) set.add(b);
      this.partners.set(a, set);
    }
  }

  partnersOf(organisationId: string | undefined): string[] {
    return organisationId ? [...(this.partners.get(organisationId) ?? [])].sort() : [];
  }

  version(id: string): number | undefined {
    return this.versions.get(id);
  }

  cursorLists(): string[] {
    return [...this.cursorsByList.keys()].sort();
  }

  cursors(list: string): readonly string[] {
    return this.cursorsByList.get(list) ?? [];
  }

  private walk(node: unknown, actorOrganisationId: string | undefined, parentType: string | undefined): void {
    if (Array.isArray(node)) {
      for (const item of node) this.walk(item, actorOrganisationId, parentType);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const typename = typeof record.__typename === 'string' ? record.__typename : undefined;
    if (typename && typeof record.id === 'string') {
      if (typeof record.version === 'number') this.versions.set(record.id, record.version);
      this.remember(typename, record, actorOrganisationId);
    }
    if (!this.frozen) {
      // An edge's cursor and a page info's end cursor belong to the connection around them.
      const list = typename && /(Edge|PageInfo)$/.test(typename) ? parentType : typename;
      for (const key of ['cursor', 'endCursor']) {
        if (typeof record[key] === 'string' && list) this.addCursor(list, record[key]);
      }
    }
    for (const [key, value] of Object.entries(record)) {
      if (key !== '__typename') this.walk(value, actorOrganisationId, typename ?? parentType);
    }
  }

  private remember(typename: string, record: Record<string, unknown>, actorOrganisationId: string | undefined): void {
    const id = record.id as string;
    if (this.frozen || this.excluded.has(id) || this.ids.has(`${typename}:${id}`)) return;
    this.ids.add(`${typename}:${id}`);
    const owner =
      typename === 'Organisation'
        ? id
        : (OWNER_FIELDS.map((f) => record[f]).find((v): v is string => typeof v === 'string') ?? actorOrganisationId);
    const list = this.byType.get(typename) ?? [];
    list.push({ typename, id, organisationId: owner });
    this.byType.set(typename, list);
  }

  private addCursor(list: string, cursor: string): void {
    const cursors = this.cursorsByList.get(list) ?? [];
    if (!cursors.includes(cursor)) cursors.push(cursor);
    this.cursorsByList.set(list, cursors);
  }
}
