/**
 * A real Kafka Streams application (dev/kafka/streams-app.sh) for tests and the demo: a word count
 * whose streams group (KIP-1071) has two sub-topologies, a repartition and a changelog topic. Each
 * call starts its own instance on the cluster of dev/kafka (KAFKA_PORT_OFFSET respected), with its
 * properties file, log and state under a fresh temporary directory; `stop()` stops it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BOOTSTRAP } from './local-cluster';

const run = promisify(execFile);
const script = path.resolve(__dirname, 'streams-app.sh');

export interface StreamsApp {
  applicationId: string;
  /** The properties file the instance runs with; its log is `${propertiesFile}.log`. */
  propertiesFile: string;
  stop(): Promise<void>;
}

export async function startStreamsApp(options: {
  applicationId: string;
  inputTopic: string;
  outputTopic: string;
  /** `application.server`, the user endpoint the group reports for the member. */
  endpoint?: string;
  /** More Kafka Streams properties (e.g. `num.stream.threads`). */
  properties?: Record<string, string>;
}): Promise<StreamsApp> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kafkascope-streams-'));
  const propertiesFile = path.join(dir, 'app.properties');
  const properties: Record<string, string> = {
    'application.id': options.applicationId,
    'bootstrap.servers': BOOTSTRAP,
    'group.protocol': 'streams',
    'input.topic': options.inputTopic,
    'output.topic': options.outputTopic,
    // Offsets committed every second, not every 30 s, so that tests see progress quickly.
    'commit.interval.ms': '1000',
    'state.dir': path.join(dir, 'state'),
    ...(options.endpoint ? { 'application.server': options.endpoint } : {}),
    ...options.properties,
  };
  writeFileSync(
    propertiesFile,
    Object.entries(properties)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n') + '\n',
  );
  try {
    await run('bash', [script, 'start', propertiesFile], { timeout: 150_000 });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    applicationId: options.applicationId,
    propertiesFile,
    stop: async () => {
      await run('bash', [script, 'stop', propertiesFile], { timeout: 60_000 });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
