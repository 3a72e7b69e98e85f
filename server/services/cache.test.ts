import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invalidate, live, LIVE_IDLE_MS, liveCount, liveView, peekLive } from '@/server/services/cache';

describe('live reads', () => {
  let loads = 0;
  let fail = false;
  const load = async () => {
    loads += 1;
    if (fail) throw new Error('cluster down');
    return loads;
  };
  beforeEach(() => {
    vi.useFakeTimers();
    loads = 0;
    fail = false;
  });
  afterEach(() => {
    invalidate('t/');
    vi.useRealTimers();
  });

  it('loads once for concurrent first reads, then answers from memory', async () => {
    const [a, b] = await Promise.all([live('t/a', 5_000, load), live('t/a', 5_000, load)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await live('t/a', 5_000, load)).toBe(1);
    expect(loads).toBe(1);
  });

  it('refreshes in the background while read, so the answer is never older than one interval plus a load', async () => {
    await live('t/b', 5_000, load);
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(5_000);
      // Each interval brought a new answer without the read waiting for it.
      expect(await live('t/b', 5_000, load)).toBe(i + 2);
    }
  });

  it('stops refreshing when nobody reads it, and the next read after that waits for Kafka', async () => {
    await live('t/c', 5_000, load);
    await vi.advanceTimersByTimeAsync(LIVE_IDLE_MS + 20_000);
    const during = loads;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(loads).toBe(during); // no more background loads
    expect(peekLive('t/c')).toBeUndefined(); // too old to be shown
    expect(await live('t/c', 5_000, load)).toBe(during + 1);
  });

  it('does not serve an answer older than its interval when refreshes fail: the read gets the error', async () => {
    await live('t/d', 5_000, load);
    fail = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await live('t/d', 5_000, load)).toBe(1); // 5 s old: still served
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(live('t/d', 5_000, load)).rejects.toThrow('cluster down');
  });

  it('a read that comes while an answer one interval old is being refreshed waits for the new one', async () => {
    let release: (v: number) => void = () => undefined;
    let slow = false;
    const maybeSlow = () => (slow ? new Promise<number>((resolve) => (release = resolve)) : load());
    await live('t/h', 5_000, maybeSlow);
    slow = true;
    await vi.advanceTimersByTimeAsync(5_600); // the refresh started at 5 s and has not answered
    const read = live('t/h', 5_000, maybeSlow);
    release(42);
    expect(await read).toBe(42);
  });

  it('reading without keepAlive does not keep the refresh going', async () => {
    await live('t/e', 5_000, load, { keepAlive: false });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(loads).toBe(1);
  });

  it('an invalidation drops the answer, and an answer loading across it is not kept', async () => {
    await live('t/f', 5_000, load, { keepAlive: false });
    let release: (v: number) => void = () => undefined;
    const slow = () => new Promise<number>((resolve) => (release = resolve));
    await vi.advanceTimersByTimeAsync(8_000); // stale: the next read loads
    const pending = live('t/f', 5_000, slow, { keepAlive: false });
    invalidate('t/');
    release(99);
    expect(await pending).toBe(99); // the waiting read gets its answer...
    expect(peekLive('t/f')).toBeUndefined(); // ...but it is not kept for the next
    expect(await live('t/f', 5_000, load)).toBe(loads);
  });

  it('a read that never answered is not kept refreshing', async () => {
    fail = true;
    await expect(live('t/g', 5_000, load)).rejects.toThrow('cluster down');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(loads).toBe(1);
  });

  it('keeps at most 50 page answers live per prefix; past that, reads share a 2 s answer', async () => {
    for (let i = 0; i < 60; i++) await liveView('t/views/', `v${i}`, 5_000, load);
    expect(liveCount('t/views/')).toBe(50);
    const before = loads;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(loads - before).toBe(50); // only the live ones refreshed
    await liveView('t/views/', 'v59', 5_000, load); // a 2 s answer, 5 s old: loaded again
    expect(loads - before).toBe(51);
  });

  it('maxAgeMs: a read that wants a younger answer waits for one, and the next tick does not load again', async () => {
    await live('t/i', 5_000, load);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(await live('t/i', 5_000, load, { maxAgeMs: 1_000 })).toBe(2); // refreshed for this read
    await vi.advanceTimersByTimeAsync(1_000); // the 5 s tick: the answer is 1 s old, not reloaded
    expect(loads).toBe(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(loads).toBe(3);
  });
});
