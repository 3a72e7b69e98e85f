import type { z } from 'zod';
import { ApiErrorBodySchema, type ErrorCode } from '@/lib/schemas/api-error';

/** An API failure as the UI shows it: the server's code and message, or a network-level description. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'network',
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function goToLogin(): void {
  if (typeof window === 'undefined' || window.location.pathname === '/login') return;
  const next = window.location.pathname + window.location.search;
  // A full page load on purpose: nothing cached for the old session should survive.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

/** Fetch itself failed: no answer came back. */
export const unreachable = 'The console server could not be reached.';

/** The error of a non-2xx answer: the server's JSON error, or just its status when the body is not one. */
export function refusal(path: string, status: number, payload: unknown): ApiError {
  const parsed = ApiErrorBodySchema.safeParse(payload);
  if (!parsed.success) return new ApiError('internal', status, `The server answered ${status}.`);
  // The session ended (expired, or signed out in another tab): back to the login page, then here again.
  if (parsed.data.error.code === 'unauthenticated' && !path.startsWith('/api/auth/')) goToLogin();
  return new ApiError(parsed.data.error.code, status, parsed.data.error.message);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls one of our route handlers and parses the answer with the resource's schema. */
export async function apiRequest<S extends z.ZodType>(
  schema: S,
  path: string,
  init: {
    method?: Method;
    body?: unknown;
    signal?: AbortSignal;
    /** Non-2xx statuses whose body is an answer in the resource's shape rather than an error. */
    acceptStatuses?: number[];
  } = {},
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      signal: init.signal,
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', 0, unreachable);
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok && !init.acceptStatuses?.includes(response.status)) {
    throw refusal(path, response.status, payload);
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError('internal', response.status, `Unexpected answer from ${path}.`);
  }
  return parsed.data;
}
