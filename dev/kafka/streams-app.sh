#!/usr/bin/env bash
# A real Kafka Streams application (dev/kafka/streams/WordCountApp.java, Kafka Streams of the brokers'
# release from Maven Central, see streams/pom.xml) for development and tests: a word count with a
# repartition topic and a state store, so its group has two sub-topologies, source, repartition and
# changelog topics. With `group.protocol=streams` in its properties it is a streams group (KIP-1071).
#
#   dev/kafka/streams-app.sh install                 download the jars (mvn), once
#   dev/kafka/streams-app.sh start <file.properties> start one instance unless it runs; waits until RUNNING
#   dev/kafka/streams-app.sh stop <file.properties>  stop it (SIGTERM, KILL after STOP_TIMEOUT)
#   dev/kafka/streams-app.sh status <file.properties>
#
# The properties file is Kafka Streams' own (application.id, bootstrap.servers, group.protocol, ...)
# plus input.topic and output.topic, which must exist. One instance per properties file: its pid
# file and log are <file>.pid and <file>.log beside it; its state.dir defaults to <file>.state.
#
# Environment: START_TIMEOUT (seconds, default 90), STOP_TIMEOUT (default 20), STREAMS_HEAP (256m).
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STREAMS_DEV_DIR="$KAFKA_DEV_DIR/streams"
START_TIMEOUT="${START_TIMEOUT:-90}"
STOP_TIMEOUT="${STOP_TIMEOUT:-20}"
HEAP="${STREAMS_HEAP:-256m}"
VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$STREAMS_DEV_DIR/pom.xml" | head -n1)"
LIBS_DIR="$DIST_DIR/streams-$VERSION/libs"

# Downloads the jars unless they are already there for the current pom.xml (as lib.sh's ensure_dist).
ensure_installed() {
  local sum out
  sum="$(sha256sum "$STREAMS_DEV_DIR/pom.xml" | cut -d' ' -f1)"
  if [[ -f "$LIBS_DIR/pom.sha256" && "$(cat "$LIBS_DIR/pom.sha256")" == "$sum" ]]; then return 0; fi
  command -v mvn >/dev/null || die "mvn is needed to download Kafka Streams $VERSION from Maven Central"
  echo "Downloading Kafka Streams $VERSION jars from Maven Central ..." >&2
  rm -rf "$LIBS_DIR.tmp"
  mkdir -p "$(dirname "$LIBS_DIR")"
  if ! out="$(mvn -B -q -f "$STREAMS_DEV_DIR/pom.xml" -Dlibs.dir="$LIBS_DIR.tmp" dependency:copy-dependencies 2>&1)"; then
    echo "$out" >&2
    die "could not download Kafka Streams $VERSION (mvn dependency:copy-dependencies failed)"
  fi
  echo "$sum" >"$LIBS_DIR.tmp/pom.sha256"
  rm -rf "$LIBS_DIR"
  mv "$LIBS_DIR.tmp" "$LIBS_DIR"
}

props_of() {
  [[ -n "${1:-}" ]] || die "usage: $0 start|stop|status <file.properties>"
  [[ -f "$1" ]] || die "no properties file $1"
  echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
}

# The PID of the instance of properties file $1 if it runs (the JVM carries the file's path, so a
# stale pid file reused by the OS for another process is never taken for it).
app_pid() {
  local file="$1.pid" pid args
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file")"
  args="$(ps -ww -o args= -p "$pid" 2>/dev/null || true)"
  if [[ -n "$pid" && "$args" == *"-Dkafkascope.streams=$1 "* ]]; then echo "$pid"; else
    rm -f "$file"
    return 1
  fi
}

cmd_start() {
  local props deadline
  props="$(props_of "${1:-}")"
  if app_pid "$props" >/dev/null; then echo "already running (pid $(app_pid "$props"))"; return 0; fi
  ensure_installed
  [[ -f "$props.log" ]] && mv -f "$props.log" "$props.log.prev"
  # The app reads its properties file itself; state.dir defaults to one beside it.
  grep -q '^state.dir=' "$props" || echo "state.dir=$props.state" >>"$props"
  # shellcheck disable=SC2016 # $$ is for the inner bash
  nohup setsid bash -c 'echo $$ >"$0"; exec "$@"' "$props.pid" \
    "$JAVA" "-Xmx$HEAP" "${FAST_JVM_FLAGS[@]}" "-Dkafkascope.streams=$props" \
    "-Dlog4j2.configurationFile=$KAFKA_DEV_DIR/log4j2-tools.xml" \
    -cp "$LIBS_DIR/*" "$STREAMS_DEV_DIR/WordCountApp.java" "$props" >"$props.log" 2>&1 </dev/null 9>&- &
  local _
  for _ in {1..50}; do [[ -s "$props.pid" ]] && break; sleep 0.1; done
  deadline=$((SECONDS + START_TIMEOUT))
  while ! grep -q -- '-> RUNNING' "$props.log" 2>/dev/null; do
    app_pid "$props" >/dev/null || { tail -n 20 "$props.log" >&2; die "the streams app exited (see $props.log)"; }
    if grep -q -- '-> ERROR' "$props.log"; then
      tail -n 20 "$props.log" >&2
      cmd_stop "$props" >/dev/null
      die "the streams app failed (see $props.log)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 20 "$props.log" >&2
      cmd_stop "$props" >/dev/null
      die "the streams app did not reach RUNNING within $START_TIMEOUT s (stopped it)"
    fi
    sleep 0.5
  done
  echo "running (pid $(app_pid "$props")), log $props.log"
}

cmd_stop() {
  local props pid deadline
  props="$(props_of "${1:-}")"
  pid="$(app_pid "$props")" || { echo "not running"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + STOP_TIMEOUT))
  while app_pid "$props" >/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if app_pid "$props" >/dev/null; then
    echo "did not stop within $STOP_TIMEOUT s, killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$props.pid"
  echo "stopped"
}

cmd_status() {
  local props
  props="$(props_of "${1:-}")"
  if app_pid "$props" >/dev/null; then echo "running (pid $(app_pid "$props"))"; else
    echo "not running"
    return 1
  fi
}

case "${1:-}" in
  install) ensure_installed ;;
  start) cmd_start "${2:-}" ;;
  stop) cmd_stop "${2:-}" ;;
  status) cmd_status "${2:-}" ;;
  *) die "usage: $0 install | start|stop|status <file.properties>" ;;
esac
