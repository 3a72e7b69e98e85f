import { describe, expect, it } from 'vitest';
import { fieldErrors, parseWholeNumber } from '@/lib/forms/fields';
import { AddPartitionsSchema, CreateTopicSchema } from '@/lib/schemas/topic';

describe('parseWholeNumber', () => {
  it('reads whole numbers and rejects the rest', () => {
    expect(parseWholeNumber('3')).toBe(3);
    expect(parseWholeNumber(' 12 ')).toBe(12);
    expect(parseWholeNumber('-1')).toBe(-1);
    expect(parseWholeNumber('')).toBeNaN();
    expect(parseWholeNumber('1.5')).toBeNaN();
    expect(parseWholeNumber('3e2')).toBeNaN();
  });
});

describe('fieldErrors', () => {
  it('gives one readable message per field of the create-topic form', () => {
    const result = CreateTopicSchema.safeParse({
      name: 'bad name!',
      partitions: parseWholeNumber(''),
      replicationFactor: 0,
      configs: {},
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({
      name: 'Topic names use 1-249 letters, digits, ".", "_" or "-"',
      partitions: 'Enter a whole number',
      replicationFactor: 'Must be at least 1',
    });
  });

  it('names the upper bound', () => {
    const result = AddPartitionsSchema.safeParse({ count: 20_000 });
    expect(result.success ? {} : fieldErrors(result.error)).toEqual({ count: 'Must be at most 10000' });
  });
});
