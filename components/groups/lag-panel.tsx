'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LagChart } from '@/components/groups/lag-chart';
import { Card, StatCard } from '@/components/ui/card';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { compactCount, formatCount } from '@/lib/format/count';
import { formatDuration } from '@/lib/format/duration';
import { formatRate, lagRates, recentRates } from '@/lib/format/lag';
import { clockTime, zoneOffset } from '@/lib/format/time';
import { lagHistoryOptions } from '@/lib/query/groups';
import type { LagHistory } from '@/lib/schemas/group';

function ChartCard({ title, note, children }: { title: string; note?: ReactNode; children: ReactNode }) {
  return (
    <Card className="space-y-2 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold text-zinc-900 dark:text-zinc-100">{title}</h3>
        {note && <span className="text-xs text-zinc-500 dark:text-zinc-400">{note}</span>}
      </div>
      {children}
    </Card>
  );
}

const lagAxis = (v: number) => (v >= 10_000 ? compactCount(v) : formatCount(v));

function LagHistoryView({ history }: { history: LagHistory }) {
  const { points, intervalMs } = history;
  const rates = lagRates(points);
  const recent = recentRates(points);
  const last = points.at(-1);
  const span = points.length > 1 ? points.at(-1)!.t - points[0]!.t : 0;
  const waiting = `Collecting samples: one every ${Math.round(intervalMs / 1000)} s while the group is watched`;
  const gapMs = intervalMs * 4;

  return (
    <div className="space-y-4" data-testid="lag-panel">
      <div className="grid gap-3 sm:grid-cols-3">
        <StatCard
          label="Lag now"
          value={<span data-testid="lag-now">{formatCount(last?.totalLag)}</span>}
          detail={last ? `sampled at ${clockTime(last.t)} ${zoneOffset(last.t)}` : 'no sample yet'}
        />
        <StatCard
          label="Consuming"
          value={
            <span data-testid="consume-rate">{recent ? `${formatRate(recent.consume)} msg/s` : '—'}</span>
          }
          detail="committed offsets, last minute"
        />
        <StatCard
          label="Producing"
          value={
            <span data-testid="produce-rate">{recent ? `${formatRate(recent.produce)} msg/s` : '—'}</span>
          }
          detail="log end offsets, last minute"
        />
      </div>
      <ChartCard
        title="Total lag"
        note={
          points.length > 1
            ? `${formatCount(points.length)} samples over ${formatDuration(Math.round(span / 1000) * 1000)}`
            : undefined
        }
      >
        <LagChart
          data-testid="lag-chart"
          label="Total lag of the group over time"
          integer
          gapMs={gapMs}
          formatValue={lagAxis}
          emptyText={waiting}
          series={[
            {
              id: 'lag',
              label: 'Total lag',
              stroke: 'stroke-accent-600 dark:stroke-accent-400',
              swatch: 'bg-accent-600 dark:bg-accent-400',
              area: 'fill-accent-500',
              points: points.map((p) => ({ t: p.t, v: p.totalLag })),
            },
          ]}
        />
      </ChartCard>
      <ChartCard title="Messages per second" note="between consecutive samples">
        <LagChart
          data-testid="rate-chart"
          label="Consume and produce rates over time"
          height={160}
          gapMs={gapMs}
          formatValue={formatRate}
          emptyText={waiting}
          series={[
            {
              id: 'consume',
              label: 'Consumed (committed)',
              stroke: 'stroke-emerald-500',
              swatch: 'bg-emerald-500',
              points: rates.map((r) => ({ t: r.t, v: r.consume })),
            },
            {
              id: 'produce',
              label: 'Produced (log end)',
              stroke: 'stroke-sky-500',
              swatch: 'bg-sky-500',
              points: rates.map((r) => ({ t: r.t, v: r.produce })),
            },
          ]}
        />
      </ChartCard>
    </div>
  );
}

/** The group's lag history, sampled by the server, as a chart with the consume and produce rates. */
export function LagPanel({ clusterId, group }: { clusterId: string; group: string }) {
  const history = useQuery(lagHistoryOptions(clusterId, group));
  return (
    <QueryView query={history} loading={<Skeleton className="h-72 w-full rounded-lg" />}>
      {(data) => <LagHistoryView history={data} />}
    </QueryView>
  );
}
