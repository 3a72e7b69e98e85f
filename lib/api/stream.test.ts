import { afterEach, describe, expect, it, vi } from 'vitest';
import { readScanStream, type ScanHandlers } from '@/lib/api/stream';

const url = '/api/clusters/local/topics/t/search?q=x';

function sse(text: string, { end = true } = {}): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      if (end) controller.close();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
}

/** Runs a stream against a faked fetch and records every handler call in order. */
async function run(answer: Response | Error, signal = new AbortController().signal) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => (answer instanceof Error ? Promise.reject(answer) : answer)),
  );
  const calls: [string, unknown][] = [];
  const record =
    (name: string) =>
    (value: unknown): void =>
      void calls.push([name, value]);
  const handlers: ScanHandlers = {
    onProgress: record('progress'),
    onMessages: record('messages'),
    onNotice: record('notice'),
    onDone: record('done'),
    onError: record('error'),
  };
  await readScanStream(url, handlers, signal);
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const progress = { scanned: 5, matched: 1, bytes: 10, positions: { '0': 5 } };
const done = { reason: 'end', scanned: 5, matched: 1, elapsedMs: 3 };

describe('readScanStream', () => {
  it('hands each event to its handler, parsed, and ends at done', async () => {
    const calls = await run(
      sse(
        `: hello\n\nevent: progress\ndata: ${JSON.stringify(progress)}\n\n` +
          `event: notice\ndata: {"unavailable":[{"partition":2,"reason":"leader_not_available"}]}\n\n` +
          `event: messages\ndata: {"messages":[]}\n\nevent: done\ndata: ${JSON.stringify(done)}\n\n` +
          `event: progress\ndata: ${JSON.stringify(progress)}\n\n`,
      ),
    );
    expect(calls).toEqual([
      ['progress', progress],
      ['notice', { unavailable: [{ partition: 2, reason: 'leader_not_available' }] }],
      ['messages', []],
      ['done', done],
    ]);
  });

  it('lets go of a body the server keeps open after done', async () => {
    const calls = await run(sse(`event: done\ndata: ${JSON.stringify(done)}\n\n`, { end: false }));
    expect(calls).toEqual([['done', done]]);
  });

  it('reports a refused stream with the JSON error of the answer itself', async () => {
    const refused = Response.json(
      { error: { code: 'too_many_requests', message: 'You have 3 searches and live tails running' } },
      { status: 429 },
    );
    expect(await run(refused)).toEqual([
      ['error', { code: 'too_many_requests', message: 'You have 3 searches and live tails running' }],
    ]);
  });

  it('reports an answer that is neither an event stream nor a JSON error by its status', async () => {
    expect(await run(new Response('<html>', { status: 502 }))).toEqual([
      ['error', { code: 'internal', message: 'The server answered 502.' }],
    ]);
    expect(await run(new Response('<html>', { status: 200 }))).toEqual([
      ['error', { code: 'internal', message: 'Unexpected answer from /api/clusters/local/topics/t/search.' }],
    ]);
  });

  it("passes on the server's error event, and ends there", async () => {
    const calls = await run(
      sse('event: error\ndata: {"code":"validation_failed","message":"filter: bad"}\n\ndata: more\n\n'),
    );
    expect(calls).toEqual([['error', { code: 'validation_failed', message: 'filter: bad' }]]);
  });

  it('turns an event that does not parse into an error', async () => {
    expect(await run(sse('event: done\ndata: {"reason":"nope"}\n\n'))).toEqual([
      ['error', { code: 'internal', message: 'Unexpected `done` event from the server.' }],
    ]);
  });

  it('reports a stream that ends before done as a lost connection, and an unreachable server', async () => {
    expect(await run(sse(`event: progress\ndata: ${JSON.stringify(progress)}\n\n`))).toEqual([
      ['progress', progress],
      ['error', { code: 'network', message: 'The connection to the console server was lost.' }],
    ]);
    expect(await run(new TypeError('Failed to fetch'))).toEqual([
      ['error', { code: 'network', message: 'The console server could not be reached.' }],
    ]);
  });

  it('calls no handler once aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await run(sse(`event: done\ndata: ${JSON.stringify(done)}\n\n`), controller.signal)).toEqual([]);
    expect(await run(new DOMException('aborted', 'AbortError'), controller.signal)).toEqual([]);
  });
});
