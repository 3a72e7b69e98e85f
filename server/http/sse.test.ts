import { describe, expect, it } from 'vitest';
import { ANONYMOUS_ADMIN } from '@/server/auth/session';
import { limitedSseResponse, type SseChannel } from '@/server/http/sse';

const tick = () => new Promise((r) => setTimeout(r, 20));

/** Waits until `done()` holds, for at most 5 s: a loaded machine runs timers late. */
async function until(done: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 5_000; !done() && Date.now() < deadline;) await tick();
}

describe('SSE backpressure', () => {
  it('holds a stream that sends much until the browser reads, and lets it go when the browser leaves', async () => {
    const browser = new AbortController();
    const sent: number[] = [];
    let drainedAfter = -1;
    let channel: SseChannel | undefined;
    // Held to the end: undici follows the given signal through a weak reference, so a Request that
    // was collected would never see the abort.
    const request = new Request('http://console.test/search', { signal: browser.signal });
    const response = await limitedSseResponse(request, ANONYMOUS_ADMIN, async () => async (c) => {
      channel = c;
      // 2 MB in 64 KB events: more than the server keeps unread.
      for (let i = 0; i < 32; i++) {
        c.send('messages', { i, pad: 'x'.repeat(65_536) });
        sent.push(i);
        await c.drained!();
      }
      drainedAfter = sent.length;
      await new Promise<void>((resolve) => c.signal.addEventListener('abort', () => resolve()));
    });

    await until(() => sent.length >= 15);
    await tick();

    // Nobody reads: the stream stopped at about its queue's size (1 MB, 16 events).
    expect(sent.length).toBeGreaterThanOrEqual(15);
    expect(sent.length).toBeLessThan(20);
    const reader = response.body!.getReader();
    let read = 0;
    while (drainedAfter < 0) {
      const { value } = await reader.read();
      read += value?.length ?? 0;
    }
    expect(read).toBeGreaterThan(0);
    expect(drainedAfter).toBe(32);

    browser.abort();
    await until(() => channel!.signal.aborted);
    expect(request.signal.aborted).toBe(true);
    expect(channel!.signal.aborted).toBe(true);
    // A stream that ended waits for nothing.
    await expect(channel!.drained!()).resolves.toBeUndefined();
  });
});
