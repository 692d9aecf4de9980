// Run by Playwright's webServer before the browser tests: the API built into
// the run's private folder (as `npm run build` does, leaving dist/ alone) and
// the console built if its sources changed. The command then execs the API.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const runDir = process.env.BROWSER_RUN_DIR;
if (!runDir) throw new Error('BROWSER_RUN_DIR is not set (playwright.config.ts sets it)');

// Folders of earlier runs whose runner is gone (a run killed before its clean-up).
const tmp = join(ROOT, '.tmp');
for (const name of existsSync(tmp) ? readdirSync(tmp) : []) {
  const match = /^browser-(\d+)$/.exec(name);
  if (!match || join(tmp, name) === runDir) continue;
  try {
    process.kill(Number(match[1]), 0);
  } catch {
    rmSync(join(tmp, name), { recursive: true, force: true });
  }
}

rmSync(runDir, { recursive: true, force: true });
const swc = join(ROOT, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');
execFileSync(process.execPath, [swc, 'apps/api', 'apps/worker', 'libs', '-d', runDir, '--copy-files', '--quiet'], {
  cwd: ROOT,
  stdio: 'inherit',
});
execFileSync(process.execPath, [join(ROOT, 'apps', 'web', 'scripts', 'build-if-stale.mjs')], {
  cwd: ROOT,
  stdio: 'inherit',
});
