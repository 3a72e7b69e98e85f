import { StatCard } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/spinner';
import { compactCount, formatCount } from '@/lib/format/count';
import { hostPort, plural } from '@/lib/format/text';
import type { Broker } from '@/lib/schemas/broker';
import type { ClusterOverview } from '@/lib/schemas/overview';

const controllerNote = { kraft: 'KRaft quorum leader', zookeeper: 'ZooKeeper controller' } as const;
const modeName = { kraft: 'KRaft', zookeeper: 'ZooKeeper' } as const;

function Count({ value }: { value: number }) {
  return (
    <span title={formatCount(value)}>{value >= 100_000 ? compactCount(value) : formatCount(value)}</span>
  );
}

/** The figures of the overview; `brokers` (when loaded) names the controller's address. */
export function ClusterStats({ data, brokers }: { data: ClusterOverview; brokers?: Broker[] }) {
  const controller = brokers?.find((b) => b.id === data.controllerId);
  const offline = data.offlineBrokerIds;
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <StatCard
        data-testid="stat-brokers-online"
        label="Brokers online"
        tone={offline.length > 0 ? 'danger' : 'neutral'}
        value={`${data.brokersOnline} / ${data.brokersTotal}`}
        detail={
          offline.length > 0 ? (
            <span className="text-red-700 dark:text-red-300">
              offline: {offline.map((id) => `node ${id}`).join(', ')}
            </span>
          ) : (
            'all brokers online'
          )
        }
      />
      <StatCard
        data-testid="stat-controller"
        label="Controller"
        tone={data.controllerId === null ? 'danger' : 'neutral'}
        value={data.controllerId === null ? 'None' : `Node ${data.controllerId}`}
        detail={
          data.controllerId === null ? (
            'no active controller reported'
          ) : (
            <>
              {controller?.host && (
                <>
                  <span className="font-mono">{hostPort(controller.host, controller.port)}</span>
                  {' · '}
                </>
              )}
              {controllerNote[data.controllerMode]}
            </>
          )
        }
      />
      <StatCard
        data-testid="stat-topics"
        label="Topics"
        value={<Count value={data.topics} />}
        detail={
          data.internalTopics > 0
            ? `${plural(data.internalTopics, 'internal topic')} among them`
            : 'no internal topics'
        }
      />
      <StatCard
        data-testid="stat-partitions"
        label="Partitions"
        value={<Count value={data.partitions} />}
        detail="in all topics, internal included"
      />
      <StatCard
        data-testid="stat-under-replicated"
        label="Under-replicated"
        tone={data.underReplicatedPartitions > 0 ? 'warning' : 'neutral'}
        value={<Count value={data.underReplicatedPartitions} />}
        detail={
          data.underReplicatedPartitions > 0
            ? 'partitions with replicas out of sync'
            : 'every replica in sync'
        }
      />
      <StatCard
        data-testid="stat-offline-partitions"
        label="Offline partitions"
        tone={data.offlinePartitions > 0 ? 'danger' : 'neutral'}
        value={<Count value={data.offlinePartitions} />}
        detail={data.offlinePartitions > 0 ? 'partitions without a leader' : 'every partition has a leader'}
      />
      <StatCard
        data-testid="stat-kafka-version"
        label="Kafka version"
        value={data.kafkaVersion ?? <span className="text-zinc-400 dark:text-zinc-500">unknown</span>}
        detail={`${modeName[data.controllerMode]} mode`}
      />
      <StatCard
        data-testid="stat-cluster-id"
        label="Cluster ID"
        value={<span className="font-mono text-base select-all">{data.clusterId ?? '—'}</span>}
        detail="as the brokers report it"
      />
    </div>
  );
}

export function ClusterStatsSkeleton() {
  const labels = [
    'Brokers online',
    'Controller',
    'Topics',
    'Partitions',
    'Under-replicated',
    'Offline partitions',
  ];
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-busy="true">
      {[...labels, 'Kafka version', 'Cluster ID'].map((label) => (
        <StatCard
          key={label}
          label={label}
          value={<Skeleton className="my-1 h-5 w-24" />}
          detail={<Skeleton className="h-3 w-32" />}
        />
      ))}
    </div>
  );
}
