'use client';

import { useRef } from 'react';
import { cx } from '@/components/ui/cx';
import { IconChevronUpDown } from '@/components/ui/icons';

/** Which partitions to read: all of them (null) or a chosen few, as checkboxes in a drop-down. */
export function PartitionPicker({
  count,
  selected,
  onChange,
}: {
  count: number;
  selected: number[] | null;
  onChange: (partitions: number[] | null) => void;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const all = Array.from({ length: count }, (_, i) => i);
  const label =
    selected === null
      ? 'All partitions'
      : selected.length <= 4
        ? `Partition ${selected.join(', ')}`
        : `${selected.length} partitions`;

  function toggle(partition: number) {
    const current = new Set(selected ?? all);
    if (!current.delete(partition)) current.add(partition);
    const next = [...current].sort((a, b) => a - b);
    onChange(next.length === 0 || next.length === count ? null : next);
  }

  return (
    <details ref={details} className="group relative" data-testid="messages-partitions">
      <summary
        className={cx(
          'flex h-8 cursor-pointer list-none items-center gap-2 rounded-md border border-zinc-300 bg-white px-2.5 text-sm whitespace-nowrap text-zinc-900 shadow-xs select-none dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 [&::-webkit-details-marker]:hidden',
          'focus-visible:outline-accent-500 focus-visible:outline-2',
        )}
      >
        {label}
        <IconChevronUpDown className="size-3.5 text-zinc-400" />
      </summary>
      <div className="absolute z-20 mt-1 max-h-72 w-48 overflow-auto rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <label className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
          <input
            type="checkbox"
            checked={selected === null}
            onChange={() => onChange(null)}
            data-testid="partition-all"
          />
          All partitions
        </label>
        <div className="my-1 border-t border-zinc-100 dark:border-zinc-800" />
        {all.map((p) => (
          <label
            key={p}
            className="flex items-center gap-2 rounded px-2 py-1 text-sm tabular-nums hover:bg-zinc-100 dark:hover:bg-zinc-800"
          >
            <input
              type="checkbox"
              checked={selected === null || selected.includes(p)}
              onChange={() => toggle(p)}
              data-testid="partition-option"
              data-partition={p}
            />
            Partition {p}
          </label>
        ))}
      </div>
    </details>
  );
}
