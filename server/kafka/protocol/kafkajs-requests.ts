import 'server-only';
import DescribeGroupsRequests from 'kafkajs/src/protocol/requests/describeGroups/index.js';
import OffsetCommitRequests from 'kafkajs/src/protocol/requests/offsetCommit/index.js';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import { pickVersion } from '@/server/kafka/protocol/versions';

interface RequestDefinitions {
  versions: string[];
  protocol: (args: { version: number }) => (options: Record<string, unknown>) => ProtocolRequest<unknown>;
}

/**
 * A kafkajs request at the highest version both kafkajs and the broker speak, with kafkajs's
 * all-or-nothing error check removed: per-partition errors are returned as data, so one moved
 * leader does not blank out a whole broker's answer.
 */
function kafkajsRequest<T>(
  definitions: RequestDefinitions,
  apiKey: number,
  broker: RawBroker,
  options: Record<string, unknown>,
): ProtocolRequest<T> {
  const ours = definitions.versions.map(Number);
  // A broker without a version table (not asked yet) gets kafkajs's highest.
  const version = broker.versions
    ? pickVersion(broker, apiKey, Math.min(...ours), Math.max(...ours))
    : Math.max(...ours);
  if (version === null) throw new Error(`No common version of API ${apiKey} with broker ${broker.nodeId}`);
  const { request, response } = definitions.protocol({ version })(options);
  return {
    request,
    response: { ...response, parse: async (decoded: unknown) => decoded },
  } as ProtocolRequest<T>;
}

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: {
    memberId: string;
    clientId: string;
    clientHost: string;
    memberMetadata: Buffer;
    memberAssignment: Buffer;
  }[];
}

/** DescribeGroups for many groups of one coordinator in a single request (kafkajs sends one per group). */
export function describeGroupsRequest(
  broker: RawBroker,
  groupIds: string[],
): ProtocolRequest<{ groups: DescribedGroup[] }> {
  return kafkajsRequest(DescribeGroupsRequests as RequestDefinitions, 15, broker, { groupIds });
}

export interface OffsetCommitResponse {
  responses: { topic: string; partitions: { partition: number; errorCode: number }[] }[];
}

/**
 * OffsetCommit outside any generation (generation -1, no member id): how tools set the offsets of
 * a group that has no members, without joining it as kafkajs's admin.setOffsets does.
 */
export function offsetCommitRequest(
  broker: RawBroker,
  groupId: string,
  topics: { topic: string; partitions: { partition: number; offset: number }[] }[],
): ProtocolRequest<OffsetCommitResponse> {
  return kafkajsRequest(OffsetCommitRequests as RequestDefinitions, 8, broker, {
    groupId,
    groupGenerationId: -1,
    memberId: '',
    topics: topics.map((t) => ({
      topic: t.topic,
      partitions: t.partitions.map((p) => ({
        partition: p.partition,
        offset: String(p.offset),
        metadata: null,
      })),
    })),
  });
}
