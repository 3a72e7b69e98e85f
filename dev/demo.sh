#!/usr/bin/env bash
# One command for the demo: the local 3-broker Kafka, schema registry, Kafka Connect, PostgreSQL and SMTP receiver,
# sample data, live traffic, and the console (production build) on http://localhost:3000. Ctrl-C
# stops the console and the traffic, and the cluster and the other servers too if this script
# started them.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-3000}"
started_kafka=0
# The registry, PostgreSQL and the SMTP receiver this script started (scripts, in start order), and
# the pids of their starts while those run.
started=()
start_pids=()
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  local i
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do bash "${started[$i]}" stop || true; done
  if [ "$started_kafka" = 1 ]; then bash dev/kafka/cluster.sh stop; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -d node_modules ] || npm ci --no-audit --no-fund
# The other servers start in the background while Kafka starts (the registry's JVM beside Kafka's).
for script in dev/schema-registry/registry.sh dev/postgres/postgres.sh dev/smtp/smtp.sh; do
  if ! bash "$script" status >/dev/null 2>&1; then
    started+=("$script")
    bash "$script" start &
    start_pids+=($!)
  fi
done
if ! bash dev/kafka/cluster.sh status >/dev/null 2>&1; then
  bash dev/kafka/cluster.sh start
  started_kafka=1
fi
# Kafka Connect's workers keep their state in Kafka: they start once it is up.
if ! bash dev/connect/connect.sh status >/dev/null 2>&1; then
  started+=(dev/connect/connect.sh)
  bash dev/connect/connect.sh start &
  start_pids+=($!)
fi
for pid in "${start_pids[@]}"; do wait "$pid"; done
start_pids=()
npx tsx dev/seed.ts
npx tsx dev/connect/demo-connectors.ts
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
echo "PostgreSQL: $(bash dev/postgres/postgres.sh url | sed 's/:[^:@]*@/:********@/')  (npm run postgres -- url shows it whole; -- psql opens psql)"
echo "Kafka Connect: http://127.0.0.1:$((8083 + ${CONNECT_PORT_OFFSET:-${KAFKA_PORT_OFFSET:-0}})) and :$((8084 + ${CONNECT_PORT_OFFSET:-${KAFKA_PORT_OFFSET:-0}}))"
smtp_port=$((2525 + ${SMTP_PORT_OFFSET:-${KAFKA_PORT_OFFSET:-0}}))
echo "SMTP receiver: 127.0.0.1:$smtp_port, the mail it receives in .kafka/smtp/mail/$smtp_port/"
echo "Alert rules (dev/demo-config.yaml): e-mail to demo@kafkascope.local through that receiver"
# Alert rules come from dev/demo-config.yaml, their e-mail channel from these variables (the
# receiver's port follows the offset). KAFKASCOPE_CONFIG set by the caller wins.
KAFKASCOPE_CONFIG="${KAFKASCOPE_CONFIG:-$PWD/dev/demo-config.yaml}" \
  KAFKASCOPE_ALERTS_CHANNELS_0_NAME=demo-mail KAFKASCOPE_ALERTS_CHANNELS_0_TYPE=email \
  KAFKASCOPE_ALERTS_CHANNELS_0_SMTP_HOST=127.0.0.1 KAFKASCOPE_ALERTS_CHANNELS_0_SMTP_PORT="$smtp_port" \
  KAFKASCOPE_ALERTS_CHANNELS_0_SMTP_SECURITY=none KAFKASCOPE_ALERTS_CHANNELS_0_FROM=kafkascope@kafkascope.local \
  KAFKASCOPE_ALERTS_CHANNELS_0_TO=demo@kafkascope.local \
  KAFKASCOPE_DATA_DIR="${KAFKASCOPE_DATA_DIR:-$PWD/.kafka/demo/data}" KAFKASCOPE_AUTH="${KAFKASCOPE_AUTH:-none}" PORT="$PORT" HOSTNAME="$DEMO_HOST" node .next/standalone/server.js &
pids+=($!)
wait "${pids[-1]}"
