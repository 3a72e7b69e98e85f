import { decode, ExtData } from '@msgpack/msgpack';

/**
 * MessagePack bytes as JSON text, indented and on one line, or null when the bytes are not exactly one MessagePack
 * value (trailing bytes included). What JSON lacks is spelled out: integers beyond 2^53 keep every
 * digit, binary is shown as hex, timestamps as ISO 8601, other extension types with their type.
 */
export function msgpackToJson(bytes: Uint8Array): { pretty: string; compact: string } | null {
  let value: unknown;
  try {
    // int64 as bigint so large integers stay exact; maps with non-string keys come back as Maps.
    value = decode(bytes, { useBigInt64: true });
  } catch {
    return null;
  }
  // JSON.stringify cannot write a bigint: each is written as a marked string, then unquoted. The
  // marker holds a random part, so no string in the data can pass for one.
  const marker = `\u0000${Math.random().toString(36).slice(2)}:`;
  const json = toJsonValue(value, marker);
  const quoted = JSON.stringify(marker).slice(1, -1).replaceAll('\\', '\\\\');
  const unmark = (text: string) => text.replace(new RegExp(`"${quoted}(-?\\d+)"`, 'g'), '$1');
  return { pretty: unmark(JSON.stringify(json, null, 2)), compact: unmark(JSON.stringify(json)) };
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

function toJsonValue(value: unknown, marker: string): unknown {
  const next = (v: unknown) => toJsonValue(v, marker);
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : `${marker}${value.toString()}`;
  if (value instanceof Uint8Array) return `<bin ${hex(value)}>`;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof ExtData)
    return {
      ext: value.type,
      data: `<bin ${hex(value.data instanceof Uint8Array ? value.data : new Uint8Array())}>`,
    };
  if (Array.isArray(value)) return value.map(next);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), next(v)]));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, next(v)]));
  return value;
}
