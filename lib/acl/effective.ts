import type { AclBinding, AclOperation, AclResourceType } from '@/lib/schemas/acl';

/**
 * "Who can do what here": Kafka's authorizer decision for one resource, per principal and operation,
 * from the bindings that apply to it (literal name, the literal wildcard `*`, prefixes of the name;
 * the principal itself or `User:*`). A DENY beats any ALLOW; ALL stands for every operation; an
 * allowed READ, WRITE, DELETE or ALTER implies DESCRIBE, and ALTER_CONFIGS implies DESCRIBE_CONFIGS
 * (as in Kafka's AclAuthorizer/StandardAuthorizer). Super users, who skip ACLs, are not known here.
 */
export type Decision = 'allow' | 'deny' | 'none';

export interface OperationAccess {
  operation: AclOperation;
  decision: Decision;
  /** The bindings that decided it (the denies when denied). */
  because: AclBinding[];
}

export interface PrincipalAccess {
  principal: string;
  operations: OperationAccess[];
}

export const resourceOperations: Partial<Record<AclResourceType, AclOperation[]>> = {
  TOPIC: ['READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS'],
  GROUP: ['READ', 'DESCRIBE', 'DELETE'],
  TRANSACTIONAL_ID: ['WRITE', 'DESCRIBE'],
  CLUSTER: [
    'CREATE',
    'ALTER',
    'DESCRIBE',
    'CLUSTER_ACTION',
    'DESCRIBE_CONFIGS',
    'ALTER_CONFIGS',
    'IDEMPOTENT_WRITE',
  ],
};

const IMPLIES: Partial<Record<AclOperation, AclOperation[]>> = {
  DESCRIBE: ['READ', 'WRITE', 'DELETE', 'ALTER'],
  DESCRIBE_CONFIGS: ['ALTER_CONFIGS'],
};

export function appliesTo(b: AclBinding, resourceType: AclResourceType, name: string): boolean {
  if (b.resourceType !== resourceType) return false;
  if (b.patternType === 'PREFIXED') return name.startsWith(b.resourceName);
  return b.resourceName === name || b.resourceName === '*';
}

const wildcardPrincipal = (p: string) => p.endsWith(':*');
const principalMatches = (b: AclBinding, principal: string) =>
  b.principal === principal ||
  (wildcardPrincipal(b.principal) && principal.startsWith(b.principal.slice(0, -1)));

export function decide(bindings: AclBinding[], principal: string, operation: AclOperation): OperationAccess {
  const mine = bindings.filter((b) => principalMatches(b, principal));
  const denies = mine.filter(
    (b) => b.permission === 'DENY' && (b.operation === operation || b.operation === 'ALL'),
  );
  if (denies.length > 0) return { operation, decision: 'deny', because: denies };
  const implied = IMPLIES[operation] ?? [];
  const allows = mine.filter(
    (b) =>
      b.permission === 'ALLOW' &&
      (b.operation === operation || b.operation === 'ALL' || implied.includes(b.operation)),
  );
  return { operation, decision: allows.length > 0 ? 'allow' : 'none', because: allows };
}

/** Every principal named by a binding that applies to the resource, with its decision per operation. */
export function effectiveAccess(
  bindings: AclBinding[],
  resourceType: AclResourceType,
  name: string,
): PrincipalAccess[] {
  const applying = bindings.filter((b) => appliesTo(b, resourceType, name));
  const operations = resourceOperations[resourceType] ?? [];
  const principals = [...new Set(applying.map((b) => b.principal))].sort((a, b) =>
    wildcardPrincipal(a) === wildcardPrincipal(b) ? a.localeCompare(b) : wildcardPrincipal(a) ? -1 : 1,
  );
  return principals.map((principal) => ({
    principal,
    operations: operations.map((operation) => decide(applying, principal, operation)),
  }));
}
