import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';

/**
 * The console in a real browser (Debian's Chromium) against the real API: the
 * API as `npm start` runs it — built, embedded PostgreSQL in a fresh data
 * folder, demo data seeded, the worker in process — on a free port.
 *
 * No Chromium: the suite is skipped with a loud line, except under CI=true,
 * where that is a failure. With DATABASE_URL set (CI's second, scaled run) it
 * is skipped too: the browser tests belong to the embedded default.
 */
const ROOT = join(__dirname, '..', '..');
const chromium = findChromium();
const isCI = process.env.CI === 'true' || process.env.CI === '1';

let skipReason: string | undefined;
if (!chromium) {
  const message = 'Chromium not found: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH)';
  if (isCI) throw new Error(`browser tests: ${message}`);
  skipReason = message;
} else if (process.env.DATABASE_URL) {
  skipReason = 'DATABASE_URL is set: the browser tests run on the embedded default (`npm test` without it)';
}
if (skipReason) process.env.BROWSER_SKIP_REASON = skipReason;
if (skipReason && !process.env.BROWSER_SKIP_ANNOUNCED) {
  process.env.BROWSER_SKIP_ANNOUNCED = '1';
  const bar = '!'.repeat(100);
  console.log(`\n${bar}\n!! BROWSER TESTS SKIPPED — ${skipReason}\n${bar}\n`);
}

// Chosen once by the runner; its workers and the web server inherit them.
process.env.BROWSER_TEST_PORT ||= String(20_000 + Math.floor(Math.random() * 20_000));
process.env.BROWSER_RUN_DIR ||= join(ROOT, '.tmp', `browser-${process.pid}`);
const port = Number(process.env.BROWSER_TEST_PORT);
const runDir = process.env.BROWSER_RUN_DIR;

export default defineConfig({
  testDir: __dirname,
  // `npm run bench:console` runs the *.bench.ts measurements instead (never part of `npm test`).
  // Skipped: one placeholder test, reported as skipped with the reason (a run with no test at all is an error).
  testMatch: skipReason ? 'support/skip-notice.ts' : process.env.BROWSER_BENCH ? '**/*.bench.ts' : '**/*.spec.ts',
  outputDir: join(ROOT, '.tmp', 'browser-results'),
  // One browser at a time: CI has two cores and the API shares them.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  forbidOnly: isCI,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    viewport: { width: 1366, height: 768 },
    // A control that never appears fails the step, not the whole test's time budget.
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromium, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: skipReason
    ? undefined
    : {
        command: `node test/browser/support/prepare-api.mjs && exec node "${runDir}/apps/api/src/main.js"`,
        cwd: ROOT,
        url: `http://127.0.0.1:${port}/health/ready`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
        env: {
          NODE_ENV: 'development',
          HOST: '127.0.0.1',
          PORT: String(port),
          DATA_DIR: join(runDir, 'data'),
          DATABASE_URL: '',
          REDIS_URL: '',
          LOG_LEVEL: 'warn',
          // Every test signs in from 127.0.0.1: the per-address limit would stop the suite,
          // the per-account one (tested) stays at its default.
          LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '10000',
        },
      },
});
