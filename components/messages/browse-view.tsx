'use client';

import { useQuery } from '@tanstack/react-query';
import { ExportMenu } from '@/components/messages/export-menu';
import { MessageTable } from '@/components/messages/message-table';
import { MessagesToolbar } from '@/components/messages/messages-toolbar';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { IconChevronLeft, IconChevronRight, IconRefresh } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton, Spinner } from '@/components/ui/spinner';
import { useUrlView } from '@/components/ui/use-url-state';
import { cx } from '@/components/ui/cx';
import { plural } from '@/lib/format/text';
import { messagesOptions } from '@/lib/query/messages';
import type { MessageList, MessageQuery } from '@/lib/schemas/message';
import { browseQuery, browseView, pagePositions, type BrowseState } from '@/lib/url-state/browse';

const startText: Record<MessageQuery['start'], string> = {
  newest: 'newest first',
  oldest: 'from the oldest',
  offset: 'from the offset',
  timestamp: 'from the time',
};

/** The topic's message browser: a read-only page of messages at a position kept in the address. */
export function BrowseView({
  clusterId,
  topic,
  partitionCount,
}: {
  clusterId: string;
  topic: string;
  partitionCount: number;
}) {
  const { state, set } = useUrlView(browseView);
  const browse = browseQuery(state);
  const query = useQuery(messagesOptions(clusterId, topic, browse));
  const change = (patch: Partial<BrowseState>) => set(patch, 'push');

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <MessagesToolbar state={state} partitionCount={partitionCount} onChange={change} />
        <Button
          size="sm"
          onClick={() => void query.refetch()}
          disabled={query.isFetching}
          data-testid="messages-refresh"
        >
          <IconRefresh className={cx('size-3.5', query.isFetching && 'animate-spin')} />
          Refresh
        </Button>
      </div>
      <QueryView query={query} loading={<Skeleton className="h-64 w-full rounded-lg" />}>
        {(list) => (
          <>
            {list.unavailable.length > 0 && (
              <Alert data-testid="unavailable-notice">
                Could not read{' '}
                {list.unavailable.map((u) => `partition ${u.partition} (${u.reason})`).join(', ')}: showing
                the other partitions&apos; messages.
              </Alert>
            )}
            <PageBar list={list} query={browse} fetching={query.isFetching} onPage={change}>
              <ExportMenu topic={topic} mode="browse" messages={list.messages} decoders={state} />
            </PageBar>
            {list.messages.length === 0 ? (
              <EmptyState title="No messages here" data-testid="messages-empty">
                {state.start === 'newest' || state.start === 'oldest'
                  ? 'The partitions read hold no messages.'
                  : 'No messages at or after this position. Try Newest or Oldest.'}
              </EmptyState>
            ) : (
              <MessageTable
                clusterId={clusterId}
                topic={topic}
                messages={list.messages}
                keyAs={state.keyAs}
                valueAs={state.valueAs}
              />
            )}
            {list.messages.length > 20 && (
              <PageBar list={list} query={browse} fetching={query.isFetching} onPage={change} />
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}

function PageBar({
  list,
  query,
  fetching,
  onPage,
  children,
}: {
  list: MessageList;
  query: MessageQuery;
  fetching: boolean;
  onPage: (patch: Partial<BrowseState>) => void;
  children?: React.ReactNode;
}) {
  const { older, newer } = pagePositions(list, query);
  const ranges = list.partitions
    .filter((p) => p.next > p.from)
    .map((p) => `${p.partition}: ${p.from}–${p.next - 1}`)
    .join(' · ');
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
      <span data-testid="messages-count">
        {plural(list.messages.length, 'message')} {startText[query.start]}
      </span>
      {ranges && (
        <span className="hidden truncate font-mono md:inline" title="Offsets shown per partition">
          ({ranges})
        </span>
      )}
      {fetching && <Spinner className="size-3.5" />}
      <span className="ml-auto flex gap-2">
        {children}
        <Button
          size="sm"
          disabled={!older}
          onClick={() => older && onPage(older)}
          data-testid="messages-older"
        >
          <IconChevronLeft className="size-3.5" />
          Older
        </Button>
        <Button
          size="sm"
          disabled={!newer}
          onClick={() => newer && onPage(newer)}
          data-testid="messages-newer"
        >
          Newer
          <IconChevronRight className="size-3.5" />
        </Button>
      </span>
    </div>
  );
}
