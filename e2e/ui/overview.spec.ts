import { expect, test } from '@playwright/test';
import { BOOTSTRAP, BROKER_PORTS, kafkaCli } from '../../dev/kafka/local-cluster';
import { OverviewPage } from '../pages/overview-page';
import { snap } from '../support/screenshot';

test('the overview shows the 3 brokers with the active controller marked', async ({ page }) => {
  const status = await kafkaCli('kafka-metadata-quorum', [
    '--bootstrap-server',
    BOOTSTRAP,
    'describe',
    '--status',
  ]);
  const leader = Number(/LeaderId:\s+(\d+)/.exec(status)?.[1]);

  const overview = new OverviewPage(page);
  await overview.goto();
  await expect(overview.brokerRows).toHaveCount(3);
  for (const id of [1, 2, 3]) {
    await expect(overview.brokerRow(id)).toContainText(`127.0.0.1:${BROKER_PORTS[id - 1]}`);
    // Combined mode: every node is a broker and a KRaft voter.
    await expect(overview.brokerRow(id).getByTestId('broker-roles')).toContainText('Broker + Controller');
  }
  await expect(overview.controllerRows()).toHaveCount(1);
  await expect(overview.controllerRows()).toHaveAttribute('data-broker-id', String(leader));
  await expect(overview.controllerRows().getByTestId('controller-badge')).toHaveText('Active controller');
  await snap(page, 'overview-light');
});

test('the topics card counts what kafka-topics lists, internal topics among them and not on top', async ({
  page,
}) => {
  const overview = new OverviewPage(page);
  await overview.goto();
  const card = page.getByTestId('stat-topics');
  const list = async (...extra: string[]) =>
    (await kafkaCli('kafka-topics', ['--bootstrap-server', BOOTSTRAP, '--list', ...extra]))
      .split('\n')
      .filter((line) => line.trim() !== '').length;
  // Earlier tests' topics may still be going away: compare until the page and the tool agree.
  await expect(async () => {
    await page.getByRole('button', { name: /^Refresh/ }).click();
    const all = await list();
    const internal = all - (await list('--exclude-internal'));
    await expect(card).toContainText(`Topics${all.toLocaleString('en-US')}`, { timeout: 2_000 });
    await expect(card).toContainText(`${internal} internal topic${internal === 1 ? '' : 's'} among them`, {
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(card).not.toContainText('+');
});

test('the home page opens the first cluster, and the theme toggle switches to dark', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/clusters\/local$/);
  const overview = new OverviewPage(page);
  await expect(overview.brokerRows).toHaveCount(3);
  await page.getByRole('button', { name: /theme/i }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await snap(page, 'overview-dark');
});
