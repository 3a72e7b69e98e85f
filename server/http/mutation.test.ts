import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { MALFORMED_PATH_HEADER } from '@/server/http/common-headers';
import { mutation } from '@/server/http/mutation';

beforeAll(() => {
  (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
  process.env.KAFKASCOPE_AUTH = 'none';
});
afterAll(() => {
  (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
});
afterEach(() => vi.restoreAllMocks());

const TopicSchema = z.object({ name: z.string(), partitions: z.number().int().positive() });

/** Runs one call and returns its status and the audit lines it wrote to stdout. */
async function call<Params>(
  route: (request: NextRequest, context: { params: Promise<Params> }) => Promise<Response>,
  request: NextRequest,
  params: Params,
) {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  const response = await route(request, { params: Promise.resolve(params) });
  vi.restoreAllMocks();
  const audit = lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((l) => l.type === 'audit');
  return { status: response.status, audit };
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new NextRequest(`http://console.local${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('mutation() audit lines', () => {
  const create = mutation<'/api/clusters/[clusterId]/topics'>('topic.create', async ({ body }) => {
    await body(TopicSchema);
    return { ok: true };
  });

  it('name a new topic from the body the route read, refused or not, and nothing else of it', async () => {
    const refused = await call(
      create,
      post('/api/clusters/local/topics', { name: 'orders', partitions: -1, secret: 'hunter2' }),
      { clusterId: 'local' },
    );
    expect(refused.status).toBe(400);
    expect(refused.audit).toHaveLength(1);
    const [line] = refused.audit;
    expect(Object.keys(line!)).toEqual([
      'type',
      'time',
      'user',
      'role',
      'via',
      'action',
      'cluster',
      'topic',
      'result',
      'status',
      'durationMs',
      'ip',
    ]);
    expect(line).toMatchObject({
      user: 'anonymous',
      role: 'admin',
      via: 'none',
      action: 'topic.create',
      cluster: 'local',
      topic: 'orders',
      result: 'validation_failed',
      status: 400,
      ip: null,
    });
    expect(JSON.stringify(refused.audit)).not.toContain('hunter2');

    const ok = await call(create, post('/api/clusters/local/topics', { name: 'orders', partitions: 3 }), {
      clusterId: 'local',
    });
    expect(ok.audit[0]).toMatchObject({ topic: 'orders', result: 'ok', status: 200 });
  });

  it('name what Kafka applied and refused of an ACL batch: ok, partial or refused', async () => {
    const binding = {
      principal: 'User:alice',
      host: '*',
      resourceType: 'TOPIC',
      resourceName: 'orders',
      patternType: 'PREFIXED',
      operation: 'WRITE',
      permission: 'ALLOW',
    };
    const write = 'ALLOW User:alice@* WRITE TOPIC:PREFIXED:orders';
    const describe_ = 'ALLOW User:alice@* DESCRIBE TOPIC:PREFIXED:orders';
    /** A route that reports Kafka's answer per binding: `refused` lists the operations it refused. */
    const acls = (refused: string[]) =>
      mutation<'/api/clusters/[clusterId]/acls'>('acl.create', async ({ body, recordBatch }) => {
        const { bindings } = await body(
          z.object({ bindings: z.array(z.object({ operation: z.string() }).passthrough()) }),
        );
        const text = (b: { operation: string }) => `ALLOW User:alice@* ${b.operation} TOPIC:PREFIXED:orders`;
        recordBatch({
          applied: bindings.filter((b) => !refused.includes(b.operation)).map(text),
          refused: bindings
            .filter((b) => refused.includes(b.operation))
            .map((b) => ({ target: text(b), error: 'CLUSTER_AUTHORIZATION_FAILED: not allowed' })),
        });
        return { results: [] };
      });
    const send = (route: ReturnType<typeof acls>, body: unknown) =>
      call(route, post('/api/clusters/local/acls', body), { clusterId: 'local' });
    const both = { bindings: [binding, { ...binding, operation: 'DESCRIBE' }] };

    const all = await send(acls([]), both);
    expect(all.audit).toEqual([
      expect.objectContaining({ action: 'acl.create', target: `${write}; ${describe_}`, result: 'ok' }),
    ]);
    expect(all.audit[0]).not.toHaveProperty('refused');

    const partial = await send(acls(['DESCRIBE']), both);
    expect(partial.status).toBe(200);
    expect(partial.audit).toEqual([
      expect.objectContaining({
        target: write,
        refused: [{ target: describe_, error: 'CLUSTER_AUTHORIZATION_FAILED: not allowed' }],
        result: 'partial',
        status: 200,
      }),
    ]);

    const none = await send(acls(['WRITE', 'DESCRIBE']), both);
    expect(none.audit[0]).toMatchObject({ result: 'refused', status: 200 });
    expect(none.audit[0]).not.toHaveProperty('target');
    expect(none.audit[0]!.refused).toHaveLength(2);

    // Refused before Kafka was asked: the line names the bindings asked for, with the error.
    const invalid = await send(acls([]), { bindings: 'nope' });
    expect(invalid.audit[0]).toMatchObject({ result: 'validation_failed', status: 400 });
    const asked = await call(
      mutation<'/api/clusters/[clusterId]/acls'>('acl.create', async ({ body }) => {
        await body(z.object({ bindings: z.array(z.unknown()).max(1) }));
        return {};
      }),
      post('/api/clusters/local/acls', both),
      { clusterId: 'local' },
    );
    expect(asked.audit[0]).toMatchObject({ target: `${write}; ${describe_}`, result: 'validation_failed' });
  });

  it('are written when the call is refused before the route runs', async () => {
    const remove = mutation<'/api/clusters/[clusterId]/groups/[group]'>('group.delete', async () => ({}));
    const request = () =>
      new NextRequest('http://console.local/api/clusters/nope/groups/g1', { method: 'DELETE' });
    const unknown = await call(remove, request(), { clusterId: 'nope', group: 'g1' });
    expect(unknown.audit).toEqual([
      expect.objectContaining({ cluster: 'nope', group: 'g1', result: 'not_found', status: 404 }),
    ]);

    const malformed = new NextRequest('http://console.local/api/clusters/local/groups/%zz', {
      method: 'DELETE',
      headers: { [MALFORMED_PATH_HEADER]: '1' },
    });
    const bad = await call(remove, malformed, { clusterId: 'local', group: '%zz' });
    expect(bad.audit).toEqual([
      expect.objectContaining({ group: '%zz', result: 'validation_failed', status: 400 }),
    ]);

    const crossSite = await call(
      create,
      post('/api/clusters/local/topics', { name: 'x', partitions: 1 }, { 'sec-fetch-site': 'cross-site' }),
      { clusterId: 'local' },
    );
    // The origin check comes before the body is read: the name is not known.
    expect(crossSite.audit).toEqual([expect.objectContaining({ result: 'csrf', status: 403 })]);
    expect(crossSite.audit[0]).not.toHaveProperty('topic');
  });

  it('carry the change a route recorded: before and after', async () => {
    const move = mutation<'/api/clusters/[clusterId]/reassignments'>(
      'partition.reassign',
      async ({ recordChange }) => {
        recordChange({
          before: [{ partition: 0, replicas: [1] }],
          after: [{ partition: 0, replicas: [1, 2] }],
        });
        return { ok: true };
      },
    );
    const { audit } = await call(move, post('/api/clusters/local/reassignments', {}), { clusterId: 'local' });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'partition.reassign',
        result: 'ok',
        change: { before: [{ partition: 0, replicas: [1] }], after: [{ partition: 0, replicas: [1, 2] }] },
      }),
    ]);
  });
});
