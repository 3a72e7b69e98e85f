import { Kafka, logLevel, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@/lib/schemas/message';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { withRequestCount } from '@/server/kafka';
import { browseMessages, getMessage } from '@/server/services/messages';
import { searchStream } from '@/server/services/scan';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';

const local = loadConfig({}).clusters[0]!;
const topic = `it-tx-states-${Date.now().toString(36)}`;
const kafka = new Kafka({ brokers: BOOTSTRAP.split(','), logLevel: logLevel.NOTHING });
const producers: Producer[] = [];
const query = { start: 'oldest', limit: 100, maxBytes: 256 } as const;
/** Two values larger than half a fetch: a fetch ends after the first, before its transaction's marker. */
const big = 'x'.repeat(700_000);

async function transactional(name: string): Promise<Producer> {
  const producer = kafka.producer({
    transactionalId: `${topic}-${name}`,
    idempotent: true,
    maxInFlightRequests: 1,
    transactionTimeout: 120_000,
  });
  await producer.connect();
  producers.push(producer);
  return producer;
}

const name = (m: Message) =>
  Buffer.from(m.value.base64 ?? '', 'base64')
    .toString('utf8')
    .slice(0, 2);
/** Each message's transaction state by its value's name (a0, b0, …), in offset order. */
const states = (messages: Message[]) =>
  Object.fromEntries([...messages].sort((x, y) => x.offset - y.offset).map((m) => [name(m), m.transaction]));

beforeAll(async () => {
  await createTopic(local, { name: topic, partitions: 1, replicationFactor: 1, configs: {} });
  const a = await transactional('a');
  const [b, c, e, f] = (await Promise.all(['b', 'c', 'e', 'f'].map(transactional))) as [
    Producer,
    Producer,
    Producer,
    Producer,
  ];
  // a0 a1 COMMIT, a2 ABORT.
  let t = await a.transaction();
  await t.send({ topic, messages: [{ value: 'a0' }, { value: 'a1' }] });
  await t.commit();
  t = await a.transaction();
  await t.send({ topic, messages: [{ value: 'a2' }] });
  await t.abort();
  // Interleaved: b0 c0, B's COMMIT, C's ABORT: each marker ends its own producer's records.
  const tb = await b.transaction();
  const tc = await c.transaction();
  await tb.send({ topic, messages: [{ value: 'b0' }] });
  await tc.send({ topic, messages: [{ value: 'c0' }] });
  await tb.commit();
  await tc.abort();
  // p0, outside any transaction.
  const plain = kafka.producer();
  await plain.connect();
  await plain.send({ topic, messages: [{ value: 'p0' }] });
  await plain.disconnect();
  // f0 f1 (one batch each, too large to share a fetch), ABORT.
  const tf = await f.transaction();
  await tf.send({ topic, messages: [{ value: `f0${big}` }] });
  await tf.send({ topic, messages: [{ value: `f1${big}` }] });
  await tf.abort();
  // e0, left open: the last stable offset stays there while the test runs.
  const te = await e.transaction();
  await te.send({ topic, messages: [{ value: 'e0' }] });
}, 60_000);

afterAll(async () => {
  // Disconnecting leaves e's transaction to time out; deleting the topic ends it for good.
  await Promise.all(producers.map((p) => p.disconnect().catch(() => undefined)));
  await deleteTopic(local, topic).catch(() => undefined);
  await disconnectAll();
});

const expected = {
  a0: 'committed',
  a1: 'committed',
  a2: 'aborted',
  b0: 'committed',
  c0: 'aborted',
  p0: null,
  f0: 'aborted',
  f1: 'aborted',
  e0: 'open',
};

/** Offsets by value name, as the first browse found them. */
let offsets: Record<string, number> = {};

describe('transaction states', () => {
  it('browse flags each record as Kafka read_committed consumer decides', async () => {
    // The oracle: what read_committed reads (up to the open transaction of e) is exactly what
    // the console calls committed or not transactional.
    const out = await kafkaCli('kafka-console-consumer', [
      '--bootstrap-server',
      BOOTSTRAP.split(',')[0]!,
      '--topic',
      topic,
      '--from-beginning',
      '--isolation-level',
      'read_committed',
      '--timeout-ms',
      '5000',
      '--property',
      'print.offset=true',
      '--property',
      'print.value=false',
    ]);
    const visible = [...out.matchAll(/Offset:(\d+)/g)].map((m) => Number(m[1]));
    expect(visible).toHaveLength(4);

    const page = await browseMessages(local, topic, query);
    expect(states(page.messages)).toEqual(expected);
    offsets = Object.fromEntries(page.messages.map((m) => [name(m), m.offset]));
    expect(
      page.messages
        .filter((m) => m.transaction === 'committed' || m.transaction === null)
        .map((m) => m.offset),
    ).toEqual(visible);

    const newest = await browseMessages(local, topic, { ...query, start: 'newest', limit: 4 });
    expect(states(newest.messages)).toEqual({ p0: null, f0: 'aborted', f1: 'aborted', e0: 'open' });
  });

  it('a page that ends before its marker reads ahead for it, one Fetch per round', async () => {
    // One record a page, read from its offset.
    const requests: Record<string, number> = {};
    for (const [value, offset] of Object.entries(offsets)) {
      const { result: page, kafkaRequests } = await withRequestCount(() =>
        browseMessages(local, topic, { ...query, start: 'offset', offset, limit: 1 }),
      );
      expect(states(page.messages)).toEqual({ [value]: expected[value as keyof typeof expected] });
      requests[value] = kafkaRequests;
    }
    // A marker in the same fetch costs nothing more (so does a transaction open up to the high
    // watermark); f0's fetch ends before f1, so two reads ahead follow: one brings f1, one the ABORT.
    const { f0, ...others } = requests;
    expect(new Set(Object.values(others)).size).toBe(1);
    expect(f0).toBe(others.p0! + 2);
  });

  it('the single-message view and search flag them the same', async () => {
    for (const value of ['a2', 'f0', 'b0', 'e0', 'p0'] as const)
      expect((await getMessage(local, topic, 0, offsets[value]!)).transaction).toBe(expected[value]);

    const found: Message[] = [];
    const stream = await searchStream(local, topic, { ...query, q: '', filter: '', limit: 1000 });
    await stream({
      send: (event, data) => {
        if (event === 'messages') found.push(...(data as { messages: Message[] }).messages);
      },
      signal: new AbortController().signal,
      close: () => undefined,
    });
    expect(states(found)).toEqual(expected);
  });
});
