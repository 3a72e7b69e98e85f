'use client';

import Link from 'next/link';
import { LagChartPanel } from '@/components/charts/lag-chart-panel';
import { GroupSeriesPicker } from '@/components/groups/lag-series-picker';
import { Card } from '@/components/ui/card';
import { useUrlView } from '@/components/ui/use-url-state';
import { paths } from '@/lib/paths';
import type { GroupDetail } from '@/lib/schemas/group';
import { groupLagView, groupTokenSpec } from '@/lib/url-state/lag';

/**
 * The group's lag over time from the store: its total, topics or partitions, over a range or a
 * zoom, all in the address (`?tab=lag&range=24h&series=*,orders`), with a way to put it beside
 * other groups on the compare page.
 */
export function LagPanel({
  clusterId,
  groupId,
  group,
}: {
  clusterId: string;
  groupId: string;
  group: GroupDetail | undefined;
}) {
  const { state, set } = useUrlView(groupLagView);
  const specs = state.series.map((token) => groupTokenSpec(groupId, token));
  const { series: _series, ...chart } = state;

  return (
    <Card className="p-4" data-testid="lag-panel">
      <LagChartPanel
        clusterId={clusterId}
        specs={specs}
        state={state}
        onChange={set}
        withGroup={false}
        height={280}
        emptyText="No lag recorded in this window yet. Every group is sampled once a minute, and every 5 s while its page is open; partitions from when the group's page is opened."
        tools={
          <>
            <GroupSeriesPicker group={group} selected={state.series} onChange={(series) => set({ series })} />
            <Link
              href={paths.lag(clusterId, { ...chart, series: specs })}
              prefetch={false}
              className="text-accent-700 dark:text-accent-300 px-1 text-xs font-medium hover:underline"
              data-testid="lag-compare-link"
            >
              Compare with other groups
            </Link>
          </>
        }
      />
    </Card>
  );
}
