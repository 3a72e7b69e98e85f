'use client';

import { useRef } from 'react';
import { buttonClass } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { IconChevronUpDown } from '@/components/ui/icons';
import type { Decoder } from '@/lib/decode/payload';
import { exportFileName, exportMessages, exportMime, type ExportFormat } from '@/lib/export/messages';
import type { Message } from '@/lib/schemas/message';

const formats: Array<{ format: ExportFormat; label: string; hint: string }> = [
  { format: 'jsonl', label: 'JSON lines', hint: 'One JSON object per message' },
  { format: 'csv', label: 'CSV', hint: 'RFC 4180, header line first' },
];

/** Downloads the messages on screen, decoded as shown, as a file made in the browser. */
export function ExportMenu({
  topic,
  mode,
  messages,
  decoders,
}: {
  topic: string;
  mode: string;
  messages: Message[];
  decoders: { keyAs: Decoder; valueAs: Decoder };
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const disabled = messages.length === 0;

  function download(format: ExportFormat) {
    const text = exportMessages(messages, format, decoders);
    const url = URL.createObjectURL(new Blob([text], { type: `${exportMime[format]};charset=utf-8` }));
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(topic, mode, format, new Date());
    document.body.append(link);
    link.click();
    link.remove();
    // The download has its own reference by now; revoking later leaves it time to start.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    if (details.current) details.current.open = false;
  }

  return (
    <details ref={details} className="relative" data-testid="export-menu">
      <summary
        data-testid="export-button"
        aria-disabled={disabled || undefined}
        title={
          disabled
            ? 'No messages to export'
            : `Export the ${messages.length} message${messages.length === 1 ? '' : 's'} shown, decoded as shown`
        }
        onClick={(event) => disabled && event.preventDefault()}
        className={cx(
          buttonClass({ size: 'sm' }),
          'cursor-pointer list-none [&::-webkit-details-marker]:hidden',
          disabled && 'cursor-not-allowed opacity-50',
        )}
      >
        Export
        <IconChevronUpDown className="size-3.5 text-zinc-400" />
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-56 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        {formats.map(({ format, label, hint }) => (
          <button
            key={format}
            type="button"
            data-testid={`export-${format}`}
            onClick={() => download(format)}
            className="block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
          >
            <span className="block font-medium text-zinc-900 dark:text-zinc-100">{label}</span>
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">{hint}</span>
          </button>
        ))}
      </div>
    </details>
  );
}
