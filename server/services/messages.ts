import 'server-only';
import { randomUUID } from 'node:crypto';
import type {
  Message,
  MessageList,
  MessageQuery,
  PayloadFormat,
  Produce,
  ProduceResult,
} from '@/lib/schemas/message';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { fillPlaceholders } from '@/lib/produce/placeholders';
import { kafka, type FetchedRecord } from '@/server/kafka';
import { openRange, readRound, toMessage, type Cursor } from '@/server/services/read-range';
import { RecordSchemas, schemaEncoder } from '@/server/services/record-schemas';
import { findTopic } from '@/server/services/resolve';
import { changing } from '@/server/services/snapshot';

const MAX_ROUNDS = 50;

/** What browse keeps of one partition's range: the records found so far. */
interface Window extends Cursor {
  records: FetchedRecord[];
}

/**
 * "Newest" reads the last `limit` offsets first, but transaction markers, aborted records and
 * compaction gaps leave fewer records than offsets there: once a window is read with too few, the
 * next one reaches further back, sized by the density found so far (four times wider when none).
 */
function stepBack(s: Window, limit: number): void {
  if (s.position < s.end || s.records.length >= limit || s.from <= s.low) return;
  const width = s.end - s.from;
  const need = limit - s.records.length;
  const span = s.high - s.from;
  const step = s.records.length === 0 ? width * 4 : Math.ceil((need * span) / s.records.length);
  s.end = s.from;
  s.from = Math.max(s.low, s.end - Math.max(need, step));
  s.position = s.from;
}

/**
 * A page of messages from chosen partitions. "newest" takes the last `limit` of each partition and
 * merges them newest first; the other starts read forward and merge oldest first.
 */
export async function browseMessages(
  cluster: ClusterConfig,
  name: string,
  query: MessageQuery,
): Promise<MessageList> {
  const deadline = Date.now() + cluster.requestTimeoutMs;
  const remaining = () => ({ timeoutMs: Math.max(500, deadline - Date.now()) });
  const range = await openRange(cluster, name, query.partitions, query, remaining());
  const unavailable = [...range.unavailable];
  const newest = query.start === 'newest';
  const state = new Map<number, Window>();
  for (const [partition, cursor] of range.cursors) state.set(partition, { ...cursor, records: [] });

  const gateway = kafka(cluster);
  for (let round = 0; round < MAX_ROUNDS && Date.now() < deadline; round++) {
    if (newest) for (const s of state.values()) stepBack(s, query.limit);
    const pending = [...state].filter(
      ([, s]) => s.position < s.end && (newest || s.records.length < query.limit),
    );
    if (pending.length === 0) break;
    // Only the records wanted: the transactions of those alone are settled.
    const { read, failed } = await readRound(gateway, name, pending, {
      count: newest ? undefined : (p) => query.limit - state.get(p)!.records.length,
      ...remaining(),
    });
    for (const f of failed) {
      unavailable.push(f);
      state.delete(f.partition);
    }
    for (const [partition, result] of read) {
      const s = state.get(partition)!;
      s.records.push(...result.records);
      // Step past what was read, transaction markers and compacted gaps included; nothing read ends the range.
      s.position = result.nextOffset !== null && result.nextOffset > s.position ? result.nextOffset : s.end;
    }
  }
  // Newest: the last `limit` records read, whatever the windows held.
  if (newest)
    for (const s of state.values())
      s.records = s.records.sort((a, b) => a.offset - b.offset).slice(-query.limit);

  const schemas = new RecordSchemas(cluster, name, {
    key: query.keyFormat ?? 'auto',
    value: query.valueFormat ?? 'auto',
  });
  const shown = [...state]
    .flatMap(([partition, s]) => s.records.map((record) => ({ partition, record })))
    .sort(
      (a, b) =>
        (newest ? -1 : 1) *
        (a.record.timestamp - b.record.timestamp ||
          a.record.offset - b.record.offset ||
          a.partition - b.partition),
    )
    .slice(0, query.limit);
  // Only the records shown are decoded (and only their schema ids looked up).
  await schemas.prepare(shown.map((s) => s.record));
  const messages = shown.map(({ partition, record }) =>
    toMessage(partition, record, query.maxBytes, schemas),
  );
  const partitions = [...state].map(([partition, s]) => {
    const shown = messages.filter((m) => m.partition === partition);
    return {
      partition,
      lowWatermark: s.low,
      highWatermark: s.high,
      from: shown.length ? Math.min(...shown.map((m) => m.offset)) : s.from,
      next: shown.length ? Math.max(...shown.map((m) => m.offset)) + 1 : s.from,
    };
  });
  return { messages, partitions, unavailable: unavailable.sort((a, b) => a.partition - b.partition) };
}

/** One message, whole (the list truncates large payloads). */
export async function getMessage(
  cluster: ClusterConfig,
  name: string,
  partition: number,
  offset: number,
  formats: { key: PayloadFormat; value: PayloadFormat } = { key: 'auto', value: 'auto' },
): Promise<Message> {
  const list = await browseMessages(cluster, name, {
    partitions: String(partition),
    start: 'offset',
    offset,
    limit: 1,
    maxBytes: 1_048_576 * 16,
    keyFormat: formats.key,
    valueFormat: formats.value,
  });
  const message = list.messages.find((m) => m.offset === offset);
  if (!message) throw new AppError('not_found', `No message at offset ${offset} of ${name}-${partition}`);
  return message;
}

/**
 * Validates everything and encodes every record batch first, so bad input or a message too large on
 * its own is refused with nothing sent; then sends batches that fit the topic's and broker's limits.
 */
export async function produce(cluster: ClusterConfig, name: string, body: Produce): Promise<ProduceResult> {
  const { topic } = await findTopic(cluster, name);
  if (body.partition !== undefined && !topic.partitions.some((p) => p.partition === body.partition)) {
    throw new AppError('validation_failed', `Topic "${name}" has no partition ${body.partition}`);
  }
  // Keyless messages spread over every partition: all of them need a leader.
  const leaderless = topic.partitions.filter((p) => p.leader === null).map((p) => p.partition);
  if (leaderless.length) {
    throw new AppError(
      'broker_unavailable',
      `Topic "${name}" cannot be written now: ${leaderless.length === 1 ? 'partition' : 'partitions'} ${leaderless.join(', ')} ${leaderless.length === 1 ? 'has' : 'have'} no leader (their brokers are down)`,
    );
  }
  const now = Date.now();
  // With a schema, each text (placeholders filled) is the record as JSON, encoded in the wire format;
  // any message that does not fit refuses the whole request before anything is sent.
  const [keyEncoder, valueEncoder] = await Promise.all([
    body.keySchema ? schemaEncoder(cluster, body.keySchema, 'key') : null,
    body.valueSchema ? schemaEncoder(cluster, body.valueSchema, 'value') : null,
  ]);
  const messages = Array.from({ length: body.count }, (_, i) => {
    const fill = (text: string) => fillPlaceholders(text, { i, now, uuid: randomUUID });
    const key = body.key === null ? null : fill(body.key);
    const value = body.value === null ? null : fill(body.value);
    return {
      key: key !== null && keyEncoder ? keyEncoder.encode(key) : key,
      value: value !== null && valueEncoder ? valueEncoder.encode(value) : value,
      // A list, not an object: Kafka keeps a header key given twice, and the order.
      headers: body.headers.map((h) => ({ key: h.key, value: fill(h.value) })),
      partition: body.partition,
    };
  });
  if (body.valueFormat === 'json' && !valueEncoder) {
    for (const m of messages) {
      try {
        JSON.parse((m.value as string | null) ?? 'null');
      } catch (error) {
        throw new AppError('validation_failed', `The value is not valid JSON: ${(error as Error).message}`);
      }
    }
  }
  const results = await changing(cluster, () =>
    kafka(cluster).produce(topic, messages, { compression: body.compression, acks: body.acks }),
  );
  return { results };
}
