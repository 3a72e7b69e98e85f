import 'server-only';

interface Entry {
  value: Promise<unknown>;
  expires: number;
}

const store = globalThis as unknown as { __kafkascopeCache?: Map<string, Entry> };
const entries = () => (store.__kafkascopeCache ??= new Map());

/**
 * Short-lived, shared answers: concurrent requests for the same key wait on one Kafka round-trip,
 * and pages polling every few seconds reuse it. Failures are not kept.
 */
export function cached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries().get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const value = load();
  entries().set(key, { value, expires: now + ttlMs });
  value.catch(() => {
    if (entries().get(key)?.value === value) entries().delete(key);
  });
  return value;
}

/** Drops every entry whose key starts with `prefix` (e.g. after a topic was created). */
export function invalidate(prefix: string): void {
  for (const key of entries().keys()) if (key.startsWith(prefix)) entries().delete(key);
}
