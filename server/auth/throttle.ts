import 'server-only';

/**
 * Slows down password guessing. Three limits, all in memory (a restart forgets them), bounded:
 * - per user name and address: after 5 failures each further attempt must wait twice as long as the
 *   last (1 s, 2 s, … up to 5 minutes; the first wait is KAFKASCOPE_SIGNIN_BACKOFF_SECONDS); a success
 *   resets it;
 * - per user name from any address: the same after 20 failures, so rotating addresses does not help;
 * - a cap on password checks running at once (each costs ~0.1 s of CPU and 32 MiB), so a flood of
 *   sign-ins cannot starve the console.
 * An attempt is counted as a failure before its password is checked and forgiven when it succeeds:
 * parallel guesses are each counted, not all let through while the first ones are still hashing.
 */
const FREE_FAILURES_PER_ADDRESS = 5;
const FREE_FAILURES_PER_USER = 20;
const MAX_DELAY_MS = 5 * 60_000;
const DEFAULT_BACKOFF_SECONDS = 1;

export class ThrottleConfigError extends Error {}

/** The first wait after the free failures, from KAFKASCOPE_SIGNIN_BACKOFF_SECONDS (1 to 300). */
export function backoffBaseMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.KAFKASCOPE_SIGNIN_BACKOFF_SECONDS;
  if (raw === undefined || raw === '') return DEFAULT_BACKOFF_SECONDS * 1_000;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 300)
    throw new ThrottleConfigError(
      'KAFKASCOPE_SIGNIN_BACKOFF_SECONDS: expected a whole number of seconds from 1 to 300',
    );
  return seconds * 1_000;
}
const MAX_ENTRIES = 10_000;
export const MAX_CONCURRENT_CHECKS = 8;

interface Entry {
  failures: number;
  blockedUntil: number;
}
const entries = new Map<string, Entry>();
let checksRunning = 0;

const addressKey = (username: string, address: string) => `a\u0000${username.toLowerCase()}\u0000${address}`;
const userKey = (username: string) => `u\u0000${username.toLowerCase()}`;

function waitFor(key: string, now: number): number {
  const entry = entries.get(key);
  return entry ? Math.max(0, entry.blockedUntil - now) : 0;
}

function fail(key: string, free: number, now: number): void {
  const entry = entries.get(key) ?? { failures: 0, blockedUntil: 0 };
  entry.failures += 1;
  if (entry.failures >= free)
    entry.blockedUntil =
      now + Math.min(MAX_DELAY_MS, backoffBaseMs() * 2 ** Math.min(20, entry.failures - free));
  entries.delete(key);
  entries.set(key, entry);
  // Oldest first in a Map: forget the longest-idle entries rather than grow without bound.
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

/** Milliseconds to wait before this user name (from this address) may try again (0: go ahead). */
export function retryAfterMs(username: string, address: string, now = Date.now()): number {
  return Math.max(waitFor(addressKey(username, address), now), waitFor(userKey(username), now));
}

export function recordFailure(username: string, address: string, now = Date.now()): void {
  fail(addressKey(username, address), FREE_FAILURES_PER_ADDRESS, now);
  fail(userKey(username), FREE_FAILURES_PER_USER, now);
}

/** A success forgets this address's failures for the user name, and the user name's own. */
export function recordSuccess(username: string, address: string): void {
  entries.delete(addressKey(username, address));
  entries.delete(userKey(username));
}

type Attempt =
  | { ok: true; release: () => void }
  | { ok: false; reason: 'blocked'; waitMs: number }
  | { ok: false; reason: 'busy' };

/**
 * Admits one password check, or says why not. An admitted attempt is already counted as a failure;
 * call recordSuccess when the password was right, and release() when the check is over.
 */
export function beginAttempt(username: string, address: string, now = Date.now()): Attempt {
  const waitMs = retryAfterMs(username, address, now);
  if (waitMs > 0) return { ok: false, reason: 'blocked', waitMs };
  if (checksRunning >= MAX_CONCURRENT_CHECKS) return { ok: false, reason: 'busy' };
  checksRunning += 1;
  recordFailure(username, address, now);
  let released = false;
  return {
    ok: true,
    release: () => {
      if (released) return;
      released = true;
      checksRunning -= 1;
    },
  };
}
