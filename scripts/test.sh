#!/usr/bin/env bash
# The one test command (npm test): type-check, lint, unit, integration against a real 3-broker
# Kafka, then the production build and the Playwright suites in Chromium. It starts the local
# cluster, schema registry, Kafka Connect workers, PostgreSQL and SMTP receiver when they are not running and, in that case
# only, stops them at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started_kafka=0
# The registry, PostgreSQL and the SMTP receiver start in the background while Kafka starts. For each
# one this run started: its script (in start order), its name, the pid of its start and what that printed.
started=()
declare -A start_name=() start_pid=() start_log=()
start_in_background() {
  local script="$1" what="$2"
  bash "$script" status >/dev/null 2>&1 && return 0
  step "starting $what (in the background)"
  started+=("$script")
  start_name[$script]="$what"
  start_log[$script]="$(mktemp)"
  bash "$script" start >"${start_log[$script]}" 2>&1 &
  start_pid[$script]=$!
}
# Waits for every start still running and shows what each printed; fails if one of them failed.
wait_background_starts() {
  local script status=0
  for script in "${started[@]}"; do
    [ -n "${start_pid[$script]:-}" ] || continue
    wait "${start_pid[$script]}" || status=1
    unset "start_pid[$script]"
    cat "${start_log[$script]}"
    rm -f "${start_log[$script]}"
  done
  return "$status"
}
cleanup() {
  wait_background_starts >/dev/null 2>&1 || true
  local i
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do
    step "stopping ${start_name[${started[$i]}]}"
    bash "${started[$i]}" stop || true
  done
  if [ "$started_kafka" = 1 ]; then step "stopping the local Kafka cluster"; bash dev/kafka/cluster.sh stop || true; fi
}
trap cleanup EXIT

SECONDS=0
# The route types Next generates (.next/types) are checked with the rest, so the build need not check them again.
step "type-check"; npx next typegen >/dev/null && npx tsc --noEmit
step "lint"; npx eslint --max-warnings=0 .
step "unit tests"; npx vitest run --project unit --project unit-isolated

start_in_background dev/schema-registry/registry.sh "the local schema registry"
start_in_background dev/postgres/postgres.sh "the local PostgreSQL"
start_in_background dev/smtp/smtp.sh "the local SMTP receiver"
if ! bash dev/kafka/cluster.sh status >/dev/null 2>&1; then
  step "starting the local Kafka cluster"
  bash dev/kafka/cluster.sh start
  started_kafka=1
fi
# Kafka Connect's workers keep their state in Kafka: they start once it is up.
start_in_background dev/connect/connect.sh "the local Kafka Connect workers"
if [ ${#start_pid[@]} -gt 0 ]; then
  step "waiting for the servers starting in the background"
  wait_background_starts
fi
# Build while nothing else competes for the two cores, then run the suites.
step "production build"; KAFKASCOPE_TYPES_CHECKED=1 node scripts/build-if-changed.mjs
step "integration tests"; npx vitest run --project integration
step "e2e tests (Playwright, Chromium)"; npx playwright test
step "all tests passed in ${SECONDS}s"
