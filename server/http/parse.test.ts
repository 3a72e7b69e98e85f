import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/server/http/app-error';
import { parseBody, readBodyText } from '@/server/http/parse';

/** A body streamed in chunks, without a Content-Length; counts how much of it was pulled. */
function streamed(chunks: number, chunkBytes: number) {
  const counter = { pulled: 0 };
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) return controller.close();
      sent += 1;
      counter.pulled += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
  const request = new Request('http://console.local/api/x', {
    method: 'POST',
    body,
    duplex: 'half',
  } as RequestInit);
  return { request, counter };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof AppError ? `${error.code} ${error.status}` : String(error)),
  );
}

describe('request bodies', () => {
  it('are refused by their declared length before a byte is read', async () => {
    const { request } = streamed(1, 10);
    const declared = new Request(request, { headers: { 'content-length': String(20 * 1024) } });
    expect(await codeOf(readBodyText(declared, 16 * 1024))).toBe('payload_too_large 413');
  });

  it('are refused while streaming once they pass the limit, without reading the rest', async () => {
    const { request, counter } = streamed(1000, 64 * 1024);
    const result = await codeOf(readBodyText(request, 1024 * 1024));
    expect(result).toBe('payload_too_large 413');
    expect(counter.pulled).toBeLessThan(2 * 1024 * 1024);
  });

  it('under the limit are parsed and validated as usual', async () => {
    const json = (text: string) => new Request('http://console.local/api/x', { method: 'POST', body: text });
    const schema = z.object({ name: z.string() });
    expect(await parseBody(json('{"name":"orders"}'), schema, { limitBytes: 100 })).toEqual({
      name: 'orders',
    });
    expect(await codeOf(parseBody(json(`{"name":"${'x'.repeat(200)}"}`), schema, { limitBytes: 100 }))).toBe(
      'payload_too_large 413',
    );
    expect(await codeOf(parseBody(json('not json'), schema))).toBe('validation_failed 400');
  });
});
