/**
 * Search scan speed: fills a topic (default 1,000,000 JSON messages of ~200 bytes over 6
 * partitions), then, in one run, prints the console's search scan rate through its HTTP API
 * (with and without a filter), the same range read by `kcat -C -e` to /dev/null, their ratio, the
 * time to the first result, and the server's peak memory (VmHWM).
 *
 * With --transactional the topic is written in transactions (one per 20,000 messages, each ending
 * in a COMMIT marker on every partition), so the scan also settles each record's transaction.
 * With --format avro or --format protobuf the same records are written in the schema registry's wire
 * format (schemas registered in dev/schema-registry's registry), so every filter decodes them first.
 *
 *   npm run build && npx tsx bench/scan.ts [--messages 1000000] [--partitions 6] [--transactional]
 *     [--format json|avro|protobuf] [--delete]
 *     [--app DIR: the checkout whose production build is measured, this one by default] [--port 3186]
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { BOOTSTRAP, ensureCluster } from '../dev/kafka/local-cluster';
import avro from 'avsc';
import protobuf from 'protobufjs';
import { ensureRegistry, registerSchema } from '../dev/schema-registry/local-registry';
import { fillTopic, numberArg, runSearch, startServer, stringArg, type BenchRecord } from './support';

const exec = promisify(execFile);
const MESSAGES = numberArg('messages', 1_000_000);
const PARTITIONS = numberArg('partitions', 6);
const PORT = numberArg('port', 3186);
const APP = stringArg('app', '.');
const TRANSACTIONAL = process.argv.includes('--transactional');
const FORMAT = stringArg('format', 'json');
if (!['json', 'avro', 'protobuf'].includes(FORMAT)) throw new Error('--format is json, avro or protobuf');
const topic = `bench-scan-${TRANSACTIONAL ? 'tx-' : ''}${FORMAT === 'json' ? '' : `${FORMAT}-`}${MESSAGES}-${PARTITIONS}`;

/** The bench records in a schema's wire format, the schema registered under <topic>-value. */
async function wireEncoder(format: 'avro' | 'protobuf'): Promise<(record: BenchRecord) => Buffer> {
  await ensureRegistry();
  const avroSchema = {
    type: 'record',
    name: 'BenchOrder',
    fields: [
      { name: 'id', type: 'long' },
      { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['placed', 'cancelled'] } },
      { name: 'total', type: 'double' },
      { name: 'region', type: 'string' },
      { name: 'pad', type: 'string' },
    ],
  };
  const proto = `syntax = "proto3";
message BenchOrder { int64 id = 1; string status = 2; double total = 3; string region = 4; string pad = 5; }`;
  const id = await registerSchema(
    `${topic}-value`,
    format === 'avro' ? JSON.stringify(avroSchema) : proto,
    format === 'avro' ? 'AVRO' : 'PROTOBUF',
  );
  const header = Buffer.alloc(format === 'avro' ? 5 : 6); // Protobuf: message indexes [0], one 0 byte
  header.writeInt32BE(id, 1);
  if (format === 'avro') {
    const type = avro.Type.forSchema(avroSchema as avro.Schema);
    return (record) => Buffer.concat([header, type.toBuffer(record)]);
  }
  const type = protobuf.parse(proto).root.lookupType('BenchOrder');
  return (record) => Buffer.concat([header, type.encode(type.fromObject(record)).finish()]);
}

function peakRssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

const search = (params: Record<string, string>) => runSearch(PORT, topic, params);

async function main(): Promise<void> {
  ensureCluster();
  const kafka = new Kafka({
    clientId: 'kafkascope-bench',
    brokers: BOOTSTRAP.split(','),
    logLevel: logLevel.NOTHING,
  });
  const encode = FORMAT === 'json' ? undefined : await wireEncoder(FORMAT as 'avro' | 'protobuf');
  await fillTopic(kafka, {
    topic,
    messages: MESSAGES,
    partitions: PARTITIONS,
    transactional: TRANSACTIONAL,
    encode,
  });
  const server = await startServer(PORT, APP);
  try {
    await search({ limit: '1', q: 'placed' }); // connect and warm up
    const rate = (r: { elapsedMs: number; done: { scanned: number } }) =>
      r.done.scanned / (r.elapsedMs / 1000);
    const plain = await search({ limit: '1000', q: 'no-such-text-anywhere' });
    const cel = await search({ limit: '1000', filter: 'json.status == "cancelled" && partition >= 0' });
    // No string to look for in the raw bytes: every value is parsed and interpreted.
    const parsed = await search({ limit: '1000', filter: 'json.total > 999.0' });
    // A pattern run over every value (RE2: linear in the value's length); no total reaches 500.
    const regex = await search({ limit: '1000', filter: 'value.matches("\\"total\\":5[0-9]{2}[.]99")' });
    const first = await search({ limit: '50', q: 'placed' });

    const kcatStarted = performance.now();
    await exec('sh', ['-c', `kcat -C -b ${BOOTSTRAP} -t ${topic} -o beginning -e -q > /dev/null`], {
      maxBuffer: 1024,
    });
    const kcatMs = performance.now() - kcatStarted;
    const kcatRate = MESSAGES / (kcatMs / 1000);

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    console.log(
      `\n${fmt(MESSAGES)} messages (${FORMAT === 'json' ? '~200 B JSON' : `${FORMAT} in the schema registry's wire format`}) over ${PARTITIONS} partitions${TRANSACTIONAL ? ', in transactions' : ''}:`,
    );
    console.log(
      `search, text filter (scans all)  ${fmt(rate(plain))} msg/s  (${fmt(plain.done.scanned)} in ${(plain.elapsedMs / 1000).toFixed(2)} s)`,
    );
    console.log(
      `search, CEL on parsed JSON       ${fmt(rate(cel))} msg/s  (${fmt(cel.done.matched)} matches)`,
    );
    console.log(
      `search, CEL parsing every value  ${fmt(rate(parsed))} msg/s  (${fmt(parsed.done.matched)} matches)`,
    );
    console.log(
      `search, CEL matches (RE2)        ${fmt(rate(regex))} msg/s  (${fmt(regex.done.matched)} matches)`,
    );
    console.log(`kcat -C -e > /dev/null           ${fmt(kcatRate)} msg/s  (${(kcatMs / 1000).toFixed(2)} s)`);
    console.log(
      `ratio console/kcat               text ${(rate(plain) / kcatRate).toFixed(2)}, CEL ${(rate(cel) / kcatRate).toFixed(2)}, CEL parsing every value ${(rate(parsed) / kcatRate).toFixed(2)}`,
    );
    console.log(`first results                    ${first.firstResultMs?.toFixed(0)} ms`);
    console.log(`server peak memory (VmHWM)       ${peakRssMiB(server.pid!).toFixed(0)} MiB`);
  } finally {
    server.kill();
  }
  if (process.argv.includes('--delete')) {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
