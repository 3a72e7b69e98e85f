import 'server-only';
import { z } from 'zod';
import { either, TlsConfigSchema } from '@/server/config/security';

const WorkerUrlSchema = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).refine((url) => {
  if (!URL.canParse(url)) return true;
  const parsed = new URL(url);
  return !parsed.username && !parsed.password && !parsed.search && !parsed.hash;
}, 'must not contain a user name, password, query string or fragment (use username/password)');

/** `a` or `a,b` (one variable may name several workers) as a list. */
const splitList = (value: unknown) =>
  typeof value === 'string' && value.includes(',')
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/**
 * One Kafka Connect cluster (a distributed worker group) of a Kafka cluster: a name shown in the
 * console and used in URLs, the REST URLs of one or more of its workers
 * (tried in turn: server/connect/failover.ts), and how the console logs in (basic
 * auth, inline or in a file read at start; TLS with a CA and a client certificate). The console alone
 * talks to it: nothing here reaches the browser but the name and the URL's origin.
 */
export const ConnectClusterConfigSchema = z
  .object({
    name: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, 'expected letters, digits, ".", "-" or "_" (used in URLs)'),
    /** One worker's REST URL, or several (a list, or comma-separated): tried in turn when one does not answer. */
    url: z.preprocess(splitList, z.union([WorkerUrlSchema, z.array(WorkerUrlSchema).min(1)])).optional(),
    urls: z.preprocess(splitList, z.union([WorkerUrlSchema, z.array(WorkerUrlSchema).min(1)])).optional(),
    username: z.string().trim().min(1, 'must not be empty').optional(),
    password: z.string().min(1, 'must not be empty').optional(),
    passwordFile: z.string().trim().min(1, 'must not be empty').optional(),
    tls: TlsConfigSchema.optional(),
    /** Upper bound for one call to one worker (a call that fails over may ask each URL once). */
    timeoutMs: z.number().int().min(200).max(120_000).default(10_000),
  })
  .strict()
  .transform((raw, ctx) => {
    const password = either(raw, 'password', ctx, { trim: true });
    if (password !== undefined && raw.username === undefined)
      ctx.addIssue({ code: 'custom', path: ['username'], message: 'is required with a password' });
    const listed = [raw.url ?? [], raw.urls ?? []].flat().map((u) => u.replace(/\/+$/, ''));
    const urls = [...new Set(listed)];
    if (urls.length === 0)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'is required (one worker URL, or several)' });
    if (urls.length > 16) ctx.addIssue({ code: 'custom', path: ['urls'], message: 'at most 16 worker URLs' });
    return {
      name: raw.name,
      /** The first worker URL (where a call starts until another one answered instead). */
      url: urls[0] ?? '',
      /** Every worker URL, in the configured order. */
      urls,
      username: raw.username,
      password,
      tls: raw.tls,
      timeoutMs: raw.timeoutMs,
    };
  });
export type ConnectClusterConfig = z.output<typeof ConnectClusterConfigSchema>;

export const ConnectClustersConfigSchema = z
  .array(ConnectClusterConfigSchema)
  .default([])
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.name))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'name'],
          message: `duplicate Connect cluster name "${c.name}"`,
        });
      seen.add(c.name);
    });
  });
