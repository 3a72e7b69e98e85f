import 'server-only';
import { errorStatus, type ErrorCode } from '@/lib/schemas/api-error';

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
