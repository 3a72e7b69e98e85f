import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scramTestUser } from '@/test/scram-user';
import { writeTransactions } from '@/dev/kafka/transactions';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';
import { getQuorum } from '@/server/services/brokers';
import { getTopology } from '@/server/services/snapshot';
import { abortTransaction, findHanging, topicProducers } from '@/server/services/transactions';

/**
 * The console connected as a SCRAM user of this test (no super user) that may DESCRIBE the topic but
 * not READ it: DescribeProducers answers TOPIC_AUTHORIZATION_FAILED for each partition, and the
 * producers tab, the hanging search and the abort say so, naming the permission, instead of calling
 * the brokers unavailable. Kafka's own kafka-transactions, as the same user, is refused the same way.
 */
const local = { ...loadConfig({}).clusters[0]!, requestTimeoutMs: 15_000 };
const run = Date.now().toString(36);
const topic = `it-txacl-${run}`;
const scram = scramTestUser(`it-txacl-${run}`, { consoleName: 'as-user' });
const { principal } = scram;
const asUser = scram.asConsole;
const missing = `(${principal}) is not allowed to read the producers of topic "${topic}": it needs READ on TOPIC:${topic}`;

const acl = (op: '--add' | '--remove', operation: string, resource = ['--topic', topic]) =>
  scram.acl(op, operation, resource);
const asUserCli = (tool: string, args: string[]) => scram.cli(tool, args);
/** kafka-transactions describe-producers as the test's user. */
const describeProducersAsUser = (partition = 0) =>
  asUserCli('kafka-transactions', ['describe-producers', '--topic', topic, '--partition', String(partition)]);

beforeAll(async () => {
  await scram.create();
  await createTopic(local, { name: topic, partitions: 2, replicationFactor: 1, configs: {} });
  await writeTransactions(topic, [[['a'], 'commit']]);
  // DESCRIBE on the topic only: the user sees it in the metadata, nothing more (not even the
  // KRaft quorum, which needs DESCRIBE on the cluster).
  await acl('--add', 'Describe');
}, 120_000);

afterAll(async () => {
  await acl('--remove', 'Describe').catch(() => '');
  await acl('--remove', 'Read').catch(() => '');
  await deleteTopic(local, topic).catch(() => undefined);
  await scram.remove();
  await disconnectAll();
}, 120_000);

describe('a console without DESCRIBE on the cluster', () => {
  it('reads the topology and the topic without the quorum, and says what the quorum needs', async () => {
    const topology = await expect
      .poll(() => getTopology(asUser).catch(() => null), { timeout: 30_000 })
      .not.toBeNull()
      .then(() => getTopology(asUser));
    expect(topology).toMatchObject({ controllerMode: 'kraft', controllerId: null, quorumRefused: true });
    expect(topology.brokers.length).toBeGreaterThan(0);
    expect(topology.topics.find((t) => t.name === topic)?.partitions).toHaveLength(2);
    await expect(getQuorum(asUser)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining(
        `(${principal}) is not allowed to describe the metadata quorum: it needs DESCRIBE on the CLUSTER`,
      ),
    });
    // Kafka's own tool, as the same user, is refused the quorum the same way.
    expect(await asUserCli('kafka-metadata-quorum', ['describe', '--status'])).toMatch(
      /ClusterAuthorizationException/,
    );
  }, 60_000);
});

describe('DescribeProducers refused by the authorizer', () => {
  it('the producers, the hanging search and the abort name the missing READ on the topic', async () => {
    // Brokers learn of the binding from the metadata log a moment after the controller took it.
    const partitions = await expect
      .poll(() => topicProducers(asUser, topic).catch(() => null), { timeout: 30_000 })
      .not.toBeNull()
      .then(() => topicProducers(asUser, topic));
    expect(partitions).toHaveLength(2);
    for (const p of partitions) {
      expect(p).toMatchObject({ error: 'TOPIC_AUTHORIZATION_FAILED', producers: [] });
      expect(p.errorMessage).toContain(missing);
    }
    expect(await describeProducersAsUser()).toMatch(/TopicAuthorizationException/);

    const hanging = await findHanging(asUser, { topic, olderThanMs: 0 });
    expect(hanging.items).toEqual([]);
    expect(hanging.failedPartitions).toEqual([
      expect.objectContaining({
        partition: 0,
        error: 'TOPIC_AUTHORIZATION_FAILED',
        errorMessage: expect.stringContaining(missing),
      }),
      expect.objectContaining({
        partition: 1,
        error: 'TOPIC_AUTHORIZATION_FAILED',
        errorMessage: expect.stringContaining(missing),
      }),
    ]);

    await expect(
      abortTransaction(asUser, { topic, partition: 0, producerId: 1, dryRun: true }),
    ).rejects.toMatchObject({ code: 'forbidden', status: 403, message: expect.stringContaining(missing) });

    // Granted READ, the same user reads the producers, as kafka-transactions does.
    await acl('--add', 'Read');
    await expect
      .poll(async () => (await topicProducers(asUser, topic)).map((p) => p.error), { timeout: 30_000 })
      .toEqual([null, null]);
    // kafkajs put the committed transaction's record on one of the two partitions.
    const written = (await topicProducers(asUser, topic)).find((p) => p.producers.length > 0)!;
    expect(written.producers).toHaveLength(1);
    expect(await describeProducersAsUser(written.partition)).toContain(
      String(written.producers[0]!.producerId),
    );
  }, 120_000);
});
