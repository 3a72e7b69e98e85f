import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Produce } from '@/lib/schemas/message';
import { BOOTSTRAP } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { produce } from '@/server/services/messages';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';

const exec = promisify(execFile);
const local = loadConfig({}).clusters[0]!;
const base = `it-produce-${Date.now().toString(36)}`;
const bootstrap = BOOTSTRAP.split(',')[0]!;
const topics: string[] = [];

async function newTopic(suffix: string, configs: Record<string, string> = {}) {
  const name = `${base}-${suffix}`;
  topics.push(name);
  await createTopic(local, { name, partitions: 1, replicationFactor: 1, configs });
  return name;
}

/** Every record of partition 0 as kcat prints it with `format`, one per line. */
async function kcatRead(topic: string, format: string, count?: number): Promise<string[]> {
  const { stdout } = await exec(
    'kcat',
    ['-b', bootstrap, '-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-f', `${format}\\n`],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const lines = stdout.split('\n').slice(0, -1);
  if (count !== undefined) expect(lines).toHaveLength(count);
  return lines;
}

const one: Produce = {
  key: null,
  value: 'x',
  valueFormat: 'text',
  headers: [],
  compression: 'none',
  acks: -1,
  count: 1,
};

afterAll(async () => {
  for (const t of topics) await deleteTopic(local, t).catch(() => undefined);
  await disconnectAll();
});

describe('producing messages', () => {
  it('writes every header given, repeated keys included, in the order given', async () => {
    const topic = await newTopic('headers');
    await produce(local, topic, {
      ...one,
      headers: [
        { key: 'dup', value: 'a' },
        { key: 'dup', value: 'b' },
        { key: 'x', value: '1' },
      ],
    });
    await produce(local, topic, {
      ...one,
      headers: [
        { key: 'dup', value: 'a' },
        { key: 'x', value: '1' },
        { key: 'dup', value: 'b' },
      ],
    });
    expect(await kcatRead(topic, '%h', 2)).toEqual(['dup=a,dup=b,x=1', 'dup=a,x=1,dup=b']);
  });

  it('sends 1,000 messages of 1.2 KB, 1.2 MB in all, under the default 1 MB limit, all of them in order', async () => {
    const topic = await newTopic('many');
    const value = `{{i}} ${'v'.repeat(1_200)}`;
    const { results } = await produce(local, topic, { ...one, value, count: 1_000 });
    expect(results.map((r) => r.offset)).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
    const read = await kcatRead(topic, '%o %s', 1_000);
    expect(read.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(
      Array.from({ length: 1_000 }, (_, i) => `${i} ${i}`),
    );
  });

  it('splits compressed sends of hardly compressible values too, in order', async () => {
    const topic = await newTopic('zstd', { 'max.message.bytes': '20000' });
    // UUIDs hardly compress: 200 × ~1 KB fills many 20 KB batches.
    const value = `{{i}} ${'{{uuid}}'.repeat(28)}`;
    const { results } = await produce(local, topic, { ...one, value, count: 200, compression: 'zstd' });
    expect(results.map((r) => r.offset)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const read = await kcatRead(topic, '%s', 200);
    expect(read.map((line) => Number(line.split(' ')[0]))).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('fills a batch up to max.message.bytes exactly, and refuses only a message that cannot fit alone, naming it', async () => {
    const topic = await newTopic('limit', { 'max.message.bytes': '1000' });
    // A record of a 930-byte value, no key and no header takes 939 bytes; its batch 1,000.
    const fits = `${'x'.repeat(929)}{{i}}`;
    const { results } = await produce(local, topic, { ...one, value: fits, count: 10 });
    expect(results.map((r) => r.offset)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    // The eleventh message has a two-digit index: 1,001 bytes.
    await expect(produce(local, topic, { ...one, value: fits, count: 11 })).rejects.toMatchObject({
      // The gateway's refusal, a 400 once server/http maps it.
      kind: 'invalid',
      message: expect.stringMatching(/Message 11 \(index 10\).*max\.message\.bytes \(1000\)/),
    });
    await kcatRead(topic, '%o', 10);
  });

  it('fills placeholders as the dialog checks them: {{now}} a number, spaces inside the braces allowed', async () => {
    const topic = await newTopic('placeholders');
    const before = Date.now();
    await produce(local, topic, {
      ...one,
      key: 'k-{{ i }}',
      value: '{"ts": {{now}}, "n": {{ i }}, "id": "{{uuid}}"}',
      valueFormat: 'json',
      headers: [{ key: 'at', value: '{{ now }}' }],
      count: 2,
    });
    const read = await kcatRead(topic, '%k|%h|%s', 2);
    const [key, header, value] = read[1]!.split('|');
    expect(key).toBe('k-1');
    const parsed = JSON.parse(value!) as { ts: number; n: number; id: string };
    expect(parsed).toMatchObject({ n: 1, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(parsed.ts).toBeGreaterThanOrEqual(before);
    expect(parsed.ts).toBeLessThanOrEqual(Date.now());
    expect(header).toBe(`at=${parsed.ts}`);
  });
});
