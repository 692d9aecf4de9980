import { Injectable } from '@nestjs/common';
import { Args, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { PageInfo, Public } from '@app/core';
import { Referral } from '@app/referrals';
import { ReferralsArgs } from '@app/referrals/referral.input';

/**
 * Bench only, never part of the production app: the read-throughput baseline.
 * `inMemoryReferrals` answers the same query shape as `referrals` (the same
 * fields, the same arguments and validation, the same Nest app, Apollo and HTTP
 * adapter) from a page held in memory, with no SQL: the framework's own ceiling.
 *
 * Its node type extends `Referral` (all its fields) but has no field resolvers,
 * so the nested objects come from memory too.
 */
@ObjectType({ description: 'Bench only: a Referral served from memory.' })
export class InMemoryReferral extends Referral {}

@ObjectType()
export class InMemoryReferralEdge {
  @Field() cursor!: string;
  @Field(() => InMemoryReferral) node!: InMemoryReferral;
}

@ObjectType()
export class InMemoryReferralConnection {
  @Field(() => [InMemoryReferralEdge]) edges!: InMemoryReferralEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

/** Fields that hold a Date in the real resolvers' objects (JSON carries them as strings). */
const DATE_FIELDS = new Set(['createdAt', 'occurredAt', 'sentAt', 'closedAt']);

@Injectable()
export class InMemoryReferralPage {
  private page?: InMemoryReferralConnection;

  /** The `referrals` connection of a real response; dates become Date objects again, as the services return them. */
  set(page: unknown): void {
    this.page = revive(page) as InMemoryReferralConnection;
  }

  get(first: number): InMemoryReferralConnection {
    if (!this.page) throw new Error('no in-memory page: the runner sends one before using inMemoryReferrals');
    return { edges: this.page.edges.slice(0, first), pageInfo: this.page.pageInfo };
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

  @Query(() => InMemoryReferralConnection, { description: 'Bench only: `referrals` from memory.' })
  @Public()
  inMemoryReferrals(@Args() args: ReferralsArgs): InMemoryReferralConnection {
    return this.page.get(args.first);
  }
}
