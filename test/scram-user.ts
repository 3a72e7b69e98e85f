import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BOOTSTRAP, bootstrapOf, devCredentials, kafkaCli } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import type { ClusterConfig } from '@/server/config/schema';

/**
 * A SCRAM user of one test on the local cluster (no super user, so the authorizer decides what it
 * may do): created and removed with Kafka's own kafka-configs, with a client file for Kafka's tools
 * on the SASL listener, the console's cluster config connecting as it, and its ACLs by kafka-acls.
 */
export interface ScramTestUser {
  user: string;
  password: string;
  principal: string;
  /** A properties file for Kafka's tools (`--command-config`) and clients (it names the SASL bootstrap servers). */
  clientConfig: string;
  /** The SASL listeners' bootstrap servers. */
  saslBootstrap: string;
  /** The console connected as this user. */
  asConsole: ClusterConfig;
  create(): Promise<void>;
  remove(): Promise<void>;
  /** kafka-acls --add/--remove --allow-principal <this user> --operation <operation> <resource> (a topic by default). */
  acl(op: '--add' | '--remove', operation: string, resource: string[]): Promise<string>;
  /** One of Kafka's tools as this user on the SASL listener: its output, refused or not. */
  cli(tool: string, args: string[], options?: { timeoutMs?: number; input?: string }): Promise<string>;
  /** kafka-acls --list of this principal, one `PERMISSION principal@host OPERATION TYPE:PATTERN:name` each. */
  listAcls(): Promise<string[]>;
}

const superBootstrap = () => BOOTSTRAP.split(',')[0]!;

export function scramTestUser(
  name: string,
  {
    requestTimeoutMs = 15_000,
    consoleName = `as-${name}`.slice(0, 60),
  }: { requestTimeoutMs?: number; consoleName?: string } = {},
): ScramTestUser {
  const password = `pw-${name}`;
  const principal = `User:${name}`;
  const clientConfig = path.join(tmpdir(), `${name}.properties`);
  const saslBootstrap = bootstrapOf(devCredentials().ports.saslPlaintext);
  const users = (...args: string[]) =>
    kafkaCli('kafka-configs', [
      ...['--bootstrap-server', superBootstrap(), '--alter', '--entity-type', 'users', '--entity-name', name],
      ...args,
    ]);
  return {
    user: name,
    password,
    principal,
    clientConfig,
    saslBootstrap,
    asConsole: {
      ...loadConfig({
        KAFKA_CLUSTERS_0_NAME: consoleName,
        KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: saslBootstrap,
        KAFKA_CLUSTERS_0_SASL_MECHANISM: 'scram-sha-256',
        KAFKA_CLUSTERS_0_SASL_USERNAME: name,
        KAFKA_CLUSTERS_0_SASL_PASSWORD: password,
      }).clusters[0]!,
      requestTimeoutMs,
    },
    async create() {
      writeFileSync(
        clientConfig,
        [
          `bootstrap.servers=${saslBootstrap}`,
          'security.protocol=SASL_PLAINTEXT',
          'sasl.mechanism=SCRAM-SHA-256',
          `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${name}" password="${password}";`,
        ].join('\n'),
      );
      await users('--add-config', `SCRAM-SHA-256=[password=${password}]`);
    },
    async remove() {
      await users('--delete-config', 'SCRAM-SHA-256').catch(() => '');
      rmSync(clientConfig, { force: true });
    },
    acl: (op, operation, resource) =>
      kafkaCli('kafka-acls', [
        ...['--bootstrap-server', superBootstrap(), op, '--force', '--allow-principal', principal],
        ...['--operation', operation, ...resource],
      ]),
    cli: (tool, args, { timeoutMs = 60_000, input } = {}) =>
      new Promise<string>((resolve) => {
        const child = execFile(
          'bash',
          [
            path.resolve(__dirname, '../dev/kafka/kafka-cli.sh'),
            tool,
            ...['--bootstrap-server', saslBootstrap.split(',')[0]!, '--command-config', clientConfig],
            ...args,
          ],
          { timeout: timeoutMs },
          (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
        );
        if (input !== undefined) child.stdin!.end(input);
      }),
    async listAcls() {
      const out = await kafkaCli('kafka-acls', [
        ...['--bootstrap-server', superBootstrap(), '--list', '--principal', principal],
      ]);
      const list: string[] = [];
      let resource: string | null = null;
      for (const line of out.split('\n')) {
        const r = /resourceType=(\w+), name=(.+), patternType=(\w+)\)/.exec(line);
        if (r) resource = `${r[1]}:${r[3]}:${r[2]}`;
        const a = /\(principal=(.+), host=(.+), operation=(\w+), permissionType=(\w+)\)/.exec(line);
        if (a && resource) list.push(`${a[4]} ${a[1]}@${a[2]} ${a[3]} ${resource}`);
      }
      return list.sort();
    },
  };
}
