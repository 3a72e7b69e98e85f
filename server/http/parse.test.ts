import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/server/http/app-error';
import { parseBody, parseIntParam, readBodyText } from '@/server/http/parse';

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
    const json = (text: string) =>
      new Request('http://console.local/api/x', {
        method: 'POST',
        body: text,
        headers: { 'content-type': 'application/json' },
      });
    const schema = z.object({ name: z.string() });
    expect(await parseBody(json('{"name":"orders"}'), schema, { limitBytes: 100 })).toEqual({
      name: 'orders',
    });
    expect(await codeOf(parseBody(json(`{"name":"${'x'.repeat(200)}"}`), schema, { limitBytes: 100 }))).toBe(
      'payload_too_large 413',
    );
    expect(await codeOf(parseBody(json('not json'), schema))).toBe('validation_failed 400');
  });

  it('that are not declared JSON are refused with a 415, whatever they hold', async () => {
    const schema = z.object({ name: z.string() });
    const sent = (type: string | null) =>
      new Request('http://console.local/api/x', {
        method: 'POST',
        body: '{"name":"orders"}',
        headers: type === null ? {} : { 'content-type': type },
      });
    const untyped = sent(null);
    untyped.headers.delete('content-type'); // a string body gets text/plain by default
    for (const request of [
      sent('text/plain'),
      sent('text/plain;charset=UTF-8'),
      sent('application/x-www-form-urlencoded'),
      sent('multipart/form-data; boundary=x'),
      sent('application/jsonx'),
      untyped,
    ])
      expect(await codeOf(parseBody(request, schema)), request.headers.get('content-type') ?? 'none').toBe(
        'unsupported_media_type 415',
      );
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'application/merge-patch+json',
    ])
      expect(await parseBody(sent(type), schema), type).toEqual({ name: 'orders' });
  });

  it('with a "__proto__" key anywhere are refused, not applied without it', async () => {
    const schema = z.object({ configs: z.record(z.string(), z.string()) });
    const request = (text: string) =>
      new Request('http://console.local/api/x', {
        method: 'POST',
        body: text,
        headers: { 'content-type': 'application/json' },
      });
    for (const text of [
      '{"configs":{"__proto__":"1","retention.ms":"1000"}}',
      '{"configs":{"\\u005f_proto__":"1"}}',
      '{"list":[{"a":{"__proto__":{}}}],"configs":{}}',
    ])
      expect(await codeOf(parseBody(request(text), schema)), text).toBe('validation_failed 400');
    expect(await parseBody(request('{"configs":{"constructor":"1"}}'), schema)).toEqual({
      configs: { constructor: '1' },
    });
  });
});

describe('parseIntParam', () => {
  it('takes digits only, within the bound it is given', () => {
    expect(parseIntParam('42', 'id')).toBe(42);
    expect(parseIntParam('2147483647', 'silenceId', 2 ** 31 - 1)).toBe(2_147_483_647);
    for (const bad of ['', '-1', '1e3', '1.5', ' 7', '0x10', '9007199254740993'])
      expect(() => parseIntParam(bad, 'id'), bad).toThrow(/id must be a non-negative integer/);
    expect(() => parseIntParam('2147483648', 'silenceId', 2 ** 31 - 1)).toThrow(
      'silenceId must be a non-negative integer of at most 2147483647',
    );
  });
});
