import { describe, expect, it } from 'vitest';
import { KafkaError } from '@/server/kafka/errors';
import { ALTER_CLIENT_QUOTAS, DESCRIBE_CLIENT_QUOTAS } from '@/server/kafka/protocol/client-quotas';
import { DESCRIBE_CONFIGS } from '@/server/kafka/protocol/describe-configs';
import {
  ALTER_USER_SCRAM_CREDENTIALS,
  DESCRIBE_USER_SCRAM_CREDENTIALS,
} from '@/server/kafka/protocol/scram-credentials';
import { requiredVersion, versionFrom, type VersionTable } from '@/server/kafka/protocol/versions';

/** ApiVersions tables as brokers of these releases answer them (the APIs that matter here). */
const kafka44: VersionTable = {
  32: { minVersion: 1, maxVersion: 4 },
  48: { minVersion: 0, maxVersion: 1 },
  49: { minVersion: 0, maxVersion: 1 },
  50: { minVersion: 0, maxVersion: 0 },
  51: { minVersion: 0, maxVersion: 0 },
};
// Kafka 2.6: DescribeConfigs v0–v3, client quotas v0, no SCRAM API (KIP-554 came with 2.7).
const kafka26: VersionTable = {
  32: { minVersion: 0, maxVersion: 3 },
  48: { minVersion: 0, maxVersion: 0 },
  49: { minVersion: 0, maxVersion: 0 },
};

function refusal(fn: () => unknown): KafkaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KafkaError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

describe('the version a request is sent with', () => {
  it('is the highest both speak, or none', () => {
    expect(versionFrom(kafka44, 32, 1, 4)).toBe(4);
    expect(versionFrom(kafka44, 32, 1, 9)).toBe(4);
    expect(versionFrom(kafka44, 32, 0, 2)).toBe(2);
    expect(versionFrom(kafka26, 32, 4, 4)).toBeNull();
    expect(versionFrom(kafka26, 50, 0, 0)).toBeNull();
    // The broker's minimum above ours: nothing in common.
    expect(versionFrom({ 32: { minVersion: 5, maxVersion: 6 } }, 32, 1, 4)).toBeNull();
  });

  it('of the cluster-admin requests is what a current broker speaks', () => {
    expect(requiredVersion(kafka44, DESCRIBE_CONFIGS)).toBe(4);
    expect(requiredVersion(kafka44, DESCRIBE_CLIENT_QUOTAS)).toBe(1);
    expect(requiredVersion(kafka44, ALTER_CLIENT_QUOTAS)).toBe(1);
    expect(requiredVersion(kafka44, DESCRIBE_USER_SCRAM_CREDENTIALS)).toBe(0);
    expect(requiredVersion(kafka44, ALTER_USER_SCRAM_CREDENTIALS)).toBe(0);
    // A table not read yet: our version, and the broker answers for itself.
    expect(requiredVersion(null, DESCRIBE_CONFIGS)).toBe(4);
  });

  it('is refused as unsupported, naming the Kafka release that has it, on an older broker', () => {
    const scram = refusal(() => requiredVersion(kafka26, DESCRIBE_USER_SCRAM_CREDENTIALS));
    expect(scram.kind).toBe('unsupported');
    expect(scram.type).toBe('UNSUPPORTED_VERSION');
    expect(scram.message).toBe(
      'SCRAM users: not supported by this cluster (needs Kafka 2.7+; its brokers do not speak DescribeUserScramCredentials)',
    );
    expect(refusal(() => requiredVersion(kafka26, ALTER_CLIENT_QUOTAS)).message).toBe(
      'Client quotas: not supported by this cluster (needs Kafka 2.8+; its brokers speak AlterClientQuotas v0–v0, the console v1)',
    );
    expect(refusal(() => requiredVersion(kafka26, DESCRIBE_CONFIGS)).message).toMatch(
      /^Broker configs with their documentation: not supported by this cluster \(needs Kafka 2\.8\+; its brokers speak DescribeConfigs v0–v3, the console v4\)$/,
    );
  });
});
