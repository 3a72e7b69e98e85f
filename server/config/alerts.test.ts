import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAlertsConfig } from '@/server/config/alerts';

const dir = mkdtempSync(path.join(tmpdir(), 'kafkascope-alerts-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
};

const YAML = `
clusters:
  - name: local
    bootstrapServers: [127.0.0.1:9092]
alerts:
  rules:
    - name: Payments lag
      kind: lag_above
      threshold: 1000
      groups: payments-*
      for: 5m
      severity: critical
      channels: [ops-slack, oncall-mail]
  channels:
    - name: ops-slack
      type: slack
      urlFile: ${path.join(dir, 'slack-url')}
    - name: oncall-mail
      type: email
      host: smtp.example.com
      user: alerts
      passwordFile: ${path.join(dir, 'smtp-password')}
      from: kafkascope@example.com
      to: [oncall@example.com]
`;

describe('loadAlertsConfig', () => {
  it('reads rules and channels from the YAML file, secrets from their files', () => {
    file('slack-url', 'https://hooks.slack.com/services/T0/B0/secret\n');
    file('smtp-password', 'hunter2\n');
    const config = loadAlertsConfig({ KAFKASCOPE_CONFIG: file('a.yaml', YAML) });
    expect(config.rules).toEqual([
      {
        id: 'cfg.payments-lag',
        spec: expect.objectContaining({
          kind: 'lag_above',
          threshold: 1000,
          forMs: 300_000,
          groups: 'payments-*',
        }),
      },
    ]);
    expect(config.channels[0]).toEqual({
      name: 'ops-slack',
      type: 'slack',
      source: 'config',
      url: 'https://hooks.slack.com/services/T0/B0/secret',
    });
    expect(config.channels[1]).toMatchObject({
      type: 'email',
      email: {
        host: 'smtp.example.com',
        port: 587,
        security: 'starttls',
        user: 'alerts',
        password: 'hunter2',
      },
    });
    expect(config.webhookAllow).toBeNull();
    expect(config.delivery).toEqual({ timeoutMs: 10_000, maxAttempts: 5, backoffMs: 30_000 });
  });

  it('takes channels from the environment', () => {
    const config = loadAlertsConfig({
      KAFKASCOPE_ALERTS_CHANNELS_0_NAME: 'hook',
      KAFKASCOPE_ALERTS_CHANNELS_0_TYPE: 'webhook',
      KAFKASCOPE_ALERTS_CHANNELS_0_URL: 'https://alerts.example.com/in/token',
      KAFKASCOPE_ALERTS_CHANNELS_1_NAME: 'mail',
      KAFKASCOPE_ALERTS_CHANNELS_1_TYPE: 'email',
      KAFKASCOPE_ALERTS_CHANNELS_1_SMTP_HOST: 'smtp',
      KAFKASCOPE_ALERTS_CHANNELS_1_SMTP_PORT: '465',
      KAFKASCOPE_ALERTS_CHANNELS_1_SMTP_SECURITY: 'tls',
      KAFKASCOPE_ALERTS_CHANNELS_1_FROM: 'a@example.com',
      KAFKASCOPE_ALERTS_CHANNELS_1_TO: 'b@example.com, c@example.com',
      KAFKASCOPE_ALERTS_WEBHOOK_ALLOW: 'alerts.example.com',
    });
    expect(config.channels.map((c) => [c.name, c.source])).toEqual([
      ['hook', 'env'],
      ['mail', 'env'],
    ]);
    expect(config.channels[1]).toMatchObject({
      email: { port: 465, security: 'tls', to: ['b@example.com', 'c@example.com'] },
    });
    expect(config.webhookAllow).toEqual(['alerts.example.com']);
  });

  it('names the bad field, never the secret', () => {
    const bad = file(
      'b.yaml',
      `clusters: []\nalerts:\n  rules:\n    - name: x\n      kind: lag_above\n  channels:\n    - name: h\n      type: webhook\n`,
    );
    expect(() => loadAlertsConfig({ KAFKASCOPE_CONFIG: bad })).toThrow(
      /alerts\.channels\[0\]\.url: is required/,
    );
    expect(() => loadAlertsConfig({ KAFKASCOPE_CONFIG: bad })).toThrow(
      /alerts\.rules\[0\]\.threshold: lag_above needs a threshold/,
    );
    const leaky = () =>
      loadAlertsConfig({
        KAFKASCOPE_ALERTS_CHANNELS_0_NAME: 'h',
        KAFKASCOPE_ALERTS_CHANNELS_0_TYPE: 'webhook',
        KAFKASCOPE_ALERTS_CHANNELS_0_URL: 'not a url s3cr3t',
      });
    expect(leaky).toThrow(/KAFKASCOPE_ALERTS_CHANNELS_0_URL: expected an http\(s\) URL/);
    expect(leaky).not.toThrow(/s3cr3t/);
    expect(() => loadAlertsConfig({ KAFKASCOPE_ALERTS_CHANNELS_0_COLOR: 'red' })).toThrow(
      /Unknown alert channel setting/,
    );
  });
});
