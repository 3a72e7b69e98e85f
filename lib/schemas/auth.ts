import { z } from 'zod';

/** Roles in increasing power: each may do everything the ones before it may. */
export const roles = ['viewer', 'operator', 'admin'] as const;
export const RoleSchema = z.enum(roles);
export type Role = z.infer<typeof RoleSchema>;

/**
 * Every mutating action and the least role allowed to do it. Route handlers declare one of these
 * through `mutation()`; the UI reads the same table to disable what a user may not use.
 */
export const actionRoles = {
  'topic.create': 'admin',
  'topic.delete': 'admin',
  'topic.configs.alter': 'admin',
  'topic.partitions.add': 'admin',
  'topic.purge': 'admin',
  'message.produce': 'operator',
  'group.offsets.reset': 'operator',
  'group.delete': 'admin',
  'group.offsets.delete': 'admin',
  // Writes an ABORT marker for a hanging transaction, as its coordinator would have (kafka-transactions abort).
  'transaction.abort': 'admin',
  // Partition reassignment and leader election move data and leadership across the cluster.
  'partition.reassign.plan': 'admin',
  'partition.reassign': 'admin',
  'partition.reassign.cancel': 'admin',
  'leader.elect': 'admin',
  // The schema registry: operators produce with its schemas but do not change them.
  'schema.register': 'admin',
  'schema.compatibility.check': 'admin',
  'schema.compatibility.alter': 'admin',
  'schema.version.delete': 'admin',
  'schema.subject.delete': 'admin',
  // Alerts: admins define what fires and where it goes (channels hold secrets); operators, who answer
  // the alerts, silence them.
  'alert.rule.create': 'admin',
  'alert.rule.update': 'admin',
  'alert.rule.delete': 'admin',
  'alert.channel.create': 'admin',
  'alert.channel.update': 'admin',
  'alert.channel.delete': 'admin',
  'alert.channel.test': 'admin',
  'alert.silence.create': 'operator',
  'alert.silence.delete': 'operator',
  // Running the cluster: SCRAM users, client quotas and dynamic broker configs.
  'scram.user.alter': 'admin',
  'scram.user.delete': 'admin',
  'quota.alter': 'admin',
  'broker.configs.alter': 'admin',
  // ACLs decide who may do what in the cluster: admins only.
  'acl.create': 'admin',
  'acl.delete': 'admin',
  // Kafka Connect: operators keep connectors running (pause, resume, restart); admins change them.
  'connect.connector.create': 'admin',
  'connect.connector.validate': 'admin',
  'connect.connector.update': 'admin',
  'connect.connector.delete': 'admin',
  'connect.connector.stop': 'admin',
  'connect.connector.pause': 'operator',
  'connect.connector.resume': 'operator',
  'connect.connector.restart': 'operator',
  'connect.task.restart': 'operator',
  'connect.offsets.alter': 'admin',
  'connect.offsets.reset': 'admin',
} as const satisfies Record<string, Role>;
export type Action = keyof typeof actionRoles;
export const actions = Object.keys(actionRoles) as Action[];

export function roleAllows(role: Role, action: Action): boolean {
  return roles.indexOf(role) >= roles.indexOf(actionRoles[action]);
}

export const AuthModeSchema = z.enum(['login', 'none']);
export type AuthMode = z.infer<typeof AuthModeSchema>;

/** GET /api/auth/me: who is signed in and what they may do (cluster read-only flags come from /api/clusters). */
export const MeSchema = z.object({
  username: z.string(),
  role: RoleSchema,
  authMode: AuthModeSchema,
  via: z.enum(['password', 'oidc', 'none']),
  actions: z.array(z.string()),
  expiresAt: z.string().nullable(),
});
export type Me = z.infer<typeof MeSchema>;

/** GET /api/auth/options: what the login page offers. */
export const AuthOptionsSchema = z.object({
  authMode: AuthModeSchema,
  passwordLogin: z.boolean(),
  /** "Sign in with <oidcName>", or null without single sign-on. */
  oidcName: z.string().nullable(),
});
export type AuthOptions = z.infer<typeof AuthOptionsSchema>;

export const LoginSchema = z.object({
  username: z.string().trim().min(1, 'enter a user name').max(200),
  password: z.string().min(1, 'enter a password').max(1000),
});
export type LoginInput = z.infer<typeof LoginSchema>;

/**
 * A post-login destination: only a path on this site, never another origin. Browsers drop tabs and
 * newlines from URLs and read `\` as `/`, so `/\t/evil.example` or `/\evil.example` would become
 * `//evil.example`: any control character or backslash is refused, and what is left is resolved the
 * way a browser would, against a placeholder origin that it must keep.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/')) return '/';
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, 'http://x');
  } catch {
    return '/';
  }
  if (url.protocol !== 'http:' || url.host !== 'x' || url.username || url.password) return '/';
  const path = url.pathname + url.search + url.hash;
  if (!path.startsWith('/') || path.startsWith('//')) return '/';
  if (url.pathname === '/login' || url.pathname.startsWith('/login/') || url.pathname.startsWith('/api/'))
    return '/';
  return path;
}
