import { describe, expect, it } from 'vitest';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { KafkaError } from '@/server/kafka';
import { leaderFailure } from '@/server/kafka/ops/transactions';
import { errorCode, KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';
import {
  markerError,
  producersFailureError,
  producersFailureText,
} from '@/server/services/transaction-errors';

const cluster = {
  name: 'prod',
  sasl: { mechanism: 'scram-sha-256', username: 'console' },
} as unknown as ClusterConfig;

describe('a leader whose DescribeProducers failed', () => {
  it('keeps the kind of the failure and its message instead of calling every one BROKER_NOT_AVAILABLE', () => {
    expect(
      leaderFailure(
        2,
        new KafkaError(
          'unsupported',
          'broker 2 does not support DescribeProducers (Kafka 3.0+)',
          'UNSUPPORTED_VERSION',
        ),
      ),
    ).toEqual({
      error: 'UNSUPPORTED_VERSION',
      errorMessage: 'broker 2 does not support DescribeProducers (Kafka 3.0+)',
    });
    const denied = leaderFailure(
      1,
      new KafkaProtocolError(errorCode('CLUSTER_AUTHORIZATION_FAILED'), 'DescribeProducers'),
    );
    expect(denied.error).toBe('CLUSTER_AUTHORIZATION_FAILED');
    expect(denied.errorMessage).toMatch(/^DescribeProducers to broker 1: /);
    const down = leaderFailure(
      3,
      Object.assign(new Error('Connection error: connect ECONNREFUSED 10.0.0.3:9092'), {
        name: 'KafkaJSConnectionError',
      }),
    );
    expect(down).toEqual({
      error: 'BROKER_NOT_AVAILABLE',
      errorMessage: expect.stringContaining('ECONNREFUSED 10.0.0.3:9092'),
    });
    const slow = leaderFailure(
      3,
      Object.assign(new Error('Request DescribeProducers timed out'), {
        name: 'KafkaJSRequestTimeoutError',
      }),
    );
    expect(slow.error).toBe('REQUEST_TIMED_OUT');
  });
});

describe('a partition DescribeProducers gave nothing for', () => {
  it('TOPIC_AUTHORIZATION_FAILED names the permission the console’s own identity lacks', () => {
    const failure = {
      topic: 'orders',
      partition: 0,
      error: 'TOPIC_AUTHORIZATION_FAILED',
      errorMessage: null,
    };
    expect(producersFailureText(cluster, failure)).toBe(
      'TOPIC_AUTHORIZATION_FAILED: the console\'s identity on cluster "prod" (User:console) is not allowed to ' +
        'read the producers of topic "orders": it needs READ on TOPIC:orders (DescribeProducers), or to be a super user',
    );
    const error = producersFailureError(cluster, failure);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(
      /^DescribeProducers of orders-0: TOPIC_AUTHORIZATION_FAILED: .*READ on TOPIC:orders/,
    );
  });

  it('other errors keep Kafka’s name and message, and their kind', () => {
    const unsupported = {
      topic: 'orders',
      partition: 1,
      error: 'UNSUPPORTED_VERSION',
      errorMessage: 'broker 2 does not support DescribeProducers (Kafka 3.0+)',
    };
    expect(producersFailureText(cluster, unsupported)).toBe(
      'UNSUPPORTED_VERSION: broker 2 does not support DescribeProducers (Kafka 3.0+)',
    );
    expect(producersFailureError(cluster, unsupported).code).toBe('unprocessable');
    const leaderless = { topic: 'orders', partition: 2, error: 'LEADER_NOT_AVAILABLE', errorMessage: null };
    expect(producersFailureText(cluster, leaderless)).toBe('LEADER_NOT_AVAILABLE');
    expect(producersFailureError(cluster, leaderless).code).toBe('broker_unavailable');
    const down = {
      ...leaderless,
      error: 'BROKER_NOT_AVAILABLE',
      errorMessage: 'DescribeProducers to broker 3: cannot reach the cluster (ECONNREFUSED)',
    };
    expect(producersFailureText(cluster, down)).toBe(
      'BROKER_NOT_AVAILABLE: DescribeProducers to broker 3: cannot reach the cluster (ECONNREFUSED)',
    );
  });

  it('a marker refused for want of CLUSTER_ACTION says so', () => {
    const mapped = markerError(
      cluster,
      new KafkaError(
        'forbidden',
        'WriteTxnMarkers: Cluster authorization failed.',
        'CLUSTER_AUTHORIZATION_FAILED',
      ),
    );
    expect((mapped as AppError).code).toBe('forbidden');
    expect((mapped as AppError).message).toMatch(
      /\(User:console\) .* it needs CLUSTER_ACTION on the CLUSTER resource/,
    );
    const other = new KafkaError('unavailable', 'WriteTxnMarkers: not the leader', 'NOT_LEADER_OR_FOLLOWER');
    expect(markerError(cluster, other)).toBe(other);
  });
});
