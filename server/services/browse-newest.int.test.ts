import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { writeTransactions } from '@/dev/kafka/transactions';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { browseMessages } from '@/server/services/messages';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';

const local = loadConfig({}).clusters[0]!;
const topic = `it-newest-tx-${Date.now().toString(36)}`;
const query = { start: 'newest', limit: 3, maxBytes: 16_384 } as const;
const text = (p: { base64: string | null }) =>
  p.base64 === null ? null : Buffer.from(p.base64, 'base64').toString();

beforeAll(async () => {
  await createTopic(local, { name: topic, partitions: 1, replicationFactor: 1, configs: {} });
  // Four one-record transactions, the third aborted: records at 0, 2, 4, 6, markers at 1, 3, 5, 7.
  await writeTransactions(topic, [
    [['t0'], 'commit'],
    [['t1'], 'commit'],
    [['t2'], 'abort'],
    [['t3'], 'commit'],
  ]);
});

afterAll(async () => {
  await deleteTopic(local, topic).catch(() => undefined);
  await disconnectAll();
});

describe('the newest page of a transactional topic', () => {
  it('holds `limit` records although half the offsets below the high watermark are markers', async () => {
    // The oracle: Kafka's own tool reads 4 records uncommitted, and the log ends at 8.
    const offsets = await kafkaCli('kafka-get-offsets', [
      '--bootstrap-server',
      BOOTSTRAP.split(',')[0]!,
      '--topic',
      topic,
    ]);
    expect(offsets.trim()).toBe(`${topic}:0:8`);

    const page = await browseMessages(local, topic, query);
    expect(page.messages.map((m) => [m.offset, text(m.value)])).toEqual([
      [6, 't3'],
      [4, 't2'],
      [2, 't1'],
    ]);
    expect(page.partitions[0]).toMatchObject({ highWatermark: 8, from: 2, next: 7 });

    const all = await browseMessages(local, topic, { ...query, limit: 10 });
    expect(all.messages.map((m) => m.offset)).toEqual([6, 4, 2, 0]);
  });
});
