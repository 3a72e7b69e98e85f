'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { DecoderSelect } from '@/components/messages/decoder-select';
import { MessageDetail } from '@/components/messages/message-detail';
import { PageHeader } from '@/components/layout/page-header';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { IconTopics } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { useUrlView } from '@/components/ui/use-url-state';
import { describeError, isNotFound } from '@/lib/format/error';
import { formatTimestamp, timeTitle, zoneOffset } from '@/lib/format/time';
import { paths } from '@/lib/paths';
import { messageOptions } from '@/lib/query/messages';
import { messageView } from '@/lib/url-state/pages';

/** One message, addressed by partition and offset, so it can be shared as a link. */
export function SingleMessage({
  clusterId,
  topic,
  partition,
  offset,
}: {
  clusterId: string;
  topic: string;
  partition: number;
  offset: number;
}) {
  const { state, set } = useUrlView(messageView);
  const { keyAs, valueAs } = state;
  const valid = Number.isInteger(partition) && partition >= 0 && Number.isInteger(offset) && offset >= 0;
  const query = useQuery({ ...messageOptions(clusterId, topic, partition, offset), enabled: valid });
  const back = paths.topicMessages(clusterId, topic, { partitions: [partition], start: 'offset', offset });

  if (!valid || isNotFound(query.error)) {
    return (
      <EmptyState
        icon={<IconTopics className="size-8" />}
        title={`No message at partition ${partition}, offset ${offset}`}
        data-testid="message-not-found"
        action={
          <Link
            href={paths.topic(clusterId, topic, 'messages')}
            className={buttonClass({ variant: 'primary' })}
          >
            Messages of {topic}
          </Link>
        }
      >
        {valid ? describeError(query.error).message : 'The partition and offset must be whole numbers.'}
      </EmptyState>
    );
  }

  return (
    <div className="space-y-5" data-testid="message-page" data-partition={partition} data-offset={offset}>
      <PageHeader
        title={`${topic} · ${partition}:${offset}`}
        back={{ href: back, label: `Messages of ${topic}` }}
        actions={
          <div className="flex flex-wrap items-center gap-3 text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">
            <span className="flex items-center gap-1.5">
              <label htmlFor="single-key-as">Key as</label>
              <DecoderSelect
                id="single-key-as"
                value={keyAs}
                onChange={(d) => set({ keyAs: d })}
                data-testid="key-decoder"
              />
            </span>
            <span className="flex items-center gap-1.5">
              <label htmlFor="single-value-as">Value as</label>
              <DecoderSelect
                id="single-value-as"
                value={valueAs}
                onChange={(d) => set({ valueAs: d })}
                data-testid="value-decoder"
              />
            </span>
          </div>
        }
      />
      <QueryView query={query} loading={<Skeleton className="h-64 w-full rounded-lg" />}>
        {(message) => (
          <Card className="space-y-4 p-4">
            <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
              <Fact label="Partition" value={String(message.partition)} testId="single-partition" />
              <Fact label="Offset" value={String(message.offset)} testId="single-offset" />
              <Fact
                label="Timestamp"
                value={`${formatTimestamp(message.timestamp)} ${zoneOffset(message.timestamp)}`}
                title={timeTitle(message.timestamp)}
              />
              <Fact label="Epoch ms" value={String(message.timestamp)} />
            </dl>
            <MessageDetail
              clusterId={clusterId}
              topic={topic}
              message={message}
              keyAs={keyAs}
              valueAs={valueAs}
              showLink={false}
            />
          </Card>
        )}
      </QueryView>
    </div>
  );
}

function Fact({
  label,
  value,
  title,
  testId,
}: {
  label: string;
  value: string;
  title?: string;
  testId?: string;
}) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {label}
      </dt>
      <dd
        className="mt-0.5 truncate font-mono text-zinc-900 tabular-nums dark:text-zinc-100"
        title={title}
        data-testid={testId}
      >
        {value}
      </dd>
    </div>
  );
}
