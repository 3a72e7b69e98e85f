import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/server/http/app-error';
import { errorResponse, handler } from '@/server/http/handler';

beforeAll(() => {
  (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
  process.env.KAFKASCOPE_AUTH = 'none';
});
afterAll(() => {
  (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
});

describe('error answers', () => {
  it('are never cached', async () => {
    const response = errorResponse(new AppError('forbidden', 'no'));
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(errorResponse(new AppError('timeout', 'slow')).headers.get('cache-control')).toBe('no-store');
  });

  it('are never cached when a route handler throws, like its successful answers', async () => {
    const context = { params: Promise.resolve({}) };
    const failing = handler(async () => {
      throw new AppError('not_found', 'No such topic');
    });
    const failed = await failing(new NextRequest('http://console.local/api/health/x'), context);
    expect(failed.status).toBe(404);
    expect(failed.headers.get('cache-control')).toBe('no-store');
    // API routes are outside proxy.ts: handler() sets the common headers itself.
    expect(failed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(failed.headers.get('x-frame-options')).toBe('DENY');
    const ok = await handler(async () => ({ fine: true }))(
      new NextRequest('http://console.local/api/health/x'),
      context,
    );
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.headers.get('referrer-policy')).toBe('same-origin');
  });
});
