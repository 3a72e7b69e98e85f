import { NextResponse, type NextRequest } from 'next/server';
import { sessionFromRequest } from '@/server/auth/session';
import { MALFORMED_PATH_HEADER, setCommonHeaders } from '@/server/http/common-headers';

/**
 * Runs before every page request: sign-in gate, a fresh CSP nonce per page, and the headers every answer
 * carries. API routes are not matched: they check their own session and set the same headers
 * (handler() in server/http), so that refused mutations are audited like the others, and so that Next
 * does not buffer request bodies for the proxy before a route has checked the session.
 */
function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    `default-src 'self'`,
    // Next's scripts carry the nonce; 'strict-dynamic' trusts what they load. React needs eval only in dev.
    `script-src 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    // Inline style attributes (widths of bars and charts) cannot carry a nonce; styles cannot run code.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

function withCommonHeaders(response: NextResponse): NextResponse {
  setCommonHeaders(response.headers);
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  // scripts/http-guard.cjs marks a path that is not valid percent-encoding, which Next cannot route.
  if (request.headers.has(MALFORMED_PATH_HEADER))
    return withCommonHeaders(
      new NextResponse('Bad request: the address is not valid percent-encoded UTF-8.', {
        status: 400,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      }),
    );

  const session = sessionFromRequest(request);
  if (!session && pathname !== '/login') {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('next', pathname + search);
    return withCommonHeaders(NextResponse.redirect(login));
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return withCommonHeaders(response);
}

export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
