import Link from 'next/link';
import { GroupType } from '@/components/groups/group-table';
import { Alert } from '@/components/ui/alert';
import { StatCard, type StatTone } from '@/components/ui/card';
import { formatCount } from '@/lib/format/count';
import { formatDuration } from '@/lib/format/duration';
import { catchUpText, lossText } from '@/lib/format/forecast';
import { plural } from '@/lib/format/text';
import { paths } from '@/lib/paths';
import type { GroupDetail } from '@/lib/schemas/group';

const lagTone: Partial<Record<GroupDetail['health'], StatTone>> = { expired: 'danger', stalled: 'warning' };

export function GroupStats({ clusterId, group }: { clusterId: string; group: GroupDetail }) {
  return (
    <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="group-stats">
      <StatCard
        label="Total lag"
        tone={lagTone[group.health] ?? 'neutral'}
        value={
          <span data-testid="group-total-lag" data-value={group.totalLag ?? undefined}>
            {formatCount(group.totalLag)}
          </span>
        }
        detail={
          group.maxLag === null
            ? 'no committed offsets'
            : group.maxLag === 0
              ? 'every partition caught up'
              : `at most ${formatCount(group.maxLag)} on one partition` +
                (group.maxTimeLagMs
                  ? ` · oldest unread message ${formatDuration(Math.round(group.maxTimeLagMs / 1000) * 1000 || group.maxTimeLagMs)} old`
                  : '')
        }
      />
      <StatCard
        label="Members"
        value={<span data-testid="group-members-count">{formatCount(group.members)}</span>}
        detail={
          group.members === null
            ? group.unsupported
              ? `the cluster cannot describe ${group.type ?? 'such'} groups`
              : `the console cannot list a ${group.type ?? 'such'} group's members`
            : group.type === 'streams' && group.members
              ? `stream threads of ${plural(new Set(group.memberList.map((m) => m.streams?.processId)).size, 'instance')}`
              : group.members
                ? 'consumers in the group'
                : 'no consumer is connected'
        }
      />
      <StatCard
        label="Topics"
        value={formatCount(group.topicTotals.length)}
        detail={plural(group.partitions.length, 'partition')}
      />
      <StatCard
        label="Coordinator"
        value={
          <Link
            prefetch={false}
            href={paths.broker(clusterId, group.coordinator)}
            className="hover:text-accent-700 dark:hover:text-accent-300 hover:underline"
            data-testid="group-coordinator"
          >
            Broker {group.coordinator}
          </Link>
        }
        detail="runs joins and commits"
      />
      <StatCard
        label="Protocol"
        value={<GroupType group={group} />}
        detail={
          `assignor: ${group.protocol || '—'}` +
          (group.groupEpoch !== null ? ` · epoch ${group.groupEpoch}` : '') +
          (group.assignmentEpoch !== null && group.assignmentEpoch !== group.groupEpoch
            ? ` (target ${group.assignmentEpoch})`
            : '')
        }
      />
    </div>
  );
}

/**
 * Where the group is heading at its pace over the last minutes: when it catches up (its slowest
 * partition), and when retention starts deleting what it has not read.
 */
export function GroupForecast({ group }: { group: GroupDetail }) {
  const { forecast } = group;
  const catching = catchUpText(forecast.catchUp);
  const loss = lossText(forecast.loss);
  if (!catching && !loss) {
    if (group.totalLag === 0 || group.totalLag === null) return null;
    return (
      <p
        className="text-sm text-zinc-500 dark:text-zinc-400"
        data-testid="group-forecast"
        data-state="unknown"
      >
        Forecast: measuring the consume and produce rates (about a minute on an open page)…
      </p>
    );
  }
  const rates =
    forecast.consumeRate !== null && forecast.produceRate !== null
      ? ` · consuming ${formatRate(forecast.consumeRate)}/s, producing ${formatRate(forecast.produceRate)}/s over the last minutes`
      : '';
  return (
    <div
      className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm"
      data-testid="group-forecast"
      data-state={forecast.catchUp.state}
    >
      {catching && (
        <span
          className={
            forecast.catchUp.state === 'falling_behind' || forecast.catchUp.state === 'not_consuming'
              ? 'font-medium text-amber-700 dark:text-amber-300'
              : 'text-zinc-700 dark:text-zinc-300'
          }
          data-testid="group-catch-up"
        >
          {catching.charAt(0).toUpperCase() + catching.slice(1)}
          <span className="font-normal text-zinc-500 dark:text-zinc-400">{rates}</span>
        </span>
      )}
      {loss && (
        <span className="font-medium text-red-700 dark:text-red-300" data-testid="group-loss-forecast">
          {loss.charAt(0).toUpperCase() + loss.slice(1)}
        </span>
      )}
    </div>
  );
}

const formatRate = (perSecond: number) =>
  perSecond >= 100 ? formatCount(Math.round(perSecond)) : perSecond.toFixed(perSecond >= 10 ? 0 : 1);

const shown = 8;

/** Retention outran the group: say which partitions lost messages, how many, and what happens next. */
export function ExpiredAlert({ group }: { group: GroupDetail }) {
  const expired = group.partitions.filter((p) => p.health === 'expired');
  if (group.health !== 'expired' && expired.length === 0) return null;
  const lost = (p: (typeof expired)[number]) =>
    p.logStartOffset !== null && p.committedOffset !== null ? p.logStartOffset - p.committedOffset : null;
  return (
    <Alert tone="danger" data-testid="expired-alert">
      <p className="font-semibold">This group lost messages it never read</p>
      <p className="mt-1">
        Retention deleted messages before the group consumed them: on{' '}
        {plural(Math.max(expired.length, group.expiredPartitions), 'partition')} the committed offset is below
        the start of the log.
      </p>
      <ul className="mt-1.5 space-y-0.5 font-mono text-xs" data-testid="expired-partitions">
        {expired.slice(0, shown).map((p) => (
          <li key={`${p.topic}-${p.partition}`}>
            {p.topic}-{p.partition}: committed {formatCount(p.committedOffset)}, log starts at{' '}
            {formatCount(p.logStartOffset)}
            {lost(p) !== null && ` — ${formatCount(lost(p))} messages gone`}
          </li>
        ))}
        {expired.length > shown && <li>… and {formatCount(expired.length - shown)} more</li>}
      </ul>
      <p className="mt-1.5 text-xs">
        When its consumers start, they jump to where <span className="font-mono">auto.offset.reset</span> says
        (the log start or its end). Reset the offsets to Earliest to continue from the oldest message still
        kept.
      </p>
    </Alert>
  );
}
