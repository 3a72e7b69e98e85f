import { TabCount, TabLink, Tabs } from '@/components/ui/tabs';
import { formatCount } from '@/lib/format/count';
import { paths } from '@/lib/paths';
import type { TopicTab } from '@/lib/url-state/pages';

export const topicPanelId = 'topic-tab-panel';

export function TopicTabs({
  clusterId,
  topic,
  current,
  partitions,
}: {
  clusterId: string;
  topic: string;
  current: TopicTab;
  partitions?: number;
}) {
  return (
    <Tabs label="Topic sections">
      <TabLink
        href={paths.topic(clusterId, topic, 'partitions')}
        selected={current === 'partitions'}
        panelId={topicPanelId}
        data-testid="tab-partitions"
      >
        Partitions
        {partitions !== undefined && <TabCount>{formatCount(partitions)}</TabCount>}
      </TabLink>
      <TabLink
        href={paths.topic(clusterId, topic, 'messages')}
        selected={current === 'messages'}
        panelId={topicPanelId}
        data-testid="tab-messages"
      >
        Messages
      </TabLink>
      <TabLink
        href={paths.topic(clusterId, topic, 'configuration')}
        selected={current === 'configuration'}
        panelId={topicPanelId}
        data-testid="tab-configuration"
      >
        Configuration
      </TabLink>
      <TabLink
        href={paths.topic(clusterId, topic, 'consumers')}
        selected={current === 'consumers'}
        panelId={topicPanelId}
        data-testid="tab-consumers"
      >
        Consumers
      </TabLink>
      <TabLink
        href={paths.topic(clusterId, topic, 'access')}
        selected={current === 'access'}
        panelId={topicPanelId}
        data-testid="tab-access"
      >
        Access
      </TabLink>
    </Tabs>
  );
}
