import 'server-only';

/** Headers every answer carries, pages (proxy.ts) and API routes (handler()) alike. */
export function setCommonHeaders(headers: Headers): void {
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'same-origin');
  headers.set('x-frame-options', 'DENY');
}
