import 'server-only';
import { ERROR_CODES } from '@/server/kafka/protocol/error-codes';

const BY_CODE = new Map(
  ERROR_CODES.map(([code, name, retriable, message]) => [code, { name, retriable, message }]),
);

/** Kafka's name of an error code (Errors.java), e.g. 3 → UNKNOWN_TOPIC_OR_PARTITION. */
export const errorName = (code: number): string => BY_CODE.get(code)?.name ?? `KAFKA_ERROR_${code}`;

/** Kafka's own description of an error code. */
export const errorMessage = (code: number): string => BY_CODE.get(code)?.message ?? errorName(code);

/** A non-zero error code in a Kafka response: the request layer throws it; errors.ts gives it a kind. */
export class KafkaProtocolError extends Error {
  readonly type: string;
  constructor(
    readonly errorCode: number,
    context: string,
    /** The broker's own error message, when the response carries one. */
    detail?: string | null,
  ) {
    const type = errorName(errorCode);
    super(detail || `${context} failed: ${type}`);
    this.name = 'KafkaProtocolError';
    this.type = type;
  }
}

const CODE_OF = new Map(ERROR_CODES.map(([code, name]) => [name, code]));

/** The code of a Kafka error name; -1 (UNKNOWN_SERVER_ERROR) for a name Kafka does not define. */
export const errorCode = (name: string): number => CODE_OF.get(name) ?? -1;
