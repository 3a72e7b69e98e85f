import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { envSecret } from '@/server/config/env-secret';
import path from 'node:path';
import type { StoreSettings } from '@/server/store';

/**
 * Secrets the console keeps in its store (channel URLs with their tokens, SMTP passwords entered in
 * the UI) are sealed with AES-256-GCM, so that a copy of the data directory or a database dump does
 * not give them away. The key comes from KAFKASCOPE_STORE_SECRET (or its _FILE), else from
 * KAFKASCOPE_SESSION_SECRET; with neither, an embedded store makes one beside its file (`store.key`,
 * mode 600), and a PostgreSQL store, which several processes share, keeps no secret at all (each would
 * make its own key): the form says which setting is missing.
 */

export interface Sealer {
  /** Whether this store can keep secrets (a shared store needs a configured key). */
  canSeal: boolean;
  seal(plain: string): string;
  /** The secret, or null when it was sealed with another key (the setting changed). */
  open(sealed: string): string | null;
}

const PREFIX = 'ks1:';
const INFO = 'kafkascope store secrets v1';

type Env = Record<string, string | undefined>;

const secretFrom = (env: Env, name: string) => envSecret(env, name)?.trim() || undefined;

/** The 32-byte key of a store, or null when a shared store has no configured secret. */
export function storeKey(settings: StoreSettings, env: Env = process.env): Buffer | null {
  const configured =
    secretFrom(env, 'KAFKASCOPE_STORE_SECRET') ?? secretFrom(env, 'KAFKASCOPE_SESSION_SECRET');
  if (configured) return Buffer.from(hkdfSync('sha256', configured, 'kafkascope', INFO, 32));
  if (settings.kind !== 'embedded') return null;
  const file = path.join(settings.dataDir, 'store.key');
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process of the same directory wrote it first: read that one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file}: not a store key (32 bytes in base64)`);
  return key;
}

export function sealerOf(key: Buffer | null): Sealer {
  return {
    canSeal: key !== null,
    seal(plain) {
      if (!key) throw new Error('no store secret: see canSeal');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      if (!sealed.startsWith(PREFIX) || !key) return null;
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      if (raw.length < 28) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
