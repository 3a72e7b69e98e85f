import { z } from 'zod';

/** Kafka's ACL vocabulary (AclOperation, ResourceType, PatternType, AclPermissionType), by name. */
export const aclResourceTypes = [
  'TOPIC',
  'GROUP',
  'CLUSTER',
  'TRANSACTIONAL_ID',
  'DELEGATION_TOKEN',
  'USER',
] as const;
export const aclOperations = [
  'ALL',
  'READ',
  'WRITE',
  'CREATE',
  'DELETE',
  'ALTER',
  'DESCRIBE',
  'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
  'CREATE_TOKENS',
  'DESCRIBE_TOKENS',
] as const;
export const aclPatternTypes = ['LITERAL', 'PREFIXED'] as const;
export const aclPermissions = ['ALLOW', 'DENY'] as const;

export const AclResourceTypeSchema = z.enum(aclResourceTypes);
export const AclOperationSchema = z.enum(aclOperations);
export const AclPatternTypeSchema = z.enum(aclPatternTypes);
export const AclPermissionSchema = z.enum(aclPermissions);
export type AclResourceType = z.infer<typeof AclResourceTypeSchema>;
export type AclOperation = z.infer<typeof AclOperationSchema>;
export type AclPatternType = z.infer<typeof AclPatternTypeSchema>;
export type AclPermission = z.infer<typeof AclPermissionSchema>;

/** The one name a CLUSTER resource has. */
export const CLUSTER_RESOURCE_NAME = 'kafka-cluster';

/** `User:alice`, `Group:ops` or `User:*` (everyone): a principal type, a colon, a name. */
export const PrincipalSchema = z
  .string()
  .trim()
  .min(1, 'enter a principal, e.g. User:alice')
  .max(500)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*:\S.*$/, 'a principal is TYPE:name, e.g. User:alice');

const AclBindingShape = z.object({
  principal: PrincipalSchema,
  host: z.string().trim().min(1, 'enter a host, or * for any').max(255).default('*'),
  resourceType: AclResourceTypeSchema,
  resourceName: z.string().trim().min(1, 'enter a resource name').max(1000),
  patternType: AclPatternTypeSchema,
  operation: AclOperationSchema,
  permission: AclPermissionSchema,
});

/** One ACL binding: a principal from a host may (or may not) do an operation on a resource pattern. */
export const AclBindingSchema = AclBindingShape.superRefine((b, ctx) => {
  if (
    b.resourceType === 'CLUSTER' &&
    (b.resourceName !== CLUSTER_RESOURCE_NAME || b.patternType !== 'LITERAL')
  )
    ctx.addIssue({
      code: 'custom',
      path: ['resourceName'],
      message: `the cluster resource is named ${CLUSTER_RESOURCE_NAME} (literal)`,
    });
  if (b.resourceName === '*' && b.patternType !== 'LITERAL')
    ctx.addIssue({ code: 'custom', path: ['patternType'], message: 'the wildcard * is a literal name' });
});
export type AclBinding = z.infer<typeof AclBindingSchema>;

export const MAX_ACL_BATCH = 100;

/** POST /acls (create) and POST /acls/delete: exact bindings, each applied and answered on its own. */
export const AclBatchSchema = z.object({
  bindings: z
    .array(AclBindingSchema)
    .min(1, 'no binding to apply')
    .max(MAX_ACL_BATCH, `at most ${MAX_ACL_BATCH} bindings at once`),
});
export type AclBatch = z.infer<typeof AclBatchSchema>;

export const AclResultSchema = z.object({
  binding: AclBindingSchema,
  ok: z.boolean(),
  /** Kafka's refusal of this binding (its error name and message), null when applied. */
  error: z.string().nullable(),
});
export const AclBatchResultSchema = z.object({ results: z.array(AclResultSchema) });
export type AclResult = z.infer<typeof AclResultSchema>;
export type AclBatchResult = z.infer<typeof AclBatchResultSchema>;

/**
 * GET /acls filters, as DescribeAcls takes them: empty means any. `MATCH` finds every binding that
 * applies to the named resource (literal, prefixed and the wildcard).
 */
export const AclFilterSchema = z.object({
  principal: z.string().trim().max(500).default(''),
  host: z.string().trim().max(255).default(''),
  resourceType: z.enum(['ANY', ...aclResourceTypes]).default('ANY'),
  resourceName: z.string().trim().max(1000).default(''),
  patternType: z.enum(['ANY', 'MATCH', ...aclPatternTypes]).default('ANY'),
  operation: z.enum(['ANY', ...aclOperations]).default('ANY'),
  permission: z.enum(['ANY', ...aclPermissions]).default('ANY'),
});
export type AclFilter = z.infer<typeof AclFilterSchema>;

export const AclListSchema = z.object({
  /** False: the cluster has no authorizer (Kafka answered SECURITY_DISABLED), so there are no ACLs at all. */
  authorizer: z.boolean(),
  bindings: z.array(AclBindingSchema),
});
export type AclList = z.infer<typeof AclListSchema>;

export function bindingKey(b: AclBinding): string {
  return [b.permission, b.principal, b.host, b.operation, b.resourceType, b.patternType, b.resourceName].join(
    '\u0000',
  );
}

/** One line per binding, as audit lines and previews name it. */
export function bindingText(b: AclBinding): string {
  return `${b.permission} ${b.principal}@${b.host} ${b.operation} ${b.resourceType}:${b.patternType}:${b.resourceName}`;
}
