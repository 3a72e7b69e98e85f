#!/usr/bin/env bash
# A real Kafka Connect cluster on 127.0.0.1 for development, tests and the demo: a distributed
# worker group of two workers (Kafka's own Connect runtime, same release as the brokers, from Maven
# Central, see pom.xml) on the local Kafka cluster of dev/kafka, which must be running.
#
#   dev/connect/connect.sh install      download the jars (mvn), once
#   dev/connect/connect.sh start        start both workers unless they run, wait until both answer
#   dev/connect/connect.sh stop         stop both workers (SIGTERM, KILL after STOP_TIMEOUT)
#   dev/connect/connect.sh status       exit 0 only if both run and answer
#   dev/connect/connect.sh logs [1|2]   last lines of a worker's log
#   dev/connect/connect.sh kill 1|2     KILL one worker (tests of a worker that dies)
#
# Ports on 127.0.0.1: the REST API of worker 1 on 8083 + offset, worker 2 on 8084 + offset, where
# offset = CONNECT_PORT_OFFSET, else KAFKA_PORT_OFFSET, else 0. The workers join the Kafka cluster of
# KAFKA_PORT_OFFSET (bootstrap 127.0.0.1:9092 + offset, ...) as group kafkascope-connect-<port> with
# the topics _connect-configs-<port>, _connect-offsets-<port> and _connect-status-<port> (<port> is
# worker 1's), so groups on different offsets never share state.
# Plugins on the classpath: FileStream source and sink, MirrorMaker 2 (source, checkpoint,
# heartbeat), the JSON and String converters and the built-in transforms.
#
# Everything lives under $CONNECT_HOME_DIR (default $KAFKA_HOME_DIR/connect, i.e. .kafka/connect):
#   run/worker-<port>.pid, .log, .properties   one running worker
#   files/                                     where the demo's FileStream connectors read and write
#
# Environment: START_TIMEOUT (seconds, default 90), STOP_TIMEOUT (default 20),
# CONNECT_HEAP (default 256m), CONNECT_REBALANCE_DELAY_MS (default 2000: how long the group waits
# for a departed worker before its tasks go to the others).
set -euo pipefail
# shellcheck source=SCRIPTDIR/../kafka/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../kafka/lib.sh"

CONNECT_DEV_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CONNECT_HOME_DIR="${CONNECT_HOME_DIR:-$KAFKA_HOME_DIR/connect}"
mkdir -p "$CONNECT_HOME_DIR"
CONNECT_HOME_DIR="$(cd -P "$CONNECT_HOME_DIR" && pwd)"
CONNECT_RUN_DIR="$CONNECT_HOME_DIR/run"
CONNECT_FILES_DIR="$CONNECT_HOME_DIR/files"

START_TIMEOUT="${START_TIMEOUT:-90}"
STOP_TIMEOUT="${STOP_TIMEOUT:-20}"
HEAP="${CONNECT_HEAP:-256m}"
REBALANCE_DELAY_MS="${CONNECT_REBALANCE_DELAY_MS:-2000}"
[[ "$REBALANCE_DELAY_MS" =~ ^[0-9]{1,7}$ ]] || die "CONNECT_REBALANCE_DELAY_MS must be a number of milliseconds, not '$REBALANCE_DELAY_MS'"
# The release of pom.xml (see there why it may differ from the brokers').
VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$CONNECT_DEV_DIR/pom.xml" | head -n1)"
KAFKA_OFFSET="${KAFKA_PORT_OFFSET:-0}"
PORT_OFFSET="${CONNECT_PORT_OFFSET:-$KAFKA_OFFSET}"
for value in "$PORT_OFFSET" "$KAFKA_OFFSET"; do
  if ! [[ "$value" =~ ^[0-9]{1,5}$ ]] || ((value > 40000)); then
    die "CONNECT_PORT_OFFSET (or KAFKA_PORT_OFFSET) must be a number from 0 to 40000, not '$value'"
  fi
done
BASE_PORT=$((8083 + PORT_OFFSET))
WORKERS=(1 2)
worker_port() { echo $((BASE_PORT + $1 - 1)); }
BOOTSTRAP="127.0.0.1:$((9092 + KAFKA_OFFSET)),127.0.0.1:$((9093 + KAFKA_OFFSET)),127.0.0.1:$((9094 + KAFKA_OFFSET))"
LIBS_DIR="$DIST_DIR/connect-$VERSION/libs"

pid_file() { echo "$CONNECT_RUN_DIR/worker-$(worker_port "$1").pid"; }
log_file() { echo "$CONNECT_RUN_DIR/worker-$(worker_port "$1").log"; }
props_file() { echo "$CONNECT_RUN_DIR/worker-$(worker_port "$1").properties"; }

# Downloads the jars unless they are already there for the current pom.xml (as lib.sh's ensure_dist).
ensure_installed() {
  local sum
  sum="$(sha256sum "$CONNECT_DEV_DIR/pom.xml" | cut -d' ' -f1)"
  if [[ -f "$LIBS_DIR/pom.sha256" && "$(cat "$LIBS_DIR/pom.sha256")" == "$sum" ]]; then return 0; fi
  command -v mvn >/dev/null || die "mvn is needed to download Kafka Connect $VERSION from Maven Central"
  echo "Downloading Kafka Connect $VERSION jars from Maven Central ..." >&2
  rm -rf "$LIBS_DIR.tmp"
  mkdir -p "$(dirname "$LIBS_DIR")"
  local out
  if ! out="$(mvn -B -q -f "$CONNECT_DEV_DIR/pom.xml" -Dlibs.dir="$LIBS_DIR.tmp" dependency:copy-dependencies 2>&1)"; then
    echo "$out" >&2
    die "could not download Kafka Connect $VERSION (mvn dependency:copy-dependencies failed)"
  fi
  echo "$sum" >"$LIBS_DIR.tmp/pom.sha256"
  rm -rf "$LIBS_DIR"
  mv "$LIBS_DIR.tmp" "$LIBS_DIR"
}


# HTTP status of GET / of a worker ("000" when nothing answers).
answering() {
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$(worker_port "$1")/" 2>/dev/null || true)" == 200 ]]
}

# A worker has joined the group once it can list connectors (409 while it rebalances).
joined() {
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$(worker_port "$1")/connectors" 2>/dev/null || true)" == 200 ]]
}

marker_flags() { echo "-Dkafkascope.connect=$(worker_port "$1")" "-Dkafkascope.run=$CONNECT_RUN_DIR"; }

# Prints the worker's PID if it is running; forgets a pid file whose process is gone (or is not it).
worker_pid() { owned_pid "$(pid_file "$1")" "-Dkafkascope.connect=$(worker_port "$1") " "-Dkafkascope.run=$CONNECT_RUN_DIR "; }

kafka_up() {
  local port=$((9092 + KAFKA_OFFSET))
  port_open "$port"
}

write_properties() {
  local n="$1" group_port
  group_port="$(worker_port 1)"
  cat >"$(props_file "$n")" <<PROPS
# Written by dev/connect/connect.sh at start.
bootstrap.servers=$BOOTSTRAP
group.id=kafkascope-connect-$group_port
config.storage.topic=_connect-configs-$group_port
offset.storage.topic=_connect-offsets-$group_port
status.storage.topic=_connect-status-$group_port
config.storage.replication.factor=1
offset.storage.replication.factor=1
status.storage.replication.factor=1
offset.storage.partitions=5
status.storage.partitions=3
key.converter=org.apache.kafka.connect.json.JsonConverter
value.converter=org.apache.kafka.connect.json.JsonConverter
key.converter.schemas.enable=false
value.converter.schemas.enable=false
listeners=http://127.0.0.1:$(worker_port "$n")
rest.advertised.host.name=127.0.0.1
rest.advertised.port=$(worker_port "$n")
offset.flush.interval.ms=2000
# Short group timings: a worker that dies is noticed after 6 s (the brokers' least session time-out,
# group.min.session.timeout.ms) and its tasks handed over 2 s later, not after 10 s and 5 minutes,
# so that tests of a dead worker take seconds. A worker that comes back within the delay would get
# its tasks back; for a group that restarts slowly, raise CONNECT_REBALANCE_DELAY_MS.
session.timeout.ms=6000
heartbeat.interval.ms=1000
scheduled.rebalance.max.delay.ms=$REBALANCE_DELAY_MS
# Everything is on the classpath (no plugin.path): only the service-loader scan is needed.
plugin.discovery=service_load
# Lets a client's connector config override producer/consumer settings (MirrorMaker 2 needs it).
connector.client.config.override.policy=All
PROPS
}

launch() {
  local n="$1" pid_file log_file
  pid_file="$(pid_file "$n")"
  log_file="$(log_file "$n")"
  [[ -f "$log_file" ]] && mv -f "$log_file" "$log_file.prev"
  rm -f "$pid_file"
  write_properties "$n"
  local flags=(-Xms64m -Xmx"$HEAP" "${FAST_JVM_FLAGS[@]}" "-Dlog4j2.configurationFile=$CONNECT_DEV_DIR/log4j2-connect.xml")
  # shellcheck disable=SC2016,SC2046 # $$ and $1 are for the inner bash; the marker flags are meant to split
  nohup setsid bash -c 'echo $$ >"$0" && cd "$1" && shift && exec "$@"' "$pid_file" "$CONNECT_RUN_DIR" \
    "$JAVA" "${flags[@]}" $(marker_flags "$n") -cp "$LIBS_DIR/*" \
    org.apache.kafka.connect.cli.ConnectDistributed "$(props_file "$n")" \
    >"$log_file" 2>&1 </dev/null 9>&- &
  local _
  for _ in {1..50}; do [[ -s "$pid_file" ]] && return 0; sleep 0.1; done
  die "worker $n did not start (see $log_file)"
}

fail_start() {
  local n="$1"
  echo "----- last lines of $(log_file "$n") (cut at 300 characters) -----" >&2
  tail -n 20 "$(log_file "$n")" 2>/dev/null | cut -c1-300 >&2 || true
  echo "error: $2" >&2
  exit 1
}

wait_ready() {
  local n="$1" deadline=$((SECONDS + START_TIMEOUT))
  until joined "$n"; do
    worker_pid "$n" >/dev/null || fail_start "$n" "worker $n exited while starting"
    ((SECONDS < deadline)) || fail_start "$n" "worker $n did not answer GET http://127.0.0.1:$(worker_port "$n")/connectors within $START_TIMEOUT s"
    sleep 0.3
  done
}


cmd_install() {
  ensure_installed
  echo "Kafka Connect $VERSION is installed in $LIBS_DIR"
}

cmd_start() {
  ensure_installed
  kafka_up || die "the local Kafka cluster (127.0.0.1:$((9092 + KAFKA_OFFSET))) is not running: start it first (dev/kafka/cluster.sh start)"
  mkdir -p "$CONNECT_RUN_DIR" "$CONNECT_FILES_DIR"
  local n started=$EPOCHREALTIME launched=()
  for n in "${WORKERS[@]}"; do
    worker_pid "$n" >/dev/null && continue
    port_open "$(worker_port "$n")" && die "port $(worker_port "$n") is already in use by another program"
    launch "$n"
    launched+=("$n")
  done
  for n in "${WORKERS[@]}"; do wait_ready "$n"; done
  if [[ ${#launched[@]} -eq 0 ]]; then
    echo "Kafka Connect is already running on http://127.0.0.1:$(worker_port 1) and http://127.0.0.1:$(worker_port 2)"
  else
    echo "Kafka Connect $VERSION (workers ${launched[*]}) is up after $(elapsed "$started") s on http://127.0.0.1:$(worker_port 1) and http://127.0.0.1:$(worker_port 2)"
  fi
}

stop_worker() {
  local n="$1" pid
  pid="$(worker_pid "$n")" || return 0
  kill -TERM "$pid" 2>/dev/null || true
}

cmd_stop() {
  local n any=false
  for n in "${WORKERS[@]}"; do
    if worker_pid "$n" >/dev/null; then
      any=true
      echo "Stopping Connect worker $n (pid $(worker_pid "$n")) on port $(worker_port "$n") ..."
      stop_worker "$n"
    fi
  done
  $any || { echo "Kafka Connect on port $(worker_port 1) is not running."; return 0; }
  local deadline=$((SECONDS + STOP_TIMEOUT))
  for n in "${WORKERS[@]}"; do
    while worker_pid "$n" >/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if worker_pid "$n" >/dev/null; then
      echo "worker $n did not stop within $STOP_TIMEOUT s, killing it" >&2
      kill -KILL "$(worker_pid "$n")" 2>/dev/null || true
    fi
    rm -f "$(pid_file "$n")"
  done
  echo "Stopped."
}

cmd_kill() {
  local n="$1" pid
  [[ "$n" == 1 || "$n" == 2 ]] || die "kill needs a worker number, 1 or 2"
  pid="$(worker_pid "$n")" || { echo "worker $n is not running"; return 0; }
  kill -KILL "$pid"
  echo "Killed worker $n (pid $pid)."
}

cmd_status() {
  local n pid rc=0
  for n in "${WORKERS[@]}"; do
    if ! pid="$(worker_pid "$n")"; then
      echo "Connect worker $n on port $(worker_port "$n") is not running."
      rc=1
    elif answering "$n"; then
      echo "Connect worker $n: pid $pid, answering on http://127.0.0.1:$(worker_port "$n")"
    else
      echo "Connect worker $n: pid $pid, not answering on http://127.0.0.1:$(worker_port "$n") (starting or stopping)"
      rc=1
    fi
  done
  return $rc
}

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//' >&2
  exit 2
}

main() {
  [[ $# -ge 1 ]] || usage
  local command="$1"
  shift
  case "$command" in
    install | start | stop | status | kill)
      require_commands ps:procps flock:util-linux setsid:util-linux timeout:coreutils nohup:coreutils curl:curl
      ;;
  esac
  case "$command" in
    install | start | stop | kill)
      exec 9>"$CONNECT_HOME_DIR/connect.lock"
      flock 9
      ;;
  esac
  case "$command" in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    kill) cmd_kill "${1:-}" ;;
    logs) tail -n 50 "$(log_file "${1:-1}")" ;;
    -h | --help | help) usage ;;
    *) echo "error: unknown command '$command'" >&2; usage ;;
  esac
}

main "$@"
