'use client';

import { useId, useState } from 'react';
import { DecoderFields } from '@/components/messages/decoder-select';
import { LimitField, PartitionsField, StartFields } from '@/components/messages/position-fields';
import { ScanResults } from '@/components/messages/scan-results';
import { ScanAlerts, SearchProgress } from '@/components/messages/scan-status';
import { SearchQueryFields } from '@/components/messages/search-query-fields';
import { useScanStream, type ScanState } from '@/components/messages/use-scan-stream';
import { useUrlView } from '@/components/ui/use-url-state';
import type { Decoder } from '@/lib/decode/payload';
import { apiPaths } from '@/lib/paths';
import { SEARCH_MATCHES_MAX, type SearchQuery } from '@/lib/schemas/search';
import { positionPatch } from '@/lib/url-state/browse';
import { searchQuery, searchView } from '@/lib/url-state/scan';

const startLabels: Record<SearchQuery['start'], string> = {
  oldest: 'Oldest',
  offset: 'From offset',
  timestamp: 'From time',
};

/** Scans a range of the topic on the server for messages matching a text and a CEL filter. */
export function SearchView({
  clusterId,
  topic,
  partitionCount,
}: {
  clusterId: string;
  topic: string;
  partitionCount: number;
}) {
  const id = useId();
  const { state, set } = useUrlView(searchView);
  const { keyAs, valueAs } = state;
  // Text and filter are drafts until a search starts; then they go into the address with the rest.
  const [q, setQ] = useState(state.q);
  const [filter, setFilter] = useState(state.filter);
  const scan = useScanStream({ cap: 2000 });
  const running = scan.status === 'running';

  function run() {
    set({ q: q.trim(), filter: filter.trim() });
    scan.start(apiPaths.search(clusterId, topic, searchQuery({ ...state, q, filter })));
  }

  return (
    <div className="space-y-3" data-testid="search-view">
      <form
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (!running) run();
        }}
      >
        <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
          <PartitionsField
            count={partitionCount}
            selected={state.partitions}
            onChange={(partitions) => set({ partitions }, 'push')}
          />
          <StartFields
            id={id}
            testIdPrefix="search"
            labels={startLabels}
            start={state.start}
            offset={state.offset}
            timestamp={state.timestamp}
            onStart={(start) => set(positionPatch(start))}
            onChange={(patch) => set(patch)}
          />
          <LimitField
            id={`${id}-max`}
            label="Max matches"
            max={SEARCH_MATCHES_MAX}
            value={state.max}
            className="w-24 tabular-nums"
            data-testid="search-limit"
            onChange={(max) => set({ max })}
          />
          <DecoderFields id={id} keyAs={keyAs} valueAs={valueAs} onChange={(patch) => set(patch)} />
        </div>
        <SearchQueryFields
          id={id}
          q={q}
          filter={filter}
          onQ={setQ}
          onFilter={setFilter}
          running={running}
          onRun={run}
          onStop={scan.stop}
        />
      </form>
      <SearchOutcome clusterId={clusterId} topic={topic} scan={scan} keyAs={keyAs} valueAs={valueAs} />
    </div>
  );
}

/** How the search went (progress, then how it ended, or its error) and what it found. */
function SearchOutcome({
  clusterId,
  topic,
  scan,
  keyAs,
  valueAs,
}: {
  clusterId: string;
  topic: string;
  scan: ScanState;
  keyAs: Decoder;
  valueAs: Decoder;
}) {
  const running = scan.status === 'running';
  return (
    <>
      {(running || scan.status === 'done' || scan.progress) && <SearchProgress scan={scan} />}
      <ScanAlerts scan={scan} errorTestId="search-error" />
      {(running || scan.status === 'done' || scan.messages.length > 0) && (
        <ScanResults
          clusterId={clusterId}
          topic={topic}
          mode="search"
          messages={scan.messages}
          keyAs={keyAs}
          valueAs={valueAs}
          empty={running ? 'No matches yet…' : 'No messages matched.'}
        />
      )}
    </>
  );
}
