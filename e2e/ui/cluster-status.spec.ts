import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../support/server';
import { snap } from '../support/screenshot';
import { BOOTSTRAP } from '../../dev/kafka/local-cluster';

// The top bar's up/down badge comes from readiness, whose body holds each cluster's verdict while
// one of them is down.
let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(Number(process.env.E2E_PORT ?? 3199) + 2, {
    KAFKA_CLUSTERS_0_NAME: 'Local',
    KAFKA_CLUSTERS_0_ID: 'local',
    KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: BOOTSTRAP,
    KAFKA_CLUSTERS_1_NAME: 'Gone',
    KAFKA_CLUSTERS_1_BOOTSTRAP_SERVERS: '127.0.0.1:1',
    KAFKASCOPE_LOG_LEVEL: 'error',
  });
});
test.afterAll(async () => server?.stop());

test('with one cluster down, the top bar shows the local one up and the other down with its reason', async ({
  page,
}) => {
  await page.goto(`${server.url}/clusters/local`);
  await expect(page.getByTestId('cluster-status')).toHaveAttribute('data-status', 'up');
  // This server runs with KAFKASCOPE_AUTH=none: no sign-in page, and the top bar says so.
  await expect(page).toHaveURL(/\/clusters\/local$/);
  await expect(page.getByTestId('login-disabled')).toBeVisible();
  await page.goto(`${server.url}/clusters/gone`);
  const status = page.getByTestId('cluster-status');
  await expect(status).toHaveAttribute('data-status', 'down');
  await expect(status).toHaveAttribute('title', /cannot reach the cluster/);
  await snap(page, 'cluster-down');
});

test('the pages of a cluster that is down answer at once and show it down, never a spinner or a 500', async ({
  page,
}) => {
  for (const path of ['', '/topics', '/groups', '/topics/some-topic', '/groups/some-group']) {
    const started = Date.now();
    const response = await page.goto(`${server.url}/clusters/gone${path}`);
    expect(response?.status(), path).toBe(200);
    // The page reads the cluster on the server, fails, and says why, like its API route: refused, or
    // out of time while the client still connects. Within the cluster's 10 s request time-out and some.
    await expect(page.getByTestId('error-panel').first(), path).toContainText(
      /Cluster unreachable|Cluster did not answer in time/,
    );
    expect(Date.now() - started, path).toBeLessThan(15_000);
    await expect(page.getByTestId('cluster-status')).toHaveAttribute('data-status', 'down');
  }
});
