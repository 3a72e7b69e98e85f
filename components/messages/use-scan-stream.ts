'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { readScanStream, type ScanNotice, type StreamError } from '@/lib/api/stream';
import { capped } from '@/lib/scan/progress';
import type { Message } from '@/lib/schemas/message';
import type { ScanDone, ScanProgress } from '@/lib/schemas/search';

export type ScanStatus = 'idle' | 'running' | 'done' | 'error';

export interface ScanState {
  status: ScanStatus;
  /** The matches kept in memory, at most `cap` (the newest ones). */
  messages: Message[];
  /** Every message received, also those dropped by the cap. */
  received: number;
  progress: ScanProgress | null;
  unavailable: ScanNotice['unavailable'];
  done: ScanDone | null;
  /** Stopped from the browser rather than by the server. */
  stopped: boolean;
  error: StreamError | null;
  startedAt: number | null;
  endedAt: number | null;
  /** Messages held back while paused. */
  buffered: number;
}

const initial: ScanState = {
  status: 'idle',
  messages: [],
  received: 0,
  progress: null,
  unavailable: [],
  done: null,
  stopped: false,
  error: null,
  startedAt: null,
  endedAt: null,
  buffered: 0,
};

/**
 * One search or tail stream and what it has brought so far.
 * Streaming, not react-query: a scan is a live, accumulating session that must close on stop, not a cacheable answer.
 */
export function useScanStream({
  cap = 2000,
  newestFirst = false,
}: { cap?: number; newestFirst?: boolean } = {}) {
  const [state, setState] = useState<ScanState>(initial);
  const [paused, setPausedState] = useState(false);
  // The running stream's; aborting it disconnects, and the stream calls no handler after that.
  const stream = useRef<AbortController | null>(null);
  const pausedRef = useRef(false);
  const buffer = useRef<Message[]>([]);

  const close = useCallback(() => {
    stream.current?.abort();
    stream.current = null;
  }, []);

  const stop = useCallback(() => {
    const wasOpen = stream.current !== null;
    close();
    if (wasOpen) {
      setState((s) =>
        s.status === 'running' ? { ...s, status: 'done', stopped: true, endedAt: Date.now() } : s,
      );
    }
  }, [close]);

  const start = useCallback(
    (url: string) => {
      close();
      const controller = new AbortController();
      stream.current = controller;
      buffer.current = [];
      setState({ ...initial, status: 'running', startedAt: Date.now() });
      void readScanStream(
        url,
        {
          onProgress: (progress) => setState((s) => ({ ...s, progress })),
          onMessages: (received) => {
            if (received.length === 0) return;
            // A batch lists partition by partition; newest-first views need it in time order (stable for ties).
            const batch = newestFirst ? [...received].sort((a, b) => a.timestamp - b.timestamp) : received;
            if (pausedRef.current) {
              buffer.current = capped(buffer.current, batch, cap, newestFirst);
              const held = buffer.current.length;
              setState((s) => ({ ...s, received: s.received + batch.length, buffered: held }));
              return;
            }
            setState((s) => ({
              ...s,
              received: s.received + batch.length,
              messages: capped(s.messages, batch, cap, newestFirst),
            }));
          },
          onNotice: (notice) =>
            setState((s) => {
              const known = new Set(s.unavailable.map((u) => u.partition));
              return {
                ...s,
                unavailable: [...s.unavailable, ...notice.unavailable.filter((u) => !known.has(u.partition))],
              };
            }),
          onDone: (done) => {
            stream.current = null;
            setState((s) => ({ ...s, status: 'done', done, endedAt: Date.now() }));
          },
          onError: (error) => {
            stream.current = null;
            setState((s) => ({ ...s, status: 'error', error, endedAt: Date.now() }));
          },
        },
        controller.signal,
      );
    },
    [cap, newestFirst, close],
  );

  const setPaused = useCallback(
    (value: boolean) => {
      pausedRef.current = value;
      setPausedState(value);
      if (!value && buffer.current.length > 0) {
        const held = buffer.current;
        buffer.current = [];
        // The buffer is already in display order; merge it as one batch in arrival order.
        const batch = newestFirst ? [...held].reverse() : held;
        setState((s) => ({ ...s, buffered: 0, messages: capped(s.messages, batch, cap, newestFirst) }));
      }
    },
    [cap, newestFirst],
  );

  // Leaving the tab or the page disconnects, which stops the scan on the server.
  useEffect(() => close, [close]);

  return { ...state, paused, start, stop, setPaused };
}
