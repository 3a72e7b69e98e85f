import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, kafkaCli, startNode, stopNode } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { applyReassignment, cancelReassignments, listReassignments } from '@/server/services/reassignments';
import { invalidateCluster } from '@/server/services/snapshot';

/**
 * Stops a broker in the middle of a reassignment and starts it again, like the other suites that stop
 * a node of the shared cluster (broker-down, leader-down): files run one at a time, so no other suite
 * sees it down.
 */
const local = { ...loadConfig({}).clusters[0]!, requestTimeoutMs: 8_000 };
const bootstrap = BOOTSTRAP.split(',')[0]!;
const topic = `it-reassign-down-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

const configsOf = (id: string) =>
  kafkaCli('kafka-configs', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--entity-type',
    'brokers',
    '--entity-name',
    id,
  ]);
const topicConfigs = () =>
  kafkaCli('kafka-configs', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--entity-type',
    'topics',
    '--entity-name',
    topic,
  ]);

async function replicasOf(): Promise<number[]> {
  const out = await kafkaCli('kafka-topics', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--topic',
    topic,
  ]);
  return /Replicas: ([\d,]+)/.exec(out)![1]!.split(',').map(Number);
}

describe('a broker stopped during a reassignment', () => {
  beforeAll(async () => {
    await kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--create',
      '--topic',
      topic,
      '--replica-assignment',
      '1',
    ]);
    const line = execFileSync('openssl', ['rand', '-hex', '512']).toString().trim();
    const input = Array.from({ length: 3000 }, (_, i) => `${i}${line}`).join('\n') + '\n';
    execFileSync('kcat', ['-b', bootstrap, '-t', topic, '-p', '0', '-P', '-z', 'none'], {
      input,
      maxBuffer: 1 << 28,
    });
  }, 120_000);

  afterAll(async () => {
    await startNode(2).catch(() => undefined);
    await kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]).catch(
      () => undefined,
    );
    await disconnectAll();
  }, 180_000);

  it('keeps answering, cancels with the target broker down, and removes its throttle once it is back', async () => {
    await applyReassignment(local, {
      moves: [{ topic, partition: 0, replicas: [2] }],
      throttleBytesPerSec: 10_000,
    });
    expect(await configsOf('2')).toMatch(/follower\.replication\.throttled\.rate=10000/);

    await stopNode(2);
    invalidateCluster(local);
    const started = Date.now();
    const progress = await listReassignments(local);
    expect(Date.now() - started).toBeLessThan(local.requestTimeoutMs + 2_000);
    const mine = progress.inProgress.find((p) => p.topic === topic)!;
    expect(mine.addingReplicas).toEqual([2]);
    // The adding replica's broker is down: its bytes are unknown, not 0.
    expect(mine.copiedBytes).toEqual([{ brokerId: 2, bytes: null }]);
    expect(
      await kafkaCli('kafka-reassign-partitions', ['--bootstrap-server', bootstrap, '--list']),
    ).toContain(`${topic}-0`);

    const cancelled = await cancelReassignments(local, { partitions: [{ topic, partition: 0 }] });
    expect(cancelled.partitions[0]!.status).toBe('ok');
    expect(await replicasOf()).toEqual([1]);
    expect(await topicConfigs()).not.toMatch(/throttled\.replicas/);
    expect(await configsOf('1')).not.toMatch(/throttled\.rate/);
    // Broker 2 could not be told: the console still holds its throttle, to remove when it answers.
    expect((await listReassignments(local)).throttles.brokers).toEqual([2]);

    await startNode(2);
    const after = await (async () => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const r = await listReassignments(local).catch(() => null);
        if (r && r.throttles.brokers.length === 0) return r;
        if (Date.now() > deadline) throw new Error(`throttle of broker 2 still kept: ${JSON.stringify(r)}`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    })();
    expect(after.throttles).toEqual({ brokers: [], topics: [] });
    expect(await configsOf('2')).not.toMatch(/throttled\.rate/);
  }, 240_000);
});
