import { z } from 'zod';

/** How the server reads a key or value: `auto` decodes the schema registry's wire format where it finds it. */
export const payloadFormats = ['auto', 'avro', 'protobuf', 'json-schema', 'raw'] as const;
export type PayloadFormat = (typeof payloadFormats)[number];

/**
 * A key or value in the schema registry's wire format (magic byte 0, a 4-byte schema id, the record),
 * decoded on the server with the registry's schema. `json` is the record as JSON text (integers
 * exact, bytes as base64, logical types as ISO dates and decimal strings); when it is null, `error`
 * says why, and the raw bytes are in the payload as always.
 */
export const schemaFormats = ['avro', 'protobuf', 'json-schema'] as const;
export type SchemaFormat = (typeof schemaFormats)[number];
/** How the formats are named on screen and in messages. */
export const schemaFormatLabels: Record<SchemaFormat, string> = {
  avro: 'Avro',
  protobuf: 'Protobuf',
  'json-schema': 'JSON Schema',
};

export const SchemaDecodedSchema = z.object({
  format: z.enum(schemaFormats).nullable(),
  id: z.number().int(),
  subject: z.string().nullable(),
  version: z.number().int().nullable(),
  /** The record's type: Avro record or Protobuf message name. */
  name: z.string().nullable(),
  json: z.string().nullable(),
  /** The JSON text was cut at the list's byte limit; the message's own page has it whole. */
  truncated: z.boolean(),
  error: z.string().nullable(),
});
export type SchemaDecoded = z.infer<typeof SchemaDecodedSchema>;

/** Raw bytes as base64, so the browser decodes them with the decoder the user picks; null for a null key/value. */
export const PayloadSchema = z.object({
  base64: z.string().nullable(),
  /** Full size in bytes, also when `base64` holds only the first part. */
  size: z.number().int(),
  truncated: z.boolean(),
  /** Present for keys and values the schema registry's wire format was read for. */
  schema: SchemaDecodedSchema.optional(),
});
export type Payload = z.infer<typeof PayloadSchema>;

/** Kafka's codec ids are the indexes: none 0, gzip 1, snappy 2, lz4 3, zstd 4. */
export const compressions = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type Compression = (typeof compressions)[number];

/**
 * How the transaction a message was written in ended, decided as Kafka's read_committed consumer
 * does: by the COMMIT or ABORT marker that ends its producer's transaction. `open`: no marker up to
 * the high watermark, so read_committed consumers do not see it yet; `unknown`: the marker lies
 * further on than the console reads ahead (or that read failed).
 */
export const transactionStates = ['committed', 'aborted', 'open', 'unknown'] as const;
export type TransactionState = (typeof transactionStates)[number];

export const MessageSchema = z.object({
  partition: z.number().int(),
  offset: z.number(),
  timestamp: z.number(),
  key: PayloadSchema,
  value: PayloadSchema,
  headers: z.array(z.object({ key: z.string(), value: PayloadSchema })),
  /** The codec of the batch the message was stored in. */
  compression: z.enum(compressions),
  /** Null when the message was not written in a transaction. */
  transaction: z.enum(transactionStates).nullable(),
});
export type Message = z.infer<typeof MessageSchema>;

export const messageStarts = ['newest', 'oldest', 'offset', 'timestamp'] as const;

/** Partition numbers separated by commas (`0,2,5`), as the API and the console's addresses take them. */
export const PartitionListSchema = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'partitions: a comma-separated list of partition numbers');

/** How one message's key and value are read (`?keyFormat=avro&valueFormat=raw`). */
export const MessageFormatsSchema = z.object({
  keyFormat: z.enum(payloadFormats).optional(),
  valueFormat: z.enum(payloadFormats).optional(),
});

/** The most messages one browse page holds. */
export const MESSAGE_PAGE_MAX = 500;

export const MessageQuerySchema = z
  .object({
    /** Comma-separated partition numbers; all partitions when absent. */
    partitions: PartitionListSchema.optional(),
    start: z.enum(messageStarts).default('newest'),
    offset: z.coerce.number().int().min(0).optional(),
    timestamp: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(MESSAGE_PAGE_MAX).default(100),
    /** Bytes of each key/value/header sent in a list; the rest is loaded on demand. */
    maxBytes: z.coerce.number().int().min(64).max(1_048_576).default(16_384),
    keyFormat: z.enum(payloadFormats).optional(),
    valueFormat: z.enum(payloadFormats).optional(),
  })
  .refine((q) => q.start !== 'offset' || q.offset !== undefined, {
    message: 'offset is required when start=offset',
    path: ['offset'],
  })
  .refine((q) => q.start !== 'timestamp' || q.timestamp !== undefined, {
    message: 'timestamp is required when start=timestamp',
    path: ['timestamp'],
  });
export type MessageQuery = z.infer<typeof MessageQuerySchema>;

export const MessageListSchema = z.object({
  messages: z.array(MessageSchema),
  /** Per partition read: where it was read from and up to, to page on. */
  partitions: z.array(
    z.object({
      partition: z.number().int(),
      lowWatermark: z.number(),
      highWatermark: z.number(),
      from: z.number(),
      next: z.number(),
    }),
  ),
  /** Partitions that could not be read (leader down…): the others' messages are still returned. */
  unavailable: z.array(z.object({ partition: z.number().int(), reason: z.string() })),
});
export type MessageList = z.infer<typeof MessageListSchema>;

/** A registry subject to encode a produced key or value with (the text is then the record as JSON). */
export const ProduceSchemaChoice = z.object({
  subject: z.string().min(1).max(255),
  version: z.union([z.number().int().min(1), z.literal('latest')]).default('latest'),
  /** Protobuf: the message type to encode (default: the first the schema declares). */
  message: z.string().min(1).max(500).optional(),
});
export type ProduceSchemaChoice = z.infer<typeof ProduceSchemaChoice>;

export const ProduceSchema = z.object({
  /** Chosen partition; by key (or round-robin without a key) when absent. */
  partition: z.number().int().min(0).optional(),
  key: z.string().nullable().default(null),
  value: z.string().nullable(),
  valueFormat: z.enum(['text', 'json']).default('text'),
  /** Encode the key / the value with a schema of the registry, in its wire format. */
  keySchema: ProduceSchemaChoice.optional(),
  valueSchema: ProduceSchemaChoice.optional(),
  /** In order; a key may repeat, as Kafka allows. */
  headers: z.array(z.object({ key: z.string().min(1), value: z.string() })).default([]),
  compression: z.enum(compressions).default('none'),
  acks: z.union([z.literal(-1), z.literal(1), z.literal(0)]).default(-1),
  /** Sends this many messages; placeholders in key, value and header values are filled per message (lib/produce/placeholders.ts). */
  count: z.number().int().min(1).max(1000).default(1),
});
export type Produce = z.infer<typeof ProduceSchema>;

export const ProduceResultSchema = z.object({
  results: z.array(z.object({ partition: z.number().int(), offset: z.number().nullable() })),
});
export type ProduceResult = z.infer<typeof ProduceResultSchema>;
