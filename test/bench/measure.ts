import { Agent, request } from 'node:http';
import autocannon from 'autocannon';

/**
 * Measuring tools shared by the figure modules: a keep-alive HTTP client for
 * one-client latencies, percentiles, a load test (autocannon), and number
 * formatting for the table.
 */

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface HttpResponse {
  status: number;
  body: string;
}

/** POST a JSON body over a kept-alive connection (the lowest-overhead client Node has for one request at a time). */
export function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A GraphQL request's body and headers, built once and sent many times. */
export interface GraphQLCall {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export function graphqlCall(
  apiUrl: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): GraphQLCall {
  return {
    url: `${apiUrl}/graphql`,
    body: JSON.stringify({ query, variables }),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  };
}

/** Sends the call; returns `data`, throwing on a non-200 answer or any GraphQL error. */
export async function send<T = any>(call: GraphQLCall): Promise<T> {
  const response = await postJson(call.url, call.body, call.headers);
  const parsed = JSON.parse(response.body) as { data?: T; errors?: unknown[] };
  if (response.status !== 200 || parsed.errors?.length || !parsed.data) {
    throw new Error(`GraphQL call failed (HTTP ${response.status}): ${response.body.slice(0, 500)}`);
  }
  return parsed.data;
}

/** Milliseconds one run of `work` takes. */
export async function time(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Runs the works in turn, `rounds` times (or until `budgetMs` is spent), and returns each one's timings. Taking
 * the samples interleaved, not one series after the other, exposes both to the
 * same background noise (this machine's two cores are shared).
 */
export async function interleaved(
  rounds: number,
  works: (() => Promise<unknown>)[],
  budgetMs = Infinity,
): Promise<number[][]> {
  const samples = works.map(() => [] as number[]);
  const started = Date.now();
  for (let round = 0; round < rounds; round++) {
    // A slow page takes fewer rounds within the budget, but never fewer than 30.
    if (round >= 30 && Date.now() - started > budgetMs) break;
    for (let i = 0; i < works.length; i++) samples[i].push(await time(works[i]));
  }
  return samples;
}

/** The q-quantile (0 < q ≤ 1) by the nearest-rank method. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts, non-2xx answers and answers carrying GraphQL errors. */
  failures: number;
}

/**
 * `connections` clients sending the call back to back for `seconds` (after a
 * warm-up of `warmupSeconds` whose numbers are dropped). Answers carrying
 * GraphQL errors count as failures: Apollo answers them with HTTP 200.
 */
export async function loadTest(
  call: GraphQLCall,
  options: { connections: number; seconds: number; warmupSeconds?: number },
): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({
      url: call.url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...call.headers },
      body: call.body,
      connections: options.connections,
      duration,
      timeout: 30,
      verifyBody: (body) => !body.includes('"errors"'),
    });
  if (options.warmupSeconds) await run(options.warmupSeconds);
  const result = await run(options.seconds);
  const requests = result['2xx'] - result.mismatches;
  return {
    requestsPerSecond: requests / result.duration,
    requests,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}

export const ms = (value: number) =>
  `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
export const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')} req/s`;
export const times = (value: number) => `${value.toFixed(2)}×`;
