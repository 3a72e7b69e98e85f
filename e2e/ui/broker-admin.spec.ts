import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { kafkaCli } from '../../dev/kafka/local-cluster';
import { brokers } from '../support/kafka';
import { snap } from '../support/screenshot';

const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const user = `ks-test-ui-${id}`;
const key = 'max.connections.per.ip.overrides';
const value = `192.0.2.${(Date.now() % 200) + 20}:77`;
const configs = (args: string[]) => kafkaCli('kafka-configs', ['--bootstrap-server', brokers[0]!, ...args]);

/** Removes the user's credentials and quotas through the console's API, whatever step failed. */
async function cleanUp(request: APIRequestContext, user: string): Promise<void> {
  await request.delete(`/api/clusters/local/scram-users/${user}`);
  const { entries } = await (await request.get('/api/clusters/local/quotas')).json();
  for (const e of entries as {
    entity: { type: string; name: string | null }[];
    values: Record<string, number>;
  }[]) {
    if (!e.entity.some((p) => p.name === user)) continue;
    await request.patch('/api/clusters/local/quotas', {
      data: { entity: e.entity, remove: Object.keys(e.values) },
    });
  }
}

test.afterAll(async ({ request }) => {
  await cleanUp(request, user);
  await configs(['--describe', '--entity-type', 'brokers', '--entity-name', '2']).then((out) =>
    out.includes(key)
      ? configs(['--alter', '--entity-type', 'brokers', '--entity-name', '2', '--delete-config', key])
      : undefined,
  );
});

async function widths(page: Page, name: string, options?: { fullPage?: boolean }) {
  for (const width of [1024, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await snap(page, `${name}-${width}`, options);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('an admin creates a SCRAM user and sets its quota, each previewed first', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/clusters/local/security');
  await expect(page.getByTestId('security-view')).toBeVisible();
  await page.getByTestId('scram-user-add').click();
  const dialog = page.getByTestId('scram-user-dialog');
  await dialog.getByTestId('scram-user-name').fill(user);
  await dialog.getByTestId('scram-iterations').fill('100');
  await dialog.getByTestId('scram-password').fill('short');
  await dialog.getByTestId('scram-user-preview').click();
  // The route's own schema refuses it in the browser: nothing is sent.
  await expect(dialog.getByText('at least 4096')).toBeVisible();
  await expect(dialog.getByText('at least 8 characters')).toBeVisible();
  await dialog.getByTestId('scram-iterations').fill('8192');
  await dialog.getByTestId('scram-password').fill('ui-Password-123');
  await dialog.getByTestId('scram-repeat').fill('ui-Password-123');
  await dialog.getByTestId('scram-user-preview').click();
  await expect(dialog.getByTestId('scram-user-summary')).toHaveText(
    `Create the SCRAM-SHA-256 credential of ${user} with 8192 iterations.`,
  );
  await snap(page, 'broker-admin-scram-preview');
  await dialog.getByTestId('scram-user-apply').click();
  await expect(dialog).toBeHidden();
  const row = page.locator(`[data-testid="scram-user-row"][data-user="${user}"]`);
  await expect(row.getByTestId('scram-credential')).toHaveText('SCRAM-SHA-256 · 8192 iterations');
  expect(await configs(['--describe', '--entity-type', 'users', '--entity-name', user])).toContain(
    'SCRAM-SHA-256=iterations=8192',
  );
  await widths(page, 'broker-admin-users');

  // A second mechanism, then one of the two removed: the other stays.
  await row.getByTestId('scram-user-password').click();
  await dialog.getByTestId('scram-mechanism').selectOption('SCRAM-SHA-512');
  await dialog.getByTestId('scram-password').fill('ui-Password-512');
  await dialog.getByTestId('scram-repeat').fill('ui-Password-512');
  await dialog.getByTestId('scram-user-preview').click();
  await expect(dialog.getByTestId('scram-user-summary')).toHaveText(
    `Create the SCRAM-SHA-512 credential of ${user} with 8192 iterations.`,
  );
  await dialog.getByTestId('scram-user-apply').click();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId('scram-credential')).toHaveText([
    'SCRAM-SHA-256 · 8192 iterations',
    'SCRAM-SHA-512 · 8192 iterations',
  ]);
  await row.locator('[data-testid="scram-credential-delete"][data-mechanism="SCRAM-SHA-256"]').click();
  const removal = page.getByTestId('scram-delete-dialog');
  await expect(removal.getByTestId('scram-delete-summary')).toHaveText(
    `Removes the SCRAM-SHA-256 credential of ${user}: clients logging in as this user with SCRAM-SHA-256 will be refused. SCRAM-SHA-512 stays, and so do its ACLs and quotas.`,
  );
  // Nothing goes before the user's name is typed.
  await expect(removal.getByTestId('scram-delete-confirm')).toBeDisabled();
  await snap(page, 'broker-admin-scram-remove-mechanism');
  await removal.getByTestId('confirm-input').fill(user);
  await removal.getByTestId('scram-delete-confirm').click();
  await expect(removal).toBeHidden();
  await expect(row.getByTestId('scram-credential')).toHaveText(['SCRAM-SHA-512 · 8192 iterations']);
  // The last one has no remove of its own: that is deleting the user.
  await expect(row.getByTestId('scram-credential-delete')).toHaveCount(0);
  const described = await configs(['--describe', '--entity-type', 'users', '--entity-name', user]);
  expect(described).toContain('SCRAM-SHA-512=iterations=8192');
  expect(described).not.toContain('SCRAM-SHA-256');

  await page.getByTestId('tab-quotas').click();
  await expect(page).toHaveURL(/\/security\?tab=quotas$/);
  await page.getByTestId('quota-add').click();
  const quota = page.getByTestId('quota-dialog');
  await quota.getByTestId('quota-name-user').fill(user);
  await quota.getByTestId('quota-key').selectOption('consumer_byte_rate');
  await quota.getByTestId('quota-value-input').fill('-5');
  await quota.getByTestId('quota-preview').click();
  await expect(quota.getByTestId('form-error')).toContainText('must be more than 0');
  await quota.getByTestId('quota-value-input').fill('65536');
  await quota.getByTestId('quota-preview').click();
  await expect(quota.getByTestId('quota-diff-before')).toHaveText('(none)');
  await expect(quota.getByTestId('quota-diff-after')).toHaveText('65536');
  // Previewed only: Kafka validated it, nothing is set yet.
  expect(await configs(['--describe', '--entity-type', 'users', '--entity-name', user])).not.toContain(
    'consumer_byte_rate',
  );
  await snap(page, 'broker-admin-quota-preview');
  await quota.getByTestId('quota-apply').click();
  await expect(quota).toBeHidden();
  const quotaRow = page.locator(`[data-testid="quota-row"][data-entity="user=${user}"]`);
  await expect(quotaRow.getByTestId('quota-value')).toContainText('consumer_byte_rate=65536');
  expect(await configs(['--describe', '--entity-type', 'users', '--entity-name', user])).toContain(
    'consumer_byte_rate=65536',
  );
  await widths(page, 'broker-admin-quotas');
});

test('an admin edits a broker config through the diff preview; static keys are locked', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/clusters/local/brokers/2');
  const editor = page.getByTestId('broker-config-editor');
  await expect(editor).toBeVisible({ timeout: 30_000 });
  const logDirs = editor.locator('[data-testid="broker-config-row"][data-config="log.dirs"]');
  await expect(logDirs).toHaveAttribute('data-source', 'STATIC_BROKER_CONFIG');
  await expect(logDirs.getByTestId('broker-config-readonly')).toHaveAttribute(
    'title',
    /read-only: only a restart with a changed server.properties changes it/,
  );
  await editor.getByTestId('broker-config-filter').fill(key);
  const row = editor.locator(`[data-testid="broker-config-row"][data-config="${key}"]`);
  await row.getByTestId('broker-config-edit').click();
  await row.getByTestId('broker-config-input').fill(value);
  await row.getByTestId('broker-config-stage').click();
  await expect(row.getByTestId('broker-config-staged')).toContainText(value);
  await editor.getByTestId('broker-config-preview').click();
  const preview = page.getByTestId('broker-config-preview-dialog');
  const diff = preview.locator(`[data-testid="broker-config-diff-row"][data-config="${key}"]`);
  await expect(diff).toContainText('(not set here)');
  await expect(diff).toContainText(value);
  expect(await configs(['--describe', '--entity-type', 'brokers', '--entity-name', '2'])).not.toContain(key);
  await widths(page, 'broker-admin-config-preview');
  await preview.getByTestId('broker-config-apply').click();
  await expect(preview).toBeHidden();
  await expect(row).toHaveAttribute('data-source', 'DYNAMIC_BROKER_CONFIG');
  expect(await configs(['--describe', '--entity-type', 'brokers', '--entity-name', '2'])).toContain(
    `${key}=${value}`,
  );

  // And back: the value of this level is removed, again through the preview.
  await row.getByTestId('broker-config-reset').click();
  await editor.getByTestId('broker-config-preview').click();
  await expect(preview.locator(`[data-testid="broker-config-diff-row"][data-config="${key}"]`)).toContainText(
    '(removed: falls back)',
  );
  await preview.getByTestId('broker-config-apply').click();
  await expect(preview).toBeHidden();
  await expect(row).not.toHaveAttribute('data-source', 'DYNAMIC_BROKER_CONFIG');
  expect(await configs(['--describe', '--entity-type', 'brokers', '--entity-name', '2'])).not.toContain(key);
  await editor.getByTestId('broker-config-filter').fill('');
  // The whole list is back (log.dirs is far from the key above), then the first screen at each width.
  await expect(logDirs).toBeVisible();
  await widths(page, 'broker-admin-broker', { fullPage: false });

  await page.goto('/clusters/local/brokers/defaults');
  await expect(page.getByTestId('broker-config-editor')).toHaveAttribute('data-scope', 'default');
  await widths(page, 'broker-admin-defaults');
});
