import 'server-only';

/**
 * Slows down password guessing: after a few failures for one user name from one address, each further
 * attempt must wait twice as long as the last (up to 5 minutes). In memory, bounded: a restart or a
 * success forgets it.
 */
const FREE_FAILURES = 5;
const MAX_DELAY_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  failures: number;
  blockedUntil: number;
}
const entries = new Map<string, Entry>();

const keyOf = (username: string, ip: string) => `${username.toLowerCase()}\u0000${ip}`;

/** Milliseconds to wait before this user/address may try again (0: go ahead). */
export function retryAfterMs(username: string, ip: string, now = Date.now()): number {
  const entry = entries.get(keyOf(username, ip));
  return entry ? Math.max(0, entry.blockedUntil - now) : 0;
}

export function recordFailure(username: string, ip: string, now = Date.now()): void {
  const key = keyOf(username, ip);
  const entry = entries.get(key) ?? { failures: 0, blockedUntil: 0 };
  entry.failures += 1;
  if (entry.failures >= FREE_FAILURES)
    entry.blockedUntil = now + Math.min(MAX_DELAY_MS, 1_000 * 2 ** (entry.failures - FREE_FAILURES));
  entries.delete(key);
  entries.set(key, entry);
  // Oldest first in a Map: forget the longest-idle entries rather than grow without bound.
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

export function recordSuccess(username: string, ip: string): void {
  entries.delete(keyOf(username, ip));
}
