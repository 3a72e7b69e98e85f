import 'server-only';
import type { Session } from '@/server/auth/session';
import { AppError } from '@/server/http/app-error';
import { metrics } from '@/server/ops/metrics';

/**
 * Searches and live tails hold a Kafka fetch loop and CPU for as long as they run (minutes), all on
 * the server's one thread: each user may run a few at once, and the console a bounded number in
 * all. A stream holds its slot from the request until it ends, whatever ends it.
 */
const DEFAULT_MAX_STREAMS_PER_USER = 3;
const DEFAULT_MAX_STREAMS = 20;

type Env = Record<string, string | undefined>;

export class StreamLimitError extends Error {}

function limit(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new StreamLimitError(`${name}: expected a positive whole number`);
  return value;
}

export function streamLimits(env: Env = process.env): { perUser: number; total: number } {
  return {
    perUser: limit(env, 'KAFKASCOPE_MAX_STREAMS_PER_USER', DEFAULT_MAX_STREAMS_PER_USER),
    total: limit(env, 'KAFKASCOPE_MAX_STREAMS', DEFAULT_MAX_STREAMS),
  };
}

// On globalThis: the search and tail routes are separate bundles in one process and share the count.
const state = globalThis as unknown as {
  __kafkascopeStreams?: { total: number; byUser: Map<string, number> };
};
const streams = (state.__kafkascopeStreams ??= { total: 0, byUser: new Map() });

/**
 * Whose slots a stream counts against. With login off there are no users to tell apart: only the
 * console-wide bound applies.
 */
const owner = (session: Session | null): string | null =>
  session && session.via !== 'none' ? `${session.via}:${session.username}` : null;

/**
 * Takes a slot for `session`, or throws 429 `too_many_requests` saying how many are running.
 * The returned function gives the slot back; calling it again does nothing.
 */
export function acquireStreamSlot(session: Session | null, limits = streamLimits()): () => void {
  const who = owner(session);
  const mine = who === null ? 0 : (streams.byUser.get(who) ?? 0);
  if (who !== null && mine >= limits.perUser)
    throw new AppError(
      'too_many_requests',
      `You have ${mine} searches and live tails running, the most one user may run at once (${limits.perUser}): stop one and try again`,
    );
  if (streams.total >= limits.total)
    throw new AppError(
      'too_many_requests',
      `${streams.total} searches and live tails are running, the most this console runs at once (${limits.total}): try again when one ends`,
    );
  streams.total += 1;
  metrics().streamsRunning.set(streams.total);
  if (who !== null) streams.byUser.set(who, mine + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    streams.total -= 1;
    metrics().streamsRunning.set(streams.total);
    if (who === null) return;
    const left = (streams.byUser.get(who) ?? 1) - 1;
    if (left > 0) streams.byUser.set(who, left);
    else streams.byUser.delete(who);
  };
}

/** Streams running now, for tests and metrics. */
export function runningStreams(session?: Session | null): number {
  if (session === undefined) return streams.total;
  const who = owner(session);
  return who === null ? 0 : (streams.byUser.get(who) ?? 0);
}
