import { describe, expect, it } from 'vitest';
import { AppError } from '@/server/http/app-error';
import { KafkaError } from '@/server/kafka';
import { reassignError, toOutcome } from '@/server/services/reassign-errors';

describe('reassignment errors', () => {
  it('names the permission the console lacks on CLUSTER_AUTHORIZATION_FAILED', () => {
    const mapped = reassignError(
      new KafkaError(
        'forbidden',
        'Reassign partitions: Cluster authorization failed.',
        'CLUSTER_AUTHORIZATION_FAILED',
      ),
      'reassign',
    );
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).code).toBe('forbidden');
    expect((mapped as AppError).message).toMatch(
      /ALTER on the CLUSTER resource \(AlterPartitionReassignments\)/,
    );
  });

  it('leaves other failures as they are', () => {
    const timeout = new KafkaError('timeout', 'Kafka did not answer in time');
    expect(reassignError(timeout, 'list')).toBe(timeout);
  });

  it('reads per-partition codes as sentences, ELECTION_NOT_NEEDED as not needed', () => {
    const base = { topic: 't', partition: 0, message: 'broker text' };
    expect(toOutcome({ ...base, error: null, message: null }).status).toBe('ok');
    expect(toOutcome({ ...base, error: 'ELECTION_NOT_NEEDED' })).toMatchObject({
      status: 'not-needed',
      message: 'The preferred leader leads already',
    });
    expect(toOutcome({ ...base, error: 'NO_REASSIGNMENT_IN_PROGRESS' })).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/^No reassignment is in progress for this partition.*: broker text$/),
    });
    expect(toOutcome({ ...base, error: 'INVALID_REPLICA_ASSIGNMENT' }).message).toMatch(
      /refused the replica list/,
    );
  });
});
