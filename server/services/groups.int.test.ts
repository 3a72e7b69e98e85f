import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, describeGroupWithKafkaTools, kafkaCli, kcatConsume } from '@/dev/kafka/local-cluster';
import { GroupListSchema } from '@/lib/schemas/group';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll, observeKafkaRequests } from '@/server/kafka';
import { invalidate } from '@/server/services/cache';
import { deleteGroup, deleteGroupTopicOffsets, resetOffsets } from '@/server/services/group-admin';
import { getGroup, listGroups } from '@/server/services/groups';
import { stopSamplers } from '@/server/services/lag-history';
import { createTopic, deleteTopic, purgeTopic } from '@/server/services/topic-admin';

const local = loadConfig({}).clusters[0]!;
const started = Date.now();
const run = started.toString(36);
const topic = `it-groups-${run}`;
const live = `it-live-${run}`; // a kafkajs consumer that stays connected
const stopped = `it-kcat-${run}`; // consumed with kcat, then gone
const kafka = new Kafka({ clientId: 'it-groups', brokers: BOOTSTRAP.split(','), logLevel: logLevel.NOTHING });
const producer = kafka.producer();
let consumer: Consumer;
const fresh = () => invalidate(`${local.id}/`);
const query = { q: run, sort: 'groupId', dir: 'asc', page: 1, pageSize: 50 } as const;

async function produce(count: number) {
  await producer.send({
    topic,
    messages: Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: `v${i}`, partition: i % 3 })),
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 300));
  }
}

beforeAll(async () => {
  await producer.connect();
  await createTopic(local, { name: topic, partitions: 3, replicationFactor: 2, configs: {} });
  await produce(30);
  consumer = kafka.consumer({ groupId: live, heartbeatInterval: 500 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ autoCommitInterval: 100, eachMessage: async () => {} });
  expect(await kcatConsume(stopped, topic, 30)).toHaveLength(30);
  await produce(15); // the kcat group is now 15 behind; the live one catches up
  await waitFor(
    async () => (await describeGroupWithKafkaTools(live)).reduce((s, p) => s + (p.lag ?? 1), 0) === 0,
  );
});

afterAll(async () => {
  await consumer?.disconnect();
  await producer.disconnect();
  await deleteTopic(local, topic).catch(() => undefined);
  for (const g of [live, stopped])
    await kafka
      .admin()
      .deleteGroups([g])
      .catch(() => undefined);
  stopSamplers();
  await disconnectAll();
});

describe('consumer groups against kafka-consumer-groups', () => {
  it('committed offsets, log-end offsets and lag per partition match, for an outside (kcat) group', async () => {
    fresh();
    const [ours, theirs] = await Promise.all([
      getGroup(local, stopped),
      describeGroupWithKafkaTools(stopped),
    ]);
    expect(theirs).toHaveLength(3);
    expect(
      ours.partitions.map((p) => ({
        topic: p.topic,
        partition: p.partition,
        committed: p.committedOffset,
        logEnd: p.logEndOffset,
        lag: p.lag,
      })),
    ).toEqual(
      theirs.map(({ topic: t, partition, committed, logEnd, lag }) => ({
        topic: t,
        partition,
        committed,
        logEnd,
        lag,
      })),
    );
    expect(ours).toMatchObject({ totalLag: 15, members: 0, health: 'stopped', topics: [topic] });
    expect(ours.topicTotals).toMatchObject([{ topic, partitions: 3, totalLag: 15, maxLag: 5 }]);
    expect(ours.topicTotals[0]!.maxTimeLagMs).toBe(Math.max(...ours.partitions.map((p) => p.timeLagMs ?? 0)));
    // Time lag: the 15 unread messages were produced after the 30 read ones, within this test run.
    for (const p of ours.partitions) expect(p.timeLagMs).toEqual(expect.any(Number));
    expect(ours.maxTimeLagMs).toBeGreaterThanOrEqual(0);
    expect(ours.maxTimeLagMs).toBeLessThan(Date.now() - started);
  });

  it('a live group shows its member, who owns which partition, and no lag', async () => {
    fresh();
    const [ours, theirs] = await Promise.all([getGroup(local, live), describeGroupWithKafkaTools(live)]);
    expect(ours).toMatchObject({
      state: 'Stable',
      members: 1,
      totalLag: 0,
      health: 'caught_up',
      protocol: expect.any(String),
    });
    expect(ours.memberList[0]!.assignments).toEqual([{ topic, partitions: [0, 1, 2] }]);
    for (const p of ours.partitions) {
      expect(p.memberId).toBe(theirs.find((t) => t.partition === p.partition)!.consumerId);
      expect(p.committedOffset).toBe(theirs.find((t) => t.partition === p.partition)!.committed);
    }
  });

  it('reads one group for itself: its coordinator alone, whatever the number of groups and brokers', async () => {
    fresh();
    const apis: string[] = [];
    observeKafkaRequests({
      start: ({ api }) => {
        apis.push(api);
        return () => undefined;
      },
    });
    let detail;
    try {
      detail = await getGroup(local, stopped);
    } finally {
      observeKafkaRequests({ start: () => () => undefined });
    }
    expect(detail.totalLag).toBe(15);
    const sent = (api: string) => apis.filter((a) => a === api).length;
    // The whole-cluster snapshot asks every broker for its groups; one group asks its coordinator.
    expect(sent('ListGroups')).toBe(1);
    expect(sent('OffsetFetch')).toBe(1);
    expect(sent('GroupCoordinator')).toBe(1); // FindCoordinator, as kafkajs names it
    // Then its topic's leaders: at most two ListOffsets per broker (3 here), and no log dirs.
    expect(sent('ListOffsets')).toBeLessThanOrEqual(6);
    expect(sent('DescribeLogDirs')).toBe(0);
  });

  it('the list pages, sorts by lag, describes only the page, and filters by topic', async () => {
    fresh();
    const byLag = await listGroups(local, { ...query, sort: 'totalLag', dir: 'desc' });
    expect(byLag.items.map((g) => g.groupId)).toEqual([stopped, live]);
    expect(byLag.items.map((g) => [g.members, g.totalLag, g.maxLag])).toEqual([
      [0, 15, 5],
      [1, 0, 0],
    ]);
    const page2 = await listGroups(local, { ...query, pageSize: 10, page: 2 });
    expect(page2.items).toEqual([]);
    // The list's answer is what the API schema accepts (coordinator ids are numbers, as Kafka's).
    expect(GroupListSchema.safeParse(byLag).success).toBe(true);
    const forTopic = await listGroups(local, { ...query, q: '', topic });
    expect(forTopic.items.map((g) => g.groupId).sort()).toEqual([live, stopped].sort());
    const elsewhere = await listGroups(local, { ...query, q: '', topic: `${topic}-none` });
    expect(elsewhere.total).toBe(0);
  });

  it('resets offsets with a preview first, and refuses while the group has members', async () => {
    const preview = await resetOffsets(local, stopped, { target: { type: 'earliest' }, dryRun: true });
    expect(preview.applied).toBe(false);
    expect(preview.partitions.map((p) => [p.partition, p.currentOffset, p.newOffset])).toEqual([
      [0, 10, 0],
      [1, 10, 0],
      [2, 10, 0],
    ]);
    expect((await describeGroupWithKafkaTools(stopped)).map((p) => p.committed)).toEqual([10, 10, 10]); // untouched

    const shifted = await resetOffsets(local, stopped, {
      topic,
      partitions: [1],
      target: { type: 'shift', by: -3 },
      dryRun: false,
    });
    expect(shifted.partitions).toEqual([
      expect.objectContaining({ partition: 1, currentOffset: 10, newOffset: 7 }),
    ]);
    const latest = await resetOffsets(local, stopped, {
      topic,
      partitions: [0, 2],
      target: { type: 'latest' },
      dryRun: false,
    });
    expect(latest.applied).toBe(true);
    expect((await describeGroupWithKafkaTools(stopped)).map((p) => p.committed)).toEqual([15, 7, 15]);

    await expect(
      resetOffsets(local, live, { target: { type: 'earliest' }, dryRun: false }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('has 1 active member: stop its consumers'),
    });
    await expect(deleteGroup(local, live)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('flags a group whose committed offset fell below the log start as expired', async () => {
    await resetOffsets(local, stopped, { topic, target: { type: 'offset', offset: 2 }, dryRun: false });
    await purgeTopic(local, topic, { partitions: [{ partition: 0, offset: 8 }] });
    fresh();
    const group = await getGroup(local, stopped);
    expect(group.health).toBe('expired');
    expect(group.expiredPartitions).toBe(1);
    expect(group.partitions.find((p) => p.partition === 0)).toMatchObject({
      committedOffset: 2,
      logStartOffset: 8,
      health: 'expired',
    });
  });

  it('deletes a group’s offsets for a topic, then the group', async () => {
    await deleteGroupTopicOffsets(local, stopped, topic);
    expect(await describeGroupWithKafkaTools(stopped)).toEqual([]);
    await deleteGroup(local, stopped);
    const list = await kafkaCli('kafka-consumer-groups', [
      '--bootstrap-server',
      BOOTSTRAP.split(',')[0]!,
      '--list',
    ]);
    expect(list.split('\n')).not.toContain(stopped);
    fresh();
    await expect(getGroup(local, stopped)).rejects.toMatchObject({ code: 'not_found' });
  });
});
