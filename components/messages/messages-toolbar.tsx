'use client';

import { useId } from 'react';
import { DecoderSelect } from '@/components/messages/decoder-select';
import { PartitionPicker } from '@/components/messages/partition-picker';
import { CommitInput } from '@/components/ui/commit-input';
import { Select } from '@/components/ui/field';
import type { Decoder } from '@/lib/format/decode';
import {
  defaultLimit,
  fromLocalInput,
  positionPatch,
  toLocalInput,
  type BrowseSettings,
} from '@/lib/format/message-browse';
import type { MessageQuery } from '@/lib/schemas/message';

type Patch = Record<string, string | number | null>;

const startLabels: Record<MessageQuery['start'], string> = {
  newest: 'Newest',
  oldest: 'Oldest',
  offset: 'From offset',
  timestamp: 'From time',
};

export function MessagesToolbar({
  settings,
  partitionCount,
  onChange,
}: {
  settings: BrowseSettings;
  partitionCount: number;
  onChange: (patch: Patch) => void;
}) {
  const id = useId();
  const { query } = settings;
  const selected = query.partitions ? query.partitions.split(',').map(Number) : null;
  const label = 'text-xs font-medium text-zinc-500 dark:text-zinc-400';

  return (
    <div className="flex flex-wrap items-end gap-x-3 gap-y-2" data-testid="messages-toolbar">
      <div className="space-y-1">
        <span className={`block ${label}`}>Partitions</span>
        <PartitionPicker
          count={partitionCount}
          selected={selected}
          onChange={(partitions) => onChange({ partitions: partitions?.join(',') ?? null })}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-start`} className={`block ${label}`}>
          Start
        </label>
        <Select
          id={`${id}-start`}
          value={query.start}
          data-testid="messages-start"
          className="w-32"
          onChange={(event) => onChange(positionPatch(event.target.value as MessageQuery['start']))}
        >
          {Object.entries(startLabels).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </Select>
      </div>
      {query.start === 'offset' && (
        <div className="space-y-1">
          <label htmlFor={`${id}-offset`} className={`block ${label}`}>
            Offset
          </label>
          <CommitInput
            id={`${id}-offset`}
            inputMode="numeric"
            className="w-28 tabular-nums"
            data-testid="messages-offset"
            value={String(query.offset ?? 0)}
            onCommit={(v) => /^\d+$/.test(v) && onChange({ offset: Number(v) })}
          />
        </div>
      )}
      {query.start === 'timestamp' && (
        <div className="space-y-1">
          <label htmlFor={`${id}-time`} className={`block ${label}`}>
            From (local time)
          </label>
          <CommitInput
            id={`${id}-time`}
            type="datetime-local"
            step={1}
            className="w-52"
            data-testid="messages-timestamp"
            value={toLocalInput(query.timestamp ?? 0)}
            onCommit={(v) => {
              const ms = fromLocalInput(v);
              if (ms !== null) onChange({ timestamp: ms });
            }}
          />
        </div>
      )}
      <div className="space-y-1">
        <label htmlFor={`${id}-limit`} className={`block ${label}`}>
          Limit
        </label>
        <CommitInput
          id={`${id}-limit`}
          type="number"
          min={1}
          max={500}
          className="w-20 tabular-nums"
          data-testid="messages-limit"
          value={String(query.limit)}
          onCommit={(v) => {
            const n = Number(v);
            if (Number.isInteger(n) && n >= 1)
              onChange({ limit: n === defaultLimit ? null : Math.min(500, n) });
          }}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-key`} className={`block ${label}`}>
          Key as
        </label>
        <DecoderSelect
          id={`${id}-key`}
          value={settings.keyAs}
          data-testid="key-decoder"
          onChange={(d: Decoder) => onChange({ keyAs: d === 'auto' ? null : d })}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-value`} className={`block ${label}`}>
          Value as
        </label>
        <DecoderSelect
          id={`${id}-value`}
          value={settings.valueAs}
          data-testid="value-decoder"
          onChange={(d: Decoder) => onChange({ valueAs: d === 'auto' ? null : d })}
        />
      </div>
    </div>
  );
}
