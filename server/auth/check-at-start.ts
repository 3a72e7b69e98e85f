import 'server-only';
import { AuthConfigError, getAuthConfig } from '@/server/auth/config';
import { dummyHash } from '@/server/auth/password';
import { ThrottleConfigError, backoffBaseMs } from '@/server/auth/throttle';
import { log } from '@/server/log';

/** Validates who may sign in at start, so a bad setting stops the server with a message naming it. */
export function checkAuthAtStart(): void {
  try {
    const config = getAuthConfig();
    backoffBaseMs();
    log('info', 'authentication configured', {
      mode: config.mode,
      users: config.users.size,
      oidc: config.oidc ? config.oidc.issuer : null,
      trustedProxies: config.trustedProxies,
    });
    // Made now rather than on the first unknown user, whose answer would otherwise take twice as long.
    if (config.users.size > 0) void dummyHash();
    if (config.mode === 'none')
      log('warn', 'login is disabled (KAFKASCOPE_AUTH=none): everyone who reaches the console acts as admin');
    else if (config.sessionSecretGenerated)
      log(
        'warn',
        'no KAFKASCOPE_SESSION_SECRET: a random one is used, so every session ends when the console restarts',
      );
  } catch (error) {
    if (!(error instanceof AuthConfigError) && !(error instanceof ThrottleConfigError)) throw error;
    process.stderr.write(`Invalid authentication configuration: ${error.message}\n`);
    process.exit(1);
  }
}
