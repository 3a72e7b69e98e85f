'use client';

import { cx } from '@/components/ui/cx';
import { IconChevronUpDown } from '@/components/ui/icons';
import { MAX_HISTORY_SERIES } from '@/lib/schemas/lag-history';
import type { GroupDetail } from '@/lib/schemas/group';
import { groupTokenOf } from '@/lib/url-state/lag';

const tokenName = (token: string) =>
  token === '*' ? 'Group total' : token.includes(':') ? token.replace(/:(\d+)$/, ' [$1]') : token;

function Option({
  token,
  label,
  detail,
  checked,
  disabled,
  onToggle,
}: {
  token: string;
  label: string;
  detail?: string;
  checked: boolean;
  disabled: boolean;
  onToggle: (token: string) => void;
}) {
  return (
    <label
      className={cx(
        'flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800',
        disabled && 'opacity-60',
      )}
    >
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={() => onToggle(token)}
        data-testid="lag-series-option"
        data-token={token}
      />
      <span className="min-w-0 truncate font-mono text-xs" title={label}>
        {label}
      </span>
      {detail && <span className="ml-auto shrink-0 text-xs text-zinc-500 dark:text-zinc-400">{detail}</span>}
    </label>
  );
}

/**
 * Which series of the group the chart draws: its total, each topic, each partition (sampled per
 * partition from when the group's page is opened), up to 12, never none.
 */
export function GroupSeriesPicker({
  group,
  selected,
  onChange,
}: {
  group: GroupDetail | undefined;
  selected: string[];
  onChange: (tokens: string[]) => void;
}) {
  const full = selected.length >= MAX_HISTORY_SERIES;
  const isOn = (token: string) => selected.includes(token);
  const toggle = (token: string) => {
    const next = isOn(token) ? selected.filter((t) => t !== token) : [...selected, token];
    if (next.length > 0) onChange(next);
  };
  const locked = (token: string) => (isOn(token) ? selected.length === 1 : full);
  const topics = group?.topicTotals ?? [];
  const label = selected.length === 1 ? tokenName(selected[0]!) : `${selected.length} series`;

  return (
    <details className="group relative" data-testid="lag-series-picker">
      <summary
        className={cx(
          'flex h-7 cursor-pointer list-none items-center gap-2 rounded-md border border-zinc-300 bg-white px-2.5 text-xs font-medium whitespace-nowrap text-zinc-900 shadow-xs select-none dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 [&::-webkit-details-marker]:hidden',
          'focus-visible:outline-accent-500 focus-visible:outline-2',
        )}
      >
        <span className="text-zinc-500 dark:text-zinc-400">Series</span>
        <span className="max-w-40 truncate">{label}</span>
        <IconChevronUpDown className="size-3.5 text-zinc-400" />
      </summary>
      <div className="absolute z-20 mt-1 max-h-96 w-80 overflow-auto rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <Option token="*" label="Group total" checked={isOn('*')} disabled={locked('*')} onToggle={toggle} />
        {topics.length > 0 && <div className="my-1 border-t border-zinc-100 dark:border-zinc-800" />}
        {topics.map((t) => {
          const partitions = (group?.partitions ?? [])
            .filter((p) => p.topic === t.topic)
            .map((p) => p.partition)
            .sort((a, b) => a - b);
          return (
            <div key={t.topic} className="pb-1">
              <Option
                token={t.topic}
                label={t.topic}
                detail={partitions.length === 1 ? '1 partition' : `${partitions.length} partitions`}
                checked={isOn(t.topic)}
                disabled={locked(t.topic)}
                onToggle={toggle}
              />
              <div
                className="flex flex-wrap gap-1 pr-2 pl-8"
                role="group"
                aria-label={`Partitions of ${t.topic}`}
              >
                {partitions.map((p) => {
                  const token = groupTokenOf(t.topic, p);
                  return (
                    <button
                      key={p}
                      type="button"
                      aria-pressed={isOn(token)}
                      disabled={locked(token)}
                      onClick={() => toggle(token)}
                      title={`${t.topic} partition ${p}`}
                      data-testid="lag-partition-option"
                      data-token={token}
                      className={cx(
                        'min-w-7 rounded border px-1.5 py-0.5 text-xs tabular-nums transition-colors disabled:opacity-50',
                        isOn(token)
                          ? 'border-accent-500 bg-accent-50 text-accent-800 dark:border-accent-400 dark:bg-accent-500/15 dark:text-accent-200'
                          : 'border-zinc-300 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800',
                      )}
                    >
                      {p}
                    </button>
                  );
                })}
              </div>
            </div>
          );
        })}
        <p className="border-t border-zinc-100 px-2 pt-1.5 pb-1 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          {full
            ? `At most ${MAX_HISTORY_SERIES} series on one chart.`
            : 'Partitions are sampled from when this page is opened, and for a day after.'}
        </p>
      </div>
    </details>
  );
}
