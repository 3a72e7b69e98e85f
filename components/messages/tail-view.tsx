'use client';

import { useId, useState } from 'react';
import { DecoderFields } from '@/components/messages/decoder-select';
import { FilterInForce, isFiltered, type ScanFilter } from '@/components/messages/filter-in-force';
import { CelFilterLabel, PartitionsField, toolbarLabel } from '@/components/messages/position-fields';
import { ScanButton } from '@/components/messages/scan-button';
import { ScanResults } from '@/components/messages/scan-results';
import { formatElapsed, ScanAlerts, useElapsed } from '@/components/messages/scan-status';
import { useScanStream } from '@/components/messages/use-scan-stream';
import { Alert } from '@/components/ui/alert';
import { Input, Switch } from '@/components/ui/field';
import { cx } from '@/components/ui/cx';
import { useUrlView } from '@/components/ui/use-url-state';
import { formatCount } from '@/lib/format/count';
import { doneText } from '@/lib/format/scan';
import { plural } from '@/lib/format/text';
import { apiPaths } from '@/lib/paths';
import { tailQuery, tailView } from '@/lib/url-state/scan';

/** Messages kept on screen; older ones are dropped as new ones arrive. */
const tailCap = 500;

/** New messages as they arrive, newest on top, until stopped. */
export function TailView({
  clusterId,
  topic,
  partitionCount,
}: {
  clusterId: string;
  topic: string;
  partitionCount: number;
}) {
  const id = useId();
  const { state, set } = useUrlView(tailView);
  const { keyAs, valueAs, partitions } = state;
  const [q, setQ] = useState(state.q);
  const [filter, setFilter] = useState(state.filter);
  // What the running (or last) tail filters by; before a start, what the fields hold is what will apply.
  const [applied, setApplied] = useState<ScanFilter | null>(null);
  const tail = useScanStream({ cap: tailCap, newestFirst: true });
  const running = tail.status === 'running';
  const elapsed = useElapsed(tail);
  const inForce = applied ?? { q, filter };
  const filtered = isFiltered(inForce);
  // Every record the server read from the partitions, matching or not (the matches are `received`).
  const read = Math.max(tail.progress?.scanned ?? 0, tail.done?.scanned ?? 0, tail.received);

  function run(next: ScanFilter = { q, filter }) {
    set({ q: next.q.trim(), filter: next.filter.trim() });
    setApplied(next);
    tail.setPaused(false);
    tail.start(apiPaths.tail(clusterId, topic, tailQuery({ partitions, keyAs, valueAs, ...next })));
  }

  function clearFilter() {
    setQ('');
    setFilter('');
    if (running) run({ q: '', filter: '' });
    else {
      set({ q: '', filter: '' });
      if (applied) setApplied({ q: '', filter: '' });
    }
  }

  return (
    <div className="space-y-3" data-testid="tail-view">
      <form
        className="flex flex-wrap items-end gap-x-3 gap-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (!running) run();
        }}
      >
        <PartitionsField
          count={partitionCount}
          selected={partitions}
          onChange={(next) => set({ partitions: next }, 'push')}
        />
        <div className="w-48 space-y-1">
          <label htmlFor={`${id}-q`} className={toolbarLabel}>
            Text contains
          </label>
          <Input id={`${id}-q`} value={q} data-testid="tail-q" onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="min-w-64 flex-1 space-y-1">
          <CelFilterLabel htmlFor={`${id}-filter`} />
          <Input
            id={`${id}-filter`}
            value={filter}
            spellCheck={false}
            className="font-mono text-xs"
            placeholder="partition == 0"
            data-testid="tail-filter"
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
        <DecoderFields id={id} keyAs={keyAs} valueAs={valueAs} onChange={(patch) => set(patch)} />
        <ScanButton running={running} onStop={tail.stop} testIdPrefix="tail">
          Start tail
        </ScanButton>
      </form>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <span
          className="inline-flex items-center gap-2"
          data-testid="tail-status"
          data-status={tail.status}
          data-ready={tail.progress !== null}
        >
          <span
            aria-hidden="true"
            className={cx(
              'size-2 rounded-full',
              running ? (tail.paused ? 'bg-amber-500' : 'animate-pulse bg-emerald-500') : 'bg-zinc-400',
            )}
          />
          {running
            ? tail.paused
              ? `Paused (${formatCount(tail.buffered)} buffered)`
              : 'Live'
            : tail.status === 'idle'
              ? 'Not started'
              : 'Stopped'}
        </span>
        <span data-testid="tail-count" data-count={tail.received} data-read={read} className="tabular-nums">
          <strong>{formatCount(read)}</strong> read · <strong>{formatCount(tail.received)}</strong>{' '}
          {filtered ? 'matched' : 'shown'}
          {tail.startedAt !== null && <span className="text-zinc-500"> in {formatElapsed(elapsed)}</span>}
        </span>
        {running && (
          <Switch checked={tail.paused} onChange={tail.setPaused} data-testid="tail-pause" label="Pause" />
        )}
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          Newest on top; the last {tailCap} are kept.
        </span>
      </div>

      <FilterInForce applied={inForce} pending={tail.status === 'idle'} onClear={clearFilter} />
      {tail.done && (
        <Alert tone={tail.done.reason === 'filter_too_costly' ? 'warning' : 'info'} data-testid="tail-done">
          {doneText[tail.done.reason]}: the tail ended after {plural(read, 'message')} read
          {filtered && `, ${formatCount(tail.received)} matched`}. Start it again to go on.
          {tail.done.message && <span className="block text-xs">{tail.done.message}</span>}
        </Alert>
      )}
      <ScanAlerts scan={tail} errorTestId="tail-error" />
      {(tail.status === 'running' || tail.status === 'done' || tail.messages.length > 0) && (
        <ScanResults
          clusterId={clusterId}
          topic={topic}
          mode="tail"
          messages={tail.messages}
          keyAs={keyAs}
          valueAs={valueAs}
          empty={emptyText({ running, filtered, read })}
        />
      )}
    </div>
  );
}

/** Why the table is empty: nothing arrived, or messages arrived and the filter let none through. */
function emptyText({
  running,
  filtered,
  read,
}: {
  running: boolean;
  filtered: boolean;
  read: number;
}): string {
  if (filtered && read > 0)
    return `${plural(read, 'message')} read, none matched the filter${running ? ' yet' : ''}.`;
  if (running) return filtered ? 'Waiting for matching messages…' : 'Waiting for new messages…';
  return 'No messages arrived.';
}
