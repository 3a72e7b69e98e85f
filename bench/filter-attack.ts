/**
 * What a costly search filter does to everyone else: one message of `--kb` KB, three searches at
 * once with a quadratic filter, `/api/health` probed every 50 ms meanwhile. Prints the worst and
 * median health latency, the server's peak resident memory, and how each search ended, within
 * `--seconds` (a search still running then is reported as such).
 *
 *   npm run build && npx tsx bench/filter-attack.ts [--kb 100] [--seconds 20] [--port 3195] [--filter EXPR]
 */
import { Kafka, logLevel } from 'kafkajs';
import { BOOTSTRAP } from '../dev/kafka/local-cluster';
import { median, numberArg, startServer } from './support';

const kb = numberArg('kb', 100);
const seconds = numberArg('seconds', 20);
const port = numberArg('port', 3195);
const base = `http://127.0.0.1:${port}`;
const topic = `bench-filter-attack-${Date.now().toString(36)}`;
const filterArg = process.argv.indexOf('--filter');
const filter =
  filterArg > 0 ? process.argv[filterArg + 1]! : 'value.split("").all(a, value.split("").all(b, a != "~"))';

async function residentBytes(): Promise<number | null> {
  const text = await fetch(`${base}/api/metrics`, { signal: AbortSignal.timeout(1_000) })
    .then((r) => r.text())
    .catch(() => '');
  const match = /^process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(text);
  return match ? Number(match[1]) : null;
}

async function main(): Promise<void> {
  const kafka = new Kafka({
    clientId: 'bench-filter-attack',
    brokers: BOOTSTRAP.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const producer = kafka.producer();
  await Promise.all([admin.connect(), producer.connect()]);
  await admin.createTopics({
    topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  await producer.send({ topic, messages: [{ value: 'x'.repeat(kb * 1024) }] });
  const server = await startServer(port);
  try {
    const idle = (await residentBytes()) ?? 0;
    const deadline = Date.now() + seconds * 1_000;
    const ends = [0, 1, 2].map(async () => {
      const response = await fetch(
        `${base}/api/clusters/local/topics/${topic}/search?filter=${encodeURIComponent(filter)}`,
        { signal: AbortSignal.timeout(seconds * 1_000) },
      ).catch(() => null);
      const body = response ? await response.text().catch(() => '') : '';
      if (!response) return `no answer within ${seconds} s`;
      return (
        /event: done\ndata: \{"reason":"([a-z_]+)"/.exec(body)?.[1] ?? 'the stream broke off (server gone?)'
      );
    });
    const latencies: number[] = [];
    let peak = idle;
    let settled = false;
    void Promise.all(ends).then(() => (settled = true));
    while (!settled && Date.now() < deadline) {
      const started = performance.now();
      const ok = await fetch(`${base}/api/health`, {
        signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
      })
        .then((r) => r.ok)
        .catch(() => false);
      latencies.push(
        ok ? performance.now() - started : deadline - Date.now() + (performance.now() - started),
      );
      peak = Math.max(peak, (await residentBytes()) ?? 0);
      await new Promise((r) => setTimeout(r, 50));
    }
    const reasons = await Promise.all(ends);
    console.log(
      `${kb} KB message, 3 searches with ${filter}\n` +
        `  /api/health: worst ${Math.max(...latencies).toFixed(0)} ms, median ${median(latencies).toFixed(0)} ms over ${latencies.length} probes\n` +
        `  memory: ${(idle / 2 ** 20).toFixed(0)} MiB before, peak ${(peak / 2 ** 20).toFixed(0)} MiB\n` +
        `  searches ended: ${reasons.join(', ')}`,
    );
  } finally {
    server.kill('SIGKILL');
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await Promise.allSettled([admin.disconnect(), producer.disconnect()]);
  }
}

void main();
