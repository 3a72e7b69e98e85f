import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POSTGRES_PORT, POSTGRES_PORT_OFFSET } from './postgres/local-postgres';
import { REGISTRY_PORT, REGISTRY_PORT_OFFSET } from './schema-registry/local-registry';
import { SMTP_PORT, SMTP_PORT_OFFSET } from './smtp/local-smtp';

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

const suites = () => [
  ...files('e2e', (name) => name.endsWith('.ts')),
  ...files('server', (name) => name.endsWith('.int.test.ts')),
  ...files('dev', (name) => name.endsWith('.int.test.ts')),
  ...files('bench', (name) => name.endsWith('.ts')),
  'playwright.config.ts',
];

describe('test suites follow KAFKA_PORT_OFFSET', () => {
  it('no spec, integration test or benchmark names a local broker port', () => {
    const suspects = suites().filter((file) =>
      /127\.0\.0\.1:9[0-3]9[2-4]\b/.test(readFileSync(path.join(root, file), 'utf8')),
    );
    expect(suspects).toEqual([]);
  });

  it('nor the port of the local PostgreSQL or SMTP receiver (they take it from dev/postgres, dev/smtp)', () => {
    const suspects = suites().filter((file) =>
      /(127\.0\.0\.1|localhost):(5433|2525)\b/.test(readFileSync(path.join(root, file), 'utf8')),
    );
    expect(suspects).toEqual([]);
  });

  // Each server's script and its Node-side handle must agree on the port and the variable moving it.
  it.each([
    ['dev/schema-registry/registry.sh', 'SCHEMA_REGISTRY_PORT_OFFSET', REGISTRY_PORT - REGISTRY_PORT_OFFSET],
    ['dev/postgres/postgres.sh', 'POSTGRES_PORT_OFFSET', POSTGRES_PORT - POSTGRES_PORT_OFFSET],
    ['dev/smtp/smtp.sh', 'SMTP_PORT_OFFSET', SMTP_PORT - SMTP_PORT_OFFSET],
  ])(
    '%s moves its port by %s (else KAFKA_PORT_OFFSET) from %i, as its Node-side handle does',
    (script, variable, base) => {
      const text = readFileSync(path.join(root, script), 'utf8');
      expect(text).toContain(`PORT_OFFSET="\${${variable}:-\${KAFKA_PORT_OFFSET:-0}}"`);
      expect(text).toContain(`PORT=$((${base} + PORT_OFFSET))`);
    },
  );
});
