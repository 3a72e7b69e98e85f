'use client';

import { useState } from 'react';
import type { HeaderRow } from '@/components/messages/header-rows';
import { fillPlaceholders, PLACEHOLDER_HELP } from '@/lib/produce/placeholders';

export function PlaceholderHelp() {
  return (
    <div className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="produce-placeholder-help">
      <p>In the key, the value and header values, in every message (spaces inside the braces are allowed):</p>
      <ul className="mt-1 space-y-0.5">
        {PLACEHOLDER_HELP.map((p) => (
          <li key={p.name}>
            <code className="font-mono">{p.name}</code> becomes {p.becomes}.
          </li>
        ))}
      </ul>
    </div>
  );
}

const PREVIEW_UUID = () => '3f2b8c1e-5d4a-4e7b-9c0d-1a2b3c4d5e6f';
const HAS_PLACEHOLDER = /\{\{/;

/** The first message as the server will fill it (the same function), shown once a placeholder is used. */
export function FirstMessagePreview({
  messageKey,
  value,
  headers,
}: {
  messageKey: string;
  value: string;
  headers: HeaderRow[];
}) {
  // The time the dialog opened stands for the send time.
  const [now] = useState(() => Date.now());
  const texts = [messageKey, value, ...headers.map((h) => h.value)];
  if (!texts.some((t) => HAS_PLACEHOLDER.test(t))) return null;
  const values = { i: 0, now, uuid: PREVIEW_UUID };
  const fill = (text: string) => fillPlaceholders(text, values);
  const named = headers.filter((h) => h.key !== '');
  return (
    <div className="space-y-1 text-xs" data-testid="produce-preview">
      <p className="font-medium text-zinc-700 dark:text-zinc-300">First message (example UUID)</p>
      <pre className="max-h-32 overflow-auto rounded-md bg-zinc-100 px-2 py-1.5 font-mono whitespace-pre-wrap text-zinc-800 dark:bg-zinc-900 dark:text-zinc-200">
        {messageKey !== '' && `key: ${fill(messageKey)}\n`}
        {named.map((h) => `header ${h.key}: ${fill(h.value)}\n`).join('')}
        {fill(value)}
      </pre>
    </div>
  );
}
