import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { IconTopics } from '@/components/ui/icons';
import { plural } from '@/lib/format/text';
import { paths } from '@/lib/paths';
import type { GroupDetail, StreamsTopology } from '@/lib/schemas/group';

type Subtopology = StreamsTopology['subtopologies'][number];

function TopicList({
  clusterId,
  label,
  topics,
  testId,
}: {
  clusterId: string;
  label: string;
  topics: { name: string; detail?: string }[];
  testId: string;
}) {
  if (topics.length === 0) return null;
  return (
    <div className="min-w-0" data-testid={testId}>
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {label}
      </dt>
      <dd className="mt-1 space-y-0.5">
        {topics.map((t) => (
          <div key={t.name} className="flex min-w-0 items-baseline gap-2">
            <Link
              prefetch={false}
              href={paths.topic(clusterId, t.name)}
              className="hover:text-accent-700 dark:hover:text-accent-300 truncate font-mono text-[13px] hover:underline"
              title={t.name}
              data-testid="topology-topic"
            >
              {t.name}
            </Link>
            {t.detail && (
              <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">{t.detail}</span>
            )}
          </div>
        ))}
      </dd>
    </div>
  );
}

const partitionsOf = (t: { partitions: number }) =>
  t.partitions > 0 ? plural(t.partitions, 'partition') : undefined;

/** Which tasks of the sub-topology run where: active tasks per member. */
function taskOwners(group: GroupDetail, sub: Subtopology) {
  return group.memberList
    .map((m) => ({
      member: m,
      partitions: m.streams?.tasks.active.find((t) => t.subtopology === sub.subtopologyId)?.partitions ?? [],
    }))
    .filter((o) => o.partitions.length > 0);
}

function SubtopologyCard({
  clusterId,
  group,
  sub,
}: {
  clusterId: string;
  group: GroupDetail;
  sub: Subtopology;
}) {
  const owners = taskOwners(group, sub);
  return (
    <Card className="p-4" data-testid="subtopology" data-subtopology={sub.subtopologyId}>
      <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
        Sub-topology {sub.subtopologyId}
      </h3>
      <dl className="mt-3 grid gap-x-6 gap-y-3 xl:grid-cols-2">
        <TopicList
          clusterId={clusterId}
          label="Reads (source topics)"
          testId="topology-sources"
          topics={sub.sourceTopics.map((name) => ({ name }))}
        />
        <TopicList
          clusterId={clusterId}
          label="Reads (repartition topics)"
          testId="topology-repartition-sources"
          topics={sub.repartitionSourceTopics.map((t) => ({ name: t.name, detail: partitionsOf(t) }))}
        />
        <TopicList
          clusterId={clusterId}
          label="Writes (repartition topics)"
          testId="topology-repartition-sinks"
          topics={sub.repartitionSinkTopics.map((name) => ({ name }))}
        />
        <TopicList
          clusterId={clusterId}
          label="State changelogs"
          testId="topology-changelogs"
          topics={sub.stateChangelogTopics.map((t) => ({ name: t.name, detail: partitionsOf(t) }))}
        />
      </dl>
      <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400" data-testid="topology-tasks">
        {owners.length === 0
          ? 'No member runs its tasks now.'
          : owners
              .map(
                ({ member, partitions }) =>
                  `tasks ${partitions.map((p) => `${sub.subtopologyId}_${p}`).join(', ')} on ${member.clientId}`,
              )
              .join(' · ')}
      </p>
    </Card>
  );
}

/**
 * A streams group's topology (KIP-1071): each sub-topology with the topics it reads and writes, its
 * repartition and changelog topics (which Kafka creates for the group), and the members running its
 * tasks. Task `S_p` processes partition p of sub-topology S's input topics.
 */
export function StreamsTopologyPanel({ clusterId, group }: { clusterId: string; group: GroupDetail }) {
  if (!group.topology || group.topology.subtopologies.length === 0) {
    return (
      <EmptyState
        icon={<IconTopics className="size-8" />}
        title="No topology yet"
        data-testid="topology-empty"
      >
        {group.unsupported
          ? 'The cluster cannot describe this group, so its topology is unknown.'
          : 'Kafka learns the topology from the first member that joins: none has since the group was created.'}
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3" data-testid="streams-topology">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {plural(group.topology.subtopologies.length, 'sub-topology', 'sub-topologies')} · topology epoch{' '}
        {group.topology.epoch}
      </p>
      <div className="grid gap-3">
        {group.topology.subtopologies.map((sub) => (
          <SubtopologyCard key={sub.subtopologyId} clusterId={clusterId} group={group} sub={sub} />
        ))}
      </div>
    </div>
  );
}
