'use client';

import { useId, useState } from 'react';
import { DecoderFields } from '@/components/messages/decoder-select';
import {
  CelFilterLabel,
  LimitField,
  PartitionsField,
  StartFields,
  toolbarLabel,
} from '@/components/messages/position-fields';
import { ScanResults } from '@/components/messages/scan-results';
import { ScanAlerts, SearchProgress } from '@/components/messages/scan-status';
import { useScanStream } from '@/components/messages/use-scan-stream';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { IconSearch, IconStop } from '@/components/ui/icons';
import { useUrlView } from '@/components/ui/use-url-state';
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
        <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] md:items-start">
          <div className="space-y-1">
            <label htmlFor={`${id}-q`} className={toolbarLabel}>
              Text contains
            </label>
            <Input
              id={`${id}-q`}
              value={q}
              placeholder="in key, value or headers"
              data-testid="search-q"
              onChange={(e) => setQ(e.target.value)}
            />
          </div>
          <div className="space-y-1">
            <CelFilterLabel htmlFor={`${id}-filter`} />
            <textarea
              id={`${id}-filter`}
              value={filter}
              rows={2}
              spellCheck={false}
              placeholder='json.status == "cancelled" && partition == 1'
              data-testid="search-filter"
              onChange={(e) => setFilter(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  if (!running) run();
                }
              }}
              className="focus-visible:outline-accent-500 block min-h-8 w-full resize-y rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 font-mono text-xs text-zinc-900 shadow-xs placeholder:text-zinc-400 focus-visible:outline-2 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
            />
          </div>
          <div className="md:pt-5">
            {running ? (
              <Button
                key="stop"
                variant="stop"
                onClick={scan.stop}
                data-testid="search-stop-button"
                className="w-24"
              >
                <IconStop className="size-3.5" />
                Stop
              </Button>
            ) : (
              <Button
                key="start"
                type="submit"
                variant="primary"
                data-testid="search-start-button"
                className="w-24"
              >
                <IconSearch className="size-3.5" />
                Search
              </Button>
            )}
          </div>
        </div>
      </form>
      {(scan.status === 'running' || scan.status === 'done' || scan.progress) && (
        <SearchProgress scan={scan} />
      )}
      <ScanAlerts scan={scan} errorTestId="search-error" />
      {(scan.status === 'running' || scan.status === 'done' || scan.messages.length > 0) && (
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
    </div>
  );
}
