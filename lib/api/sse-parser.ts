/** One Server-Sent Event as the stream framed it: its type (`message` when unnamed) and its data. */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * The event-stream framing of the HTML standard, fed text as it arrives: lines end with CRLF, LF or CR
 * (a CR at the end of one chunk may be followed by its LF in the next), `data` lines join with a line
 * feed, a line starting with `:` is a comment (a heartbeat), an empty line ends the event, and an event
 * without data is not one. What is left when the stream ends is dropped, as the standard says.
 * `retry` means nothing here: a scan is never reconnected.
 */
export function createSseParser(onEvent: (event: SseEvent) => void) {
  let buffer = '';
  // The last chunk ended with CR: a LF opening the next one belongs to that line ending.
  let afterCr = false;
  let first = true;
  let event = '';
  let data: string[] = [];
  let id: string | undefined;

  function line(text: string) {
    if (text === '') {
      if (data.length > 0)
        onEvent({ event: event || 'message', data: data.join('\n'), ...(id ? { id } : {}) });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
  }

  return {
    push(chunk: string) {
      if (chunk === '') return;
      let text = chunk;
      if (afterCr && text.startsWith('\n')) text = text.slice(1);
      afterCr = false;
      if (first) {
        first = false;
        if (text.startsWith('\uFEFF')) text = text.slice(1);
      }
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        line(buffer.slice(start, i));
        if (c === '\r') {
          if (i + 1 === buffer.length) afterCr = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
  };
}

/**
 * Reads a response body to its end, handing each event to `onEvent`, which may answer `'stop'`: the rest
 * is then ignored and the body cancelled. UTF-8 split across chunks is joined.
 */
export async function readSseBody(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: SseEvent) => 'stop' | void,
): Promise<void> {
  let stopped = false;
  const parser = createSseParser((event) => {
    if (!stopped && onEvent(event) === 'stop') stopped = true;
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    parser.push(done ? decoder.decode() : decoder.decode(value, { stream: true }));
    if (done) return;
    if (stopped) {
      await reader.cancel().catch(() => undefined);
      return;
    }
  }
}
