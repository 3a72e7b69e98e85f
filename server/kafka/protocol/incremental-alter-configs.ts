import 'server-only';
import Decoder from 'kafkajs/src/protocol/decoder.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import type { ProtocolRequest } from '@/server/kafka/client/internals';

export const INCREMENTAL_ALTER_CONFIGS_API_KEY = 44;
export const RESOURCE_TOPIC = 2;
export const RESOURCE_BROKER = 4;

export interface ConfigChange {
  name: string;
  /** null deletes the override, so the value falls back to the broker or default. */
  value: string | null;
}

export interface AlterConfigsResult {
  errorCode: number;
  errorMessage: string | null;
  resourceName: string;
}

/**
 * IncrementalAlterConfigs v0 (KIP-339). kafkajs only has AlterConfigs, which replaces a resource's
 * whole configuration and silently resets every override it was not given.
 */
export function incrementalAlterConfigsRequest(
  resourceType: number,
  resourceName: string,
  changes: ConfigChange[],
  validateOnly = false,
): ProtocolRequest<AlterConfigsResult[]> {
  return {
    request: {
      apiKey: INCREMENTAL_ALTER_CONFIGS_API_KEY,
      apiVersion: 0,
      apiName: 'IncrementalAlterConfigs',
      encode: async () => {
        const encoder = new Encoder().writeInt32(1).writeInt8(resourceType).writeString(resourceName);
        encoder.writeInt32(changes.length);
        for (const change of changes) {
          encoder
            .writeString(change.name)
            .writeInt8(change.value === null ? 1 : 0)
            .writeString(change.value);
        }
        return encoder.writeBoolean(validateOnly);
      },
    },
    response: {
      decode: async (payload) => {
        const decoder = new Decoder(payload);
        decoder.readInt32(); // throttle time
        return decoder.readArray((d) => {
          const errorCode = d.readInt16();
          const errorMessage = d.readString();
          d.readInt8();
          return { errorCode, errorMessage, resourceName: d.readString() ?? '' };
        });
      },
      parse: async (decoded) => decoded,
    },
  };
}
