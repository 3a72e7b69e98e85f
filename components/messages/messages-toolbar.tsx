'use client';

import { useId } from 'react';
import { DecoderFields } from '@/components/messages/decoder-select';
import { LimitField, PartitionsField, StartFields } from '@/components/messages/position-fields';
import { MESSAGE_PAGE_MAX, type MessageQuery } from '@/lib/schemas/message';
import { positionPatch, type BrowseState } from '@/lib/url-state/browse';

const startLabels: Record<MessageQuery['start'], string> = {
  newest: 'Newest',
  oldest: 'Oldest',
  offset: 'From offset',
  timestamp: 'From time',
};

export function MessagesToolbar({
  state,
  partitionCount,
  onChange,
}: {
  state: BrowseState;
  partitionCount: number;
  onChange: (patch: Partial<BrowseState>) => void;
}) {
  const id = useId();

  return (
    <div className="flex flex-wrap items-end gap-x-3 gap-y-2" data-testid="messages-toolbar">
      <PartitionsField
        count={partitionCount}
        selected={state.partitions}
        onChange={(partitions) => onChange({ partitions })}
      />
      <StartFields
        id={id}
        testIdPrefix="messages"
        labels={startLabels}
        start={state.start}
        offset={state.offset}
        timestamp={state.timestamp}
        onStart={(start) => onChange(positionPatch(start))}
        onChange={onChange}
      />
      <LimitField
        id={`${id}-limit`}
        label="Limit"
        max={MESSAGE_PAGE_MAX}
        value={state.limit}
        className="w-20 tabular-nums"
        data-testid="messages-limit"
        onChange={(limit) => onChange({ limit })}
      />
      <DecoderFields id={id} keyAs={state.keyAs} valueAs={state.valueAs} onChange={onChange} />
    </div>
  );
}
