import { Injectable } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@app/core';
import { ReferralConnection } from '@app/referrals';
import { ReferralsArgs } from '@app/referrals/referral.input';

/**
 * Bench only, never part of the production app: the read-throughput baseline.
 * `inMemoryReferrals` answers the same query as `referrals` — the same type,
 * `ReferralConnection`, so the same field resolvers run on every row (they
 * return the nested objects the page carries, as they do for a real page),
 * the same arguments and validation, the same Nest app, Apollo and HTTP
 * adapter — from a page held in memory, with no SQL: the framework's own
 * ceiling for this response.
 */

/** Fields that hold a Date in the real resolvers' objects (JSON carries them as strings). */
const DATE_FIELDS = new Set(['createdAt', 'occurredAt', 'sentAt', 'closedAt']);

@Injectable()
export class InMemoryReferralPage {
  private page?: ReferralConnection;

  /** The `referrals` connection of a real response; dates become Date objects again, as the services return them. */
  set(page: unknown): void {
    this.page = revive(page) as ReferralConnection;
  }

  get(first: number): ReferralConnection {
    if (!this.page) throw new Error('no in-memory page: the runner sends one before using inMemoryReferrals');
    // New row objects each time, as a real page has.
    return {
      edges: this.page.edges.slice(0, first).map((edge) => ({ ...edge, node: { ...edge.node } })),
      pageInfo: this.page.pageInfo,
    };
  }
}

function revive(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => revive(item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, k)]));
  }
  if (typeof value === 'string' && key && DATE_FIELDS.has(key)) return new Date(value);
  return value;
}

@Resolver()
export class InMemoryReferralsResolver {
  constructor(private readonly page: InMemoryReferralPage) {}

  @Query(() => ReferralConnection, { description: 'Bench only: `referrals` from memory.' })
  @Public()
  inMemoryReferrals(@Args() args: ReferralsArgs): ReferralConnection {
    return this.page.get(args.first);
  }
}
