import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Tests run beside a developer's own cluster with KAFKA_PORT_OFFSET: an address written out in a
// spec would talk to the other cluster. They take BOOTSTRAP and BROKER_PORTS from dev/kafka/local-cluster.
const root = path.resolve(import.meta.dirname, '..');

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'screenshots' ? [] : files(file, keep);
    return entry.isFile() && keep(entry.name) ? [file] : [];
  });
}

describe('test suites follow KAFKA_PORT_OFFSET', () => {
  it('no spec, integration test or benchmark names a local broker port', () => {
    const suspects = [
      ...files('e2e', (name) => name.endsWith('.ts')),
      ...files('server', (name) => name.endsWith('.int.test.ts')),
      ...files('bench', (name) => name.endsWith('.ts')),
      'playwright.config.ts',
    ].filter((file) => /127\.0\.0\.1:9[0-3]9[2-4]\b/.test(readFileSync(path.join(root, file), 'utf8')));
    expect(suspects).toEqual([]);
  });
});
