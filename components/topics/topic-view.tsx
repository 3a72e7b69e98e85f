'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { TopicSchemas } from '@/components/topics/topic-schemas';
import { RefreshStatus } from '@/components/layout/refresh-status';
import { refreshMs } from '@/components/layout/use-cluster-query';
import { AclAccessPanel } from '@/components/acls/acl-access-panel';
import { TopicConsumers } from '@/components/groups/group-consumers-table';
import { MessagesTab } from '@/components/messages/messages-tab';
import { ProduceButton } from '@/components/messages/produce-button';
import { PartitionsTable } from '@/components/topics/partitions-table';
import { TopicProducers } from '@/components/transactions/topic-producers';
import { ElectLeadersButton } from '@/components/reassign/elect-leaders-dialog';
import { TopicActions } from '@/components/topics/topic-actions';
import { TopicConfigTab } from '@/components/topics/topic-config-tab';
import { TopicStats } from '@/components/topics/topic-stats';
import { TopicTabs, topicPanelId } from '@/components/topics/topic-tabs';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { IconTopics } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useUrlView } from '@/components/ui/use-url-state';
import { describeError, isNotFound } from '@/lib/format/error';
import { decodeSegment } from '@/lib/format/text';
import { paths } from '@/lib/paths';
import { topicOptions } from '@/lib/query/topics';
import { topicPageView, type TopicTab } from '@/lib/url-state/pages';

const tabLabels: Record<TopicTab, string> = {
  partitions: 'Partitions',
  messages: 'Messages',
  configuration: 'Configuration',
  consumers: 'Consumers',
  access: 'Access',
};

export function TopicView() {
  const params = useParams<{ clusterId: string; topic: string }>();
  const clusterId = params.clusterId;
  const name = decodeSegment(params.topic);
  const tab = useUrlView(topicPageView).state.tab;
  const query = useQuery(topicOptions(clusterId, name));
  const [notice, setNotice] = useState<string | null>(null);
  const hydrated = useHydrated();
  const topic = query.data;

  if (isNotFound(query.error)) {
    return (
      <EmptyState
        icon={<IconTopics className="size-8" />}
        title={`Topic “${name}” not found`}
        data-testid="topic-not-found"
        action={
          <Link href={paths.topics(clusterId)} className={buttonClass({ variant: 'primary' })}>
            All topics
          </Link>
        }
      >
        {describeError(query.error).message}
      </EmptyState>
    );
  }

  return (
    <div data-testid="topic-detail" data-topic={name} className="space-y-5">
      <PageHeader
        title={name}
        back={{ href: paths.topics(clusterId), label: 'Topics' }}
        badges={topic?.internal && <Badge>internal</Badge>}
        actions={
          <>
            <RefreshStatus query={query} intervalMs={refreshMs(topicOptions(clusterId, name))} />
            {topic && !topic.internal && (
              <ProduceButton clusterId={clusterId} topic={name} partitions={topic.partitions} />
            )}
            {topic && (
              <ElectLeadersButton clusterId={clusterId} scope={{ kind: 'topic', topic: topic.name }} />
            )}
            {topic && <TopicActions clusterId={clusterId} topic={topic} onDone={setNotice} />}
          </>
        }
      />
      {notice && (
        <Alert tone="success" data-testid="topic-notice" onDismiss={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <QueryView query={query} loading={<Skeleton className="h-20 w-full rounded-lg" />}>
        {(data) => (
          <>
            <TopicStats topic={data} />
            <TopicSchemas clusterId={clusterId} topic={name} />
            {data.unavailableBrokers.length > 0 && (
              <Alert>
                Broker{data.unavailableBrokers.length > 1 ? 's' : ''} {data.unavailableBrokers.join(', ')} did
                not answer: offsets and sizes of their partitions are missing.
              </Alert>
            )}
          </>
        )}
      </QueryView>
      <div className="space-y-4">
        <TopicTabs clusterId={clusterId} topic={name} current={tab} partitions={topic?.partitions} />
        <div role="tabpanel" id={topicPanelId} aria-label={tabLabels[tab]}>
          {tab === 'messages' ? (
            // Drawn in the browser only: its positions are local times, and its messages are read from there.
            topic &&
            hydrated && <MessagesTab clusterId={clusterId} topic={name} partitionCount={topic.partitions} />
          ) : tab === 'access' ? (
            <AclAccessPanel clusterId={clusterId} resourceType="TOPIC" name={name} />
          ) : tab === 'consumers' ? (
            <TopicConsumers clusterId={clusterId} topic={name} />
          ) : tab === 'configuration' ? (
            <TopicConfigTab clusterId={clusterId} topic={name} internal={topic?.internal ?? false} />
          ) : (
            topic && (
              <div className="space-y-6">
                <PartitionsTable partitions={topic.partitionDetails} />
                <TopicProducers clusterId={clusterId} topic={name} />
              </div>
            )
          )}
        </div>
      </div>
    </div>
  );
}

/** The page while the server reads the topic: the Suspense fallback of the route. */
export function TopicLoading({ clusterId, name }: { clusterId: string; name: string }) {
  return (
    <div className="space-y-5">
      <PageHeader title={name} back={{ href: paths.topics(clusterId), label: 'Topics' }} />
      <Skeleton className="h-20 w-full rounded-lg" />
    </div>
  );
}
