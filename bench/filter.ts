/**
 * CEL filter evaluation alone, without Kafka: the per-message cost of the filters the scan benchmark
 * uses (plus a loop), on records like its ~200-byte JSON messages, as messages per second of this
 * process's CPU time (median of 5 rounds; CPU time, so that other work on a shared machine counts
 * less). What the interpreter's metering costs shows here, where the scan's network noise hides it.
 *
 *   npx tsx --conditions=react-server bench/filter.ts [--messages 200000]
 */
import type { FetchedRecord } from '@/server/kafka';
import { compileFilter } from '@/server/services/message-filter';
import { median, numberArg } from './support';

const MESSAGES = numberArg('messages', 200_000);
const pad = 'x'.repeat(90);
const records: FetchedRecord[] = Array.from({ length: MESSAGES }, (_, id) => ({
  offset: id,
  timestamp: 1_790_000_000_000 + id,
  key: Buffer.from(`customer-${id % 1000}`),
  value: Buffer.from(
    JSON.stringify({
      id,
      status: id % 1000 === 0 ? 'cancelled' : 'placed',
      total: (id % 500) + 0.99,
      region: 'eu-west',
      tags: ['a', 'b', 'c'],
      pad,
    }),
  ),
  headers: [],
  compression: 'none',
  transaction: null,
}));

const filters = [
  'json.status == "cancelled" && partition >= 0',
  'json.total > 999.0',
  'value.matches("\\"total\\":5[0-9]{2}[.]99")',
  'json.tags.exists(t, t == "z") || key.startsWith("customer-9999")',
];

for (const filter of filters) {
  const rates: number[] = [];
  let matched = 0;
  for (let round = 0; round < 5; round++) {
    const f = compileFilter('', filter);
    matched = 0;
    const started = process.cpuUsage();
    for (const record of records) if (f(0, record)) matched += 1;
    const used = process.cpuUsage(started);
    rates.push(MESSAGES / ((used.user + used.system) / 1e6));
  }
  console.log(
    `${filter.padEnd(66)} ${Math.round(median(rates)).toLocaleString('en-US').padStart(10)} msg/s  (${matched} matches)`,
  );
}
