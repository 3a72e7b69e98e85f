import http from 'node:http';
import { expect, test } from '@playwright/test';
import { ALERTS_RECEIVER_PORT } from '../../playwright.config';
import { snap } from '../support/screenshot';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const channel = `e2e-hook-${run}`;
const rule = `E2E lag ${run}`;
const token = `secret-token-${run}`;
const received: { url: string; body: Record<string, unknown> }[] = [];
let receiver: http.Server;

test.beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: JSON.parse(data || '{}') as Record<string, unknown> });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(ALERTS_RECEIVER_PORT, '127.0.0.1', r));
});

test.afterAll(async ({ request }) => {
  const rules = (await (await request.get('/api/alerts')).json()) as {
    rules: { id: string; name: string }[];
  };
  for (const r of rules.rules.filter((x) => x.name === rule))
    await request.delete(`/api/alerts/rules/${r.id}`);
  await request.delete(`/api/alerts/channels/${channel}`);
  await new Promise((r) => receiver.close(r));
});

test('an admin creates a webhook channel and a rule, sends a test, and the secret never comes back', async ({
  page,
}) => {
  await page.goto('/clusters/local');
  await page.getByTestId('nav-alerts').click();
  await expect(page).toHaveURL(/\/alerts$/);
  await expect(page.getByTestId('alerts-page')).toBeVisible();

  await page.getByTestId('alerts-tab-channels').click();
  await expect(page).toHaveURL(/\/alerts\?tab=channels$/);
  await page.getByTestId('new-channel').click();
  const dialog = page.getByTestId('channel-dialog');
  await dialog.getByTestId('channel-name').fill(channel);
  await dialog.getByTestId('channel-url').fill(`http://127.0.0.1:${ALERTS_RECEIVER_PORT}/hook/${token}`);
  await snap(page, 'alerts-channel-dialog');
  await dialog.getByTestId('channel-submit').click();
  await expect(dialog).toBeHidden();
  const row = page.locator(`[data-testid="channel-row"][data-channel="${channel}"]`);
  await expect(row).toContainText(`http://127.0.0.1:${ALERTS_RECEIVER_PORT}/…`);
  await expect(row).not.toContainText(token);
  const listed = await page.request.get('/api/alerts/channels');
  expect(await listed.text()).not.toContain(token);

  await row.getByTestId('channel-test').click();
  await expect(page.getByTestId('channel-test-result')).toContainText('delivered');
  await expect.poll(() => received.filter((r) => r.url === `/hook/${token}`).length).toBe(1);
  expect(received.at(-1)!.body).toMatchObject({ test: true, state: 'firing', severity: 'info' });
  await snap(page, 'alerts-channels');

  await page.getByTestId('alerts-tab-rules').click();
  await expect(page).toHaveURL(/\/alerts$/);
  await page.getByTestId('new-rule').click();
  const form = page.getByTestId('rule-dialog');
  await form.getByTestId('rule-name').fill(rule);
  await form.getByTestId('rule-kind').selectOption('lag_above');
  await form.getByTestId('rule-threshold').fill('five');
  await form.getByTestId('rule-submit').click();
  await expect(form.getByTestId('field-error')).toContainText(/whole number/);
  await form.getByTestId('rule-threshold').fill('1000');
  await form.getByTestId('rule-groups').fill('payments-*');
  await form.getByTestId('rule-severity').selectOption('critical');
  await form.getByTestId('rule-channels').getByLabel(channel).check();
  await snap(page, 'alerts-rule-dialog');
  await form.getByTestId('rule-submit').click();
  await expect(form).toBeHidden();
  const ruleRow = page.locator(`[data-testid="rule-row"][data-rule="${rule}"]`);
  await expect(ruleRow).toContainText('Lag above 1,000');
  await expect(ruleRow).toContainText('groups payments-*');
  await expect(ruleRow).toContainText(channel);
  await expect(ruleRow).toContainText('ok');
  await snap(page, 'alerts-rules');

  await page.getByTestId('alerts-tab-active').click();
  await expect(page).toHaveURL(/tab=active/);
  await page.getByTestId('alerts-tab-history').click();
  await expect(page).toHaveURL(/tab=history/);
  await snap(page, 'alerts-history');
});

test('a viewer sees the rules but may not change them', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('User name', { exact: true }).fill('viewer');
  await page.getByLabel('Password', { exact: true }).fill('e2e-viewer-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/alerts');
  await expect(page.getByTestId('new-rule')).toBeDisabled();
  const refused = await page.request.post('/api/alerts/rules', {
    data: { name: `viewer ${run}`, kind: 'stalled' },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(403);
  await context.close();
});
