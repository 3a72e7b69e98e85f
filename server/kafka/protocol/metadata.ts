import 'server-only';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import { Reader } from '@/server/kafka/protocol/reader';
import { Writer } from '@/server/kafka/protocol/writer';

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
/** v1+ carry racks, the controller and internal flags, v5+ offline replicas; v7+ leader epochs (unused here). */
const MAX_VERSION = 6;

/**
 * Metadata for `topics`, for all topics (`'all'`), or for none (`[]`: brokers and controller only,
 * a cheap probe), written and read here (v1-v6, the non-flexible versions): kafkajs sends an empty
 * list as null, which means all topics, and its decoder spent ~35 ms of event loop on 2,000 topics
 * at replication factor 3. Topic and partition errors are data (an offline partition is not a failure).
 */
export function metadataRequest(
  broker: RawBroker,
  topics: string[] | 'all',
): ProtocolRequest<MetadataResponse> {
  const range = broker.versions?.[METADATA_API_KEY];
  const version = Math.max(1, Math.min(MAX_VERSION, range?.maxVersion ?? 1));
  const list = topics === 'all' ? null : topics;
  return {
    request: {
      apiKey: METADATA_API_KEY,
      apiVersion: version,
      apiName: 'Metadata',
      encode: async () => {
        const writer = new Writer(list === null ? 16 : 16 + list.length * 40);
        if (list === null) writer.int32(-1);
        else {
          writer.int32(list.length);
          for (const topic of list) writer.string(topic);
        }
        if (version >= 4) writer.int8(0); // allow_auto_topic_creation: false
        return writer.toEncoder();
      },
    },
    response: {
      decode: async (payload) => decodeMetadata(new Reader(payload), version),
      parse: async (decoded) => decoded,
    },
  };
}

export function decodeMetadata(reader: Reader, version: number): MetadataResponse {
  if (version >= 3) reader.int32(); // throttle time
  const brokerCount = reader.arrayLength();
  const brokers: MetadataResponse['brokers'] = new Array(brokerCount);
  for (let i = 0; i < brokerCount; i++) {
    const nodeId = reader.int32();
    const host = reader.string() ?? '';
    const port = reader.int32();
    const rack = version >= 1 ? reader.string() : null;
    brokers[i] = { nodeId, host, port, rack };
  }
  const clusterId = version >= 2 ? reader.string() : null;
  const controllerId = version >= 1 ? reader.int32() : null;
  const topicCount = reader.arrayLength();
  const topicMetadata: MetadataTopic[] = new Array(topicCount);
  for (let t = 0; t < topicCount; t++) {
    const topicErrorCode = reader.int16();
    const topic = reader.string() ?? '';
    const isInternal = version >= 1 ? reader.bool() : false;
    const partitionCount = reader.arrayLength();
    const partitionMetadata: MetadataPartition[] = new Array(partitionCount);
    for (let p = 0; p < partitionCount; p++) {
      const partitionErrorCode = reader.int16();
      const partitionId = reader.int32();
      const leader = reader.int32();
      const replicas = reader.int32Array();
      const isr = reader.int32Array();
      const offlineReplicas = version >= 5 ? reader.int32Array() : [];
      partitionMetadata[p] = { partitionErrorCode, partitionId, leader, replicas, isr, offlineReplicas };
    }
    topicMetadata[t] = { topicErrorCode, topic, isInternal, partitionMetadata };
  }
  return { clusterId, controllerId, brokers, topicMetadata };
}
