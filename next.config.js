// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // kafkajs is loaded from node_modules at run time rather than bundled: it is Node-only and large.
  serverExternalPackages: ['kafkajs', 'kafkajs-snappy', 'lz4js', '@bokuweb/zstd-wasm'],
};

module.exports = nextConfig;
