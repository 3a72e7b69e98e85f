'use client';

import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import { CompressionLabel, MessageDetail, messageSize } from '@/components/messages/message-detail';
import { PayloadPreview } from '@/components/messages/payload-view';
import { TransactionBadge } from '@/components/messages/transaction-badge';
import { cx } from '@/components/ui/cx';
import { IconChevronRight } from '@/components/ui/icons';
import { Table, TBody, THead, Tr } from '@/components/ui/table';
import { formatBytes } from '@/lib/format/bytes';
import type { Decoder } from '@/lib/decode/payload';
import { formatTimestamp, timeTitle, zoneOffset } from '@/lib/format/time';
import type { Message } from '@/lib/schemas/message';

const rowId = (m: Message) => `${m.partition}:${m.offset}`;

/**
 * Each column's width and when it shows. Fixed widths hold just their content (an offset of ten digits, a
 * timestamp to the millisecond); the value takes what is left, so it is the widest column at every size.
 * Size, headers and codec fold away on narrow tables (a laptop with the sidebar open), measured on the
 * table's own width: the unfolded message shows all three.
 */
const cell = {
  expand: 'w-7 pr-0',
  partition: 'w-[4.25rem] text-right tabular-nums',
  offset: 'w-[5.5rem] text-right font-mono text-xs tabular-nums',
  timestamp: 'w-[11.5rem] text-xs tabular-nums',
  key: 'w-[12%]',
  value: '',
  size: 'hidden w-[4.5rem] text-right text-xs tabular-nums @4xl:table-cell',
  headers: 'hidden w-[4.5rem] text-right text-xs tabular-nums @6xl:table-cell',
  codec: 'hidden w-16 text-xs @6xl:table-cell',
} as const;

// Own cells rather than Td/Th: narrower padding, and a header never spills over its neighbour.
const th = 'overflow-hidden px-2 py-2 font-medium text-ellipsis whitespace-nowrap';
const td = 'overflow-hidden px-2 py-1.5 text-ellipsis whitespace-nowrap';
const muted = 'text-zinc-600 dark:text-zinc-400';

/** The column headers after the expand toggle, in order. */
const headers = (
  zone: string,
): {
  column: Exclude<keyof typeof cell, 'expand'>;
  label: ReactNode;
  title?: string;
  className?: string;
}[] => [
  { column: 'partition', label: 'Partition' },
  // The offsets below are monospace; their header is not.
  { column: 'offset', label: 'Offset', className: 'font-sans' },
  {
    column: 'timestamp',
    label: (
      <>
        Timestamp <span className="font-normal">({zone})</span>
      </>
    ),
    title: `Local time, ${zone}`,
  },
  { column: 'key', label: 'Key' },
  { column: 'value', label: 'Value' },
  { column: 'size', label: 'Size' },
  { column: 'headers', label: 'Headers' },
  { column: 'codec', label: 'Codec', title: "The codec the message's batch was stored with" },
];

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
  const zone = zoneOffset(messages[0]?.timestamp);
  // The unfolded message spans the columns on screen: the narrow widths fold some away (display: none),
  // and a span over folded ones would add empty columns that take the value column's room.
  const container = useRef<HTMLDivElement>(null);
  const headRow = useRef<HTMLTableRowElement>(null);
  const [span, setSpan] = useState(headers(zone).length + 1);
  useEffect(() => {
    const row = headRow.current;
    if (!container.current || !row) return;
    const count = () => setSpan([...row.children].filter((th) => th.getClientRects().length > 0).length || 1);
    count();
    const observer = new ResizeObserver(count);
    observer.observe(container.current);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="@container" ref={container}>
      <Table className="table-fixed" data-testid="message-table">
        <THead>
          <tr ref={headRow}>
            <th scope="col" className={cx(th, cell.expand)} aria-label="Expand" />
            {headers(zone).map(({ column, label, title, className }) => (
              <th key={column} scope="col" className={cx(th, cell[column], className)} title={title}>
                {label}
              </th>
            ))}
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
                  <td className={cx(td, cell.expand, 'text-zinc-400')}>
                    <IconChevronRight
                      className={cx('size-3.5 transition-transform', expanded && 'rotate-90')}
                    />
                  </td>
                  <td className={cx(td, cell.partition)}>{message.partition}</td>
                  <td className={cx(td, cell.offset)} title={String(message.offset)}>
                    {message.offset}
                  </td>
                  <td className={cx(td, cell.timestamp, muted)}>
                    <time
                      dateTime={new Date(message.timestamp).toISOString()}
                      title={timeTitle(message.timestamp)}
                      data-testid="message-timestamp"
                    >
                      {formatTimestamp(message.timestamp)}
                    </time>
                  </td>
                  <td className={cx(td, cell.key)}>
                    <PayloadPreview payload={message.key} decoder={keyAs} data-testid="message-key" />
                  </td>
                  <td className={cx(td, cell.value)}>
                    <div className="flex min-w-0 items-center gap-1.5">
                      <TransactionBadge transaction={message.transaction} />
                      <PayloadPreview
                        payload={message.value}
                        decoder={valueAs}
                        className="min-w-0 flex-1"
                        data-testid="message-value"
                      />
                    </div>
                  </td>
                  <td className={cx(td, cell.size, muted)}>{formatBytes(messageSize(message))}</td>
                  <td className={cx(td, cell.headers, muted)} data-testid="message-headers-count">
                    {message.headers.length || '—'}
                  </td>
                  <td className={cx(td, cell.codec)} data-testid="message-compression">
                    <CompressionLabel compression={message.compression} />
                  </td>
                </Tr>
                {expanded && (
                  <tr className="bg-zinc-50/70 dark:bg-zinc-950/40">
                    <td colSpan={span} className="px-4 py-3">
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
    </div>
  );
}
