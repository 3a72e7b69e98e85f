import 'server-only';
import { outsideRequestCount } from '@/server/kafka';

interface Entry {
  value: Promise<unknown>;
  expires: number;
}

/** A read kept fresh in the background while it is in use. */
interface LiveEntry {
  value?: unknown;
  /** When the load that produced `value` started: the data is at least this recent. */
  at: number;
  loading: Promise<unknown> | null;
  readAt: number;
  timer: NodeJS.Timeout | null;
  load: () => Promise<unknown>;
  refreshMs: number;
  idleMs: number;
}

const store = globalThis as unknown as {
  __kafkascopeCache?: Map<string, Entry>;
  __kafkascopeLive?: Map<string, LiveEntry>;
};
const entries = () => (store.__kafkascopeCache ??= new Map());
const lives = () => (store.__kafkascopeLive ??= new Map());

/**
 * Short-lived, shared answers: concurrent requests for the same key wait on one Kafka round-trip,
 * and pages polling every few seconds reuse it. Failures are not kept.
 */
export function cached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries().get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const value = load();
  // Keys can be many (page answers past the live ones): expired ones go before the map grows large.
  if (entries().size >= 1_000) for (const [k, e] of entries()) if (e.expires <= now) entries().delete(k);
  entries().set(key, { value, expires: now + ttlMs });
  value.catch(() => {
    if (entries().get(key)?.value === value) entries().delete(key);
  });
  return value;
}

/** Timers run a little late on a busy process: an answer this much past its interval still counts as fresh. */
const GRACE_MS = 500;
const fresh = (entry: LiveEntry, now: number, maxAgeMs = Infinity) =>
  entry.value !== undefined && now - entry.at <= Math.min(entry.refreshMs + GRACE_MS, maxAgeMs);

/** A live read stops refreshing once nobody has read it for this long (pages poll every 5-15 s). */
export const LIVE_IDLE_MS = 30_000;

function refresh(key: string, entry: LiveEntry): Promise<unknown> {
  if (entry.loading) return entry.loading;
  const started = Date.now();
  const loading = entry.load().then(
    (value) => {
      // An invalidation while this load ran leaves its answer out: it may predate the change.
      if (lives().get(key) === entry) {
        entry.value = value;
        entry.at = started;
      }
      return value;
    },
    (error: unknown) => {
      // A read that never answered (a 404, a dead cluster) is not kept refreshing.
      if (entry.value === undefined && lives().get(key) === entry) {
        if (entry.timer) clearInterval(entry.timer);
        lives().delete(key);
      }
      throw error;
    },
  );
  entry.loading = loading;
  loading.then(
    () => (entry.loading = null),
    () => (entry.loading = null),
  );
  return loading;
}

function keepRefreshing(key: string, entry: LiveEntry): void {
  if (entry.timer) return;
  // The refreshes are nobody's request: they must not be counted into the one that started them.
  entry.timer = outsideRequestCount(() =>
    setInterval(() => {
      if (lives().get(key) !== entry || Date.now() - entry.readAt > entry.idleMs) {
        clearInterval(entry.timer!);
        entry.timer = null;
        return;
      }
      // A read that wanted a younger answer than the interval gives may have refreshed it just now.
      if (Date.now() - entry.at < entry.refreshMs / 2) return;
      refresh(key, entry).catch(() => undefined); // a failed refresh lets the answer age until reads wait
    }, entry.refreshMs),
  );
  entry.timer.unref();
}

/**
 * A cluster-wide read that every page shares, kept fresh in the background every `refreshMs` while
 * someone reads it (and for LIVE_IDLE_MS after), so that a read takes no Kafka round-trip. No answer
 * older than `refreshMs` (plus GRACE_MS) is served: a read that comes while such an answer is being
 * refreshed waits for that refresh, and when refreshes fail (a dead cluster) it waits for a load of
 * its own and gets its error, so the cluster shows as down. `keepAlive: false` reads without keeping
 * the refresh going (a background sampler); `maxAgeMs` asks for a younger answer than the interval
 * gives (a page answer kept live on top of this one, so that the two ages do not add up).
 */
export function live<T>(
  key: string,
  refreshMs: number,
  load: () => Promise<T>,
  options: { keepAlive?: boolean; idleMs?: number; maxAgeMs?: number } = {},
): Promise<T> {
  const now = Date.now();
  let entry = lives().get(key);
  if (!entry) {
    const idleMs = options.idleMs ?? LIVE_IDLE_MS;
    entry = { at: 0, loading: null, readAt: 0, timer: null, load, refreshMs, idleMs };
    lives().set(key, entry);
  }
  entry.load = load;
  if (options.keepAlive !== false) {
    entry.readAt = now;
    keepRefreshing(key, entry);
  }
  if (fresh(entry, now, options.maxAgeMs)) return Promise.resolve(entry.value as T);
  return refresh(key, entry) as Promise<T>;
}

/** How many live reads under `prefix` are kept now. */
export function liveCount(prefix: string): number {
  let count = 0;
  for (const key of lives().keys()) if (key.startsWith(prefix)) count += 1;
  return count;
}

/** Dropped once unread for this long: a page that polls every 5-10 s keeps its answer live. */
const VIEW_IDLE_MS = 20_000;
/** At most this many answers per prefix are kept live; past that, reads share a 2 s answer. */
const MAX_LIVE_VIEWS = 50;

/**
 * One page's answer (a group, a topic, a page of groups), kept live like the cluster-wide reads while
 * it is polled, so that its polls cost nothing; at most MAX_LIVE_VIEWS under `prefix`, so that many
 * distinct requests (a script, a filter typed letter by letter) cannot multiply the refreshes.
 */
export function liveView<T>(
  prefix: string,
  name: string,
  refreshMs: number,
  load: () => Promise<T>,
): Promise<T> {
  const key = `${prefix}${name}`;
  if (!lives().has(key) && liveCount(prefix) >= MAX_LIVE_VIEWS) return cached(key, 2_000, load);
  return live(key, refreshMs, load, { idleMs: VIEW_IDLE_MS });
}

/** The answer of a live read if it is fresh, without loading or keeping it refreshed; else undefined. */
export function peekLive<T>(key: string): T | undefined {
  const entry = lives().get(key);
  if (!entry || !fresh(entry, Date.now())) return undefined;
  return entry.value as T;
}

/** Drops every entry whose key starts with `prefix` (e.g. after a topic was created). */
export function invalidate(prefix: string): void {
  for (const key of entries().keys()) if (key.startsWith(prefix)) entries().delete(key);
  for (const [key, entry] of lives()) {
    if (!key.startsWith(prefix)) continue;
    if (entry.timer) clearInterval(entry.timer);
    lives().delete(key);
  }
}
