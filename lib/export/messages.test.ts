import { describe, expect, it } from 'vitest';
import {
  csvField,
  exportFileName,
  exportMessages,
  toCsv,
  toExportRow,
  toJsonLines,
  type ExportRow,
} from '@/lib/export/messages';
import type { Message, Payload } from '@/lib/schemas/message';

const payload = (text: string | null): Payload =>
  text === null
    ? { base64: null, size: 0, truncated: false }
    : { base64: Buffer.from(text).toString('base64'), size: Buffer.byteLength(text), truncated: false };

const message = (over: Partial<Message> = {}): Message => ({
  partition: 1,
  offset: 42,
  timestamp: Date.UTC(2024, 4, 1, 14, 3, 27, 5),
  key: payload('k'),
  value: payload('v'),
  headers: [],
  compression: 'none',
  transaction: null,
  ...over,
});

const row = (over: Partial<ExportRow> = {}): ExportRow => ({
  partition: 0,
  offset: 7,
  timestamp: '2024-05-01T14:03:27.005Z',
  key: 'k',
  value: 'v',
  headers: {},
  compression: 'none',
  transaction: null,
  ...over,
});

describe('csvField', () => {
  it('leaves plain text alone and writes null as an empty field', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('neutralises cells a spreadsheet would run as formulas (OWASP: leading quote, quoted field)', () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(csvField('+1+1')).toBe(`"'+1+1"`);
    expect(csvField('-2+3')).toBe(`"'-2+3"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\t=1')).toBe(`"'\t=1"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('a;=1')).toBe('"a;=1"');
    expect(csvField('1=1')).toBe('1=1');
    expect(csvField(-1)).toBe('-1');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvField('"')).toBe('""""');
  });
});

describe('toCsv', () => {
  it('writes a header line and CRLF-terminated records', () => {
    expect(toCsv([row()])).toBe(
      'partition,offset,timestamp,key,value,headers,compression,transaction\r\n0,7,2024-05-01T14:03:27.005Z,k,v,{},none,\r\n',
    );
  });

  it('quotes JSON values, nulls become empty fields, headers are a quoted JSON object', () => {
    const csv = toCsv([
      row({
        key: null,
        value: '{"a":1,"b":"x, y"}',
        headers: { h: 'v' },
        compression: 'zstd',
        transaction: 'aborted',
      }),
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      '0,7,2024-05-01T14:03:27.005Z,,"{""a"":1,""b"":""x, y""}","{""h"":""v""}",zstd,aborted',
    );
  });

  it('keeps line breaks inside a quoted field', () => {
    const csv = toCsv([row({ value: 'first\nsecond' })]);
    expect(csv).toContain('"first\nsecond"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes only the header line for no messages', () => {
    expect(toCsv([])).toBe('partition,offset,timestamp,key,value,headers,compression,transaction\r\n');
  });
});

describe('toJsonLines', () => {
  it('writes one parseable object per line, newlines in values escaped', () => {
    const text = toJsonLines([row({ value: 'a\nb' }), row({ offset: 8, key: null })]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toMatchObject({ offset: 7, value: 'a\nb' });
    expect(JSON.parse(lines[1]!)).toMatchObject({ offset: 8, key: null });
  });
});

describe('toExportRow', () => {
  it('decodes with the chosen decoders, JSON on one line, timestamps in ISO', () => {
    const r = toExportRow(
      message({ value: payload('{\n  "n": 1\n}'), compression: 'lz4', transaction: 'committed' }),
      'auto',
      'auto',
    );
    expect(r).toEqual({
      partition: 1,
      offset: 42,
      timestamp: '2024-05-01T14:03:27.005Z',
      key: 'k',
      value: '{"n":1}',
      headers: {},
      compression: 'lz4',
      transaction: 'committed',
    });
    expect(toExportRow(message(), 'hex', 'base64')).toMatchObject({ key: '6b', value: 'dg==' });
  });

  it('keeps null keys and values null, text with line breaks as is', () => {
    const r = toExportRow(message({ key: payload(null), value: payload('a\r\nb') }), 'auto', 'text');
    expect(r.key).toBeNull();
    expect(r.value).toBe('a\r\nb');
  });

  it('collects headers, keeping every value of a repeated name', () => {
    const headers = [
      { key: 'trace', value: payload('t1') },
      { key: 'tag', value: payload('a') },
      { key: 'tag', value: payload('b') },
      { key: 'empty', value: payload(null) },
    ];
    expect(toExportRow(message({ headers }), 'auto', 'auto').headers).toEqual({
      trace: 't1',
      tag: ['a', 'b'],
      empty: '',
    });
  });
});

describe('exportMessages and exportFileName', () => {
  it('produces either format from messages', () => {
    const messages = [message(), message({ offset: 43, value: payload('x,"y"') })];
    const jsonl = exportMessages(messages, 'jsonl', { keyAs: 'auto', valueAs: 'auto' });
    expect(
      jsonl
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as ExportRow).offset),
    ).toEqual([42, 43]);
    const csv = exportMessages(messages, 'csv', { keyAs: 'auto', valueAs: 'text' });
    expect(csv).toContain(',"x,""y"""');
  });

  it('names the file after the topic, the mode and the time, without colons', () => {
    expect(exportFileName('orders', 'search', 'csv', new Date(Date.UTC(2024, 4, 1, 14, 3, 27, 5)))).toBe(
      'orders-search-2024-05-01T14-03-27Z.csv',
    );
  });
});
