import { z } from 'zod';
import { ApiErrorBodySchema, errorCodeSchema } from '@/lib/schemas/api-error';
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

function parseJson(data: unknown): unknown {
  try {
    return JSON.parse(String(data));
  } catch {
    return undefined;
  }
}

/** Reads the JSON error of a request refused before its stream began (EventSource cannot see bodies). */
async function refusal(url: string): Promise<StreamError> {
  const controller = new AbortController();
  try {
    const response = await fetch(url, { signal: controller.signal, cache: 'no-store' });
    if (response.ok) {
      // The request is accepted now: the earlier failure was the connection, not the request.
      controller.abort();
      return { code: 'network', message: 'The connection to the console server was lost.' };
    }
    const parsed = ApiErrorBodySchema.safeParse(await response.json().catch(() => undefined));
    return parsed.success
      ? parsed.data.error
      : { code: 'internal', message: `The server answered ${response.status}.` };
  } catch {
    return { code: 'network', message: 'The console server could not be reached.' };
  }
}

/**
 * Opens a Server-Sent Events scan (search or tail) and hands each event, parsed with its schema, to the
 * handlers. After `done` or any error the source is closed: EventSource would otherwise reconnect and run
 * the scan again from the start. `close()` disconnects, which stops the scan on the server.
 */
export function openScanStream(url: string, handlers: ScanHandlers): { close: () => void } {
  const source = new EventSource(url);
  let closed = false;
  let opened = false;
  const close = () => {
    closed = true;
    source.close();
  };
  const fail = (error: StreamError) => {
    if (closed) return;
    close();
    handlers.onError?.(error);
  };

  function on<S extends z.ZodType>(event: string, schema: S, handle: (data: z.infer<S>) => void) {
    source.addEventListener(event, (e) => {
      if (closed || !(e instanceof MessageEvent)) return;
      const parsed = schema.safeParse(parseJson(e.data));
      if (parsed.success) handle(parsed.data);
      else fail({ code: 'internal', message: `Unexpected \`${event}\` event from the server.` });
    });
  }

  source.addEventListener('open', () => {
    opened = true;
  });
  on('progress', ScanProgressSchema, (p) => handlers.onProgress?.(p));
  on('messages', ScanMessagesSchema, (m) => handlers.onMessages?.(m.messages));
  on('notice', ScanNoticeSchema, (n) => handlers.onNotice?.(n));
  on('done', ScanDoneSchema, (d) => {
    close();
    handlers.onDone?.(d);
  });
  // One listener serves both: the server's `event: error` (a MessageEvent with data) and the connection's.
  source.addEventListener('error', (e) => {
    if (closed) return;
    if (e instanceof MessageEvent && typeof e.data === 'string') {
      const parsed = StreamErrorSchema.safeParse(parseJson(e.data));
      fail(parsed.success ? parsed.data : { code: 'internal', message: 'The scan failed.' });
      return;
    }
    close();
    if (opened) {
      handlers.onError?.({ code: 'network', message: 'The connection to the console server was lost.' });
    } else {
      void refusal(url).then((error) => handlers.onError?.(error));
    }
  });

  return { close };
}
