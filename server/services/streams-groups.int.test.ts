import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { startStreamsApp, type StreamsApp } from '@/dev/kafka/local-streams';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { invalidate } from '@/server/services/cache';
import { getGroup, listGroups } from '@/server/services/groups';
import { stopSamplers } from '@/server/services/lag-history';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';
import type { GroupDetail, StreamsTasks } from '@/lib/schemas/group';

// A streams group (KIP-1071) of a real Kafka Streams application (dev/kafka/streams-app.sh, a word
// count: two sub-topologies joined by a repartition topic, a counts store with its changelog),
// checked against Kafka's own kafka-streams-groups.
const local = loadConfig({}).clusters[0]!;
const run = Date.now().toString(36);
const app = `it-streams-${run}`;
const input = `${app}-in`;
const output = `${app}-out`;
const repartition = `${app}-words-repartition`;
const changelog = `${app}-counts-changelog`;
const endpoint = '127.0.0.1:7170';
const bootstrap = BOOTSTRAP.split(',')[0]!;
const kafka = new Kafka({
  clientId: 'it-streams',
  brokers: BOOTSTRAP.split(','),
  logLevel: logLevel.NOTHING,
});
const producer = kafka.producer();
const fresh = () => invalidate(`${local.id}/`);
let streams: StreamsApp | null = null;

async function waitFor(check: () => Promise<boolean>, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** kafka-streams-groups --describe with `options`: the rows of the group, split on blanks. */
async function tool(options: string[]): Promise<string[][]> {
  const out = await kafkaCli('kafka-streams-groups', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--group',
    app,
    ...options,
  ]);
  return out
    .split('\n')
    .filter((line) => line.startsWith(`${app} `))
    .map((line) => line.trim().split(/\s+/));
}

/** `--state --verbose`: GROUP COORDINATOR (ID) ASSIGNOR STATE GROUP-EPOCH TARGET-ASSIGNMENT-EPOCH #MEMBERS */
async function stateWithKafkaTools() {
  const [row] = await tool(['--state', '--verbose']);
  if (!row) return null;
  const [, , coordinatorId, assignor, state, groupEpoch, targetEpoch, members] = row;
  return {
    coordinator: Number(coordinatorId!.replace(/[()]/g, '')),
    assignor,
    state,
    groupEpoch: Number(groupEpoch),
    assignmentEpoch: Number(targetEpoch),
    members: Number(members),
  };
}

/** `--offsets --verbose`: GROUP TOPIC PARTITION CURRENT-OFFSET LEADER-EPOCH LOG-END-OFFSET OFFSET-LAG */
async function offsetsWithKafkaTools() {
  const num = (v?: string) => (v === undefined || v === '-' ? null : Number(v));
  return (await tool(['--offsets', '--verbose']))
    .map(([, topic, partition, current, , end, lag]) => ({
      topic: topic!,
      partition: Number(partition),
      committed: num(current),
      logEnd: num(end),
      lag: num(lag),
    }))
    .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
}

/** kafka-get-offsets: the log end offset of each partition of a topic. */
async function logEndsWithKafkaTools(topic: string): Promise<Map<number, number>> {
  const out = await kafkaCli('kafka-get-offsets', ['--bootstrap-server', bootstrap, '--topic', topic]);
  return new Map(
    out
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(':').slice(-2).map(Number) as [number, number]),
  );
}

const rowsOf = (group: GroupDetail) =>
  group.partitions.map((p) => ({
    topic: p.topic,
    partition: p.partition,
    committed: p.committedOffset,
    logEnd: p.logEndOffset,
    lag: p.lag,
  }));

/** The tool's way of writing tasks: `0:[0,1,2]; 1:[0,1,2];` after ACTIVE:, STANDBY:, WARMUP:. */
function tasksText(tasks: StreamsTasks, prefix = ''): string {
  const kinds = [
    ['ACTIVE', tasks.active],
    ['STANDBY', tasks.standby],
    ['WARMUP', tasks.warmup],
  ] as const;
  return kinds
    .filter(([, list]) => list.length > 0)
    .map(
      ([kind, list]) =>
        `${prefix}${kind}: ` + list.map((t) => `${t.subtopology}:[${t.partitions.join(',')}];`).join(' '),
    )
    .join(' ');
}

beforeAll(async () => {
  await producer.connect();
  await createTopic(local, { name: input, partitions: 3, replicationFactor: 2, configs: {} });
  await createTopic(local, { name: output, partitions: 1, replicationFactor: 2, configs: {} });
  const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
  await producer.send({
    topic: input,
    messages: Array.from({ length: 30 }, (_, i) => ({
      value: `${words[i % words.length]} ${words[(i * 3) % words.length]}`,
      partition: i % 3,
    })),
  });
  streams = await startStreamsApp({ applicationId: app, inputTopic: input, outputTopic: output, endpoint });
  // Every partition of both sub-topologies' inputs committed and caught up.
  await waitFor(async () => {
    const offsets = await offsetsWithKafkaTools();
    return (
      offsets.filter((o) => o.topic === input).length === 3 &&
      offsets.filter((o) => o.topic === repartition).length === 3 &&
      offsets.every((o) => o.committed !== null && o.lag === 0)
    );
  }, 120_000);
}, 180_000);

afterAll(async () => {
  await streams?.stop().catch(() => undefined);
  await producer.disconnect();
  await kafkaCli('kafka-streams-groups', [
    '--bootstrap-server',
    bootstrap,
    '--delete',
    '--group',
    app,
    '--delete-all-internal-topics',
  ]).catch(() => undefined);
  for (const topic of [input, output, repartition, changelog])
    await deleteTopic(local, topic).catch(() => undefined);
  stopSamplers();
  await disconnectAll();
});

describe('streams groups (KIP-1071)', () => {
  it('a running app: state, assignor and epochs as kafka-streams-groups --state says', async () => {
    fresh();
    const [ours, theirs] = await Promise.all([getGroup(local, app), stateWithKafkaTools()]);
    expect(theirs).toMatchObject({ state: 'Stable', members: 1 });
    expect(ours).toMatchObject({
      type: 'streams',
      state: theirs!.state,
      members: theirs!.members,
      coordinator: theirs!.coordinator,
      protocol: theirs!.assignor,
      groupEpoch: theirs!.groupEpoch,
      assignmentEpoch: theirs!.assignmentEpoch,
      unsupported: null,
      health: 'caught_up',
    });
  });

  it('its members with process, client id, epoch, endpoint and tasks as --members --verbose says', async () => {
    fresh();
    const [ours, rows] = await Promise.all([getGroup(local, app), tool(['--members', '--verbose'])]);
    // GROUP TARGET-ASSIGNMENT-EPOCH TOPOLOGY-EPOCH MEMBER MEMBER-PROTOCOL MEMBER-EPOCH PROCESS CLIENT-ID ASSIGNMENTS…
    expect(rows).toHaveLength(1);
    const [, , topologyEpoch, memberId, protocol, memberEpoch, processId, clientId, ...assignments] =
      rows[0]!;
    expect(protocol).toBe('streams');
    const member = ours.memberList.find((m) => m.memberId === memberId);
    expect(member).toMatchObject({
      clientId,
      memberEpoch: Number(memberEpoch),
      memberType: 'streams',
      state: 'stable',
      streams: { processId, userEndpoint: endpoint, topologyEpoch: Number(topologyEpoch), isClassic: false },
    });
    const streamsMember = member!.streams!;
    expect(
      `${tasksText(streamsMember.tasks)} ${tasksText(streamsMember.targetTasks, 'TARGET-')}`.split(/\s+/),
    ).toEqual(assignments);
    // One instance, one thread: every task of both sub-topologies is its own.
    expect(streamsMember.tasks.active).toEqual([
      { subtopology: '0', partitions: [0, 1, 2] },
      { subtopology: '1', partitions: [0, 1, 2] },
    ]);
    // Its active tasks own the partitions they read, in the Partitions table too.
    expect(member!.assignments).toEqual([
      { topic: input, partitions: [0, 1, 2] },
      { topic: repartition, partitions: [0, 1, 2] },
    ]);
    expect(ours.partitions.every((p) => p.memberId === memberId)).toBe(true);
  });

  it('the topology: source, repartition and changelog topics of each sub-topology, which Kafka created', async () => {
    fresh();
    const ours = await getGroup(local, app);
    expect(ours.topology?.subtopologies).toEqual([
      {
        subtopologyId: '0',
        sourceTopics: [input],
        repartitionSinkTopics: [repartition],
        stateChangelogTopics: [],
        repartitionSourceTopics: [],
      },
      {
        subtopologyId: '1',
        sourceTopics: [],
        repartitionSinkTopics: [],
        stateChangelogTopics: [expect.objectContaining({ name: changelog })],
        repartitionSourceTopics: [expect.objectContaining({ name: repartition, partitions: 3 })],
      },
    ]);
    const topics = (await kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--list'])).split('\n');
    expect(topics).toEqual(expect.arrayContaining([repartition, changelog]));
  });

  it('committed offsets, log ends and lag per partition as --offsets --verbose says', async () => {
    fresh();
    const [ours, theirs] = await Promise.all([getGroup(local, app), offsetsWithKafkaTools()]);
    expect(theirs).toHaveLength(6);
    expect(rowsOf(ours)).toEqual(theirs);
  });

  it('once stopped it is Empty with no members, and records written since are its lag', async () => {
    // kafka-streams-groups shows no offsets for a group without members: they are taken just before.
    const before = await offsetsWithKafkaTools();
    await streams!.stop();
    streams = null;
    await waitFor(async () => (await stateWithKafkaTools())?.state === 'Empty');
    await producer.send({
      topic: input,
      messages: Array.from({ length: 9 }, (_, i) => ({ value: 'late records', partition: i % 3 })),
    });
    fresh();
    const [ours, ends] = await Promise.all([getGroup(local, app), logEndsWithKafkaTools(input)]);
    expect(ours).toMatchObject({
      state: 'Empty',
      members: 0,
      memberList: [],
      totalLag: 9,
      health: 'stopped',
    });
    expect(rowsOf(ours)).toEqual(
      before.map((o) => {
        const logEnd = o.topic === input ? ends.get(o.partition)! : o.logEnd!;
        return { ...o, logEnd, lag: logEnd - o.committed! };
      }),
    );
    const list = await listGroups(local, { q: app, sort: 'groupId', dir: 'asc', page: 1, pageSize: 50 });
    expect(list.items).toEqual([
      expect.objectContaining({ groupId: app, type: 'streams', state: 'Empty', members: 0, totalLag: 9 }),
    ]);
  });
});
