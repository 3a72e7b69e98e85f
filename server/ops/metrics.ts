import 'server-only';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import packageJson from '@/package.json';
import { observeKafkaRequests } from '@/server/kafka';

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  kafkaDuration: Histogram<'cluster' | 'api'>;
  kafkaErrors: Counter<'cluster' | 'api'>;
  clusterUp: Gauge<'cluster'>;
  streamsRunning: Gauge;
}

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'kafkascope_build_info',
    help: 'The running console release (always 1).',
    labelNames: ['version'],
    registers: [registry],
  }).set({ version: packageJson.version }, 1);
  return {
    registry,
    httpDuration: new Histogram({
      name: 'kafkascope_http_request_duration_seconds',
      help: 'API requests by route pattern: time until the response headers.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    kafkaDuration: new Histogram({
      name: 'kafkascope_kafka_request_duration_seconds',
      help: 'Kafka protocol requests sent by the console, failed ones included, by cluster and API.',
      labelNames: ['cluster', 'api'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    kafkaErrors: new Counter({
      name: 'kafkascope_kafka_request_errors_total',
      help: 'Kafka requests that failed: error response, time-out or lost connection.',
      labelNames: ['cluster', 'api'],
      registers: [registry],
    }),
    clusterUp: new Gauge({
      name: 'kafkascope_cluster_up',
      help: '1 when the cluster answered its last readiness check, 0 otherwise.',
      labelNames: ['cluster'],
      registers: [registry],
    }),
    streamsRunning: new Gauge({
      name: 'kafkascope_streams_running',
      help: 'Searches and live tails running now, all users together.',
      registers: [registry],
    }),
  };
}

// On globalThis: Next can load a module once per route bundle, and two registries would each
// hold half the numbers (and register the process metrics twice).
const store = globalThis as unknown as { __kafkascopeMetrics?: Metrics };

export function metrics(): Metrics {
  store.__kafkascopeMetrics ??= create();
  return store.__kafkascopeMetrics;
}

/** Kafka request timing: the gateway tells of each request it sends, these metrics keep the numbers. */
observeKafkaRequests({
  start(labels) {
    const { kafkaDuration, kafkaErrors } = metrics();
    const stop = kafkaDuration.startTimer(labels);
    return (failed) => {
      if (failed) kafkaErrors.inc(labels);
      stop();
    };
  },
});
