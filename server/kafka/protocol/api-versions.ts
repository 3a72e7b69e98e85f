import 'server-only';
import Decoder from 'kafkajs/src/protocol/decoder.js';
import type { ProtocolRequest } from '@/server/kafka/client/internals';
import { flexibleEncoder, readCompactArray } from '@/server/kafka/protocol/flexible';

export interface SupportedFeature {
  name: string;
  minVersion: number;
  maxVersion: number;
}

/**
 * ApiVersions v3 (KIP-511/584), for the features it reports: kafkajs speaks v0-v2, which carry none.
 * Its response header stays v0 (no tagged fields) so that old clients can always read it.
 */
export interface ApiVersionsAnswer {
  /** Version range per API key, as kafkajs keeps them on each broker. */
  apis: Record<number, { minVersion: number; maxVersion: number }>;
  features: SupportedFeature[];
}

export function apiVersionsV3Request(): ProtocolRequest<ApiVersionsAnswer> {
  return {
    request: {
      apiKey: 18,
      apiVersion: 3,
      apiName: 'ApiVersions',
      encode: async () =>
        flexibleEncoder().writeUVarIntString('kafkascope').writeUVarIntString('1').writeUVarInt(0),
    },
    response: {
      decode: async (payload) => {
        const decoder = new Decoder(payload);
        decoder.readInt16(); // error code
        const apis: ApiVersionsAnswer['apis'] = {};
        readCompactArray(decoder, (d) => {
          const apiKey = d.readInt16();
          apis[apiKey] = { minVersion: d.readInt16(), maxVersion: d.readInt16() };
          d.readTaggedFields();
        });
        decoder.readInt32(); // throttle time
        const features: SupportedFeature[] = [];
        const count = decoder.readUVarInt();
        for (let i = 0; i < count; i++) {
          const tag = decoder.readUVarInt();
          const size = decoder.readUVarInt();
          const field = new Decoder(payload.subarray(decoder.offset, decoder.offset + size));
          decoder.offset += size;
          if (tag !== 0) continue; // 0: SupportedFeatures
          readCompactArray(field, (d) => {
            const feature = {
              name: d.readUVarIntString() ?? '',
              minVersion: d.readInt16(),
              maxVersion: d.readInt16(),
            };
            d.readTaggedFields();
            features.push(feature);
          });
        }
        return { apis, features };
      },
      parse: async (decoded) => decoded,
    },
  };
}

/** metadata.version feature levels by release (MetadataVersion.java): the highest a broker supports names its release. */
const RELEASES: [maxLevel: number, release: string][] = [
  [7, '3.3'],
  [8, '3.4'],
  [11, '3.5'],
  [14, '3.6'],
  [19, '3.7'],
  [20, '3.8'],
  [21, '3.9'],
  [25, '4.0'],
  [27, '4.1'],
  [29, '4.2'],
  [30, '4.3'],
  [33, '4.4'],
  [34, '4.5'],
];

export function releaseFromFeatures(features: SupportedFeature[]): string | null {
  const level = features.find((f) => f.name === 'metadata.version')?.maxVersion;
  if (level === undefined) return null;
  const match = RELEASES.find(([max]) => level <= max);
  return match ? match[1] : `${RELEASES.at(-1)![1]}+`;
}
