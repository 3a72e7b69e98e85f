import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sealerOf, storeKey } from '@/server/store/sealed';

const dir = mkdtempSync(path.join(tmpdir(), 'kafkascope-sealed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const embedded = { kind: 'embedded' as const, dataDir: dir };
const shared = { kind: 'postgres' as const, url: 'postgresql://x@127.0.0.1/db' };

describe('store secrets', () => {
  it('seals so that the text is not in the stored value, and opens it back', () => {
    const sealer = sealerOf(storeKey(embedded, { KAFKASCOPE_STORE_SECRET: 'a'.repeat(40) }));
    const url = 'https://hooks.slack.com/services/T000/B000/very-secret-token';
    const sealed = sealer.seal(url);
    expect(sealed).not.toContain('very-secret-token');
    expect(sealed.startsWith('ks1:')).toBe(true);
    expect(sealer.seal(url)).not.toBe(sealed); // a fresh IV each time
    expect(sealer.open(sealed)).toBe(url);
  });

  it('opens nothing sealed with another key, a tampered value or a plain one', () => {
    const one = sealerOf(storeKey(shared, { KAFKASCOPE_STORE_SECRET: 'one'.repeat(12) }));
    const two = sealerOf(storeKey(shared, { KAFKASCOPE_SESSION_SECRET: 'two'.repeat(12) }));
    const sealed = one.seal('secret');
    expect(two.open(sealed)).toBeNull();
    const raw = Buffer.from(sealed.slice(4), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(one.open(`ks1:${raw.toString('base64')}`)).toBeNull();
    expect(one.open('https://plain.example/token')).toBeNull();
  });

  it('prefers KAFKASCOPE_STORE_SECRET to the session secret', () => {
    const both = {
      KAFKASCOPE_STORE_SECRET: 'store'.repeat(8),
      KAFKASCOPE_SESSION_SECRET: 'session'.repeat(6),
    };
    const sealed = sealerOf(storeKey(shared, both)).seal('x');
    expect(
      sealerOf(storeKey(shared, { KAFKASCOPE_STORE_SECRET: both.KAFKASCOPE_STORE_SECRET })).open(sealed),
    ).toBe('x');
  });

  it('makes one key file for an embedded store with no secret set, mode 600, and reuses it', () => {
    const first = storeKey(embedded, {})!;
    const file = path.join(dir, 'store.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64').equals(first)).toBe(true);
    expect(storeKey(embedded, {})!.equals(first)).toBe(true);
  });

  it('keeps no secret in a shared store without a configured key', () => {
    const sealer = sealerOf(storeKey(shared, {}));
    expect(sealer.canSeal).toBe(false);
    expect(() => sealer.seal('x')).toThrow();
  });
});
