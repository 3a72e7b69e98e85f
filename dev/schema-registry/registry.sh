#!/usr/bin/env bash
# A real schema registry on 127.0.0.1 for development, tests and the demo: Apicurio Registry
# (Apache-2.0) from Maven Central (see pom.xml), one plain JVM process, no Docker. It answers
# Confluent's Schema Registry API at http://127.0.0.1:8085/apis/ccompat/v7.
#
#   dev/schema-registry/registry.sh install      download (mvn, ~160 MB) and unpack it, once
#   dev/schema-registry/registry.sh start        start it unless it runs, wait until it answers
#   dev/schema-registry/registry.sh stop
#   dev/schema-registry/registry.sh status       exit 0 only if it runs and answers
#   dev/schema-registry/registry.sh logs [-f]
#   dev/schema-registry/registry.sh reset        stop, then delete its run files (the download stays)
#
# Storage is in memory: every start begins empty. The global compatibility is set to BACKWARD at
# start, Confluent's default (Apicurio's is NONE). Deleting subjects and versions is allowed.
# Ports on 127.0.0.1: HTTP 8085 + offset, Quarkus's management interface (health, metrics)
# 8185 + offset, where offset = SCHEMA_REGISTRY_PORT_OFFSET, else KAFKA_PORT_OFFSET, else 0.
# Each HTTP port has its own pid and log files, so registries on different offsets can run at once;
# every command acts on the one of the current offset.
#
# Java: Apicurio Registry 3.3.3 needs Java 21+. The java used is SCHEMA_REGISTRY_JAVA if set, else
# the newest of $JAVA_HOME/bin/java, java on the PATH and the JDKs under /usr/lib/jvm. When none of
# them is 21 or newer, Apicurio Registry 3.0.9 runs on Java 17 instead.
# SCHEMA_REGISTRY_VERSION=3.0.9 asks for that one on any machine.
#
# Everything lives under $SCHEMA_REGISTRY_HOME_DIR (default $KAFKA_HOME_DIR/registry, i.e. .kafka/registry):
#   dist/<version>/                     the unpacked distribution
#   run/registry-<port>.pid, .log, .version   one running registry
#
# Environment: START_TIMEOUT (seconds, default 90), STOP_TIMEOUT (default 20).
# SCHEMA_REGISTRY_TLS_CERT_FILE and SCHEMA_REGISTRY_TLS_KEY_FILE (PEM): serve HTTPS alone on the port,
# with that certificate (tests of a TLS registry; SCHEMA_REGISTRY_TLS_CA_FILE is the CA curl checks it with).
set -euo pipefail
# shellcheck source=SCRIPTDIR/../kafka/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../kafka/lib.sh"

REGISTRY_DEV_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REGISTRY_HOME_DIR="${SCHEMA_REGISTRY_HOME_DIR:-$KAFKA_HOME_DIR/registry}"
mkdir -p "$REGISTRY_HOME_DIR"
# The physical path, as in lib.sh: a checkout reaching it through a symbolic link sees the same registry.
REGISTRY_HOME_DIR="$(cd -P "$REGISTRY_HOME_DIR" && pwd)"
REGISTRY_DIST_DIR="$REGISTRY_HOME_DIR/dist"
REGISTRY_RUN_DIR="$REGISTRY_HOME_DIR/run"

START_TIMEOUT="${START_TIMEOUT:-90}"
STOP_TIMEOUT="${STOP_TIMEOUT:-20}"
PORT_OFFSET="${SCHEMA_REGISTRY_PORT_OFFSET:-${KAFKA_PORT_OFFSET:-0}}"
if ! [[ "$PORT_OFFSET" =~ ^[0-9]{1,5}$ ]] || ((PORT_OFFSET > 40000)); then
  die "SCHEMA_REGISTRY_PORT_OFFSET (or KAFKA_PORT_OFFSET) must be a number from 0 to 40000, not '$PORT_OFFSET'"
fi
PORT=$((8085 + PORT_OFFSET))
MANAGEMENT_PORT=$((8185 + PORT_OFFSET))
TLS_CERT_FILE="${SCHEMA_REGISTRY_TLS_CERT_FILE:-}"
TLS_KEY_FILE="${SCHEMA_REGISTRY_TLS_KEY_FILE:-}"
if [[ -n "$TLS_CERT_FILE" || -n "$TLS_KEY_FILE" ]]; then
  [[ -r "$TLS_CERT_FILE" && -r "$TLS_KEY_FILE" ]] ||
    die "SCHEMA_REGISTRY_TLS_CERT_FILE and SCHEMA_REGISTRY_TLS_KEY_FILE must both name readable PEM files"
  BASE_URL="https://127.0.0.1:$PORT"
  CURL_TLS=(--cacert "${SCHEMA_REGISTRY_TLS_CA_FILE:-$TLS_CERT_FILE}")
else
  BASE_URL="http://127.0.0.1:$PORT"
  CURL_TLS=()
fi
CCOMPAT_URL="$BASE_URL/apis/ccompat/v7"

PID_FILE="$REGISTRY_RUN_DIR/registry-$PORT.pid"
LOG_FILE="$REGISTRY_RUN_DIR/registry-$PORT.log"
VERSION_FILE="$REGISTRY_RUN_DIR/registry-$PORT.version"

# Set by choose_runtime: the release to run, the java that runs it and that java's major version.
VERSION=""
REGISTRY_JAVA=""
JAVA_MAJOR=0

# Major version of a java binary, read from its JDK's release file (no JVM start); `java -version` otherwise.
java_major() {
  local bin home version
  bin="$(readlink -f "$(command -v "$1" 2>/dev/null)" 2>/dev/null)" || return 1
  [[ -x "$bin" ]] || return 1
  home="$(dirname "$(dirname "$bin")")"
  if [[ -f "$home/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)"$/\1/p' "$home/release")"
  fi
  if [[ -z "${version:-}" ]]; then
    version="$("$bin" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)"
  fi
  version="${version#1.}"
  version="${version%%[.+-]*}"
  [[ "$version" =~ ^[0-9]+$ ]] || return 1
  echo "$version"
}

# Every java this machine offers, one path per line (the same JDK may appear twice).
java_candidates() {
  if [[ -n "${SCHEMA_REGISTRY_JAVA:-}" ]]; then echo "$SCHEMA_REGISTRY_JAVA"; return 0; fi
  [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && echo "$JAVA_HOME/bin/java"
  command -v java 2>/dev/null || true
  local bin
  for bin in /usr/lib/jvm/*/bin/java; do [[ -x "$bin" ]] && echo "$bin"; done
  return 0
}

# Picks the release and the java: 3.3.3 on the newest Java 21+, else 3.0.9 on Java 17+.
choose_runtime() {
  local candidate major best="" best_major=0 found=()
  while IFS= read -r candidate; do
    major="$(java_major "$candidate")" || continue
    found+=("$candidate (Java $major)")
    if ((major > best_major)); then best="$candidate"; best_major=$major; fi
  done < <(java_candidates)
  local wanted="${SCHEMA_REGISTRY_VERSION:-}"
  case "$wanted" in
    "" | 3.3.3 | 3.0.9) ;;
    *) die "SCHEMA_REGISTRY_VERSION must be 3.3.3 or 3.0.9, not '$wanted'" ;;
  esac
  local seen="${found[*]:-none}"
  if [[ "$wanted" != 3.0.9 ]] && ((best_major >= 21)); then
    VERSION=3.3.3 REGISTRY_JAVA="$best" JAVA_MAJOR=$best_major
  elif [[ "$wanted" == 3.3.3 ]]; then
    die "Apicurio Registry 3.3.3 needs Java 21 or newer; found: $seen. Set SCHEMA_REGISTRY_JAVA to a JDK 21+ java (Temurin, say)"
  elif ((best_major >= 17)); then
    VERSION=3.0.9 REGISTRY_JAVA="$best" JAVA_MAJOR=$best_major
    [[ -n "$wanted" ]] || echo "note: no Java 21+ found (seen: $seen): running Apicurio Registry 3.0.9 on Java $best_major instead of 3.3.3" >&2
  else
    die "the schema registry needs Java 21+ (Apicurio Registry 3.3.3) or at least Java 17 (3.0.9); found: $seen. Debian: apt-get install -y openjdk-17-jre-headless; or set SCHEMA_REGISTRY_JAVA"
  fi
}

dist_dir() { echo "$REGISTRY_DIST_DIR/$VERSION"; }

# The jar that `java -jar` runs: 3.3.3 comes as a Quarkus fast-jar, 3.0.9 as a runner jar with its lib/.
launch_jar_name() { if [[ $VERSION == 3.0.9 ]]; then echo "apicurio-registry-app-$VERSION-runner.jar"; else echo quarkus-run.jar; fi; }
launch_jar() { echo "$(dist_dir)/$(launch_jar_name)"; }

# Downloads and unpacks the chosen release unless it is already there. The download goes through
# Maven (~/.m2 keeps a copy); the unpacked tree is moved into place whole, so an interrupted
# install leaves nothing that looks installed.
ensure_installed() {
  local dir file jar started=$SECONDS
  dir="$(dist_dir)"
  [[ -f "$dir/.installed" && -f "$(launch_jar)" ]] && return 0
  require_commands mvn:maven tar:tar gzip:gzip
  file="$REGISTRY_DIST_DIR/download/apicurio-registry-app-$VERSION-all.tar.gz"
  echo "Downloading Apicurio Registry $VERSION from Maven Central ..." >&2
  mkdir -p "$REGISTRY_DIST_DIR/download"
  local out
  if ! out="$(mvn -B -q -f "$REGISTRY_DEV_DIR/pom.xml" -Dregistry.version="$VERSION" \
    -Dregistry.download.dir="$REGISTRY_DIST_DIR/download" dependency:copy 2>&1)"; then
    echo "$out" >&2
    die "could not download Apicurio Registry $VERSION (mvn dependency:copy failed)"
  fi
  [[ -f "$file" ]] || die "mvn dependency:copy did not write $file"
  rm -rf "$dir.tmp"
  mkdir -p "$dir.tmp"
  tar --no-same-owner -xzf "$file" -C "$dir.tmp"
  rm -f "$file"
  rmdir "$REGISTRY_DIST_DIR/download" 2>/dev/null || true
  # The archive may hold the tree in one top-level directory: lift it.
  if [[ ! -f "$dir.tmp/$(launch_jar_name)" ]]; then
    jar="$(find "$dir.tmp" -maxdepth 3 -name "$(launch_jar_name)" -print -quit)"
    [[ -n "$jar" ]] || die "no $(launch_jar_name) in $file"
    mv "$(dirname "$jar")" "$dir.unpacked" && rm -rf "$dir.tmp" && mv "$dir.unpacked" "$dir.tmp"
  fi
  touch "$dir.tmp/.installed"
  rm -rf "$dir"
  mv "$dir.tmp" "$dir"
  echo "Apicurio Registry $VERSION installed in $dir after $((SECONDS - started)) s" >&2
}

# Seconds since $1 (an $EPOCHREALTIME), to a tenth.


# HTTP status of a GET on the ccompat API ("000" when nothing answers).
http_status() { curl -s "${CURL_TLS[@]}" -o /dev/null -w '%{http_code}' --max-time 3 "$CCOMPAT_URL$1" 2>/dev/null || true; }

answering() { [[ "$(http_status /subjects)" == 200 ]]; }

# The process carries these properties, so that a PID from a stale pid file (reused by the OS for
# something else) is never taken for, or killed as, the registry.
marker_flags() { echo "-Dkafkascope.registry=$PORT" "-Dkafkascope.run=$REGISTRY_RUN_DIR"; }

# Prints the registry's PID if it is running; forgets a pid file whose process is gone.
registry_pid() { owned_pid "$PID_FILE" "-Dkafkascope.registry=$PORT " "-Dkafkascope.run=$REGISTRY_RUN_DIR "; }

running_version() { cat "$VERSION_FILE" 2>/dev/null || echo unknown; }

fail_start() {
  echo "----- last lines of $LOG_FILE (cut at 300 characters) -----" >&2
  tail -n 20 "$LOG_FILE" 2>/dev/null | cut -c1-300 >&2 || true
  echo "error: $1" >&2
  exit 1
}

# Starts the JVM in its own session (setsid), so that neither a closed terminal nor a test runner
# killing its process group takes it down; the process writes its own pid file right before
# becoming java.
launch() {
  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.prev"
  rm -f "$PID_FILE"
  local flags=(
    -Xmx256m "${FAST_JVM_FLAGS[@]}"
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT"
    # 3.3.3 serves health and metrics on a management port, 9000 by default.
    -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$MANAGEMENT_PORT"
    # Tests clean up after themselves (DELETE /subjects/...), which Apicurio refuses by default.
    -Dapicurio.rest.deletion.artifact.enabled=true
    -Dapicurio.rest.deletion.artifact-version.enabled=true
    -Dapicurio.rest.deletion.group.enabled=true
  )
  # HTTPS alone on the same port: plain requests are not served at all.
  [[ -n "$TLS_CERT_FILE" ]] && flags+=(
    -Dquarkus.http.ssl-port="$PORT" -Dquarkus.http.insecure-requests=disabled
    -Dquarkus.tls.key-store.pem.0.cert="$TLS_CERT_FILE" -Dquarkus.tls.key-store.pem.0.key="$TLS_KEY_FILE"
  )
  # Class data sharing (Java 19+): the first run writes an archive of the classes it loaded when it
  # stops (~3 s, ~80 MB); later starts map them from it, ~1 s faster. The JVM makes it again by
  # itself when the JDK changed.
  ((JAVA_MAJOR >= 19)) && flags+=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$(dist_dir)/registry.jsa")
  # The inner bash changes directory, not this script: a subshell here would stay behind as the
  # JVM's parent, holding the lock on fd 9.
  # shellcheck disable=SC2016,SC2046 # $$ and $1 are for the inner bash; the marker flags are meant to split
  nohup setsid bash -c 'echo $$ >"$0" && cd "$1" && shift && exec "$@"' "$PID_FILE" "$REGISTRY_RUN_DIR" \
    "$REGISTRY_JAVA" "${flags[@]}" $(marker_flags) -jar "$(launch_jar)" \
    >"$LOG_FILE" 2>&1 </dev/null 9>&- &
  local _
  for _ in {1..50}; do [[ -s "$PID_FILE" ]] && return 0; sleep 0.1; done
  die "the registry did not start (see $LOG_FILE)"
}

wait_ready() {
  local deadline=$((SECONDS + START_TIMEOUT))
  until answering; do
    registry_pid >/dev/null || fail_start "the registry exited while starting"
    ((SECONDS < deadline)) || fail_start "the registry did not answer GET $CCOMPAT_URL/subjects within $START_TIMEOUT s"
    sleep 0.2
  done
}

# Confluent's default global compatibility; Apicurio starts with NONE.
set_backward_compatibility() {
  local reply
  reply="$(curl -s "${CURL_TLS[@]}" --max-time 10 -X PUT -H 'Content-Type: application/vnd.schemaregistry.v1+json' \
    --data '{"compatibility":"BACKWARD"}' "$CCOMPAT_URL/config" 2>&1 || true)"
  [[ "$reply" == *BACKWARD* ]] || fail_start "PUT $CCOMPAT_URL/config {\"compatibility\":\"BACKWARD\"} answered: ${reply:-nothing}"
}

cmd_install() {
  choose_runtime
  ensure_installed
  echo "Apicurio Registry $VERSION is installed in $(dist_dir) (runs on $REGISTRY_JAVA)"
}

cmd_start() {
  local pid
  if pid="$(registry_pid)"; then
    wait_ready
    echo "Apicurio Registry $(running_version) is already running (pid $pid) on $BASE_URL"
    return 0
  fi
  choose_runtime
  ensure_installed
  local port
  for port in "$PORT" "$MANAGEMENT_PORT"; do
    port_open "$port" && die "port $port is already in use by another program (the registry needs $PORT and $MANAGEMENT_PORT)"
  done
  mkdir -p "$REGISTRY_RUN_DIR"
  local started=$EPOCHREALTIME
  launch
  echo "$VERSION" >"$VERSION_FILE"
  wait_ready
  set_backward_compatibility
  echo "Apicurio Registry $VERSION is up after $(elapsed "$started") s on $BASE_URL (Confluent API: $CCOMPAT_URL)"
}

# SIGTERM lets Quarkus shut down cleanly; KILL after STOP_TIMEOUT seconds.
cmd_stop() {
  local pid _
  if ! pid="$(registry_pid)"; then
    echo "The registry on port $PORT is not running."
    return 0
  fi
  echo "Stopping Apicurio Registry $(running_version) (pid $pid) on port $PORT ..."
  stop_process "$STOP_TIMEOUT" "the registry" registry_pid
  rm -f "$PID_FILE"
  echo "Stopped."
}

cmd_status() {
  local pid
  if ! pid="$(registry_pid)"; then
    echo "The registry on port $PORT is not running."
    return 1
  fi
  if answering; then
    echo "Apicurio Registry $(running_version): pid $pid, answering on $CCOMPAT_URL"
  else
    echo "Apicurio Registry $(running_version): pid $pid, not answering on $CCOMPAT_URL (starting or stopping)"
    return 1
  fi
}

cmd_logs() {
  local follow="$1"
  [[ -f "$LOG_FILE" ]] || die "no log file $LOG_FILE"
  if $follow; then exec tail -n 20 -F "$LOG_FILE"; else tail -n 50 "$LOG_FILE"; fi
}

cmd_reset() {
  cmd_stop
  rm -f "$PID_FILE" "$LOG_FILE" "$LOG_FILE.prev" "$VERSION_FILE"
  echo "Deleted the run files of the registry on port $PORT (the download in $REGISTRY_DIST_DIR stays)."
}

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//' >&2
  exit 2
}

main() {
  [[ $# -ge 1 ]] || usage
  local command="$1" follow=false
  shift
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -f | --follow) follow=true ;;
      -h | --help) usage ;;
      *) echo "error: unexpected argument '$1'" >&2; usage ;;
    esac
    shift
  done
  case "$command" in
    install | start | stop | reset | status)
      require_commands ps:procps flock:util-linux setsid:util-linux timeout:coreutils nohup:coreutils curl:curl
      ;;
  esac
  # Two starts at once (say, a test script and a test setup) must not launch two registries.
  # (The JVM closes fd 9, or it would hold the lock for as long as it runs.)
  case "$command" in
    install | start | stop | reset)
      exec 9>"$REGISTRY_HOME_DIR/registry.lock"
      flock 9
      ;;
  esac
  case "$command" in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    reset) cmd_reset ;;
    status) cmd_status ;;
    logs) cmd_logs "$follow" ;;
    -h | --help | help) usage ;;
    *) echo "error: unknown command '$command'" >&2; usage ;;
  esac
}

main "$@"
