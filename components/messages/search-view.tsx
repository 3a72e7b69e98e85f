'use client';

import { useId, useState } from 'react';
import { CelHelp } from '@/components/messages/cel-help';
import { DecoderFields } from '@/components/messages/decoder-select';
import { PartitionPicker } from '@/components/messages/partition-picker';
import { ScanResults } from '@/components/messages/scan-results';
import { ScanAlerts, SearchProgress } from '@/components/messages/scan-status';
import { useScanStream } from '@/components/messages/use-scan-stream';
import { Button } from '@/components/ui/button';
import { CommitInput } from '@/components/ui/commit-input';
import { Input, Select } from '@/components/ui/field';
import { IconSearch } from '@/components/ui/icons';
import { useUrlState } from '@/components/ui/use-url-state';
import { parseDecoder } from '@/lib/format/decode';
import { fromLocalInput, positionPatch, toLocalInput } from '@/lib/format/message-browse';
import { defaultMaxMatches, maxMatchesCap, parseSearchSettings, searchQuery } from '@/lib/format/scan';
import { apiPaths } from '@/lib/paths';
import type { SearchQuery } from '@/lib/schemas/search';

const label = 'block text-xs font-medium text-zinc-500 dark:text-zinc-400';
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
          <div className="space-y-1">
            <span className={label}>Partitions</span>
            <PartitionPicker
              count={partitionCount}
              selected={selected}
              onChange={(p) => update({ partitions: p?.join(',') ?? null }, 'push')}
            />
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-start`} className={label}>
              Start
            </label>
            <Select
              id={`${id}-start`}
              value={settings.start}
              className="w-32"
              data-testid="search-start"
              onChange={(e) => update(positionPatch(e.target.value as SearchQuery['start']))}
            >
              {Object.entries(startLabels).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </Select>
          </div>
          {settings.start === 'offset' && (
            <div className="space-y-1">
              <label htmlFor={`${id}-offset`} className={label}>
                Offset
              </label>
              <CommitInput
                id={`${id}-offset`}
                inputMode="numeric"
                className="w-28 tabular-nums"
                data-testid="search-offset"
                value={String(settings.offset ?? 0)}
                onCommit={(v) => /^\d+$/.test(v) && update({ offset: Number(v) })}
              />
            </div>
          )}
          {settings.start === 'timestamp' && (
            <div className="space-y-1">
              <label htmlFor={`${id}-time`} className={label}>
                From (local time)
              </label>
              <CommitInput
                id={`${id}-time`}
                type="datetime-local"
                step={1}
                className="w-52"
                data-testid="search-timestamp"
                value={toLocalInput(settings.timestamp ?? 0)}
                onCommit={(v) => {
                  const ms = fromLocalInput(v);
                  if (ms !== null) update({ timestamp: ms });
                }}
              />
            </div>
          )}
          <div className="space-y-1">
            <label htmlFor={`${id}-max`} className={label}>
              Max matches
            </label>
            <CommitInput
              id={`${id}-max`}
              type="number"
              min={1}
              max={maxMatchesCap}
              className="w-24 tabular-nums"
              data-testid="search-limit"
              value={String(settings.limit)}
              onCommit={(v) => {
                const n = Number(v);
                if (Number.isInteger(n) && n >= 1)
                  update({ max: n === defaultMaxMatches ? null : Math.min(maxMatchesCap, n) });
              }}
            />
          </div>
          <DecoderFields id={id} keyAs={keyAs} valueAs={valueAs} onChange={(patch) => update(patch)} />
        </div>
        <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] md:items-start">
          <div className="space-y-1">
            <label htmlFor={`${id}-q`} className={label}>
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
            <div className="flex items-center justify-between">
              <label htmlFor={`${id}-filter`} className={label}>
                Filter (CEL)
              </label>
              <CelHelp />
            </div>
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
                variant="secondary"
                onClick={scan.stop}
                data-testid="search-stop-button"
                className="w-24"
              >
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
