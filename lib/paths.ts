/** URL builders for every screen and API resource, so links and fetches never hand-assemble paths. */
const seg = encodeURIComponent;

export const paths = {
  home: () => '/',
  cluster: (clusterId: string) => `/clusters/${seg(clusterId)}`,
  brokers: (clusterId: string) => `/clusters/${seg(clusterId)}/brokers`,
  topics: (clusterId: string) => `/clusters/${seg(clusterId)}/topics`,
  topic: (clusterId: string, topic: string) => `/clusters/${seg(clusterId)}/topics/${seg(topic)}`,
  groups: (clusterId: string) => `/clusters/${seg(clusterId)}/groups`,
  group: (clusterId: string, group: string) => `/clusters/${seg(clusterId)}/groups/${seg(group)}`,
};

export const apiPaths = {
  health: () => '/api/health',
  clusters: () => '/api/clusters',
  brokers: (clusterId: string) => `/api/clusters/${seg(clusterId)}/brokers`,
};
