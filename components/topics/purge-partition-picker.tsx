'use client';

import { Input } from '@/components/ui/field';
import { formatCount } from '@/lib/format/count';
import { parseWholeNumber } from '@/lib/forms/fields';
import type { Partition } from '@/lib/schemas/topic';

/** Per partition: whether it is chosen, and the offset to delete up to (absent: its high watermark). */
export type Picks = Record<number, { checked: boolean; offset?: string }>;

const defaultOffset = (p: Partition) => String(p.highWatermark ?? -1);

/** The chosen partitions as the purge request wants them, or the first problem found. */
export function pickedPartitions(
  partitions: Partition[],
  picks: Picks,
): { partitions: Array<{ partition: number; offset: number }> } | { error: string } {
  const out: Array<{ partition: number; offset: number }> = [];
  for (const p of partitions) {
    const pick = picks[p.partition];
    if (!pick?.checked) continue;
    const offset = parseWholeNumber(pick.offset ?? defaultOffset(p));
    if (Number.isNaN(offset) || offset < -1)
      return { error: `Partition ${p.partition}: enter an offset, or -1 for everything` };
    if (p.highWatermark !== null && offset > p.highWatermark) {
      return {
        error: `Partition ${p.partition}: the offset cannot be past the high watermark (${p.highWatermark})`,
      };
    }
    out.push({ partition: p.partition, offset });
  }
  return out.length > 0 ? { partitions: out } : { error: 'Choose at least one partition' };
}

export function PurgePartitionPicker({
  partitions,
  picks,
  onChange,
  disabled,
}: {
  partitions: Partition[];
  picks: Picks;
  onChange: (picks: Picks) => void;
  disabled?: boolean;
}) {
  const sorted = [...partitions].sort((a, b) => a.partition - b.partition);
  const allChecked = sorted.length > 0 && sorted.every((p) => picks[p.partition]?.checked);
  const set = (p: Partition, patch: { checked?: boolean; offset?: string }) =>
    onChange({ ...picks, [p.partition]: { checked: false, ...picks[p.partition], ...patch } });

  return (
    <div
      className="max-h-72 overflow-y-auto rounded-md border border-zinc-200 dark:border-zinc-700"
      data-testid="purge-partitions"
    >
      <table className="w-full text-sm">
        <thead className="sticky top-0 bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th className="w-10 px-3 py-1.5 text-left">
              <input
                type="checkbox"
                aria-label="Choose all partitions"
                checked={allChecked}
                disabled={disabled}
                onChange={(event) =>
                  onChange(
                    Object.fromEntries(
                      sorted.map((p) => [
                        p.partition,
                        { ...picks[p.partition], checked: event.target.checked },
                      ]),
                    ),
                  )
                }
                className="accent-accent-600"
              />
            </th>
            <th className="px-2 py-1.5 text-left font-medium">Partition</th>
            <th className="px-2 py-1.5 text-right font-medium">Low</th>
            <th className="px-2 py-1.5 text-right font-medium">High</th>
            <th className="w-40 px-3 py-1.5 text-left font-medium">Delete before offset</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {sorted.map((p) => {
            const pick = picks[p.partition];
            return (
              <tr key={p.partition} data-testid="purge-partition-row" data-partition={p.partition}>
                <td className="px-3 py-1.5">
                  <input
                    type="checkbox"
                    aria-label={`Choose partition ${p.partition}`}
                    checked={pick?.checked ?? false}
                    disabled={disabled}
                    onChange={(event) => set(p, { checked: event.target.checked })}
                    className="accent-accent-600"
                  />
                </td>
                <td className="px-2 py-1.5 font-mono text-[13px]">{p.partition}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{formatCount(p.lowWatermark)}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{formatCount(p.highWatermark)}</td>
                <td className="px-3 py-1">
                  <Input
                    aria-label={`Offset for partition ${p.partition}`}
                    inputMode="numeric"
                    value={pick?.offset ?? defaultOffset(p)}
                    disabled={disabled || !pick?.checked}
                    onChange={(event) => set(p, { offset: event.target.value })}
                    controlSize="sm"
                    className="font-mono"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
