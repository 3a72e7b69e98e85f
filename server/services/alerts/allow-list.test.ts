import { describe, expect, it } from 'vitest';
import { allowedBy, checkTarget, isPrivateAddress } from '@/server/services/alerts/allow-list';
import { redact, slackDigest, slackMessage } from '@/server/services/alerts/channels';
import { parseAllowList } from '@/server/config/alerts';

describe('isPrivateAddress', () => {
  it('refuses loopback, private, link-local and their IPv6 kin', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe('the webhook allow-list', () => {
  const allow = parseAllowList('hooks.slack.com, *.example.com, 127.0.0.1:8080, [::1]')!;

  it('matches hosts, wildcard domains and ports', () => {
    expect(allowedBy(allow, 'hooks.slack.com', 443)).toBe('hooks.slack.com');
    expect(allowedBy(allow, 'a.b.example.com', 443)).toBe('*.example.com');
    expect(allowedBy(allow, 'example.com', 443)).toBeNull();
    expect(allowedBy(allow, 'evil-example.com', 443)).toBeNull();
    expect(allowedBy(allow, '127.0.0.1', 8080)).toBe('127.0.0.1:8080');
    expect(allowedBy(allow, '127.0.0.1', 8081)).toBeNull();
    expect(allowedBy(allow, '::1', 9000)).toBe('[::1]');
  });

  it('refuses before any request: hosts not listed, private addresses unless named exactly', () => {
    expect(() => checkTarget(allow, { host: 'hooks.other.com', port: 443 })).toThrow(
      /not in KAFKASCOPE_ALERTS_WEBHOOK_ALLOW/,
    );
    expect(checkTarget(allow, { host: '127.0.0.1', port: 8080 })).toEqual({ privateAllowed: true });
    expect(checkTarget(allow, { host: 'x.example.com', port: 443 })).toEqual({ privateAllowed: false });
    expect(() => checkTarget(null, { host: '127.0.0.1', port: 80 })).toThrow(/private or loopback/);
    expect(() => checkTarget(null, { host: '169.254.169.254', port: 80 })).toThrow(/private or loopback/);
    expect(checkTarget(null, { host: 'hooks.slack.com', port: 443 })).toEqual({ privateAllowed: false });
  });

  it('refuses a pattern that is not a host', () => {
    expect(() => parseAllowList('https://x.com/')).toThrow(/not a host pattern/);
    expect(parseAllowList('  ')).toBeNull();
  });
});

describe('messages', () => {
  it('redact takes every secret out of an error', () => {
    expect(
      redact('POST https://h/services/T0/B1/xyz failed: /services/T0/B1/xyz', [
        'https://h/services/T0/B1/xyz',
        '/services/T0/B1/xyz',
      ]),
    ).toBe('POST *** failed: ***');
  });

  it('a Slack message has text and blocks', () => {
    const m = slackMessage({
      rule: { id: 'r', name: 'Lag', kind: 'lag_above' },
      state: 'firing',
      severity: 'critical',
      cluster: 'local',
      subject: 'group:a',
      value: 12,
      threshold: 10,
      detail: null,
      startedAt: '2026-01-01T00:00:00.000Z',
      at: '2026-01-01T00:01:00.000Z',
      url: 'https://console/clusters/local/groups/a',
    });
    expect(m.text).toBe('[FIRING] critical · Lag · cluster local · group:a — value 12 (threshold 10)');
    expect(m.blocks).toHaveLength(2);
  });

  it('shows a group named like Slack markup as text, never as a ping or a link', () => {
    const body = {
      rule: { id: 'r', name: 'Lag & <b>', kind: 'lag_above' as const },
      state: 'firing' as const,
      severity: 'critical' as const,
      cluster: 'local',
      subject: 'group:<!channel> <https://phish.example|Re-login>',
      value: 12,
      threshold: 10,
      detail: null,
      startedAt: '2026-01-01T00:00:00.000Z',
      at: '2026-01-01T00:01:00.000Z',
      url: null,
    };
    const texts = (m: { text: string; blocks: unknown[] }) => [m.text, JSON.stringify(m.blocks)];
    for (const t of [
      ...texts(slackMessage(body)),
      ...texts(slackDigest([body, { ...body, subject: 'group:<@U123>' }])),
    ]) {
      expect(t).not.toMatch(/<!channel>|<https:|<@U123>|<b>/);
      expect(t).toContain('&lt;');
    }
    expect(slackMessage(body).text).toContain('Lag &amp; &lt;b&gt;');
    expect(slackMessage(body).text).toContain(
      'group:&lt;!channel&gt; &lt;https://phish.example|Re-login&gt;',
    );
  });
});
