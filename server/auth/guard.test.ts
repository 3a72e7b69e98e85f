import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSameOrigin, isPublicApiPath } from '@/server/auth/guard';

function configure(trustedProxies: string) {
  (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
  process.env.KAFKASCOPE_AUTH = 'none';
  process.env.KAFKASCOPE_TRUSTED_PROXIES = trustedProxies;
}
beforeAll(() => configure('0'));
afterAll(() => {
  delete process.env.KAFKASCOPE_TRUSTED_PROXIES;
  (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
});

const request = (headers: Record<string, string>) =>
  new Request('http://console.local:3000/api/clusters/x/topics', {
    method: 'POST',
    headers: { host: 'console.local:3000', ...headers },
  });

describe('same-origin check for mutations', () => {
  it('lets same-origin browser requests and header-less scripts through', () => {
    expect(() =>
      checkSameOrigin(request({ 'sec-fetch-site': 'same-origin', origin: 'http://console.local:3000' })),
    ).not.toThrow();
    expect(() => checkSameOrigin(request({}))).not.toThrow();
  });

  it('refuses other sites, by Sec-Fetch-Site or by Origin', () => {
    expect(() => checkSameOrigin(request({ 'sec-fetch-site': 'cross-site' }))).toThrow(/Cross-site/);
    expect(() => checkSameOrigin(request({ 'sec-fetch-site': 'same-site' }))).toThrow(/Cross-site/);
    expect(() => checkSameOrigin(request({ origin: 'http://evil.example' }))).toThrow(/Cross-origin/);
    expect(() => checkSameOrigin(request({ origin: 'https://console.local:3000' }))).toThrow(/Cross-origin/);
  });

  it('ignores X-Forwarded-Host and -Proto when no proxy is trusted: a forged pair does not pass', () => {
    configure('0');
    const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' };
    expect(() => checkSameOrigin(request({ ...forged, origin: 'http://evil.example' }))).toThrow(
      /Cross-origin/,
    );
    expect(() => checkSameOrigin(request({ ...forged, origin: 'http://console.local:3000' }))).not.toThrow();
  });

  it('compares with the forwarded host and scheme behind a trusted proxy', () => {
    configure('1');
    const proxied = {
      host: 'app:3000',
      'x-forwarded-host': 'kafka.example.com',
      'x-forwarded-proto': 'https',
    };
    expect(() => checkSameOrigin(request({ ...proxied, origin: 'https://kafka.example.com' }))).not.toThrow();
    expect(() => checkSameOrigin(request({ ...proxied, origin: 'http://kafka.example.com' }))).toThrow();
    configure('0');
  });
});

describe('public API paths', () => {
  it('are health, metrics and sign-in only', () => {
    expect(
      ['/api/health', '/api/health/ready', '/api/metrics', '/api/auth/login'].every(isPublicApiPath),
    ).toBe(true);
    expect(['/api/clusters', '/api/healthy', '/api/metrics/x', '/api/authx'].some(isPublicApiPath)).toBe(
      false,
    );
  });
});
