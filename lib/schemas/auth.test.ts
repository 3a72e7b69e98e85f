import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/lib/schemas/auth';

/** Where a browser would go if told to navigate to `next` from a page on https://console.example. */
const landsOn = (next: string) => new URL(next, 'https://console.example/login').origin;

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNextPath('/clusters/local/topics?q=orders#x')).toBe('/clusters/local/topics?q=orders#x');
    expect(safeNextPath('/clusters/a%20b')).toBe('/clusters/a%20b');
  });

  it('sends every way out to another origin back to /', () => {
    const bypasses = [
      'https://evil.example',
      '//evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r/evil.example',
      '/\r\n/evil.example',
      '\t//evil.example',
      '/\\evil.example',
      '/\\/evil.example',
      '\\\\evil.example',
      '/\t\\evil.example',
      decodeURIComponent('/%09/evil.example'),
      decodeURIComponent('/%0a/evil.example'),
      decodeURIComponent('/%5Cevil.example'),
      '/%2e%2e//evil.example',
      '/./\t/evil.example',
      '/\u0000/evil.example',
      'javascript:alert(1)',
      '/\u007f/evil.example',
    ];
    for (const next of bypasses) {
      expect(safeNextPath(next), JSON.stringify(next)).toBe('/');
    }
  });

  it('never returns anything a browser would resolve to another origin', () => {
    for (const next of ['/%09/evil.example', '/a/../b', '/x?next=//evil.example']) {
      expect(landsOn(safeNextPath(next))).toBe('https://console.example');
    }
    expect(safeNextPath('/%09/evil.example')).toBe('/%09/evil.example');
  });

  it('does not loop back to the login page or into the API', () => {
    expect(safeNextPath('/login?next=/x')).toBe('/');
    expect(safeNextPath('/api/auth/logout')).toBe('/');
    expect(safeNextPath('/a/../api/x')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath('')).toBe('/');
  });
});
