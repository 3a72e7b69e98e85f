import { defineConfig, devices } from '@playwright/test';
import { ADMIN_STATE, OIDC, testUsers } from './e2e/support/auth';
import { BOOTSTRAP } from './dev/kafka/local-cluster';
import { REGISTRY_URL } from './dev/schema-registry/local-registry';
import { CONNECT_URL, CONNECT_URLS } from './dev/connect/local-connect';

const PORT = Number(process.env.E2E_PORT ?? 3199);
export const baseURL = `http://127.0.0.1:${PORT}`;
/** The webhook receiver the alerts spec runs: the one host its server lets webhooks reach. */
export const ALERTS_RECEIVER_PORT = PORT + 2000;
const LOCAL = BOOTSTRAP;

// Debian's Chromium: the machines that run these tests cannot download Playwright's own browsers.
const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1440, height: 900 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

/** The console as it runs in production, login on: three users, the local cluster twice (once read-only) with the local schema registry and Connect workers, an audit topic, SSO. */
const serverEnv = {
  PORT: String(PORT),
  HOSTNAME: '127.0.0.1',
  NODE_ENV: 'production',
  NEXT_MANUAL_SIG_HANDLE: 'true',
  KAFKA_CLUSTERS_0_ID: 'local',
  KAFKA_CLUSTERS_0_NAME: 'Local',
  KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: LOCAL,
  KAFKA_CLUSTERS_0_SCHEMA_REGISTRY_URL: REGISTRY_URL,
  KAFKA_CLUSTERS_0_CONNECT_0_NAME: 'local-connect',
  KAFKA_CLUSTERS_0_CONNECT_0_URL: CONNECT_URLS.join(','),
  KAFKA_CLUSTERS_1_ID: 'local-ro',
  KAFKA_CLUSTERS_1_NAME: 'Local (read-only)',
  KAFKA_CLUSTERS_1_BOOTSTRAP_SERVERS: LOCAL,
  KAFKA_CLUSTERS_1_SCHEMA_REGISTRY_URL: REGISTRY_URL,
  KAFKA_CLUSTERS_1_CONNECT_0_NAME: 'local-connect',
  KAFKA_CLUSTERS_1_CONNECT_0_URL: CONNECT_URL,
  // A Connect cluster nothing answers for: the read-only cluster's overview shows it down.
  KAFKA_CLUSTERS_1_CONNECT_1_NAME: 'gone-connect',
  KAFKA_CLUSTERS_1_CONNECT_1_URL: 'http://127.0.0.1:1',
  KAFKA_CLUSTERS_1_CONNECT_1_TIMEOUT_MS: '2000',
  KAFKA_CLUSTERS_1_READ_ONLY: 'true',
  KAFKASCOPE_AUTH: 'login',
  // The embedded store (lag history, alerts), kept between runs as a volume would be.
  KAFKASCOPE_DATA_DIR: process.env.E2E_DATA_DIR ?? '.kafka/e2e-store',
  KAFKASCOPE_ALERTS_WEBHOOK_ALLOW: `127.0.0.1:${ALERTS_RECEIVER_PORT}`,
  KAFKASCOPE_SESSION_SECRET: 'e2e-only-session-secret-0123456789abcdef',
  // A block that outlasts any burst on a loaded machine: the sign-in throttle's tests then see it in
  // force whatever the timing (with 1 s it could run out in the middle of a burst).
  KAFKASCOPE_SIGNIN_BACKOFF_SECONDS: '120',
  ...Object.fromEntries(
    Object.entries(testUsers).flatMap(([role, user], i) => [
      [`KAFKASCOPE_USERS_${i}_USERNAME`, role],
      [`KAFKASCOPE_USERS_${i}_PASSWORD_HASH`, user.hash],
      [`KAFKASCOPE_USERS_${i}_ROLE`, role],
    ]),
  ),
  KAFKASCOPE_AUDIT_TOPIC: 'kafkascope-e2e-audit',
  KAFKASCOPE_AUDIT_CLUSTER: 'local',
  KAFKASCOPE_OIDC_ISSUER: `http://127.0.0.1:${OIDC.port(PORT)}`,
  KAFKASCOPE_OIDC_CLIENT_ID: OIDC.clientId,
  KAFKASCOPE_OIDC_CLIENT_SECRET: OIDC.clientSecret,
  KAFKASCOPE_OIDC_SCOPES: 'openid profile groups',
  KAFKASCOPE_OIDC_NAME: 'Test IdP',
  KAFKASCOPE_OIDC_ADMIN_VALUES: 'kafka-admins',
  KAFKASCOPE_OIDC_OPERATOR_VALUES: 'kafka-operators',
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    storageState: ADMIN_STATE,
  },
  projects: [
    { name: 'api', testMatch: 'api/**/*.spec.ts' },
    { name: 'ui', testMatch: 'ui/**/*.spec.ts', use: chromium },
  ],
  // The very command the container runs, against the production build.
  webServer: {
    command: 'node .next/standalone/server.js',
    url: `${baseURL}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: process.env.E2E_SERVER_STDOUT === 'pipe' ? 'pipe' : 'ignore',
    stderr: 'pipe',
    env: serverEnv,
  },
});
