'use client';

import type { MouseEvent, ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

/** A click the browser should handle itself: a new tab or window, a download, not the main button. */
const opensElsewhere = (event: MouseEvent) =>
  event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;

/**
 * A row of tabs whose selection lives in the address, so every tab can be linked to and reloaded.
 * Choosing a tab replaces the address through the History API (as lib/url-state views do), which Next's
 * router follows without asking the server for the page again: the page's data is in the query cache.
 */
export function Tabs({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="tablist"
      aria-label={label}
      className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800"
    >
      {children}
    </div>
  );
}

const tabBase =
  '-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap';

export function TabLink({
  href,
  selected,
  disabled = false,
  disabledTitle,
  panelId,
  children,
  'data-testid': testId,
}: {
  href: string;
  selected: boolean;
  disabled?: boolean;
  /** Why the tab cannot be opened, as its tooltip. */
  disabledTitle?: string;
  panelId?: string;
  children: ReactNode;
  'data-testid'?: string;
}) {
  if (disabled) {
    return (
      <span
        role="tab"
        aria-selected="false"
        aria-disabled="true"
        title={disabledTitle}
        data-testid={testId}
        className={cx(tabBase, 'cursor-not-allowed border-transparent text-zinc-400 dark:text-zinc-600')}
      >
        {children}
      </span>
    );
  }
  return (
    <a
      href={href}
      role="tab"
      aria-selected={selected}
      aria-controls={selected ? panelId : undefined}
      onClick={(event) => {
        if (opensElsewhere(event)) return;
        event.preventDefault();
        window.history.replaceState(null, '', href);
      }}
      data-testid={testId}
      className={cx(
        tabBase,
        'focus-visible:outline-accent-500 rounded-t transition-colors focus-visible:outline-2',
        selected
          ? 'border-accent-600 text-accent-700 dark:border-accent-400 dark:text-accent-300'
          : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-600 dark:hover:text-zinc-100',
      )}
    >
      {children}
    </a>
  );
}

/** A small count next to a tab label. */
export function TabCount({ children }: { children: ReactNode }) {
  return (
    <span className="rounded-full bg-zinc-100 px-1.5 text-[11px] leading-4 text-zinc-600 tabular-nums dark:bg-zinc-800 dark:text-zinc-400">
      {children}
    </span>
  );
}
