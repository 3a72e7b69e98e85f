import { expect, test, type Page } from '@playwright/test';
import { REGISTRY_URL } from '../../dev/schema-registry/local-registry';
import { SchemasPage, SubjectPage } from '../pages/schemas-page';
import { signedIn, testUsers } from '../support/auth';
import { snap } from '../support/screenshot';

/**
 * The schema browser against the local registry: subjects are made and checked through the registry's
 * own REST API, never through the console.
 */
const run = `e2e-browser-${Date.now().toString(36)}`;
const payments = `${run}-payments`;
const refund = `${run}-refund`;
const seg = encodeURIComponent;
const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

async function registry(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${REGISTRY_URL}${path}`, {
    method,
    headers: { accept: CONTENT_TYPE, ...(body !== undefined && { 'content-type': CONTENT_TYPE }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok && method !== 'DELETE') throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const v1 = {
  type: 'record',
  name: 'Payment',
  namespace: 'e2e.browser',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'long' },
  ],
};
const v2 = { ...v1, fields: [...v1.fields, { name: 'currency', type: 'string', default: 'EUR' }] };

const widths = [1024, 1440, 1920];
async function snapWidths(page: Page, name: string) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    // A full-page screenshot of a scrolled page draws the sticky top bar where the scroll left it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.beforeAll(async () => {
  await registry('POST', `/subjects/${seg(payments)}/versions`, { schema: JSON.stringify(v1) });
  await registry('POST', `/subjects/${seg(payments)}/versions`, { schema: JSON.stringify(v2) });
  await registry('POST', `/subjects/${seg(refund)}/versions`, {
    schema: JSON.stringify({
      type: 'record',
      name: 'Refund',
      namespace: 'e2e.browser',
      fields: [{ name: 'of', type: 'e2e.browser.Payment' }],
    }),
    references: [{ name: 'e2e.browser.Payment', subject: payments, version: 2 }],
  });
});

test.afterAll(async () => {
  for (const subject of [refund, payments]) {
    await registry('DELETE', `/subjects/${seg(subject)}`);
    await registry('DELETE', `/subjects/${seg(subject)}?permanent=true`);
  }
});

test('an admin browses subjects, compares versions, changes compatibility, checks, registers and deletes', async ({
  page,
}) => {
  const global = ((await registry('GET', '/config')) as { compatibilityLevel: string }).compatibilityLevel;
  const list = new SchemasPage(page);
  await list.goto();
  await expect(list.global).toHaveAttribute('data-level', global);
  await list.search.fill(run);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${run}`));
  await expect(list.total).toHaveAttribute('data-total', '2');
  await expect(list.rows).toHaveCount(2);
  const row = list.row(payments);
  await expect(row.getByTestId('schema-type')).toHaveText('Avro');
  await expect(row.getByTestId('latest-version')).toHaveText('2');
  await expect(row.getByTestId('compatibility')).toHaveAttribute('data-source', 'global');
  await expect(row.getByTestId('compatibility')).toContainText(global);
  await snapWidths(page, 'schemas-list');

  // The subject: its latest version, with what refers to it.
  await row.getByRole('link', { name: payments }).click();
  await page.waitForURL(`**/schemas/${seg(payments)}`);
  const subject = new SubjectPage(page, payments);
  await expect(page.getByTestId('schema-version')).toHaveAttribute('data-version', '2');
  await expect(subject.schemaText).toContainText('"currency"');
  await expect(page.getByTestId('referenced-by').getByRole('link', { name: `${refund} v1` })).toBeVisible();
  await snapWidths(page, 'schema-version');

  // Version 1 by its address, then the diff between the two.
  await subject.version(1).click();
  await expect(page).toHaveURL(/\?version=1$/);
  await expect(page.getByTestId('schema-version')).toHaveAttribute('data-version', '1');
  await expect(subject.schemaText).not.toContainText('currency');
  await subject.version(2).click();
  await page.getByTestId('compare-previous').click();
  await expect(page).toHaveURL(/\?diff=1\.\.2$/);
  await expect(subject.tab('diff')).toHaveAttribute('aria-selected', 'true');
  const added = subject.diff.locator('[data-testid="diff-row"][data-kind="added"]');
  await expect(added.filter({ hasText: '"currency"' })).toHaveCount(1);
  // A field added at the end: five lines more (the previous field's closing brace gains its comma).
  await expect(added).toHaveCount(5);
  await expect(page.getByTestId('diff-stats')).toContainText('+5 −0 lines');
  await snapWidths(page, 'schema-diff');
  // The address alone opens the same diff.
  await subject.goto('diff=1..2');
  await expect(added.filter({ hasText: '"currency"' })).toHaveCount(1);

  // Compatibility: set on the subject, read back from the registry, then back to the global level.
  await subject.tab('compatibility').click();
  await expect(page).toHaveURL(/\?tab=compatibility$/);
  await page.getByTestId('subject-level').selectOption('FULL');
  await page.getByTestId('subject-level-save').click();
  await expect(page.getByTestId('compatibility-saved')).toContainText('now FULL');
  await expect
    .poll(() => registry('GET', `/config/${seg(payments)}`))
    .toEqual({ compatibilityLevel: 'FULL' });
  await expect(page.getByTestId('stat-compatibility')).toContainText('set on the subject');
  await snapWidths(page, 'schema-compatibility');
  await page.getByTestId('subject-level-reset').click();
  await expect(page.getByTestId('compatibility-saved')).toContainText('inherits the global level');
  await expect
    .poll(() => registry('GET', `/config/${seg(payments)}?defaultToGlobal=true`))
    .toEqual({ compatibilityLevel: global });

  // A breaking draft is refused by the check; a compatible one is registered as version 3.
  await subject.tab('evolve').click();
  const editor = page.getByTestId('schema-editor');
  const text = editor.getByTestId('draft-schema');
  await expect(text).toHaveValue(/"currency"/);
  await text.fill(
    JSON.stringify(
      {
        ...v2,
        fields: [
          { name: 'id', type: 'string' },
          { name: 'amount', type: 'string' },
        ],
      },
      null,
      2,
    ),
  );
  await editor.getByTestId('check-compatibility').click();
  const verdict = page.getByTestId('compatibility-verdict');
  await expect(verdict.locator('[data-compatible]')).toHaveAttribute('data-compatible', 'false');
  await snapWidths(page, 'schema-editor-refused');
  const v3 = { ...v2, fields: [...v2.fields, { name: 'note', type: ['null', 'string'], default: null }] };
  await text.fill(JSON.stringify(v3, null, 2));
  await editor.getByTestId('check-compatibility').click();
  await expect(verdict.locator('[data-compatible]')).toHaveAttribute('data-compatible', 'true');
  await editor.getByTestId('register-version').click();
  await expect(page).toHaveURL(/\?version=3$/);
  await expect(subject.notice).toContainText('Registered version 3');
  expect(await registry('GET', `/subjects/${seg(payments)}/versions`)).toEqual([1, 2, 3]);

  // Delete version 3: locked until the subject's name is typed.
  await page.getByTestId('delete-version-button').click();
  await expect(subject.confirmButton).toBeDisabled();
  await subject.confirmInput.fill(`${payments}-typo`);
  await expect(subject.confirmButton).toBeDisabled();
  await subject.confirmInput.fill(payments);
  await page.setViewportSize({ width: 1440, height: 1200 });
  await snap(page, 'schema-delete-dialog');
  await page.setViewportSize({ width: 1440, height: 900 });
  await subject.confirmButton.click();
  await expect(subject.notice).toContainText('Version 3 soft-deleted');
  expect(await registry('GET', `/subjects/${seg(payments)}/versions`)).toEqual([1, 2]);
  await expect(subject.version(3)).toContainText('deleted');

  // Dark mode.
  await page.getByRole('button', { name: /theme/i }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await subject.goto('diff=1..2');
  await expect(added.first()).toBeVisible();
  await expect(page.getByTestId('schema-type')).toHaveText('Avro');
  await snap(page, 'schema-diff-dark');
  await page.getByRole('button', { name: /theme/i }).click();
});

test.describe('as a viewer', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('sees compatibility but may not change it, and the API refuses it', async ({ page, baseURL }) => {
    const login = await page.request.post('/api/auth/login', {
      data: { username: 'viewer', password: testUsers.viewer.password },
    });
    expect(login.status()).toBe(200);
    const subject = new SubjectPage(page, payments);
    await subject.goto('tab=compatibility');
    await expect(page.getByTestId('user-role')).toHaveText('viewer');
    await expect(page.getByTestId('compatibility-current')).toBeVisible();
    await expect(page.getByTestId('subject-level')).toBeDisabled();
    const save = page.getByTestId('subject-level-save');
    await expect(save).toBeDisabled();
    await expect(save).toHaveAttribute('title', 'Needs the admin role (you are viewer)');
    await expect(page.getByTestId('delete-subject-button')).toBeDisabled();
    await snapWidths(page, 'schema-viewer');

    const before = await registry('GET', `/config/${seg(payments)}?defaultToGlobal=true`);
    const viewer = await signedIn(baseURL!, 'viewer');
    const refused = await viewer.put(`/api/clusters/local/schema-registry/subjects/${seg(payments)}/config`, {
      data: { level: 'NONE' },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error).toEqual({
      code: 'forbidden',
      message: 'schema.compatibility.alter needs the admin role; viewer is viewer',
    });
    await viewer.dispose();
    // Operators produce with the registry's schemas but do not change them either.
    const operator = await signedIn(baseURL!, 'operator');
    const notOperator = await operator.put(
      `/api/clusters/local/schema-registry/subjects/${seg(payments)}/config`,
      {
        data: { level: 'NONE' },
      },
    );
    expect([notOperator.status(), (await notOperator.json()).error.code]).toEqual([403, 'forbidden']);
    await operator.dispose();
    expect(await registry('GET', `/config/${seg(payments)}?defaultToGlobal=true`)).toEqual(before);
  });
});
