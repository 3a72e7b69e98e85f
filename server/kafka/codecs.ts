import 'server-only';
import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import SnappyCodec from 'kafkajs-snappy';

// kafkajs reads and writes gzip on its own; other codecs must be registered (process-wide).
CompressionCodecs[CompressionTypes.Snappy] = SnappyCodec;
