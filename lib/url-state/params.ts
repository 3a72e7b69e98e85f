import { z } from 'zod';
import { decoders } from '@/lib/decode/payload';
import { PartitionListSchema } from '@/lib/schemas/message';

/**
 * Params shared by several views. Where the API takes the same setting, a view reads it with the API's
 * own schema (lib/schemas), so a bound is written once for the server and the address alike.
 */

/**
 * A whole number written in digits only (no sign, exponent, hex or spaces, which `z.coerce` would take),
 * then checked by `bounds`: the API's schema for it, with its default and its limits.
 */
export function digits<T extends z.ZodType>(bounds: T) {
  // zod types a coercing schema's input as unknown, which `.pipe()` does not take after a string.
  return z
    .string()
    .regex(/^\d+$/)
    .optional()
    .pipe(bounds as unknown as z.ZodType<z.output<T>, string | undefined>);
}

/** The partitions to read, in the order written; null for all of them. */
export const partitionsParam = PartitionListSchema.transform((text) => text.split(',').map(Number))
  .refine((list) => list.every(Number.isSafeInteger), 'partition numbers are whole numbers')
  .nullable()
  .default(null);

/** How keys and values are read (`keyAs`, `valueAs`). */
export const decoderParam = z.enum(decoders).default('auto');

interface Position<S extends string> {
  start: S;
  offset?: number;
  timestamp?: number;
}

/**
 * A start that needs a position it lacks (`start=offset` without an offset) falls back to `fallback`;
 * the position of another start is dropped.
 */
export function settlePosition<S extends string, P extends Position<string>>(
  values: P,
  starts: readonly S[],
  fallback: S,
): Omit<P, keyof Position<string>> & Position<S> {
  const { start: wanted, offset, timestamp, ...rest } = values;
  let start = starts.find((s) => s === wanted) ?? fallback;
  if ((start === 'offset' && offset === undefined) || (start === 'timestamp' && timestamp === undefined)) {
    start = fallback;
  }
  const position: Position<S> = { start };
  if (start === 'offset') position.offset = offset;
  if (start === 'timestamp') position.timestamp = timestamp;
  return { ...rest, ...position };
}
