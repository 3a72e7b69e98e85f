import { expect, test } from '@playwright/test';
import { BOOTSTRAP, kafkaCli, startNode, stopNode } from '../../dev/kafka/local-cluster';
import { OverviewPage } from '../pages/overview-page';
import { snap } from '../support/screenshot';

test('the overview and the brokers page agree with the real cluster', async ({ page }) => {
  const status = await kafkaCli('kafka-metadata-quorum', [
    '--bootstrap-server',
    BOOTSTRAP,
    'describe',
    '--status',
  ]);
  const leader = Number(/LeaderId:\s+(\d+)/.exec(status)?.[1]);

  const overview = new OverviewPage(page);
  await overview.goto();
  await expect(overview.health).toHaveAttribute('data-kafka-status', 'healthy');
  await expect(overview.stat('brokers-online')).toContainText('3 / 3');
  await expect(overview.stat('controller')).toContainText(`Node ${leader}`);
  await expect(overview.stat('offline-partitions')).toHaveAttribute('data-tone', 'neutral');
  await expect(overview.root.getByTestId('broker-down-badge')).toHaveCount(0);

  await overview.brokerRow(leader).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/brokers/${leader}$`));
  await expect(page.getByTestId('log-dir-row').first()).toBeVisible();
  await expect(page.getByTestId('broker-config-row').first()).toBeVisible();
  await page.getByTestId('only-overrides-toggle').locator('xpath=..').click();
  await expect(page).toHaveURL(/overrides=only/);
  // Only what the broker's files or dynamic configs set: the local nodes set listeners, for one.
  await expect(page.locator('[data-testid="broker-config-row"][data-config="listeners"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="broker-config-row"][data-source="DEFAULT_CONFIG"]')).toHaveCount(
    0,
  );
  await snap(page, 'broker-detail');

  await page.goto('/clusters/local/brokers');
  await expect(page.getByTestId('quorum-leader')).toHaveText(`Node ${leader}`);
  await expect(page.getByTestId('quorum-replica-row')).toHaveCount(3);
  await snap(page, 'brokers-quorum');
});

test('a stopped broker shows as down with under-replicated partitions, and all is well after restart', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const topic = `e2e-down-${Date.now().toString(36)}`;
  expect(
    (
      await request.post('/api/clusters/local/topics', {
        data: { name: topic, partitions: 3, replicationFactor: 3 },
      })
    ).status(),
  ).toBe(200);
  const overview = new OverviewPage(page);
  try {
    await stopNode(3);
    await overview.goto();
    await expect(overview.health).toHaveAttribute('data-status', 'degraded', { timeout: 30_000 });
    await expect(overview.health).toContainText('Broker 3 down');
    await expect(overview.stat('brokers-online')).toContainText('2 / 3');
    await expect(overview.stat('under-replicated')).toHaveAttribute('data-tone', 'warning');
    await expect(overview.brokerRow(3).getByTestId('broker-down-badge')).toBeVisible();
    await expect(overview.brokerRow(1).getByTestId('broker-down-badge')).toHaveCount(0);
    await snap(page, 'overview-degraded');

    // The other pages still load, within their time-outs, with the broker down.
    await page.goto(`/clusters/local/topics/${topic}`);
    await expect(page.getByTestId('partition-row')).toHaveCount(3);
    await snap(page, 'topic-broker-down');
  } finally {
    await startNode(3);
  }
  await overview.goto();
  await expect(overview.health).toHaveAttribute('data-kafka-status', 'healthy', { timeout: 90_000 });
  await expect(overview.root.getByTestId('broker-down-badge')).toHaveCount(0);
  await request.delete(`/api/clusters/local/topics/${topic}`);
});
