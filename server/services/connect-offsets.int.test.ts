import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONNECT_FILES_DIR,
  connectRequest,
  deleteConnectorIfExists,
  ensureConnect,
} from '@/dev/connect/local-connect';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { AlterOffsetsSchema } from '@/lib/schemas/connect';
import { loadConfig } from '@/server/config/clusters';
import { alterOffsets, connectorAction, createConnector } from '@/server/services/connect';

/**
 * Offsets of a STOPPED connector changed through the service (`PATCH /connectors/{c}/offsets`),
 * checked against the worker's own `GET /offsets`, the sink's consumer group as
 * `kafka-consumer-groups --describe` reports it, and what the sink writes to its file once resumed
 * (it reads again from the offset written). A source's offsets are the connector's own maps.
 */
const local = loadConfig({}).clusters[0]!;
const CONNECT = local.connect[0]!.name;
const run = `it-connect-offsets-${Date.now().toString(36)}`;
const dir = path.join(CONNECT_FILES_DIR, run);
const topic = `${run}-in`;
const sink = `${run}-sink`;
const source = `${run}-source`;
const output = path.join(dir, 'out.txt');
const input = path.join(dir, 'in.txt');
const records = ['r0', 'r1', 'r2', 'r3', 'r4'];

interface WorkerOffsets {
  offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[];
}
const workerOffsets = (name: string) => connectRequest<WorkerOffsets>('GET', `/connectors/${name}/offsets`);
const state = async (name: string) =>
  (await connectRequest<{ connector: { state: string }; tasks: { state: string }[] }>(
    'GET',
    `/connectors/${name}/status`,
  )) ?? null;
const fileLines = () => (existsSync(output) ? readFileSync(output, 'utf8').split('\n').filter(Boolean) : []);

async function until<T>(what: string, read: () => Promise<T> | T, ok: (v: T) => boolean, ms = 45_000) {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${ms} ms`);
}

async function stop(name: string) {
  await connectorAction(local, CONNECT, name, 'stop');
  await until(
    `${name} stopped`,
    () => state(name),
    (s) => s.connector.state === 'STOPPED',
  );
}

beforeAll(async () => {
  await ensureConnect();
  mkdirSync(dir, { recursive: true });
  writeFileSync(input, 'alpha\nbravo\ncharlie\n');
  await kafkaCli('kafka-topics', [
    '--bootstrap-server',
    BOOTSTRAP,
    '--create',
    '--topic',
    topic,
    '--partitions',
    '1',
    '--replication-factor',
    '1',
  ]);
  execFileSync('kcat', ['-b', BOOTSTRAP, '-P', '-t', topic, '-p', '0'], {
    input: records.join('\n') + '\n',
    timeout: 20_000,
  });
});

afterAll(async () => {
  for (const name of [sink, source]) await deleteConnectorIfExists(name);
  for (const t of [topic, `${run}-lines`])
    await kafkaCli('kafka-topics', ['--bootstrap-server', BOOTSTRAP, '--delete', '--topic', t]).catch(
      () => undefined,
    );
  rmSync(dir, { recursive: true, force: true });
});

describe("a connector's offsets", () => {
  it('previews, then writes a stopped sink offset, which the worker, its group and the resumed sink follow', async () => {
    await createConnector(local, CONNECT, sink, {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      'tasks.max': '1',
      file: output,
      topics: topic,
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'consumer.override.auto.offset.reset': 'earliest',
    });
    await until('every record in the file', fileLines, (l) => l.length === records.length);
    // Running: refused before the worker is asked.
    const partition = { kafka_topic: topic, kafka_partition: 0 };
    await expect(
      alterOffsets(local, CONNECT, sink, { offsets: [{ partition, offset: { kafka_offset: 1 } }] }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/STOPPED/) });
    await stop(sink);
    await until(
      'the committed offset',
      () => workerOffsets(sink),
      (o) => o.offsets[0]?.offset?.kafka_offset === records.length,
    );

    const preview = await alterOffsets(local, CONNECT, sink, {
      offsets: [{ partition, offset: { kafka_offset: 1 } }],
      dryRun: true,
    });
    expect(preview).toMatchObject({
      applied: false,
      changes: [{ partition, before: { kafka_offset: records.length }, after: { kafka_offset: 1 } }],
    });
    expect((await workerOffsets(sink)).offsets).toEqual([
      { partition, offset: { kafka_offset: records.length } },
    ]);

    const done = await alterOffsets(local, CONNECT, sink, {
      offsets: [{ partition, offset: { kafka_offset: 1 } }],
    });
    expect(done).toMatchObject({
      applied: true,
      message: expect.any(String),
      changes: [{ partition, before: { kafka_offset: records.length }, after: { kafka_offset: 1 } }],
    });
    const worker = await workerOffsets(sink);
    expect(worker.offsets).toEqual([{ partition, offset: { kafka_offset: 1 } }]);
    expect(done.offsets).toEqual(worker.offsets);
    // Kafka's own tool: the sink's consumer group (connect-<name>) now starts at 1.
    const described = await kafkaCli('kafka-consumer-groups', [
      '--bootstrap-server',
      BOOTSTRAP,
      '--describe',
      '--group',
      `connect-${sink}`,
    ]);
    const row = described.split('\n').find((l) => l.includes(topic));
    expect(row?.trim().split(/\s+/).slice(1, 4)).toEqual([topic, '0', '1']);

    await connectorAction(local, CONNECT, sink, 'resume');
    // It reads again from offset 1: r1…r4 a second time.
    const lines = await until(
      'the sink writes from the new offset',
      fileLines,
      (l) => l.length >= 2 * records.length - 1,
    );
    expect(lines).toEqual([...records, ...records.slice(1)]);
  });

  it("writes a stopped source's own offset maps, and refuses what a sink or the worker would not take", async () => {
    await createConnector(local, CONNECT, source, {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
      'tasks.max': '1',
      file: input,
      topic: `${run}-lines`,
      'topic.creation.default.partitions': '1',
      'topic.creation.default.replication.factor': '1',
    });
    await until(
      'the source committed its position',
      () => workerOffsets(source),
      (o) => Number(o.offsets[0]?.offset?.position) > 0,
    );
    await stop(source);
    const [stored] = (await workerOffsets(source)).offsets;
    expect(stored!.partition).toEqual({ filename: input });
    const result = await alterOffsets(local, CONNECT, source, {
      offsets: [{ partition: { filename: input }, offset: { position: 6 } }],
    });
    expect(result.changes).toEqual([
      { partition: { filename: input }, before: stored!.offset, after: { position: 6 } },
    ]);
    expect((await workerOffsets(source)).offsets).toEqual([
      { partition: { filename: input }, offset: { position: 6 } },
    ]);
    // A sink's shape is checked by the one schema the form uses too.
    const bad = AlterOffsetsSchema.safeParse({
      offsets: [{ partition: { kafka_topic: topic, kafka_partition: -1 }, offset: { kafka_offset: 'x' } }],
    });
    expect(bad.success).toBe(false);
    await expect(
      alterOffsets(local, CONNECT, sink, {
        offsets: [{ partition: { filename: input }, offset: { position: 0 } }],
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/conflict|validation_failed/) });
  });
});
