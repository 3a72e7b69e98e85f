import { z } from 'zod';

/** Every error the API returns has one of these codes; the HTTP status follows from the code. */
export const errorStatus = {
  validation_failed: 400,
  unauthorized: 401,
  unauthenticated: 401,
  read_only: 403,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  headers_too_large: 431,
  internal: 500,
  // The console's own credentials or TLS trust towards a cluster failed: a bad gateway, not the user's login.
  authentication_failed: 502,
  tls_failed: 502,
  broker_unavailable: 503,
  // The console's own store (lag history, alerts) cannot be reached.
  store_unavailable: 503,
  timeout: 504,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodeSchema = z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]);

export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
