/**
 * The demo's connectors on the local Connect group (dev/connect): a FileStream source that reads a
 * file into the topic demo-connect-lines, a FileStream sink that writes that topic back to a file,
 * a MirrorMaker 2 source replicating the demo's orders topics from the local cluster to itself
 * under the alias "mirror", and a FileStream sink into a directory that does not exist, so that a failed
 * task shows. Run by dev/demo.sh after the seed; idempotent (PUT /connectors/{name}/config).
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BOOTSTRAP } from '../kafka/local-cluster';
import { CONNECT_FILES_DIR, connectRequest, ensureConnect } from './local-connect';

async function main(): Promise<void> {
  await ensureConnect();
  mkdirSync(CONNECT_FILES_DIR, { recursive: true });
  const input = path.join(CONNECT_FILES_DIR, 'demo-input.txt');
  if (!existsSync(input)) writeFileSync(input, '');
  appendFileSync(
    input,
    `demo started at ${new Date().toISOString()}\n` + ['alpha', 'beta', 'gamma'].join('\n') + '\n',
  );
  const connectors: Record<string, Record<string, string>> = {
    'demo-file-source': {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
      'tasks.max': '1',
      file: input,
      topic: 'demo-connect-lines',
      // The local cluster does not create topics on first use: the worker creates this one.
      'topic.creation.default.partitions': '1',
      'topic.creation.default.replication.factor': '1',
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    },
    'demo-file-sink': {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      'tasks.max': '1',
      file: path.join(CONNECT_FILES_DIR, 'demo-output.txt'),
      topics: 'demo-connect-lines',
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    },
    'demo-mirror-source': {
      'connector.class': 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
      'tasks.max': '1',
      'source.cluster.alias': 'local',
      'target.cluster.alias': 'mirror',
      'source.cluster.bootstrap.servers': BOOTSTRAP,
      'target.cluster.bootstrap.servers': BOOTSTRAP,
      topics: 'orders.*',
      'replication.factor': '1',
      'sync.topic.acls.enabled': 'false',
      'key.converter': 'org.apache.kafka.connect.converters.ByteArrayConverter',
      'value.converter': 'org.apache.kafka.connect.converters.ByteArrayConverter',
    },
    // Fails on purpose: its file is in a directory that does not exist, so its task fails at start
    // and shows its trace.
    'demo-broken-sink': {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      'tasks.max': '1',
      file: path.join(CONNECT_FILES_DIR, 'no-such-dir', 'out.txt'),
      topics: 'demo-connect-lines',
    },
  };
  for (const [name, config] of Object.entries(connectors)) {
    await connectRequest('PUT', `/connectors/${name}/config`, config);
    console.log(`Kafka Connect: ${name}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
