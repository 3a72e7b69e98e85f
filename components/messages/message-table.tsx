'use client';

import { Fragment, useState } from 'react';
import { CompressionLabel, MessageDetail, messageSize } from '@/components/messages/message-detail';
import { PayloadPreview } from '@/components/messages/payload-view';
import { TransactionBadge } from '@/components/messages/transaction-badge';
import { cx } from '@/components/ui/cx';
import { IconChevronRight } from '@/components/ui/icons';
import { NumTd, Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { formatBytes } from '@/lib/format/bytes';
import type { Decoder } from '@/lib/format/decode';
import type { Message } from '@/lib/schemas/message';

const rowId = (m: Message) => `${m.partition}:${m.offset}`;

function localTime(ms: number): string {
  const d = new Date(ms);
  const date = d.toLocaleDateString('en-CA');
  const time = d.toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
  return `${date} ${time}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/** Dense rows, one message each; a click unfolds the whole message under its row. */
export function MessageTable({
  clusterId,
  topic,
  messages,
  keyAs,
  valueAs,
}: {
  clusterId: string;
  topic: string;
  messages: Message[];
  keyAs: Decoder;
  valueAs: Decoder;
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Table className="table-fixed" data-testid="message-table">
      <colgroup>
        <col className="w-8" />
        <col className="w-20" />
        <col className="w-24" />
        <col className="w-48" />
        <col className="w-[15%]" />
        <col />
        <col className="w-20" />
        <col className="w-20" />
        <col className="w-20" />
      </colgroup>
      <THead>
        <tr>
          <Th aria-label="Expand" />
          <Th className="text-right">Partition</Th>
          <Th className="text-right">Offset</Th>
          <Th>Timestamp</Th>
          <Th>Key</Th>
          <Th>Value</Th>
          <Th className="text-right">Headers</Th>
          <Th className="text-right">Size</Th>
          <Th title="The codec the message's batch was stored with">Codec</Th>
        </tr>
      </THead>
      <TBody>
        {messages.map((message) => {
          const id = rowId(message);
          const expanded = open.has(id);
          return (
            <Fragment key={id}>
              <Tr
                data-testid="message-row"
                data-partition={message.partition}
                data-offset={message.offset}
                aria-expanded={expanded}
                tabIndex={0}
                onClick={() => toggle(id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    toggle(id);
                  }
                }}
                className={cx(
                  'focus-visible:outline-accent-500 cursor-pointer focus-visible:outline-2 focus-visible:-outline-offset-2',
                  expanded && 'bg-accent-50/60 dark:bg-accent-500/10',
                )}
              >
                <Td className="py-1.5 pr-0 text-zinc-400">
                  <IconChevronRight
                    className={cx('size-3.5 transition-transform', expanded && 'rotate-90')}
                  />
                </Td>
                <NumTd className="py-1.5">{message.partition}</NumTd>
                <NumTd className="py-1.5 font-mono text-xs">{message.offset}</NumTd>
                <Td className="py-1.5 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
                  <time
                    dateTime={new Date(message.timestamp).toISOString()}
                    title={new Date(message.timestamp).toISOString()}
                  >
                    {localTime(message.timestamp)}
                  </time>
                </Td>
                <Td className="py-1.5">
                  <PayloadPreview payload={message.key} decoder={keyAs} data-testid="message-key" />
                </Td>
                <Td className="py-1.5">
                  <div className="flex min-w-0 items-center gap-1.5">
                    <TransactionBadge transaction={message.transaction} />
                    <PayloadPreview
                      payload={message.value}
                      decoder={valueAs}
                      className="min-w-0 flex-1"
                      data-testid="message-value"
                    />
                  </div>
                </Td>
                <NumTd
                  className="py-1.5 text-xs text-zinc-600 dark:text-zinc-400"
                  data-testid="message-headers-count"
                >
                  {message.headers.length || '—'}
                </NumTd>
                <NumTd className="py-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                  {formatBytes(messageSize(message))}
                </NumTd>
                <Td className="py-1.5 text-xs" data-testid="message-compression">
                  <CompressionLabel compression={message.compression} />
                </Td>
              </Tr>
              {expanded && (
                <tr className="bg-zinc-50/70 dark:bg-zinc-950/40">
                  <td colSpan={9} className="px-4 py-3">
                    <MessageDetail
                      clusterId={clusterId}
                      topic={topic}
                      message={message}
                      keyAs={keyAs}
                      valueAs={valueAs}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </TBody>
    </Table>
  );
}
