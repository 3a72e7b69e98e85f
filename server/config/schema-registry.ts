import 'server-only';
import { z } from 'zod';
import { either, TlsConfigSchema } from '@/server/config/security';

/**
 * A cluster's schema registry (the Confluent API: Confluent, Apicurio's /apis/ccompat/v7, Karapace,
 * Redpanda): its URL and how the console logs in, by basic auth or a bearer token, each inline or in
 * a file read at start. The console alone talks to it: nothing here reaches the browser.
 */
export const SchemaRegistryConfigSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
      // Messages name the registry by its URL: credentials hidden in it would travel with it.
      .refine((url) => {
        if (!URL.canParse(url)) return true;
        const parsed = new URL(url);
        return !parsed.username && !parsed.password && !parsed.search && !parsed.hash;
      }, 'must not contain a user name, password, query string or fragment (use username/password or token)'),
    username: z.string().trim().min(1, 'must not be empty').optional(),
    password: z.string().min(1, 'must not be empty').optional(),
    passwordFile: z.string().trim().min(1, 'must not be empty').optional(),
    token: z.string().min(1, 'must not be empty').optional(),
    tokenFile: z.string().trim().min(1, 'must not be empty').optional(),
    /** CA, client certificate and key for an https URL (the `enabled` and `servername` of the Kafka TLS block do not apply). */
    tls: TlsConfigSchema.optional(),
    /** Upper bound for one registry call. */
    timeoutMs: z.number().int().min(200).max(60_000).default(5_000),
  })
  .strict()
  .transform((raw, ctx) => {
    const password = either(raw, 'password', ctx, { trim: true });
    const token = either(raw, 'token', ctx, { trim: true });
    if (token !== undefined && raw.username !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['token'],
        message: 'give either username/password or a token, not both',
      });
    if (password !== undefined && raw.username === undefined)
      ctx.addIssue({ code: 'custom', path: ['username'], message: 'is required with a password' });
    return {
      url: raw.url.replace(/\/+$/, ''),
      username: raw.username,
      password,
      token,
      tls: raw.tls,
      timeoutMs: raw.timeoutMs,
    };
  });
export type SchemaRegistryConfig = z.output<typeof SchemaRegistryConfigSchema>;
