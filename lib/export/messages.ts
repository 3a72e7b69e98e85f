import { compactJson, decodeShown, type Decoder } from '@/lib/decode/payload';
import type { Compression, Message, Payload, TransactionState } from '@/lib/schemas/message';

export const exportFormats = ['jsonl', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** One exported message: what the table shows, as text, with the headers as an object. */
export interface ExportRow {
  partition: number;
  offset: number;
  /** ISO 8601, UTC. */
  timestamp: string;
  key: string | null;
  value: string | null;
  /** Header values read as `auto`; a name sent more than once keeps every value, in order. */
  headers: Record<string, string | string[]>;
  /** The codec the message was stored with: none, gzip, snappy, lz4, zstd. */
  compression: Compression;
  /** How its transaction ended (committed, aborted, open, unknown); null when it was not in one. */
  transaction: TransactionState | null;
}

/** The decoded text of a payload; JSON compacted to one line, other text kept exactly as decoded. */
function payloadText(payload: Payload, decoder: Decoder): string | null {
  const decoded = decodeShown(payload, decoder);
  if (decoded.as === 'null') return null;
  return compactJson(decoded) ?? decoded.text;
}

export function toExportRow(message: Message, keyAs: Decoder, valueAs: Decoder): ExportRow {
  const headers: Record<string, string | string[]> = {};
  for (const header of message.headers) {
    const text = payloadText(header.value, 'auto') ?? '';
    const seen = headers[header.key];
    headers[header.key] = seen === undefined ? text : [...(Array.isArray(seen) ? seen : [seen]), text];
  }
  return {
    partition: message.partition,
    offset: message.offset,
    timestamp: new Date(message.timestamp).toISOString(),
    key: payloadText(message.key, keyAs),
    value: payloadText(message.value, valueAs),
    headers,
    compression: message.compression,
    transaction: message.transaction,
  };
}

/** JSON Lines: one JSON object per message, each line ending in `\n`. */
export function toJsonLines(rows: ExportRow[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}

const csvColumns = [
  'partition',
  'offset',
  'timestamp',
  'key',
  'value',
  'headers',
  'compression',
  'transaction',
] as const;

/**
 * A spreadsheet reads a cell that starts with one of these as a formula (`=HYPERLINK(...)`, `+cmd|...`).
 * OWASP's advice for CSV injection: prefix such a cell with a single quote, and quote the field.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma, semicolon (the separator in some
 * locales) or line break; quotes doubled. Text that a spreadsheet would run as a formula gets a
 * leading `'`, so it opens as the text it is; numbers are written as they are.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(text) || text !== value ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV (RFC 4180): a header line, then one record per message, CRLF line ends. A null key or value is
 * an empty field, as CSV has no null; the headers column holds the headers object as JSON.
 */
export function toCsv(rows: ExportRow[]): string {
  const lines = [csvColumns.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.partition,
        row.offset,
        row.timestamp,
        row.key,
        row.value,
        JSON.stringify(row.headers),
        row.compression,
        row.transaction,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return lines.map((line) => `${line}\r\n`).join('');
}

export function exportMessages(
  messages: Message[],
  format: ExportFormat,
  decoders: { keyAs: Decoder; valueAs: Decoder },
): string {
  const rows = messages.map((m) => toExportRow(m, decoders.keyAs, decoders.valueAs));
  return format === 'csv' ? toCsv(rows) : toJsonLines(rows);
}

export const exportMime: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson',
  csv: 'text/csv',
};

/** `orders-search-2024-05-01T14-03-27Z.csv`: colons left out, as some file systems refuse them. */
export function exportFileName(topic: string, mode: string, format: ExportFormat, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
  return `${topic}-${mode}-${stamp}.${format}`;
}
