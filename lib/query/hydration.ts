import type { DehydratedState } from '@tanstack/react-query';
import { ApiError } from '@/lib/api/client';
import type { ErrorCode } from '@/lib/schemas/api-error';

/**
 * A query a page read on the server travels in the HTML (TanStack's dehydrate/hydrate). Its failure
 * travels as what the API route would have answered, `{ code, status, message }`, and becomes the
 * ApiError the browser's own fetch would have thrown, so the page shows the error UI it always shows;
 * nothing else of the server's error (stack, cause) is ever in the page.
 */
export interface HydratedError {
  code: ErrorCode;
  status: number;
  message: string;
}

const isHydratedError = (value: unknown): value is HydratedError =>
  typeof value === 'object' &&
  value !== null &&
  !(value instanceof Error) &&
  typeof (value as HydratedError).code === 'string' &&
  typeof (value as HydratedError).status === 'number' &&
  typeof (value as HydratedError).message === 'string';

const revive = (value: unknown) =>
  isHydratedError(value) ? new ApiError(value.code, value.status, value.message) : value;

/** The dehydrated state with each failed query's error an ApiError again. */
export function reviveErrors(state: DehydratedState): DehydratedState {
  return {
    ...state,
    queries: state.queries.map((query) =>
      query.state.status === 'error'
        ? {
            ...query,
            state: {
              ...query.state,
              error: revive(query.state.error) as Error,
              fetchFailureReason: revive(query.state.fetchFailureReason) as Error,
            },
          }
        : query,
    ),
  };
}
