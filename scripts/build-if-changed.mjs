// Runs `npm run build` unless the production build in .next/ was made from exactly the sources
// there are now: the content of every file the build reads (git-tracked or new, outside the
// directories only tests and tooling use), the lock file and the Node version. The demo starts
// in seconds when nothing changed instead of rebuilding for a minute or more.
//
//   node scripts/build-if-changed.mjs [--force]
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stampFile = path.join(root, '.next', 'kafkascope-build-stamp');
/** Read by tests, benchmarks, docs and tooling only: a change there does not change the build. */
const NOT_BUILT = /^(e2e|test|bench|dev|docs|\.ci|test-results)\/|\.(test|int\.test)\.tsx?$|\.md$/;

function sources() {
  const list = (...args) =>
    execFileSync('git', ['ls-files', '-z', ...args], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
  return [...new Set([...list('--cached'), ...list('--others', '--exclude-standard')])]
    .filter((file) => !NOT_BUILT.test(file) && existsSync(path.join(root, file)))
    .sort();
}

export function buildStamp() {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  for (const file of sources()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

let stamp = null;
try {
  stamp = buildStamp();
} catch {
  // Not a git checkout: nothing to compare with, so build.
}
const built = existsSync(path.join(root, '.next/standalone/server.js'));
const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
if (!process.argv.includes('--force') && built && stamp !== null && stamp === previous) {
  console.log('production build is up to date: skipping next build');
  process.exit(0);
}
const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
if (stamp !== null) writeFileSync(stampFile, `${stamp}\n`);
