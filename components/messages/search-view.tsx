'use client';

import { useId, useState } from 'react';
import { DecoderFields } from '@/components/messages/decoder-select';
import { LimitField, PartitionsField, StartFields } from '@/components/messages/position-fields';
import { ScanResults } from '@/components/messages/scan-results';
import { ScanAlerts, SearchProgress } from '@/components/messages/scan-status';
import { SearchQueryFields } from '@/components/messages/search-query-fields';
import { useScanStream, type ScanState } from '@/components/messages/use-scan-stream';
import { useUrlState } from '@/components/ui/use-url-state';
import { parseDecoder, type Decoder } from '@/lib/format/decode';
import { positionPatch } from '@/lib/format/message-browse';
import { defaultMaxMatches, maxMatchesCap, parseSearchSettings, searchQuery } from '@/lib/format/scan';
import { apiPaths } from '@/lib/paths';
import type { SearchQuery } from '@/lib/schemas/search';

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
  const { search, update } = useUrlState();
  const settings = parseSearchSettings(search);
  const keyAs = parseDecoder(search.get('keyAs'));
  const valueAs = parseDecoder(search.get('valueAs'));
  // Text and filter are drafts until a search starts; then they go into the address with the rest.
  const [q, setQ] = useState(settings.q);
  const [filter, setFilter] = useState(settings.filter);
  const scan = useScanStream({ cap: 2000 });
  const running = scan.status === 'running';
  const selected = settings.partitions ? settings.partitions.split(',').map(Number) : null;

  function run() {
    update({ q: q.trim() || null, filter: filter.trim() || null });
    scan.start(apiPaths.search(clusterId, topic, searchQuery({ ...settings, q, filter })));
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
            selected={selected}
            onChange={(p) => update({ partitions: p?.join(',') ?? null }, 'push')}
          />
          <StartFields
            id={id}
            testIdPrefix="search"
            labels={startLabels}
            start={settings.start}
            offset={settings.offset}
            timestamp={settings.timestamp}
            onStart={(start) => update(positionPatch(start))}
            onChange={(patch) => update(patch)}
          />
          <LimitField
            id={`${id}-max`}
            label="Max matches"
            max={maxMatchesCap}
            defaultValue={defaultMaxMatches}
            value={settings.limit}
            className="w-24 tabular-nums"
            data-testid="search-limit"
            onChange={(max) => update({ max })}
          />
          <DecoderFields id={id} keyAs={keyAs} valueAs={valueAs} onChange={(patch) => update(patch)} />
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
