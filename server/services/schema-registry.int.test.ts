import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REGISTRY_URL, registryIsUp } from '@/dev/schema-registry/local-registry';
import { SchemaDraftSchema, type SchemaDraft } from '@/lib/schemas/schema-registry';
import { loadConfig } from '@/server/config/clusters';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import {
  getGlobalCompatibility,
  getSchemaVersion,
  getSubject,
  getSubjectCompatibility,
  listSubjectPage,
  listSubjects,
} from '@/server/services/schema-registry';
import {
  checkCompatibility,
  deleteSchemaVersion,
  deleteSubject,
  registerSchema,
  resetSubjectCompatibility,
  setGlobalCompatibility,
  setSubjectCompatibility,
} from '@/server/services/schema-registry-admin';
import * as subjectRoute from '@/app/api/clusters/[clusterId]/schema-registry/subjects/[subject]/route';
import * as versionRoute from '@/app/api/clusters/[clusterId]/schema-registry/subjects/[subject]/versions/[version]/route';
import * as registerRoute from '@/app/api/clusters/[clusterId]/schema-registry/subjects/[subject]/versions/route';

/**
 * The schema browser's services against the local registry (Apicurio Registry, Confluent's API), each
 * checked against the registry's own REST answers, read with fetch here and never through the console.
 */
const local = loadConfig({}).clusters[0]!;
const run = `it-browser-${Date.now().toString(36)}`;
const payments = `${run}-payments`;
const refund = `${run}-refund`;
const shipments = `${run}-shipments`;
const paged = Array.from({ length: 11 }, (_, i) => `${run}-page-${String(i).padStart(2, '0')}`);

// ---- the registry's own answers ------------------------------------------------------------------

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
async function registry(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${REGISTRY_URL}${path}`, {
    method,
    headers: { accept: CONTENT_TYPE, ...(body !== undefined && { 'content-type': CONTENT_TYPE }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
}
const get = async (path: string) => (await registry('GET', path)).json;
const seg = encodeURIComponent;

const draft = (schema: object | string, extra: Partial<SchemaDraft> = {}) =>
  SchemaDraftSchema.parse({ schema: typeof schema === 'string' ? schema : JSON.stringify(schema), ...extra });

const paymentV1 = {
  type: 'record',
  name: 'Payment',
  namespace: 'it.browser',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'long' },
  ],
};
const paymentV2 = {
  ...paymentV1,
  fields: [...paymentV1.fields, { name: 'currency', type: 'string', default: 'EUR' }],
};
// Under BACKWARD a reader of this cannot read v2's data: `amount` changes from long to string.
const paymentBreaking = {
  ...paymentV1,
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'string' },
  ],
};

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function waitForRegistry() {
  // The registry is shared and started by its own script: wait for it, never start one here.
  for (let i = 0; i < 5; i++) {
    if (await registryIsUp()) return;
    await new Promise((resolve) => setTimeout(resolve, 20_000));
  }
  throw new Error(`no schema registry answers at ${REGISTRY_URL} (start it with dev/schema-registry)`);
}

beforeAll(async () => {
  await waitForRegistry();
  for (const subject of paged)
    await registry('POST', `/subjects/${seg(subject)}/versions`, { schema: '"string"' });
  // Protobuf, registered from outside: its text is shown as it is.
  const proto = 'syntax = "proto3";\npackage it.browser;\n\nmessage Shipment {\n  string id = 1;\n}\n';
  const made = await registry('POST', `/subjects/${seg(shipments)}/versions`, {
    schema: proto,
    schemaType: 'PROTOBUF',
  });
  expect(made.status).toBe(200);
}, 150_000);

afterAll(async () => {
  // Referring subjects first: the registry refuses to delete what others refer to.
  for (const subject of [refund, payments, shipments, ...paged]) {
    await registry('DELETE', `/subjects/${seg(subject)}`);
    await registry('DELETE', `/subjects/${seg(subject)}?permanent=true`);
  }
  const left = (await get('/subjects?deleted=true')) as string[];
  expect(left.filter((s) => s.startsWith(run))).toEqual([]);
});

describe('registering and reading versions', () => {
  it('registers versions, finds a schema the subject holds already, and reads them back formatted', async () => {
    const first = await registerSchema(local, payments, draft(paymentV1));
    const second = await registerSchema(local, payments, draft(paymentV2));
    expect(first).toMatchObject({ subject: payments, version: 1, existing: false });
    expect(second).toMatchObject({ subject: payments, version: 2, existing: false });
    expect(await get(`/subjects/${seg(payments)}/versions`)).toEqual([1, 2]);
    const latest = (await get(`/subjects/${seg(payments)}/versions/latest`)) as {
      id: number;
      schema: string;
    };
    expect(latest.id).toBe(second.id);

    // The same schema again: the registry's version, nothing new.
    expect(await registerSchema(local, payments, draft(paymentV1))).toEqual({ ...first, existing: true });
    expect(await get(`/subjects/${seg(payments)}/versions`)).toEqual([1, 2]);

    const version = await getSchemaVersion(local, payments, 2);
    expect(version).toMatchObject({
      subject: payments,
      version: 2,
      id: second.id,
      schemaType: 'AVRO',
      deleted: false,
    });
    expect(version.schema).toBe(latest.schema);
    expect(version.formatted).toBe(JSON.stringify(JSON.parse(latest.schema), null, 2));
    expect((await getSchemaVersion(local, payments, 'latest')).version).toBe(2);

    const proto = await getSchemaVersion(local, shipments, 1);
    const own = (await get(`/subjects/${seg(shipments)}/versions/1`)) as {
      schema: string;
      schemaType: string;
    };
    expect(proto.schemaType).toBe(own.schemaType);
    expect(proto.formatted).toBe(own.schema);
  });

  it('shows references and what refers to a version, as the registry lists them', async () => {
    const made = await registerSchema(
      local,
      refund,
      draft(
        {
          type: 'record',
          name: 'Refund',
          namespace: 'it.browser',
          fields: [{ name: 'of', type: 'it.browser.Payment' }],
        },
        { references: [{ name: 'it.browser.Payment', subject: payments, version: 2 }] },
      ),
    );
    const version = await getSchemaVersion(local, refund, made.version);
    expect(version.references).toEqual([{ name: 'it.browser.Payment', subject: payments, version: 2 }]);
    expect((await get(`/subjects/${seg(refund)}/versions/1`)) as object).toMatchObject({
      references: version.references,
    });

    const referred = await getSchemaVersion(local, payments, 2);
    const ids = (await get(`/subjects/${seg(payments)}/versions/2/referencedby`)) as number[];
    expect(ids).toEqual([made.id]);
    expect(referred.referencedBy).toEqual([{ id: made.id, subject: refund, version: 1 }]);
    expect((await getSchemaVersion(local, payments, 1)).referencedBy).toEqual([]);
  });

  it('refuses bad input with 400 and unknown subjects and versions with 404', async () => {
    expect((await appErrorOf(registerSchema(local, payments, draft('{"type": ')))).status).toBe(400);
    const invalid = await appErrorOf(registerSchema(local, `${run}-invalid`, draft({ type: 'recrod' })));
    expect(invalid.status).toBe(400);
    expect((await registry('GET', `/subjects/${seg(`${run}-invalid`)}/versions`)).status).toBe(404);
    const unknown = await appErrorOf(getSubject(local, `${run}-nothing`));
    expect([unknown.status, unknown.message]).toEqual([404, expect.stringContaining('not found')]);
    expect((await appErrorOf(getSchemaVersion(local, payments, 9))).status).toBe(404);
  });
});

describe('the subject list', () => {
  it('shares its rows between readers for a few seconds: a page read twice asks the registry once per row', async () => {
    const log = path.join(import.meta.dirname, '../../.kafka/registry/run/registry-8085.log');
    const latestCalls = () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l.includes(`path="/apis/ccompat/v7/subjects/${paged[0]}/versions/latest"`)).length;
    const query = { q: paged[0]!, deleted: 'hide', page: 1, pageSize: 10 } as const;
    await listSubjectPage(local, query);
    const after = latestCalls();
    expect(after).toBeGreaterThan(0);
    await Promise.all([listSubjectPage(local, query), listSubjectPage(local, query)]);
    expect(latestCalls()).toBe(after);
  });

  it('filters by name on the server and pages, with type, latest version and compatibility', async () => {
    const global = ((await get('/config')) as { compatibilityLevel: string }).compatibilityLevel;
    const first = await listSubjectPage(local, { q: `${run}-PAGE`, deleted: 'hide', page: 1, pageSize: 10 });
    expect(first.total).toBe(11);
    expect(first.items.map((i) => i.subject)).toEqual(paged.slice(0, 10));
    expect(first.global).toBe(global);
    const second = await listSubjectPage(local, { q: `${run}-page`, deleted: 'hide', page: 2, pageSize: 10 });
    expect(second.items.map((i) => i.subject)).toEqual(paged.slice(10));

    const all = await listSubjectPage(local, { q: run, deleted: 'hide', page: 1, pageSize: 100 });
    const row = all.items.find((i) => i.subject === payments)!;
    const latest = (await get(`/subjects/${seg(payments)}/versions/latest`)) as {
      id: number;
      version: number;
    };
    expect(row).toEqual({
      subject: payments,
      deleted: false,
      schemaType: 'AVRO',
      latestVersion: latest.version,
      id: latest.id,
      compatibility: { level: global, source: 'global' },
      error: null,
    });
    expect(all.items.find((i) => i.subject === shipments)?.schemaType).toBe('PROTOBUF');
    // The produce dialog's picker keeps its answer.
    expect((await listSubjects(local)).subjects).toEqual(
      expect.arrayContaining([payments, refund, shipments]),
    );
  });
});

describe('compatibility', () => {
  it('reads and changes the global level', async () => {
    const own = ((await get('/config')) as { compatibilityLevel: string }).compatibilityLevel;
    expect(await getGlobalCompatibility(local)).toEqual({ level: own });
    // The registry is shared with other tests: the level is set to what it is, and read back.
    expect(await setGlobalCompatibility(local, own as 'BACKWARD')).toEqual({ level: own });
    expect(((await get('/config')) as { compatibilityLevel: string }).compatibilityLevel).toBe(own);
  });

  it("sets a subject's own level and takes it back to the global one, NONE included", async () => {
    const global = ((await get('/config')) as { compatibilityLevel: string }).compatibilityLevel;
    expect(await getSubjectCompatibility(local, payments)).toEqual({ level: global, source: 'global' });
    expect(await setSubjectCompatibility(local, payments, 'FULL')).toEqual({
      level: 'FULL',
      source: 'subject',
    });
    expect(await get(`/config/${seg(payments)}`)).toEqual({ compatibilityLevel: 'FULL' });
    expect(await getSubject(local, payments)).toMatchObject({
      compatibility: { level: 'FULL', source: 'subject' },
    });

    expect(await resetSubjectCompatibility(local, payments)).toEqual({ level: global, source: 'global' });
    expect(await get(`/config/${seg(payments)}?defaultToGlobal=true`)).toEqual({
      compatibilityLevel: global,
    });

    // Apicurio keeps a subject's NONE through a plain DELETE of its config: the reset must still work.
    await setSubjectCompatibility(local, payments, 'NONE');
    expect(await get(`/config/${seg(payments)}?defaultToGlobal=true`)).toEqual({
      compatibilityLevel: 'NONE',
    });
    expect(await resetSubjectCompatibility(local, payments)).toEqual({ level: global, source: 'global' });
    expect(await get(`/config/${seg(payments)}?defaultToGlobal=true`)).toEqual({
      compatibilityLevel: global,
    });

    const refused = await appErrorOf(setSubjectCompatibility(local, `${run}-nothing`, 'FULL'));
    expect(refused.status).toBe(404);
  });

  it('checks drafts as the registry does: a breaking Avro change under BACKWARD is refused', async () => {
    await setSubjectCompatibility(local, payments, 'BACKWARD');
    const against = `/compatibility/subjects/${seg(payments)}/versions/latest?verbose=true`;
    const breaking = await checkCompatibility(local, payments, draft(paymentBreaking));
    expect(breaking).toMatchObject({ compatible: false, against: 2, level: 'BACKWARD' });
    expect((await registry('POST', against, { schema: JSON.stringify(paymentBreaking) })).json).toMatchObject(
      {
        is_compatible: false,
      },
    );
    const fine = {
      ...paymentV2,
      fields: [...paymentV2.fields, { name: 'note', type: ['null', 'string'], default: null }],
    };
    expect(await checkCompatibility(local, payments, draft(fine))).toMatchObject({
      compatible: true,
      against: 2,
    });
    expect((await registry('POST', against, { schema: JSON.stringify(fine) })).json).toMatchObject({
      is_compatible: true,
    });
    // A subject without versions takes anything.
    expect(await checkCompatibility(local, `${run}-new`, draft(paymentBreaking))).toMatchObject({
      compatible: true,
      against: null,
    });

    const refused = await appErrorOf(registerSchema(local, payments, draft(paymentBreaking)));
    expect([refused.code, refused.status]).toEqual(['conflict', 409]);
    expect(await get(`/subjects/${seg(payments)}/versions`)).toEqual([1, 2]);
    await resetSubjectCompatibility(local, payments);
  });
});

describe('deleting', () => {
  it('soft-deletes a version, then deletes it permanently, never permanently first', async () => {
    const early = await appErrorOf(deleteSchemaVersion(local, payments, 1, true));
    expect([early.status, early.message]).toEqual([409, expect.stringContaining('not soft-deleted')]);
    expect(await get(`/subjects/${seg(payments)}/versions`)).toEqual([1, 2]);

    expect(await deleteSchemaVersion(local, payments, 1, false)).toEqual({
      subject: payments,
      versions: [1],
      permanent: false,
    });
    expect(await get(`/subjects/${seg(payments)}/versions`)).toEqual([2]);
    expect(await get(`/subjects/${seg(payments)}/versions?deleted=true`)).toEqual([1, 2]);
    expect((await getSubject(local, payments)).versions).toEqual([
      { version: 1, deleted: true },
      { version: 2, deleted: false },
    ]);

    await deleteSchemaVersion(local, payments, 1, true);
    expect(await get(`/subjects/${seg(payments)}/versions?deleted=true`)).toEqual([2]);
    expect((await getSubject(local, payments)).versions).toEqual([{ version: 2, deleted: false }]);
  });

  it('refuses to delete what other schemas refer to, then deletes subjects soft and for good', async () => {
    const referred = await appErrorOf(deleteSubject(local, payments, false));
    expect(referred.status).toBe(409);
    expect(await get(`/subjects/${seg(payments)}/versions`)).toEqual([2]);

    expect((await appErrorOf(deleteSubject(local, refund, true))).status).toBe(409);
    expect(await deleteSubject(local, refund, false)).toEqual({
      subject: refund,
      versions: [1],
      permanent: false,
    });
    expect((await get('/subjects')) as string[]).not.toContain(refund);
    expect((await get('/subjects?deleted=true')) as string[]).toContain(refund);
    const listed = await listSubjectPage(local, { q: refund, deleted: 'show', page: 1, pageSize: 10 });
    expect(listed.items).toEqual([expect.objectContaining({ subject: refund, deleted: true })]);
    expect((await listSubjectPage(local, { q: refund, deleted: 'hide', page: 1, pageSize: 10 })).total).toBe(
      0,
    );
    expect(await getSubject(local, refund)).toMatchObject({ deleted: true, latestVersion: null });

    expect(await deleteSubject(local, refund, true)).toEqual({
      subject: refund,
      versions: [1],
      permanent: true,
    });
    expect((await get('/subjects?deleted=true')) as string[]).not.toContain(refund);
    expect((await appErrorOf(getSubject(local, refund))).status).toBe(404);
  });
});

describe('failures', () => {
  const withRegistry = (url: string, timeoutMs = 5_000): ClusterConfig => ({
    ...local,
    id: `it-browser-${timeoutMs}`,
    schemaRegistry: {
      url,
      timeoutMs,
      username: undefined,
      password: undefined,
      token: undefined,
      tls: undefined,
    },
  });
  const query = { q: '', deleted: 'hide', page: 1, pageSize: 50 } as const;

  it('says when a cluster has no registry', async () => {
    const none = { ...local, schemaRegistry: undefined };
    const error = await appErrorOf(listSubjectPage(none, query));
    expect([error.status, error.message]).toEqual([
      404,
      `No schema registry is configured for cluster "${local.name}"`,
    ]);
  });

  it('answers 503 for a registry that cannot be reached and 504 for one that does not answer', async () => {
    const down = await appErrorOf(listSubjectPage(withRegistry('http://127.0.0.1:1'), query));
    expect([down.code, down.status]).toEqual(['broker_unavailable', 503]);
    expect(down.message).toMatch(/^The schema registry at http:\/\/127\.0\.0\.1:1 cannot be reached/);

    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const slow = await appErrorOf(getSubject(withRegistry(`http://127.0.0.1:${port}`, 300), payments));
      expect([slow.code, slow.status, slow.message]).toEqual([
        'timeout',
        504,
        expect.stringContaining('300 ms'),
      ]);
    } finally {
      silent.close();
    }
  });
});

describe('the routes', () => {
  beforeAll(() => {
    (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
    vi.stubEnv('KAFKASCOPE_AUTH', 'none');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
  });

  const request = (path: string, init: { method?: string; body?: unknown } = {}) =>
    new NextRequest(`http://console.local/api/clusters/local/schema-registry/subjects/${path}`, {
      method: init.method ?? 'GET',
      ...(init.body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(init.body),
      }),
    });
  const params = <P>(p: P) => ({ params: Promise.resolve(p) });

  it('answer bad input with 400 in the one error shape, and audit changes with their subject', async () => {
    const badVersion = await versionRoute.GET(
      request(`${seg(payments)}/versions/abc`),
      params({ clusterId: 'local', subject: payments, version: 'abc' }),
    );
    expect(badVersion.status).toBe(400);
    expect(await badVersion.json()).toEqual({
      error: { code: 'validation_failed', message: 'Invalid version "abc": versions are numbers from 1' },
    });

    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const badBody = await registerRoute.POST(
      request(`${seg(payments)}/versions`, { method: 'POST', body: { schemaType: 'XML', schema: '' } }),
      params({ clusterId: 'local', subject: payments }),
    );
    const deleted = await subjectRoute.DELETE(
      request(`${seg(shipments)}?permanent=true`, { method: 'DELETE' }),
      params({ clusterId: 'local', subject: shipments }),
    );
    write.mockRestore();
    expect(badBody.status).toBe(400);
    expect(((await badBody.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    expect(deleted.status).toBe(409);
    const audit = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.type === 'audit');
    expect(audit).toEqual([
      expect.objectContaining({ action: 'schema.register', subject: payments, result: 'validation_failed' }),
      expect.objectContaining({
        action: 'schema.subject.delete',
        subject: shipments,
        permanent: true,
        status: 409,
      }),
    ]);
  });
});
