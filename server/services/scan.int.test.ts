import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/server/config/clusters';
import type { SseChannel } from '@/server/http/sse';
import { disconnectAll } from '@/server/kafka/registry';
import { produce } from '@/server/services/messages';
import { searchStream, tailStream } from '@/server/services/scan';
import { createTopicChecked, deleteTopicChecked } from '@/server/services/topic-admin';

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
  await createTopicChecked(local, { name: topic, partitions: 3, replicationFactor: 1, configs: {} });
  await send('placed', 200);
  await send('cancelled', 37);
});

afterAll(async () => {
  await deleteTopicChecked(local, topic).catch(() => undefined);
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
