import { jsonError } from '@/lib/produce/placeholders';
import type { Produce } from '@/lib/schemas/message';

/** The produce dialog's fields as typed. */
export interface ProduceDraft {
  /** `auto` (by key) or a partition number. */
  partition: string;
  /** Empty for a null key. */
  key: string;
  value: string;
  /** `schema`: the value is the record as JSON, encoded with `schema.valueSubject` of the registry. */
  format: 'text' | 'json' | 'schema';
  /** Subjects of the registry to encode with; an empty key subject leaves the key as text. */
  schema?: { valueSubject: string; valueVersion: string; message: string; keySubject: string };
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
  if (draft.format === 'json' || draft.format === 'schema') {
    const error = jsonError(draft.value);
    if (error) errors.value = error;
  }
  const schema = draft.format === 'schema' ? draft.schema : undefined;
  if (draft.format === 'schema') {
    if (!schema?.valueSubject.trim()) errors.subject = 'Pick the subject to encode the value with';
    if (schema && schema.valueVersion.trim() !== '' && !/^[1-9]\d*$/.test(schema.valueVersion.trim()))
      errors.subject = 'The version is a number, or empty for the latest';
    if (schema?.keySubject.trim() && draft.key !== '') {
      const error = jsonError(draft.key);
      if (error) errors.key = `With a key subject the key is JSON: ${error}`;
    }
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
      valueFormat: draft.format === 'schema' ? 'json' : draft.format,
      ...(schema && {
        valueSchema: {
          subject: schema.valueSubject.trim(),
          version: schema.valueVersion.trim() ? Number(schema.valueVersion.trim()) : 'latest',
          ...(schema.message.trim() && { message: schema.message.trim() }),
        },
        ...(schema.keySubject.trim() && {
          keySchema: { subject: schema.keySubject.trim(), version: 'latest' as const },
        }),
      }),
      headers: draft.headers.filter((h) => h.key !== ''),
      compression: draft.compression,
      acks: draft.acks,
      count,
    },
  };
}
