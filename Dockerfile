# syntax=docker/dockerfile:1
# Kafkascope: build with `docker build -t kafkascope .`, run with `docker run -p 3000:3000 kafkascope`.
# Every runtime dependency is JavaScript or WebAssembly (kafkajs, pino, prom-client, zstd as WASM,
# snappy and lz4 in JS) but one: better-sqlite3, the embedded store, compiled for musl in the deps
# stage (docs/decisions/lag-store.md); only its addon reaches the runtime stage.
ARG NODE_IMAGE=node:24-alpine

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# The compiler is for better-sqlite3's addon and stays in this stage.
RUN apk add --no-cache python3 make g++ && npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# npm run build = next build + scripts/postbuild.mjs, which puts static assets and public/ inside
# .next/standalone for `npm start` and the tests. The runtime stage copies them from where next
# build leaves them instead, so remove the copies: no file ships in two layers.
RUN npm run build && rm -rf .next/standalone/.next/static .next/standalone/public

FROM ${NODE_IMAGE} AS runtime
# The console never installs packages at run time, so npm, npx, yarn and corepack go: less to run
# and to patch. (The base layer still stores them; deleting does not shrink what is pulled.)
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack /opt/yarn-* \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /usr/local/bin/yarn /usr/local/bin/yarnpkg \
  && mkdir -p /etc/kafkascope /data && chown node:node /data
WORKDIR /app
# The same variables the e2e suite's server gets (playwright.config.ts; dev/image.test.ts checks).
# NEXT_MANUAL_SIG_HANDLE: the console, not Next.js, ends the process on SIGTERM (instrumentation.ts),
# after it has handed back the lease of the lag sampler.
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    KAFKASCOPE_DATA_DIR=/data \
    NEXT_MANUAL_SIG_HANDLE=true
# The embedded store (lag history, alerts): keep it on a volume so that it survives upgrades.
# Several replicas share one PostgreSQL instead (KAFKASCOPE_DATABASE_URL).
VOLUME ["/data"]
# Only what the server needs: the traced standalone server (with its node_modules), static assets, public/.
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
# The image's own non-root user (uid 1000).
USER node
EXPOSE 3000
# Configuration comes from the environment (KAFKA_CLUSTERS_<n>_*) and/or a YAML file mounted at
# /etc/kafkascope/config.yaml with KAFKASCOPE_CONFIG=/etc/kafkascope/config.yaml.
# Liveness only (no Kafka call): a down cluster must not get the console restarted. Node's fetch, no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
