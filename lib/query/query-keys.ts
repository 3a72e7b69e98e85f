import type { AclFilter } from '@/lib/schemas/acl';
import type { LagSeriesRequest } from '@/lib/api/lag';
import type { GroupListQuery } from '@/lib/schemas/group';
import type { MessageQuery } from '@/lib/schemas/message';
import type { SubjectListQuery } from '@/lib/schemas/schema-registry';
import type { TopicListQuery } from '@/lib/schemas/topic';

/**
 * The one query-key factory. Every key of a cluster's resources starts with `keys.cluster(id)`, so
 * invalidating a cluster (or one resource kind in it) is a single call.
 */
export const keys = {
  all: ['kafkascope'] as const,
  readiness: () => [...keys.all, 'readiness'] as const,
  me: () => [...keys.all, 'me'] as const,
  authOptions: () => [...keys.all, 'auth-options'] as const,
  clusters: () => [...keys.all, 'clusters'] as const,
  /** Alerts span clusters: their keys are the console's, outside every cluster's. */
  alerts: {
    all: () => [...keys.all, 'alerts'] as const,
    overview: () => [...keys.alerts.all(), 'overview'] as const,
    history: (ruleId: string | null) => [...keys.alerts.all(), 'history', ruleId] as const,
    channels: () => [...keys.alerts.all(), 'channels'] as const,
  },
  cluster: (clusterId: string) => [...keys.all, 'cluster', clusterId] as const,
  brokers: {
    all: (clusterId: string) => [...keys.cluster(clusterId), 'brokers'] as const,
    list: (clusterId: string) => [...keys.brokers.all(clusterId), 'list'] as const,
    detail: (clusterId: string, brokerId: number) =>
      [...keys.brokers.all(clusterId), 'detail', brokerId] as const,
    configs: (clusterId: string, brokerId: number) =>
      [...keys.brokers.all(clusterId), 'configs', brokerId] as const,
  },
  overview: (clusterId: string) => [...keys.cluster(clusterId), 'overview'] as const,
  quorum: (clusterId: string) => [...keys.cluster(clusterId), 'quorum'] as const,
  reassignments: (clusterId: string) => [...keys.cluster(clusterId), 'reassignments'] as const,
  /** The picker's list of subject names; under keys.schemas.all, so every registry change refreshes it. */
  subjects: (clusterId: string) => [...keys.schemas.all(clusterId), 'subjects'] as const,
  topicSubjects: (clusterId: string, topic: string) =>
    [...keys.schemas.all(clusterId), 'of-topic', topic] as const,
  schemas: {
    all: (clusterId: string) => [...keys.cluster(clusterId), 'schema-registry'] as const,
    list: (clusterId: string, query: SubjectListQuery) =>
      [...keys.schemas.all(clusterId), 'list', query] as const,
    subject: (clusterId: string, subject: string) =>
      [...keys.schemas.all(clusterId), 'subject', subject] as const,
    version: (clusterId: string, subject: string, version: number | 'latest') =>
      [...keys.schemas.subject(clusterId, subject), 'version', version] as const,
  },
  acls: {
    all: (clusterId: string) => [...keys.cluster(clusterId), 'acls'] as const,
    list: (clusterId: string, filter: AclFilter) => [...keys.acls.all(clusterId), 'list', filter] as const,
  },
  groups: {
    all: (clusterId: string) => [...keys.cluster(clusterId), 'groups'] as const,
    list: (clusterId: string, query: GroupListQuery) =>
      [...keys.groups.all(clusterId), 'list', query] as const,
    detail: (clusterId: string, group: string) => [...keys.groups.all(clusterId), 'detail', group] as const,
  },
  /** Lag series from the store: a chart's series and its window (a range up to now, or a zoom). */
  lag: {
    all: (clusterId: string) => [...keys.cluster(clusterId), 'lag-history'] as const,
    series: (clusterId: string, request: LagSeriesRequest) => [...keys.lag.all(clusterId), request] as const,
  },
  topics: {
    all: (clusterId: string) => [...keys.cluster(clusterId), 'topics'] as const,
    list: (clusterId: string, query: TopicListQuery) =>
      [...keys.topics.all(clusterId), 'list', query] as const,
    detail: (clusterId: string, topic: string) => [...keys.topics.all(clusterId), 'detail', topic] as const,
    configs: (clusterId: string, topic: string) =>
      [...keys.topics.detail(clusterId, topic), 'configs'] as const,
    messages: (clusterId: string, topic: string) =>
      [...keys.topics.detail(clusterId, topic), 'messages'] as const,
    messageList: (clusterId: string, topic: string, query: MessageQuery) =>
      [...keys.topics.messages(clusterId, topic), 'list', query] as const,
    message: (clusterId: string, topic: string, partition: number, offset: number) =>
      [...keys.topics.messages(clusterId, topic), 'one', partition, offset] as const,
  },
};
