#!/usr/bin/env bash
# The one test command (npm test): type-check, lint, unit, integration against a real 3-broker
# Kafka, then the production build and the Playwright suites in Chromium. It starts the local
# cluster when it is not running and, in that case only, stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started_kafka=0
cleanup() {
  if [ "$started_kafka" = 1 ]; then step "stopping the local Kafka cluster"; bash dev/kafka/cluster.sh stop || true; fi
}
trap cleanup EXIT

SECONDS=0
step "type-check"; npx tsc --noEmit
step "lint"; npx eslint --max-warnings=0 .
step "unit tests"; npx vitest run --project unit

if ! bash dev/kafka/cluster.sh status >/dev/null 2>&1; then
  step "starting the local Kafka cluster"
  bash dev/kafka/cluster.sh start
  started_kafka=1
fi
# Build while nothing else competes for the two cores, then run the suites.
step "production build"; node scripts/build-if-changed.mjs
step "integration tests"; npx vitest run --project integration
step "e2e tests (Playwright, Chromium)"; npx playwright test
step "all tests passed in ${SECONDS}s"
