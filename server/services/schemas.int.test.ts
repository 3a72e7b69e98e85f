import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import avro from 'avsc';
import protobuf from 'protobufjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProduceSchema, type Message, type SchemaDecoded } from '@/lib/schemas/message';
import { BOOTSTRAP } from '@/dev/kafka/local-cluster';
import { ensureRegistry, registerSchema } from '@/dev/schema-registry/local-registry';
import { loadConfig } from '@/server/config/clusters';
import type { ClusterConfig } from '@/server/config/schema';
import { disconnectAll } from '@/server/kafka';
import { browseMessages, getMessage, produce } from '@/server/services/messages';
import { searchStream } from '@/server/services/scan';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';
import { MAX_LOOKUPS_PER_READ } from '@/server/services/record-schemas';
import { topicSubjects } from '@/server/services/topic-subjects';

const exec = promisify(execFile);
const local = loadConfig({}).clusters[0]!;
const run = Date.now().toString(36);
const topic = `it-schemas-${run}`;
const query = { start: 'oldest', limit: 100, maxBytes: 16_384 } as const;

// ---- the registry, through its own REST API (not the console's client) -------------------------

// ---- records framed in the wire format by this test, sent by kcat (an outside client) -------------

const frame = (id: number, body: Buffer, indexes?: Buffer) => {
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  return Buffer.concat([header, ...(indexes ? [indexes] : []), body]);
};

const MSG = Buffer.from('\u001e<<end>>\u001f');
const KEY = Buffer.from('\u001d<<key>>\u001c');

/** Produces [key, value] pairs to partition 0 with kcat, byte for byte. */
async function kcatProduce(records: [Buffer | null, Buffer][]) {
  const chunks: Buffer[] = [];
  for (const [key, value] of records) {
    for (const part of [key, value])
      if (part && (part.includes(MSG) || part.includes(KEY))) throw new Error('delimiter in record');
    chunks.push(key ?? Buffer.alloc(0), KEY, value, MSG);
  }
  const child = exec('kcat', [
    '-b',
    BOOTSTRAP.split(',')[0]!,
    '-P',
    '-t',
    topic,
    '-p',
    '0',
    '-K',
    KEY.toString(),
    '-D',
    MSG.toString(),
  ]);
  child.child.stdin!.end(Buffer.concat(chunks));
  await child;
}

// Longs beyond 2^53 for the test's own Avro writer.
const BigLong = avro.types.LongType.__with({
  fromBuffer: (b: Buffer) => b.readBigInt64LE(0),
  toBuffer: (n: bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(n);
    return b;
  },
  fromJSON: BigInt,
  toJSON: Number,
  isValid: (n: unknown) => typeof n === 'bigint',
  compare: (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0),
});

const orderV1 = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'string' },
    {
      name: 'customer',
      type: {
        type: 'record',
        name: 'Customer',
        fields: [
          { name: 'id', type: 'string' },
          { name: 'tier', type: { type: 'enum', name: 'Tier', symbols: ['FREE', 'GOLD'] } },
        ],
      },
    },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'big', type: 'long' },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'raw', type: 'bytes' },
  ],
};
const orderV2 = {
  ...orderV1,
  fields: [...orderV1.fields, { name: 'channel', type: 'string', default: 'web' }],
};

const protoCommon = `syntax = "proto3";
package shop.common;
message Money { string currency = 1; int64 units = 2; }
`;
// An enum declared first, two message types, a nested one, and a reference to another subject.
const protoEvents = `syntax = "proto3";
package shop.events;
import "common.proto";
enum Kind { KIND_UNSET = 0; CREATED = 1; SHIPPED = 2; }
message Created { string order_id = 1; shop.common.Money total = 2; Kind kind = 3; }
message Shipped {
  string order_id = 1;
  int64 parcel = 2;
  message Label { string carrier = 1; }
  Label label = 3;
}
`;

const ids: Record<string, number> = {};
const avroWriter = (schema: object) =>
  avro.Type.forSchema(schema as avro.Schema, { registry: { long: BigLong as unknown as avro.Type } });

beforeAll(async () => {
  await ensureRegistry();
  await createTopic(local, { name: topic, partitions: 1, replicationFactor: 1, configs: {} });
  ids.v1 = await registerSchema(`${topic}-value`, JSON.stringify(orderV1));
  ids.v2 = await registerSchema(`${topic}-value`, JSON.stringify(orderV2));
  // The same schema under TopicRecordNameStrategy's subject: registries give it the same id.
  await registerSchema(`${topic}-shop.Order`, JSON.stringify(orderV2));
  ids.key = await registerSchema(`${topic}-key`, JSON.stringify({ type: 'string' }));
  ids.common = await registerSchema(`${topic}-common`, protoCommon, 'PROTOBUF');
  ids.events = await registerSchema(`${topic}-events`, protoEvents, 'PROTOBUF', [
    { name: 'common.proto', subject: `${topic}-common`, version: 1 },
  ]);
  ids.json = await registerSchema(
    `${topic}-json`,
    JSON.stringify({ type: 'object', properties: { n: { type: 'integer' } } }),
    'JSON',
  );

  const base = {
    id: 'o-1',
    customer: { id: 'c-17', tier: 'GOLD' },
    amount: Buffer.from([0x30, 0x39]), // 12345 → 123.45
    big: 2n ** 60n + 1n,
    day: 20_000, // 2024-10-04
    at: 1_700_000_000_123, // timestamp-millis: the test's writer reads {type: long} objects as plain longs
    note: null,
    raw: Buffer.from([0xde, 0xad, 0xbe, 0xef]),
  };
  const v1 = avroWriter(orderV1).toBuffer(base);
  const v2 = avroWriter(orderV2).toBuffer({
    ...base,
    amount: Buffer.from([0x01, 0x00]),
    id: 'o-2',
    customer: { id: 'c-18', tier: 'FREE' },
    channel: 'app',
  });

  const root = protobuf.parse(protoCommon, { keepCase: true }).root;
  protobuf.parse(protoEvents, root, { keepCase: true });
  const Shipped = root.lookupType('shop.events.Shipped');
  const shipped = Buffer.from(
    Shipped.encode(
      Shipped.fromObject({ order_id: 'o-1', parcel: '9007199254740993', label: { carrier: 'DHL' } }),
    ).finish(),
  );
  const Label = root.lookupType('shop.events.Shipped.Label');
  const label = Buffer.from(Label.encode(Label.fromObject({ carrier: 'UPS' })).finish());
  const keyBytes = avroWriter({ type: 'string' }).toBuffer('order-key');

  await kcatProduce([
    [frame(ids.key!, keyBytes), frame(ids.v1!, v1)], // 0
    [null, frame(ids.v2!, v2)], // 1
    [null, frame(ids.events!, shipped, Buffer.from([2, 2]))], // 2: indexes [1] (zigzag count 1, index 1)
    [null, frame(ids.events!, label, Buffer.from([4, 2, 0]))], // 3: indexes [1, 0]: Shipped.Label
    [null, frame(ids.json!, Buffer.from('{"n": 12345678901234567890}'))], // 4
    [null, frame(999_999, Buffer.from('nope'))], // 5: an id the registry does not have
    [null, frame(ids.v1!, Buffer.from([1, 2, 3]))], // 6: does not decode with its schema
    [null, Buffer.from('plain text')], // 7
  ]);
});

afterAll(async () => {
  await deleteTopic(local, topic).catch(() => undefined);
  await disconnectAll();
});

const schemaOf = (m: Message | undefined): SchemaDecoded | undefined => m?.value.schema;
const json = (m: Message | undefined) => JSON.parse(schemaOf(m)?.json ?? 'null') as Record<string, unknown>;

describe('records in the schema registry wire format', () => {
  it('decode Avro with exact longs, decimals, dates, times, enums and bytes, and name the subject and version', async () => {
    const { messages } = await browseMessages(local, topic, query);
    const [first, second] = messages;
    expect(schemaOf(first)).toMatchObject({
      format: 'avro',
      id: ids.v1,
      subject: `${topic}-value`,
      version: 1,
      name: 'shop.Order',
      error: null,
    });
    // The text keeps the long exact (2^60 + 1 would round as a JavaScript number).
    expect(schemaOf(first)!.json).toContain('"big": 1152921504606846977');
    expect(json(first)).toMatchObject({
      id: 'o-1',
      customer: { id: 'c-17', tier: 'GOLD' },
      amount: '123.45',
      day: '2024-10-04',
      at: '2023-11-14T22:13:20.123Z',
      note: null,
      raw: Buffer.from([0xde, 0xad, 0xbe, 0xef]).toString('base64'),
    });
    // The key has its own schema (TopicNameStrategy: <topic>-key).
    expect(first!.key.schema).toMatchObject({
      format: 'avro',
      subject: `${topic}-key`,
      version: 1,
      json: '"order-key"',
    });
    // The newer version's record is read with its own (writer) schema.
    expect(schemaOf(second)).toMatchObject({ id: ids.v2, version: 2 });
    expect(json(second)).toMatchObject({ id: 'o-2', channel: 'app', customer: { tier: 'FREE' } });
    // The raw bytes are there as always.
    expect(Buffer.from(first!.value.base64!, 'base64')[0]).toBe(0);
  });

  it('decode Protobuf by the message indexes, nested types and references included, with exact int64s', async () => {
    const { messages } = await browseMessages(local, topic, query);
    expect(schemaOf(messages[2])).toMatchObject({
      format: 'protobuf',
      id: ids.events,
      name: 'shop.events.Shipped',
      error: null,
    });
    expect(json(messages[2])).toEqual({
      order_id: 'o-1',
      parcel: '9007199254740993',
      label: { carrier: 'DHL' },
    });
    expect(schemaOf(messages[3])).toMatchObject({ name: 'shop.events.Shipped.Label' });
    expect(json(messages[3])).toEqual({ carrier: 'UPS' });
  });

  it('show JSON Schema records with their big integers as written', async () => {
    const { messages } = await browseMessages(local, topic, query);
    expect(schemaOf(messages[4])).toMatchObject({ format: 'json-schema', id: ids.json, error: null });
    expect(schemaOf(messages[4])!.json).toContain('12345678901234567890');
  });

  it('give a reason per message for an unknown id and a record that does not decode, and leave other records alone', async () => {
    const { messages } = await browseMessages(local, topic, query);
    expect(schemaOf(messages[5])).toMatchObject({ id: 999_999, json: null });
    expect(schemaOf(messages[5])!.error).toMatch(/schema id 999999 is not in the schema registry/);
    expect(schemaOf(messages[6])).toMatchObject({ id: ids.v1, format: 'avro', json: null });
    expect(schemaOf(messages[6])!.error).toMatch(/does not decode with schema/);
    expect(messages[7]!.value.schema).toBeUndefined();
    expect(Buffer.from(messages[7]!.value.base64!, 'base64').toString()).toBe('plain text');
  });

  it('refuse an explicit format the schema is not, and read raw when asked', async () => {
    const { messages } = await browseMessages(local, topic, { ...query, valueFormat: 'protobuf' });
    expect(schemaOf(messages[0])!.error).toMatch(/is Avro, not Protobuf/);
    expect(schemaOf(messages[7])!.error).toMatch(/not in the schema registry's wire format/);
    const raw = await browseMessages(local, topic, { ...query, valueFormat: 'raw', keyFormat: 'raw' });
    expect(raw.messages.every((m) => m.value.schema === undefined && m.key.schema === undefined)).toBe(true);
    const one = await getMessage(local, topic, 0, 2);
    expect(one.value.schema).toMatchObject({ name: 'shop.events.Shipped' });
  });

  it('are searched decoded: a CEL filter on fields, enum symbols and text that only the decoded record holds', async () => {
    const found = async (q: string, filter: string) => {
      const matches: Message[] = [];
      const stream = await searchStream(local, topic, {
        start: 'oldest',
        q,
        filter,
        limit: 100,
        maxBytes: 16_384,
      });
      await stream({
        send: (event, data) => {
          if (event === 'messages') matches.push(...(data as { messages: Message[] }).messages);
        },
        signal: new AbortController().signal,
        close: () => undefined,
      });
      return matches.map((m) => m.offset);
    };
    expect(await found('', 'json.customer.id == "c-17"')).toEqual([0]);
    // GOLD is an enum index in the Avro bytes, not text: only the decoded record has it.
    expect(await found('', 'json.customer.tier == "GOLD"')).toEqual([0]);
    expect(await found('', 'value.contains("123.45")')).toEqual([0]);
    expect(await found('UPS', '')).toEqual([3]);
    // 64-bit integers are numbers to the filter (shown as proto3 JSON's strings): exact beyond 2^53.
    expect(await found('', 'json.parcel == 9007199254740993')).toEqual([2]);
    expect(await found('', 'json.parcel > 9007199254740992 && json.parcel < 9007199254740994')).toEqual([2]);
  });

  it('show a registry that cannot be reached as a reason per message, never a failed page', async () => {
    const dead: ClusterConfig = {
      ...local,
      id: 'dead-registry',
      schemaRegistry: {
        url: 'http://127.0.0.1:9',
        timeoutMs: 2_000,
        username: undefined,
        password: undefined,
        token: undefined,
        tls: undefined,
      },
    };
    const started = Date.now();
    const { messages } = await browseMessages(dead, topic, query);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(messages).toHaveLength(8);
    expect(schemaOf(messages[0])!.error).toMatch(/cannot be reached/);
    expect(messages[7]!.value.schema).toBeUndefined();
  });

  it('produce JSON through a subject: wire format, exact longs and logical types, as an outside reader decodes it', async () => {
    const record = {
      id: 'o-9',
      customer: { id: 'c-99', tier: 'GOLD' },
      amount: '-7.05',
      big: 2n ** 62n + 3n,
      day: '2024-02-29',
      at: '2024-05-01T12:00:00.250Z',
      note: 'hi',
      raw: 'AQID',
    };
    const text = `{"id":"o-9","customer":{"id":"c-99","tier":"GOLD"},"amount":"-7.05","big":${2n ** 62n + 3n},"day":"2024-02-29","at":"2024-05-01T12:00:00.250Z","note":"hi","raw":"AQID"}`;
    const { results } = await produce(
      local,
      topic,
      ProduceSchema.parse({
        partition: 0,
        value: text,
        valueSchema: { subject: `${topic}-value`, version: 1 },
      }),
    );
    const offset = results[0]!.offset!;
    // Read back by kcat, decoded by this test's own Avro reader.
    const { stdout } = await exec(
      'kcat',
      [
        '-b',
        BOOTSTRAP.split(',')[0]!,
        '-C',
        '-t',
        topic,
        '-p',
        '0',
        '-o',
        String(offset),
        '-c',
        '1',
        '-e',
        '-q',
        '-f',
        '%s',
      ],
      { encoding: 'buffer' },
    );
    const bytes = stdout as unknown as Buffer;
    expect(bytes[0]).toBe(0);
    expect(bytes.readInt32BE(1)).toBe(ids.v1);
    const read = avroWriter(orderV1).fromBuffer(bytes.subarray(5)) as Record<string, unknown>;
    expect(read.big).toBe(record.big);
    expect(read.day).toBe(19_782);
    expect(read.at).toBe(Date.parse('2024-05-01T12:00:00.250Z'));
    expect((read.amount as Buffer).toString('hex')).toBe('fd3f'); // -705
    expect((read.raw as Buffer).toString('hex')).toBe('010203');
    // And the console reads it back as it was written.
    const back = await getMessage(local, topic, 0, offset);
    expect(JSON.parse(back.value.schema!.json!)).toMatchObject({
      amount: '-7.05',
      day: '2024-02-29',
      at: '2024-05-01T12:00:00.250Z',
      note: 'hi',
    });
    expect(back.value.schema!.json).toContain(`"big": ${2n ** 62n + 3n}`);
  });

  it('produce a chosen Protobuf message type with its indexes', async () => {
    const { results } = await produce(
      local,
      topic,
      ProduceSchema.parse({
        partition: 0,
        value: '{"order_id":"o-5","parcel":9007199254740993}',
        valueSchema: { subject: `${topic}-events`, message: 'shop.events.Shipped' },
      }),
    );
    const back = await getMessage(local, topic, 0, results[0]!.offset!);
    expect(back.value.schema).toMatchObject({ name: 'shop.events.Shipped', id: ids.events });
    expect(JSON.parse(back.value.schema!.json!)).toEqual({ order_id: 'o-5', parcel: '9007199254740993' });
    expect(Buffer.from(back.value.base64!, 'base64').subarray(5, 7)).toEqual(Buffer.from([2, 2]));
  });

  it('refuse a record that does not fit, naming the field, with nothing written', async () => {
    const before = (await browseMessages(local, topic, query)).partitions[0]!.highWatermark;
    const attempt = (value: string, subject = `${topic}-value`) =>
      produce(local, topic, ProduceSchema.parse({ partition: 0, value, count: 3, valueSchema: { subject } }));
    await expect(attempt('{"id":"x"}')).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/customer: is required/),
    });
    await expect(
      attempt(
        '{"id":"x","customer":{"id":"c","tier":"SILVER"},"amount":"1.00","big":1,"day":"2024-01-01","at":1,"raw":""}',
      ),
    ).rejects.toMatchObject({ message: expect.stringMatching(/customer\.tier: expected one of FREE, GOLD/) });
    await expect(attempt('{"n": "text"}', `${topic}-json`)).rejects.toMatchObject({
      message: expect.stringMatching(/n: must be integer/),
    });
    await expect(attempt('{}', `${topic}-nope`)).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/has no version latest/),
    });
    expect((await browseMessages(local, topic, query)).partitions[0]!.highWatermark).toBe(before);
  });

  it('name the subjects a topic uses: <topic>-key and -value, and those of the ids its newest records carry', async () => {
    const { registry, subjects } = await topicSubjects(local, topic);
    expect(registry).toBe(true);
    expect(subjects).toEqual(
      expect.arrayContaining([
        { subject: `${topic}-key`, role: 'key', strategy: 'topic-name' },
        { subject: `${topic}-value`, role: 'value', strategy: 'topic-name' },
        { subject: `${topic}-shop.Order`, role: 'value', strategy: 'topic-record-name' },
      ]),
    );
    // Subjects no naming strategy gives this topic's records are not its own, though they hold their ids.
    expect(subjects.map((s) => s.subject)).not.toContain(`${topic}-events`);
    expect(subjects.map((s) => s.subject)).not.toContain(`${topic}-common`);
  });

  it('look up a bounded number of ids per read: binary values that only start with a 0 byte stay raw', async () => {
    const binary = `${topic}-binary`;
    await createTopic(local, { name: binary, partitions: 1, replicationFactor: 1, configs: {} });
    try {
      const values = Array.from({ length: 150 }, (_, i) => {
        const bytes = Buffer.alloc(9);
        bytes.writeInt32BE(50_000_000 + i, 1); // a 0 byte, then a different "id" each
        return bytes;
      });
      const end = MSG.toString();
      const child = exec('kcat', ['-b', BOOTSTRAP.split(',')[0]!, '-P', '-t', binary, '-p', '0', '-D', end]);
      child.child.stdin!.end(Buffer.concat(values.flatMap((v) => [v, MSG])));
      await child;
      const started = Date.now();
      const { messages } = await browseMessages(local, binary, { ...query, limit: 150 });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(messages).toHaveLength(150);
      const tried = messages.filter((m) => m.value.schema !== undefined);
      expect(tried.length).toBe(MAX_LOOKUPS_PER_READ);
      expect(
        tried.every(
          (m) => m.value.schema!.json === null && /not in the schema registry/.test(m.value.schema!.error!),
        ),
      ).toBe(true);
    } finally {
      await deleteTopic(local, binary).catch(() => undefined);
    }
  });
});
