import 'server-only';
import {
  bindingKey,
  bindingText,
  type AclBatchResult,
  type AclBinding,
  type AclFilter,
  type AclList,
} from '@/lib/schemas/acl';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import type { AuditBatch } from '@/server/http/audit-context';
import { kafka, KafkaError, type AclOutcome } from '@/server/kafka';
import { notAllowed } from '@/server/services/identity';

export const NO_AUTHORIZER =
  'this cluster has no authorizer (Kafka answered SECURITY_DISABLED): it has no ACLs';

/** CLUSTER_AUTHORIZATION_FAILED names what the console's own identity lacks. */
function missingPermission(cluster: ClusterConfig, operation: 'DESCRIBE' | 'ALTER'): string {
  return notAllowed(
    cluster,
    `${operation === 'DESCRIBE' ? 'describe' : 'change'} ACLs`,
    `${operation} on the CLUSTER resource (kafka-cluster)`,
  );
}

const order = (a: AclBinding, b: AclBinding) =>
  a.resourceType.localeCompare(b.resourceType) ||
  a.resourceName.localeCompare(b.resourceName) ||
  a.principal.localeCompare(b.principal) ||
  a.operation.localeCompare(b.operation) ||
  a.permission.localeCompare(b.permission) ||
  a.host.localeCompare(b.host);

export async function listAcls(cluster: ClusterConfig, filter: AclFilter): Promise<AclList> {
  try {
    const bindings = (await kafka(cluster).acls(filter)) as AclBinding[];
    return { authorizer: true, bindings: bindings.sort(order) };
  } catch (error) {
    if (error instanceof KafkaError && error.type === 'SECURITY_DISABLED')
      return { authorizer: false, bindings: [] };
    if (error instanceof KafkaError && error.type === 'CLUSTER_AUTHORIZATION_FAILED')
      throw new AppError('forbidden', `DescribeAcls: ${missingPermission(cluster, 'DESCRIBE')}`, error);
    throw error;
  }
}

function results(cluster: ClusterConfig, outcomes: AclOutcome[]): AclBatchResult {
  return {
    results: outcomes.map(({ binding, error }) => ({
      binding: binding as AclBinding,
      ok: error === null,
      error:
        error === null
          ? null
          : error.type === 'SECURITY_DISABLED'
            ? NO_AUTHORIZER
            : error.type === 'CLUSTER_AUTHORIZATION_FAILED'
              ? missingPermission(cluster, 'ALTER')
              : error.message,
    })),
  };
}

/** The same binding twice in one batch is one binding. */
function distinct(bindings: AclBinding[]): AclBinding[] {
  const seen = new Map(bindings.map((b) => [bindingKey(b), b]));
  return [...seen.values()];
}

/** A batch cut short by the time-out may be applied in part: the answer says so, never just "failed". */
async function unfinished<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof KafkaError && error.kind === 'timeout')
      throw new AppError(
        'timeout',
        `${what} did not finish in time: some bindings may have been ${what === 'CreateAcls' ? 'created' : 'deleted'}; the ACL list shows which`,
        error,
      );
    throw error;
  }
}

export async function createAcls(cluster: ClusterConfig, bindings: AclBinding[]): Promise<AclBatchResult> {
  return results(
    cluster,
    await unfinished('CreateAcls', () => kafka(cluster).createAcls(distinct(bindings))),
  );
}

export async function deleteAcls(cluster: ClusterConfig, bindings: AclBinding[]): Promise<AclBatchResult> {
  return results(
    cluster,
    await unfinished('DeleteAcls', () => kafka(cluster).deleteAcls(distinct(bindings))),
  );
}

/** What the audit line says of a batch: the bindings Kafka applied and those it refused, with its reason. */
export function auditBatch(result: AclBatchResult): AuditBatch {
  return {
    applied: result.results.filter((r) => r.ok).map((r) => bindingText(r.binding)),
    refused: result.results
      .filter((r) => !r.ok)
      .map((r) => ({ target: bindingText(r.binding), error: r.error ?? 'refused' })),
  };
}
