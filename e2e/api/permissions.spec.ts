import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { anonymous, signedIn } from '../support/auth';
import { testKafka } from '../support/kafka';

/**
 * Every mutating route, found on disk (so a new one is covered without editing this file), is refused
 * to a viewer, to an admin on a read-only cluster, without a session and from another origin; and the
 * cluster is exactly as it was afterwards.
 */
const API = path.join(process.cwd(), 'app/api/clusters');
const id = Date.now().toString(36);
const topic = `e2e-perm-${id}`;
const group = `e2e-perm-group-${id}`;

interface Route {
  method: string;
  template: string;
  /** What the exported method is: `mutation` (the only right answer), another wrapper, or a function. */
  via: string;
}

function mutatingRoutes(dir = API): Route[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return mutatingRoutes(full);
    if (entry.name !== 'route.ts') return [];
    const template = '/api/clusters/' + path.relative(API, path.dirname(full)).split(path.sep).join('/');
    // However a method is exported (a const, a function, a re-export), it is found, with what wraps it.
    const text = readFileSync(full, 'utf8');
    return [
      ...text.matchAll(/export (?:const|(?:async )?function) (POST|PUT|PATCH|DELETE)\b(?:\s*=\s*(\w+))?/g),
      ...[...text.matchAll(/export \{([^}]*)\}/g)].flatMap((m) =>
        [...m[1]!.matchAll(/\bas (POST|PUT|PATCH|DELETE)\b/g)].map((r) => [r[0], r[1], 're-export']),
      ),
    ].map((m) => ({ method: m[1]!, template, via: m[2] ?? 'function' }));
  });
}

/** Bodies that would really change something if a check were missing. */
function bodyFor(route: Route): unknown {
  const t = route.template;
  if (t.endsWith('/topics')) return { name: `${topic}-new`, partitions: 1, replicationFactor: 1 };
  if (t.endsWith('/partitions')) return { count: 4 };
  if (t.endsWith('/purge')) return {};
  if (t.endsWith('/configs')) return { set: { 'retention.ms': '123456' }, reset: [] };
  if (t.endsWith('/messages')) return { value: 'must not arrive' };
  if (t.endsWith('/reset-offsets')) return { target: { type: 'earliest' }, dryRun: false };
  if (t.endsWith('/acls') || t.endsWith('/acls/delete'))
    return {
      bindings: [
        {
          principal: `User:${topic}`,
          host: '*',
          resourceType: 'TOPIC',
          resourceName: topic,
          patternType: 'LITERAL',
          operation: 'READ',
          permission: 'ALLOW',
        },
      ],
    };
  return undefined;
}

const url = (route: Route, cluster: string) =>
  route.template
    .replace('[clusterId]', cluster)
    .replace('[topic]', encodeURIComponent(topic))
    .replace('[group]', encodeURIComponent(group))
    .replace(/\[[^\]]+\]/g, 'x');

const send = (ctx: APIRequestContext, route: Route, cluster: string, headers: Record<string, string> = {}) =>
  ctx.fetch(url(route, cluster), { method: route.method, data: bodyFor(route), headers });

async function snapshot(ctx: APIRequestContext) {
  const detail = await (await ctx.get(`/api/clusters/local/topics/${topic}`)).json();
  const configs = await (await ctx.get(`/api/clusters/local/topics/${topic}/configs`)).json();
  const groupDetail = await (await ctx.get(`/api/clusters/local/groups/${group}`)).json();
  const created = await ctx.get(`/api/clusters/local/topics/${topic}-new`);
  const acls = await (await ctx.get(`/api/clusters/local/acls?principal=User:${topic}`)).json();
  return {
    acls: acls.bindings,
    partitions: detail.partitionDetails.map(
      (p: { partition: number; lowWatermark: number; highWatermark: number }) => [
        p.partition,
        p.lowWatermark,
        p.highWatermark,
      ],
    ),
    retention: configs.configs?.find((c: { name: string }) => c.name === 'retention.ms')?.value,
    groupOffsets: groupDetail.partitions?.map((p: { partition: number; committedOffset: unknown }) => [
      p.partition,
      p.committedOffset,
    ]),
    newTopicStatus: created.status(),
  };
}

test.beforeAll(async () => {
  const kafka = testKafka('kafkascope-e2e-perm');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 2, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [0, 1, 2, 3].map((i) => ({ partition: i % 2, value: `m${i}` })) });
  await producer.disconnect();
  await admin.setOffsets({
    groupId: group,
    topic,
    partitions: [
      { partition: 0, offset: '1' },
      { partition: 1, offset: '2' },
    ],
  });
  await admin.disconnect();
});

test.afterAll(async () => {
  const admin = testKafka('kafkascope-e2e-perm').admin();
  await admin.connect();
  await admin.deleteGroups([group]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

test('every mutating route is refused without the right role, session, origin or a writable cluster', async ({
  baseURL,
  request,
}) => {
  const routes = mutatingRoutes();
  // Every mutating method of a cluster's API goes through mutation() (role, session, origin,
  // read-only, audit), and every one is tried below: 39 of them today, never fewer unnoticed.
  expect(
    routes.filter((r) => r.via !== 'mutation').map((r) => `${r.method} ${r.template} (${r.via})`),
  ).toEqual([]);
  expect(routes.length).toBeGreaterThanOrEqual(39);
  const before = await snapshot(request);
  expect(before.partitions).toHaveLength(2);
  expect(before.newTopicStatus).toBe(404);

  const viewer = await signedIn(baseURL!, 'viewer');
  const nobody = await anonymous(baseURL!);
  for (const route of routes) {
    const label = `${route.method} ${route.template}`;
    const asViewer = await send(viewer, route, 'local');
    expect(asViewer.status(), label).toBe(403);
    const refusal = (await asViewer.json()).error;
    expect(refusal.code, label).toBe('forbidden');
    expect(refusal.message, label).toMatch(/needs the (operator|admin) role; viewer is viewer/);

    const readOnly = await send(request, route, 'local-ro');
    expect([readOnly.status(), (await readOnly.json()).error.code], label).toEqual([403, 'read_only']);

    const signedOut = await send(nobody, route, 'local');
    expect([signedOut.status(), (await signedOut.json()).error.code], label).toEqual([
      401,
      'unauthenticated',
    ]);

    const crossOrigin = await send(request, route, 'local', { origin: 'http://evil.example' });
    expect([crossOrigin.status(), (await crossOrigin.json()).error.code], label).toEqual([403, 'csrf']);
    // No proxy is trusted here: a forged X-Forwarded-Host does not make the other origin ours.
    const forgedHost = await send(request, route, 'local', {
      origin: 'http://evil.example',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'http',
    });
    expect([forgedHost.status(), (await forgedHost.json()).error.code], label).toEqual([403, 'csrf']);
    const crossSite = await send(request, route, 'local', { 'sec-fetch-site': 'cross-site' });
    expect([crossSite.status(), (await crossSite.json()).error.code], label).toEqual([403, 'csrf']);
  }
  expect(await snapshot(request)).toEqual(before);
  await Promise.all([viewer.dispose(), nobody.dispose()]);
});

test('an operator may produce and reset offsets but not delete a topic', async ({ baseURL, request }) => {
  const operator = await signedIn(baseURL!, 'operator');
  const produced = await operator.post(`/api/clusters/local/topics/${topic}/messages`, {
    data: { value: 'from the operator', partition: 0 },
  });
  expect(produced.status()).toBe(200);
  const preview = await operator.post(`/api/clusters/local/groups/${group}/reset-offsets`, {
    data: { target: { type: 'earliest' }, dryRun: true },
  });
  expect(preview.status()).toBe(200);
  const deleted = await operator.delete(`/api/clusters/local/topics/${topic}`);
  expect(deleted.status()).toBe(403);
  expect((await deleted.json()).error).toEqual({
    code: 'forbidden',
    message: 'topic.delete needs the admin role; operator is operator',
  });
  expect((await request.get(`/api/clusters/local/topics/${topic}`)).status()).toBe(200);
  await operator.dispose();
});
