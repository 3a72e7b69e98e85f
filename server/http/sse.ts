import 'server-only';
import type { Session } from '@/server/auth/session';
import { acquireStreamSlot } from '@/server/http/stream-slots';

export interface SseChannel {
  send(event: string, data: unknown): void;
  /**
   * Resolves once the browser has read enough of what was sent (at most QUEUE_BYTES wait unread
   * on the server), or the stream ended; a stream that sends much waits on it.
   */
  drained?(): Promise<void>;
  /** Aborted when the browser goes away or the stream is closed. */
  signal: AbortSignal;
  close(): void;
}

type Run = (channel: SseChannel) => Promise<void>;

/** What may wait unread on the server for a browser that reads slowly: a few batches of matches. */
const QUEUE_BYTES = 1_048_576;

/**
 * A Server-Sent Events response. `run` streams through the channel; the request's abort signal
 * (the browser closed the page or the EventSource) stops it. `onEnd` is called once, when the
 * stream ends for whatever reason (done, error, time-out, the browser gone).
 */
function sseResponse(request: Request, run: Run, onEnd?: () => void): Response {
  const encoder = new TextEncoder();
  const controller = new AbortController();
  // A client that left while the stream was being opened (or before the handler ran) has already
  // aborted the signal: a listener added now would never fire and the stream would run to its bound.
  if (request.signal.aborted) controller.abort();
  else request.signal.addEventListener('abort', () => controller.abort(), { once: true });
  let wake: (() => void) | null = null;
  const woken = () => {
    wake?.();
    wake = null;
  };
  controller.signal.addEventListener('abort', woken, { once: true });
  const stream = new ReadableStream<Uint8Array>(
    {
      start(stream) {
        let closed = false;
        const close = () => {
          if (closed) return;
          closed = true;
          controller.abort();
          onEnd?.();
          try {
            stream.close();
          } catch {
            // already closed by the client
          }
        };
        const channel: SseChannel = {
          send(event, data) {
            if (closed) return;
            stream.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
          },
          drained() {
            if (closed || controller.signal.aborted || (stream.desiredSize ?? 1) > 0)
              return Promise.resolve();
            return new Promise<void>((resolve) => {
              const previous = wake;
              wake = () => {
                previous?.();
                resolve();
              };
            });
          },
          signal: controller.signal,
          close,
        };
        if (controller.signal.aborted) close();
        else run(channel).finally(close);
      },
      // Called when the queue has room again after the browser read from it.
      pull: woken,
      cancel() {
        controller.abort();
        onEnd?.();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: QUEUE_BYTES }),
  );
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}

/**
 * A search or live tail: takes one of the caller's stream slots (429 `too_many_requests` when the
 * caller or the console runs too many), then `open` validates and positions the stream (a refusal
 * gives the slot back), and the slot is given back when the stream ends.
 */
export async function limitedSseResponse(
  request: Request,
  session: Session | null,
  open: () => Promise<Run>,
): Promise<Response> {
  const release = acquireStreamSlot(session);
  let run: Run;
  try {
    run = await open();
  } catch (error) {
    release();
    throw error;
  }
  return sseResponse(request, run, release);
}
