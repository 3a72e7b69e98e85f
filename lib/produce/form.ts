import { jsonError } from '@/lib/produce/placeholders';
import type { Produce } from '@/lib/schemas/message';

/** The produce dialog's fields as typed. */
export interface ProduceDraft {
  /** `auto` (by key) or a partition number. */
  partition: string;
  /** Empty for a null key. */
  key: string;
  value: string;
  format: 'text' | 'json';
  headers: { key: string; value: string }[];
  compression: Produce['compression'];
  acks: Produce['acks'];
  count: string;
}

export const maxProduceCount = 1000;

/**
 * The request the fields ask for, or a message per field that is wrong (`value`, `count`, `headers`).
 * Rows without a key and value are dropped; a value without a key is an error.
 */
export function produceRequest(
  draft: ProduceDraft,
): { request: Produce; errors?: undefined } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (draft.format === 'json') {
    const error = jsonError(draft.value);
    if (error) errors.value = error;
  }
  const count = Number(draft.count);
  if (!/^\d+$/.test(draft.count) || count < 1 || count > maxProduceCount)
    errors.count = `A whole number from 1 to ${maxProduceCount}`;
  if (draft.headers.some((h) => h.key === '' && h.value !== '')) errors.headers = 'Every header needs a key';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    request: {
      partition: draft.partition === 'auto' ? undefined : Number(draft.partition),
      key: draft.key === '' ? null : draft.key,
      value: draft.value,
      valueFormat: draft.format,
      headers: draft.headers.filter((h) => h.key !== ''),
      compression: draft.compression,
      acks: draft.acks,
      count,
    },
  };
}
