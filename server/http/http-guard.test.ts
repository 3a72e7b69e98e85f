import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MALFORMED_PATH_HEADER, setCommonHeaders } from '@/server/http/common-headers';

interface Guard {
  MALFORMED_PATH_HEADER: string;
  COMMON_HEADERS: Record<string, string>;
  isMalformedPath: (url: string) => boolean;
  markMalformedPath: (req: { url: string; headers: Record<string, string> }) => void;
}
const guard = createRequire(import.meta.url)('../../scripts/http-guard.cjs') as Guard;

describe('the guard in front of Next', () => {
  it('sets the same headers and marker as the app', () => {
    const headers = new Headers();
    setCommonHeaders(headers);
    expect(guard.COMMON_HEADERS).toEqual(Object.fromEntries(headers));
    expect(guard.MALFORMED_PATH_HEADER).toBe(MALFORMED_PATH_HEADER);
  });

  it('marks paths that do not decode, escapes their % and drops a client-sent marker', () => {
    for (const url of ['/api/clusters/local/topics/%zz', '/api/x/%', '/api/x/%ff%fe?q=1'])
      expect(guard.isMalformedPath(url), url).toBe(true);
    for (const url of ['/api/x/a%2Fb', '/api/x/%C3%A9', '/api/x?q=%zz'])
      expect(guard.isMalformedPath(url), url).toBe(false);
    const bad = { url: '/api/x/%ff%fe?q=%zz', headers: {} as Record<string, string> };
    guard.markMalformedPath(bad);
    expect(bad).toEqual({ url: '/api/x/%25ff%25fe?q=%zz', headers: { [MALFORMED_PATH_HEADER]: '1' } });
    const forged = { url: '/api/health', headers: { [MALFORMED_PATH_HEADER]: '1' } };
    guard.markMalformedPath(forged);
    expect(forged.headers).toEqual({});
  });
});
