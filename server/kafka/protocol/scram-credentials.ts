import 'server-only';
import type Decoder from 'kafkajs/src/protocol/decoder.js';
import type { ProtocolRequest } from '@/server/kafka/client/internals';
import {
  flexibleDecoder,
  flexibleEncoder,
  readCompactArray,
  writeCompactArray,
} from '@/server/kafka/protocol/flexible';
import { KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';
import type { ApiNeed } from '@/server/kafka/protocol/versions';

export const DESCRIBE_USER_SCRAM_CREDENTIALS_API_KEY = 50;
export const ALTER_USER_SCRAM_CREDENTIALS_API_KEY = 51;

/** KIP-554, Kafka 2.7: both speak v0 only (flexible). */
export const DESCRIBE_USER_SCRAM_CREDENTIALS: ApiNeed = {
  apiKey: DESCRIBE_USER_SCRAM_CREDENTIALS_API_KEY,
  apiName: 'DescribeUserScramCredentials',
  min: 0,
  max: 0,
  since: '2.7',
  feature: 'SCRAM users',
};
export const ALTER_USER_SCRAM_CREDENTIALS: ApiNeed = {
  ...DESCRIBE_USER_SCRAM_CREDENTIALS,
  apiKey: ALTER_USER_SCRAM_CREDENTIALS_API_KEY,
  apiName: 'AlterUserScramCredentials',
};

/** ScramMechanism.java: the wire value of each mechanism. */
export const SCRAM_MECHANISMS = { 'SCRAM-SHA-256': 1, 'SCRAM-SHA-512': 2 } as const;
export type ScramMechanism = keyof typeof SCRAM_MECHANISMS;

export const mechanismName = (code: number): ScramMechanism | null =>
  (Object.entries(SCRAM_MECHANISMS).find(([, v]) => v === code)?.[0] as ScramMechanism | undefined) ?? null;

export interface ScramUser {
  user: string;
  errorCode: number;
  errorMessage: string | null;
  credentials: { mechanism: ScramMechanism | null; iterations: number }[];
}

export interface ScramUpsertion {
  user: string;
  mechanism: ScramMechanism;
  iterations: number;
  salt: Buffer;
  saltedPassword: Buffer;
}

export interface ScramDeletion {
  user: string;
  mechanism: ScramMechanism;
}

export interface ScramAlterResult {
  user: string;
  errorCode: number;
  errorMessage: string | null;
}

/**
 * DescribeUserScramCredentials v0 (KIP-554, flexible). `users` null describes every user. `version`
 * is the broker's (protocol/versions.ts requiredVersion).
 */
export function describeUserScramCredentialsRequest(
  users: string[] | null,
  version = DESCRIBE_USER_SCRAM_CREDENTIALS.max,
): ProtocolRequest<ScramUser[]> {
  return {
    request: {
      apiKey: DESCRIBE_USER_SCRAM_CREDENTIALS_API_KEY,
      apiVersion: version,
      apiName: 'DescribeUserScramCredentials',
      encode: async () => {
        const encoder = flexibleEncoder();
        if (users === null) encoder.writeUVarInt(0);
        else writeCompactArray(encoder, users, (e, name) => e.writeUVarIntString(name).writeUVarInt(0));
        return encoder.writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => decodeDescribeScram(flexibleDecoder(payload)),
      parse: async (decoded) => decoded,
    },
  };
}

export function decodeDescribeScram(decoder: Decoder): ScramUser[] {
  decoder.readInt32(); // throttle time
  const errorCode = decoder.readInt16();
  const errorMessage = decoder.readUVarIntString();
  // A user that has no credential is a per-result RESOURCE_NOT_FOUND, not a top-level error.
  if (errorCode !== 0) throw new KafkaProtocolError(errorCode, 'DescribeUserScramCredentials', errorMessage);
  const results = readCompactArray(decoder, (d) => {
    const user = d.readUVarIntString() ?? '';
    const code = d.readInt16();
    const message = d.readUVarIntString();
    const credentials = readCompactArray(d, (c) => {
      const info = { mechanism: mechanismName(c.readInt8()), iterations: c.readInt32() };
      c.readTaggedFields();
      return info;
    });
    d.readTaggedFields();
    return { user, errorCode: code, errorMessage: message, credentials };
  });
  decoder.readTaggedFields();
  return results;
}

/**
 * AlterUserScramCredentials v0 (KIP-554, flexible). The client sends the salt and the salted
 * password (never the password itself); the broker forwards it to the KRaft controller.
 */
export function alterUserScramCredentialsRequest(
  deletions: ScramDeletion[],
  upsertions: ScramUpsertion[],
  version = ALTER_USER_SCRAM_CREDENTIALS.max,
): ProtocolRequest<ScramAlterResult[]> {
  return {
    request: {
      apiKey: ALTER_USER_SCRAM_CREDENTIALS_API_KEY,
      apiVersion: version,
      apiName: 'AlterUserScramCredentials',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, deletions, (e, d) =>
          e.writeUVarIntString(d.user).writeInt8(SCRAM_MECHANISMS[d.mechanism]).writeUVarInt(0),
        );
        writeCompactArray(encoder, upsertions, (e, u) =>
          e
            .writeUVarIntString(u.user)
            .writeInt8(SCRAM_MECHANISMS[u.mechanism])
            .writeInt32(u.iterations)
            .writeUVarIntBytes(u.salt)
            .writeUVarIntBytes(u.saltedPassword)
            .writeUVarInt(0),
        );
        return encoder.writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => decodeAlterScram(flexibleDecoder(payload)),
      parse: async (decoded) => decoded,
    },
  };
}

export function decodeAlterScram(decoder: Decoder): ScramAlterResult[] {
  decoder.readInt32(); // throttle time
  const results = readCompactArray(decoder, (d) => {
    const result = {
      user: d.readUVarIntString() ?? '',
      errorCode: d.readInt16(),
      errorMessage: d.readUVarIntString(),
    };
    d.readTaggedFields();
    return result;
  });
  decoder.readTaggedFields();
  return results;
}
