import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { TransactionListQuerySchema } from '@/lib/schemas/transaction';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll, kafka, withRequestCount } from '@/server/kafka';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';
import { listTransactions } from '@/server/services/transactions';

/**
 * The transactional-id list is paged on the server: ListTransactions on every broker, then only the
 * page's ids described, one DescribeTransactions per coordinator. Checked against kafka-transactions.
 */
const local = { ...loadConfig({}).clusters[0]!, requestTimeoutMs: 15_000 };
const prefix = `it-txlist-${Date.now().toString(36)}`;
const bootstrap = BOOTSTRAP.split(',')[0]!;
const topic = prefix;
const ids = Array.from({ length: 12 }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);
const TIMEOUT_MS = 45_000;
const query = (over: Record<string, unknown>) => TransactionListQuerySchema.parse(over);

/** kafka-transactions' tab-separated table as rows keyed by its header. */
async function cli(args: string[]): Promise<Record<string, string>[]> {
  const [header, ...rows] = (await kafkaCli('kafka-transactions', ['--bootstrap-server', bootstrap, ...args]))
    .trim()
    .split('\n')
    .map((l) => l.split('\t').map((c) => c.trim()));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

beforeAll(async () => {
  await createTopic(local, { name: topic, partitions: 1, replicationFactor: 1, configs: {} });
  // One committed transaction each: the coordinators keep the ids in state CompleteCommit.
  const client = new Kafka({ brokers: BOOTSTRAP.split(','), logLevel: logLevel.NOTHING });
  for (const transactionalId of ids) {
    const producer = client.producer({
      transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      transactionTimeout: TIMEOUT_MS,
    });
    await producer.connect();
    const t = await producer.transaction();
    await t.send({ topic, messages: [{ value: transactionalId }] });
    await t.commit();
    await producer.disconnect();
  }
}, 120_000);

afterAll(async () => {
  await deleteTopic(local, topic).catch(() => undefined);
  await disconnectAll();
});

describe('transactional-id list', () => {
  it('pages the filtered ids on the server; each page row is what kafka-transactions list and describe say', async () => {
    const first = await listTransactions(local, query({ q: prefix, pageSize: 10 }));
    expect(first).toMatchObject({ total: 12, page: 1, pageSize: 10 });
    expect(first.items.map((t) => t.transactionalId)).toEqual(ids.slice(0, 10));
    const second = await listTransactions(local, query({ q: prefix, pageSize: 10, page: 2 }));
    expect(second.total).toBe(12);
    expect(second.items.map((t) => t.transactionalId)).toEqual(ids.slice(10));
    expect((await listTransactions(local, query({ q: prefix, pageSize: 10, page: 3 }))).items).toEqual([]);

    const listed = new Map((await cli(['list'])).map((r) => [r.TransactionalId!, r]));
    for (const t of [...first.items, ...second.items]) {
      const row = listed.get(t.transactionalId)!;
      expect(row, t.transactionalId).toBeDefined();
      expect(t.state).toBe(row.TransactionState);
      expect(t.producerId).toBe(Number(row.ProducerId));
      expect(t.coordinator).toBe(Number(row.Coordinator));
      // Described: only the page's ids are, and each of them is.
      expect(t.timeoutMs).toBe(TIMEOUT_MS);
    }
    const [described] = await cli(['describe', '--transactional-id', ids[11]!]);
    expect(second.items[1]!.producerEpoch).toBe(Number(described!.ProducerEpoch));
    expect(second.items[1]!.timeoutMs).toBe(Number(described!.TransactionTimeoutMs));

    // The state filter is the coordinators' (ListTransactions --state): none of these ids is open.
    const ongoing = await listTransactions(local, query({ q: prefix, state: 'Ongoing' }));
    expect(ongoing).toMatchObject({ total: 0, items: [] });
    const empty = await listTransactions(local, query({ q: prefix, state: 'CompleteCommit' }));
    expect(empty.total).toBe(12);
  });

  it('costs one ListTransactions per broker and one DescribeTransactions per coordinator of the page, however many ids the cluster keeps', async () => {
    const brokers = (await kafka(local).metadata([])).brokers.length;
    // Every id of the cluster (this test's 12 at least), ten on the page.
    await listTransactions(local, query({ pageSize: 10 }));
    const { result, kafkaRequests } = await withRequestCount(() =>
      listTransactions(local, query({ pageSize: 10 })),
    );
    const coordinators = new Set(result.items.map((t) => t.coordinator)).size;
    expect(kafkaRequests).toBe(brokers + coordinators);
    expect(result.items).toHaveLength(10);
    expect(result.total).toBeGreaterThanOrEqual(12);
    // The filtered page costs the same: what grows with the ids is only the cut made in memory.
    const filtered = await withRequestCount(() =>
      listTransactions(local, query({ q: prefix, pageSize: 10 })),
    );
    expect(filtered.kafkaRequests).toBe(
      brokers + new Set(filtered.result.items.map((t) => t.coordinator)).size,
    );
  });
});
