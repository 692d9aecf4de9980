import { join } from 'node:path';
import { Client } from 'pg';
import { ROLE_RIGHTS } from '@app/access';
import { Role } from '@app/authz';
import { ApiProcess, startApiProcess } from '../api-process';
import type { BenchContext } from '../figure';
import { GraphQLCall, graphqlCall, LoadResult, loadTest, send } from '../measure';
import { createPeerSchema, dropPeerSchema, PEER_PAGE } from '../peer/schema';
import { processCpuMs } from './in-process';

/** REFERRAL_ACCESS_DAYS_AFTER_CLOSE as the API runs it (the default). */
export const REFERRAL_ACCESS_DAYS = 30;

/** The PostGraphile peer, running over the bench database (test/bench/peer). */
export interface Peer {
  page: GraphQLCall;
  pid: number;
  stop(): Promise<void>;
}

export async function startPeer(context: BenchContext): Promise<Peer> {
  const partner = context.partnerCaseworker;
  const rights = ROLE_RIGHTS[partner.role as Role];
  const db = new Client({ connectionString: context.databaseUrl });
  await db.connect();
  await createPeerSchema(db, {
    organisationId: partner.organisationId,
    userId: partner.userId,
    own: rights.own,
    partner: rights.partner,
    days: REFERRAL_ACCESS_DAYS,
  });
  let process: ApiProcess;
  try {
    process = await startApiProcess({
      main: join(context.buildRoot, 'test', 'bench', 'peer', 'main.js'),
      env: { ...context.apiEnvironment, NODE_ENV: 'production', DATABASE_URL: context.databaseUrl },
      log: (line) => context.log(`[peer] ${line}`),
    });
  } catch (error) {
    await dropPeerSchema(db).finally(() => db.end());
    throw error;
  }
  return {
    page: graphqlCall(process.url, PEER_PAGE, { pageSize: 50 }),
    pid: process.pid,
    async stop() {
      await process.stop();
      await dropPeerSchema(db).finally(() => db.end());
    },
  };
}

interface PeerData {
  peerReferralPage: {
    edges: {
      node: {
        id: string;
        consentWithdrawn: boolean;
        participant: { id: string; basis: string; visibleCategories: string[] } | null;
      };
    }[];
  };
}

interface OurData {
  referrals: {
    edges: {
      node: {
        id: string;
        consentWithdrawn: boolean;
        participant: { id: string; access: { basis: string; visibleCategories: string[] } } | null;
      };
    }[];
  };
}

/** Whether the peer answers the page we answer: the same referrals, flags, participants, bases and categories. */
export async function comparePeer(peer: Peer, ours: GraphQLCall): Promise<string | null> {
  const theirs = (await send<PeerData>(peer.page)).peerReferralPage.edges.map(({ node }) => ({
    id: node.id,
    withdrawn: node.consentWithdrawn,
    participant: node.participant?.id ?? null,
    basis: node.participant?.basis ?? null,
    categories: node.participant?.visibleCategories.join(',') ?? null,
  }));
  const mine = (await send<OurData>(ours)).referrals.edges.map(({ node }) => ({
    id: node.id,
    withdrawn: node.consentWithdrawn,
    participant: node.participant?.id ?? null,
    basis: node.participant?.access.basis ?? null,
    categories: node.participant?.access.visibleCategories.join(',') ?? null,
  }));
  if (theirs.length !== mine.length) return `${mine.length} referrals vs the peer's ${theirs.length}`;
  const differences = mine.filter((row, i) => JSON.stringify(row) !== JSON.stringify(theirs[i])).length;
  return differences ? `${differences} of ${mine.length} rows differ` : null;
}

/** A load test with the CPU time the serving process spent in its measured part (not the warm-up). */
export async function loadTestWithCpu(
  call: GraphQLCall,
  pid: number | undefined,
  options: { connections: number; seconds: number; warmupSeconds: number },
): Promise<LoadResult & { cpuMsPerRequest?: number }> {
  await loadTest(call, { connections: options.connections, seconds: options.warmupSeconds });
  const before = processCpuMs(pid);
  const result = await loadTest(call, { connections: options.connections, seconds: options.seconds });
  const after = processCpuMs(pid);
  return {
    ...result,
    cpuMsPerRequest:
      before === undefined || after === undefined || result.requests === 0
        ? undefined
        : (after - before) / result.requests,
  };
}

/**
 * The hand-written page (one statement, prepared) from `connections` pg clients back to back for `seconds`:
 * what a data layer with no framework at all would serve on this machine.
 */
export async function rawSqlThroughput(
  databaseUrl: string,
  sql: string,
  params: unknown[],
  options: { connections: number; seconds: number; warmupSeconds: number },
): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: options.connections }, async () => {
      const client = new Client({
        connectionString: databaseUrl,
        options: '-c jit=off',
        application_name: 'bench-raw',
      });
      await client.connect();
      return client;
    }),
  );
  const run = async (seconds: number) => {
    let completed = 0;
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      clients.map(async (client) => {
        while (Date.now() < until) {
          await client.query({ name: 'bench-raw-page', text: sql, values: params });
          completed++;
        }
      }),
    );
    return completed / seconds;
  };
  try {
    await run(options.warmupSeconds);
    return await run(options.seconds);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}
