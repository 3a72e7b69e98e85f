'use client';

import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { cx } from '@/components/ui/cx';
import { IconClose, IconSearch } from '@/components/ui/icons';

/**
 * A search box that reports its text `delayMs` after the last keystroke (Enter reports at once). It follows
 * `value` when that changes from outside, e.g. the back button restoring an older search.
 */
export function SearchInput({
  value,
  onSearch,
  delayMs = 300,
  className,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string;
  onSearch: (value: string) => void;
  delayMs?: number;
}) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  // The address changed under us (back/forward, a link): show what it says.
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  });

  useEffect(() => {
    if (draft.trim() === value.trim()) return;
    const timer = setTimeout(() => onSearchRef.current(draft.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [draft, value, delayMs]);

  return (
    <div className={cx('relative', className)}>
      <IconSearch className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-zinc-400" />
      <input
        type="search"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onSearch(draft.trim());
          if (event.key === 'Escape' && draft) {
            event.stopPropagation();
            setDraft('');
            onSearch('');
          }
        }}
        className="focus-visible:outline-accent-500 h-8 w-full rounded-md border border-zinc-300 bg-white pr-8 pl-8 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 focus-visible:outline-2 focus-visible:outline-offset-0 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 [&::-webkit-search-cancel-button]:hidden"
        {...props}
      />
      {draft && (
        <button
          type="button"
          aria-label="Clear search"
          onClick={() => {
            setDraft('');
            onSearch('');
          }}
          className="absolute top-1/2 right-1.5 flex size-5 -translate-y-1/2 items-center justify-center rounded text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
        >
          <IconClose className="size-3.5" />
        </button>
      )}
    </div>
  );
}
