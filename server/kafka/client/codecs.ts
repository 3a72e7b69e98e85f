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
 * zstd's WebAssembly module is started once, when this module loads. Loading it on first use saved
 * memory that was mostly never touched (RSS barely moved), and with it the production build's e2e run
 * failed zstd batches now and then (a 500 on produce, a search that decoded none); each route's bundle
 * has its own copy of this module, so first uses could start it more than once at the same time.
 */
const zstdReady = initZstd();

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
  compress: async (encoder: Encoded) => {
    await zstdReady;
    return Buffer.from(zstdCompress(encoder.buffer, 3));
  },
  decompress: async (buffer: Buffer) => {
    await zstdReady;
    return Buffer.from(zstdDecompress(buffer));
  },
});
