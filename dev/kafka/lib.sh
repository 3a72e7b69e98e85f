# shellcheck shell=bash
# Shared by cluster.sh and kafka-cli.sh, and by the other servers' scripts under dev/ (sourced, not run).
# Kafka comes from Maven Central as plain jars (see pom.xml) and runs on the local JDK,
# so the only things needed on a machine are java (17+) and mvn.

KAFKA_DEV_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$KAFKA_DEV_DIR/../.." && pwd)"
KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-$REPO_ROOT/.kafka}"
# The physical path: nodes are recognised by the run directory they were started with, and a
# checkout that reaches the same directory through a symbolic link must see them as running too.
if [[ -d "$KAFKA_HOME_DIR" ]]; then KAFKA_HOME_DIR="$(cd -P "$KAFKA_HOME_DIR" && pwd)"; fi
DIST_DIR="$KAFKA_HOME_DIR/dist"
RUN_DIR="$KAFKA_HOME_DIR/run"
DEFAULT_KAFKA_VERSION=4.4.0

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi

# Startup flags shared by brokers and tools, measured on a 2-core machine: C1-only JIT
# (TieredStopAtLevel=1) cut a cluster start from ~9.5 s to ~6.5 s, because C2 compiler threads
# compete with ~100 Kafka threads for 2 cores and a dev cluster never needs peak throughput.
# The serial collector made no difference in time but needs no GC threads. Class data sharing
# (see cds_flags below) then brings a start to ~4 s and a tool run from ~0.9 s to ~0.5 s.
FAST_JVM_FLAGS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Djava.awt.headless=true)

die() { echo "error: $*" >&2; exit 1; }

# Stops with the name of every missing command and the Debian package that has it, instead of a
# later, misleading failure (without ps, a running node looks dead; without setsid none starts).
# Arguments: command:package pairs.
require_commands() {
  local entry missing=() packages=()
  for entry in "$@"; do
    command -v "${entry%%:*}" >/dev/null 2>&1 && continue
    missing+=("${entry%%:*}")
    packages+=("${entry#*:}")
  done
  [[ ${#missing[@]} -eq 0 ]] ||
    die "${missing[*]} not found: the local cluster scripts need them (Debian: apt-get install -y ${packages[*]})"
}

# Accepts 4 / 4.4 / 4.4.0 / 3 / 3.9 / 3.9.2 and prints the full version.
resolve_version() {
  case "$1" in
    4 | 4.4 | 4.4.0) echo 4.4.0 ;;
    3 | 3.9 | 3.9.2) echo 3.9.2 ;;
    *) die "unsupported Kafka version '$1' (use 4 or 3.9)" ;;
  esac
}

maven_profile() { case "$1" in 3.*) echo kafka-3.9 ;; *) echo kafka-4 ;; esac; }

libs_dir() { echo "$DIST_DIR/$1/libs"; }

# Downloads the jars for a version unless they are already there for the current pom.xml.
# The pom's checksum is kept next to the jars so that editing the pom refreshes them; the
# download goes to a scratch directory first because copy-dependencies never deletes a jar,
# and a stale one (say a second slf4j-api) would otherwise stay on the classpath.
ensure_dist() {
  local version="$1" dir="$DIST_DIR/$1" sum
  sum="$(sha256sum "$KAFKA_DEV_DIR/pom.xml" | cut -d' ' -f1)"
  if [[ -f "$dir/pom.sha256" && "$(cat "$dir/pom.sha256")" == "$sum" && -d "$dir/libs" ]]; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn is needed to download Kafka $version from Maven Central"
  echo "Downloading Kafka $version jars from Maven Central ..." >&2
  rm -rf "$dir/libs.tmp"
  mkdir -p "$dir"
  # Maven's output is shown only if it fails, and then on stderr: kafka-cli.sh callers read
  # only the tool's output on stdout.
  local out
  if ! out="$(mvn -B -q -f "$KAFKA_DEV_DIR/pom.xml" -P "$(maven_profile "$version")" \
    -Dlibs.dir="$dir/libs.tmp" dependency:copy-dependencies 2>&1)"; then
    echo "$out" >&2
    die "could not download Kafka $version (mvn dependency:copy-dependencies failed)"
  fi
  rm -rf "$dir/libs" "$dir/cds"
  mv "$dir/libs.tmp" "$dir/libs"
  echo "$sum" >"$dir/pom.sha256"
}

# JVM options that point Kafka's logging at our config: log4j 2 from Kafka 4 on,
# log4j 1 (reload4j) before. "broker" logs INFO to stdout, "tools" logs WARN to stderr.
log_config_flags() {
  local version="$1" kind="$2"
  case "$version" in
    3.*) echo "-Dlog4j.configuration=file:$KAFKA_DEV_DIR/log4j-$kind.properties" ;;
    *) echo "-Dlog4j2.configurationFile=$KAFKA_DEV_DIR/log4j2-$kind.xml" ;;
  esac
}

# Version of the cluster last started here (kafka-cli.sh follows it), else the default.
current_version() {
  if [[ -f "$RUN_DIR/version" ]]; then cat "$RUN_DIR/version"; else echo "$DEFAULT_KAFKA_VERSION"; fi
}

# Main class behind each of Kafka's bin/*.sh scripts. Several tools moved from Scala
# (kafka.admin / kafka.tools) to Java (org.apache.kafka.tools) in 4.0.
tool_main_class() {
  local tool="${1%.sh}" version="$2" v3=false
  [[ "$version" == 3.* ]] && v3=true
  case "$tool" in
    kafka-topics) echo org.apache.kafka.tools.TopicCommand ;;
    kafka-consumer-groups) echo org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
    kafka-get-offsets) echo org.apache.kafka.tools.GetOffsetShell ;;
    kafka-metadata-quorum) echo org.apache.kafka.tools.MetadataQuorumCommand ;;
    kafka-console-consumer) echo org.apache.kafka.tools.consumer.ConsoleConsumer ;;
    kafka-delete-records) echo org.apache.kafka.tools.DeleteRecordsCommand ;;
    kafka-log-dirs) echo org.apache.kafka.tools.LogDirsCommand ;;
    kafka-leader-election) echo org.apache.kafka.tools.LeaderElectionCommand ;;
    kafka-reassign-partitions) echo org.apache.kafka.tools.reassign.ReassignPartitionsCommand ;;
    kafka-transactions) echo org.apache.kafka.tools.TransactionsCommand ;;
    kafka-features) echo org.apache.kafka.tools.FeatureCommand ;;
    kafka-cluster) echo org.apache.kafka.tools.ClusterTool ;;
    kafka-client-metrics) echo org.apache.kafka.tools.ClientMetricsCommand ;;
    kafka-delegation-tokens) echo org.apache.kafka.tools.DelegationTokenCommand ;;
    kafka-producer-perf-test) echo org.apache.kafka.tools.ProducerPerformance ;;
    kafka-consumer-perf-test) echo org.apache.kafka.tools.ConsumerPerformance ;;
    kafka-e2e-latency) echo org.apache.kafka.tools.EndToEndLatency ;;
    kafka-replica-verification) echo org.apache.kafka.tools.ReplicaVerificationTool ;;
    kafka-jmx) echo org.apache.kafka.tools.JmxTool ;;
    kafka-streams-application-reset) echo org.apache.kafka.tools.StreamsResetter ;;
    kafka-storage) echo kafka.tools.StorageTool ;;
    kafka-broker-api-versions) $v3 && echo kafka.admin.BrokerApiVersionsCommand || echo org.apache.kafka.tools.BrokerApiVersionsCommand ;;
    kafka-configs) $v3 && echo kafka.admin.ConfigCommand || echo org.apache.kafka.tools.ConfigCommand ;;
    kafka-acls) $v3 && echo kafka.admin.AclCommand || echo org.apache.kafka.tools.AclCommand ;;
    kafka-console-producer) $v3 && echo kafka.tools.ConsoleProducer || echo org.apache.kafka.tools.ConsoleProducer ;;
    kafka-dump-log) $v3 && echo kafka.tools.DumpLogSegments || echo org.apache.kafka.tools.DumpLogSegments ;;
    # Only in Kafka 4.
    kafka-groups) $v3 || echo org.apache.kafka.tools.GroupsCommand ;;
    kafka-share-groups) $v3 || echo org.apache.kafka.tools.consumer.group.ShareGroupCommand ;;
    kafka-streams-groups) $v3 || echo org.apache.kafka.tools.streams.StreamsGroupCommand ;;
    kafka-console-share-consumer) $v3 || echo org.apache.kafka.tools.consumer.ConsoleShareConsumer ;;
    kafka-share-consumer-perf-test) $v3 || echo org.apache.kafka.tools.ShareConsumerPerformance ;;
    # Only in Kafka 3.9.
    zookeeper-shell) $v3 && echo org.apache.zookeeper.ZooKeeperMainWithTlsSupportForKafka ;;
  esac
  return 0
}

# shellcheck disable=SC2034 # used by kafka-cli.sh
TOOL_NAMES="kafka-topics kafka-consumer-groups kafka-get-offsets kafka-metadata-quorum
kafka-broker-api-versions kafka-configs kafka-console-producer kafka-console-consumer
kafka-delete-records kafka-log-dirs kafka-leader-election kafka-reassign-partitions
kafka-transactions kafka-features kafka-cluster kafka-client-metrics kafka-acls
kafka-delegation-tokens kafka-dump-log kafka-storage kafka-producer-perf-test
kafka-consumer-perf-test kafka-e2e-latency kafka-replica-verification kafka-jmx
kafka-streams-application-reset kafka-groups kafka-share-groups kafka-streams-groups
kafka-console-share-consumer kafka-share-consumer-perf-test zookeeper-shell"

# Sets TOOL_CMD to the java command line of a Kafka command-line tool (arguments not included):
# its output only on stdout; Kafka's logs (WARN+) and the JVM's own warnings on stderr.
tool_command() {
  local version="$1" class="$2"
  # shellcheck disable=SC2046,SC2206,SC2207 # option lists; KAFKA_OPTS is space-separated as in Kafka's own scripts
  TOOL_CMD=("$JAVA" -Xmx256m "${FAST_JVM_FLAGS[@]}" -XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=warning:stderr
    $(cds_flags "$version") "$(log_config_flags "$version" tools)" ${KAFKA_OPTS:-}
    -cp "$(libs_dir "$version")/*" "$class")
}

# Class data sharing (CDS): the JVM maps the already parsed and verified classes of Kafka
# and the JDK from one archive file instead of loading them from ~100 jars at every start.
# The archive is specific to a Kafka version's jars and to the JDK, so it is made on each
# machine: the first `cluster.sh start` of a version records the classes node 1 loads, then
# build_cds_archive adds those of a command-line tool and writes the archive in the
# background. Until it exists (or if the JDK changed since) everything runs without it.
cds_dir() { echo "$DIST_DIR/$1/cds"; }

# Identifies the JDK build the archive was made with, without starting a JVM.
jdk_stamp() {
  local java
  java="$(readlink -f "$(command -v "$JAVA")")"
  echo "$java $(stat -c %Y "$java")"
}

cds_ready() {
  local dir
  dir="$(cds_dir "$1")"
  [[ -f "$dir/kafka.jsa" && -f "$dir/jdk" && "$(cat "$dir/jdk")" == "$(jdk_stamp)" ]]
}

cds_flags() { cds_ready "$1" && echo "-XX:SharedArchiveFile=$(cds_dir "$1")/kafka.jsa"; return 0; }

# Run in the background once a cluster of that version is up: records the classes a
# command-line tool loads against it, merges them with the broker's (recorded by node 1
# while starting) and dumps the archive. Only one build runs at a time (mkdir is atomic).
build_cds_archive() {
  local version="$1" bootstrap="$2" dir list
  dir="$(cds_dir "$version")"
  cds_ready "$version" && return 0
  [[ -s "$dir/broker.classlist" ]] || return 0
  # A lock older than any build is left over from a build that was killed.
  find "$dir/build.lock" -maxdepth 0 -mmin +10 -exec rmdir {} \; 2>/dev/null || true
  mkdir "$dir/build.lock" 2>/dev/null || return 0
  list="$dir/kafka.classlist"
  tool_command "$version" org.apache.kafka.tools.TopicCommand
  # Bounded: the cluster may already have been stopped again (the archive is made anyway).
  timeout 30 "${TOOL_CMD[@]:0:1}" -XX:DumpLoadedClassList="$dir/tools.classlist" "${TOOL_CMD[@]:1}" \
    --bootstrap-server "$bootstrap" --list >/dev/null || true
  # A class list names each class after its supertypes; keeping the first occurrence of each
  # line of the two lists keeps that order.
  cat "$dir/broker.classlist" "$dir/tools.classlist" 2>/dev/null | awk '!seen[$0]++' >"$list"
  if "$JAVA" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$dir/kafka.jsa.tmp" \
    -cp "$(libs_dir "$version")/*"; then
    mv -f "$dir/kafka.jsa.tmp" "$dir/kafka.jsa"
    jdk_stamp >"$dir/jdk"
  fi
  rm -f "$dir/kafka.jsa.tmp" "$list" "$dir/tools.classlist" "$dir/broker.classlist"
  rmdir "$dir/build.lock"
}

# --- Process helpers shared by every dev/ server script ---

# Whether something listens on 127.0.0.1:PORT.
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# Seconds since START (an $EPOCHREALTIME), one decimal.
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# owned_pid FILE MARK...: the pid in FILE if that process runs and its command line (followed by
# a space) contains every MARK, so a pid reused by another program is never taken for ours; else
# FILE is removed and it fails. Marks end with a space where a longer value must not match.
owned_pid() {
  local file="$1" pid args mark
  shift
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file")"
  args="$(ps -ww -o args= -p "$pid" 2>/dev/null || true)"
  if [[ -n "$pid" && -n "$args" ]]; then
    args+=" "
    for mark in "$@"; do [[ "$args" == *"$mark"* ]] || { pid=""; break; }; done
  else
    pid=""
  fi
  [[ -n "$pid" ]] || { rm -f "$file"; return 1; }
  echo "$pid"
}

# stop_process SECONDS WHAT PIDCMD...: sends TERM to the pid PIDCMD prints, waits up to SECONDS
# for PIDCMD to fail (the process gone), then kills it and waits up to 5 s more. Nothing running:
# nothing to do.
stop_process() {
  local timeout="$1" what="$2" pid _
  shift 2
  pid="$("$@")" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while "$@" >/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if "$@" >/dev/null; then
    echo "$what did not stop within $timeout s, killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    for _ in {1..50}; do "$@" >/dev/null || break; sleep 0.1; done
  fi
}
