import { GroupListQuerySchema, type GroupListQuery } from '@/lib/schemas/group';
import { TopicListQuerySchema, type TopicListQuery } from '@/lib/schemas/topic';

/** URL builders for every screen and API resource, so links and fetches never hand-assemble paths. */
const seg = encodeURIComponent;

export const messageModes = ['browse', 'search', 'tail'] as const;
export type MessageMode = (typeof messageModes)[number];

export function parseMessageMode(value: string | null): MessageMode {
  return messageModes.find((mode) => mode === value) ?? 'browse';
}

export const topicTabs = ['partitions', 'messages', 'configuration', 'consumers'] as const;
export type TopicTab = (typeof topicTabs)[number];

const topicListDefaults = TopicListQuerySchema.parse({});

export const groupTabs = ['partitions', 'members', 'lag'] as const;
export type GroupTab = (typeof groupTabs)[number];

const groupListDefaults = GroupListQuerySchema.parse({});
const groupListKeys = ['q', 'topic', 'sort', 'dir', 'page', 'pageSize'] as const;

export const paths = {
  home: () => '/',
  cluster: (clusterId: string) => `/clusters/${seg(clusterId)}`,
  brokers: (clusterId: string) => `/clusters/${seg(clusterId)}/brokers`,
  broker: (clusterId: string, brokerId: number) => `/clusters/${seg(clusterId)}/brokers/${brokerId}`,
  /** The topic list; only the settings that differ from the defaults go into the address. */
  topics: (clusterId: string, query: Partial<TopicListQuery> = {}) =>
    `/clusters/${seg(clusterId)}/topics${toSearch(topicListSearch(query))}`,
  topic: (clusterId: string, topic: string, tab?: TopicTab) =>
    `/clusters/${seg(clusterId)}/topics/${seg(topic)}${tab && tab !== 'partitions' ? `?tab=${tab}` : ''}`,
  /** The messages tab with its browse settings (start, partitions, decoders…) already in the address. */
  topicMessages: (
    clusterId: string,
    topic: string,
    search: Record<string, string | number | undefined> = {},
  ) => `/clusters/${seg(clusterId)}/topics/${seg(topic)}${toSearch({ tab: 'messages', ...search })}`,
  message: (
    clusterId: string,
    topic: string,
    partition: number,
    offset: number,
    search?: Record<string, string>,
  ) => `/clusters/${seg(clusterId)}/topics/${seg(topic)}/messages/${partition}/${offset}${toSearch(search)}`,
  /** The group list; only the settings that differ from the defaults go into the address. */
  groups: (clusterId: string, query: Partial<GroupListQuery> = {}) =>
    `/clusters/${seg(clusterId)}/groups${toSearch(changedSettings(groupListKeys, groupListDefaults, query))}`,
  group: (clusterId: string, group: string, tab?: GroupTab) =>
    `/clusters/${seg(clusterId)}/groups/${seg(group)}${tab && tab !== 'partitions' ? `?tab=${tab}` : ''}`,
};

export const apiPaths = {
  health: () => '/api/health',
  ready: () => '/api/health/ready',
  me: () => '/api/auth/me',
  authOptions: () => '/api/auth/options',
  login: () => '/api/auth/login',
  logout: () => '/api/auth/logout',
  clusters: () => '/api/clusters',
  overview: (clusterId: string) => `/api/clusters/${seg(clusterId)}/overview`,
  quorum: (clusterId: string) => `/api/clusters/${seg(clusterId)}/quorum`,
  brokers: (clusterId: string) => `/api/clusters/${seg(clusterId)}/brokers`,
  broker: (clusterId: string, brokerId: number) => `/api/clusters/${seg(clusterId)}/brokers/${brokerId}`,
  brokerConfigs: (clusterId: string, brokerId: number) =>
    `/api/clusters/${seg(clusterId)}/brokers/${brokerId}/configs`,
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
  groupLagHistory: (clusterId: string, group: string) =>
    `/api/clusters/${seg(clusterId)}/groups/${seg(group)}/lag-history`,
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
  /** Server-Sent Events: a bounded scan for matching messages. */
  search: (clusterId: string, topic: string, query?: Record<string, string | number | undefined>) =>
    `/api/clusters/${seg(clusterId)}/topics/${seg(topic)}/search${toSearch(query)}`,
  /** Server-Sent Events: new messages as they arrive. */
  tail: (clusterId: string, topic: string, query?: Record<string, string | number | undefined>) =>
    `/api/clusters/${seg(clusterId)}/topics/${seg(topic)}/tail${toSearch(query)}`,
};

function toSearch(query?: Record<string, string | number | undefined>): string {
  if (!query) return '';
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== '');
  const search = new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
  return search ? `?${search}` : '';
}

function topicListSearch(query: Partial<TopicListQuery>): Record<string, string | number> {
  return changedSettings(
    Object.keys(topicListDefaults) as Array<keyof TopicListQuery>,
    topicListDefaults,
    query,
  );
}

function changedSettings<T extends Record<string, string | number | undefined>>(
  keys: ReadonlyArray<keyof T & string>,
  defaults: T,
  query: Partial<T>,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key of keys) {
    const value = query[key];
    if (value !== undefined && value !== defaults[key]) out[key] = value;
  }
  return out;
}

/**
 * The topic list settings of a screen address. Each setting is read on its own, so one bad value
 * (`?page=abc`) falls back to its default instead of discarding the others.
 */
export function parseTopicListSearch(search: URLSearchParams): TopicListQuery {
  const shape = TopicListQuerySchema.shape;
  const pick = <K extends keyof TopicListQuery>(key: K): TopicListQuery[K] => {
    const raw = search.get(key);
    if (raw === null) return topicListDefaults[key];
    const parsed = shape[key].safeParse(raw);
    return parsed.success ? (parsed.data as TopicListQuery[K]) : topicListDefaults[key];
  };
  return {
    q: pick('q'),
    internal: pick('internal'),
    sort: pick('sort'),
    dir: pick('dir'),
    page: pick('page'),
    pageSize: pick('pageSize'),
  };
}

export function parseTopicTab(value: string | null): TopicTab {
  return topicTabs.find((tab) => tab === value) ?? 'partitions';
}

/** The group list settings of a screen address, each read on its own like the topic list's. */
export function parseGroupListSearch(search: URLSearchParams): GroupListQuery {
  const shape = GroupListQuerySchema.shape;
  const pick = <K extends keyof GroupListQuery>(key: K): GroupListQuery[K] => {
    const raw = search.get(key);
    if (raw === null) return groupListDefaults[key];
    const parsed = shape[key].safeParse(raw);
    return parsed.success ? (parsed.data as GroupListQuery[K]) : groupListDefaults[key];
  };
  const query: GroupListQuery = {
    q: pick('q'),
    sort: pick('sort'),
    dir: pick('dir'),
    page: pick('page'),
    pageSize: pick('pageSize'),
  };
  const topic = pick('topic');
  if (topic) query.topic = topic;
  return query;
}

export function parseGroupTab(value: string | null): GroupTab {
  return groupTabs.find((tab) => tab === value) ?? 'partitions';
}
