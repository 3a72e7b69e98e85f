import 'server-only';
import { ConfigError, getConfig } from '@/server/config/clusters';
import { checkAuthAtStart } from '@/server/auth/check-at-start';
import { log } from '@/server/log';

export function checkConfigAtStart(): void {
  try {
    const config = getConfig();
    log('info', 'clusters configured', {
      clusters: config.clusters.map((c) => ({ id: c.id, bootstrapServers: c.bootstrapServers })),
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  checkAuthAtStart();
}
