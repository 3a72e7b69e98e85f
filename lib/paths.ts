import { aclListView } from '@/lib/url-state/acls';
import { browseView, type BrowseState } from '@/lib/url-state/browse';
import { serializeUrlState, toSearch } from '@/lib/url-state/core';
import { lagCompareView, type LagCompareState } from '@/lib/url-state/lag';
import { groupListView, subjectListView, topicListView, transactionListView } from '@/lib/url-state/lists';
import {
  alertsPageView,
  groupPageView,
  messageView,
  subjectPageView,
  topicPageView,
  type AlertsPageState,
  type SubjectPageState,
  type GroupTab,
  type TopicTab,
} from '@/lib/url-state/pages';
import type { AclFilter } from '@/lib/schemas/acl';
import type { GroupListQuery } from '@/lib/schemas/group';
import type { SubjectListQuery } from '@/lib/schemas/schema-registry';
import type { TopicListQuery } from '@/lib/schemas/topic';
import type { TransactionListQuery } from '@/lib/schemas/transaction';

/** URL builders for every screen and API resource, so links and fetches never hand-assemble paths. */
const seg = encodeURIComponent;

export const paths = {
  home: () => '/',
  /** Alerts are the console's, not a cluster's: one page for every cluster. */
  alerts: (state: Partial<AlertsPageState> = {}) =>
    `/alerts${toSearch(serializeUrlState(alertsPageView, state))}`,
  cluster: (clusterId: string) => `/clusters/${seg(clusterId)}`,
  brokers: (clusterId: string) => `/clusters/${seg(clusterId)}/brokers`,
  broker: (clusterId: string, brokerId: number) => `/clusters/${seg(clusterId)}/brokers/${brokerId}`,
  /** The cluster-wide dynamic broker defaults. */
  brokerDefaults: (clusterId: string) => `/clusters/${seg(clusterId)}/brokers/defaults`,
  /** SCRAM users (tab `users`) and client quotas (tab `quotas`). */
  security: (clusterId: string, tab: 'users' | 'quotas' = 'users') =>
    `/clusters/${seg(clusterId)}/security${tab === 'users' ? '' : `?tab=${tab}`}`,
  reassignments: (clusterId: string) => `/clusters/${seg(clusterId)}/reassignments`,
  /** The topic list; only the settings that differ from the defaults go into the address. */
  topics: (clusterId: string, query: Partial<TopicListQuery> = {}) =>
    `/clusters/${seg(clusterId)}/topics${toSearch(serializeUrlState(topicListView, query))}`,
  topic: (clusterId: string, topic: string, tab?: TopicTab) =>
    `/clusters/${seg(clusterId)}/topics/${seg(topic)}${toSearch(serializeUrlState(topicPageView, { tab }))}`,
  /** The messages tab with its browse settings (start, partitions, decoders…) already in the address. */
  topicMessages: (clusterId: string, topic: string, browse: Partial<BrowseState> = {}) =>
    `/clusters/${seg(clusterId)}/topics/${seg(topic)}${toSearch({
      ...serializeUrlState(topicPageView, { tab: 'messages' }),
      ...serializeUrlState(browseView, browse),
    })}`,
  /** One message; `decoders` other than auto go into the address. */
  message: (
    clusterId: string,
    topic: string,
    partition: number,
    offset: number,
    decoders: Partial<typeof messageView.defaults> = {},
  ) =>
    `/clusters/${seg(clusterId)}/topics/${seg(topic)}/messages/${partition}/${offset}${toSearch(serializeUrlState(messageView, decoders))}`,
  /** The group list; only the settings that differ from the defaults go into the address. */
  groups: (clusterId: string, query: Partial<GroupListQuery> = {}) =>
    `/clusters/${seg(clusterId)}/groups${toSearch(serializeUrlState(groupListView, query))}`,
  group: (clusterId: string, group: string, tab?: GroupTab) =>
    `/clusters/${seg(clusterId)}/groups/${seg(group)}${toSearch(serializeUrlState(groupPageView, { tab }))}`,
  /** Lag over time of several groups, topics or partitions on one chart; `series` are API series specs. */
  lag: (clusterId: string, state: Partial<LagCompareState> = {}) =>
    `/clusters/${seg(clusterId)}/lag${toSearch(serializeUrlState(lagCompareView, state))}`,
  /** ACL bindings, the list's filters in the address. */
  acls: (clusterId: string, filter: Partial<AclFilter> = {}) =>
    `/clusters/${seg(clusterId)}/acls${toSearch(serializeUrlState(aclListView, filter))}`,
  /** The schema registry's subjects; only the settings that differ from the defaults go into the address. */
  schemas: (clusterId: string, query: Partial<SubjectListQuery> = {}) =>
    `/clusters/${seg(clusterId)}/schemas${toSearch(serializeUrlState(subjectListView, query))}`,
  /** A subject: a version (`version`), a diff (`diff: '1..3'`) or another tab. */
  subject: (clusterId: string, subject: string, state: Partial<SubjectPageState> = {}) =>
    `/clusters/${seg(clusterId)}/schemas/${seg(subject)}${toSearch(serializeUrlState(subjectPageView, state))}`,
  /** Transactional ids, filtered by state and text, paged; only what differs from the defaults goes into the address. */
  transactions: (clusterId: string, query: Partial<TransactionListQuery> = {}) =>
    `/clusters/${seg(clusterId)}/transactions${toSearch(serializeUrlState(transactionListView, query))}`,
  transaction: (clusterId: string, transactionalId: string) =>
    `/clusters/${seg(clusterId)}/transactions/ids/${seg(transactionalId)}`,
  /** The hanging-transaction search of a topic or a broker; `olderThan` in seconds. */
  hangingTransactions: (
    clusterId: string,
    query: { topic?: string; broker?: string | number; olderThan?: string | number } = {},
  ) => `/clusters/${seg(clusterId)}/transactions/hanging${toSearch(query)}`,
};

/** Kafka Connect's screens: the connectors of every Connect cluster, one connector, a new one. */
export const connectPaths = {
  list: (clusterId: string) => `/clusters/${seg(clusterId)}/connect`,
  connector: (clusterId: string, connect: string, name: string) =>
    `/clusters/${seg(clusterId)}/connect/${seg(connect)}/${seg(name)}`,
  create: (clusterId: string, connect?: string) =>
    `/clusters/${seg(clusterId)}/connect/new${connect ? `?connect=${seg(connect)}` : ''}`,
};

export const apiPaths = {
  transactions: (clusterId: string, query?: Record<string, string | number | undefined>) =>
    `/api/clusters/${seg(clusterId)}/transactions${toSearch(query)}`,
  transaction: (clusterId: string, transactionalId: string) =>
    `/api/clusters/${seg(clusterId)}/transactions/ids/${seg(transactionalId)}`,
  hangingTransactions: (clusterId: string, query?: Record<string, string | number | undefined>) =>
    `/api/clusters/${seg(clusterId)}/transactions/hanging${toSearch(query)}`,
  abortTransaction: (clusterId: string) => `/api/clusters/${seg(clusterId)}/transactions/abort`,
  topicProducers: (clusterId: string, topic: string) =>
    `/api/clusters/${seg(clusterId)}/topics/${seg(topic)}/producers`,
  alerts: () => '/api/alerts',
  alertRules: () => '/api/alerts/rules',
  alertRule: (id: string) => `/api/alerts/rules/${seg(id)}`,
  alertHistory: (query: { limit?: number; ruleId?: string } = {}) => {
    const params = new URLSearchParams();
    if (query.limit) params.set('limit', String(query.limit));
    if (query.ruleId) params.set('ruleId', query.ruleId);
    const search = params.toString();
    return `/api/alerts/history${search ? `?${search}` : ''}`;
  },
  alertChannels: () => '/api/alerts/channels',
  alertChannel: (name: string) => `/api/alerts/channels/${seg(name)}`,
  alertChannelTest: (name: string) => `/api/alerts/channels/${seg(name)}/test`,
  alertSilences: () => '/api/alerts/silences',
  alertSilence: (id: number) => `/api/alerts/silences/${id}`,
  health: () => '/api/health',
  ready: () => '/api/health/ready',
  me: () => '/api/auth/me',
  authOptions: () => '/api/auth/options',
  login: () => '/api/auth/login',
  logout: () => '/api/auth/logout',
  clusters: () => '/api/clusters',
  overview: (clusterId: string) => `/api/clusters/${seg(clusterId)}/overview`,
  quorum: (clusterId: string) => `/api/clusters/${seg(clusterId)}/quorum`,
  reassignments: (clusterId: string) => `/api/clusters/${seg(clusterId)}/reassignments`,
  reassignmentPlan: (clusterId: string) => `/api/clusters/${seg(clusterId)}/reassignments/plan`,
  reassignmentCancel: (clusterId: string) => `/api/clusters/${seg(clusterId)}/reassignments/cancel`,
  reassignmentThrottles: (clusterId: string) => `/api/clusters/${seg(clusterId)}/reassignments/throttles`,
  elections: (clusterId: string) => `/api/clusters/${seg(clusterId)}/elections`,
  brokers: (clusterId: string) => `/api/clusters/${seg(clusterId)}/brokers`,
  broker: (clusterId: string, brokerId: number) => `/api/clusters/${seg(clusterId)}/brokers/${brokerId}`,
  brokerConfigs: (clusterId: string, brokerId: number) =>
    `/api/clusters/${seg(clusterId)}/brokers/${brokerId}/configs`,
  /** A broker id or "default". */
  brokerConfigsFull: (clusterId: string, scope: string) =>
    `/api/clusters/${seg(clusterId)}/broker-configs/${seg(scope)}`,
  scramUsers: (clusterId: string) => `/api/clusters/${seg(clusterId)}/scram-users`,
  scramUser: (clusterId: string, user: string) => `/api/clusters/${seg(clusterId)}/scram-users/${seg(user)}`,
  quotas: (clusterId: string) => `/api/clusters/${seg(clusterId)}/quotas`,
  acls: (clusterId: string, filter: Partial<AclFilter> = {}) =>
    `/api/clusters/${seg(clusterId)}/acls${toSearch(serializeUrlState(aclListView, filter))}`,
  aclsDelete: (clusterId: string) => `/api/clusters/${seg(clusterId)}/acls/delete`,
  topics: (clusterId: string, query?: Record<string, string | number>) =>
    `/api/clusters/${seg(clusterId)}/topics${toSearch(query)}`,
  topic: (clusterId: string, topic: string) => `/api/clusters/${seg(clusterId)}/topics/${seg(topic)}`,
  topicConfigs: (clusterId: string, topic: string) =>
    `/api/clusters/${seg(clusterId)}/topics/${seg(topic)}/configs`,
  topicPartitions: (clusterId: string, topic: string) =>
    `/api/clusters/${seg(clusterId)}/topics/${seg(topic)}/partitions`,
  groups: (clusterId: string, query?: Record<string, string | number | undefined>) =>
    `/api/clusters/${seg(clusterId)}/groups${toSearch(query)}`,
  group: (clusterId: string, group: string) => `/api/clusters/${seg(clusterId)}/groups/${seg(group)}`,
  /** Lag series from the store: `series` repeated, one spec each (`::group`, `topic::group`, `topic:3:group`). */
  lagHistory: (
    clusterId: string,
    query: { series: string[]; from?: number; to?: number; points?: number },
  ) => {
    const search = new URLSearchParams();
    for (const spec of query.series) search.append('series', spec);
    for (const key of ['from', 'to', 'points'] as const) {
      const value = query[key];
      if (value !== undefined) search.set(key, String(value));
    }
    return `/api/clusters/${seg(clusterId)}/lag-history?${search}`;
  },
  groupReset: (clusterId: string, group: string) =>
    `/api/clusters/${seg(clusterId)}/groups/${seg(group)}/reset-offsets`,
  groupTopicOffsets: (clusterId: string, group: string, topic: string) =>
    `/api/clusters/${seg(clusterId)}/groups/${seg(group)}/offsets/${seg(topic)}`,
  messages: (clusterId: string, topic: string, query?: Record<string, string | number | undefined>) =>
    `/api/clusters/${seg(clusterId)}/topics/${seg(topic)}/messages${toSearch(query)}`,
  message: (clusterId: string, topic: string, partition: number, offset: number) =>
    `/api/clusters/${seg(clusterId)}/topics/${seg(topic)}/messages/${partition}/${offset}`,
  topicPurge: (clusterId: string, topic: string) =>
    `/api/clusters/${seg(clusterId)}/topics/${seg(topic)}/purge`,
  subjects: (clusterId: string) => `/api/clusters/${seg(clusterId)}/schema-registry/subjects`,
  topicSubjects: (clusterId: string, topic: string) =>
    `/api/clusters/${seg(clusterId)}/topics/${seg(topic)}/subjects`,
  subjectList: (clusterId: string, query?: Record<string, string | number>) =>
    `/api/clusters/${seg(clusterId)}/schema-registry/subject-list${toSearch(query)}`,
  registryConfig: (clusterId: string) => `/api/clusters/${seg(clusterId)}/schema-registry/config`,
  subject: (clusterId: string, subject: string, permanent = false) =>
    `/api/clusters/${seg(clusterId)}/schema-registry/subjects/${seg(subject)}${permanent ? '?permanent=true' : ''}`,
  subjectConfig: (clusterId: string, subject: string) =>
    `/api/clusters/${seg(clusterId)}/schema-registry/subjects/${seg(subject)}/config`,
  subjectCompatibility: (clusterId: string, subject: string) =>
    `/api/clusters/${seg(clusterId)}/schema-registry/subjects/${seg(subject)}/compatibility`,
  subjectVersions: (clusterId: string, subject: string) =>
    `/api/clusters/${seg(clusterId)}/schema-registry/subjects/${seg(subject)}/versions`,
  subjectVersion: (clusterId: string, subject: string, version: number | 'latest', permanent = false) =>
    `/api/clusters/${seg(clusterId)}/schema-registry/subjects/${seg(subject)}/versions/${version}${permanent ? '?permanent=true' : ''}`,
  /** Server-Sent Events: a bounded scan for matching messages. */
  search: (clusterId: string, topic: string, query?: Record<string, string | number | undefined>) =>
    `/api/clusters/${seg(clusterId)}/topics/${seg(topic)}/search${toSearch(query)}`,
  /** Server-Sent Events: new messages as they arrive. */
  tail: (clusterId: string, topic: string, query?: Record<string, string | number | undefined>) =>
    `/api/clusters/${seg(clusterId)}/topics/${seg(topic)}/tail${toSearch(query)}`,
};
