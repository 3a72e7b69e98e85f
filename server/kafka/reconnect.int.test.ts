import { afterAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import { clientsFor, connected, disconnectAll } from '@/server/kafka/client/registry';
import { kafka } from '@/server/kafka';

// Starting a second cluster behind the same addresses costs minutes here: these tests give the
// console's clients the memory of another cluster instead, and check that they notice and reconnect.
const local = loadConfig({}).clusters[0]!;
const bootstrap = BOOTSTRAP.split(',')[0]!;

afterAll(disconnectAll);

describe('when the cluster behind the addresses changes', () => {
  it('keeps its clients while the same cluster answers', async () => {
    await kafka(local).metadata([]);
    const clients = clientsFor(local);
    await kafka(local).metadata([]);
    await kafka(local).release();
    expect(clientsFor(local)).toBe(clients);
  });

  it('reconnects on a new cluster id, and answers with the new cluster at once', async () => {
    const status = await kafkaCli('kafka-metadata-quorum', [
      '--bootstrap-server',
      bootstrap,
      'describe',
      '--status',
    ]);
    const clusterId = /ClusterId:\s+(\S+)/.exec(status)?.[1];
    const stale = await connected(clientsFor(local));
    stale.clusterId = 'an-earlier-cluster';
    const topology = await kafka(local).metadata([]);
    expect(topology.clusterId).toBe(clusterId);
    expect(clientsFor(local)).not.toBe(stale);
    expect(clientsFor(local).clusterId).toBe(clusterId);
  });

  it('reconnects when the brokers report other API versions than kafkajs keeps', async () => {
    const stale = await connected(clientsFor(local));
    await kafka(local).metadata([]);
    const broker = await stale.raw.findBroker({ nodeId: stale.raw.getNodeIds()[0]! });
    const kept = broker.versions!;
    // As after a ZooKeeper to KRaft migration: the first connection's table no longer holds.
    for (const nodeId of stale.raw.getNodeIds())
      (await stale.raw.findBroker({ nodeId })).versions = { ...kept, 3: { minVersion: 0, maxVersion: 1 } };
    expect(await kafka(local).release()).toMatch(/^4\.4/);
    const fresh = await connected(clientsFor(local));
    expect(fresh).not.toBe(stale);
    await kafka(local).metadata([]);
    const again = await fresh.raw.findBroker({ nodeId: fresh.raw.getNodeIds()[0]! });
    expect(again.versions?.[3]).toEqual(kept[3]);
  });
});
