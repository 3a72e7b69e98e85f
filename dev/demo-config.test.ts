import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAlertsConfig } from '@/server/config/alerts';
import { loadConfig } from '@/server/config/clusters';

const root = path.resolve(__dirname, '..');
const demoConfig = path.join(root, 'dev/demo-config.yaml');

/** The alert-channel variables dev/demo.sh sets, with `$smtp_port` as the receiver's port. */
function demoChannelEnv(): Record<string, string> {
  const script = readFileSync(path.join(root, 'dev/demo.sh'), 'utf8');
  const env: Record<string, string> = {};
  for (const [, name, value] of script.matchAll(/(KAFKASCOPE_ALERTS_CHANNELS_\d+_[A-Z_]+)=("[^"]*"|\S+)/g))
    env[name!] = value!.replace(/^"|"$/g, '').replace('$smtp_port', '2525');
  return env;
}

describe('the demo configuration', () => {
  it('keeps the local cluster and mails every rule to a channel dev/demo.sh defines', () => {
    const env = { KAFKASCOPE_CONFIG: demoConfig, ...demoChannelEnv() };
    expect(loadConfig(env).clusters.map((c) => c.id)).toEqual(['local']);
    const alerts = loadAlertsConfig(env);
    expect(alerts.channels).toEqual([
      expect.objectContaining({
        name: 'demo-mail',
        type: 'email',
        email: expect.objectContaining({ host: '127.0.0.1', port: 2525, security: 'none' }),
      }),
    ]);
    expect(alerts.rules.map((r) => r.spec.kind).sort()).toEqual([
      'broker_down',
      'connector_failed',
      'lag_above',
    ]);
    for (const rule of alerts.rules) expect(rule.spec.channels).toEqual(['demo-mail']);
  });
});
