import { describe, expect, it } from 'vitest';
import { produceRequest, type ProduceDraft } from '@/lib/produce/form';

const draft: ProduceDraft = {
  partition: 'auto',
  key: '',
  value: 'hello',
  format: 'text',
  headers: [],
  compression: 'none',
  acks: -1,
  count: '1',
};

describe('produceRequest', () => {
  it('turns the fields into the request: auto partition and an empty key are absent and null', () => {
    expect(produceRequest(draft)).toEqual({
      request: {
        partition: undefined,
        key: null,
        value: 'hello',
        valueFormat: 'text',
        headers: [],
        compression: 'none',
        acks: -1,
        count: 1,
      },
    });
    const chosen = produceRequest({
      ...draft,
      partition: '2',
      key: 'k',
      count: '10',
      compression: 'zstd',
      acks: 0,
    });
    expect(chosen.errors).toBeUndefined();
    expect(chosen).toMatchObject({
      request: { partition: 2, key: 'k', count: 10, compression: 'zstd', acks: 0 },
    });
  });

  it('drops empty header rows and keeps the others in order, repeats included', () => {
    const headers = [
      { key: 'a', value: '1' },
      { key: '', value: '' },
      { key: 'a', value: '2' },
    ];
    expect(produceRequest({ ...draft, headers })).toMatchObject({
      request: { headers: [headers[0], headers[2]] },
    });
  });

  it('names each field that is wrong', () => {
    expect(
      produceRequest({
        ...draft,
        format: 'json',
        value: '{"n": }',
        count: '1001',
        headers: [{ key: '', value: 'orphan' }],
      }),
    ).toEqual({
      errors: {
        value: expect.stringMatching(/^Invalid JSON/),
        count: 'A whole number from 1 to 1000',
        headers: 'Every header needs a key',
      },
    });
    for (const count of ['0', '', '1.5', '-1', ' 2'])
      expect(produceRequest({ ...draft, count }).errors).toEqual({ count: 'A whole number from 1 to 1000' });
  });

  it('accepts templated JSON', () => {
    expect(produceRequest({ ...draft, format: 'json', value: '{"n": {{i}}}' }).errors).toBeUndefined();
  });
});
