import 'server-only';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import MetadataRequests from 'kafkajs/src/protocol/requests/metadata/index.js';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';

export interface MetadataPartition {
  partitionErrorCode: number;
  partitionId: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas?: number[];
}

export interface MetadataTopic {
  topicErrorCode: number;
  topic: string;
  isInternal: boolean;
  partitionMetadata: MetadataPartition[];
}

export interface MetadataResponse {
  clusterId?: string | null;
  controllerId?: number | null;
  brokers: { nodeId: number; host: string; port: number; rack?: string | null }[];
  topicMetadata: MetadataTopic[];
}

const METADATA_API_KEY = 3;
/** kafkajs decodes Metadata up to v6; v1+ carry racks, the controller and internal flags, v5+ offline replicas. */
const MAX_VERSION = 6;

/**
 * Metadata for `topics`, for all topics (`'all'`), or for none (`[]`: brokers and controller only,
 * a cheap probe). kafkajs sends an empty list as null, which means all topics, so the request body
 * is written here; its response decoder is reused.
 */
export function metadataRequest(
  broker: RawBroker,
  topics: string[] | 'all',
): ProtocolRequest<MetadataResponse> {
  const range = broker.versions?.[METADATA_API_KEY];
  const version = Math.max(1, Math.min(MAX_VERSION, range?.maxVersion ?? 1));
  const { request, response } = MetadataRequests.protocol({ version })({
    topics: [],
    allowAutoTopicCreation: false,
  });
  const list = topics === 'all' ? null : topics;
  return {
    request: {
      ...request,
      encode: async () => {
        const encoder = new Encoder();
        if (list === null) encoder.writeInt32(-1);
        else encoder.writeArray(list);
        if (version >= 4) encoder.writeBoolean(false);
        return encoder;
      },
    },
    // kafkajs's parse throws on the first topic or partition error; an offline partition is data here.
    response: { ...response, parse: async (decoded) => decoded },
  };
}
