import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, PORT_OFFSET, kafkaCli } from '@/dev/kafka/local-cluster';
import { startStreamsApp } from '@/dev/kafka/local-streams';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { invalidate } from '@/server/services/cache';
import { getGroup } from '@/server/services/groups';
import { stopSamplers } from '@/server/services/lag-history';

/**
 * A streams group on a cluster whose streams groups feature is then turned off (streams.version 0):
 * Kafka still lists the group but answers StreamsGroupDescribe with UNSUPPORTED_VERSION, and the
 * page says the cluster does not support streams groups instead of failing. It changes a feature of
 * the whole cluster, so it runs only against a cluster of its own (KAFKA_PORT_OFFSET and
 * KAFKA_HOME_DIR set), never the shared one other suites are using.
 */
const own = PORT_OFFSET !== 0 && Boolean(process.env.KAFKA_HOME_DIR);
const local = loadConfig({}).clusters[0]!;
const bootstrap = BOOTSTRAP.split(',')[0]!;
const app = `it-streams-off-${Date.now().toString(36)}`;
const input = `${app}-in`;
const output = `${app}-out`;

const features = (action: 'upgrade' | 'downgrade', level: number) =>
  kafkaCli('kafka-features', [
    '--bootstrap-server',
    bootstrap,
    action,
    '--feature',
    `streams.version=${level}`,
  ]);

describe.skipIf(!own)('a streams group while the cluster has streams groups turned off', () => {
  beforeAll(async () => {
    // On, whatever an earlier run left (upgrading to the level in force is refused: not a failure).
    await features('upgrade', 1).catch(() => undefined);
    for (const [topic, partitions] of [
      [input, 2],
      [output, 1],
    ] as const)
      await kafkaCli('kafka-topics', [
        '--bootstrap-server',
        bootstrap,
        '--create',
        '--topic',
        topic,
        '--partitions',
        String(partitions),
        '--replication-factor',
        '1',
      ]);
    const streams = await startStreamsApp({ applicationId: app, inputTopic: input, outputTopic: output });
    await streams.stop();
    await features('downgrade', 0);
  }, 180_000);

  afterAll(async () => {
    await features('upgrade', 1).catch(() => undefined);
    await kafkaCli('kafka-streams-groups', [
      '--bootstrap-server',
      bootstrap,
      '--delete',
      '--group',
      app,
      '--delete-all-internal-topics',
    ]).catch(() => undefined);
    for (const topic of [input, output])
      await kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]).catch(
        () => undefined,
      );
    stopSamplers();
    await disconnectAll();
  });

  it('is listed as a streams group, marked unsupported with unknown members, not an error', async () => {
    // Kafka's own tool fails on it.
    await expect(
      kafkaCli('kafka-streams-groups', ['--bootstrap-server', bootstrap, '--describe', '--group', app]),
    ).rejects.toThrow(/UnsupportedVersionException/);
    invalidate(`${local.id}/`);
    const group = await getGroup(local, app);
    expect(group).toMatchObject({
      type: 'streams',
      members: null,
      memberList: [],
      topology: null,
      unsupported: { api: 'StreamsGroupDescribe', apiKey: 89, reason: 'feature' },
    });
  });

  it('is described again once the feature is back on', async () => {
    await features('upgrade', 1);
    invalidate(`${local.id}/`);
    const group = await getGroup(local, app);
    expect(group).toMatchObject({ type: 'streams', state: 'Empty', members: 0, unsupported: null });
    expect(group.topology?.subtopologies).toHaveLength(2);
  });
});
