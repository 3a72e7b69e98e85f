import { describe, expect, it } from 'vitest';
import { clientAddress, forwardedHeader } from '@/server/auth/client-address';

const request = (headers: Record<string, string>) =>
  new Request('http://console.local/api/auth/login', { headers });

describe('clientAddress', () => {
  it('ignores X-Forwarded-For when no proxy is trusted: any client can write it', () => {
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.9' }), 0)).toBeNull();
    expect(clientAddress(request({}), 0)).toBeNull();
  });

  it('takes the address the trusted proxies saw, not what the client put in front of it', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the one proxy appended the real peer address.
    const forged = request({ 'x-forwarded-for': '1.2.3.4, 198.51.100.7' });
    expect(clientAddress(forged, 1)).toBe('198.51.100.7');
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    const twoHops = request({ 'x-forwarded-for': '1.2.3.4, 198.51.100.7, 10.0.0.2' });
    expect(clientAddress(twoHops, 2)).toBe('198.51.100.7');
    expect(clientAddress(request({ 'x-forwarded-for': '198.51.100.7' }), 2)).toBe('198.51.100.7');
    expect(clientAddress(request({}), 1)).toBeNull();
  });

  it('believes X-Forwarded-Host and -Proto only from a trusted proxy', () => {
    const r = request({ 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    expect(forwardedHeader(r, 'x-forwarded-host', 0)).toBeNull();
    expect(forwardedHeader(r, 'x-forwarded-proto', 0)).toBeNull();
    expect(forwardedHeader(r, 'x-forwarded-host', 1)).toBe('evil.example');
    expect(
      forwardedHeader(
        request({ 'x-forwarded-host': 'evil.example, kafka.example.com' }),
        'x-forwarded-host',
        1,
      ),
    ).toBe('kafka.example.com');
  });
});
