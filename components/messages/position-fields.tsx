import { CelHelp } from '@/components/messages/cel-help';
import { PartitionPicker } from '@/components/messages/partition-picker';
import { CommitInput } from '@/components/ui/commit-input';
import { Select } from '@/components/ui/field';
import { parseTimeInput, toTimeInput, zoneOffset } from '@/lib/format/time';

/** The small grey label over each toolbar control of the Messages tab. */
export const toolbarLabel = 'block text-xs font-medium text-zinc-500 dark:text-zinc-400';

type Patch = { offset: number } | { timestamp: number };

/** "Partitions": all of them, or the ones picked. */
export function PartitionsField({
  count,
  selected,
  onChange,
}: {
  count: number;
  selected: number[] | null;
  onChange: (partitions: number[] | null) => void;
}) {
  return (
    <div className="space-y-1">
      <span className={toolbarLabel}>Partitions</span>
      <PartitionPicker count={count} selected={selected} onChange={onChange} />
    </div>
  );
}

/**
 * Where reading starts, and the offset or the time when the start needs one. Test ids are
 * `${testIdPrefix}-start`, `-offset` and `-timestamp`.
 */
export function StartFields<S extends string>({
  id,
  testIdPrefix,
  labels,
  start,
  offset,
  timestamp,
  onStart,
  onChange,
}: {
  id: string;
  testIdPrefix: string;
  labels: Record<S, string>;
  start: S;
  offset: number | undefined;
  timestamp: number | undefined;
  onStart: (start: S) => void;
  onChange: (patch: Patch) => void;
}) {
  return (
    <>
      <div className="space-y-1">
        <label htmlFor={`${id}-start`} className={toolbarLabel}>
          Start
        </label>
        <Select
          id={`${id}-start`}
          value={start}
          className="w-32"
          data-testid={`${testIdPrefix}-start`}
          onChange={(event) => onStart(event.target.value as S)}
        >
          {Object.entries<string>(labels).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </Select>
      </div>
      {start === 'offset' && (
        <div className="space-y-1">
          <label htmlFor={`${id}-offset`} className={toolbarLabel}>
            Offset
          </label>
          <CommitInput
            id={`${id}-offset`}
            inputMode="numeric"
            className="w-28 tabular-nums"
            data-testid={`${testIdPrefix}-offset`}
            value={String(offset ?? 0)}
            onCommit={(v) => /^\d+$/.test(v) && onChange({ offset: Number(v) })}
          />
        </div>
      )}
      {start === 'timestamp' && (
        <div className="space-y-1">
          <label htmlFor={`${id}-time`} className={toolbarLabel}>
            From ({zoneOffset(timestamp)})
          </label>
          {/* Text, not datetime-local: that input writes 12-hour clocks in some locales, beside 24-hour tables. */}
          <CommitInput
            id={`${id}-time`}
            spellCheck={false}
            placeholder="2026-01-31 14:05:00"
            title="Local time as the table shows it (seconds optional), ISO 8601 with a zone, or epoch ms"
            className="w-52 tabular-nums"
            data-testid={`${testIdPrefix}-timestamp`}
            value={toTimeInput(timestamp ?? 0)}
            onCommit={(v) => {
              const ms = parseTimeInput(v);
              if (ms !== null) onChange({ timestamp: ms });
            }}
          />
        </div>
      )}
    </>
  );
}

/** A whole-number limit from 1 to `max` (a larger one is taken as `max`). */
export function LimitField({
  id,
  label,
  max,
  value,
  className,
  'data-testid': testId,
  onChange,
}: {
  id: string;
  label: string;
  max: number;
  value: number;
  className: string;
  'data-testid': string;
  onChange: (limit: number) => void;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={toolbarLabel}>
        {label}
      </label>
      <CommitInput
        id={id}
        type="number"
        min={1}
        max={max}
        className={className}
        data-testid={testId}
        value={String(value)}
        onCommit={(v) => {
          const n = Number(v);
          if (Number.isInteger(n) && n >= 1) onChange(Math.min(max, n));
        }}
      />
    </div>
  );
}

/** The "Filter (CEL)" label with its help next to it, over the filter's input. */
export function CelFilterLabel({ htmlFor }: { htmlFor: string }) {
  return (
    <div className="flex items-center justify-between">
      <label htmlFor={htmlFor} className={toolbarLabel}>
        Filter (CEL)
      </label>
      <CelHelp />
    </div>
  );
}
