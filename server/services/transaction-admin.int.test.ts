import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHangingTransaction, type HangingTransaction } from '@/dev/kafka/hanging-transaction';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { writeTransactions } from '@/dev/kafka/transactions';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';
import {
  abortTransaction,
  findHanging,
  listTransactions,
  topicProducers,
  transactionDetail,
} from '@/server/services/transactions';

const local = { ...loadConfig({}).clusters[0]!, requestTimeoutMs: 15_000 };
const prefix = `it-txadmin-${Date.now().toString(36)}`;
const committedTopic = `${prefix}-c`;
const hangingTopic = `${prefix}-h`;
const bootstrap = BOOTSTRAP.split(',')[0]!;
let hanging: HangingTransaction;

/** kafka-transactions' tab-separated table as rows of cells. */
const table = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => l.split('\t').map((c) => c.trim()));

beforeAll(async () => {
  await createTopic(local, { name: committedTopic, partitions: 1, replicationFactor: 1, configs: {} });
  await createTopic(local, { name: hangingTopic, partitions: 1, replicationFactor: 1, configs: {} });
  await writeTransactions(committedTopic, [[['a', 'b'], 'commit']]);
  hanging = await writeHangingTransaction(hangingTopic, 0, ['stuck-1', 'stuck-2']);
}, 120_000);

afterAll(async () => {
  await deleteTopic(local, committedTopic).catch(() => undefined);
  await deleteTopic(local, hangingTopic).catch(() => undefined);
  await disconnectAll();
});

describe('transactions', () => {
  it('lists and describes transactional ids as kafka-transactions does', async () => {
    const id = `${committedTopic}-producer`;
    const list = await listTransactions(local, { q: prefix, page: 1, pageSize: 50 });
    const mine = list.items.find((t) => t.transactionalId === id);
    expect(mine).toMatchObject({ state: 'CompleteCommit', timeoutMs: expect.any(Number) });
    const cli = table(await kafkaCli('kafka-transactions', ['--bootstrap-server', bootstrap, 'list']));
    const header = cli[0]!;
    const row = cli.find((r) => r[header.indexOf('TransactionalId')] === id)!;
    expect(Number(row[header.indexOf('ProducerId')])).toBe(mine!.producerId);
    expect(Number(row[header.indexOf('Coordinator')])).toBe(mine!.coordinator);
    expect(row[header.indexOf('TransactionState')]).toBe(mine!.state);

    const detail = await transactionDetail(local, id);
    const described = table(
      await kafkaCli('kafka-transactions', [
        '--bootstrap-server',
        bootstrap,
        'describe',
        '--transactional-id',
        id,
      ]),
    );
    const h = described[0]!;
    expect(Number(described[1]![h.indexOf('ProducerEpoch')])).toBe(detail.producerEpoch);
    expect(Number(described[1]![h.indexOf('TransactionTimeoutMs')])).toBe(detail.timeoutMs);
    const onlyOngoing = await listTransactions(local, { q: prefix, state: 'Ongoing', page: 1, pageSize: 50 });
    expect(onlyOngoing.items.find((t) => t.transactionalId === id)).toBeUndefined();
  });

  it('shows the active producers of a partition as describe-producers does', async () => {
    const [p0] = await topicProducers(local, hangingTopic);
    expect(p0!.producers).toEqual([
      expect.objectContaining({ producerId: hanging.producerId, currentTxnStartOffset: hanging.startOffset }),
    ]);
    const cli = table(
      await kafkaCli('kafka-transactions', [
        '--bootstrap-server',
        bootstrap,
        'describe-producers',
        '--topic',
        hangingTopic,
        '--partition',
        '0',
      ]),
    );
    const h = cli[0]!;
    expect(Number(cli[1]![h.indexOf('ProducerId')])).toBe(hanging.producerId);
    expect(Number(cli[1]![h.indexOf('LastSequence')])).toBe(p0!.producers[0]!.lastSequence);
    expect(Number(cli[1]![h.indexOf('CurrentTransactionStartOffset')])).toBe(hanging.startOffset);
  });

  it('finds the hanging transaction and aborts it, after which the last stable offset reaches the end', async () => {
    // Not older than the brokers' max time-out (15 min) yet: not reported by default.
    expect((await findHanging(local, { topic: hangingTopic })).items).toEqual([]);
    await new Promise((r) => setTimeout(r, 1_100));
    const found = await findHanging(local, { topic: hangingTopic, olderThanMs: 1_000 });
    expect(found.items).toEqual([
      expect.objectContaining({
        topic: hangingTopic,
        partition: 0,
        producerId: hanging.producerId,
        startOffset: hanging.startOffset,
        reason: 'unknown_producer',
      }),
    ]);
    const byBroker = await findHanging(local, { brokerId: hanging.leader, olderThanMs: 1_000 });
    expect(byBroker.items.map((h) => h.topic)).toContain(hangingTopic);

    const preview = await abortTransaction(local, {
      topic: hangingTopic,
      partition: 0,
      producerId: hanging.producerId,
      dryRun: true,
    });
    expect(preview).toMatchObject({
      applied: false,
      before: { lastStableOffset: 0, highWatermark: 2 },
      after: null,
    });
    expect((await topicProducers(local, hangingTopic))[0]!.producers[0]!.currentTxnStartOffset).toBe(0);

    // Applied as previewed: the same producer epoch, start offset and coordinator epoch.
    const applied = await abortTransaction(local, {
      topic: hangingTopic,
      partition: 0,
      producerId: hanging.producerId,
      producerEpoch: preview.producerEpoch,
      startOffset: preview.startOffset,
      coordinatorEpoch: preview.coordinatorEpoch,
      dryRun: false,
    });
    // The ABORT marker takes offset 2: the log ends at 3 and read_committed reads to the end.
    expect(applied).toMatchObject({ applied: true, after: { lastStableOffset: 3, highWatermark: 3 } });
    expect((await topicProducers(local, hangingTopic))[0]!.producers[0]!.currentTxnStartOffset).toBeNull();
    expect((await findHanging(local, { topic: hangingTopic, olderThanMs: 0 })).items).toEqual([]);
    await expect(
      abortTransaction(local, {
        topic: hangingTopic,
        partition: 0,
        producerId: hanging.producerId,
        dryRun: true,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});
