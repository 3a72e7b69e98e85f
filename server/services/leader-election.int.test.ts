import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BOOTSTRAP, PORT_OFFSET, kafkaCli, startNode, stopNode } from '@/dev/kafka/local-cluster';
import type { ElectionResult } from '@/lib/schemas/reassignment';
import { disconnectAll } from '@/server/kafka';
import * as electionsRoute from '@/app/api/clusters/[clusterId]/elections/route';

/**
 * An election elects the partitions its preview showed, and nothing else: through the route, as the
 * dialog sends it, checked with kafka-topics. The cluster runs Kafka's automatic leader rebalance
 * (every 10 s), which may move a leader back to its preferred replica at any moment.
 */
const bootstrap = BOOTSTRAP.split(',')[0]!;
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const topic = `it-elect-${run}`;
const dir = mkdtempSync(join(tmpdir(), 'elect-'));
const topics = (...args: string[]) => kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, ...args]);

/** Kafka's own view of a topic's partitions: leader and replicas. */
async function describe_(name: string) {
  const out = await topics('--describe', '--topic', name);
  return [...out.matchAll(/Partition: (\d+)\s+Leader: (-?\d+|none)\s+Replicas: ([\d,]+)/g)].map((m) => ({
    partition: Number(m[1]),
    leader: m[2] === 'none' || m[2] === '-1' ? null : Number(m[2]),
    replicas: m[3]!.split(',').map(Number),
  }));
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`not met in ${timeoutMs} ms: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Swaps the replica order of partition 0 with kafka-reassign-partitions: its preferred leader changes, its leader not. */
async function flipPartition0(): Promise<{ leader: number | null; replicas: number[] }> {
  const [p0] = await describe_(topic);
  const replicas = [...p0!.replicas].reverse();
  const file = join(dir, `flip-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ version: 1, partitions: [{ topic, partition: 0, replicas }] }));
  await kafkaCli('kafka-reassign-partitions', [
    '--bootstrap-server',
    bootstrap,
    '--execute',
    '--reassignment-json-file',
    file,
  ]);
  const [now] = await until(
    () => describe_(topic),
    ([p]) => p!.replicas.join() === replicas.join(),
  );
  return now!;
}

async function elections(body: unknown) {
  const response = await electionsRoute.POST(
    new NextRequest('http://console.local/api/clusters/local/elections', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ clusterId: 'local' }) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const preview = async (type: 'preferred' | 'unclean') =>
  (await elections({ scope: { kind: 'topic', topic }, type, dryRun: true })).body as ElectionResult;
const refs = (r: ElectionResult) => r.candidates.map((c) => ({ topic: c.topic, partition: c.partition }));

beforeAll(async () => {
  (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
  vi.stubEnv('KAFKASCOPE_AUTH', 'none');
  await topics('--create', '--topic', topic, '--replica-assignment', '1:2,2:3');
  await until(
    () => describe_(topic),
    (ps) => ps.length === 2 && ps.every((p) => p.leader === p.replicas[0]),
  );
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
  await topics('--delete', '--topic', topic).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
  await disconnectAll();
}, 60_000);

describe('an election and its preview', () => {
  it('refuses to elect without the preview’s partitions', async () => {
    const missing = await elections({ scope: { kind: 'topic', topic }, type: 'preferred' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toMatch(/preview the election first/);
  });

  it('answers 409 and elects nothing when a partition needs an election the preview did not show', async () => {
    // Kafka's leader rebalance may put the leader back on its preferred replica before the election
    // is sent; then nothing changed since the preview, and the flip is tried again.
    for (let attempt = 1; ; attempt++) {
      const before = await preview('preferred');
      expect(before.candidates).toEqual([]);
      const flipped = await flipPartition0();
      const stale = await elections({
        scope: { kind: 'topic', topic },
        type: 'preferred',
        partitions: refs(before),
      });
      if (stale.status === 200 && attempt < 4) {
        // Nothing was elected: what the rebalance left is the preferred leader.
        expect((stale.body as ElectionResult).partitions).toEqual([]);
        await until(
          () => describe_(topic),
          (ps) => ps.every((p) => p.leader === p.replicas[0]),
        );
        continue;
      }
      expect(stale.status).toBe(409);
      expect(stale.body).toEqual({
        error: {
          code: 'conflict',
          message:
            `The partitions not led by their preferred replica changed since the preview: ${topic}-0 is now ` +
            'and was not shown. Nothing was elected: preview the election again.',
        },
      });
      expect(flipped.leader).not.toBe(flipped.replicas[0]);
      break;
    }

    // A fresh preview shows it, and the election elects it: kafka-topics shows its preferred leader.
    const fresh = await preview('preferred');
    if (fresh.candidates.length > 0) {
      expect(refs(fresh)).toEqual([{ topic, partition: 0 }]);
      const elected = await elections({
        scope: { kind: 'topic', topic },
        type: 'preferred',
        partitions: refs(fresh),
      });
      expect(elected.status).toBe(200);
      expect((elected.body as ElectionResult).partitions).toEqual([
        expect.objectContaining({ topic, partition: 0, status: expect.stringMatching(/ok|not-needed/) }),
      ]);
    }
    const [p0] = await until(
      () => describe_(topic),
      ([p]) => p!.leader === p!.replicas[0],
    );
    expect(p0!.leader).toBe(p0!.replicas[0]);
  }, 120_000);

  it('answers 409 to an unclean election of a partition that has a leader since the preview', async () => {
    const before = await describe_(topic);
    const stale = await elections({
      scope: { kind: 'topic', topic },
      type: 'unclean',
      confirm: 'UNCLEAN',
      partitions: [{ topic, partition: 1 }],
    });
    expect(stale.status).toBe(409);
    expect((stale.body as { error: { message: string } }).error.message).toBe(
      `The partitions without a leader changed since the preview: ${topic}-1 no longer is. ` +
        'Nothing was elected: preview the election again.',
    );
    expect((await describe_(topic)).map((p) => p.replicas)).toEqual(before.map((p) => p.replicas));
    // With what the preview shows (no partition without a leader), the election does nothing.
    const none = await elections({
      scope: { kind: 'topic', topic },
      type: 'unclean',
      confirm: 'UNCLEAN',
      partitions: refs(await preview('unclean')),
    });
    expect(none).toEqual({ status: 200, body: { dryRun: false, candidates: [], partitions: [] } });
  });
});

/**
 * A partition that loses its leader after the preview: stops a broker, so it runs only against a
 * cluster of its own (KAFKA_PORT_OFFSET and KAFKA_HOME_DIR set), never the shared one.
 */
const own = PORT_OFFSET !== 0 && Boolean(process.env.KAFKA_HOME_DIR);
describe.skipIf(!own)('an unclean election after a partition lost its leader', () => {
  const lonely = `${topic}-lonely`;
  afterAll(async () => {
    await startNode(3);
    await topics('--delete', '--topic', lonely).catch(() => undefined);
  }, 180_000);

  it('answers 409 naming the partition the preview did not show, and leaves it as it was', async () => {
    await topics('--create', '--topic', lonely, '--replica-assignment', '3');
    await until(
      () => describe_(lonely),
      ([p]) => p?.leader === 3,
    );
    const shown = (
      await elections({ scope: { kind: 'topic', topic: lonely }, type: 'unclean', dryRun: true })
    ).body as ElectionResult;
    expect(shown.candidates).toEqual([]);

    await stopNode(3);
    await until(
      () => describe_(lonely),
      ([p]) => p?.leader === null,
    );
    const stale = await elections({
      scope: { kind: 'topic', topic: lonely },
      type: 'unclean',
      confirm: 'UNCLEAN',
      partitions: refs(shown),
    });
    expect(stale.status).toBe(409);
    expect((stale.body as { error: { message: string } }).error.message).toBe(
      `The partitions without a leader changed since the preview: ${lonely}-0 is now and was not shown. ` +
        'Nothing was elected: preview the election again.',
    );
    expect((await describe_(lonely))[0]!.leader).toBeNull();
  }, 180_000);
});
