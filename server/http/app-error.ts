import 'server-only';
import { errorStatus, type ErrorCode } from '@/lib/schemas/api-error';
import { KafkaError, type KafkaErrorKind } from '@/server/kafka';
import { StoreError } from '@/server/store';

/** The one error type services throw; `toErrorResponse` turns it into the JSON error shape. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

const CODE_OF_KIND: Record<KafkaErrorKind, ErrorCode> = {
  not_found: 'not_found',
  conflict: 'conflict',
  invalid: 'validation_failed',
  forbidden: 'forbidden',
  unsupported: 'unprocessable',
  unavailable: 'broker_unavailable',
  timeout: 'timeout',
  authentication_failed: 'authentication_failed',
  tls_failed: 'tls_failed',
  unknown: 'internal',
};

/** Any error as the API's error: a KafkaError by its kind, anything unforeseen as an internal error. */
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof KafkaError) return new AppError(CODE_OF_KIND[error.kind], error.message, error);
  if (error instanceof StoreError)
    return new AppError('store_unavailable', `The console's store failed: ${error.message}`, error);
  return new AppError('internal', 'Unexpected server error', error);
}
