/**
 * Time to data on screen: opens each console page in headless Chromium against the production
 * standalone server (login off) and prints the time from navigation start until the page's data is
 * drawn, cold (a new browser context: empty HTTP cache, first visit) and warm (median of N visits in
 * that context, scripts and styles cached).
 *
 *   npx tsx bench/pages.ts [--app DIR] [--runs 5] [--port 3388] [--gap 2100] [--topics 40] [--delete]
 *
 * "Data on screen" is a concrete element per page, drawn from the answer of the page's main query
 * (skeletons carry none of these test ids):
 *   overview   the cluster health banner and the first broker row
 *   topics     the first row of the topics table, its link holding a real topic name
 *   topic      the first row of the partitions table (the default tab) of bench-pages-00
 *   groups     the first row of the groups table, its link holding a real group id
 *   group      the first partition row (the default tab) of the group bench-pages-group
 * A MutationObserver installed before any of the page's own scripts sees the element as soon as it is
 * in the document, whether the HTML brought it or client code drew it; the time is taken at the next
 * animation frame, when it is painted. Each visit waits `--gap` ms first, so that the server's 2 s
 * shared Kafka reads have expired and every visit costs real Kafka requests.
 *
 * Data: bench-pages-00..NN (3 partitions, a few messages each) and the group bench-pages-group, made
 * by kcat (librdkafka) reading bench-pages-00 and committing; created when missing, --delete removes them.
 */
import { chromium, type Browser } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import path from 'node:path';
import { BOOTSTRAP, ensureCluster, kcatConsume } from '../dev/kafka/local-cluster';
import { median, numberArg, startServer } from './support';

export interface PageSpec {
  label: string;
  /** Path under the console, e.g. /clusters/local/topics. */
  path: string;
  /** A CSS selector per element that must all be in the document, each with some text, for the data to count as shown. */
  ready: string[];
}

export interface PageTime {
  label: string;
  coldMs: number;
  medianMs: number;
  /** Requests the page had started before its data was on screen (warm, last visit): API calls and RSC fetches (prefetches). */
  apiRequests: number;
  rscRequests: number;
  /** Median time to the HTML's first byte, warm: what the server took before anything could be drawn. */
  ttfbMs: number;
}

interface Shown {
  at: number;
  ttfb: number;
  api: number;
  rsc: number;
}

export const BENCH_PREFIX = 'bench-pages-';
export const BENCH_GROUP = `${BENCH_PREFIX}group`;
export const benchTopic = (i: number) => `${BENCH_PREFIX}${String(i).padStart(2, '0')}`;

/** The five pages, on the cluster `clusterId`, with the bench's own topic and group. */
export function defaultPages(clusterId = 'local'): PageSpec[] {
  const base = `/clusters/${encodeURIComponent(clusterId)}`;
  return [
    {
      label: 'overview',
      path: base,
      ready: ['[data-testid="cluster-health"]', '[data-testid="broker-row"]'],
    },
    { label: 'topics', path: `${base}/topics`, ready: ['[data-testid="topic-row"] a'] },
    {
      label: `topic ${benchTopic(0)}`,
      path: `${base}/topics/${benchTopic(0)}`,
      ready: ['[data-testid="partition-row"]'],
    },
    { label: 'groups', path: `${base}/groups`, ready: ['[data-testid="group-row"] a'] },
    {
      label: `group ${BENCH_GROUP}`,
      path: `${base}/groups/${BENCH_GROUP}`,
      ready: ['[data-testid="group-partition-row"]'],
    },
  ];
}

/**
 * Runs in the page before its own scripts: `window.__dataShown` resolves when every `ready` selector has
 * text. A string, not a function: tsx's transform would name the closures with a helper the page lacks.
 */
const watchForData = (ready: string[]) => `
window.__dataShown = new Promise((resolve) => {
  const ready = ${JSON.stringify(ready)};
  // In the document is not enough: a streamed Suspense boundary arrives hidden until React reveals it.
  const shown = () => ready.every((s) => {
    const element = document.querySelector(s);
    return element !== null && (element.textContent || '').trim() !== '' && element.checkVisibility();
  });
  let done = false;
  const check = () => {
    if (done || !shown()) return;
    done = true;
    observer.disconnect();
    requestAnimationFrame(() => {
      const at = performance.now();
      const started = performance.getEntriesByType('resource')
        .filter((entry) => entry.startTime < at)
        .map((entry) => new URL(entry.name));
      const navigation = performance.getEntriesByType('navigation')[0];
      resolve({
        at,
        ttfb: navigation ? navigation.responseStart : 0,
        api: started.filter((url) => url.pathname.startsWith('/api/')).length,
        rsc: started.filter((url) => url.searchParams.has('_rsc')).length,
      });
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  // Styles arriving can show what was there already: look at every frame too.
  const frame = () => { check(); if (!done) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
});`;

async function visit(
  context: Awaited<ReturnType<Browser['newContext']>>,
  url: string,
  spec: PageSpec,
): Promise<Shown> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: watchForData(spec.ready) });
    await page.goto(url, { waitUntil: 'commit' });
    return (await page.evaluate(
      `Promise.race([window.__dataShown, new Promise((_, reject) => setTimeout(() => reject(new Error('no data in 20 s')), 20000))])`,
    )) as Shown;
  } catch (error) {
    throw new Error(`${spec.label} (${url}): ${(error as Error).message}`);
  } finally {
    await page.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Cold and warm times of each page at `baseUrl`: one new browser context per page, its first visit
 * cold, then `runs` more visits whose median is the warm time. `gapMs` before each visit lets the
 * server's shared reads expire.
 */
export async function pageTimes(
  baseUrl: string,
  pages: PageSpec[],
  runs: number,
  { gapMs = 2_100, browser: given }: { gapMs?: number; browser?: Browser } = {},
): Promise<PageTime[]> {
  const browser =
    given ??
    (await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] }));
  try {
    const rows: PageTime[] = [];
    for (const spec of pages) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const url = new URL(spec.path, baseUrl).toString();
        await sleep(gapMs);
        const cold = await visit(context, url, spec);
        const warm: Shown[] = [];
        for (let i = 0; i < runs; i++) {
          await sleep(gapMs);
          warm.push(await visit(context, url, spec));
        }
        const last = warm.at(-1) ?? cold;
        rows.push({
          label: spec.label,
          coldMs: Math.round(cold.at),
          medianMs: Math.round(median(warm.map((w) => w.at))),
          ttfbMs: Math.round(median(warm.map((w) => w.ttfb))),
          apiRequests: last.api,
          rscRequests: last.rsc,
        });
      } finally {
        await context.close();
      }
    }
    return rows;
  } finally {
    if (!given) await browser.close();
  }
}

const benchKafka = () =>
  new Kafka({
    clientId: 'kafkascope-bench-pages',
    brokers: BOOTSTRAP.split(','),
    logLevel: logLevel.NOTHING,
  });

/** The bench's topics (a page of them beside what the cluster holds) and its group, when missing. */
export async function ensureBenchData(topics = 40): Promise<void> {
  ensureCluster();
  const kafka = benchKafka();
  const admin = kafka.admin();
  await admin.connect();
  try {
    const names = Array.from({ length: topics }, (_, i) => benchTopic(i));
    const existing = new Set(await admin.listTopics());
    const missing = names.filter((name) => !existing.has(name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 3 })),
      });
      const producer = kafka.producer();
      await producer.connect();
      await producer.sendBatch({
        topicMessages: missing.map((topic) => ({
          topic,
          messages: Array.from({ length: 30 }, (_, i) => ({
            key: `k${i}`,
            value: `{"n":${i}}`,
            partition: i % 3,
          })),
        })),
      });
      await producer.disconnect();
    }
    const groups = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
    // A real consumer makes the group: kcat joins, reads part of bench-pages-00, commits and leaves.
    if (!groups.has(BENCH_GROUP)) await kcatConsume(BENCH_GROUP, benchTopic(0), 20);
  } finally {
    await admin.disconnect();
  }
}

export async function deleteBenchData(topics = 40): Promise<void> {
  const kafka = benchKafka();
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups([BENCH_GROUP]).catch(() => undefined);
    await admin
      .deleteTopics({ topics: Array.from({ length: topics }, (_, i) => benchTopic(i)) })
      .catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

export function printTable(title: string, rows: PageTime[]): void {
  console.log(`\n${title}`);
  console.log(
    `${'page'.padEnd(28)}${'cold ms'.padStart(9)}${'warm ms'.padStart(9)}${'ttfb ms'.padStart(9)}   requests before data (api / rsc)`,
  );
  for (const row of rows)
    console.log(
      `${row.label.padEnd(28)}${String(row.coldMs).padStart(9)}${String(row.medianMs).padStart(9)}${String(row.ttfbMs).padStart(9)}   ${row.apiRequests} / ${row.rscRequests}`,
    );
}

function stringArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const topics = numberArg('topics', 40);
  if (process.argv.includes('--delete')) {
    await deleteBenchData(topics);
    return;
  }
  const app = path.resolve(stringArg('app') ?? '.');
  const port = numberArg('port', 3388);
  const runs = numberArg('runs', 5);
  const gapMs = numberArg('gap', 2_100);
  await ensureBenchData(topics);
  const server = await startServer(port, app);
  try {
    const rows = await pageTimes(`http://127.0.0.1:${port}`, defaultPages(), runs, { gapMs });
    printTable(`${app}: time to data on screen, Chromium, cold and median of ${runs} warm visits`, rows);
  } finally {
    server.kill();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
