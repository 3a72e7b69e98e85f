import { describe, expect, it } from 'vitest';
import { KafkaError, kafkaErrorType, toKafkaError } from '@/server/kafka/errors';
import { KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';

describe('toKafkaError', () => {
  it('keeps Kafka’s own message but not the text of a Node or programming error', () => {
    const range = new RangeError('The value of "value" is out of range. It must be >= -32768 and <= 32767.');
    const mapped = toKafkaError(range, 'Configure "t"');
    expect(mapped).toMatchObject({ kind: 'unknown', message: 'Configure "t": unexpected error' });
    expect(mapped.cause).toBe(range);
    const kafka = Object.assign(new Error('Replication factor is below 1'), { name: 'KafkaJSProtocolError' });
    expect(toKafkaError(kafka, 'Create topic "t"').message).toBe(
      'Create topic "t": Replication factor is below 1',
    );
  });

  it('names a Kafka error by its code, as Errors.java does, whatever kafkajs calls it', () => {
    // kafkajs calls code 6 NOT_LEADER_FOR_PARTITION; Kafka 2.6+ calls it NOT_LEADER_OR_FOLLOWER.
    const kafkajs = Object.assign(new Error('not the leader'), {
      name: 'KafkaJSProtocolError',
      type: 'NOT_LEADER_FOR_PARTITION',
      code: 6,
    });
    expect(toKafkaError(kafkajs, 'Fetch')).toMatchObject({
      kind: 'unavailable',
      type: 'NOT_LEADER_OR_FOLLOWER',
    });
    const ours = new KafkaProtocolError(68, 'DeleteGroups');
    expect(toKafkaError(ours, 'Delete group "g"')).toMatchObject({
      kind: 'conflict',
      type: 'NON_EMPTY_GROUP',
    });
    expect(kafkaErrorType({ originalError: ours })).toBe('NON_EMPTY_GROUP');
  });

  it('finds the broker error inside kafkajs’s aggregate and per-group errors', () => {
    const inner = Object.assign(new Error('The group is not empty.'), {
      name: 'KafkaJSProtocolError',
      code: 68,
    });
    const aggregate = Object.assign(new Error('Error in DeleteGroups'), { groups: [{ error: inner }] });
    expect(toKafkaError(aggregate, 'Delete group "g"')).toMatchObject({
      kind: 'conflict',
      message: 'Delete group "g": The group is not empty.',
    });
  });

  it('leaves a KafkaError as it is', () => {
    const error = new KafkaError('timeout', 'slow');
    expect(toKafkaError(error, 'x')).toBe(error);
  });
});
