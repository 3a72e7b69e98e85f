import 'server-only';

export interface SseChannel {
  send(event: string, data: unknown): void;
  /** Aborted when the browser goes away or the stream is closed. */
  signal: AbortSignal;
  close(): void;
}

/**
 * A Server-Sent Events response. `run` streams through the channel; the request's abort signal
 * (the browser closed the page or the EventSource) stops it.
 */
export function sseResponse(request: Request, run: (channel: SseChannel) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const controller = new AbortController();
  request.signal.addEventListener('abort', () => controller.abort(), { once: true });
  const stream = new ReadableStream<Uint8Array>({
    start(stream) {
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        controller.abort();
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
        signal: controller.signal,
        close,
      };
      run(channel).finally(close);
    },
    cancel() {
      controller.abort();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
