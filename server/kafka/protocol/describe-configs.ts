import 'server-only';
import type Decoder from 'kafkajs/src/protocol/decoder.js';
import type { ProtocolRequest } from '@/server/kafka/client/internals';
import {
  flexibleDecoder,
  flexibleEncoder,
  readCompactArray,
  writeCompactArray,
} from '@/server/kafka/protocol/flexible';
import type { ApiNeed } from '@/server/kafka/protocol/versions';

export const DESCRIBE_CONFIGS_API_KEY = 32;

/** v4 (flexible, Kafka 2.8) is the version we speak: documentation came with v3, synonyms with v1. */
export const DESCRIBE_CONFIGS: ApiNeed = {
  apiKey: DESCRIBE_CONFIGS_API_KEY,
  apiName: 'DescribeConfigs',
  min: 4,
  max: 4,
  since: '2.8',
  feature: 'Broker configs with their documentation',
};

/** DescribeConfigsResponse.json ConfigSource, by wire value. */
export const CONFIG_SOURCES = [
  'UNKNOWN',
  'DYNAMIC_TOPIC_CONFIG',
  'DYNAMIC_BROKER_CONFIG',
  'DYNAMIC_DEFAULT_BROKER_CONFIG',
  'STATIC_BROKER_CONFIG',
  'DEFAULT_CONFIG',
  'DYNAMIC_BROKER_LOGGER_CONFIG',
  'CLIENT_METRICS_CONFIG',
  'GROUP_CONFIG',
] as const;
export type ConfigSourceName = (typeof CONFIG_SOURCES)[number];

/** DescribeConfigsResponse.json ConfigType, by wire value. */
export const CONFIG_TYPES = [
  'UNKNOWN',
  'BOOLEAN',
  'STRING',
  'INT',
  'SHORT',
  'LONG',
  'DOUBLE',
  'LIST',
  'CLASS',
  'PASSWORD',
] as const;
export type ConfigTypeName = (typeof CONFIG_TYPES)[number];

export interface DescribedConfig {
  name: string;
  value: string | null;
  readOnly: boolean;
  source: ConfigSourceName;
  sensitive: boolean;
  synonyms: { name: string; value: string | null; source: ConfigSourceName }[];
  type: ConfigTypeName;
  documentation: string | null;
}

export interface DescribedResource {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
  configs: DescribedConfig[];
}

const sourceName = (code: number): ConfigSourceName => CONFIG_SOURCES[code] ?? 'UNKNOWN';

/**
 * DescribeConfigs v4 (flexible) with synonyms and documentation, which kafkajs (v2 at most) does not
 * ask for: each key's type, its documentation and every level that sets it.
 */
export function describeConfigsRequest(
  resources: { resourceType: number; resourceName: string; keys?: string[] | null }[],
  version = DESCRIBE_CONFIGS.max,
): ProtocolRequest<DescribedResource[]> {
  return {
    request: {
      apiKey: DESCRIBE_CONFIGS_API_KEY,
      apiVersion: version,
      apiName: 'DescribeConfigs',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, resources, (e, r) => {
          e.writeInt8(r.resourceType).writeUVarIntString(r.resourceName);
          if (!r.keys) e.writeUVarInt(0);
          else writeCompactArray(e, r.keys, (k, key) => k.writeUVarIntString(key));
          e.writeUVarInt(0);
        });
        return encoder.writeBoolean(true).writeBoolean(true).writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => decodeDescribeConfigs(flexibleDecoder(payload)),
      parse: async (decoded) => decoded,
    },
  };
}

export function decodeDescribeConfigs(decoder: Decoder): DescribedResource[] {
  decoder.readInt32(); // throttle time
  const results = readCompactArray(decoder, (d) => {
    const errorCode = d.readInt16();
    const errorMessage = d.readUVarIntString();
    const resourceType = d.readInt8();
    const resourceName = d.readUVarIntString() ?? '';
    const configs = readCompactArray(d, (c) => {
      const name = c.readUVarIntString() ?? '';
      const value = c.readUVarIntString();
      const readOnly = c.readBoolean();
      const source = sourceName(c.readInt8());
      const sensitive = c.readBoolean();
      const synonyms = readCompactArray(c, (s) => {
        const synonym = {
          name: s.readUVarIntString() ?? '',
          value: s.readUVarIntString(),
          source: sourceName(s.readInt8()),
        };
        s.readTaggedFields();
        return synonym;
      });
      const type = CONFIG_TYPES[c.readInt8()] ?? 'UNKNOWN';
      const documentation = c.readUVarIntString();
      c.readTaggedFields();
      return { name, value, readOnly, source, sensitive, synonyms, type, documentation };
    });
    d.readTaggedFields();
    return { errorCode, errorMessage, resourceType, resourceName, configs };
  });
  decoder.readTaggedFields();
  return results;
}
