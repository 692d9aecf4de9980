import { test } from '@playwright/test';

/** What the browser run shows when it cannot run here (no Chromium, or DATABASE_URL set): one skipped test, with the reason. */
test('browser tests', () => {
  test.skip(true, process.env.BROWSER_SKIP_REASON ?? 'skipped');
});
