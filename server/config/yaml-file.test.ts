import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAuthConfig } from '@/server/auth/config';
import { loadConfig } from '@/server/config/clusters';

const SECRET = 'Sup3r-S3cret-Passw0rd';

function configFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kafkascope-yaml-')), 'config.yaml');
  writeFileSync(file, text);
  return file;
}

// A missing space after the colon on line 6 turns the password into a broken mapping.
const broken = configFile(
  [
    'clusters:',
    '  - name: prod',
    '    bootstrapServers: [prod-1:9092]',
    '    sasl:',
    '      mechanism: plain',
    `      password: "${SECRET}" "and more"`,
    '      username: svc',
    '',
  ].join('\n'),
);

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('a YAML syntax error in the config file', () => {
  it('names the file, line and column, never the text of the line (clusters)', () => {
    const message = messageOf(() => loadConfig({ KAFKASCOPE_CONFIG: broken }));
    expect(message).toContain(broken);
    expect(message).toMatch(/is not valid YAML: [A-Z_]+ at line 6, column \d+$/);
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain('and more');
  });

  it('names the file, line and column, never the text of the line (users)', () => {
    const message = messageOf(() => loadAuthConfig({ KAFKASCOPE_CONFIG: broken }));
    expect(message).toMatch(/is not valid YAML: [A-Z_]+ at line 6, column \d+$/);
    expect(message).not.toContain(SECRET);
  });

  it('says that a missing file is missing, by its error code', () => {
    expect(messageOf(() => loadConfig({ KAFKASCOPE_CONFIG: '/nonexistent/k.yaml' }))).toBe(
      'Cannot read config file /nonexistent/k.yaml (ENOENT)',
    );
  });
});
