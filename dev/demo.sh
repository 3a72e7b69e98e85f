#!/usr/bin/env bash
# One command for the demo: the local 3-broker Kafka and schema registry, sample data, live
# traffic, and the console (production build) on http://localhost:3000. Ctrl-C stops the console
# and the traffic, and the cluster and the registry too if this script started them.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-3000}"
started_kafka=0
started_registry=0
registry_start_pid=""
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$started_registry" = 1 ]; then bash dev/schema-registry/registry.sh stop || true; fi
  if [ "$started_kafka" = 1 ]; then bash dev/kafka/cluster.sh stop; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -d node_modules ] || npm ci --no-audit --no-fund
# The registry starts in the background while Kafka starts (two JVMs starting at once).
if ! bash dev/schema-registry/registry.sh status >/dev/null 2>&1; then
  started_registry=1
  bash dev/schema-registry/registry.sh start &
  registry_start_pid=$!
fi
if ! bash dev/kafka/cluster.sh status >/dev/null 2>&1; then
  bash dev/kafka/cluster.sh start
  started_kafka=1
fi
if [ -n "$registry_start_pid" ]; then
  wait "$registry_start_pid"
  registry_start_pid=""
fi
npx tsx dev/seed.ts
node scripts/build-if-changed.mjs

npx tsx dev/traffic.ts &
pids+=($!)
# The demo opens straight into the console: login is off (the top bar says so), which is only safe
# because the demo listens on this machine alone. Set DEMO_HOST=0.0.0.0 to share it, and then also
# KAFKASCOPE_AUTH=login with users (see docs/security.md).
DEMO_HOST="${DEMO_HOST:-127.0.0.1}"
echo
echo "Kafkascope: http://localhost:${PORT}  (login disabled; Ctrl-C to stop)"
echo "Schema registry (Confluent API): http://127.0.0.1:$((8085 + ${SCHEMA_REGISTRY_PORT_OFFSET:-${KAFKA_PORT_OFFSET:-0}}))/apis/ccompat/v7"
KAFKASCOPE_AUTH="${KAFKASCOPE_AUTH:-none}" PORT="$PORT" HOSTNAME="$DEMO_HOST" node .next/standalone/server.js &
pids+=($!)
wait "${pids[-1]}"
