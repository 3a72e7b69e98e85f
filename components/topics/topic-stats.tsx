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
      <StatCard
        label="Messages"
        data-testid="topic-messages"
        data-value={topic.messages ?? undefined}
        value={
          <span title={formatCount(topic.messages)}>
            {topic.messages !== null && topic.messages >= 1e6
              ? compactCount(topic.messages)
              : formatCount(topic.messages)}
          </span>
        }
        detail="high minus low watermarks"
      />
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
