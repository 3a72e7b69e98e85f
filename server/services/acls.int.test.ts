import { execFile } from 'node:child_process';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyWizard, wizardBindings } from '@/lib/acl/wizards';
import { AclBatchSchema, AclFilterSchema, bindingText, type AclBinding } from '@/lib/schemas/acl';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { scramTestUser } from '@/test/scram-user';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll, kafka } from '@/server/kafka';
import { createAcls, deleteAcls, listAcls } from '@/server/services/acls';
import * as aclsRoute from '@/app/api/clusters/[clusterId]/acls/route';
import * as aclsDeleteRoute from '@/app/api/clusters/[clusterId]/acls/delete/route';

/**
 * ACLs against the local cluster's StandardAuthorizer, checked with Kafka's own kafka-acls, and
 * enforced for real: a SCRAM user of this test (not a super user) produces on the SASL listener only
 * while the console's binding allows it. The producing client is Kafka's console producer: kcat's
 * librdkafka before 2.6.1 fails SCRAM against Kafka 4 (it repeats the client nonce in its final message).
 */
const local = loadConfig({}).clusters[0]!;
const bootstrap = BOOTSTRAP.split(',')[0]!;
const run = Date.now().toString(36);
const topic = `it-acls-${run}`;
const scram = scramTestUser(`it-acls-${run}`, { consoleName: 'as-user' });
const { user, principal } = scram;
const filter = (over: Record<string, string> = {}) => AclFilterSchema.parse({ principal, ...over });

/** kafka-acls --list, parsed: Kafka's own view of the bindings of a principal. */
const aclsWithKafkaTools = () => scram.listAcls();

const texts = (bindings: AclBinding[]) => bindings.map(bindingText).sort();

/** One record produced as the test's SCRAM user; true when it reached the topic (its end offset grew). */
async function produceAsUser(value: string): Promise<{ delivered: boolean; output: string }> {
  const before = await endOffset();
  const output = await scram.cli(
    'kafka-console-producer',
    [
      '--topic',
      topic,
      ...['max.block.ms=8000', 'delivery.timeout.ms=8000', 'request.timeout.ms=5000'].flatMap((p) => [
        '--command-property',
        p,
      ]),
    ],
    { input: `${value}\n` },
  );
  return { delivered: (await endOffset()) > before, output };
}

async function endOffset(): Promise<number> {
  const out = await kafkaCli('kafka-get-offsets', ['--bootstrap-server', bootstrap, '--topic', topic]);
  return Number(/:0:(\d+)/.exec(out)?.[1] ?? -1);
}

beforeAll(async () => {
  await scram.create();
  await kafkaCli('kafka-topics', [
    '--bootstrap-server',
    bootstrap,
    '--create',
    '--topic',
    topic,
    '--partitions',
    '1',
  ]);
}, 120_000);

afterAll(async () => {
  const left = (await listAcls(local, filter())).bindings;
  if (left.length > 0) await deleteAcls(local, left);
  await kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--delete', '--topic', topic]).catch(
    () => '',
  );
  await scram.remove();
  await disconnectAll();
}, 120_000);

describe('ACLs', () => {
  it('says whether the cluster has an authorizer as kafka-acls does (SECURITY_DISABLED: no authorizer)', async () => {
    const cli = await new Promise<string>((resolve) =>
      execFile(
        'bash',
        [
          path.resolve(__dirname, '../../dev/kafka/kafka-cli.sh'),
          'kafka-acls',
          '--bootstrap-server',
          bootstrap,
          '--list',
        ],
        { timeout: 60_000 },
        (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
      ),
    );
    const list = await listAcls(local, AclFilterSchema.parse({}));
    expect(list.authorizer).toBe(!/SecurityDisabledException|No Authorizer is configured/.test(cli));
    if (!list.authorizer) expect(list.bindings).toEqual([]);
  });

  it('the console lists what kafka-acls lists, before and after it creates a producer’s bindings', async () => {
    const before = await listAcls(local, filter());
    expect(before.authorizer).toBe(true);
    expect(texts(before.bindings)).toEqual(await aclsWithKafkaTools());

    const bindings = AclBatchSchema.parse({
      bindings: wizardBindings({ ...emptyWizard, kind: 'producer', principal, topic }),
    }).bindings;
    const created = await createAcls(local, bindings);
    expect(created.results.map((r) => [bindingText(r.binding), r.ok, r.error])).toEqual(
      bindings.map((b) => [bindingText(b), true, null]),
    );

    // Brokers learn of new bindings from the metadata log a moment after the controller took them.
    await expect.poll(async () => texts((await listAcls(local, filter())).bindings)).toEqual(texts(bindings));
    await expect.poll(aclsWithKafkaTools).toEqual(texts(bindings));
    // Filters: by operation, and MATCH by resource (the bindings that apply to the topic).
    expect(texts((await listAcls(local, filter({ operation: 'WRITE' }))).bindings)).toEqual([
      `ALLOW ${principal}@* WRITE TOPIC:LITERAL:${topic}`,
    ]);
    const matching = await listAcls(
      local,
      filter({ resourceType: 'TOPIC', resourceName: topic, patternType: 'MATCH' }),
    );
    expect(matching.bindings).toHaveLength(2);
    expect((await listAcls(local, filter({ resourceType: 'GROUP' }))).bindings).toEqual([]);
  });

  it('a binding the console creates lets the user produce; once it deletes it, the user cannot', async () => {
    const allowed = await produceAsUser('allowed');
    expect(allowed.delivered, allowed.output).toBe(true);

    const write = (await listAcls(local, filter({ operation: 'WRITE' }))).bindings;
    expect(write).toHaveLength(1);
    const deleted = await deleteAcls(local, write);
    expect(deleted.results).toEqual([{ binding: write[0], ok: true, error: null }]);
    await expect.poll(aclsWithKafkaTools).toEqual([`ALLOW ${principal}@* DESCRIBE TOPIC:LITERAL:${topic}`]);

    const refused = await produceAsUser('refused');
    expect(refused.delivered).toBe(false);
    expect(refused.output).toMatch(/AuthorizationException/);
  }, 120_000);

  it('CLUSTER_AUTHORIZATION_FAILED names what the console’s own identity lacks', async () => {
    // The console connected as the test's user, who is no super user and has no ACL on the cluster.
    const asUser = scram.asConsole;
    await expect(listAcls(asUser, filter())).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining(
        `(${principal}) is not allowed to describe ACLs: it needs DESCRIBE on the CLUSTER`,
      ),
    });
    const refused = await createAcls(asUser, [
      {
        principal,
        host: '*',
        resourceType: 'TOPIC',
        resourceName: topic,
        patternType: 'LITERAL',
        operation: 'READ',
        permission: 'ALLOW',
      },
    ]);
    expect(refused.results[0]).toMatchObject({
      ok: false,
      error: expect.stringContaining('it needs ALTER on the CLUSTER'),
    });
    expect(await aclsWithKafkaTools()).not.toContain(`ALLOW ${principal}@* READ TOPIC:LITERAL:${topic}`);
  });

  it('a batch Kafka refuses in part says which binding failed, and applies the rest', async () => {
    const good: AclBinding = {
      principal,
      host: '*',
      resourceType: 'GROUP',
      resourceName: `${topic}-group`,
      patternType: 'LITERAL',
      operation: 'READ',
      permission: 'ALLOW',
    };
    // Past the zod schema (as a client skipping it would be): Kafka itself refuses a principal without a type.
    const bad = { ...good, principal: user };
    const outcomes = await kafka(local).createAcls([good, bad]);
    expect(outcomes[0]!.error).toBeNull();
    expect(outcomes[1]!.error?.message).toMatch(/INVALID_REQUEST/);
    await expect.poll(aclsWithKafkaTools).toContain(`ALLOW ${principal}@* READ GROUP:LITERAL:${topic}-group`);

    // Deleting what is not there is reported, not silently "done".
    const missing = await deleteAcls(local, [{ ...good, operation: 'DELETE' }]);
    expect(missing.results[0]).toMatchObject({ ok: false, error: expect.stringMatching(/no such binding/) });
  });
});

describe('the audit line of an ACL batch', () => {
  const cache = globalThis as { __kafkascopeAuth?: unknown; __kafkascopeConfig?: unknown };
  beforeAll(() => {
    cache.__kafkascopeAuth = undefined;
    vi.stubEnv('KAFKASCOPE_AUTH', 'none');
    // The local cluster, and the same cluster as the test's user (no super user, no ACL on the cluster).
    const asUser = scram.asConsole;
    cache.__kafkascopeConfig = { clusters: [local, asUser] };
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    cache.__kafkascopeAuth = undefined;
    cache.__kafkascopeConfig = undefined;
  });

  const group = (operation: AclBinding['operation']): AclBinding => ({
    principal,
    host: '*',
    resourceType: 'GROUP',
    resourceName: `${topic}-audit`,
    patternType: 'LITERAL',
    operation,
    permission: 'ALLOW',
  });

  /** Calls a route as the browser would and returns its answer and the audit line it wrote. */
  async function send(route: typeof aclsRoute.POST, path: string, clusterId: string, bindings: AclBinding[]) {
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const response = await route(
        new NextRequest(`http://console.local/api/clusters/${clusterId}/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ bindings }),
        }),
        { params: Promise.resolve({ clusterId }) },
      );
      const audit = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.type === 'audit');
      return {
        status: response.status,
        body: (await response.json()) as { results: { ok: boolean }[] },
        audit,
      };
    } finally {
      write.mockRestore();
    }
  }

  it('says ok only when Kafka applied every binding, partial and refused otherwise, and names each', async () => {
    const read = group('READ');
    const describeGroup = group('DESCRIBE');
    const created = await send(aclsRoute.POST, 'acls', 'local', [read, describeGroup]);
    expect(created.status).toBe(200);
    expect(created.audit).toEqual([
      expect.objectContaining({
        action: 'acl.create',
        cluster: 'local',
        target: `${bindingText(read)}; ${bindingText(describeGroup)}`,
        result: 'ok',
      }),
    ]);
    expect(created.audit[0]).not.toHaveProperty('refused');
    await expect.poll(aclsWithKafkaTools).toEqual(expect.arrayContaining(texts([read, describeGroup])));

    // The console's identity lacks ALTER on the cluster: Kafka refuses every binding.
    const alter = group('ALTER');
    const refused = await send(aclsRoute.POST, 'acls', 'as-user', [alter]);
    expect(refused.status).toBe(200);
    expect(refused.body.results).toEqual([expect.objectContaining({ ok: false })]);
    expect(refused.audit).toHaveLength(1);
    expect(refused.audit[0]).toMatchObject({
      action: 'acl.create',
      cluster: 'as-user',
      result: 'refused',
      refused: [
        { target: bindingText(alter), error: expect.stringContaining('it needs ALTER on the CLUSTER') },
      ],
    });
    expect(refused.audit[0]).not.toHaveProperty('target');
    expect(await aclsWithKafkaTools()).not.toContain(bindingText(alter));

    // One binding is there and is deleted; the other is not there, which Kafka's answer shows.
    const deleted = await send(aclsDeleteRoute.POST, 'acls/delete', 'local', [read, alter]);
    expect(deleted.body.results.map((r) => r.ok)).toEqual([true, false]);
    expect(deleted.audit).toEqual([
      expect.objectContaining({
        action: 'acl.delete',
        target: bindingText(read),
        refused: [{ target: bindingText(alter), error: expect.stringMatching(/no such binding/) }],
        result: 'partial',
      }),
    ]);
    await expect.poll(aclsWithKafkaTools).not.toContain(bindingText(read));
    expect(await aclsWithKafkaTools()).toContain(bindingText(describeGroup));
  }, 60_000);
});
