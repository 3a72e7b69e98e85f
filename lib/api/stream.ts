import { z } from 'zod';
import { refusal, unreachable } from '@/lib/api/client';
import { readSseBody, type SseEvent } from '@/lib/api/sse-parser';
import { errorCodeSchema } from '@/lib/schemas/api-error';
import type { Message } from '@/lib/schemas/message';
import {
  ScanDoneSchema,
  ScanMessagesSchema,
  ScanNoticeSchema,
  ScanProgressSchema,
  type ScanDone,
  type ScanProgress,
} from '@/lib/schemas/search';

export type ScanNotice = z.infer<typeof ScanNoticeSchema>;

/** What ended a stream abnormally: the server's `error` event, its JSON error, or the connection. */
export interface StreamError {
  code: string;
  message: string;
}

export interface ScanHandlers {
  onProgress?: (progress: ScanProgress) => void;
  onMessages?: (messages: Message[]) => void;
  onNotice?: (notice: ScanNotice) => void;
  onDone?: (done: ScanDone) => void;
  onError?: (error: StreamError) => void;
}

const StreamErrorSchema = z.object({ code: z.union([errorCodeSchema, z.string()]), message: z.string() });

const lost: StreamError = { code: 'network', message: 'The connection to the console server was lost.' };

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** Hands one event to its handler, parsed with its schema; true when the event ends the stream. */
function dispatch({ event, data }: SseEvent, handlers: ScanHandlers): boolean {
  const json = parseJson(data);
  function on<S extends z.ZodType>(schema: S, handle: (data: z.infer<S>) => void, ends: boolean): boolean {
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      handlers.onError?.({ code: 'internal', message: `Unexpected \`${event}\` event from the server.` });
      return true;
    }
    handle(parsed.data);
    return ends;
  }
  switch (event) {
    case 'progress':
      return on(ScanProgressSchema, (p) => handlers.onProgress?.(p), false);
    case 'messages':
      return on(ScanMessagesSchema, (m) => handlers.onMessages?.(m.messages), false);
    case 'notice':
      return on(ScanNoticeSchema, (n) => handlers.onNotice?.(n), false);
    case 'done':
      return on(ScanDoneSchema, (d) => handlers.onDone?.(d), true);
    case 'error': {
      const parsed = StreamErrorSchema.safeParse(json);
      handlers.onError?.(parsed.success ? parsed.data : { code: 'internal', message: 'The scan failed.' });
      return true;
    }
    default:
      // An event this client does not know: a newer server may send more kinds.
      return false;
  }
}

/**
 * Runs one Server-Sent Events scan (search or tail) through fetch, handing each event, parsed with its
 * schema, to the handlers. A refused stream is an ordinary 4xx answer with the JSON error shape, read from
 * that very answer. Nothing reconnects: `done`, an error or a dropped connection ends the scan, and
 * aborting `signal` (the view unmounted, the user stopped) disconnects, which stops the scan on the
 * server; no handler is called after that. Resolves once the stream is over.
 */
export async function readScanStream(
  url: string,
  handlers: ScanHandlers,
  signal: AbortSignal,
): Promise<void> {
  const fail = (error: StreamError) => {
    if (!signal.aborted) handlers.onError?.(error);
  };
  let response: Response;
  try {
    response = await fetch(url, { signal, cache: 'no-store', headers: { accept: 'text/event-stream' } });
  } catch {
    return fail({ code: 'network', message: unreachable });
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => undefined);
    const error = refusal(url, response.status, payload);
    return fail({ code: error.code, message: error.message });
  }
  if (!response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
    void response.body?.cancel().catch(() => undefined);
    return fail({ code: 'internal', message: `Unexpected answer from ${url.split('?')[0]}.` });
  }
  let ended = false;
  try {
    await readSseBody(response.body, (event) => {
      if (signal.aborted) return 'stop';
      ended = dispatch(event, handlers);
      return ended ? 'stop' : undefined;
    });
  } catch {
    // The read failed: aborted by the caller (then fail stays silent) or the connection dropped.
  }
  if (!ended) fail(lost);
}
