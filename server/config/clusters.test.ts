import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_CLUSTER, loadConfig } from '@/server/config/clusters';

describe('cluster configuration', () => {
  it('defaults to the local dev cluster when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.clusters).toEqual([
      expect.objectContaining({
        ...LOCAL_CLUSTER,
        schemaRegistry: expect.objectContaining(LOCAL_CLUSTER.schemaRegistry),
        connect: [expect.objectContaining(LOCAL_CLUSTER.connect[0])],
      }),
    ]);
  });

  it('reads Connect clusters with their credentials from KAFKA_CLUSTERS_<n>_CONNECT_<m>_*', () => {
    const {
      clusters: [cluster],
    } = loadConfig({
      KAFKA_CLUSTERS_0_NAME: 'prod',
      KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'prod-1:9092',
      KAFKA_CLUSTERS_0_CONNECT_0_NAME: 'etl',
      KAFKA_CLUSTERS_0_CONNECT_0_URL: 'https://connect.example:8083/',
      KAFKA_CLUSTERS_0_CONNECT_0_USERNAME: 'console',
      KAFKA_CLUSTERS_0_CONNECT_0_PASSWORD: 's3cret',
      KAFKA_CLUSTERS_0_CONNECT_1_NAME: 'mirror',
      KAFKA_CLUSTERS_0_CONNECT_1_URL: 'http://mirror:8083',
      KAFKA_CLUSTERS_0_CONNECT_1_TIMEOUT_MS: '2500',
    });
    expect(cluster!.connect).toEqual([
      expect.objectContaining({
        name: 'etl',
        url: 'https://connect.example:8083',
        username: 'console',
        password: 's3cret',
      }),
      expect.objectContaining({ name: 'mirror', url: 'http://mirror:8083', timeoutMs: 2500 }),
    ]);
    expect(() =>
      loadConfig({
        KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'a:9092',
        KAFKA_CLUSTERS_0_NAME: 'a',
        KAFKA_CLUSTERS_0_CONNECT_0_NAME: 'x',
        KAFKA_CLUSTERS_0_CONNECT_0_URL: 'http://u:p@x:8083',
      }),
    ).toThrow(/must not contain a user name/);
    expect(() => loadConfig({ KAFKA_CLUSTERS_0_CONNECT_0_COLOR: 'red' })).toThrow(
      /Unknown Connect cluster setting/,
    );
  });

  it('reads several worker URLs of a Connect cluster (a list, or comma-separated), keeping the one-URL form', () => {
    const env = {
      KAFKA_CLUSTERS_0_NAME: 'prod',
      KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'prod-1:9092',
      KAFKA_CLUSTERS_0_CONNECT_0_NAME: 'etl',
      KAFKA_CLUSTERS_0_CONNECT_0_URL: 'http://w1:8083/, http://w2:8083',
      KAFKA_CLUSTERS_0_CONNECT_1_NAME: 'mirror',
      KAFKA_CLUSTERS_0_CONNECT_1_URLS: 'http://m1:8083,http://m2:8083,http://m1:8083',
      KAFKA_CLUSTERS_0_CONNECT_2_NAME: 'one',
      KAFKA_CLUSTERS_0_CONNECT_2_URL: 'http://one:8083',
    };
    const [cluster] = loadConfig(env).clusters;
    expect(cluster!.connect.map((c) => [c.name, c.url, c.urls])).toEqual([
      ['etl', 'http://w1:8083', ['http://w1:8083', 'http://w2:8083']],
      ['mirror', 'http://m1:8083', ['http://m1:8083', 'http://m2:8083']],
      ['one', 'http://one:8083', ['http://one:8083']],
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'kafkascope-connect-urls-'));
    const file = path.join(dir, 'clusters.yaml');
    writeFileSync(
      file,
      [
        'clusters:',
        '  - name: prod',
        '    bootstrapServers: [prod-1:9092]',
        '    connect:',
        '      - name: etl',
        '        urls: [http://w1:8083, http://w2:8083]',
        '      - name: single',
        '        url: http://s:8083',
      ].join('\n'),
    );
    const [fromYaml] = loadConfig({ KAFKASCOPE_CONFIG: file }).clusters;
    expect(fromYaml!.connect.map((c) => c.urls)).toEqual([
      ['http://w1:8083', 'http://w2:8083'],
      ['http://s:8083'],
    ]);
    expect(() =>
      loadConfig({ ...env, KAFKA_CLUSTERS_0_CONNECT_2_URL: 'http://one:8083,http://u:p@two:8083' }),
    ).toThrow(/must not contain a user name/);
    expect(() =>
      loadConfig({ KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'a:9092', KAFKA_CLUSTERS_0_CONNECT_0_NAME: 'x' }),
    ).toThrow(/KAFKA_CLUSTERS_0_.*url: is required/i);
  });

  it('reads a schema registry with its credentials and TLS from KAFKA_CLUSTERS_<n>_SCHEMA_REGISTRY_*', () => {
    const [cluster] = loadConfig({
      KAFKA_CLUSTERS_0_NAME: 'prod',
      KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'prod-1:9092',
      KAFKA_CLUSTERS_0_SCHEMA_REGISTRY_URL: 'https://registry.example:8081/',
      KAFKA_CLUSTERS_0_SCHEMA_REGISTRY_USERNAME: 'console',
      KAFKA_CLUSTERS_0_SCHEMA_REGISTRY_PASSWORD: 's3cret',
      KAFKA_CLUSTERS_0_SCHEMA_REGISTRY_TIMEOUT_MS: '2500',
      KAFKA_CLUSTERS_0_SCHEMA_REGISTRY_TLS_INSECURE_SKIP_VERIFY: 'true',
    }).clusters;
    expect(cluster!.schemaRegistry).toMatchObject({
      url: 'https://registry.example:8081',
      username: 'console',
      password: 's3cret',
      timeoutMs: 2500,
      tls: { insecureSkipVerify: true },
    });
  });

  it('refuses a registry URL with credentials in it, and a token beside a user name, naming the variables', () => {
    expect(() =>
      loadConfig({
        KAFKA_CLUSTERS_0_NAME: 'prod',
        KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'prod-1:9092',
        KAFKA_CLUSTERS_0_SCHEMA_REGISTRY_URL: 'https://u:p@registry.example',
      }),
    ).toThrow(/KAFKA_CLUSTERS_0_SCHEMA_REGISTRY_URL: must not contain a user name/);
    expect(() =>
      loadConfig({
        KAFKA_CLUSTERS_0_NAME: 'prod',
        KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'prod-1:9092',
        KAFKA_CLUSTERS_0_SCHEMA_REGISTRY_URL: 'https://registry.example',
        KAFKA_CLUSTERS_0_SCHEMA_REGISTRY_USERNAME: 'u',
        KAFKA_CLUSTERS_0_SCHEMA_REGISTRY_TOKEN: 't',
      }),
    ).toThrow(/SCHEMA_REGISTRY_TOKEN: give either username\/password or a token/);
  });

  it('reads clusters from KAFKA_CLUSTERS_<n>_* variables, in index order, deriving ids from names', () => {
    const config = loadConfig({
      KAFKA_CLUSTERS_1_NAME: 'Staging EU',
      KAFKA_CLUSTERS_1_BOOTSTRAP_SERVERS: 'stg-1:9092, stg-2:9092',
      KAFKA_CLUSTERS_0_NAME: 'prod',
      KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'prod-1:9092',
      KAFKA_CLUSTERS_0_REQUEST_TIMEOUT_MS: '5000',
    });
    expect(config.clusters.map((c) => [c.id, c.name, c.bootstrapServers, c.requestTimeoutMs])).toEqual([
      ['prod', 'prod', ['prod-1:9092'], 5000],
      ['staging-eu', 'Staging EU', ['stg-1:9092', 'stg-2:9092'], 10_000],
    ]);
  });

  it('names the bad environment variable in the error', () => {
    expect(() =>
      loadConfig({ KAFKA_CLUSTERS_0_NAME: 'prod', KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'prod-1' }),
    ).toThrow(/KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS.*host:port/);
    expect(() => loadConfig({ KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'a:1' })).toThrow(/KAFKA_CLUSTERS_0_NAME/);
    expect(() => loadConfig({ KAFKA_CLUSTERS_0_BOOTSTRAP: 'a:1' })).toThrow(
      /Unknown cluster setting KAFKA_CLUSTERS_0_BOOTSTRAP/,
    );
  });

  it('reads a YAML file and names the bad field with its path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kafkascope-config-'));
    const file = path.join(dir, 'config.yaml');
    writeFileSync(
      file,
      'clusters:\n  - name: a\n    bootstrapServers: ["a:9092"]\n  - name: b\n    bootstrapServers: []\n',
    );
    expect(() => loadConfig({ KAFKASCOPE_CONFIG: file })).toThrow(
      `${file}: clusters[1].bootstrapServers: needs at least one host:port`,
    );
    writeFileSync(file, 'clusters:\n  - id: main\n    name: A\n    bootstrapServers: ["a:9092"]\n');
    expect(loadConfig({ KAFKASCOPE_CONFIG: file }).clusters[0]).toMatchObject({ id: 'main', name: 'A' });
  });

  it('rejects two clusters with the same id', () => {
    expect(() =>
      loadConfig({
        KAFKA_CLUSTERS_0_NAME: 'x',
        KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'a:1',
        KAFKA_CLUSTERS_1_NAME: 'X',
        KAFKA_CLUSTERS_1_BOOTSTRAP_SERVERS: 'b:1',
      }),
    ).toThrow(/KAFKA_CLUSTERS_1_ID: duplicate cluster id "x"/);
  });
});

describe('read-only clusters', () => {
  it('reads KAFKA_CLUSTERS_<n>_READ_ONLY and the YAML readOnly field; clusters are writable by default', () => {
    const config = loadConfig({
      KAFKA_CLUSTERS_0_NAME: 'prod',
      KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'a:1',
      KAFKA_CLUSTERS_0_READ_ONLY: 'true',
      KAFKA_CLUSTERS_1_NAME: 'dev',
      KAFKA_CLUSTERS_1_BOOTSTRAP_SERVERS: 'b:1',
    });
    expect(config.clusters.map((c) => [c.id, c.readOnly])).toEqual([
      ['prod', true],
      ['dev', false],
    ]);
    expect(() =>
      loadConfig({
        KAFKA_CLUSTERS_0_NAME: 'x',
        KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'a:1',
        KAFKA_CLUSTERS_0_READ_ONLY: 'maybe',
      }),
    ).toThrow(/KAFKA_CLUSTERS_0_READ_ONLY/);
  });
});
