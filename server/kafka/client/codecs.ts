import 'server-only';
import { init as initZstd, compress as zstdCompress, decompress as zstdDecompress } from '@bokuweb/zstd-wasm';
import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import SnappyCodec from 'kafkajs-snappy';
import * as lz4 from 'lz4js';
import { hash as xxh32 } from 'lz4js/xxh32.js';

// kafkajs reads and writes gzip on its own; the other codecs Kafka allows are registered here,
// process-wide, all in JavaScript or WebAssembly so the image needs no native build.
interface Encoded {
  buffer: Buffer;
}

/**
 * zstd's WebAssembly module, started once per process. Next bundles this module into several route
 * and page bundles, and each copy that loads would start the module again (init() replaces its
 * instance) while another copy may be using it: zstd batches then came out corrupt now and then
 * (Kafka: "Failed to decompress record stream"). The first copy's started functions are shared on
 * globalThis, as the other process-wide singletons here are.
 */
interface Zstd {
  compress: typeof zstdCompress;
  decompress: typeof zstdDecompress;
}
const shared = globalThis as unknown as { __kafkascopeZstd?: Promise<Zstd> };
const zstd = (shared.__kafkascopeZstd ??= initZstd().then(() => ({
  compress: zstdCompress,
  decompress: zstdDecompress,
})));

CompressionCodecs[CompressionTypes.Snappy] = SnappyCodec;

const LZ4_BLOCK = 4 << 20; // lz4js writes 4 MiB blocks
const FLAG_BLOCK_INDEPENDENT = 0x20;

/**
 * Kafka's LZ4 is the LZ4 frame format (KIP-57) and accepts only independent blocks. lz4js does not
 * set that flag; a frame of one block is independent by construction, so the flag is set and the
 * descriptor checksum recomputed. Record batches are far below 4 MiB (max.message.bytes).
 */
function lz4Frame(data: Buffer): Buffer {
  if (data.length > LZ4_BLOCK) throw new Error('LZ4: a record batch over 4 MiB cannot be compressed here');
  const frame = Buffer.from(lz4.compress(data));
  frame[4] = frame[4]! | FLAG_BLOCK_INDEPENDENT;
  frame[6] = (xxh32(0, frame, 4, 2) >> 8) & 0xff;
  return frame;
}

CompressionCodecs[CompressionTypes.LZ4] = () => ({
  compress: async (encoder: Encoded) => lz4Frame(encoder.buffer),
  decompress: async (buffer: Buffer) => Buffer.from(lz4.decompress(buffer)),
});

CompressionCodecs[CompressionTypes.ZSTD] = () => ({
  compress: async (encoder: Encoded) => Buffer.from((await zstd).compress(encoder.buffer, 3)),
  decompress: async (buffer: Buffer) => Buffer.from((await zstd).decompress(buffer)),
});
