'use client';

import { useQuery } from '@tanstack/react-query';
import { ActiveTab } from '@/components/alerts/active-tab';
import { ChannelsTab } from '@/components/alerts/channels-tab';
import { HistoryTab } from '@/components/alerts/history-tab';
import { RulesTab } from '@/components/alerts/rules-tab';
import { PageHeader } from '@/components/layout/page-header';
import { Skeleton } from '@/components/ui/spinner';
import { RefreshStatus } from '@/components/layout/refresh-status';
import { TabCount, TabLink, Tabs } from '@/components/ui/tabs';
import { useUrlView } from '@/components/ui/use-url-state';
import { timeAgo } from '@/lib/format/duration';
import { paths } from '@/lib/paths';
import { alertsOverviewOptions } from '@/lib/query/alerts';
import { alertsPageView, type AlertTab } from '@/lib/url-state/pages';

const panelId = 'alerts-tab-panel';
const tabLabels: Record<AlertTab, string> = {
  rules: 'Rules',
  active: 'Active',
  history: 'History',
  channels: 'Channels',
};

export function AlertsView() {
  const { state } = useUrlView(alertsPageView);
  const overview = useQuery(alertsOverviewOptions());
  const firing = overview.data?.active.filter((a) => a.status === 'firing').length;
  const evaluatedAt = overview.data?.evaluatedAt ?? null;

  return (
    <div className="space-y-5" data-testid="alerts-page">
      <PageHeader
        title="Alerts"
        description={
          evaluatedAt === null
            ? 'Rules are evaluated after each minute’s lag sample, by the console that samples.'
            : `Rules last evaluated ${timeAgo(evaluatedAt, overview.dataUpdatedAt)}.`
        }
        actions={<RefreshStatus query={overview} intervalMs={15_000} />}
      />
      <Tabs label="Alert sections">
        {(Object.keys(tabLabels) as AlertTab[]).map((tab) => (
          <TabLink
            key={tab}
            href={paths.alerts({ tab })}
            selected={state.tab === tab}
            panelId={panelId}
            data-testid={`alerts-tab-${tab}`}
          >
            {tabLabels[tab]}
            {tab === 'rules' && overview.data && <TabCount>{overview.data.rules.length}</TabCount>}
            {tab === 'active' && firing !== undefined && firing > 0 && <TabCount>{firing}</TabCount>}
          </TabLink>
        ))}
      </Tabs>
      <div role="tabpanel" id={panelId} aria-label={tabLabels[state.tab]}>
        {state.tab === 'rules' ? (
          <RulesTab query={overview} />
        ) : state.tab === 'active' ? (
          <ActiveTab query={overview} />
        ) : state.tab === 'history' ? (
          <HistoryTab ruleId={state.rule ?? null} rules={overview.data?.rules ?? []} />
        ) : (
          <ChannelsTab />
        )}
      </div>
    </div>
  );
}

/** The shell while a slow store answers the page's first read. */
export function AlertsLoading() {
  return (
    <div className="space-y-5">
      <PageHeader title="Alerts" description="Reading the rules and their states…" />
      <Skeleton className="h-48 w-full rounded-lg" />
    </div>
  );
}
