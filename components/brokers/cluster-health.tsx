import { cx } from '@/components/ui/cx';
import { IconAlert, IconCheck } from '@/components/ui/icons';
import type { ClusterOverview } from '@/lib/schemas/overview';

/** One line that says whether all is well, and if not, the list of what is wrong. */
export function ClusterHealth({ data }: { data: ClusterOverview }) {
  const healthy = data.status === 'healthy';
  const Icon = healthy ? IconCheck : IconAlert;
  return (
    <div
      data-testid="cluster-health"
      data-status={data.status}
      data-kafka-status={data.kafkaStatus}
      role="status"
      className={cx(
        'flex items-start gap-3 rounded-lg border px-4 py-3',
        healthy
          ? 'border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900/70 dark:bg-emerald-950/30 dark:text-emerald-200'
          : 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200',
      )}
    >
      <Icon className="mt-0.5 size-5 shrink-0" />
      <div className="min-w-0">
        <p className="font-semibold">{healthy ? 'Healthy' : 'Degraded'}</p>
        {healthy ? (
          <p className="text-emerald-800/90 dark:text-emerald-300/80">
            All brokers are online and every partition has a leader and a full set of in-sync replicas
            {data.connect.length > 0 && '; no connector has failed'}.
          </p>
        ) : (
          <ul className="mt-0.5 list-disc space-y-0.5 pl-4" data-testid="cluster-problems">
            {data.problems.length > 0 ? (
              data.problems.map((problem) => <li key={problem}>{problem}</li>)
            ) : (
              <li>The cluster reported a problem without details.</li>
            )}
          </ul>
        )}
      </div>
    </div>
  );
}
