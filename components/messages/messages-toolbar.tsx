'use client';

import { useId } from 'react';
import { DecoderFields } from '@/components/messages/decoder-select';
import { LimitField, PartitionsField, StartFields } from '@/components/messages/position-fields';
import { defaultLimit, positionPatch, type BrowseSettings } from '@/lib/format/message-browse';
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

  return (
    <div className="flex flex-wrap items-end gap-x-3 gap-y-2" data-testid="messages-toolbar">
      <PartitionsField
        count={partitionCount}
        selected={selected}
        onChange={(partitions) => onChange({ partitions: partitions?.join(',') ?? null })}
      />
      <StartFields
        id={id}
        testIdPrefix="messages"
        labels={startLabels}
        start={query.start}
        offset={query.offset}
        timestamp={query.timestamp}
        onStart={(start) => onChange(positionPatch(start))}
        onChange={onChange}
      />
      <LimitField
        id={`${id}-limit`}
        label="Limit"
        max={500}
        defaultValue={defaultLimit}
        value={query.limit}
        className="w-20 tabular-nums"
        data-testid="messages-limit"
        onChange={(limit) => onChange({ limit })}
      />
      <DecoderFields id={id} keyAs={settings.keyAs} valueAs={settings.valueAs} onChange={onChange} />
    </div>
  );
}
