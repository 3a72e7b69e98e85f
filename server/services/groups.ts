import 'server-only';
import type {
  GroupDetail,
  GroupList,
  GroupListQuery,
  GroupPartition,
  GroupSummary,
} from '@/lib/schemas/group';
import type { ClusterConfig } from '@/server/config/schema';
import { kafka, partitionKey, type GroupEntry } from '@/server/kafka';
import { getGroupSnapshot, type GroupSnapshot } from '@/server/services/group-snapshot';
import { findGroup } from '@/server/services/resolve';
import { groupHealth } from '@/server/services/lag-health';
import { lagHistory } from '@/server/services/lag-history';
import { markShown } from '@/server/services/lag-sampler';
import { forecastGroup } from '@/server/services/lag-forecasts';

const unknownForecast = {
  catchUp: { state: 'unknown' },
  loss: { state: 'unknown' },
  consumeRate: null,
  produceRate: null,
} as const;
import { liveView } from '@/server/services/cache';
import { LIVE_REFRESH_MS, topologyOf } from '@/server/services/snapshot';
import { addTimeLags, isLagging, partitionLags } from '@/server/services/group-lag';
import { timeLags } from '@/server/services/time-lag';

/** A group's lag figures and health from a snapshot (members unknown until described). */
export function summarizeGroup(
  cluster: ClusterConfig,
  g: GroupEntry,
  snapshot: GroupSnapshot,
  topic?: string,
) {
  const lags = partitionLags(snapshot.committed.get(g.groupId), snapshot.watermarks, topic);
  const known = lags.filter((l) => l.lag !== null).map((l) => l.lag!);
  const summary: GroupSummary = {
    groupId: g.groupId,
    state: g.state,
    protocolType: g.protocolType,
    type: g.type,
    coordinator: g.coordinator,
    members: null,
    topics: [...new Set(lags.map((l) => l.topic))].sort(),
    totalLag: known.length ? known.reduce((s, l) => s + l, 0) : null,
    maxLag: known.length ? Math.max(...known) : null,
    expiredPartitions: lags.filter((l) => l.expired).length,
    maxTimeLagMs: null,
    health: 'unknown',
  };
  summary.health = groupHealth({ ...summary, history: lagHistory(cluster.id, g.groupId) });
  return { summary, lags };
}

function compare(sort: GroupListQuery['sort'], dir: GroupListQuery['dir']) {
  const sign = dir === 'asc' ? 1 : -1;
  return (a: GroupSummary, b: GroupSummary) => {
    const x = a[sort];
    const y = b[sort];
    if (x === y) return a.groupId < b.groupId ? -1 : 1;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * sign;
  };
}

const views = (cluster: ClusterConfig) => `${cluster.id}/view/groups/`;

/** One page of groups, kept fresh while it is polled (see liveView). */
export const listGroups = (cluster: ClusterConfig, query: GroupListQuery): Promise<GroupList> =>
  liveView(views(cluster), `list?${JSON.stringify(query)}`, LIVE_REFRESH_MS, () =>
    loadGroups(cluster, query),
  );

/** One group, kept fresh while its page polls it. */
export const getGroup = (cluster: ClusterConfig, groupId: string): Promise<GroupDetail> =>
  liveView(views(cluster), `one/${groupId}`, LIVE_REFRESH_MS, () => loadGroup(cluster, groupId));

/** One page of groups, sorted across all of them; only the page's groups are described (members). */
async function loadGroups(cluster: ClusterConfig, query: GroupListQuery): Promise<GroupList> {
  // Kept live itself, the page takes a snapshot at most a second old: the two ages do not add up.
  const snapshot = await getGroupSnapshot(cluster, { maxAgeMs: 1_000 });
  const needle = query.q.toLowerCase();
  const matching = snapshot.groups
    .filter((g) => !needle || g.groupId.toLowerCase().includes(needle))
    .map((g) => summarizeGroup(cluster, g, snapshot, query.topic).summary)
    .filter((s) => !query.topic || s.topics.length > 0);
  // Sorting by time lag needs it for every group: fewer partitions per group then, and a cap in all.
  const byTime = query.sort === 'maxTimeLagMs';
  if (byTime) await addTimeLags(cluster, snapshot, matching, 5, 1_000, query.topic);
  matching.sort(compare(query.sort, query.dir));
  const start = (query.page - 1) * query.pageSize;
  const page = matching.slice(start, start + query.pageSize);
  if (!byTime) await addTimeLags(cluster, snapshot, page, 20, 1_000, query.topic);
  markShown(
    cluster,
    page.map((s) => s.groupId),
  );
  const entries = page.map((s) => snapshot.groups.find((g) => g.groupId === s.groupId)!);
  const described = await kafka(cluster).describeGroups(entries);
  for (const s of page) {
    const d = described.get(s.groupId);
    if (!d || d.unsupported) continue;
    s.members = d.members.length;
    s.state = d.state || s.state;
    s.health = groupHealth({ ...s, history: lagHistory(cluster.id, s.groupId) });
  }
  return { items: page, total: matching.length, page: query.page, pageSize: query.pageSize };
}

async function loadGroup(cluster: ClusterConfig, groupId: string): Promise<GroupDetail> {
  const gateway = kafka(cluster);
  // The group is described while its topics' watermarks are read.
  const {
    snapshot,
    entry,
    extra: described,
  } = await findGroup(cluster, groupId, [], (e) => gateway.describeGroups([e]).then((d) => d.get(groupId)));
  markShown(cluster, [groupId], true);
  const { summary, lags } = summarizeGroup(cluster, entry, snapshot);
  // Lagging partitions (capped, the detail page must stay cheap) get a time lag: one peek per leader.
  const lagging = lags
    .filter(isLagging)
    .sort((a, b) => b.lag! - a.lag!)
    .slice(0, 200)
    .map((l) => ({ topic: l.topic, partition: l.partition, committed: l.committed! }));
  const timeLag = await timeLags(gateway, snapshot.topology.topics, lagging).catch(
    () => new Map<string, number>(),
  );
  // A coordinator without the type's describe API leaves the group as ListGroups and OffsetFetch tell it.
  const known = described && !described.unsupported ? described : undefined;
  const members = known?.members ?? [];
  const owner = new Map<string, { memberId: string; clientId: string }>();
  for (const m of members)
    for (const a of m.assignments) for (const p of a.partitions) owner.set(partitionKey(a.topic, p), m);

  // Assigned partitions without a commit yet still belong in the table, with their watermarks.
  const committedKeys = new Set(lags.map((l) => partitionKey(l.topic, l.partition)));
  const assignedOnly = members
    .flatMap((m) => m.assignments.flatMap((a) => a.partitions.map((p) => ({ topic: a.topic, partition: p }))))
    .filter((p) => !committedKeys.has(partitionKey(p.topic, p.partition)));
  let extra = new Map<string, { low: number; high: number }>();
  if (assignedOnly.length > 0) {
    const names = [...new Set(assignedOnly.map((p) => p.topic))];
    const topology = await topologyOf(cluster, names);
    extra = (await gateway.watermarks(topology.topics.filter((t) => names.includes(t.name)))).offsets;
  }
  const rows: Omit<GroupPartition, 'forecast'>[] = [
    ...lags.map((l) => ({
      ...l,
      health: l.expired ? ('expired' as const) : l.lag === 0 ? ('caught_up' as const) : ('lagging' as const),
    })),
    ...assignedOnly.map((p) => {
      const marks = extra.get(partitionKey(p.topic, p.partition));
      return {
        ...p,
        committed: null,
        low: marks?.low ?? null,
        high: marks?.high ?? null,
        lag: null,
        health: 'unknown' as const,
      };
    }),
  ]
    .map((r) => ({
      topic: r.topic,
      partition: r.partition,
      timeLagMs: r.lag === 0 ? 0 : (timeLag.get(partitionKey(r.topic, r.partition)) ?? null),
      committedOffset: r.committed,
      logStartOffset: r.low,
      logEndOffset: r.high,
      lag: r.lag,
      memberId: owner.get(partitionKey(r.topic, r.partition))?.memberId ?? null,
      clientId: owner.get(partitionKey(r.topic, r.partition))?.clientId ?? null,
      health: r.health,
    }))
    .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));

  const topicTotals = [...new Set(rows.map((r) => r.topic))].map((topic) => {
    const of = rows.filter((r) => r.topic === topic);
    const lagsOf = of.filter((r) => r.lag !== null).map((r) => r.lag!);
    const timesOf = of.filter((r) => r.timeLagMs !== null).map((r) => r.timeLagMs!);
    return {
      topic,
      partitions: of.length,
      totalLag: lagsOf.length ? lagsOf.reduce((s, l) => s + l, 0) : null,
      maxLag: lagsOf.length ? Math.max(...lagsOf) : null,
      maxTimeLagMs: timesOf.length ? Math.max(...timesOf) : null,
    };
  });
  const forecasts = await forecastGroup(
    cluster,
    groupId,
    rows,
    snapshot.topology,
    lagHistory(cluster.id, groupId),
  );
  const detail: GroupDetail = {
    ...summary,
    state: known?.state || summary.state,
    // Unknown, not 0, for a group no API here could describe: 0 would read as "nobody consumes".
    members: known ? members.length : null,
    protocol: known?.protocol ?? null,
    groupEpoch: known?.groupEpoch ?? null,
    assignmentEpoch: known?.assignmentEpoch ?? null,
    memberList: members,
    topology: known?.topology ?? null,
    unsupported: described?.unsupported ?? null,
    partitions: rows.map((r) => ({
      ...r,
      forecast: forecasts.partitions.get(partitionKey(r.topic, r.partition)) ?? unknownForecast,
    })),
    forecast: forecasts.group,
    topicTotals,
    maxTimeLagMs: rows.some((r) => r.timeLagMs !== null)
      ? Math.max(...rows.map((r) => r.timeLagMs ?? 0))
      : null,
  };
  detail.health = groupHealth({ ...detail, history: lagHistory(cluster.id, groupId) });
  return detail;
}
