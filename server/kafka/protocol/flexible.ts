import 'server-only';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import Decoder from 'kafkajs/src/protocol/decoder.js';

/**
 * kafkajs writes request header v1 and strips only the correlation id from responses. Flexible
 * (KIP-482) APIs use header v2 and response header v1, which differ by one empty tagged-field buffer:
 * writing it first in the body, and skipping it first in the response, makes the frames correct.
 */
export function flexibleEncoder(): Encoder {
  return new Encoder().writeUVarInt(0);
}

export function flexibleDecoder(payload: Buffer): Decoder {
  const decoder = new Decoder(payload);
  decoder.readTaggedFields();
  return decoder;
}

export const readInt64 = (decoder: Decoder): number => Number(decoder.readInt64().toString());

/** Compact arrays are length+1 with 0 meaning null. */
export function writeCompactArray<T>(
  encoder: Encoder,
  items: T[],
  write: (encoder: Encoder, item: T) => void,
): void {
  encoder.writeUVarInt(items.length + 1);
  for (const item of items) write(encoder, item);
}

export const readCompactArray = <T>(decoder: Decoder, read: (decoder: Decoder) => T): T[] =>
  decoder.readUVarIntArray(read) ?? [];
