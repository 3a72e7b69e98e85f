import { StatCard } from '@/components/ui/card';
import { formatBytes } from '@/lib/format/bytes';
import { compactCount, formatCount } from '@/lib/format/count';
import { plural } from '@/lib/format/text';
import type { TopicDetail } from '@/lib/schemas/topic';

export function TopicStats({ topic }: { topic: TopicDetail }) {
  const leaders = new Set(topic.partitionDetails.flatMap((p) => (p.leader === null ? [] : [p.leader]))).size;
  return (
    <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="topic-stats">
      <StatCard
        label="Partitions"
        value={formatCount(topic.partitions)}
        detail={`leaders on ${plural(leaders, 'broker')}`}
        data-testid="topic-partitions"
      />
      <StatCard
        label="Replication factor"
        value={topic.replicationFactor}
        detail="copies of each partition"
        data-testid="topic-rf"
      />
      <MessagesCard topic={topic} />
      <StatCard
        label="Size"
        value={formatBytes(topic.sizeBytes)}
        detail="on disk, all replicas"
        data-testid="topic-size"
      />
      <StatCard
        label="Under-replicated"
        data-testid="topic-under-replicated"
        tone={topic.offlinePartitions > 0 ? 'danger' : topic.underReplicated > 0 ? 'warning' : 'neutral'}
        value={formatCount(topic.underReplicated)}
        detail={
          topic.offlinePartitions > 0
            ? `${formatCount(topic.offlinePartitions)} partition(s) offline`
            : topic.underReplicated > 0
              ? 'partitions with replicas out of sync'
              : 'every replica in sync'
        }
      />
    </div>
  );
}

/** With a partition offline its watermarks are unknown: show what the readable partitions hold, and say so. */
function MessagesCard({ topic }: { topic: TopicDetail }) {
  const unknown = topic.partitionDetails.filter((p) => p.messages === null).length;
  const known =
    topic.messages ??
    (unknown < topic.partitionDetails.length
      ? topic.partitionDetails.reduce((sum, p) => sum + (p.messages ?? 0), 0)
      : null);
  return (
    <StatCard
      label="Messages"
      data-testid="topic-messages"
      data-value={topic.messages ?? undefined}
      value={
        <span title={formatCount(known)}>
          {topic.messages === null && known !== null ? '≥ ' : ''}
          {known !== null && known >= 1e6 ? compactCount(known) : formatCount(known)}
        </span>
      }
      detail={
        topic.messages === null && unknown > 0
          ? `${plural(unknown, 'partition')} unreadable`
          : 'high minus low watermarks'
      }
    />
  );
}
