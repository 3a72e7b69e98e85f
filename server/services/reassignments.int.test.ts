import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { ElectLeadersSchema } from '@/lib/schemas/reassignment';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { electLeaders } from '@/server/services/leader-election';
import {
  applyReassignment,
  cancelReassignments,
  clearStaleThrottles,
  listReassignments,
  previewPlan,
} from '@/server/services/reassignments';

const local = { ...loadConfig({}).clusters[0]!, requestTimeoutMs: 15_000 };
const bootstrap = BOOTSTRAP.split(',')[0]!;
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const rf = `it-reassign-rf-${run}`;
const slow = `it-reassign-slow-${run}`;
const elect = `it-reassign-elect-${run}`;
const leftBehind = `it-reassign-left-${run}`;
const dir = mkdtempSync(join(tmpdir(), 'reassign-'));

async function topics(...args: string[]) {
  return kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, ...args]);
}

/** Kafka's own view of a topic's partitions: leader and replicas. */
async function describe_(name: string) {
  const out = await topics('--describe', '--topic', name);
  return [...out.matchAll(/Partition: (\d+)\s+Leader: (-?\d+|none)\s+Replicas: ([\d,]+)/g)].map((m) => ({
    partition: Number(m[1]),
    leader: m[2] === 'none' ? null : Number(m[2]),
    replicas: m[3]!.split(',').map(Number),
  }));
}

async function reassignCli(...args: string[]) {
  return kafkaCli('kafka-reassign-partitions', ['--bootstrap-server', bootstrap, ...args]);
}

function reassignmentFile(
  name: string,
  partitions: { topic: string; partition: number; replicas: number[] }[],
) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ version: 1, partitions }));
  return file;
}

async function configsOf(type: 'brokers' | 'topics', name: string) {
  return kafkaCli('kafka-configs', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--entity-type',
    type,
    '--entity-name',
    name,
  ]);
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`not met in ${timeoutMs} ms: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** About `megabytes` MB of incompressible records in partition 0, written by kcat (an outside client). */
function produceBulk(topic: string, megabytes: number) {
  const line = () => execFileSync('openssl', ['rand', '-hex', '512']).toString().trim();
  const lines = Array.from({ length: 64 }, line).join('\n');
  const input = Array.from({ length: megabytes * 16 }, () => lines).join('\n') + '\n';
  execFileSync('kcat', ['-b', bootstrap, '-t', topic, '-p', '0', '-P', '-z', 'none'], {
    input,
    maxBuffer: 1 << 28,
  });
}

beforeAll(async () => {
  await topics('--create', '--topic', rf, '--partitions', '3', '--replication-factor', '1');
  await topics('--create', '--topic', slow, '--replica-assignment', '1');
  await topics('--create', '--topic', elect, '--replica-assignment', '1:2,2:3');
  await topics('--create', '--topic', leftBehind, '--replica-assignment', '1:2,2:3');
  produceBulk(slow, 4);
}, 120_000);

afterAll(async () => {
  for (const t of [rf, slow, elect, leftBehind])
    await topics('--delete', '--topic', t).catch(() => undefined);
  await disconnectAll();
});

describe('partition reassignment', () => {
  it('previews and applies a replication factor change, as kafka-reassign-partitions verifies it', async () => {
    const before = await describe_(rf);
    const plan = await previewPlan(local, { kind: 'replication-factor', topic: rf, replicationFactor: 2 });
    expect(plan.moves).toHaveLength(3);
    for (const m of plan.moves) {
      expect(m.from).toEqual(before.find((p) => p.partition === m.partition)!.replicas);
      expect(m.to).toHaveLength(2);
      expect(m.to[0]).toBe(m.from[0]);
    }
    // The preview changed nothing.
    expect(await describe_(rf)).toEqual(before);

    const moves = plan.moves.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.to }));
    const applied = await applyReassignment(local, { moves, throttleBytesPerSec: null });
    expect(applied.partitions.every((p) => p.status === 'ok')).toBe(true);

    await until(
      () => listReassignments(local),
      (r) => !r.inProgress.some((p) => p.topic === rf),
    );
    const verify = await reassignCli('--verify', '--reassignment-json-file', reassignmentFile('rf', moves));
    for (const m of moves)
      expect(verify).toContain(`Reassignment of partition ${rf}-${m.partition} is completed`);
    const after = await describe_(rf);
    expect(after.map((p) => p.replicas)).toEqual(moves.map((m) => m.replicas));
  }, 90_000);

  it('refuses an invalid plan and a broker that does not exist, with a clear message', async () => {
    await expect(
      previewPlan(local, { kind: 'replication-factor', topic: rf, replicationFactor: 9 }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/larger than the 3/),
    });
    await expect(
      applyReassignment(local, {
        moves: [{ topic: rf, partition: 0, replicas: [1, 42] }],
        throttleBytesPerSec: null,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/no broker 42/) });
  });

  it('throttles a move, shows it in progress, cancels it half-way and removes every throttle', async () => {
    const target = [{ topic: slow, partition: 0, replicas: [2] }];
    await applyReassignment(local, { moves: target, throttleBytesPerSec: 20_000 });

    const listed = await reassignCli('--list');
    expect(listed).toContain(`${slow}-0`);
    const broker2 = await configsOf('brokers', '2');
    expect(broker2).toMatch(/leader\.replication\.throttled\.rate=20000/);
    expect(broker2).toMatch(/follower\.replication\.throttled\.rate=20000/);
    const topicConfigs = await configsOf('topics', slow);
    expect(topicConfigs).toContain('leader.replication.throttled.replicas=0:1');
    expect(topicConfigs).toContain('follower.replication.throttled.replicas=0:2');

    const progress = await listReassignments(local);
    const mine = progress.inProgress.find((p) => p.topic === slow)!;
    expect(mine).toMatchObject({ addingReplicas: [2], removingReplicas: [1] });
    expect(mine.targetBytes).toBeGreaterThan(3_000_000);
    expect(mine.copiedBytes[0]!.bytes ?? 0).toBeLessThan(mine.targetBytes!);
    expect(progress.throttles.topics).toContain(slow);

    const cancelled = await cancelReassignments(local, { partitions: [{ topic: slow, partition: 0 }] });
    expect(cancelled.partitions).toEqual([
      expect.objectContaining({ topic: slow, partition: 0, status: 'ok' }),
    ]);
    expect(await reassignCli('--list')).not.toContain(`${slow}-0`);
    expect((await describe_(slow))[0]!.replicas).toEqual([1]);
    expect(await configsOf('brokers', '2')).not.toMatch(/replication\.throttled\.rate/);
    expect(await configsOf('brokers', '1')).not.toMatch(/replication\.throttled\.rate/);
    expect(await configsOf('topics', slow)).not.toMatch(/throttled\.replicas/);

    // Cancelling again: nothing is moving, and the answer says so.
    await expect(
      cancelReassignments(local, { partitions: [{ topic: slow, partition: 0 }] }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/No reassignment is in progress/),
    });
  }, 90_000);
});

describe('throttles left behind', () => {
  it('finds a broker throttle rate set while nothing moves, and removes it', async () => {
    const alter = (...args: string[]) =>
      kafkaCli('kafka-configs', [
        '--bootstrap-server',
        bootstrap,
        '--alter',
        '--entity-type',
        'brokers',
        '--entity-name',
        '3',
        ...args,
      ]);
    await alter('--add-config', 'leader.replication.throttled.rate=123456789');
    try {
      // Read at most every 15 s: the first read after setting it may still answer from before.
      const seen = await until(
        () => listReassignments(local),
        (r) => r.inProgress.length > 0 || r.staleBrokers.includes(3),
        40_000,
      );
      if (seen.inProgress.length > 0) return; // another suite is reassigning on the shared cluster: nothing is stale
      expect(seen.staleBrokers).toEqual([3]);
      // Only this broker: the shared cluster may have other suites' topic throttles.
      const cleared = await clearStaleThrottles(local, { brokers: [3], topics: [] });
      expect(cleared.change).toEqual({
        before: { throttledBrokers: [3], throttledTopics: [] },
        after: { throttledBrokers: [], throttledTopics: [] },
      });
      expect(await configsOf('brokers', '3')).not.toMatch(/throttled\.rate/);
      expect((await listReassignments(local)).staleBrokers).toEqual([]);
    } finally {
      await alter('--delete-config', 'leader.replication.throttled.rate').catch(() => undefined);
    }
  }, 90_000);
});

describe('topic throttles left behind', () => {
  it('finds throttled-replica lists kafka-configs set on a topic that does not move, previews and removes them', async () => {
    await kafkaCli('kafka-configs', [
      '--bootstrap-server',
      bootstrap,
      '--alter',
      '--entity-type',
      'topics',
      '--entity-name',
      leftBehind,
      '--add-config',
      'leader.replication.throttled.replicas=[0:1,1:2],follower.replication.throttled.replicas=[0:3]',
    ]);
    expect(await configsOf('topics', leftBehind)).toMatch(/leader\.replication\.throttled\.replicas=0:1,1:2/);
    const expected = { topic: leftBehind, leader: '0:1,1:2', follower: '0:3' };

    // The preview reads the cluster afresh and changes nothing.
    const preview = await clearStaleThrottles(local, { topics: [leftBehind], dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, brokers: [], topics: [expected] });
    expect(await configsOf('topics', leftBehind)).toMatch(/follower\.replication\.throttled\.replicas=0:3/);
    // The in-progress read names the topic: nothing of it moves and this process recorded no throttle for it.
    const seen = await until(
      () => listReassignments(local),
      (r) => r.staleTopics.some((t) => t.topic === leftBehind),
      40_000,
    );
    expect(seen.staleTopics.find((t) => t.topic === leftBehind)).toEqual(expected);
    expect(seen.staleTopicsLimited).toBe(false);

    const removed = await clearStaleThrottles(local, { brokers: [], topics: [leftBehind] });
    expect(removed).toMatchObject({ dryRun: false, brokers: [], topics: [expected] });
    expect(removed.change).toEqual({
      before: { throttledBrokers: [], throttledTopics: [expected] },
      after: { throttledBrokers: [], throttledTopics: [] },
    });
    expect(await configsOf('topics', leftBehind)).not.toMatch(/throttled\.replicas/);
    expect((await listReassignments(local)).staleTopics.map((t) => t.topic)).not.toContain(leftBehind);
    // Nothing left to remove is a conflict, not a silent success.
    await expect(clearStaleThrottles(local, { brokers: [], topics: [leftBehind] })).rejects.toMatchObject({
      code: 'conflict',
    });
  }, 90_000);
});

describe('leader election', () => {
  it('moves leadership back to the preferred replica, per partition, as kafka-topics shows', async () => {
    // Swapping the order changes the preferred leader, not the leader: both partitions need an election.
    const swapped = [
      { topic: elect, partition: 0, replicas: [2, 1] },
      { topic: elect, partition: 1, replicas: [3, 2] },
    ];
    await applyReassignment(local, { moves: swapped, throttleBytesPerSec: null });
    await until(
      () => describe_(elect),
      (ps) => ps.every((p, i) => p.replicas[0] === swapped[i]!.replicas[0]),
    );
    // Kafka's automatic leader rebalance (or another suite's election) may move a leader meanwhile:
    // the preview must match what kafka-topics shows at that moment.
    const shown = await describe_(elect);
    const preview = await electLeaders(
      local,
      ElectLeadersSchema.parse({ scope: { kind: 'topic', topic: elect }, type: 'preferred', dryRun: true }),
    );
    const notPreferred = shown.filter((p) => p.leader !== p.replicas[0]).map((p) => p.partition);
    expect(preview.candidates.map((c) => c.partition)).toEqual(notPreferred);
    for (const c of preview.candidates) expect(c.preferred).toBe(swapped[c.partition]!.replicas[0]);

    // The election elects the partitions its preview showed.
    const result = await electLeaders(
      local,
      ElectLeadersSchema.parse({
        scope: { kind: 'topic', topic: elect },
        type: 'preferred',
        partitions: preview.candidates,
      }),
    );
    expect(result.partitions.map((p) => [p.partition, p.status])).toEqual(notPreferred.map((p) => [p, 'ok']));
    expect((await describe_(elect)).map((p) => p.leader)).toEqual([2, 3]);

    // Again: nothing to do, which is not an error; Kafka's own tool agrees.
    const again = await electLeaders(
      local,
      ElectLeadersSchema.parse({ scope: { kind: 'topic', topic: elect }, type: 'preferred', dryRun: true }),
    );
    expect(again.candidates).toEqual([]);
    const none = await electLeaders(
      local,
      ElectLeadersSchema.parse({ scope: { kind: 'topic', topic: elect }, type: 'preferred', partitions: [] }),
    );
    expect(none.partitions).toEqual([]);
    const cli = await kafkaCli('kafka-leader-election', [
      '--bootstrap-server',
      bootstrap,
      '--election-type',
      'preferred',
      '--topic',
      elect,
      '--partition',
      '0',
    ]).catch((e: { stdout?: string }) => e.stdout ?? String(e));
    expect(cli).toMatch(/Valid replica already elected for partitions/);
  }, 90_000);

  it('refuses an unclean election without its typed confirmation', () => {
    const parsed = ElectLeadersSchema.safeParse({ scope: { kind: 'cluster' }, type: 'unclean' });
    expect(parsed.success).toBe(false);
    expect(
      ElectLeadersSchema.safeParse({
        scope: { kind: 'cluster' },
        type: 'unclean',
        confirm: 'UNCLEAN',
        partitions: [],
      }).success,
    ).toBe(true);
  });
});
