'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { PayloadBlock } from '@/components/messages/payload-view';
import { TransactionBadge } from '@/components/messages/transaction-badge';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Spinner } from '@/components/ui/spinner';
import { formatBytes } from '@/lib/format/bytes';
import { decodePayload, type Decoder } from '@/lib/decode/payload';
import { paths } from '@/lib/paths';
import { messageOptions } from '@/lib/query/messages';
import type { Message } from '@/lib/schemas/message';

export function messageSize(message: Message): number {
  return (
    message.key.size +
    message.value.size +
    message.headers.reduce((n, h) => n + h.key.length + h.value.size, 0)
  );
}

/** Cut in the list: the bytes, or the decoded JSON text of a schema's record (often 2-3 times its bytes). */
export function isTruncated(message: Message): boolean {
  return (
    message.key.truncated ||
    message.value.truncated ||
    message.key.schema?.truncated === true ||
    message.value.schema?.truncated === true ||
    message.headers.some((h) => h.value.truncated)
  );
}

/** A codec name; "none" is muted so the compressed ones stand out in a column. */
export function CompressionLabel({ compression }: { compression: Message['compression'] }) {
  return compression === 'none' ? (
    <span className="text-zinc-400 dark:text-zinc-500">none</span>
  ) : (
    <Badge>{compression}</Badge>
  );
}

/** The whole of one message: key, value and headers decoded, sizes, and its own link. */
export function MessageDetail({
  clusterId,
  topic,
  message,
  keyAs,
  valueAs,
  showLink = true,
}: {
  clusterId: string;
  topic: string;
  message: Message;
  keyAs: Decoder;
  valueAs: Decoder;
  showLink?: boolean;
}) {
  const [loadFull, setLoadFull] = useState(false);
  const full = useQuery({
    ...messageOptions(clusterId, topic, message.partition, message.offset),
    enabled: loadFull,
  });
  const shown = full.data ?? message;
  const link = paths.message(clusterId, topic, message.partition, message.offset, { keyAs, valueAs });

  return (
    <div data-testid="message-detail" className="min-w-0 space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {isTruncated(shown) && (
          <Button
            size="sm"
            onClick={() => setLoadFull(true)}
            disabled={full.isFetching}
            data-testid="load-full"
          >
            {full.isFetching && <Spinner className="size-3.5" />}
            Truncated — load full
          </Button>
        )}
        {showLink && (
          <>
            <Link href={link} className={buttonClass({ size: 'sm' })} data-testid="message-link">
              Open message
            </Link>
            <CopyLink href={link} />
          </>
        )}
        <TransactionBadge transaction={shown.transaction} detail data-testid="detail-transaction" />
        <span className="ml-auto text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          key {formatBytes(shown.key.size)} · value {formatBytes(shown.value.size)} · {shown.headers.length}{' '}
          {shown.headers.length === 1 ? 'header' : 'headers'} · total {formatBytes(messageSize(shown))} ·{' '}
          <span data-testid="detail-compression">
            {shown.compression === 'none' ? 'not compressed' : `${shown.compression} compressed`}
          </span>
        </span>
      </div>
      {full.error && <ErrorPanel error={full.error} title="Could not load the whole message" />}
      <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <PayloadBlock label="Key" payload={shown.key} decoder={keyAs} data-testid="detail-key" />
        <PayloadBlock label="Value" payload={shown.value} decoder={valueAs} data-testid="detail-value" />
      </div>
      <HeaderList headers={shown.headers} />
    </div>
  );
}

function HeaderList({ headers }: { headers: Message['headers'] }) {
  if (headers.length === 0) return <p className="text-xs text-zinc-500 dark:text-zinc-400">No headers.</p>;
  return (
    <section className="space-y-1">
      <h3 className="text-xs font-medium tracking-wide text-zinc-700 uppercase dark:text-zinc-300">
        Headers
      </h3>
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950">
        {headers.map((header, i) => (
          <div key={i} className="contents" data-testid="message-header" data-key={header.key}>
            <dt className="font-semibold text-zinc-600 dark:text-zinc-400">{header.key}</dt>
            <dd
              data-testid="message-header-value"
              className="break-all whitespace-pre-wrap text-zinc-800 dark:text-zinc-200"
            >
              {decodePayload(header.value.base64, 'auto').text}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function CopyLink({ href }: { href: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      data-testid="copy-link"
      onClick={() => {
        void navigator.clipboard
          ?.writeText(new URL(href, window.location.origin).toString())
          .then(() => setCopied(true))
          .catch(() => setCopied(false));
      }}
    >
      {copied ? 'Copied' : 'Copy link'}
    </Button>
  );
}
