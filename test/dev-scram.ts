import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BOOTSTRAP, bootstrapOf, devCredentials, kafkaCli } from '@/dev/kafka/local-cluster';

const mechanisms = ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;

/**
 * Whether Kafka's own client logs in as the dev user with this mechanism on every node's SASL
 * listener: kafka-broker-api-versions asks each broker of the cluster, and fails on a refusal.
 */
async function refusal(mechanism: (typeof mechanisms)[number]): Promise<string | null> {
  const { username, password, ports } = devCredentials();
  const file = path.join(tmpdir(), `dev-scram-${process.pid}-${mechanism}.properties`);
  writeFileSync(
    file,
    [
      'security.protocol=SASL_PLAINTEXT',
      `sasl.mechanism=${mechanism}`,
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${username}" password="${password}";`,
    ].join('\n'),
  );
  try {
    const out = await kafkaCli('kafka-broker-api-versions', [
      ...['--bootstrap-server', bootstrapOf(ports.saslPlaintext), '--command-config', file],
    ]);
    const missing = ports.saslPlaintext.filter((port) => !out.includes(`127.0.0.1:${port} (id:`));
    return missing.length === 0 ? null : `${mechanism} on :${missing.join(', :')}`;
  } catch (error) {
    // The refused node, as Kafka's client logs it: "Connection to node -2 (localhost/127.0.0.1:9193) failed authentication".
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    const nodes = [
      ...new Set([...stderr.matchAll(/(127\.0\.0\.1:\d+)\) failed authentication/g)].map((m) => m[1])),
    ];
    return `${mechanism}${nodes.length ? ` on ${nodes.join(', ')}` : ''}`;
  } finally {
    rmSync(file, { force: true });
  }
}

/** What refuses the dev user, one entry per mechanism (with the node when Kafka's client names it); empty when nothing does. */
export const devScramRefusals = async (): Promise<string[]> =>
  (await Promise.all(mechanisms.map(refusal))).filter((r): r is string => r !== null);

/**
 * Makes sure the dev SCRAM user (dev/kafka/secure.sh) logs in on every node with both mechanisms
 * before a suite about the console's SASL connections runs. Nodes restarted by earlier suites used to
 * refuse it (see metadata.log.max.snapshot.interval.ms in dev/kafka/cluster.sh); should one refuse it
 * again, this says so on stderr, writes the credentials again with kafka-configs and waits until every
 * node accepts them, or fails naming what is still refused. The suite is about the console, not that.
 */
export async function ensureDevScramLogins(timeoutMs = 30_000): Promise<void> {
  let refused = await devScramRefusals();
  if (refused.length === 0) return;
  console.warn(`the dev SCRAM user is refused (${refused.join('; ')}); writing its credentials again`);
  const { username, password } = devCredentials();
  for (const mechanism of mechanisms) {
    await kafkaCli('kafka-configs', [
      ...['--bootstrap-server', BOOTSTRAP, '--alter', '--entity-type', 'users', '--entity-name', username],
      ...['--add-config', `${mechanism}=[password=${password}]`],
    ]);
  }
  const deadline = Date.now() + timeoutMs;
  while ((refused = await devScramRefusals()).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (refused.length > 0) throw new Error(`the dev SCRAM user is still refused: ${refused.join('; ')}`);
}
