import 'server-only';

/** Headers every answer carries, pages (proxy.ts) and API routes (handler()) alike. */
export function setCommonHeaders(headers: Headers): void {
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'same-origin');
  headers.set('x-frame-options', 'DENY');
}

/** Set by scripts/http-guard.cjs, in front of Next, on a request whose path does not decode. */
export const MALFORMED_PATH_HEADER = 'x-kafkascope-malformed-path';
