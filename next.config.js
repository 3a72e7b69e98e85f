// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // kafkajs is loaded from node_modules at run time rather than bundled: it is Node-only and large.
  // pino and prom-client likewise: one copy of each in the process (output tracing copies them into
  // .next/standalone/node_modules), and prom-client's optional OpenTelemetry import stays a run-time one.
  serverExternalPackages: ['kafkajs', 'kafkajs-snappy', 'lz4js', '@bokuweb/zstd-wasm', 'pino', 'prom-client'],
};

module.exports = nextConfig;
