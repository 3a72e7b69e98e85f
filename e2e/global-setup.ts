import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { ensureCluster, stopCluster } from '../dev/kafka/local-cluster';
import { ADMIN_STATE, OIDC, signedIn } from './support/auth';
import { testKafka } from './support/kafka';
import { startOidcProvider } from './support/oidc-provider';

export const AUDIT_TOPIC = 'kafkascope-e2e-audit';

/**
 * The suite needs the local cluster (stopped afterwards only if started here), the audit topic, an
 * OpenID provider for the sign-on tests, and the admin's session that every project starts from.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const { startedHere } = ensureCluster();
  const baseURL = config.projects[0]!.use.baseURL!;
  const admin = testKafka('kafkascope-e2e-setup').admin();
  await admin.connect();
  // Shared with every run on this cluster: created once, never deleted (tests read their own records only).
  await admin
    .createTopics({ topics: [{ topic: AUDIT_TOPIC, numPartitions: 1, replicationFactor: 3 }] })
    .catch(() => false);
  await admin.disconnect();

  const stopOidc = await startOidcProvider(baseURL, OIDC.port(Number(new URL(baseURL).port)));
  mkdirSync(path.dirname(ADMIN_STATE), { recursive: true });
  const context = await signedIn(baseURL, 'admin');
  await context.storageState({ path: ADMIN_STATE });
  await context.dispose();
  return async () => {
    await stopOidc();
    if (startedHere) stopCluster();
  };
}
