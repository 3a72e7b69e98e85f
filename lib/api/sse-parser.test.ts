import { describe, expect, it } from 'vitest';
import { createSseParser, readSseBody, type SseEvent } from '@/lib/api/sse-parser';

function parse(...chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  for (const chunk of chunks) parser.push(chunk);
  return events;
}

/** Every way of cutting `text` in two. */
function splits(text: string): [string, string][] {
  return Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);
}

describe('createSseParser', () => {
  it('frames named events and unnamed ones', () => {
    expect(parse('event: progress\ndata: {"scanned":1}\n\ndata: plain\n\n')).toEqual([
      { event: 'progress', data: '{"scanned":1}' },
      { event: 'message', data: 'plain' },
    ]);
  });

  it('gives the same events however the stream is cut into chunks', () => {
    const text = 'event: messages\ndata: {"a":"é"}\r\n\r\n: heartbeat\r\revent: done\rdata: {}\r\r';
    const expected = [
      { event: 'messages', data: '{"a":"é"}' },
      { event: 'done', data: '{}' },
    ];
    for (const [a, b] of splits(text)) expect(parse(a, b), JSON.stringify([a, b])).toEqual(expected);
    expect(parse(...text.split(''))).toEqual(expected);
  });

  it('joins data lines with a line feed', () => {
    expect(parse('data: one\ndata:two\ndata:  three\ndata\n\n')).toEqual([
      { event: 'message', data: 'one\ntwo\n three\n' },
    ]);
  });

  it('ignores comments and heartbeats, also between the lines of one event', () => {
    expect(parse(':ok\n\n: keep-alive\n\nevent: tick\n: inside\ndata: 1\n\n:\n\n')).toEqual([
      { event: 'tick', data: '1' },
    ]);
  });

  it('dispatches nothing for an event without data, and resets its type', () => {
    expect(parse('event: lonely\n\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('drops an event the stream ended in the middle of', () => {
    expect(parse('event: done\ndata: {}\n')).toEqual([]);
  });

  it('keeps the last id, skips unknown fields and a leading byte-order mark', () => {
    expect(parse('\uFEFFid: 7\nretry: 10\nfoo: bar\ndata: x\n\ndata: y\n\n')).toEqual([
      { event: 'message', data: 'x', id: '7' },
      { event: 'message', data: 'y', id: '7' },
    ]);
  });

  it('treats a CR then LF in the next chunk as one line ending, even across an empty chunk', () => {
    expect(parse('data: a\r', '', '\ndata: b\n\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});

function body(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe('readSseBody', () => {
  it('joins a character split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: ✓\n\n');
    const events: SseEvent[] = [];
    await readSseBody(body([bytes.slice(0, 7), bytes.slice(7)]), (e) => void events.push(e));
    expect(events).toEqual([{ event: 'message', data: '✓' }]);
  });

  it('stops at the event that asks to, and cancels the body', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: 1\n\ndata: 2\n\ndata: 3\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const seen: string[] = [];
    await readSseBody(stream, (e) => {
      seen.push(e.data);
      return e.data === '2' ? 'stop' : undefined;
    });
    expect(seen).toEqual(['1', '2']);
    expect(cancelled).toBe(true);
  });
});
