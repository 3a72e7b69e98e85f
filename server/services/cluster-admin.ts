import 'server-only';
import {
  AlterBrokerConfigsSchema,
  AlterQuotasSchema,
  ScramDeleteSchema,
  ScramUpsertSchema,
  listenerNames,
  perListenerConfigKeys,
  perListenerKey,
  scramMechanisms,
  type BrokerConfigEntry,
  type BrokerConfigChangeResult,
  type BrokerConfigList,
  type QuotaChangeResult,
  type QuotaEntity,
  type QuotaList,
  type ScramUserList,
} from '@/lib/schemas/cluster-admin';
import type { z } from 'zod';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { kafka, type QuotaEntityPart } from '@/server/kafka';
import { getTopology } from '@/server/services/snapshot';

/** SCRAM users with their mechanisms and iterations; salts and hashes never leave the gateway. */
export async function listScramUsers(cluster: ClusterConfig): Promise<ScramUserList> {
  return { users: await kafka(cluster).scramUsers() };
}

async function credentialsOf(cluster: ClusterConfig, user: string) {
  return (await kafka(cluster).scramUsers()).find((u) => u.user === user)?.credentials ?? [];
}

/** Brokers learn of a change from the metadata log a moment after the controller answers. */
async function settle<T>(
  cluster: ClusterConfig,
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + Math.min(cluster.requestTimeoutMs, 5_000);
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 150));
    value = await read();
  }
  return value;
}

/**
 * Creates a user's credential for one mechanism or changes its password (and iterations). Before and
 * after are the mechanisms and iterations: the password is in no answer, log or audit line.
 */
export async function upsertScramUser(cluster: ClusterConfig, body: z.infer<typeof ScramUpsertSchema>) {
  const before = await credentialsOf(cluster, body.user);
  if (body.create && before.some((c) => c.mechanism === body.mechanism))
    throw new AppError(
      'conflict',
      `User "${body.user}" already has a ${body.mechanism} credential: change its password from its row instead`,
    );
  await kafka(cluster).alterScramUsers([
    {
      op: 'upsert',
      user: body.user,
      mechanism: body.mechanism,
      iterations: body.iterations,
      password: body.password,
    },
  ]);
  const after = await settle(
    cluster,
    () => credentialsOf(cluster, body.user),
    (list) => list.some((c) => c.mechanism === body.mechanism && c.iterations === body.iterations),
  );
  return { user: body.user, created: !before.some((c) => c.mechanism === body.mechanism), before, after };
}

/** Deletes the given mechanisms of a user (all of them by default): the user can no longer log in with them. */
export async function deleteScramUser(
  cluster: ClusterConfig,
  user: string,
  body: z.infer<typeof ScramDeleteSchema>,
) {
  const before = await credentialsOf(cluster, user);
  const mechanisms = (body.mechanisms ?? [...scramMechanisms]).filter((m) =>
    before.some((c) => c.mechanism === m),
  );
  if (mechanisms.length === 0) throw new AppError('not_found', `User "${user}" has no such SCRAM credential`);
  await kafka(cluster).alterScramUsers(mechanisms.map((mechanism) => ({ op: 'delete', user, mechanism })));
  const after = await settle(
    cluster,
    () => credentialsOf(cluster, user),
    (list) => list.every((c) => !mechanisms.includes(c.mechanism)),
  );
  return { user, before, after };
}

const toGateway = (entity: QuotaEntity): QuotaEntityPart[] =>
  entity.map((p) => ({ entityType: p.type, entityName: p.name }));

/** Every entity with a client quota (users, client ids, both, IPs and the defaults). */
export async function listQuotas(cluster: ClusterConfig): Promise<QuotaList> {
  const entries = await kafka(cluster).clientQuotas();
  return {
    entries: entries
      .map((e) => ({
        entity: e.entity.map((p) => ({ type: p.entityType, name: p.entityName })),
        values: e.values,
      }))
      .sort((a, b) => JSON.stringify(a.entity).localeCompare(JSON.stringify(b.entity))),
  };
}

const sameEntity = (a: { type: string; name: string | null }[], b: QuotaEntity) =>
  a.length === b.length && b.every((p) => a.some((q) => q.type === p.type && q.name === p.name));

async function quotasOf(cluster: ClusterConfig, entity: QuotaEntity): Promise<Record<string, number>> {
  const { entries } = await listQuotas(cluster);
  return entries.find((e) => sameEntity(e.entity, entity))?.values ?? {};
}

/**
 * Sets and removes quotas of one entity. dryRun has Kafka validate the change (validateOnly) and
 * answers the before/after it would make; otherwise it is applied and the after is read back.
 */
export async function alterQuotas(
  cluster: ClusterConfig,
  body: z.infer<typeof AlterQuotasSchema>,
): Promise<QuotaChangeResult> {
  const before = await quotasOf(cluster, body.entity);
  const expected: Record<string, number> = { ...before, ...body.set };
  for (const key of body.remove) delete expected[key];
  const ops = [
    ...Object.entries(body.set).map(([key, value]) => ({ key, value: value as number })),
    ...body.remove.map((key) => ({ key, value: null })),
  ];
  await kafka(cluster).alterClientQuotas(toGateway(body.entity), ops, body.dryRun);
  if (body.dryRun) return { applied: false, before, after: expected };
  const after = await settle(
    cluster,
    () => quotasOf(cluster, body.entity),
    (v) => JSON.stringify(Object.entries(v).sort()) === JSON.stringify(Object.entries(expected).sort()),
  );
  return { applied: true, before, after };
}

/** "default" is the cluster-wide dynamic default; a number is a broker of the cluster. */
async function parseScope(cluster: ClusterConfig, scope: string): Promise<number | null> {
  if (scope === 'default') return null;
  if (!/^\d+$/.test(scope))
    throw new AppError('validation_failed', `"${scope}" is neither a broker id nor "default"`);
  const id = Number(scope);
  const topology = await getTopology(cluster);
  if (!topology.knownBrokerIds.includes(id))
    throw new AppError('not_found', `Broker ${id} is not part of cluster "${cluster.name}"`);
  if (!topology.brokers.some((b) => b.id === id))
    throw new AppError(
      'broker_unavailable',
      `Broker ${id} is down: it cannot describe or change its configuration`,
    );
  return id;
}

export async function getBrokerConfigsFull(cluster: ClusterConfig, scope: string): Promise<BrokerConfigList> {
  const brokerId = await parseScope(cluster, scope);
  const gateway = kafka(cluster);
  if (brokerId !== null) return { scope, configs: await gateway.brokerConfigsFull(brokerId) };
  const [configs, reference] = await Promise.all([
    gateway.brokerConfigsFull(null),
    anyLiveBroker(cluster).then((id) => gateway.brokerConfigsFull(id)),
  ]);
  return { scope, configs, reference };
}

const READ_ONLY_REASON = 'is read-only: only a restart with a changed server.properties changes it';

const PER_LISTENER_HINT =
  ` (per-listener keys are listener.name.<listener>.<key>, <key> one of ${perListenerConfigKeys.join(', ')}, ` +
  'or <mechanism>.sasl.jaas.config)';

/**
 * Sets and removes dynamic configs of a broker or of the cluster-wide default. Unknown and read-only
 * (static) keys are refused before anything is sent, with the reason. dryRun has Kafka validate the
 * change without applying it. Sensitive values are never answered: before/after say set or unset.
 */
export async function alterBrokerConfigsOf(
  cluster: ClusterConfig,
  scope: string,
  body: z.infer<typeof AlterBrokerConfigsSchema>,
): Promise<BrokerConfigChangeResult> {
  const brokerId = await parseScope(cluster, scope);
  const gateway = kafka(cluster);
  // A broker's own list has every key with its metadata; the default entity lists only what it sets.
  const reference = await gateway.brokerConfigsFull(brokerId ?? (await anyLiveBroker(cluster)));
  const current = brokerId === null ? await gateway.brokerConfigsFull(null) : reference;
  const names = [...Object.keys(body.set), ...body.reset];
  // Per-listener keys (listener.name.<listener>.<key>) are listed only once set: they are known by
  // the key they set, for a listener the broker has, and Kafka takes them dynamically.
  const listeners = listenerNames(reference.find((c) => c.name === 'listeners')?.value);
  const metaOf = (name: string): BrokerConfigEntry | undefined => {
    const listed = reference.find((c) => c.name === name);
    const perListener = perListenerKey(name);
    if (!perListener) return listed;
    const base = reference.find((c) => c.name === perListener.key) ?? listed;
    return base && { ...base, name, readOnly: false };
  };
  const unknown = names.filter((n) => !metaOf(n));
  if (unknown.length > 0)
    throw new AppError(
      'validation_failed',
      `Unknown broker config${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` +
        (unknown.some((n) => n.startsWith('listener.name.')) ? PER_LISTENER_HINT : ''),
    );
  const strangers = [
    ...new Set(names.flatMap((n) => perListenerKey(n)?.listener ?? []).filter((l) => !listeners.includes(l))),
  ];
  if (strangers.length > 0)
    throw new AppError(
      'validation_failed',
      `${strangers.map((l) => `"${l}"`).join(', ')} ${strangers.length > 1 ? 'are not listeners' : 'is not a listener'} ` +
        `of ${brokerId === null ? 'the brokers' : `broker ${brokerId}`} (${brokerId === null ? 'their' : 'its'} listeners: ${listeners.join(', ') || 'none listed'})`,
    );
  const readOnly = names.filter((n) => metaOf(n)?.readOnly);
  if (readOnly.length > 0)
    throw new AppError(
      'validation_failed',
      `${readOnly.length > 1 ? 'These keys are' : 'This key'} ${readOnly.join(', ')} ${readOnly.length > 1 ? READ_ONLY_REASON.replace('is read-only', 'read-only') : READ_ONLY_REASON}`,
    );
  const changes = names.map((name) => {
    const meta = metaOf(name)!;
    const now = current.find((c) => c.name === name);
    const own =
      now &&
      (brokerId === null
        ? now.source === 'DYNAMIC_DEFAULT_BROKER_CONFIG'
        : now.source === 'DYNAMIC_BROKER_CONFIG');
    const mask = (v: string | null | undefined, isSet: boolean) =>
      meta.sensitive ? (isSet ? 'set' : null) : (v ?? null);
    const next = name in body.set ? body.set[name]! : null;
    return {
      name,
      sensitive: meta.sensitive,
      before: own ? mask(now.value, now.isSet) : null,
      after: mask(next, next !== null),
      beforeSource: now?.source ?? 'DEFAULT_CONFIG',
    };
  });
  await gateway.alterBrokerConfigs(
    brokerId,
    names.map((name) => ({ name, value: name in body.set ? body.set[name]! : null })),
    body.dryRun,
  );
  return { applied: !body.dryRun, changes };
}

async function anyLiveBroker(cluster: ClusterConfig): Promise<number> {
  const topology = await getTopology(cluster);
  const broker = topology.brokers[0];
  if (!broker) throw new AppError('broker_unavailable', `No broker of cluster "${cluster.name}" is up`);
  return broker.id;
}
