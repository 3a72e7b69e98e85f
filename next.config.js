// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // kafkajs is loaded from node_modules at run time rather than bundled: it is Node-only and large.
  // pino and prom-client likewise: one copy of each in the process (output tracing copies them into
  // .next/standalone/node_modules), and prom-client's optional OpenTelemetry import stays a run-time one.
  // The store's drivers: better-sqlite3's native addon is loaded from beside its own files, and pg's
  // optional native binding stays an optional run-time import.
  serverExternalPackages: [
    'kafkajs',
    'kafkajs-snappy',
    'lz4js',
    '@bokuweb/zstd-wasm',
    'pino',
    'prom-client',
    'better-sqlite3',
    'pg',
  ],
  // The console shows no raster images, so Next's image optimizer and its native sharp binaries
  // (glibc builds here, musl ones in Alpine; ~20 MB) stay out of the server: every runtime
  // dependency is then JavaScript or WebAssembly and the image runs on any libc.
  images: { unoptimized: true },
  outputFileTracingExcludes: { '*': ['node_modules/sharp/**', 'node_modules/@img/**'] },
};

module.exports = nextConfig;
