import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A slim machine may lack procps or util-linux: the cluster scripts must say so, not report a
// running node as dead or a start as "node exited".
const script = path.join(import.meta.dirname, 'cluster.sh');
const bin = mkdtempSync(path.join(tmpdir(), 'kafkascope-path-'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

/** A PATH with every command of /usr/bin and /bin except `without`. */
function pathWithout(...without: string[]): string {
  const dir = mkdtempSync(path.join(bin, 'p-'));
  for (const from of ['/usr/bin', '/bin'])
    for (const name of readdirSync(from)) {
      if (without.includes(name)) continue;
      try {
        symlinkSync(path.join(from, name), path.join(dir, name));
      } catch {
        // the same name in both directories
      }
    }
  return dir;
}

describe('local cluster scripts on a machine without the tools they use', () => {
  it.each([
    ['status', ['ps'], /^error: ps not found: .*apt-get install -y procps\)$/m],
    ['start', ['ps', 'setsid'], /^error: ps setsid not found: .*apt-get install -y procps util-linux\)$/m],
  ])('%s without %j names what is missing and the package', (command, missing, message) => {
    const result = spawnSync('bash', [script, command], {
      env: {
        NODE_ENV: 'test',
        PATH: pathWithout(...missing),
        HOME: tmpdir(),
        KAFKA_HOME_DIR: path.join(bin, 'home'),
      },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
  });
});
