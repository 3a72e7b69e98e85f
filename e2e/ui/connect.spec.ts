import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  CONNECT_FILES_DIR,
  connectRequest,
  deleteConnectorIfExists,
  ensureConnect,
} from '../../dev/connect/local-connect';
import { signedIn } from '../support/auth';
import { snap } from '../support/screenshot';

/**
 * Kafka Connect in the console against the local two-worker group: a connector is created from the
 * plugin's form, seen running, broken and restarted; each step is checked against the worker's own
 * REST answers, read here and never through the console.
 */
const run = `e2e-connect-${Date.now().toString(36)}`;
const name = `${run}-sink`;
const dir = path.join(CONNECT_FILES_DIR, run);
const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';

interface WorkerStatus {
  connector: { state: string };
  tasks: { id: number; state: string; trace?: string }[];
}
const status = () => connectRequest<WorkerStatus>('GET', `/connectors/${name}/status`);

async function snapWidths(page: Page, shot: string) {
  for (const width of [1024, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap(page, `${shot}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.beforeAll(async () => {
  await ensureConnect();
  mkdirSync(dir, { recursive: true });
});

test.afterAll(async () => {
  await deleteConnectorIfExists(name);
  rmSync(dir, { recursive: true, force: true });
});

test('create a connector from the form, see it run, break it and restart it', async ({ page, baseURL }) => {
  await page.goto('/clusters/local/connect/new');
  await expect(page.getByTestId('plugin-select')).toBeVisible();
  await page.getByTestId('plugin-select').selectOption(SINK);
  await expect(page.getByTestId('field-topics')).toBeVisible();
  await page.getByTestId('connector-name').fill(name);
  // The worker's validation names the field: tasks.max must be a number.
  await page.getByTestId('toggle-all-fields').click();
  await page.getByTestId('field-tasks.max').fill('many');
  await page.getByTestId('validate-connector').click();
  await expect(page.getByTestId('validation-errors')).toContainText('tasks.max');
  await expect(page.locator('#cfg-tasks_max-error')).toBeVisible();
  await snapWidths(page, 'connect-new-invalid');
  await page.getByTestId('field-tasks.max').fill('1');
  await page.getByTestId('field-topics').fill(`${run}-lines`);
  // A file in a directory that does not exist yet: the task fails at start.
  await page.getByTestId('field-file').fill(path.join(dir, 'missing', 'out.txt'));
  await page.getByTestId('create-connector').click();

  await expect(page.getByTestId('connector-page')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('task-state').first()).toHaveAttribute('data-state', 'FAILED', {
    timeout: 30_000,
  });
  const failed = await status();
  expect(failed.tasks[0]!.state).toBe('FAILED');
  await expect(page.getByTestId('task-trace')).toContainText("Couldn't find or create file");
  await snapWidths(page, 'connect-task-failed');

  // The list puts the failed task on top.
  await page.goto('/clusters/local/connect');
  await expect(page.getByTestId('connector-row').first().getByTestId('tasks-failed')).not.toHaveText('0');
  await expect(
    page.locator(`[data-testid="connector-row"][data-connector="${name}"]`).getByTestId('tasks-failed'),
  ).toHaveText('1');
  await snapWidths(page, 'connect-list');
  await page.getByTestId('connector-filter').fill(run);
  await expect(page.getByTestId('connector-row')).toHaveCount(1);
  await expect(page.getByTestId('connector-row').first()).toHaveAttribute('data-connector', name);

  // Fix the cause, then restart only the failed tasks.
  mkdirSync(path.join(dir, 'missing'), { recursive: true });
  await page.getByTestId('connector-row').first().getByRole('link', { name }).click();
  await page.getByTestId('action-restart-failed').click();
  await page.getByTestId('confirm-action').click();
  await expect(page.getByTestId('task-state').first()).toHaveAttribute('data-state', 'RUNNING', {
    timeout: 30_000,
  });
  expect((await status()).tasks[0]!.state).toBe('RUNNING');

  // Pause, as the worker then reports.
  await page.getByTestId('action-pause').click();
  await page.getByTestId('confirm-action').click();
  await expect(page.getByTestId('connector-state')).toHaveAttribute('data-state', 'PAUSED', {
    timeout: 20_000,
  });
  expect((await status()).connector.state).toBe('PAUSED');

  // A viewer may not pause; the read-only cluster refuses everyone.
  const viewer = await signedIn(baseURL!, 'viewer');
  const refused = await viewer.post(`/api/clusters/local/connect/local-connect/connectors/${name}/resume`);
  expect(refused.status()).toBe(403);
  await viewer.dispose();
  const admin = page.request;
  const readOnly = await admin.post(`/api/clusters/local-ro/connect/local-connect/connectors/${name}/resume`);
  expect(readOnly.status()).toBe(403);
  expect((await status()).connector.state).toBe('PAUSED');

  // Delete with the typed name.
  await page.getByTestId('delete-connector').click();
  await page.getByTestId('confirm-input').fill(name);
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('connectors-page')).toBeVisible();
  await expect(connectRequest('GET', `/connectors/${name}`)).rejects.toThrow(/404/);
});
