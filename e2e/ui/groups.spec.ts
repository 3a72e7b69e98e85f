import { expect, test } from '@playwright/test';
import { describeGroupWithKafkaTools } from '../../dev/kafka/local-cluster';
import { GroupPage, GroupsPage } from '../pages/group-page';
import { produceEvenly, testKafka, type Consumer, type Producer } from '../support/kafka';
import { snap } from '../support/screenshot';

const api = '/api/clusters/local';
const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

const topic = unique('e2e-ui-lag');
const groupId = unique('e2e-ui-group');
const partitions = 3;
const kafka = testKafka('kafkascope-e2e-groups');
let producer: Producer | undefined;
let consumer: Consumer | undefined;

test.afterAll(async ({ request }) => {
  await Promise.allSettled([consumer?.disconnect(), producer?.disconnect()]);
  await request.delete(`${api}/groups/${groupId}`);
  await request.delete(`${api}/topics/${topic}`);
});

test('a group falls behind, refuses a reset while consuming, and is reset to latest through the UI', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const created = await request.post(`${api}/topics`, {
    data: { name: topic, partitions, replicationFactor: 1 },
  });
  expect(created.status()).toBe(200);

  // A live consumer reads the first 3 messages a partition and commits them: lag 0.
  producer = kafka.producer({ allowAutoTopicCreation: false });
  consumer = kafka.consumer({ groupId, heartbeatInterval: 1_000 });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  let consumed = 0;
  await consumer.run({
    eachMessage: async () => {
      consumed += 1;
    },
  });
  await produceEvenly(producer, topic, partitions, 3);
  await expect.poll(() => consumed, { timeout: 30_000 }).toBe(9);

  const group = new GroupPage(page, groupId);
  await group.goto();
  await expect(group.totalLag).toHaveText('0', { timeout: 30_000 });
  await expect(group.partitionRows).toHaveCount(partitions);
  await expect(group.membersCount).toHaveText('1');

  // Paused, the consumer keeps its membership but reads nothing: the page watches the lag rise to 30.
  consumer.pause([{ topic }]);
  await produceEvenly(producer, topic, partitions, 10);
  await expect(group.totalLag).toHaveText('30', { timeout: 30_000 });
  for (let p = 0; p < partitions; p++) {
    await expect(group.partitionRow(topic, p).getByTestId('partition-lag')).toHaveText('10');
    await expect(group.partitionRow(topic, p).getByTestId('committed-offset')).toHaveText('3');
  }
  await expect(group.health).toHaveAttribute('data-health', /lagging|stalled/);
  await snap(page, 'group-lagging');

  // Paused, it reads nothing while the page watches: once the rates cover half a minute the forecast
  // says it never catches up at this pace, and that retention (the broker's 7 days) will take the
  // oldest unread records in about a week.
  const forecast = group.root.getByTestId('group-forecast');
  await expect(forecast).toHaveAttribute('data-state', 'not_consuming', { timeout: 90_000 });
  await expect(group.root.getByTestId('group-catch-up')).toContainText('Not consuming');
  await expect(group.root.getByTestId('group-loss-forecast')).toContainText(/Loses data in about (6|7) d/);
  await expect(group.partitionRow(topic, 0).getByTestId('partition-forecast')).toContainText('never');
  for (const width of [1024, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await snap(page, `group-forecast-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  await group.tab('members').click();
  await expect(page).toHaveURL(/\?tab=members$/);
  await expect(group.memberRows).toHaveCount(1);
  await expect(group.memberRows.first()).toContainText('kafkascope-e2e-groups');

  await group.tab('lag').click();
  await expect(group.lagChart).toBeVisible();
  await expect.poll(async () => Number(await group.lagChart.getAttribute('data-points'))).toBeGreaterThan(0);
  await snap(page, 'group-lag-chart');

  // While a member is connected, Kafka refuses new offsets: the preview works, Apply shows the 409.
  await group.tab('partitions').click();
  await group.previewReset('latest');
  await expect(group.previewRows).toHaveCount(partitions);
  await group.applyReset();
  await expect(group.formError).toContainText(`"${groupId}" has 1 active member`);
  await expect(group.formError).toContainText('stop its consumers before you reset its offsets');
  await snap(page, 'group-reset-refused');
  await page.keyboard.press('Escape');
  await expect(group.dialog).toBeHidden();

  // Stopped, the group has no members; Latest skips the 30 unread messages.
  await consumer.disconnect();
  consumer = undefined;
  await expect(group.membersCount).toHaveText('0', { timeout: 30_000 });
  await expect(group.health).toHaveAttribute('data-health', 'stopped');
  await group.previewReset('latest');
  for (let p = 0; p < partitions; p++) {
    await expect(group.previewRow(p)).toHaveAttribute('data-changed', 'true');
    await expect(group.previewRow(p).getByTestId('preview-current')).toHaveText('3');
    await expect(group.previewRow(p).getByTestId('preview-new')).toHaveText('13');
  }
  await expect(group.dialog.getByTestId('reset-preview-summary')).toContainText('lag afterwards: 0');
  await snap(page, 'group-reset-preview');
  await group.applyReset();
  await expect(group.dialog).toBeHidden();
  await expect(group.notice).toContainText('lag is now 0');
  await expect(group.totalLag).toHaveText('0');
  for (let p = 0; p < partitions; p++) {
    await expect(group.partitionRow(topic, p).getByTestId('committed-offset')).toHaveText('13');
  }
  await snap(page, 'group-caught-up');

  // Kafka's own tool agrees.
  const theirs = await describeGroupWithKafkaTools(groupId);
  expect(theirs.map(({ partition, committed, lag }) => ({ partition, committed, lag }))).toEqual(
    [0, 1, 2].map((partition) => ({ partition, committed: 13, lag: 0 })),
  );

  // The list finds the group by a search typed into the page, with its lag and health.
  const groups = new GroupsPage(page);
  await groups.goto();
  await groups.search.fill(groupId);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${groupId}`));
  await expect(groups.total).toHaveAttribute('data-total', '1');
  await expect(groups.rows).toHaveCount(1);
  const row = groups.row(groupId);
  await expect(row.getByTestId('group-row-lag')).toHaveText('0');
  await expect(row.getByTestId('health-badge')).toHaveAttribute('data-health', 'stopped');
  await snap(page, 'groups-list');
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/groups/${groupId}$`));
  await expect(group.root).toBeVisible();

  // The topic's Consumers tab lists the group with its lag on that topic.
  await page.goto(`/clusters/local/topics/${topic}?tab=consumers`);
  const consumerRow = page.locator(`[data-testid="topic-consumer-row"][data-group="${groupId}"]`);
  await expect(consumerRow).toBeVisible();
  await expect(consumerRow.getByTestId('topic-consumer-lag')).toHaveText('0');
  await snap(page, 'topic-consumers');
});
