import type { ReactNode } from 'react';
import { ExportMenu } from '@/components/messages/export-menu';
import { MessageTable } from '@/components/messages/message-table';
import { EmptyState } from '@/components/ui/empty-state';
import type { Decoder } from '@/lib/decode/payload';
import { plural } from '@/lib/format/text';
import type { Message } from '@/lib/schemas/message';

/** The messages a search or tail brought, in the browse table, with their count and the export menu. */
export function ScanResults({
  clusterId,
  topic,
  mode,
  messages,
  keyAs,
  valueAs,
  empty,
  summary,
}: {
  clusterId: string;
  topic: string;
  mode: 'search' | 'tail';
  messages: Message[];
  keyAs: Decoder;
  valueAs: Decoder;
  empty: string;
  summary?: ReactNode;
}) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        <span data-testid={`${mode}-results-count`} data-count={messages.length}>
          {summary ?? `${plural(messages.length, 'message')} shown`}
        </span>
        <span className="ml-auto">
          <ExportMenu topic={topic} mode={mode} messages={messages} decoders={{ keyAs, valueAs }} />
        </span>
      </div>
      {messages.length === 0 ? (
        <EmptyState title={empty} data-testid={`${mode}-empty`} className="py-6" />
      ) : (
        <MessageTable
          clusterId={clusterId}
          topic={topic}
          messages={messages}
          keyAs={keyAs}
          valueAs={valueAs}
        />
      )}
    </div>
  );
}
