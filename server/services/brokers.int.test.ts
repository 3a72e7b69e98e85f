import { afterAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { listBrokers } from '@/server/services/brokers';
import { checkReadiness } from '@/server/services/clusters';

const local = loadConfig({}).clusters[0]!;
const bootstrap = BOOTSTRAP.split(',')[0]!;

afterAll(disconnectAll);

describe('brokers of the local cluster', () => {
  it('match what kafka-broker-api-versions reports: ids, hosts, ports, racks', async () => {
    const [ours, oracle] = await Promise.all([
      listBrokers(local),
      kafkaCli('kafka-broker-api-versions', ['--bootstrap-server', bootstrap]),
    ]);
    const theirs = [...oracle.matchAll(/^(\S+):(\d+) \(id: (\d+) rack: (\S+)/gm)]
      .map(([, host, port, id, rack]) => ({
        id: Number(id),
        host,
        port: Number(port),
        rack: rack === 'null' ? null : rack,
      }))
      .sort((a, b) => a.id - b.id);
    expect(theirs).toHaveLength(3);
    expect(ours.brokers.map(({ id, host, port, rack }) => ({ id, host, port, rack }))).toEqual(theirs);
  });

  it('mark the active KRaft controller that kafka-metadata-quorum reports as leader', async () => {
    const [ours, status] = await Promise.all([
      listBrokers(local),
      kafkaCli('kafka-metadata-quorum', ['--bootstrap-server', bootstrap, 'describe', '--status']),
    ]);
    const leader = Number(/LeaderId:\s+(\d+)/.exec(status)?.[1]);
    const clusterId = /ClusterId:\s+(\S+)/.exec(status)?.[1];
    expect(ours.controllerMode).toBe('kraft');
    expect(ours.controllerId).toBe(leader);
    expect(ours.clusterId).toBe(clusterId);
    expect(ours.brokers.filter((b) => b.isController).map((b) => b.id)).toEqual([leader]);
  });

  it('give every node of the combined-mode cluster both roles, broker and KRaft voter, as kafka-metadata-quorum lists them', async () => {
    const [ours, replication] = await Promise.all([
      listBrokers(local),
      kafkaCli('kafka-metadata-quorum', ['--bootstrap-server', bootstrap, 'describe', '--replication']),
    ]);
    // NodeId DirectoryId LogEndOffset Lag LastFetchTimestamp LastCaughtUpTimestamp Status
    const voters = [...replication.matchAll(/^(\d+)\s+.*\s(Leader|Follower)\s*$/gm)].map(([, id]) =>
      Number(id),
    );
    expect(voters.sort()).toEqual([1, 2, 3]);
    expect(ours.brokers.map((b) => [b.id, b.roles])).toEqual(
      voters.map((id) => [id, ['broker', 'controller']]),
    );
  });

  it('health reports the cluster up with its 3 brokers', async () => {
    const health = await checkReadiness();
    expect(health.status).toBe('ok');
    expect(health.clusters).toEqual([
      expect.objectContaining({ id: 'local', status: 'up', brokers: 3, error: null }),
    ]);
  });

  it('a cluster nobody listens on is reported down within its time-out, not hung', async () => {
    const dead = {
      ...local,
      id: 'dead',
      name: 'Dead',
      bootstrapServers: ['127.0.0.1:1'],
      requestTimeoutMs: 3_000,
    };
    const started = Date.now();
    await expect(listBrokers(dead)).rejects.toMatchObject({
      kind: expect.stringMatching(/unavailable|timeout/),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
