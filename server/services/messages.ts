import 'server-only';
import { randomUUID } from 'node:crypto';
import type {
  Message,
  MessageList,
  MessageQuery,
  Payload,
  Produce,
  ProduceResult,
} from '@/lib/schemas/message';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { fillPlaceholders } from '@/lib/produce/placeholders';
import { toAppError } from '@/server/kafka/errors';
import { fetchFrom, type FetchedRecord } from '@/server/kafka/fetch';
import { produceLimits, produceMessages } from '@/server/kafka/produce';
import { clientsFor, connected } from '@/server/kafka/registry';
import { withTimeout } from '@/server/kafka/timeout';
import { describeTopology, type TopicMeta } from '@/server/kafka/topology';
import { fetchOffsetsForTime, fetchWatermarks, partitionKey } from '@/server/kafka/watermarks';
import { invalidateCluster } from '@/server/services/snapshot';

function payload(buffer: Buffer | null | undefined, maxBytes: number): Payload {
  if (!buffer) return { base64: null, size: 0, truncated: false };
  return {
    base64: buffer.subarray(0, maxBytes).toString('base64'),
    size: buffer.length,
    truncated: buffer.length > maxBytes,
  };
}

export function toMessage(partition: number, record: FetchedRecord, maxBytes: number): Message {
  return {
    partition,
    offset: record.offset,
    timestamp: record.timestamp,
    key: payload(record.key, maxBytes),
    value: payload(record.value, maxBytes),
    headers: record.headers.map((h) => ({ key: h.key, value: payload(h.value, maxBytes) })),
    compression: record.compression,
    transaction: record.transaction,
  };
}

/** The partitions named in a `0,2,5` list (all when absent); a partition the topic lacks is a 400. */
export function choosePartitions(topic: TopicMeta, list: string | undefined): TopicMeta['partitions'] {
  const chosen = list ? [...new Set(list.split(',').map(Number))] : topic.partitions.map((p) => p.partition);
  const missing = chosen.filter((p) => !topic.partitions.some((x) => x.partition === p));
  if (missing.length)
    throw new AppError('validation_failed', `Topic "${topic.name}" has no partition ${missing.join(', ')}`);
  return topic.partitions.filter((p) => chosen.includes(p.partition));
}

export async function topicMeta(cluster: ClusterConfig, name: string): Promise<TopicMeta> {
  const topic = (await describeTopology(cluster, [name])).topics.find((t) => t.name === name);
  if (!topic) throw new AppError('not_found', `Topic "${name}" does not exist`);
  return topic;
}

const MAX_ROUNDS = 50;

/** What is read of one partition: offsets [from, end), the cursor inside it, the records found. */
interface Window {
  leader: number;
  low: number;
  high: number;
  from: number;
  cursor: number;
  end: number;
  records: FetchedRecord[];
}

/**
 * "Newest" reads the last `limit` offsets first, but transaction markers, aborted records and
 * compaction gaps leave fewer records than offsets there: once a window is read with too few, the
 * next one reaches further back, sized by the density found so far (four times wider when none).
 */
function stepBack(s: Window, limit: number): void {
  if (s.cursor < s.end || s.records.length >= limit || s.from <= s.low) return;
  const width = s.end - s.from;
  const need = limit - s.records.length;
  const span = s.high - s.from;
  const step = s.records.length === 0 ? width * 4 : Math.ceil((need * span) / s.records.length);
  s.end = s.from;
  s.from = Math.max(s.low, s.end - Math.max(need, step));
  s.cursor = s.from;
}

/**
 * A page of messages from chosen partitions, read with plain Fetch requests (no consumer group,
 * no commit). "newest" takes the last `limit` of each partition and merges them newest first; the
 * other starts read forward and merge oldest first.
 */
export async function browseMessages(
  cluster: ClusterConfig,
  name: string,
  query: MessageQuery,
): Promise<MessageList> {
  try {
    const topic = await topicMeta(cluster, name);
    const metas = choosePartitions(topic, query.partitions);
    const clients = await connected(clientsFor(cluster));
    const deadline = Date.now() + cluster.requestTimeoutMs;
    const remaining = () => Math.max(500, deadline - Date.now());

    const marks = (
      await withTimeout(
        fetchWatermarks(clients, [{ ...topic, partitions: metas }]),
        remaining(),
        'ListOffsets',
      )
    ).offsets;
    const atTime =
      query.start === 'timestamp'
        ? await withTimeout(
            fetchOffsetsForTime(
              clients,
              metas.map((p) => ({ topic: name, partition: p.partition, leader: p.leader })),
              query.timestamp!,
            ),
            remaining(),
            'ListOffsets by time',
          )
        : new Map<string, number | null>();

    const unavailable: MessageList['unavailable'] = [];
    const newest = query.start === 'newest';
    const state = new Map<number, Window>();
    for (const p of metas) {
      const m = marks.get(partitionKey(name, p.partition));
      if (p.leader === null || !m) {
        unavailable.push({
          partition: p.partition,
          reason: p.leader === null ? 'no leader' : 'its leader did not answer',
        });
        continue;
      }
      const from = newest
        ? Math.max(m.low, m.high - query.limit)
        : query.start === 'oldest'
          ? m.low
          : query.start === 'offset'
            ? Math.min(m.high, Math.max(m.low, query.offset!))
            : (atTime.get(partitionKey(name, p.partition)) ?? m.high);
      state.set(p.partition, {
        leader: p.leader,
        low: m.low,
        high: m.high,
        from,
        cursor: from,
        end: m.high,
        records: [],
      });
    }

    for (let round = 0; round < MAX_ROUNDS && Date.now() < deadline; round++) {
      if (newest) for (const s of state.values()) stepBack(s, query.limit);
      const pending = [...state].filter(
        ([, s]) => s.cursor < s.end && (newest || s.records.length < query.limit),
      );
      if (pending.length === 0) break;
      const fetched = await withTimeout(
        fetchFrom(
          clients,
          name,
          // Only the records wanted: the transactions of those alone are settled.
          pending.map(([partition, s]) => ({
            partition,
            offset: s.cursor,
            leader: s.leader,
            end: s.end,
            count: newest ? undefined : query.limit - s.records.length,
          })),
        ),
        remaining(),
        'Fetch',
      );
      for (const [partition, s] of pending) {
        const result = fetched.get(partition);
        if (!result || result.error) {
          unavailable.push({ partition, reason: result?.error ?? 'no answer' });
          state.delete(partition);
          continue;
        }
        s.records.push(...result.records);
        // Step past what was read, transaction markers and compacted gaps included; nothing read ends the range.
        s.cursor = result.nextOffset !== null && result.nextOffset > s.cursor ? result.nextOffset : s.end;
      }
    }
    // Newest: the last `limit` records read, whatever the windows held.
    if (newest)
      for (const s of state.values())
        s.records = s.records.sort((a, b) => a.offset - b.offset).slice(-query.limit);

    const messages = [...state]
      .flatMap(([partition, s]) => s.records.map((r) => toMessage(partition, r, query.maxBytes)))
      .sort(
        (a, b) =>
          (newest ? -1 : 1) * (a.timestamp - b.timestamp || a.offset - b.offset || a.partition - b.partition),
      )
      .slice(0, query.limit);
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
  } catch (error) {
    throw toAppError(error, `Messages of "${name}"`);
  }
}

/** One message, whole (the list truncates large payloads). */
export async function getMessage(
  cluster: ClusterConfig,
  name: string,
  partition: number,
  offset: number,
): Promise<Message> {
  const list = await browseMessages(cluster, name, {
    partitions: String(partition),
    start: 'offset',
    offset,
    limit: 1,
    maxBytes: 1_048_576 * 16,
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
  const topic = await topicMeta(cluster, name);
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
  const messages = Array.from({ length: body.count }, (_, i) => {
    const fill = (text: string) => fillPlaceholders(text, { i, now, uuid: randomUUID });
    return {
      key: body.key === null ? null : fill(body.key),
      value: body.value === null ? null : fill(body.value),
      // A list, not an object: Kafka keeps a header key given twice, and the order.
      headers: body.headers.map((h) => ({ key: h.key, value: fill(h.value) })),
      partition: body.partition,
    };
  });
  if (body.valueFormat === 'json') {
    for (const m of messages) {
      try {
        JSON.parse(m.value ?? 'null');
      } catch (error) {
        throw new AppError('validation_failed', `The value is not valid JSON: ${(error as Error).message}`);
      }
    }
  }
  const clients = await connected(clientsFor(cluster));
  const limits = await produceLimits(clients, topic);
  try {
    const results = await withTimeout(
      produceMessages(clients, topic, messages, {
        compression: body.compression,
        acks: body.acks,
        timeoutMs: cluster.requestTimeoutMs,
        limits,
      }),
      cluster.requestTimeoutMs,
      'Produce',
    );
    return { results };
  } catch (error) {
    throw toAppError(error, `Produce to "${name}"`);
  } finally {
    invalidateCluster(cluster);
  }
}
