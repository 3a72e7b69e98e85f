import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { envOf, readDockerfile, REPO_ROOT } from '@/dev/dockerfile';
import { loadConfig } from '@/server/config/clusters';

interface Service {
  image?: string;
  build?: unknown;
  hostname?: string;
  ports?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
// No Docker engine runs where the tests do: check the file as the console and Kafka would read it.
const compose = parse(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const { services } = compose;
const kafkas = ['kafka-1', 'kafka-2', 'kafka-3'].map((name) => ({ name, ...services[name]! }));
const console_ = services.kafkascope!;
const env = (s: Service) =>
  Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, String(v)]));

describe('docker-compose.yml', () => {
  it('has the console and three Kafka nodes, each broker and controller', () => {
    expect(Object.keys(services).sort()).toEqual(['kafka-1', 'kafka-2', 'kafka-3', 'kafkascope']);
    for (const [index, node] of kafkas.entries()) {
      expect(node.image).toMatch(/^apache\/kafka:\d+\.\d+\.\d+$/);
      expect(env(node)).toMatchObject({
        KAFKA_NODE_ID: String(index + 1),
        KAFKA_PROCESS_ROLES: 'broker,controller',
      });
    }
  });

  it('gives the nodes one cluster id (a base64 UUID) and static voters that match their controller listeners', () => {
    const ids = new Set(kafkas.map((k) => env(k).CLUSTER_ID));
    expect(ids.size).toBe(1);
    expect(Buffer.from([...ids][0]!, 'base64url')).toHaveLength(16);
    for (const node of kafkas) {
      const e = env(node);
      const controllerPort = /CONTROLLER:\/\/:(\d+)/.exec(e.KAFKA_LISTENERS!)?.[1];
      expect(e.KAFKA_CONTROLLER_QUORUM_VOTERS).toContain(
        `${e.KAFKA_NODE_ID}@${node.hostname}:${controllerPort}`,
      );
      expect(e.KAFKA_CONTROLLER_QUORUM_VOTERS!.split(',')).toHaveLength(3);
    }
  });

  it('configures the console by KAFKA_CLUSTERS_0_* with addresses the brokers advertise', () => {
    const config = loadConfig(env(console_));
    expect(config.clusters).toHaveLength(1);
    const advertised = kafkas.flatMap((k) =>
      env(k)
        .KAFKA_ADVERTISED_LISTENERS!.split(',')
        .map((l) => l.replace(/^\w+:\/\//, '')),
    );
    for (const address of config.clusters[0]!.bootstrapServers) expect(advertised).toContain(address);
  });

  it('publishes the port the image listens on and starts the console once every broker is healthy', () => {
    const port = envOf(readDockerfile().at(-1)!).PORT;
    expect(console_.build).toBe('.');
    expect(console_.ports).toEqual([`${port}:${port}`]);
    expect(console_.depends_on).toEqual(
      Object.fromEntries(kafkas.map((k) => [k.name, { condition: 'service_healthy' }])),
    );
    for (const node of kafkas) expect(node.healthcheck?.test[0]).toMatch(/^CMD/);
  });

  it('sets only variables the console reads', () => {
    const known = /^(KAFKA_CLUSTERS_\d+_[A-Z_]+|KAFKASCOPE_[A-Z_]+|PORT|HOSTNAME|NODE_ENV)$/;
    for (const key of Object.keys(env(console_))) expect(key).toMatch(known);
    // An unknown cluster field would stop the console at start: loadConfig above accepted them all.
  });
});
