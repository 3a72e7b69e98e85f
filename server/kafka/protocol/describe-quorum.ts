import 'server-only';
import { pickVersion } from '@/server/kafka/protocol/versions';
import type Decoder from 'kafkajs/src/protocol/decoder.js';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import {
  flexibleDecoder,
  flexibleEncoder,
  readCompactArray,
  readInt64,
  writeCompactArray,
} from '@/server/kafka/protocol/flexible';
import { KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';

export const DESCRIBE_QUORUM_API_KEY = 55;
const METADATA_TOPIC = '__cluster_metadata';

export interface QuorumReplica {
  replicaId: number;
  logEndOffset: number;
  /** -1 when unknown (always for the leader itself). Needs v1. */
  lastFetchTimestamp: number;
  lastCaughtUpTimestamp: number;
}

export interface QuorumInfo {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  voters: QuorumReplica[];
  observers: QuorumReplica[];
}

function readReplica(version: number) {
  return (decoder: Decoder): QuorumReplica => {
    const replica = {
      replicaId: decoder.readInt32(),
      logEndOffset: readInt64(decoder),
      lastFetchTimestamp: version >= 1 ? readInt64(decoder) : -1,
      lastCaughtUpTimestamp: version >= 1 ? readInt64(decoder) : -1,
    };
    decoder.readTaggedFields();
    return replica;
  };
}

/** DescribeQuorum (KIP-595/836): a broker forwards it to the active KRaft controller. */
export function describeQuorumRequest(version: number): ProtocolRequest<QuorumInfo> {
  return {
    request: {
      apiKey: DESCRIBE_QUORUM_API_KEY,
      apiVersion: version,
      apiName: 'DescribeQuorum',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, [METADATA_TOPIC], (e, topic) => {
          e.writeUVarIntString(topic);
          writeCompactArray(e, [0], (p, partition) => p.writeInt32(partition).writeUVarInt(0));
          e.writeUVarInt(0);
        });
        return encoder.writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => {
        const decoder = flexibleDecoder(payload);
        const errorCode = decoder.readInt16();
        if (errorCode !== 0) throw new KafkaProtocolError(errorCode, 'DescribeQuorum');
        const partitions = readCompactArray(decoder, (d) => {
          d.readUVarIntString();
          const parts = readCompactArray(d, (p) => {
            const partition = {
              partitionIndex: p.readInt32(),
              errorCode: p.readInt16(),
              leaderId: p.readInt32(),
              leaderEpoch: p.readInt32(),
              highWatermark: readInt64(p),
              voters: readCompactArray(p, readReplica(version)),
              observers: readCompactArray(p, readReplica(version)),
            };
            p.readTaggedFields();
            return partition;
          });
          d.readTaggedFields();
          return parts;
        }).flat();
        const partition = partitions[0];
        if (!partition) throw new KafkaProtocolError(-1, 'DescribeQuorum returned no partition');
        if (partition.errorCode !== 0) throw new KafkaProtocolError(partition.errorCode, 'DescribeQuorum');
        const { errorCode: _e, partitionIndex: _p, ...info } = partition;
        return info;
      },
      parse: async (decoded) => decoded,
    },
  };
}

/** The highest version both we and the broker speak, or null when the broker has no KRaft quorum (ZooKeeper mode). */
export const describeQuorumVersion = (broker: RawBroker): number | null =>
  pickVersion(broker, DESCRIBE_QUORUM_API_KEY, 0, 1);
