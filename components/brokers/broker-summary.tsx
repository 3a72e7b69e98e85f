import { BrokerRoles, BrokerStatusBadge } from '@/components/brokers/broker-table';
import { StatCard } from '@/components/ui/card';
import { formatBytes } from '@/lib/format/bytes';
import { formatCount } from '@/lib/format/count';
import { hostPort } from '@/lib/format/text';
import type { BrokerDetail } from '@/lib/schemas/broker';

export function BrokerSummary({ broker }: { broker: BrokerDetail }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="broker-summary">
      <StatCard
        label="Address"
        value={
          <span className="font-mono text-base">
            {broker.host ? hostPort(broker.host, broker.port) : '—'}
          </span>
        }
        detail={
          <span className="inline-flex items-center gap-1.5">
            <BrokerStatusBadge online={broker.online} />
            <BrokerRoles broker={broker} />
          </span>
        }
      />
      <StatCard
        label="Rack"
        value={broker.rack ?? <span className="text-zinc-400 dark:text-zinc-500">none</span>}
        detail={broker.rack ? 'broker.rack' : 'no rack assigned'}
      />
      <StatCard
        label="Partitions"
        value={formatCount(broker.replicas)}
        detail={`replicas hosted · leader of ${formatCount(broker.partitionsLed)}`}
      />
      <StatCard
        label="Log dirs size"
        value={formatBytes(broker.logDirBytes)}
        detail={
          broker.logDirBytes === null ? 'the broker did not answer' : `in ${broker.logDirs.length} log dir(s)`
        }
      />
    </div>
  );
}
