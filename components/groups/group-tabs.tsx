import { TabCount, TabLink, Tabs } from '@/components/ui/tabs';
import { formatCount } from '@/lib/format/count';
import { paths } from '@/lib/paths';
import type { GroupTab } from '@/lib/url-state/pages';

export const groupPanelId = 'group-tab-panel';

const labels: Record<GroupTab, string> = {
  partitions: 'Partitions',
  members: 'Members',
  topology: 'Topology',
  lag: 'Lag over time',
  access: 'Access',
};

export function GroupTabs({
  clusterId,
  group,
  current,
  counts,
  streams,
}: {
  clusterId: string;
  group: string;
  current: GroupTab;
  counts: Partial<Record<GroupTab, number>>;
  /** A streams group: its Topology tab is shown. */
  streams: boolean;
}) {
  const tabs = (Object.keys(labels) as GroupTab[]).filter((tab) => tab !== 'topology' || streams);
  return (
    <Tabs label="Group sections">
      {tabs.map((tab) => (
        <TabLink
          key={tab}
          href={paths.group(clusterId, group, tab)}
          selected={current === tab}
          panelId={groupPanelId}
          data-testid={`tab-${tab}`}
        >
          {labels[tab]}
          {counts[tab] !== undefined && <TabCount>{formatCount(counts[tab])}</TabCount>}
        </TabLink>
      ))}
    </Tabs>
  );
}

export const groupTabLabel = (tab: GroupTab) => labels[tab];
