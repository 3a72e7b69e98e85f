import { layoutJson } from '@/lib/format/json-text';
import { msgpackToJson } from '@/lib/decode/msgpack';
import {
  schemaFormatLabels,
  type Payload,
  type PayloadFormat,
  type SchemaDecoded,
  type SchemaFormat,
} from '@/lib/schemas/message';

/**
 * Payload decoders. Kafka keys, values and header values are bytes; the API sends them as base64 and the
 * user picks how to read them. Every decoder returns plain text, which the UI renders as text nodes.
 */
export const decoders = [
  'auto',
  'avro',
  'protobuf',
  'json-schema',
  'text',
  'json',
  'msgpack',
  'hex',
  'base64',
] as const;
export type Decoder = (typeof decoders)[number];

/** The decoders the server applies with the schema registry (the others read the raw bytes here). */
const schemaDecoders = new Set<Decoder>(['avro', 'protobuf', 'json-schema']);

/** What the messages API is asked to decode for a decoder: an explicit schema format, else `auto`. */
export function serverFormat(decoder: Decoder): PayloadFormat | undefined {
  return schemaDecoders.has(decoder) ? (decoder as PayloadFormat) : undefined;
}

export interface Decoded {
  text: string;
  /** What the bytes were read as; for `auto`, the format it settled on. */
  as: Exclude<Decoder, 'auto'> | 'null';
  /** The registry's schema the server decoded the record with. */
  schema?: SchemaDecoded;
  /** Why the chosen decoder could not read the bytes (invalid JSON, invalid UTF-8); the text is then hex. */
  error?: string;
  /** The text on one line, where the decoder wrote it itself (re-parsing could round big numbers). */
  compact?: string;
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** UTF-8 text, or null when the bytes are not valid UTF-8. */
export function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// Control characters other than tab, newline and carriage return mark bytes that are not meant as text.
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function isPrintable(text: string): boolean {
  return !controlChars.test(text);
}

function prettyJson(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  try {
    JSON.parse(trimmed); // valid JSON or not; the layout keeps the numbers as written
    return layoutJson(trimmed, 2);
  } catch {
    return null;
  }
}

/**
 * A key or value as shown: `auto` and the schema decoders use what the server decoded with the
 * schema registry (bytes in the registry's wire format); the others read the bytes themselves.
 */
export function decodeShown(payload: Payload, decoder: Decoder): Decoded {
  const schema = payload.schema;
  if (schema && (decoder === 'auto' || schemaDecoders.has(decoder))) {
    if (schema.json !== null) return { text: schema.json, as: schema.format ?? 'json', schema };
    // Auto: bytes that merely start like the wire format (a 0 byte, then any four) are shown as auto
    // shows any bytes, with the reason they were not decoded; an explicit schema decoder shows hex.
    if (decoder === 'auto')
      return {
        ...decodePayload(payload.base64, 'auto'),
        schema,
        error: `Not decoded with a schema: ${schema.error ?? 'unknown reason'}`,
      };
    return {
      ...decodePayload(payload.base64, 'hex'),
      schema,
      error: `${schema.error ?? 'not decoded'}: shown as hex`,
    };
  }
  if (schemaDecoders.has(decoder)) {
    const label = schemaFormatLabels[decoder as SchemaFormat];
    return {
      ...decodePayload(payload.base64, 'hex'),
      error:
        payload.base64 === null
          ? undefined
          : `Not decoded as ${label} (no schema registry answer for it): shown as hex`,
    };
  }
  return decodePayload(payload.base64, decoder);
}

/** Decodes bytes given as base64 (null for a null key or value) with one decoder. */
export function decodePayload(base64: string | null, decoder: Decoder): Decoded {
  if (base64 === null) return { text: 'null', as: 'null' };
  const bytes = base64ToBytes(base64);
  switch (decoder) {
    case 'avro':
    case 'protobuf':
    case 'json-schema':
      // Only the server decodes these (decodeShown); bytes alone are shown as hex.
      return { text: bytesToHex(bytes), as: 'hex' };
    case 'base64':
      return { text: base64, as: 'base64' };
    case 'hex':
      return { text: bytesToHex(bytes), as: 'hex' };
    case 'text': {
      const text = utf8(bytes);
      return text === null
        ? { text: bytesToHex(bytes), as: 'hex', error: 'Not valid UTF-8: shown as hex' }
        : { text, as: 'text' };
    }
    case 'json': {
      const text = utf8(bytes);
      const json = text === null ? null : prettyJson(text);
      if (json !== null) return { text: json, as: 'json' };
      return text === null
        ? { text: bytesToHex(bytes), as: 'hex', error: 'Not valid UTF-8: shown as hex' }
        : { text, as: 'text', error: 'Not valid JSON: shown as text' };
    }
    case 'msgpack': {
      // Never guessed by `auto`: almost any short byte string is some valid MessagePack value.
      const json = msgpackToJson(bytes);
      return json === null
        ? { text: bytesToHex(bytes), as: 'hex', error: 'Not valid MessagePack: shown as hex' }
        : { text: json.pretty, as: 'msgpack', compact: json.compact };
    }
    case 'auto': {
      const text = utf8(bytes);
      if (text === null || !isPrintable(text)) return { text: bytesToHex(bytes), as: 'hex' };
      const json = prettyJson(text);
      return json === null ? { text, as: 'text' } : { text: json, as: 'json' };
    }
  }
}

/** Decoded JSON (or MessagePack) on one line, its numbers as written; null for anything else. */
export function compactJson(decoded: Decoded): string | null {
  if (decoded.compact !== undefined) return decoded.compact;
  if (decoded.as !== 'json' && !decoded.schema) return null;
  try {
    JSON.parse(decoded.text);
    return layoutJson(decoded.text, 0);
  } catch {
    return null;
  }
}

/** The decoded text on one line, for a table cell: JSON compacted, line breaks shown as spaces. */
export function oneLine(decoded: Decoded): string {
  return compactJson(decoded) ?? decoded.text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Whether a decoded key or value shows its schema: decoded with one, or asked for with a schema decoder. */
export function showsSchema(decoded: Decoded, decoder: Decoder): boolean {
  return decoded.schema !== undefined && (decoded.schema.json !== null || schemaDecoders.has(decoder));
}
