// `npm start` builds the console only when its sources changed since the last
// build: a SHA-256 over every source file (and the lockfile, for dependency
// versions) is kept in dist/.build-stamp next to the build it describes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = join(WEB, '..', '..');
const DIST = join(WEB, 'dist');
const STAMP = join(DIST, '.build-stamp');
const INPUTS = ['src', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];

function sourceHash() {
  const hash = createHash('sha256');
  const add = (path) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    hash.update(relative(WEB, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const input of INPUTS) if (existsSync(join(WEB, input))) add(join(WEB, input));
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  return hash.digest('hex');
}

const started = Date.now();
const current = sourceHash();
const built = existsSync(STAMP) && existsSync(join(DIST, 'index.html')) ? readFileSync(STAMP, 'utf8') : undefined;
if (built === current) {
  console.log(`console: build is current (${Date.now() - started} ms)`);
} else {
  console.log('console: sources changed since the last build, building…');
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: WEB,
      stdio: 'inherit',
    },
  );
  writeFileSync(STAMP, current);
  console.log(`console: built in ${Date.now() - started} ms`);
}
