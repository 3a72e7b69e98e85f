#!/usr/bin/env bash
# The one test command (npm test): type-check, lint, unit, integration against a real 3-broker
# Kafka, then the production build and the Playwright suites in Chromium. It starts the local
# cluster and the local schema registry when they are not running and, in that case only, stops
# them at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started_kafka=0
started_registry=0
registry_start_pid=""
registry_start_log="$(mktemp)"
# The registry starts in the background while Kafka starts: waits for it and shows what it printed.
wait_registry_start() {
  [ -n "$registry_start_pid" ] || return 0
  local status=0
  wait "$registry_start_pid" || status=$?
  registry_start_pid=""
  cat "$registry_start_log"
  return "$status"
}
cleanup() {
  wait_registry_start >/dev/null 2>&1 || true
  rm -f "$registry_start_log"
  if [ "$started_registry" = 1 ]; then step "stopping the local schema registry"; bash dev/schema-registry/registry.sh stop || true; fi
  if [ "$started_kafka" = 1 ]; then step "stopping the local Kafka cluster"; bash dev/kafka/cluster.sh stop || true; fi
}
trap cleanup EXIT

SECONDS=0
step "type-check"; npx tsc --noEmit
step "lint"; npx eslint --max-warnings=0 .
step "unit tests"; npx vitest run --project unit

if ! bash dev/schema-registry/registry.sh status >/dev/null 2>&1; then
  step "starting the local schema registry (in the background)"
  started_registry=1
  bash dev/schema-registry/registry.sh start >"$registry_start_log" 2>&1 &
  registry_start_pid=$!
fi
if ! bash dev/kafka/cluster.sh status >/dev/null 2>&1; then
  step "starting the local Kafka cluster"
  bash dev/kafka/cluster.sh start
  started_kafka=1
fi
if [ -n "$registry_start_pid" ]; then
  step "waiting for the local schema registry"
  wait_registry_start
fi
# Build while nothing else competes for the two cores, then run the suites.
step "production build"; node scripts/build-if-changed.mjs
step "integration tests"; npx vitest run --project integration
step "e2e tests (Playwright, Chromium)"; npx playwright test
step "all tests passed in ${SECONDS}s"
