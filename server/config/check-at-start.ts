import 'server-only';
import { getAlertsConfig } from '@/server/config/alerts';
import { ConfigError, getConfig } from '@/server/config/clusters';
import { lagMetricsSettings } from '@/server/config/metrics';
import { securitySummary } from '@/server/config/security';
import { checkAuthAtStart } from '@/server/auth/check-at-start';
import { StreamLimitError, streamLimits } from '@/server/http/stream-slots';
import { log } from '@/server/log';

export function checkConfigAtStart(): void {
  try {
    const config = getConfig();
    lagMetricsSettings();
    log('info', 'clusters configured', {
      clusters: config.clusters.map((c) => ({
        id: c.id,
        bootstrapServers: c.bootstrapServers,
        ...securitySummary(c.sasl, c.tls),
      })),
    });
    for (const c of config.clusters) {
      if (c.tls?.enabled && c.tls.insecureSkipVerify) {
        log(
          'warn',
          `INSECURE: TLS certificates of cluster "${c.name}" are NOT verified (tls.insecureSkipVerify)`,
          {
            cluster: c.id,
            risk: 'anyone between the console and the brokers can read and change the traffic, credentials included',
          },
        );
      }
    }
    const alerts = getAlertsConfig();
    log('info', 'alerts configured', {
      rules: alerts.rules.length,
      channels: alerts.channels.map((c) => ({ name: c.name, type: c.type, source: c.source })),
      webhookAllow: alerts.webhookAllow ?? 'public addresses only',
      evaluation: alerts.enabled ? 'on' : 'off',
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  try {
    streamLimits();
  } catch (error) {
    if (!(error instanceof StreamLimitError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  checkAuthAtStart();
}
