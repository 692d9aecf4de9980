import Module from 'node:module';
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { Pool } from 'pg';

/**
 * The bench's peer: PostGraphile 4 serving the bench database's `public`
 * schema (with the page functions of ./schema.ts) over HTTP, in a process of
 * its own like the API, started by the bench runner (`{ type: 'listening',
 * port }` over IPC once up). NODE_ENV=production, no GraphiQL, no query log,
 * a pool of 20 with jit off (as the API's).
 *
 * PostGraphile 4 is built against graphql 15; the app uses 16, so npm nests
 * graphql 15 under postgraphile while some of its own dependencies resolve the
 * root copy. Two copies of graphql in one schema fail ("from another module or
 * realm"), so this process resolves every `graphql` import to PostGraphile's.
 */
const postgraphileRoot = dirname(require.resolve('postgraphile/package.json'));
const graphqlRoot = dirname(require.resolve('graphql/package.json', { paths: [postgraphileRoot] }));
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = resolver._resolveFilename;
resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  const pinned =
    request === 'graphql' || request.startsWith('graphql/') ? graphqlRoot + request.slice('graphql'.length) : request;
  return resolveFilename.call(this, pinned, ...rest);
};

async function main(): Promise<void> {
  if (!process.send) throw new Error('the peer runs as a child of test/bench/run.ts (IPC channel)');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { postgraphile } = require('postgraphile') as typeof import('postgraphile');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20, options: '-c jit=off' });
  const handler = postgraphile(pool, ['public'], {
    disableDefaultMutations: true,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    disableQueryLog: true,
    graphiql: false,
    watchPg: false,
    retryOnInitFail: false,
    ignoreRBAC: true,
  });
  // PostGraphile's handler is an async (req, res) function; a failure ends that request only.
  const server = createServer((req, res) => {
    handler(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  process.send({ type: 'listening', port });
  process.on('SIGTERM', () => {
    server.close();
    pool
      .end()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
