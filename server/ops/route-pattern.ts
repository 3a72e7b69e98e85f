import 'server-only';

/**
 * Every API route, as its folder under app/api names it. Metrics and access logs label requests
 * by these patterns, never by raw paths, so a topic or group name cannot create a new series.
 * A unit test keeps this list equal to the route files.
 */
export const API_ROUTES = [
  '/api/alerts',
  '/api/alerts/channels',
  '/api/alerts/channels/[channel]',
  '/api/alerts/channels/[channel]/test',
  '/api/alerts/history',
  '/api/alerts/rules',
  '/api/alerts/rules/[ruleId]',
  '/api/alerts/silences',
  '/api/alerts/silences/[silenceId]',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/me',
  '/api/auth/oidc/callback',
  '/api/auth/oidc/start',
  '/api/auth/options',
  '/api/clusters',
  '/api/clusters/[clusterId]/broker-configs/[scope]',
  '/api/clusters/[clusterId]/acls',
  '/api/clusters/[clusterId]/acls/delete',
  '/api/clusters/[clusterId]/brokers',
  '/api/clusters/[clusterId]/brokers/[brokerId]',
  '/api/clusters/[clusterId]/brokers/[brokerId]/configs',
  '/api/clusters/[clusterId]/connect',
  '/api/clusters/[clusterId]/connect/[connect]/connectors',
  '/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]',
  '/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/offsets',
  '/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/pause',
  '/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/restart',
  '/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/resume',
  '/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/stop',
  '/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/tasks/[task]/restart',
  '/api/clusters/[clusterId]/connect/[connect]/plugins',
  '/api/clusters/[clusterId]/connect/[connect]/plugins/[plugin]/config',
  '/api/clusters/[clusterId]/connect/[connect]/plugins/[plugin]/validate',
  '/api/clusters/[clusterId]/groups',
  '/api/clusters/[clusterId]/groups/[group]',
  '/api/clusters/[clusterId]/groups/[group]/offsets/[topic]',
  '/api/clusters/[clusterId]/groups/[group]/reset-offsets',
  '/api/clusters/[clusterId]/elections',
  '/api/clusters/[clusterId]/lag-history',
  '/api/clusters/[clusterId]/overview',
  '/api/clusters/[clusterId]/quorum',
  '/api/clusters/[clusterId]/quotas',
  '/api/clusters/[clusterId]/reassignments',
  '/api/clusters/[clusterId]/reassignments/cancel',
  '/api/clusters/[clusterId]/reassignments/plan',
  '/api/clusters/[clusterId]/reassignments/throttles',
  '/api/clusters/[clusterId]/schema-registry/config',
  '/api/clusters/[clusterId]/schema-registry/subject-list',
  '/api/clusters/[clusterId]/schema-registry/subjects',
  '/api/clusters/[clusterId]/schema-registry/subjects/[subject]',
  '/api/clusters/[clusterId]/schema-registry/subjects/[subject]/compatibility',
  '/api/clusters/[clusterId]/schema-registry/subjects/[subject]/config',
  '/api/clusters/[clusterId]/schema-registry/subjects/[subject]/versions',
  '/api/clusters/[clusterId]/schema-registry/subjects/[subject]/versions/[version]',
  '/api/clusters/[clusterId]/scram-users',
  '/api/clusters/[clusterId]/scram-users/[user]',
  '/api/clusters/[clusterId]/topics',
  '/api/clusters/[clusterId]/topics/[topic]',
  '/api/clusters/[clusterId]/topics/[topic]/configs',
  '/api/clusters/[clusterId]/topics/[topic]/messages',
  '/api/clusters/[clusterId]/topics/[topic]/messages/[partition]/[offset]',
  '/api/clusters/[clusterId]/topics/[topic]/partitions',
  '/api/clusters/[clusterId]/topics/[topic]/producers',
  '/api/clusters/[clusterId]/topics/[topic]/purge',
  '/api/clusters/[clusterId]/topics/[topic]/subjects',
  '/api/clusters/[clusterId]/topics/[topic]/search',
  '/api/clusters/[clusterId]/topics/[topic]/tail',
  '/api/clusters/[clusterId]/transactions',
  '/api/clusters/[clusterId]/transactions/abort',
  '/api/clusters/[clusterId]/transactions/hanging',
  '/api/clusters/[clusterId]/transactions/ids/[transactionalId]',
  '/api/health',
  '/api/health/ready',
  '/api/metrics',
] as const;

const compiled = API_ROUTES.map((pattern) => ({
  pattern,
  segments: pattern.split('/').filter(Boolean),
  // Static segments first: `/groups/[group]` must not swallow `/groups/x/reset-offsets` by length alone.
  staticCount: pattern.split('/').filter((s) => s && !s.startsWith('[')).length,
})).sort((a, b) => b.staticCount - a.staticCount);

/** The route pattern a path belongs to, or "unmatched" (one label for every unknown path). */
export function routePattern(pathname: string): string {
  const parts = pathname.split('/').filter(Boolean);
  const found = compiled.find(
    ({ segments }) =>
      segments.length === parts.length && segments.every((s, i) => s.startsWith('[') || s === parts[i]),
  );
  return found?.pattern ?? 'unmatched';
}
