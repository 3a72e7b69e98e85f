import { expect, test, type Page } from '@playwright/test';
import { BOOTSTRAP, kafkaCli, startKafkaClient } from '../../dev/kafka/local-cluster';
import { startStreamsApp, type StreamsApp } from '../../dev/kafka/local-streams';
import { GroupPage } from '../pages/group-page';
import { testKafka, type Producer } from '../support/kafka';
import { snap } from '../support/screenshot';

// The page of a streams group (a real Kafka Streams app, KIP-1071) and of a share group (Kafka's
// console share consumer, KIP-932): what each type has beyond a consumer group's page.
const api = '/api/clusters/local';
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const app = `e2e-streams-${run}`;
const input = `${app}-in`;
const output = `${app}-out`;
const repartition = `${app}-words-repartition`;
const changelog = `${app}-counts-changelog`;
const shareTopic = `e2e-share-${run}`;
const share = `e2e-share-${run}`;
const bootstrap = BOOTSTRAP.split(',')[0]!;
const kafka = testKafka('kafkascope-e2e-group-types');
let producer: Producer | undefined;
let streams: StreamsApp | undefined;
let shareConsumer: { stop(): void } | undefined;

async function snapWidths(page: Page, name: string) {
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await snap(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.afterAll(async ({ request }) => {
  shareConsumer?.stop();
  await streams?.stop().catch(() => undefined);
  await producer?.disconnect();
  await kafkaCli('kafka-streams-groups', [
    '--bootstrap-server',
    bootstrap,
    '--delete',
    '--group',
    app,
    '--delete-all-internal-topics',
  ]).catch(() => undefined);
  await kafkaCli('kafka-share-groups', ['--bootstrap-server', bootstrap, '--delete', '--group', share]).catch(
    () => undefined,
  );
  for (const topic of [input, output, repartition, changelog, shareTopic])
    await request.delete(`${api}/topics/${topic}`);
});

test('a streams group shows its state, topology, members with their tasks, and lag', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  for (const [name, partitions] of [
    [input, 3],
    [output, 1],
  ] as const) {
    const created = await request.post(`${api}/topics`, { data: { name, partitions, replicationFactor: 1 } });
    expect(created.status()).toBe(200);
  }
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({
    topic: input,
    messages: Array.from({ length: 12 }, (_, i) => ({
      value: `the quick brown fox ${i} jumps`,
      partition: i % 3,
    })),
  });
  streams = await startStreamsApp({
    applicationId: app,
    inputTopic: input,
    outputTopic: output,
    endpoint: '127.0.0.1:7270',
  });

  const group = new GroupPage(page, app);
  await group.goto();
  await expect(group.root.getByTestId('group-state')).toHaveText('Stable', { timeout: 60_000 });
  await expect(group.membersCount).toHaveText('1');
  await expect(group.root.getByTestId('group-stats')).toContainText('stream threads of 1 instance');
  await expect(group.root.getByTestId('group-stats')).toContainText('assignor: sticky');
  // Both sub-topologies' inputs, each partition owned by the one thread, caught up once it committed.
  await expect(group.partitionRows).toHaveCount(6, { timeout: 60_000 });
  await expect(group.totalLag).toHaveText('0', { timeout: 60_000 });
  await expect(group.partitionRow(repartition, 0)).toContainText('StreamThread-1');
  await snapWidths(page, 'group-streams-partitions');

  await group.tab('topology').click();
  await expect(page).toHaveURL(/\?tab=topology$/);
  const subs = group.root.getByTestId('subtopology');
  await expect(subs).toHaveCount(2);
  await expect(subs.nth(0).getByTestId('topology-sources')).toContainText(input);
  await expect(subs.nth(0).getByTestId('topology-repartition-sinks')).toContainText(repartition);
  await expect(subs.nth(1).getByTestId('topology-repartition-sources')).toContainText(repartition);
  await expect(subs.nth(1).getByTestId('topology-changelogs')).toContainText(changelog);
  await expect(subs.nth(1).getByTestId('topology-tasks')).toContainText('tasks 1_0, 1_1, 1_2');
  await snapWidths(page, 'group-streams-topology');

  await group.tab('members').click();
  await expect(group.memberRows).toHaveCount(1);
  const member = group.memberRows.first();
  await expect(member.getByTestId('member-endpoint')).toHaveText('127.0.0.1:7270');
  await expect(member.getByTestId('member-process')).toHaveText(/^[0-9a-f-]{36}$/);
  await expect(member.getByTestId('member-task')).toHaveText(['0_0', '0_1', '0_2', '1_0', '1_1', '1_2']);
  await snapWidths(page, 'group-streams-members');

  // Stopped, the group is Empty and the records written since are its lag.
  await streams.stop();
  streams = undefined;
  await producer.send({
    topic: input,
    messages: Array.from({ length: 6 }, (_, i) => ({ value: 'late', partition: i % 3 })),
  });
  await group.tab('partitions').click();
  await expect(group.root.getByTestId('group-state')).toHaveText('Empty', { timeout: 60_000 });
  await expect(group.totalLag).toHaveText('6', { timeout: 30_000 });
  await expect(group.membersCount).toHaveText('0');
});

test('a share group shows its member, assignment and start offsets', async ({ page, request }) => {
  test.setTimeout(240_000);
  const created = await request.post(`${api}/topics`, {
    data: { name: shareTopic, partitions: 3, replicationFactor: 1 },
  });
  expect(created.status()).toBe(200);
  shareConsumer = startKafkaClient('kafka-console-share-consumer', [
    '--bootstrap-server',
    bootstrap,
    '--topic',
    shareTopic,
    '--group',
    share,
  ]);
  const group = new GroupPage(page, share);
  // The group exists once the consumer joined: keep producing until it has acknowledged records on
  // every partition (a share group starts at the latest offset).
  producer ??= kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await expect
    .poll(
      async () => {
        await producer!.send({
          topic: shareTopic,
          messages: [0, 1, 2].map((partition) => ({ value: 'shared', partition })),
        });
        const answer = await request.get(`${api}/groups/${share}`);
        if (!answer.ok()) return 0;
        const body = (await answer.json()) as { partitions: { committedOffset: number | null }[] };
        return body.partitions.filter((p) => p.committedOffset !== null).length;
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(3);

  await group.goto();
  await expect(group.root.getByTestId('group-state')).toHaveText('Stable');
  await expect(group.membersCount).toHaveText('1');
  await expect(group.partitionRows).toHaveCount(3);
  await expect(group.root.getByRole('columnheader', { name: 'Start offset' })).toBeVisible();
  await expect(group.totalLag).toHaveText('0', { timeout: 30_000 });
  await snapWidths(page, 'group-share-partitions');

  await group.tab('members').click();
  await expect(group.memberRows).toHaveCount(1);
  await expect(group.memberRows.first()).toContainText('console-share-consumer');
  await expect(group.memberRows.first()).toContainText(shareTopic);
  await snapWidths(page, 'group-share-members');
  // No Topology tab: that is a streams group's.
  await expect(group.tab('topology')).toHaveCount(0);
});
