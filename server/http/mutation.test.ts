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

  it('name every binding of an ACL change', async () => {
    const acls = mutation<'/api/clusters/[clusterId]/acls'>('acl.create', async ({ body }) => {
      await body(z.object({ bindings: z.array(z.unknown()) }));
      return { results: [] };
    });
    const binding = {
      principal: 'User:alice',
      host: '*',
      resourceType: 'TOPIC',
      resourceName: 'orders',
      patternType: 'PREFIXED',
      operation: 'WRITE',
      permission: 'ALLOW',
    };
    const { audit } = await call(
      acls,
      post('/api/clusters/local/acls', { bindings: [binding, { ...binding, operation: 'DESCRIBE' }] }),
      { clusterId: 'local' },
    );
    expect(audit[0]).toMatchObject({
      action: 'acl.create',
      target:
        'ALLOW User:alice@* WRITE TOPIC:PREFIXED:orders; ALLOW User:alice@* DESCRIBE TOPIC:PREFIXED:orders',
      result: 'ok',
    });
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
