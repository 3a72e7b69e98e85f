import 'server-only';
import type { ClusterClients } from '@/server/kafka/client/registry';
import { kafkaErrorType, toKafkaError } from '@/server/kafka/errors';

/**
 * ACL bindings through kafkajs's admin (DescribeAcls, CreateAcls, DeleteAcls, sent to a broker that
 * forwards them to the KRaft controller). Names are Kafka's enum names; the numbers are its wire codes.
 */
export interface AclBindingSpec {
  principal: string;
  host: string;
  resourceType: string;
  resourceName: string;
  patternType: string;
  operation: string;
  permission: string;
}

export interface AclFilterSpec {
  principal?: string;
  host?: string;
  resourceType: string;
  resourceName?: string;
  patternType: string;
  operation: string;
  permission: string;
}

/** One binding's outcome: applied, or Kafka's refusal of it alone (the others of a batch go on). */
export interface AclOutcome {
  binding: AclBindingSpec;
  error: { type: string | null; message: string } | null;
}

const RESOURCE: Record<string, number> = {
  ANY: 1,
  TOPIC: 2,
  GROUP: 3,
  CLUSTER: 4,
  TRANSACTIONAL_ID: 5,
  DELEGATION_TOKEN: 6,
  USER: 7,
};
const PATTERN: Record<string, number> = { ANY: 1, MATCH: 2, LITERAL: 3, PREFIXED: 4 };
const OPERATION: Record<string, number> = {
  ANY: 1,
  ALL: 2,
  READ: 3,
  WRITE: 4,
  CREATE: 5,
  DELETE: 6,
  ALTER: 7,
  DESCRIBE: 8,
  CLUSTER_ACTION: 9,
  DESCRIBE_CONFIGS: 10,
  ALTER_CONFIGS: 11,
  IDEMPOTENT_WRITE: 12,
  CREATE_TOKENS: 13,
  DESCRIBE_TOKENS: 14,
};
const PERMISSION: Record<string, number> = { ANY: 1, DENY: 2, ALLOW: 3 };

function code(table: Record<string, number>, name: string, what: string): number {
  const value = table[name];
  if (value === undefined) throw new Error(`unknown ACL ${what} ${name}`);
  return value;
}

function nameOf(table: Record<string, number>, value: number): string {
  return Object.keys(table).find((k) => table[k] === value) ?? `UNKNOWN(${value})`;
}

function wireBinding(b: AclBindingSpec) {
  return {
    principal: b.principal,
    host: b.host,
    resourceType: code(RESOURCE, b.resourceType, 'resource type'),
    resourceName: b.resourceName,
    resourcePatternType: code(PATTERN, b.patternType, 'pattern type'),
    operation: code(OPERATION, b.operation, 'operation'),
    permissionType: code(PERMISSION, b.permission, 'permission'),
  };
}

interface WireResource {
  resourceType: number;
  resourceName: string;
  resourcePatternType: number;
  acls: { principal: string; host: string; operation: number; permissionType: number }[];
}

export async function describeAcls(c: ClusterClients, filter: AclFilterSpec): Promise<AclBindingSpec[]> {
  const { resources } = (await c.admin.describeAcls({
    resourceType: code(RESOURCE, filter.resourceType, 'resource type'),
    resourceName: filter.resourceName || undefined,
    resourcePatternType: code(PATTERN, filter.patternType, 'pattern type'),
    principal: filter.principal || undefined,
    host: filter.host || undefined,
    operation: code(OPERATION, filter.operation, 'operation'),
    permissionType: code(PERMISSION, filter.permission, 'permission'),
  } as never)) as unknown as { resources: WireResource[] };
  return resources.flatMap((r) =>
    r.acls.map((a) => ({
      principal: a.principal,
      host: a.host,
      resourceType: nameOf(RESOURCE, r.resourceType),
      resourceName: r.resourceName,
      patternType: nameOf(PATTERN, r.resourcePatternType),
      operation: nameOf(OPERATION, a.operation),
      permission: nameOf(PERMISSION, a.permissionType),
    })),
  );
}

function refusal(error: unknown, what: string): AclOutcome['error'] {
  const e = toKafkaError(error, what);
  const type = kafkaErrorType(error) ?? e.type;
  return { type, message: type ? `${e.message} (${type})` : e.message };
}

/**
 * One CreateAcls per binding, all at once: Kafka applies each binding of a request on its own, and a
 * request per binding lets each refusal be told apart (kafkajs would report only the first).
 */
export async function createAcls(c: ClusterClients, bindings: AclBindingSpec[]): Promise<AclOutcome[]> {
  return Promise.all(
    bindings.map(async (binding) => {
      try {
        await c.admin.createAcls({ acl: [wireBinding(binding)] } as never);
        return { binding, error: null };
      } catch (error) {
        return { binding, error: refusal(error, 'CreateAcls') };
      }
    }),
  );
}

/** One DeleteAcls per exact binding (a filter naming every field): a binding that is not there is an error. */
export async function deleteAcls(c: ClusterClients, bindings: AclBindingSpec[]): Promise<AclOutcome[]> {
  return Promise.all(
    bindings.map(async (binding) => {
      try {
        const { filterResponses } = (await c.admin.deleteAcls({
          filters: [wireBinding(binding)],
        } as never)) as {
          filterResponses: { errorCode: number; matchingAcls: unknown[] }[];
        };
        const matched = filterResponses[0]?.matchingAcls.length ?? 0;
        return {
          binding,
          error:
            matched > 0 ? null : { type: null, message: 'DeleteAcls: no such binding (nothing deleted)' },
        };
      } catch (error) {
        return { binding, error: refusal(error, 'DeleteAcls') };
      }
    }),
  );
}
