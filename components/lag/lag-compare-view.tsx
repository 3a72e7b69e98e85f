'use client';

import { useParams } from 'next/navigation';
import { LagChartPanel } from '@/components/charts/lag-chart-panel';
import { CompareSeriesPicker } from '@/components/lag/compare-series-picker';
import { PageHeader } from '@/components/layout/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { IconChart } from '@/components/ui/icons';
import { useUrlView } from '@/components/ui/use-url-state';
import { paths } from '@/lib/paths';
import { lagCompareView } from '@/lib/url-state/lag';

/**
 * Several groups' lag on one chart: up to 12 series (a group, one of its topics or partitions), with
 * the group page's ranges, zoom and metrics, all in the address so that a link shows the same chart.
 */
export function LagCompareView() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const { state, set } = useUrlView(lagCompareView);

  return (
    <div data-testid="lag-compare-page" className="space-y-4">
      <PageHeader
        title="Lag over time"
        back={{ href: paths.groups(clusterId), label: 'Consumer groups' }}
        description="Consumer groups, their topics or partitions side by side, from the console's lag history."
      />
      <Card className="p-4">
        <CompareSeriesPicker
          clusterId={clusterId}
          specs={state.series}
          onChange={(series) => set({ series })}
        />
      </Card>
      {state.series.length === 0 ? (
        <EmptyState
          icon={<IconChart className="size-8" />}
          title="Nothing charted yet"
          data-testid="lag-compare-empty"
        >
          Add a group above (or one of its topics) to draw its lag; up to 12 series share one chart.
        </EmptyState>
      ) : (
        <Card className="p-4">
          <LagChartPanel
            clusterId={clusterId}
            specs={state.series}
            state={state}
            onChange={set}
            withGroup
            height={360}
            emptyText="No lag recorded for these series in this window. Every group is sampled once a minute (every 5 s while a page shows it), partitions only after the group's page was opened."
          />
        </Card>
      )}
    </div>
  );
}
