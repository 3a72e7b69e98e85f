import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/server/config/clusters';
import type { Session } from '@/server/auth/session';
import { errorResponse } from '@/server/http/handler';
import { limitedSseResponse, type SseChannel } from '@/server/http/sse';
import { runningStreams } from '@/server/http/stream-slots';
import { disconnectAll } from '@/server/kafka';
import { produce } from '@/server/services/messages';
import { searchStream, tailStream } from '@/server/services/scan';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';

const local = loadConfig({}).clusters[0]!;
const topic = `it-scan-${Date.now().toString(36)}`;
const base = { q: '', filter: '', limit: 1000, maxBytes: 16_384, start: 'oldest' } as const;

/** Collects the events a stream sends, the way the browser's EventSource would receive them. */
function collector() {
  const controller = new AbortController();
  const events: { event: string; data: Record<string, unknown> }[] = [];
  const channel: SseChannel = {
    send: (event, data) => events.push({ event, data: data as Record<string, unknown> }),
    signal: controller.signal,
    close: () => controller.abort(),
  };
  const messages = () =>
    events
      .filter((e) => e.event === 'messages')
      .flatMap((e) => e.data.messages as { offset: number; partition: number }[]);
  const done = () => events.find((e) => e.event === 'done')?.data;
  return { channel, events, messages, done, abort: () => controller.abort() };
}

async function send(status: string, count: number) {
  await produce(local, topic, {
    key: 'k{{i}}',
    value: `{"n": {{i}}, "status": "${status}"}`,
    valueFormat: 'json',
    headers: [{ key: 'kind', value: status }],
    compression: 'gzip',
    acks: -1,
    count,
  });
}

beforeAll(async () => {
  await createTopic(local, { name: topic, partitions: 3, replicationFactor: 1, configs: {} });
  await send('placed', 200);
  await send('cancelled', 37);
});

afterAll(async () => {
  await deleteTopic(local, topic).catch(() => undefined);
  await disconnectAll();
});

describe('search', () => {
  it('finds exactly the messages a CEL filter selects, scanning the whole range', async () => {
    const c = collector();
    await (
      await searchStream(local, topic, {
        ...base,
        filter:
          'json.status == "cancelled" && headers["kind"] == "cancelled" && offset >= 0 && timestamp > 1700000000000',
      })
    )(c.channel);
    expect(c.messages()).toHaveLength(37);
    expect(c.done()).toMatchObject({ reason: 'end', scanned: 237, matched: 37 });
    const progress = c.events.filter((e) => e.event === 'progress').at(-1)!.data;
    expect(Object.values(progress.positions as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(237);
  });

  it('text search, a match limit, and partitions', async () => {
    const text = collector();
    await (
      await searchStream(local, topic, { ...base, q: '"n": 7,' })
    )(text.channel);
    expect(text.messages()).toHaveLength(2); // n = 7 in both batches
    const limited = collector();
    await (
      await searchStream(local, topic, { ...base, limit: 10 })
    )(limited.channel);
    expect(limited.messages()).toHaveLength(10);
    expect(limited.done()).toMatchObject({ reason: 'limit' });
    const one = collector();
    await (
      await searchStream(local, topic, { ...base, partitions: '1' })
    )(one.channel);
    expect(new Set(one.messages().map((m) => m.partition))).toEqual(new Set([1]));
  });

  it('refuses a bad filter before streaming, and never evaluates JavaScript', async () => {
    await expect(searchStream(local, topic, { ...base, filter: 'json.status ==' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(searchStream(local, topic, { ...base, filter: 'process.exit(1)' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(searchStream(local, topic, { ...base, filter: 'vaule == "x"' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(searchStream(local, topic, { ...base, filter: 'value' })).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('not true or false'),
    });
    // Reaching for JavaScript internals finds nothing: fields are the message's own keys only.
    const c = collector();
    await (
      await searchStream(local, topic, {
        ...base,
        filter: 'json.constructor.constructor("return process") != null',
      }).catch(() => async () => undefined)
    )(c.channel);
    expect(c.messages()).toEqual([]);
  });

  it('stops when the browser goes away', async () => {
    const c = collector();
    c.abort();
    await (
      await searchStream(local, topic, base)
    )(c.channel);
    expect(c.done()).toBeUndefined();
    expect(c.messages()).toEqual([]);
  });
});

describe('live tail', () => {
  it('streams messages produced after it started, and stops on disconnect', async () => {
    const c = collector();
    const running = (
      await tailStream(local, topic, { q: '', filter: 'json.status == "late"', maxBytes: 16_384 })
    )(c.channel);
    await send('placed', 5);
    await send('late', 4);
    const deadline = Date.now() + 15_000;
    while (c.messages().length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    c.abort();
    await running;
    expect(c.messages()).toHaveLength(4);
  });
});

describe('concurrent streams', () => {
  const user = (username: string): Session => ({
    username,
    role: 'viewer',
    via: 'password',
    expiresAt: null,
  });
  const alice = user('alice');
  const bob = user('bob');
  const tail = () => tailStream(local, topic, { q: '', filter: '', maxBytes: 16_384 });

  /** A tail as the browser opens it: a request whose signal aborts when the page goes away. */
  async function open(session: Session) {
    const browser = new AbortController();
    const request = new Request('http://console.test/tail', { signal: browser.signal });
    try {
      const response = await limitedSseResponse(request, session, tail);
      return { status: response.status, leave: () => browser.abort() };
    } catch (error) {
      const response = errorResponse(error);
      return { status: response.status, body: await response.json(), leave: () => undefined };
    }
  }

  async function until(condition: () => boolean) {
    const deadline = Date.now() + 15_000;
    while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(condition()).toBe(true);
  }

  it('answers 429 past 3 per user and past the console-wide limit, and frees a slot when its stream ends', async () => {
    const opened = [await open(alice), await open(alice), await open(alice)];
    expect(opened.map((o) => o.status)).toEqual([200, 200, 200]);
    const refused = await open(alice);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_requests');
    expect(refused.body.error.message).toMatch(/You have 3 searches and live tails running.*\(3\)/);
    expect(runningStreams(alice)).toBe(3);
    // Another user has slots of their own.
    const bobs = await open(bob);
    expect(bobs.status).toBe(200);

    // The browser leaves: the tail stops and its slot is free again.
    opened[0]!.leave();
    await until(() => runningStreams(alice) === 2);
    const again = await open(alice);
    expect(again.status).toBe(200);

    // A search that reaches its end gives its slot back too, and so does one refused before streaming.
    const search = await limitedSseResponse(new Request('http://console.test/search'), bob, () =>
      searchStream(local, topic, base),
    );
    expect(runningStreams(bob)).toBe(2);
    expect(await search.text()).toContain('event: done');
    await until(() => runningStreams(bob) === 1);
    await expect(
      limitedSseResponse(new Request('http://console.test/search'), bob, () =>
        searchStream(local, topic, { ...base, filter: 'value.matches("(?=x)")' }),
      ),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(runningStreams(bob)).toBe(1);

    // The console-wide bound, set to what runs now.
    process.env.KAFKASCOPE_MAX_STREAMS = String(runningStreams());
    try {
      const carol = await open(user('carol'));
      expect(carol.status).toBe(429);
      expect(carol.body.error.message).toMatch(
        /^\d+ searches and live tails are running, the most this console/,
      );
    } finally {
      delete process.env.KAFKASCOPE_MAX_STREAMS;
    }
    for (const o of [...opened, again, bobs]) o.leave();
    await until(() => runningStreams() === 0);
  });

  it('gives the slot back at once when the client left before the stream opened', async () => {
    // Gone before the handler ran: the request's signal is aborted from the start.
    const gone = new AbortController();
    gone.abort();
    await limitedSseResponse(new Request('http://console.test/tail', { signal: gone.signal }), alice, tail);
    // Gone while the stream was being positioned (the answer had not started).
    const early = new AbortController();
    const opening = limitedSseResponse(
      new Request('http://console.test/tail', { signal: early.signal }),
      alice,
      () => {
        early.abort();
        return tail();
      },
    );
    await opening;
    const deadline = Date.now() + 1_000;
    while (runningStreams(alice) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(runningStreams(alice)).toBe(0);
  });
});
