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
  // npm test type-checks the whole project, Next's generated route types included (next typegen, then
  // tsc), right before it builds, and says so with KAFKASCOPE_TYPES_CHECKED=1: the build then skips its
  // own pass of the same check (about 17 s). Every other build, the image's among them, still runs it.
  typescript: { ignoreBuildErrors: process.env.KAFKASCOPE_TYPES_CHECKED === '1' },
  outputFileTracingExcludes: { '*': ['node_modules/sharp/**', 'node_modules/@img/**'] },
};

module.exports = nextConfig;
