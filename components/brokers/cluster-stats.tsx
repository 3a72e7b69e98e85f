import { StatCard } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/spinner';
import { hostPort, plural } from '@/lib/format/text';
import type { BrokerList } from '@/lib/schemas/broker';

const controllerNote = { kraft: 'KRaft quorum leader', zookeeper: 'ZooKeeper controller' } as const;

function rackSummary(data: BrokerList): string {
  const racks = new Set(data.brokers.flatMap((b) => (b.rack ? [b.rack] : [])));
  return racks.size === 0 ? 'no racks assigned' : `across ${plural(racks.size, 'rack')}`;
}

export function ClusterStats({ data }: { data: BrokerList }) {
  const controller = data.brokers.find((b) => b.id === data.controllerId);
  const mode = data.controllerMode === 'kraft' ? 'KRaft' : 'ZooKeeper';
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <StatCard
        data-testid="stat-brokers"
        label="Brokers online"
        value={data.brokers.length}
        detail={rackSummary(data)}
      />
      <StatCard
        data-testid="stat-controller"
        label="Controller"
        value={data.controllerId === null ? 'None' : `Node ${data.controllerId}`}
        detail={
          data.controllerId === null ? (
            'no active controller reported'
          ) : (
            <>
              <span className="font-mono">
                {controller ? hostPort(controller.host, controller.port) : 'controller-only node'}
              </span>
              {' · '}
              {controllerNote[data.controllerMode]}
            </>
          )
        }
      />
      <StatCard
        data-testid="stat-cluster-id"
        label="Cluster ID"
        value={<span className="font-mono text-base select-all">{data.clusterId ?? '—'}</span>}
        detail={`${mode} mode`}
      />
    </div>
  );
}

export function ClusterStatsSkeleton() {
  return (
    <div className="grid gap-3 sm:grid-cols-3" aria-busy="true">
      {['Brokers online', 'Controller', 'Cluster ID'].map((label) => (
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
