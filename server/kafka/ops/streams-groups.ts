import 'server-only';
import type { TopicPartitions } from '@/server/kafka/protocol/consumer-group-describe';
import type {
  DescribedStreamsGroup,
  StreamsSubtopology,
  StreamsTasks,
} from '@/server/kafka/protocol/streams-group-describe';
import type { GroupDescription } from '@/server/kafka/ops/group-describe';

export type {
  StreamsSubtopology,
  StreamsTasks,
  StreamsTopicInfo,
} from '@/server/kafka/protocol/streams-group-describe';

/** What a streams group's members run: the sub-topologies and their topics, at the topology's epoch. */
export interface StreamsTopology {
  epoch: number;
  subtopologies: StreamsSubtopology[];
}

/** A streams group member's own facts, beside what every member has. */
export interface StreamsMemberDetails {
  processId: string;
  /** `host:port` of `application.server` (interactive queries); null when the instance sets none. */
  userEndpoint: string | null;
  topologyEpoch: number;
  clientTags: { key: string; value: string }[];
  /** A member on the classic protocol inside the streams group. */
  isClassic: boolean;
  tasks: StreamsTasks;
  targetTasks: StreamsTasks;
}

/** The topics a sub-topology reads: its source topics and the repartition topics it consumes. */
const inputTopics = (s: StreamsSubtopology) => [
  ...s.sourceTopics,
  ...s.repartitionSourceTopics.map((t) => t.name),
];

/**
 * The partitions a member's active tasks read: task (sub-topology S, partition p) processes
 * partition p of every input topic of S. This is what owns a partition in the Partitions table.
 */
function partitionsOf(tasks: StreamsTasks, topology: StreamsTopology | null): TopicPartitions[] {
  const byTopic = new Map<string, Set<number>>();
  for (const task of tasks.active) {
    const sub = topology?.subtopologies.find((s) => s.subtopologyId === task.subtopology);
    for (const topic of sub ? inputTopics(sub) : []) {
      const set = byTopic.get(topic) ?? new Set<number>();
      for (const p of task.partitions) set.add(p);
      byTopic.set(topic, set);
    }
  }
  return [...byTopic]
    .map(([topic, set]) => ({ topic, partitions: [...set].sort((a, b) => a - b) }))
    .sort((a, b) => (a.topic < b.topic ? -1 : 1));
}

const sameTasks = (a: StreamsTasks, b: StreamsTasks) => JSON.stringify(a) === JSON.stringify(b);

export function streamsDescription(g: DescribedStreamsGroup): GroupDescription {
  const topology = g.topology;
  return {
    groupId: g.groupId,
    describedAs: 'streams',
    state: g.state,
    protocolType: 'streams',
    protocol: g.assignor,
    error: g.error,
    groupEpoch: g.groupEpoch,
    assignmentEpoch: g.assignmentEpoch,
    unsupported: null,
    topology,
    members: g.members.map((m) => ({
      memberId: m.memberId,
      clientId: m.clientId,
      host: m.clientHost,
      instanceId: m.instanceId,
      rackId: m.rackId,
      memberEpoch: m.memberEpoch,
      memberType: m.isClassic ? 'classic' : 'streams',
      subscribedTopics: null,
      assignments: partitionsOf(m.assignment, topology),
      targetAssignments: partitionsOf(m.targetAssignment, topology),
      state:
        m.memberEpoch === g.assignmentEpoch && sameTasks(m.assignment, m.targetAssignment)
          ? 'stable'
          : 'reconciling',
      streams: {
        processId: m.processId,
        userEndpoint: m.userEndpoint ? `${m.userEndpoint.host}:${m.userEndpoint.port}` : null,
        topologyEpoch: m.topologyEpoch,
        clientTags: m.clientTags,
        isClassic: m.isClassic,
        tasks: m.assignment,
        targetTasks: m.targetAssignment,
      },
    })),
  };
}
