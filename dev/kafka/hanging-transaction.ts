/**
 * A hanging transaction made for real on the local cluster: records of an open transaction on a
 * partition, written under a producer id that no transaction coordinator knows. This is what a lost
 * marker or a coordinator bug leaves behind (Kafka's own tests make them the same way): the leader
 * keeps the transaction open, the last stable offset stays at its first record and read_committed
 * consumers stop there until an operator aborts it (`kafka-transactions abort`).
 *
 * The producer id comes from an idempotent InitProducerId (no transactional id); the batch is sent
 * flagged transactional under a transactional id of its own. Kafka 3.6+ leaders first check with the
 * coordinator that the partition is in the producer's transaction
 * (`transaction.partition.verification.enable`, a dynamic broker config); the check is turned off on
 * the leader for the one write and its former value put back straight after.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { logLevel } from 'kafkajs';
import Cluster from 'kafkajs/src/cluster/index.js';
import defaultSocketFactory from 'kafkajs/src/network/socketFactory.js';
import { createLogger } from 'kafkajs/src/loggers/index.js';
import { BOOTSTRAP } from './local-cluster';

const run = promisify(execFile);
const cli = path.resolve(__dirname, 'kafka-cli.sh');
const VERIFICATION = 'transaction.partition.verification.enable';

interface RawBroker {
  initProducerId(args: {
    transactionTimeout: number;
  }): Promise<{ producerId: string; producerEpoch: number }>;
  produce(args: unknown): Promise<{ topics: { partitions: { errorCode: number; baseOffset: string }[] }[] }>;
}
interface RawCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  findTopicPartitionMetadata(topic: string): { partitionId: number; leader: number }[];
  addTargetTopic(topic: string): Promise<void>;
  findBroker(args: { nodeId: number }): Promise<RawBroker>;
}

async function brokerConfig(brokerId: number, args: string[]): Promise<void> {
  await run(
    'bash',
    [
      cli,
      'kafka-configs',
      '--bootstrap-server',
      BOOTSTRAP.split(',')[0]!,
      '--entity-type',
      'brokers',
      '--entity-name',
      String(brokerId),
      '--alter',
      ...args,
    ],
    { timeout: 60_000 },
  );
}

/** An idempotent producer id; a broker answers COORDINATOR_LOAD_IN_PROGRESS while it fetches a block of them. */
async function newProducerId(broker: RawBroker): Promise<{ producerId: string; producerEpoch: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await broker.initProducerId({ transactionTimeout: 60_000 });
    } catch (error) {
      if (attempt >= 20 || (error as { code?: number }).code !== 14) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/**
 * A dynamic broker config reaches the broker through the metadata log a moment after kafka-configs
 * returns: until then the leader still verifies, and refuses the write with INVALID_PRODUCER_ID_MAPPING.
 */
async function produceOnceVerificationIsOff<T>(produce: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await produce();
    } catch (error) {
      if ((error as { type?: string }).type !== 'INVALID_PRODUCER_ID_MAPPING' || Date.now() > deadline)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export interface HangingTransaction {
  producerId: number;
  producerEpoch: number;
  /** The offset of the open transaction's first record: where the last stable offset stays. */
  startOffset: number;
  leader: number;
}

/** Writes `values` to partition `partition` of `topic` as one transaction that nothing will ever end. */
export async function writeHangingTransaction(
  topic: string,
  partition: number,
  values: string[],
): Promise<HangingTransaction> {
  const cluster = new Cluster({
    brokers: BOOTSTRAP.split(','),
    logger: createLogger({ level: logLevel.NOTHING, logCreator: () => () => {} }),
    socketFactory: defaultSocketFactory(),
    connectionTimeout: 5_000,
    requestTimeout: 20_000,
    allowAutoTopicCreation: false,
    offsets: new Map(),
  }) as unknown as RawCluster;
  await cluster.connect();
  try {
    await cluster.addTargetTopic(topic);
    await cluster.refreshMetadata();
    const leader = cluster.findTopicPartitionMetadata(topic).find((p) => p.partitionId === partition)?.leader;
    if (leader === undefined) throw new Error(`no leader for ${topic}-${partition}`);
    const broker = await cluster.findBroker({ nodeId: leader });
    const { producerId, producerEpoch } = await newProducerId(broker);
    await brokerConfig(leader, ['--add-config', `${VERIFICATION}=false`]);
    try {
      const answer = await produceOnceVerificationIsOff(() =>
        broker.produce({
          transactionalId: `${topic}-orphan`,
          producerId,
          producerEpoch,
          acks: -1,
          topicData: [
            {
              topic,
              partitions: [
                {
                  partition,
                  firstSequence: 0,
                  messages: values.map((value) => ({ value, timestamp: Date.now() })),
                },
              ],
            },
          ],
        }),
      );
      const p = answer.topics[0]!.partitions[0]!;
      if (p.errorCode !== 0) throw new Error(`Produce failed with error ${p.errorCode}`);
      return { producerId: Number(producerId), producerEpoch, startOffset: Number(p.baseOffset), leader };
    } finally {
      await brokerConfig(leader, ['--delete-config', VERIFICATION]);
    }
  } finally {
    await cluster.disconnect();
  }
}
