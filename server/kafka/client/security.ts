import 'server-only';
import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';
import type { ClusterConfig } from '@/server/config/schema';
import { clientCredentialsSource, tokenFileSource } from '@/server/kafka/client/oauth';

/** kafkajs's `ssl` option: Node TLS options, or undefined for a plaintext connection. */
export function tlsOptions(config: ClusterConfig): ConnectionOptions | undefined {
  const tls = config.tls;
  if (!tls?.enabled) return undefined;
  return {
    // Without a CA of its own, Node trusts its built-in public CAs (as for any https call).
    ...(tls.ca !== undefined && { ca: tls.ca }),
    ...(tls.cert !== undefined && { cert: tls.cert, key: tls.key, passphrase: tls.keyPassword }),
    ...(tls.servername !== undefined && { servername: tls.servername }),
    rejectUnauthorized: !tls.insecureSkipVerify,
  };
}

/** kafkajs's `sasl` option; OAUTHBEARER tokens come from a cached source shared by every connection. */
export function saslOptions(config: ClusterConfig): SASLOptions | undefined {
  const sasl = config.sasl;
  if (!sasl) return undefined;
  if (sasl.mechanism !== 'oauthbearer') {
    return { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password } as SASLOptions;
  }
  const token =
    'tokenFile' in sasl
      ? tokenFileSource(sasl.tokenFile)
      : clientCredentialsSource(sasl, config.requestTimeoutMs);
  return { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: await token() }) };
}

/** How a cluster authenticates, for error messages: `SCRAM-SHA-512`, `OAUTHBEARER`. */
export function mechanismLabel(config: ClusterConfig): string | null {
  return config.sasl ? config.sasl.mechanism.toUpperCase() : null;
}

/** What to check when the broker rejects the console's credentials. */
export function credentialHint(config: ClusterConfig): string {
  const sasl = config.sasl;
  if (!sasl) return 'check the client certificate';
  if (sasl.mechanism !== 'oauthbearer') return 'check the username and password';
  return 'tokenFile' in sasl ? 'check the token in the token file' : 'check the client id, secret and scope';
}
