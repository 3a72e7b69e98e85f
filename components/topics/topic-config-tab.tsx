'use client';

import { useQuery } from '@tanstack/react-query';
import { ConfigList } from '@/components/configs/config-list';
import { EditableConfigRow } from '@/components/topics/editable-config-row';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { isTopicOverride } from '@/lib/format/config';
import { topicConfigsOptions } from '@/lib/query/topics';

export function TopicConfigTab({
  clusterId,
  topic,
  internal,
}: {
  clusterId: string;
  topic: string;
  internal: boolean;
}) {
  const configs = useQuery(topicConfigsOptions(clusterId, topic));
  return (
    <QueryView query={configs} loading={<Skeleton className="h-64 w-full rounded-lg" />}>
      {(data) => (
        <ConfigList
          configs={data.configs}
          isOverride={isTopicOverride}
          actionsHeader={!internal}
          renderRow={
            internal
              ? undefined
              : (entry, override) => (
                  <EditableConfigRow clusterId={clusterId} topic={topic} entry={entry} override={override} />
                )
          }
        />
      )}
    </QueryView>
  );
}
