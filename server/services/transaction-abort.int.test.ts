import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { AbortTransactionSchema } from '@/lib/schemas/transaction';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';
import { abortTransaction } from '@/server/services/transactions';

/**
 * An abort is pinned to the transaction its preview showed: when the producer has another
 * transaction open by the time it is applied, the console refuses and writes nothing. Checked with
 * kcat (what read_committed reads) and kafka-transactions describe-producers.
 */
const run = promisify(execFile);
const local = { ...loadConfig({}).clusters[0]!, requestTimeoutMs: 15_000 };
const topic = `it-txabort-${Date.now().toString(36)}`;
const bootstrap = BOOTSTRAP.split(',')[0]!;
const client = new Kafka({ brokers: BOOTSTRAP.split(','), logLevel: logLevel.NOTHING });
let live: Producer;
let producerId: number;

async function readCommitted(): Promise<string[]> {
  const { stdout } = await run(
    'kcat',
    [
      ...['-C', '-b', BOOTSTRAP, '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q'],
      ...['-X', 'isolation.level=read_committed', '-f', '%s\\n'],
    ],
    { timeout: 30_000 },
  );
  return stdout.split('\n').filter(Boolean);
}

/** kafka-transactions' tab-separated table as rows keyed by its header. */
async function cli(args: string[]): Promise<Record<string, string>[]> {
  const [header, ...rows] = (await kafkaCli('kafka-transactions', ['--bootstrap-server', bootstrap, ...args]))
    .trim()
    .split('\n')
    .map((l) => l.split('\t').map((c) => c.trim()));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/** describe-producers' CurrentTransactionStartOffset of the producer ('None' when none is open). */
async function openStartWithKafkaTools(): Promise<string | undefined> {
  const rows = await cli(['describe-producers', '--topic', topic, '--partition', '0']);
  return rows.find((r) => r.ProducerId === String(producerId))?.CurrentTransactionStartOffset;
}

async function plain(value: string): Promise<void> {
  const producer = client.producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [{ value }] });
  await producer.disconnect();
}

beforeAll(async () => {
  await createTopic(local, { name: topic, partitions: 1, replicationFactor: 1, configs: {} });
  live = client.producer({ transactionalId: `${topic}-live`, idempotent: true, maxInFlightRequests: 1 });
  await live.connect();
}, 120_000);

afterAll(async () => {
  await live.disconnect().catch(() => undefined);
  await deleteTopic(local, topic).catch(() => undefined);
  await disconnectAll();
});

describe('abort', () => {
  it('applying needs the previewed transaction', () => {
    const base = { topic, partition: 0, producerId: 1 };
    expect(AbortTransactionSchema.safeParse({ ...base, dryRun: true }).success).toBe(true);
    expect(AbortTransactionSchema.safeParse({ ...base, dryRun: false }).success).toBe(false);
    expect(
      AbortTransactionSchema.safeParse({ ...base, producerEpoch: 0, startOffset: 3, dryRun: false }).success,
    ).toBe(true);
  });

  it('refuses (409) when another transaction of the producer is open than the one previewed, and writes nothing', async () => {
    // before 0; the previewed transaction: one 1, then the producer aborts it itself (marker 2).
    await plain('before');
    const first = await live.transaction();
    await first.send({ topic, messages: [{ value: 'one' }] });
    const [described] = await cli(['describe', '--transactional-id', `${topic}-live`]);
    producerId = Number(described!.ProducerId);
    const preview = await abortTransaction(local, { topic, partition: 0, producerId, dryRun: true });
    expect(preview).toMatchObject({ applied: false, startOffset: 1, before: { lastStableOffset: 1 } });
    await first.abort();
    // The producer's next transaction: two 3, then after 4 (not transactional), held back behind it.
    const second = await live.transaction();
    await second.send({ topic, messages: [{ value: 'two' }] });
    await plain('after');
    expect(await readCommitted()).toEqual(['before']);
    expect(await openStartWithKafkaTools()).toBe('3');

    const pinned = {
      topic,
      partition: 0,
      producerId,
      producerEpoch: preview.producerEpoch,
      startOffset: preview.startOffset,
      coordinatorEpoch: preview.coordinatorEpoch,
    };
    await expect(abortTransaction(local, { ...pinned, dryRun: false })).rejects.toMatchObject({
      code: 'conflict',
      status: 409,
      message: expect.stringContaining('is not the one previewed'),
    });
    // Nothing was aborted: the open transaction still holds the last stable offset at 3.
    expect(await openStartWithKafkaTools()).toBe('3');
    expect(await readCommitted()).toEqual(['before']);

    // The transaction open now, previewed, but with another epoch: refused too.
    const again = await abortTransaction(local, { topic, partition: 0, producerId, dryRun: true });
    expect(again).toMatchObject({ startOffset: 3, before: { lastStableOffset: 3, highWatermark: 5 } });
    await expect(
      abortTransaction(local, {
        ...pinned,
        producerEpoch: again.producerEpoch + 1,
        startOffset: again.startOffset,
        coordinatorEpoch: again.coordinatorEpoch,
        dryRun: false,
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('producer epoch') });
    expect(await openStartWithKafkaTools()).toBe('3');

    // Pinned to what is open now, it aborts: the marker takes offset 5 and read_committed reads on.
    const applied = await abortTransaction(local, {
      ...pinned,
      producerEpoch: again.producerEpoch,
      startOffset: again.startOffset,
      coordinatorEpoch: again.coordinatorEpoch,
      dryRun: false,
    });
    expect(applied).toMatchObject({ applied: true, after: { lastStableOffset: 6, highWatermark: 6 } });
    expect(await openStartWithKafkaTools()).toBe('None');
    expect(await readCommitted()).toEqual(['before', 'after']);
  });
});
