import { describe, expect, it } from 'vitest';
import { toAppError } from '@/server/kafka/errors';

describe('toAppError', () => {
  it('keeps Kafka’s own message but not the text of a Node or programming error', () => {
    const range = new RangeError('The value of "value" is out of range. It must be >= -32768 and <= 32767.');
    const mapped = toAppError(range, 'Configure "t"');
    expect(mapped).toMatchObject({ code: 'internal', message: 'Configure "t": unexpected error' });
    expect(mapped.cause).toBe(range);
    const kafka = Object.assign(new Error('Replication factor is below 1'), { name: 'KafkaJSProtocolError' });
    expect(toAppError(kafka, 'Create topic "t"').message).toBe(
      'Create topic "t": Replication factor is below 1',
    );
  });
});
