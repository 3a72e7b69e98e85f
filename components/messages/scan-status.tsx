'use client';

import { useEffect, useState } from 'react';
import type { ScanState } from '@/components/messages/use-scan-stream';
import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { formatBytes } from '@/lib/format/bytes';
import { formatCount } from '@/lib/format/count';
import { formatDuration } from '@/lib/format/duration';
import { doneText } from '@/lib/format/scan';
import { scanExtent } from '@/lib/scan/progress';
import { plural } from '@/lib/format/text';

/** `850 ms`, `2.4 s`, `3 min 5 s`. */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return formatDuration(Math.round(ms / 1000) * 1000);
}

/** Time since the scan began, ticking while it runs, then the time it took. */
export function useElapsed(scan: Pick<ScanState, 'status' | 'startedAt' | 'endedAt' | 'done'>): number {
  const [now, setNow] = useState(() => Date.now());
  const running = scan.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  if (scan.done) return scan.done.elapsedMs;
  if (scan.startedAt === null) return 0;
  return Math.max(0, (running ? now : (scan.endedAt ?? now)) - scan.startedAt);
}

/** A search's progress bar and figures, then how it ended. */
export function SearchProgress({ scan }: { scan: ScanState }) {
  const elapsed = useElapsed(scan);
  const extent = scanExtent(scan.progress);
  const scanned = Math.max(extent.scanned, scan.done?.scanned ?? 0);
  const matched = Math.max(scan.progress?.matched ?? 0, scan.done?.matched ?? 0);
  const finished = scan.done?.reason === 'end';
  const percent = finished ? 100 : extent.total ? Math.min(100, (scanned / extent.total) * 100) : null;
  const running = scan.status === 'running';

  return (
    <div className="space-y-2">
      <div
        data-testid="search-progress"
        data-scanned={scanned}
        data-matched={matched}
        data-status={scan.status}
        className="space-y-1.5"
      >
        <div
          role="progressbar"
          aria-label="Search progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent === null ? undefined : Math.round(percent)}
          className="h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div
            className={
              percent === null && running
                ? 'bg-accent-500 h-full w-1/3 animate-pulse'
                : 'bg-accent-500 h-full transition-[width] duration-300'
            }
            style={percent === null && running ? undefined : { width: `${percent ?? 0}%` }}
          />
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
          {running && <Spinner className="size-3.5" />}
          <span>
            Scanned <strong className="text-zinc-900 dark:text-zinc-100">{formatCount(scanned)}</strong>
            {extent.total !== null && !finished && <> of ~{formatCount(extent.total)}</>}
            {percent !== null && <> ({Math.floor(percent)}%)</>}
          </span>
          <span>
            <strong className="text-zinc-900 dark:text-zinc-100">{formatCount(matched)}</strong> matched
          </span>
          <span>{formatBytes(scan.progress?.bytes ?? 0)} read</span>
          <span>{formatElapsed(elapsed)}</span>
        </div>
      </div>
      {scan.status === 'done' && (
        <div data-testid="search-done" data-reason={scan.done?.reason ?? 'stopped'}>
          <Alert
            tone={
              scan.done?.reason === 'filter_too_costly'
                ? 'warning'
                : scan.done?.reason === 'timeout' || !scan.done
                  ? 'info'
                  : 'success'
            }
            className="py-1.5"
          >
            <span className="font-medium">{scan.done ? doneText[scan.done.reason] : 'Stopped'}</span>:{' '}
            {plural(matched, 'match', 'matches')} in {plural(scanned, 'message')} scanned,{' '}
            {formatElapsed(elapsed)}.
            {scan.done?.message && <span className="block text-xs">{scan.done.message}</span>}
          </Alert>
        </div>
      )}
    </div>
  );
}

/** Partitions the scan could not read, and the error that ended it. */
export function ScanAlerts({ scan, errorTestId }: { scan: ScanState; errorTestId: string }) {
  return (
    <>
      {scan.unavailable.length > 0 && (
        <Alert data-testid="unavailable-notice">
          Could not read {scan.unavailable.map((u) => `partition ${u.partition} (${u.reason})`).join(', ')}:
          the other partitions&apos; results are shown.
        </Alert>
      )}
      {scan.error && (
        <Alert tone="danger" data-testid={errorTestId}>
          <span className="font-medium" data-code={scan.error.code}>
            {scan.error.code === 'validation_failed'
              ? 'Invalid search'
              : scan.error.code === 'too_many_requests'
                ? 'Too many scans running'
                : 'The scan failed'}
          </span>
          : <span className="font-mono text-xs whitespace-pre-wrap">{scan.error.message}</span>
        </Alert>
      )}
    </>
  );
}
