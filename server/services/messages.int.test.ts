import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CompressionTypes } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Produce } from '@/lib/schemas/message';
import { BOOTSTRAP, dumpBatches, kafkaCli } from '@/dev/kafka/local-cluster';
import { writeTransactions } from '@/dev/kafka/transactions';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { browseMessages, getMessage, produce } from '@/server/services/messages';
import { searchStream } from '@/server/services/scan';
import { alterTopicConfigs, createTopic, deleteTopic } from '@/server/services/topic-admin';
import { getTopic } from '@/server/services/topics';

const exec = promisify(execFile);
const local = loadConfig({}).clusters[0]!;
const topic = `it-messages-${Date.now().toString(36)}`;
const tx = `${topic}-tx`;
const bootstrap = BOOTSTRAP.split(',')[0]!;
const query = { start: 'oldest', limit: 100, maxBytes: 16_384 } as const;
const text = (p: { base64: string | null }) =>
  p.base64 === null ? null : Buffer.from(p.base64, 'base64').toString('utf8');

/** Produces lines "key|value" to one partition with kcat, with a header and a compression codec. */
async function kcatProduce(partition: number, codec: string, lines: string[]) {
  const child = exec('kcat', [
    '-b',
    bootstrap,
    '-P',
    '-t',
    topic,
    '-p',
    String(partition),
    '-z',
    codec,
    '-K',
    '|',
    '-H',
    `codec=${codec}`,
  ]);
  child.child.stdin!.end(lines.join('\n') + '\n');
  await child;
}

async function groupsNow() {
  return (await kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--list']))
    .split('\n')
    .filter(Boolean)
    .sort();
}

// librdkafka sends a batch uncompressed when compressing would not make it smaller: the padding
// makes sure every codec is really used.
const pad = ` ${'padding '.repeat(30)}`;

beforeAll(async () => {
  await createTopic(local, { name: topic, partitions: 5, replicationFactor: 1, configs: {} });
  await kcatProduce(0, 'none', ['k0|plain value', 'k1|{"json":true}']);
  await kcatProduce(1, 'gzip', [`g0|gzipped one${pad}`, `g1|gzipped two${pad}`]);
  await kcatProduce(2, 'snappy', [`s0|snappy one${pad}`, `s1|snappy \u00e9\u00e8 two${pad}`]);
  await kcatProduce(3, 'lz4', [`l0|lz4 one${pad}`, `l1|lz4 two${pad}`]);
  await kcatProduce(4, 'zstd', [`z0|zstd one${pad}`, `z1|zstd two${pad}`]);
});

afterAll(async () => {
  await deleteTopic(local, topic).catch(() => undefined);
  await deleteTopic(local, tx).catch(() => undefined);
  await disconnectAll();
});

describe('browsing messages', () => {
  it('shows exactly the bytes kcat produced, keys and headers included, for none, gzip, snappy, lz4 and zstd', async () => {
    const list = await browseMessages(local, topic, query);
    expect(list.unavailable).toEqual([]);
    const seen = list.messages.map((m) => [
      m.partition,
      m.offset,
      text(m.key),
      text(m.value),
      m.headers.map((h) => `${h.key}=${text(h.value)}`),
      m.compression,
    ]);
    expect(seen.sort()).toEqual(
      [
        [0, 0, 'k0', 'plain value', ['codec=none'], 'none'],
        [0, 1, 'k1', '{"json":true}', ['codec=none'], 'none'],
        [1, 0, 'g0', `gzipped one${pad}`, ['codec=gzip'], 'gzip'],
        [1, 1, 'g1', `gzipped two${pad}`, ['codec=gzip'], 'gzip'],
        [2, 0, 's0', `snappy one${pad}`, ['codec=snappy'], 'snappy'],
        [2, 1, 's1', `snappy \u00e9\u00e8 two${pad}`, ['codec=snappy'], 'snappy'],
        [3, 0, 'l0', `lz4 one${pad}`, ['codec=lz4'], 'lz4'],
        [3, 1, 'l1', `lz4 two${pad}`, ['codec=lz4'], 'lz4'],
        [4, 0, 'z0', `zstd one${pad}`, ['codec=zstd'], 'zstd'],
        [4, 1, 'z1', `zstd two${pad}`, ['codec=zstd'], 'zstd'],
      ].sort(),
    );
    // Kafka's own tool as the oracle: the codec of the batch that holds each message, as the broker
    // stored it (how kcat splits the messages into batches varies, the codec of each does not).
    const stored = await dumpBatches(topic);
    const codecAt = new Map<string, string>();
    for (const b of stored)
      for (let o = b.baseOffset; o <= b.lastOffset; o++) codecAt.set(`${b.partition}/${o}`, b.codec);
    expect(list.messages.map((m) => [m.partition, m.offset, m.compression]).sort()).toEqual(
      list.messages.map((m) => [m.partition, m.offset, codecAt.get(`${m.partition}/${m.offset}`)]).sort(),
    );
    const codecs = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
    for (let p = 0; p < codecs.length; p++) {
      expect(new Set(stored.filter((b) => b.partition === p).map((b) => b.codec))).toEqual(
        new Set([codecs[p]]),
      );
    }
  });

  it('never joins a consumer group nor commits an offset', async () => {
    const before = await groupsNow();
    await browseMessages(local, topic, query);
    await browseMessages(local, topic, { ...query, start: 'newest' });
    await getMessage(local, topic, 1, 1);
    expect(await groupsNow()).toEqual(before);
  });

  it('seeks by offset, newest, and timestamp; limits per page; truncates large values', async () => {
    const fromOffset = await browseMessages(local, topic, {
      ...query,
      partitions: '0',
      start: 'offset',
      offset: 1,
    });
    expect(fromOffset.messages.map((m) => m.offset)).toEqual([1]);
    const newest = await browseMessages(local, topic, { ...query, start: 'newest', limit: 2 });
    expect(newest.messages).toHaveLength(2);
    expect(newest.messages[0]!.timestamp).toBeGreaterThanOrEqual(newest.messages[1]!.timestamp);
    const future = await browseMessages(local, topic, {
      ...query,
      start: 'timestamp',
      timestamp: Date.now() + 60_000,
    });
    expect(future.messages).toEqual([]);
    const small = await browseMessages(local, topic, {
      ...query,
      partitions: '0',
      maxBytes: 64,
      start: 'offset',
      offset: 0,
      limit: 1,
    });
    expect(small.messages[0]!.value).toMatchObject({ size: 11, truncated: false });
    await expect(browseMessages(local, topic, { ...query, partitions: '7' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(browseMessages(local, `${topic}-nope`, query)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('transactions', () => {
  it('steps over transaction markers: browse and search read every record and reach the end', async () => {
    await createTopic(local, { name: tx, partitions: 1, replicationFactor: 1, configs: {} });
    await writeTransactions(
      tx,
      [
        [['a', 'b'], 'commit'],
        [['c'], 'abort'],
        [['d'], 'commit'],
      ],
      CompressionTypes.GZIP,
    );
    // a 0, b 1, marker 2, c 3, marker 4, d 5, marker 6: the high watermark is 7. Reading uncommitted
    // (as the console does, to match its counts), the aborted c is shown too, flagged.
    const list = await browseMessages(local, tx, query);
    expect(list.messages.map((m) => [m.offset, text(m.value), m.compression, m.transaction])).toEqual([
      [0, 'a', 'gzip', 'committed'],
      [1, 'b', 'gzip', 'committed'],
      [3, 'c', 'gzip', 'aborted'],
      [5, 'd', 'gzip', 'committed'],
    ]);
    expect(list.partitions[0]).toMatchObject({ highWatermark: 7, next: 6 });

    const events: { event: string; data: Record<string, unknown> }[] = [];
    const stream = await searchStream(local, tx, { ...query, q: '', filter: '', limit: 1000 });
    await stream({
      send: (event, data) => events.push({ event, data: data as Record<string, unknown> }),
      signal: new AbortController().signal,
      close: () => undefined,
    });
    expect(events.find((e) => e.event === 'done')?.data).toMatchObject({
      reason: 'end',
      scanned: 4,
      matched: 4,
    });
    expect(events.filter((e) => e.event === 'progress').at(-1)?.data.positions).toEqual({ 0: 7 });
  });
});

describe('producing messages', () => {
  it('sends N messages with placeholders and reports each partition and offset, which kcat reads back', async () => {
    const result = await produce(local, topic, {
      partition: 2,
      key: 'order-{{i}}',
      value: '{"n": {{i}}, "id": "{{uuid}}"}',
      valueFormat: 'json',
      headers: [{ key: 'sent-at', value: '{{now}}' }],
      compression: 'gzip',
      acks: -1,
      count: 3,
    });
    expect(result.results).toEqual([
      { partition: 2, offset: 2 },
      { partition: 2, offset: 3 },
      { partition: 2, offset: 4 },
    ]);
    const { stdout } = await exec('kcat', [
      '-b',
      bootstrap,
      '-C',
      '-t',
      topic,
      '-p',
      '2',
      '-o',
      '2',
      '-e',
      '-q',
      '-f',
      '%k %s\\n',
    ]);
    const lines = stdout.trim().split('\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['order-0', 'order-1', 'order-2']);
    expect(JSON.parse(lines[1]!.slice('order-1 '.length))).toMatchObject({
      n: 1,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('produces with every codec, and kcat reads each back', async () => {
    for (const [i, compression] of (['gzip', 'snappy', 'lz4', 'zstd'] as const).entries()) {
      const { results } = await produce(local, topic, {
        partition: i,
        key: compression,
        value: `sent with ${compression}`,
        valueFormat: 'text',
        headers: [],
        compression,
        acks: -1,
        count: 1,
      });
      const { stdout } = await exec('kcat', [
        '-b',
        bootstrap,
        '-C',
        '-t',
        topic,
        '-p',
        String(i),
        '-o',
        String(results[0]!.offset),
        '-c',
        '1',
        '-e',
        '-q',
        '-f',
        '%k=%s\\n',
      ]);
      expect(stdout.trim()).toBe(`${compression}=sent with ${compression}`);
      expect((await getMessage(local, topic, i, results[0]!.offset!)).compression).toBe(compression);
    }
  });

  it('keeps producing after a topic it sent to was deleted elsewhere', async () => {
    const doomed = `${topic}-doomed`;
    await createTopic(local, { name: doomed, partitions: 1, replicationFactor: 1, configs: {} });
    const once: Produce = {
      key: null,
      value: 'x',
      valueFormat: 'text',
      headers: [],
      compression: 'none',
      acks: -1,
      count: 1,
    };
    await produce(local, doomed, once);
    await kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', doomed]);
    const { results } = await produce(local, topic, { ...once, partition: 0 });
    expect(results[0]!.offset).toEqual(expect.any(Number));
  });

  it('places keyed messages where the Java client would, and the reported offsets hold them', async () => {
    const result = await produce(local, topic, {
      key: 'same-key',
      value: 'x',
      valueFormat: 'text',
      headers: [],
      compression: 'snappy',
      acks: -1,
      count: 2,
    });
    const [a, b] = result.results;
    expect(a!.partition).toBe(b!.partition);
    const read = await getMessage(local, topic, a!.partition, a!.offset!);
    expect(text(read.key)).toBe('same-key');
  });

  it('refuses bad input with a 4xx and sends nothing', async () => {
    const before = (await getTopic(local, topic)).messages;
    await expect(
      produce(local, topic, {
        key: null,
        value: '{not json',
        valueFormat: 'json',
        headers: [],
        compression: 'none',
        acks: -1,
        count: 2,
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('not valid JSON'),
    });
    await alterTopicConfigs(local, topic, { set: { 'max.message.bytes': '1000' }, reset: [] });
    await expect(
      produce(local, topic, {
        key: null,
        value: 'x'.repeat(5000),
        valueFormat: 'text',
        headers: [],
        compression: 'none',
        acks: -1,
        count: 1,
      }),
    ).rejects.toMatchObject({
      // The gateway's refusal, a 400 once server/http maps it.
      kind: 'invalid',
      message: expect.stringContaining('max.message.bytes (1000)'),
    });
    await expect(
      produce(local, `${topic}-missing`, {
        key: null,
        value: 'x',
        valueFormat: 'text',
        headers: [],
        compression: 'none',
        acks: -1,
        count: 1,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      produce(local, topic, {
        partition: 9,
        key: null,
        value: 'x',
        valueFormat: 'text',
        headers: [],
        compression: 'none',
        acks: -1,
        count: 1,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await getTopic(local, topic)).messages).toBe(before);
  });
});
