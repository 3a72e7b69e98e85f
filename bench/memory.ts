/**
 * Server memory: fills (or reuses) a topic of 1,000,000 JSON messages of ~200 bytes over 6
 * partitions, starts the production server, and prints its resident set (RSS), JS heap in use and
 * memory outside the heap (Buffers, WebAssembly) from its own /api/metrics: at rest after the start,
 * at their peaks while one search reads the whole topic for one record (sampled every 150 ms), and
 * 60 s after that search ended.
 *
 *   npm run build && npx tsx bench/memory.ts [--app DIR: the checkout whose build is measured, this
 *     one by default] [--messages 1000000] [--partitions 6] [--port 3488] [--after-seconds 60]
 *
 * `memoryFigures` measures a server that is already running, for benchmarks that print these rows
 * in their own table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { BOOTSTRAP, ensureCluster } from '../dev/kafka/local-cluster';
import { fillTopic, numberArg, runSearch, startServer, stringArg } from './support';

export interface MemoryRow {
  label: string;
  mb: number;
}

interface Sample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

const MB = 1024 * 1024;
const SAMPLE_MS = 150;

/** The process figures prom-client exposes at /api/metrics, in bytes. */
export async function memorySample(port: number): Promise<Sample> {
  const text = await (await fetch(`http://127.0.0.1:${port}/api/metrics`)).text();
  const value = (name: string) => {
    const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
    if (!match) throw new Error(`/api/metrics has no ${name}`);
    return Number(match[1]);
  };
  return {
    rss: value('process_resident_memory_bytes'),
    heapUsed: value('nodejs_heap_size_used_bytes'),
    heapTotal: value('nodejs_heap_size_total_bytes'),
    external: value('nodejs_external_memory_bytes'),
  };
}

const peakOf = (samples: Sample[], key: keyof Sample) => Math.max(...samples.map((s) => s[key]));

/**
 * Memory of the server at `port`: now (at rest), at its peak during one search over the whole of
 * `topic` for one record (the text of the last message bench data holds in a 1M topic unless `q`
 * says otherwise; every message is read), and `afterMs` after the search ended.
 */
export async function memoryFigures(
  port: number,
  topic: string,
  options: { q?: string; afterMs?: number; onSearch?: (r: SearchFigures) => void } = {},
): Promise<MemoryRow[]> {
  const { q = '"id":999999,', afterMs = 60_000 } = options;
  const rest = await memorySample(port);
  const during: Sample[] = [];
  let searching = true;
  const sampler = (async () => {
    while (searching) {
      during.push(await memorySample(port));
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
  })();
  let result: Awaited<ReturnType<typeof runSearch>>;
  try {
    result = await runSearch(port, topic, { q });
  } finally {
    searching = false;
    await sampler;
  }
  during.push(await memorySample(port));
  options.onSearch?.({
    scanned: result.done.scanned,
    matched: result.done.matched,
    elapsedMs: result.elapsedMs,
    samples: during.length,
  });
  await new Promise((r) => setTimeout(r, afterMs));
  const after = await memorySample(port);
  const later = `${Math.round(afterMs / 1000)} s after`;
  const rows: [string, number][] = [
    ['RSS at rest', rest.rss],
    ['JS heap used at rest', rest.heapUsed],
    ['outside the heap at rest', rest.external],
    ['RSS peak, search over the topic', peakOf(during, 'rss')],
    ['JS heap used peak, search', peakOf(during, 'heapUsed')],
    ['JS heap total peak, search', peakOf(during, 'heapTotal')],
    ['outside the heap peak, search', peakOf(during, 'external')],
    [`RSS ${later}`, after.rss],
    [`JS heap used ${later}`, after.heapUsed],
  ];
  return rows.map(([label, bytes]) => ({ label, mb: bytes / MB }));
}

export interface SearchFigures {
  scanned: number;
  matched: number;
  elapsedMs: number;
  samples: number;
}

/** Peak resident set of the whole life of a process, and what its resident set is made of now. */
function procFigures(pid: number): string {
  const field = (file: string, name: string) => {
    const line = readFileSync(`/proc/${pid}/${file}`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${name}:`));
    return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
  };
  return (
    `peak RSS of the process (VmHWM) ${field('status', 'VmHWM').toFixed(0)} MiB; RSS now: ` +
    `anonymous ${field('status', 'RssAnon').toFixed(0)}, files ${field('status', 'RssFile').toFixed(0)} MiB`
  );
}

async function main(): Promise<void> {
  const messages = numberArg('messages', 1_000_000);
  const partitions = numberArg('partitions', 6);
  const port = numberArg('port', 3488);
  const app = path.resolve(stringArg('app', '.'));
  const afterMs = numberArg('after-seconds', 60) * 1000;
  const topic = `bench-memory-${messages}-${partitions}`;
  ensureCluster();
  const kafka = new Kafka({
    clientId: 'kafkascope-bench',
    brokers: BOOTSTRAP.split(','),
    logLevel: logLevel.NOTHING,
  });
  await fillTopic(kafka, { topic, messages, partitions });
  const server = await startServer(port, app);
  try {
    let search: SearchFigures | undefined;
    const rows = await memoryFigures(port, topic, {
      q: `"id":${messages - 1},`,
      afterMs,
      onSearch: (s) => (search = s),
    });
    console.log(
      `\nserver of ${app}, ${messages.toLocaleString('en-US')} messages over ${partitions} partitions`,
    );
    for (const row of rows) console.log(`${row.label.padEnd(36)} ${row.mb.toFixed(0).padStart(5)} MiB`);
    if (search) {
      const rate = search.scanned / (search.elapsedMs / 1000);
      console.log(
        `search: ${search.scanned.toLocaleString('en-US')} scanned, ${search.matched} matched in ` +
          `${(search.elapsedMs / 1000).toFixed(2)} s (${Math.round(rate).toLocaleString('en-US')} msg/s), ` +
          `${search.samples} samples`,
      );
    }
    console.log(procFigures(server.pid!));
  } finally {
    server.kill();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
