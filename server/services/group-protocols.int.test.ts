import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, describeGroupWithKafkaTools, kafkaCli } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import { asAppError } from '@/server/http/app-error';
import { disconnectAll, kafka as gateway } from '@/server/kafka';
import { invalidate } from '@/server/services/cache';
import { deleteGroup, resetOffsets } from '@/server/services/group-admin';
import { getGroup, listGroups } from '@/server/services/groups';
import { stopSamplers } from '@/server/services/lag-history';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';

// Groups of the consumer protocol (KIP-848) and share groups (KIP-932), made with Kafka's own console
// clients (kafkajs speaks neither), checked against kafka-consumer-groups and kafka-share-groups.
const local = loadConfig({}).clusters[0]!;
const run = Date.now().toString(36);
const topic = `it-kip848-${run}`;
const group = `it-kip848-${run}`;
const share = `it-share-${run}`;
const bootstrap = BOOTSTRAP.split(',')[0]!;
const cli = path.resolve(__dirname, '../../dev/kafka/kafka-cli.sh');
const kafka = new Kafka({ clientId: 'it-kip848', brokers: BOOTSTRAP.split(','), logLevel: logLevel.NOTHING });
const producer = kafka.producer();
const fresh = () => invalidate(`${local.id}/`);
const started: ChildProcess[] = [];

/** One of Kafka's console clients in its own process group, so that stopping it stops its JVM too. */
function startClient(tool: string, args: string[]): ChildProcess {
  const child = spawn('bash', [cli, tool, '--bootstrap-server', bootstrap, '--topic', topic, ...args], {
    detached: true,
    stdio: 'ignore',
  });
  started.push(child);
  return child;
}

function stopClient(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function produce(count: number) {
  await producer.send({
    topic,
    messages: Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: `v${i}`, partition: i % 3 })),
  });
}

/** kafka-consumer-groups --describe --members --verbose: member id, epoch and assignment per member. */
async function membersWithKafkaTools(id: string) {
  const out = await kafkaCli('kafka-consumer-groups', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--group',
    id,
    '--members',
    '--verbose',
  ]);
  return out
    .split('\n')
    .filter((line) => line.startsWith(`${id} `))
    .map((line) => {
      const [, memberId, , clientId, count, epoch, assignment, targetEpoch] = line.trim().split(/\s+/);
      return { memberId, clientId, partitions: Number(count), epoch: Number(epoch), assignment, targetEpoch };
    });
}

async function stateWithKafkaTools(tool: string, id: string) {
  const out = await kafkaCli(tool, ['--bootstrap-server', bootstrap, '--describe', '--group', id, '--state']);
  const line = out.split('\n').find((l) => l.startsWith(`${id} `)) ?? '';
  const fields = line.trim().split(/\s+/);
  return { state: fields.at(-2), members: Number(fields.at(-1)) };
}

let consumer: ChildProcess;

beforeAll(async () => {
  await producer.connect();
  await createTopic(local, { name: topic, partitions: 3, replicationFactor: 2, configs: {} });
  await produce(30);
  consumer = startClient('kafka-console-consumer', [
    '--group',
    group,
    '--from-beginning',
    '--consumer-property',
    'group.protocol=consumer',
  ]);
  await waitFor(async () => {
    const parts = await describeGroupWithKafkaTools(group);
    return parts.length === 3 && parts.every((p) => p.consumerId && p.lag === 0);
  });
});

afterAll(async () => {
  for (const child of started) stopClient(child);
  await producer.disconnect();
  await deleteTopic(local, topic).catch(() => undefined);
  await kafka
    .admin()
    .deleteGroups([group])
    .catch(() => undefined);
  await kafkaCli('kafka-share-groups', ['--bootstrap-server', bootstrap, '--delete', '--group', share]).catch(
    () => undefined,
  );
  stopSamplers();
  await disconnectAll();
});

describe('consumer-protocol groups (KIP-848)', () => {
  it('a running group is Stable with its member, epochs and assignment, as kafka-consumer-groups says', async () => {
    fresh();
    const [ours, members, partitions, state] = await Promise.all([
      getGroup(local, group),
      membersWithKafkaTools(group),
      describeGroupWithKafkaTools(group),
      stateWithKafkaTools('kafka-consumer-groups', group),
    ]);
    expect(state).toEqual({ state: 'Stable', members: 1 });
    expect(ours).toMatchObject({ type: 'consumer', state: 'Stable', members: 1, health: 'caught_up' });
    expect(ours.assignmentEpoch).toBe(Number(members[0]!.targetEpoch));
    expect(ours.memberList).toEqual([
      expect.objectContaining({
        memberId: members[0]!.memberId,
        clientId: members[0]!.clientId,
        memberEpoch: members[0]!.epoch,
        memberType: 'consumer',
        subscribedTopics: [topic],
        assignments: [{ topic, partitions: [0, 1, 2] }],
        targetAssignments: [{ topic, partitions: [0, 1, 2] }],
        state: 'stable',
      }),
    ]);
    for (const p of ours.partitions)
      expect(p.memberId).toBe(partitions.find((t) => t.partition === p.partition)!.consumerId);

    const list = await listGroups(local, { q: group, sort: 'groupId', dir: 'asc', page: 1, pageSize: 50 });
    expect(list.items).toEqual([
      expect.objectContaining({ groupId: group, state: 'Stable', members: 1, health: 'caught_up' }),
    ]);
  });

  it('refuses a reset or a delete while the member runs, and Kafka’s own refusal is a 409 too', async () => {
    await expect(
      resetOffsets(local, group, { target: { type: 'earliest' }, dryRun: false }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('1 active member') });
    await expect(deleteGroup(local, group)).rejects.toMatchObject({ code: 'conflict' });
    const refused = await gateway(local)
      .deleteGroup(group)
      .then(() => null, asAppError);
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringContaining('not empty') });
    expect((await describeGroupWithKafkaTools(group)).map((p) => p.committed)).toEqual([10, 10, 10]);
  });

  it('once stopped it is Empty, and its time lag is the age of the next record to consume', async () => {
    stopClient(consumer);
    await waitFor(async () => (await stateWithKafkaTools('kafka-consumer-groups', group)).state === 'Empty');
    const producedAt = Date.now();
    await produce(15);
    await new Promise((r) => setTimeout(r, 2_000));
    fresh();
    const [ours, theirs] = await Promise.all([getGroup(local, group), describeGroupWithKafkaTools(group)]);
    expect(ours).toMatchObject({ state: 'Empty', members: 0, health: 'stopped', totalLag: 15 });
    expect(ours.partitions.map((p) => p.lag)).toEqual(theirs.map((p) => p.lag));
    // 15 records written within a few ms, unread for 2 s: about 2 s behind, not a few ms.
    for (const p of ours.partitions) {
      expect(p.timeLagMs).toBeGreaterThanOrEqual(1_900);
      expect(p.timeLagMs).toBeLessThanOrEqual(Date.now() - producedAt + 1_000);
    }
    expect(ours.maxTimeLagMs).toBe(Math.max(...ours.partitions.map((p) => p.timeLagMs!)));
    const list = await listGroups(local, {
      q: group,
      sort: 'maxTimeLagMs',
      dir: 'desc',
      page: 1,
      pageSize: 50,
    });
    expect(list.items[0]).toMatchObject({ state: 'Empty', members: 0 });
    expect(list.items[0]!.maxTimeLagMs).toBeGreaterThanOrEqual(1_900);
  });

  it('an Empty consumer-protocol group can be reset and deleted', async () => {
    await resetOffsets(local, group, { target: { type: 'latest' }, dryRun: false });
    expect((await describeGroupWithKafkaTools(group)).map((p) => p.lag)).toEqual([0, 0, 0]);
    await deleteGroup(local, group);
    const listed = await kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--list']);
    expect(listed.split('\n')).not.toContain(group);
  });
});

describe('share groups (KIP-932)', () => {
  it('shows a share group as one, with its member and Kafka’s start offsets and lag', async () => {
    startClient('kafka-console-share-consumer', ['--group', share]);
    await waitFor(async () => (await stateWithKafkaTools('kafka-share-groups', share)).members === 1);
    let theirs: { partition: number; start: number | null; lag: number | null }[] = [];
    // A share group starts at the latest offset and shows a start offset once it has acknowledged
    // records there: keep producing until every partition has one.
    await waitFor(async () => {
      await produce(3);
      const out = await kafkaCli('kafka-share-groups', [
        '--bootstrap-server',
        bootstrap,
        '--describe',
        '--group',
        share,
      ]);
      theirs = out
        .split('\n')
        .filter((l) => l.startsWith(`${share} `))
        .map((l) => {
          const [, , partition, start, lag] = l.trim().split(/\s+/);
          const num = (v?: string) => (v === undefined || v === '-' ? null : Number(v));
          return { partition: Number(partition), start: num(start), lag: num(lag) };
        })
        .sort((a, b) => a.partition - b.partition);
      return theirs.length === 3 && theirs.every((p) => p.start !== null && p.lag === 0);
    }, 90_000);
    fresh();
    const ours = await getGroup(local, share);
    expect(ours).toMatchObject({ type: 'share', state: 'Stable', members: 1, totalLag: 0 });
    expect(ours.memberList[0]).toMatchObject({
      clientId: 'console-share-consumer',
      assignments: [{ topic, partitions: [0, 1, 2] }],
      memberEpoch: expect.any(Number),
    });
    expect(
      ours.partitions.map((p) => ({ partition: p.partition, start: p.committedOffset, lag: p.lag })),
    ).toEqual(theirs);
  });

  it('its member, epochs and assignment as kafka-share-groups --members and --state say', async () => {
    fresh();
    const [ours, members, state] = await Promise.all([
      getGroup(local, share),
      shareTool(['--members', '--verbose']),
      shareTool(['--state', '--verbose']),
    ]);
    // GROUP CONSUMER-ID HOST CLIENT-ID #PARTITIONS MEMBER-EPOCH ASSIGNMENT
    expect(members).toHaveLength(1);
    const [, memberId, host, clientId, count, epoch, assignment] = members[0]!;
    expect(ours.memberList).toEqual([
      expect.objectContaining({
        memberId,
        host,
        clientId,
        memberEpoch: Number(epoch),
        subscribedTopics: [topic],
        assignments: [{ topic, partitions: [0, 1, 2] }],
      }),
    ]);
    expect(Number(count)).toBe(3);
    expect(assignment).toBe(`${topic}:0,1,2`);
    // GROUP COORDINATOR (ID) STATE GROUP-EPOCH ASSIGNMENT-EPOCH #MEMBERS
    const [, , coordinatorId, groupState, groupEpoch, assignmentEpoch, count2] = state[0]!;
    expect(ours).toMatchObject({
      state: groupState,
      coordinator: Number(coordinatorId!.replace(/[()]/g, '')),
      groupEpoch: Number(groupEpoch),
      assignmentEpoch: Number(assignmentEpoch),
      members: Number(count2),
      unsupported: null,
      topology: null,
    });
  });
});

/** kafka-share-groups --describe with `options`: the rows of the share group, split on blanks. */
async function shareTool(options: string[]): Promise<string[][]> {
  const out = await kafkaCli('kafka-share-groups', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--group',
    share,
    ...options,
  ]);
  return out
    .split('\n')
    .filter((line) => line.startsWith(`${share} `))
    .map((line) => line.trim().split(/\s+/));
}
