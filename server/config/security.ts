import 'server-only';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { accessSync, constants, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * SASL and TLS settings of a cluster. Secrets may be given inline or as files; files are read once at
 * start (so a missing one stops the console with its path named), except the OAuth token file, which
 * is re-read whenever it changes. Messages here never include a value: only field names and paths.
 */

const text = z.string().trim().min(1, 'must not be empty');
const secret = z.string().min(1, 'must not be empty');

function readSecretFile(file: string, ctx: z.RefinementCtx, path: string[]): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    ctx.addIssue({ code: 'custom', path, message: `cannot read file ${file} (${reason})` });
    return undefined;
  }
}

/** Inline value or the contents of `<field>File`; `one of` errors name both fields. */
export function either(
  raw: Record<string, unknown>,
  field: string,
  ctx: z.RefinementCtx,
  { trim = false } = {},
): string | undefined {
  const inline = raw[field] as string | undefined;
  const file = raw[`${field}File`] as string | undefined;
  if (inline !== undefined && file !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [`${field}File`],
      message: `give either ${field} or ${field}File, not both`,
    });
    return undefined;
  }
  if (file === undefined) return inline;
  const value = readSecretFile(file, ctx, [`${field}File`]);
  return trim ? value?.trim() : value;
}

export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512', 'oauthbearer'] as const;

/** SASL settings once validated, secret files read: one shape per way of logging in. */
export type SaslConfig =
  | { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string }
  | { mechanism: 'oauthbearer'; tokenFile: string }
  | {
      mechanism: 'oauthbearer';
      tokenEndpoint: string;
      clientId: string;
      clientSecret: string;
      scope?: string;
    };

export const SaslConfigSchema = z
  .object({
    mechanism: z.enum(SASL_MECHANISMS),
    username: text.optional(),
    password: secret.optional(),
    passwordFile: text.optional(),
    /** OAUTHBEARER with a token someone else keeps fresh (e.g. a sidecar): re-read when it changes. */
    tokenFile: text.optional(),
    /** OAUTHBEARER through the client-credentials grant. */
    tokenEndpoint: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
      // Error messages and logs name the endpoint: credentials hidden in it would travel with it.
      .refine((url) => {
        if (!URL.canParse(url)) return true; // reported as not a URL already
        const parsed = new URL(url);
        return !parsed.username && !parsed.password && !parsed.search && !parsed.hash;
      }, 'must not contain a user name, password, query string or fragment (client credentials go in clientId and clientSecret)')
      .optional(),
    clientId: text.optional(),
    clientSecret: secret.optional(),
    clientSecretFile: text.optional(),
    scope: text.optional(),
  })
  .strict()
  .transform((raw, ctx): SaslConfig => {
    const missing = (field: string, why: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message: why });
    if (raw.mechanism !== 'oauthbearer') {
      if (!raw.username) missing('username', `is required for ${raw.mechanism}`);
      const password = either(raw, 'password', ctx, { trim: true });
      if (raw.password === undefined && raw.passwordFile === undefined)
        missing('password', `is required for ${raw.mechanism} (or passwordFile)`);
      for (const f of [
        'tokenFile',
        'tokenEndpoint',
        'clientId',
        'clientSecret',
        'clientSecretFile',
        'scope',
      ] as const)
        if (raw[f] !== undefined) missing(f, 'is only for the oauthbearer mechanism');
      return { mechanism: raw.mechanism, username: raw.username ?? '', password: password ?? '' };
    }
    for (const f of ['username', 'password', 'passwordFile'] as const)
      if (raw[f] !== undefined) missing(f, 'is not used by oauthbearer (use tokenFile or tokenEndpoint)');
    if ((raw.tokenFile === undefined) === (raw.tokenEndpoint === undefined))
      missing('tokenFile', 'oauthbearer needs exactly one of tokenFile or tokenEndpoint');
    const tokenFile = raw.tokenFile;
    if (tokenFile !== undefined) {
      try {
        accessSync(tokenFile, constants.R_OK);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
        missing('tokenFile', `cannot read file ${tokenFile} (${reason})`);
      }
      return { mechanism: 'oauthbearer', tokenFile };
    }
    if (!raw.clientId) missing('clientId', 'is required with tokenEndpoint');
    const clientSecret = either(raw, 'clientSecret', ctx, { trim: true });
    if (raw.clientSecret === undefined && raw.clientSecretFile === undefined)
      missing('clientSecret', 'is required with tokenEndpoint (or clientSecretFile)');
    return {
      mechanism: 'oauthbearer',
      tokenEndpoint: raw.tokenEndpoint ?? '',
      clientId: raw.clientId ?? '',
      clientSecret: clientSecret ?? '',
      scope: raw.scope,
    };
  });

const PEM = /-----BEGIN [A-Z0-9 ]+-----/;

export const TlsConfigSchema = z
  .object({
    /** A `tls:` block means TLS unless it says `enabled: false`. */
    enabled: z.boolean().default(true),
    ca: secret.optional(),
    caFile: text.optional(),
    cert: secret.optional(),
    certFile: text.optional(),
    key: secret.optional(),
    keyFile: text.optional(),
    keyPassword: secret.optional(),
    keyPasswordFile: text.optional(),
    /** Name checked against the broker certificate, when it differs from the host in bootstrapServers. */
    servername: text.optional(),
    /** Accepts any broker certificate: encrypted but not authenticated. Never for production. */
    insecureSkipVerify: z.boolean().default(false),
  })
  .strict()
  .transform((raw, ctx) => {
    const pem = (field: 'ca' | 'cert' | 'key') => {
      const value = either(raw, field, ctx);
      if (value !== undefined && !PEM.test(value)) {
        const where = raw[`${field}File`] ? `${raw[`${field}File`]} does not` : 'does not';
        ctx.addIssue({
          code: 'custom',
          path: [raw[`${field}File`] ? `${field}File` : field],
          message: `${where} contain PEM data (-----BEGIN ...-----)`,
        });
      }
      return value;
    };
    const ca = pem('ca');
    const cert = pem('cert');
    const key = pem('key');
    const keyPassword = either(raw, 'keyPassword', ctx, { trim: true });
    if ((cert === undefined) !== (key === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [cert === undefined ? 'certFile' : 'keyFile'],
        message: 'a client certificate needs both cert(File) and key(File)',
      });
    }
    if (cert !== undefined && key !== undefined && PEM.test(cert) && PEM.test(key)) {
      const field = (f: 'cert' | 'key' | 'keyPassword') => (raw[`${f}File`] !== undefined ? `${f}File` : f);
      checkClientCertificate(cert, key, keyPassword, ctx, field);
    }
    if (keyPassword !== undefined && key === undefined)
      ctx.addIssue({ code: 'custom', path: ['keyPassword'], message: 'is only used with key or keyFile' });
    return {
      enabled: raw.enabled,
      ca,
      cert,
      key,
      keyPassword,
      servername: raw.servername,
      insecureSkipVerify: raw.insecureSkipVerify,
    };
  });
export type TlsConfig = z.output<typeof TlsConfigSchema>;

/**
 * A client certificate that cannot be used would only show at the first TLS handshake, as an OpenSSL
 * code: check at start that the key opens with its passphrase and belongs to the certificate.
 */
function checkClientCertificate(
  cert: string,
  key: string,
  passphrase: string | undefined,
  ctx: z.RefinementCtx,
  field: (f: 'cert' | 'key' | 'keyPassword') => string,
): void {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    ctx.addIssue({ code: 'custom', path: [field('cert')], message: 'is not a valid PEM certificate' });
    return;
  }
  let privateKey;
  try {
    privateKey = createPrivateKey({ key, format: 'pem', passphrase: passphrase ?? '' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const encrypted = /ENCRYPTED/.test(key);
    const [path, message] =
      encrypted && passphrase === undefined
        ? [field('key'), 'is encrypted: set keyPassword or keyPasswordFile']
        : encrypted
          ? [field('keyPassword'), 'does not decrypt the key']
          : [field('key'), `is not a valid PEM private key${code ? ` (${code})` : ''}`];
    ctx.addIssue({ code: 'custom', path: [path], message });
    return;
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    ctx.addIssue({
      code: 'custom',
      path: [field('key')],
      message: 'does not belong to the certificate in cert(File)',
    });
  }
}

/** What the browser may see of a cluster's security: the protocol and mechanism, nothing else. */
export function securitySummary(sasl: SaslConfig | undefined, tls: TlsConfig | undefined) {
  const secure = tls?.enabled ?? false;
  const protocol = sasl ? (secure ? 'SASL_SSL' : 'SASL_PLAINTEXT') : secure ? 'SSL' : 'PLAINTEXT';
  return {
    protocol,
    mechanism: sasl ? sasl.mechanism.toUpperCase() : null,
    clientCertificate: secure && tls?.cert !== undefined,
  } as const;
}
