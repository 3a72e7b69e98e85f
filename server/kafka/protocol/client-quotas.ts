import 'server-only';
import type Decoder from 'kafkajs/src/protocol/decoder.js';
import type Encoder from 'kafkajs/src/protocol/encoder.js';
import type { ProtocolRequest } from '@/server/kafka/client/internals';
import {
  flexibleDecoder,
  flexibleEncoder,
  readCompactArray,
  writeCompactArray,
} from '@/server/kafka/protocol/flexible';
import { KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';
import type { ApiNeed } from '@/server/kafka/protocol/versions';

export const DESCRIBE_CLIENT_QUOTAS_API_KEY = 48;
export const ALTER_CLIENT_QUOTAS_API_KEY = 49;

/** KIP-546: v0 came with Kafka 2.6; we speak v1, its flexible form (Kafka 2.8). */
export const DESCRIBE_CLIENT_QUOTAS: ApiNeed = {
  apiKey: DESCRIBE_CLIENT_QUOTAS_API_KEY,
  apiName: 'DescribeClientQuotas',
  min: 1,
  max: 1,
  since: '2.8',
  feature: 'Client quotas',
};
export const ALTER_CLIENT_QUOTAS: ApiNeed = {
  ...DESCRIBE_CLIENT_QUOTAS,
  apiKey: ALTER_CLIENT_QUOTAS_API_KEY,
  apiName: 'AlterClientQuotas',
};

export type QuotaEntityType = 'user' | 'client-id' | 'ip';

/** One part of a quota entity; name null is the default entity of that type. */
export interface QuotaEntityPart {
  entityType: QuotaEntityType;
  entityName: string | null;
}

export interface QuotaEntry {
  entity: QuotaEntityPart[];
  values: Record<string, number>;
}

/** DescribeClientQuotas filter: exact name, the default entity, or any entity with a name of that type. */
export type QuotaFilter =
  | { entityType: QuotaEntityType; match: 'exact'; name: string }
  | { entityType: QuotaEntityType; match: 'default' | 'any' };

const MATCH_TYPES = { exact: 0, default: 1, any: 2 } as const;

export interface QuotaOp {
  key: string;
  /** null removes the quota. */
  value: number | null;
}

export interface QuotaAlterResult {
  errorCode: number;
  errorMessage: string | null;
  entity: QuotaEntityPart[];
}

const writeEntity = (encoder: Encoder, entity: QuotaEntityPart[]) =>
  writeCompactArray(encoder, entity, (e, p) =>
    e.writeUVarIntString(p.entityType).writeUVarIntString(p.entityName).writeUVarInt(0),
  );

function readEntity(decoder: Decoder): QuotaEntityPart[] {
  return readCompactArray(decoder, (d) => {
    const part = {
      entityType: (d.readUVarIntString() ?? '') as QuotaEntityType,
      entityName: d.readUVarIntString(),
    };
    d.readTaggedFields();
    return part;
  });
}

/**
 * DescribeClientQuotas v1 (KIP-546, flexible). `strict` false also returns entities with more parts
 * than the filter names (a user filter then matches user + client-id entities too).
 */
export function describeClientQuotasRequest(
  filters: QuotaFilter[],
  strict = false,
  version = DESCRIBE_CLIENT_QUOTAS.max,
): ProtocolRequest<QuotaEntry[]> {
  return {
    request: {
      apiKey: DESCRIBE_CLIENT_QUOTAS_API_KEY,
      apiVersion: version,
      apiName: 'DescribeClientQuotas',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, filters, (e, f) =>
          e
            .writeUVarIntString(f.entityType)
            .writeInt8(MATCH_TYPES[f.match])
            .writeUVarIntString(f.match === 'exact' ? f.name : null)
            .writeUVarInt(0),
        );
        return encoder.writeBoolean(strict).writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => decodeDescribeQuotas(flexibleDecoder(payload)),
      parse: async (decoded) => decoded,
    },
  };
}

export function decodeDescribeQuotas(decoder: Decoder): QuotaEntry[] {
  decoder.readInt32(); // throttle time
  const errorCode = decoder.readInt16();
  const errorMessage = decoder.readUVarIntString();
  if (errorCode !== 0) throw new KafkaProtocolError(errorCode, 'DescribeClientQuotas', errorMessage);
  const entries = readCompactArray(decoder, (d) => {
    const entity = readEntity(d);
    const values: Record<string, number> = {};
    readCompactArray(d, (v) => {
      const key = v.readUVarIntString() ?? '';
      values[key] = v.readDouble();
      v.readTaggedFields();
    });
    d.readTaggedFields();
    return { entity, values };
  });
  decoder.readTaggedFields();
  return entries;
}

/** AlterClientQuotas v1 (KIP-546, flexible): sets and removes quotas of several entities at once. */
export function alterClientQuotasRequest(
  entries: { entity: QuotaEntityPart[]; ops: QuotaOp[] }[],
  validateOnly = false,
  version = ALTER_CLIENT_QUOTAS.max,
): ProtocolRequest<QuotaAlterResult[]> {
  return {
    request: {
      apiKey: ALTER_CLIENT_QUOTAS_API_KEY,
      apiVersion: version,
      apiName: 'AlterClientQuotas',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, entries, (e, entry) => {
          writeEntity(e, entry.entity);
          writeCompactArray(e, entry.ops, (o, op) =>
            o
              .writeUVarIntString(op.key)
              .writeDouble(op.value ?? 0)
              .writeBoolean(op.value === null)
              .writeUVarInt(0),
          );
          e.writeUVarInt(0);
        });
        return encoder.writeBoolean(validateOnly).writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => decodeAlterQuotas(flexibleDecoder(payload)),
      parse: async (decoded) => decoded,
    },
  };
}

export function decodeAlterQuotas(decoder: Decoder): QuotaAlterResult[] {
  decoder.readInt32(); // throttle time
  const results = readCompactArray(decoder, (d) => {
    const result = { errorCode: d.readInt16(), errorMessage: d.readUVarIntString(), entity: readEntity(d) };
    d.readTaggedFields();
    return result;
  });
  decoder.readTaggedFields();
  return results;
}
