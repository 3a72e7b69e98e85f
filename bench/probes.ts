/**
 * Anonymous probes and the load they put on Kafka: `--callers` connections call /api/health/ready
 * (and every tenth call /api/metrics) back to back for `--seconds`, and the benchmark prints the
 * probe rate and the Kafka requests per second the console sent meanwhile (from its own metrics).
 *
 *   npm run build && npx tsx bench/probes.ts [--callers 20] [--seconds 10] [--port 3197]
 */
import { kafkaRequestsSent, numberArg, startServer } from './support';

const callers = numberArg('callers', 20);
const seconds = numberArg('seconds', 10);
const port = numberArg('port', 3197);
const base = `http://127.0.0.1:${port}`;

const kafkaRequests = () => kafkaRequestsSent(port);

async function main(): Promise<void> {
  const server = await startServer(port);
  try {
    await fetch(`${base}/api/health/ready`); // connects the clients
    const before = await kafkaRequests();
    const started = performance.now();
    const deadline = started + seconds * 1_000;
    let probes = 0;
    await Promise.all(
      Array.from({ length: callers }, async () => {
        for (let i = 0; performance.now() < deadline; i++) {
          const response = await fetch(`${base}${i % 10 === 9 ? '/api/metrics' : '/api/health/ready'}`);
          await response.arrayBuffer();
          probes += 1;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1_000;
    const sent = (await kafkaRequests()) - before;
    console.log(
      `${callers} callers for ${elapsed.toFixed(1)} s: ${(probes / elapsed).toFixed(0)} probes/s, ` +
        `${sent} Kafka requests (${(sent / elapsed).toFixed(1)} per second)`,
    );
  } finally {
    server.kill();
  }
}

void main();
