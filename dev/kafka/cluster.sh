#!/usr/bin/env bash
# A real 3-node Apache Kafka cluster on 127.0.0.1 for development and tests: plain JVM
# processes started from Maven Central jars (see pom.xml), no Docker.
#
#   dev/kafka/cluster.sh start [--version 4|3.9] [--zookeeper]
#   dev/kafka/cluster.sh stop [--wipe]          stop all nodes (--wipe: then delete all data)
#   dev/kafka/cluster.sh status                 exit 0 only if every node is up
#   dev/kafka/cluster.sh stop-node N | start-node N     N = 1, 2 or 3
#   dev/kafka/cluster.sh logs [N|zk] [-f]
#   dev/kafka/cluster.sh reset                  stop, then delete all data and run files
#
# Node N (1..3) is broker and KRaft controller at once. Its listeners on 127.0.0.1:
#   909(N+1)   PLAINTEXT        (also between brokers)
#   919(N+1)   SASL_PLAINTEXT   SCRAM-SHA-256, SCRAM-SHA-512, PLAIN, OAUTHBEARER (unsecured JWTs)
#   929(N+1)   SSL              client certificates requested: one-way TLS and mTLS
#   939(N+1)   SASL_SSL         the same mechanisms over TLS
#   1909(N+1)  CONTROLLER       PLAINTEXT, between the controllers
# Certificates (openssl, made once), the SCRAM user and the dev credentials are described in
# dev/kafka/secure.sh; tests and demos read them from run/secure/credentials.json.
# With --zookeeper (Kafka 3.9 only) the nodes are plain brokers with only the PLAINTEXT listener
# (SCRAM users would have to go through ZooKeeper) and a ZooKeeper server listens on 127.0.0.1:2181.
#
# Everything lives under $KAFKA_HOME_DIR (default <repo>/.kafka):
#   dist/<version>/libs/   the jars
#   run/version, run/mode, run/cluster-id   what the cluster last started here is
#   run/node-N.properties, run/node-N.log, run/node-N.pid
#   run/secure/                 certificates and credentials.json of the secure listeners
#   run/data/<version>-<mode>/   topic data, kept across stop/start; one per version and
#                               mode because a data directory cannot move between them
#
# Environment: START_TIMEOUT (seconds, default 90), STOP_TIMEOUT (default 20), KAFKA_NODE_HEAP
# (each node's -Xmx, default 512m),
# KAFKA_AUTHORIZER (default standard; none: no authorizer, see secure.sh authorizer_config),
# KAFKA_PORT_OFFSET (default 0): added to every port above, so that a second cluster (with its
# own KAFKA_HOME_DIR) can run beside the first, e.g. 1000 puts PLAINTEXT on 10092-10094.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=SCRIPTDIR/secure.sh
source "$(dirname "${BASH_SOURCE[0]}")/secure.sh"

NODES=(1 2 3)
START_TIMEOUT="${START_TIMEOUT:-90}"
STOP_TIMEOUT="${STOP_TIMEOUT:-20}"
# Heap of each node: 512m holds a few thousand partitions; 2,000 topics x 6 at RF 3 (12,000 replicas
# a node) fill it and the node spends its time in full GCs (bench/views.ts needs about 1536m).
NODE_HEAP="${KAFKA_NODE_HEAP:-512m}"
[[ "$NODE_HEAP" =~ ^[0-9]+[mg]$ ]] || die "KAFKA_NODE_HEAP must be like 512m or 2g, not '$NODE_HEAP'"
PORT_OFFSET="${KAFKA_PORT_OFFSET:-0}"
if ! [[ "$PORT_OFFSET" =~ ^[0-9]{1,5}$ ]] || ((PORT_OFFSET > 40000)); then
  die "KAFKA_PORT_OFFSET must be a number from 0 to 40000, not '$PORT_OFFSET'"
fi
ZK_PORT=$((2181 + PORT_OFFSET))

client_port() { echo $((9091 + PORT_OFFSET + $1)); }
sasl_port() { echo $((9191 + PORT_OFFSET + $1)); }
ssl_port() { echo $((9291 + PORT_OFFSET + $1)); }
sasl_ssl_port() { echo $((9391 + PORT_OFFSET + $1)); }
controller_port() { echo $((19091 + PORT_OFFSET + $1)); }
bootstrap_servers() { local n s=""; for n in "$@"; do s+="${s:+,}127.0.0.1:$(client_port "$n")"; done; echo "$s"; }

# "zk" names the ZooKeeper server wherever a node number is expected.
pid_file() { if [[ $1 == zk ]]; then echo "$RUN_DIR/zookeeper.pid"; else echo "$RUN_DIR/node-$1.pid"; fi; }
log_file() { if [[ $1 == zk ]]; then echo "$RUN_DIR/zookeeper.log"; else echo "$RUN_DIR/node-$1.log"; fi; }
conf_file() { if [[ $1 == zk ]]; then echo "$RUN_DIR/zookeeper.properties"; else echo "$RUN_DIR/node-$1.properties"; fi; }

# Every JVM started here carries these two properties, so that a PID from a stale pid file
# (reused by the OS for something else) is never taken for, or killed as, one of our nodes.
marker_flags() { echo "-Dkafkascope.node=$1" "-Dkafkascope.run=$RUN_DIR"; }

# Prints the PID of node $1 if it is running; forgets a pid file whose process is gone.
node_pid() { owned_pid "$(pid_file "$1")" "-Dkafkascope.node=$1 " "-Dkafkascope.run=$RUN_DIR "; }

running_nodes() { local n; for n in "${NODES[@]}"; do node_pid "$n" >/dev/null && echo "$n"; done; return 0; }

any_running() { [[ -n "$(running_nodes)" ]] || node_pid zk >/dev/null; }

load_state() {
  [[ -f "$RUN_DIR/version" ]] || die "no cluster has been started here yet (run: $0 start)"
  VERSION="$(cat "$RUN_DIR/version")"
  MODE="$(cat "$RUN_DIR/mode" 2>/dev/null || echo kraft)"
  DATA_DIR="$RUN_DIR/data/$VERSION-$MODE"
}

# Kafka's cluster id is a random UUID in URL-safe base64 without padding, not starting with
# '-' (what `kafka-storage random-uuid` prints); made here to save a JVM start.
new_cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ "$id" != -* ]] && break
  done
  echo "$id"
}

write_node_config() {
  local n="$1" port
  port="$(client_port "$n")"
  {
    echo "# Written by dev/kafka/cluster.sh at every start; edit the script, not this file."
    if [[ $MODE == kraft ]]; then
      cat <<EOF
process.roles=broker,controller
node.id=$n
controller.quorum.voters=1@127.0.0.1:$(controller_port 1),2@127.0.0.1:$(controller_port 2),3@127.0.0.1:$(controller_port 3)
listeners=PLAINTEXT://127.0.0.1:$port,$(secure_listeners "$n"),CONTROLLER://127.0.0.1:$(controller_port "$n")
advertised.listeners=PLAINTEXT://127.0.0.1:$port,$(secure_listeners "$n")
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,SASL_SSL:SASL_SSL
EOF
      secure_node_config
      authorizer_config
      cat <<EOF
# A node that starts again loads its newest metadata snapshot, then replays the log after it. Without
# one (by default a node takes one after an hour or 20 MB of metadata) it replays the whole log in one
# delta, and Kafka's ScramDelta.apply() drops a mechanism's whole user map when a removal it meets
# before any other user leaves that map empty: the node then refused every SCRAM user of that
# mechanism, the dev user included, once a test had deleted one. A snapshot at most 10 s after a
# change keeps that replay short and starting from the users there are.
metadata.log.max.snapshot.interval.ms=10000
EOF
    else
      cat <<EOF
broker.id=$n
zookeeper.connect=127.0.0.1:$ZK_PORT
listeners=PLAINTEXT://127.0.0.1:$port
# The last broker of a stopping cluster has nobody to hand its partitions to: give up
# after one try instead of retrying 3 times every 5 s.
controlled.shutdown.max.retries=1
controlled.shutdown.retry.backoff.ms=500
advertised.listeners=PLAINTEXT://127.0.0.1:$port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT
EOF
    fi
    cat <<EOF
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA_DIR/node-$n

# Topics are created on purpose (by tests or the console), never by a typo in a client.
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1
# Consumer groups rebalance at once instead of waiting 3 s for more members.
group.initial.rebalance.delay.ms=0
# Internal topics survive one node being down, as in production; fewer partitions than
# the default 50 so that they are created quickly on a small machine.
offsets.topic.replication.factor=3
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
transaction.state.log.num.partitions=10

# Partition leadership goes back to the preferred replicas within 10 s (default: 5 minutes)
# after a start or a node restart, instead of staying on whichever node came up first.
leader.imbalance.check.interval.seconds=10

# Smaller than production: 64 MiB segments, 1 MiB index files (mapped into memory),
# fewer threads on a 2-core machine.
log.segment.bytes=67108864
log.index.size.max.bytes=1048576
num.network.threads=2
num.io.threads=4
background.threads=4
# A broker learns at its next heartbeat that its controlled shutdown is granted. With the
# default 2 s, a node stopping together with the others could find the controller quorum
# already gone and hang until killed.
broker.heartbeat.interval.ms=500
# A restarted node can register again only once its previous session has expired: 4 s
# instead of 9 s makes start-node quicker, and a killed node is seen as down sooner.
broker.session.timeout.ms=4000
EOF
    # Kafka 4 also has streams groups, with their own initial rebalance delay.
    [[ $VERSION == 3.* ]] || echo "group.streams.initial.rebalance.delay.ms=0"
  } >"$(conf_file "$n")"
}

write_zk_config() {
  cat >"$(conf_file zk)" <<EOF
# Written by dev/kafka/cluster.sh at every start; edit the script, not this file.
dataDir=$DATA_DIR/zookeeper
clientPort=$ZK_PORT
clientPortAddress=127.0.0.1
maxClientCnxns=0
# No admin web server on port 8080, which would clash with other local services.
admin.enableServer=false
4lw.commands.whitelist=ruok,srvr,stat
EOF
}

# Formats the KRaft storage of the nodes that have none yet, all with the same cluster id,
# in parallel because each format is a JVM start.
format_storage() {
  local n pids=() failed=false
  [[ -f "$DATA_DIR/cluster-id" ]] || { mkdir -p "$DATA_DIR" && new_cluster_id >"$DATA_DIR/cluster-id"; }
  for n in "${NODES[@]}"; do
    [[ -f "$DATA_DIR/node-$n/meta.properties" ]] && continue
    tool_command "$VERSION" kafka.tools.StorageTool
    "${TOOL_CMD[@]}" format -t "$(cat "$DATA_DIR/cluster-id")" -c "$(conf_file "$n")" --ignore-formatted \
      >"$RUN_DIR/format-$n.out" 2>&1 &
    pids+=("$!:$n")
  done
  for p in "${pids[@]+"${pids[@]}"}"; do
    if ! wait "${p%%:*}"; then
      echo "formatting the storage of node ${p#*:} failed:" >&2
      cat "$RUN_DIR/format-${p#*:}.out" >&2
      failed=true
    fi
    rm -f "$RUN_DIR/format-${p#*:}.out"
  done
  $failed && die "could not format the KRaft storage"
  return 0
}

# Starts one JVM in the background. setsid puts it in its own session, so that neither a
# closed terminal nor a test runner killing its process group takes the cluster down; the
# process writes its own pid file, right before becoming java.
launch() {
  local n="$1" jvm="$2" class="$3" log pidfile
  log="$(log_file "$n")"
  pidfile="$(pid_file "$n")"
  [[ -f "$log" ]] && mv -f "$log" "$log.prev"
  rm -f "$pidfile"
  # shellcheck disable=SC2016,SC2046,SC2086 # $$ is for the inner bash; the flag lists are meant to split
  nohup setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" \
    "$JAVA" $jvm "${FAST_JVM_FLAGS[@]}" $(marker_flags "$n") $(log_config_flags "$VERSION" broker) \
    -cp "$(libs_dir "$VERSION")/*" "$class" "$(conf_file "$n")" \
    >"$log" 2>&1 </dev/null 9>&- &
  local _
  for _ in {1..50}; do [[ -s "$pidfile" ]] && return 0; sleep 0.1; done
  die "node $n did not start (see $log)"
}

# Refuses to start a node whose port another program already holds: the client would
# otherwise talk to that program while our node dies with "Address already in use".
check_ports_free() {
  local n="$1" port
  if [[ $n == zk ]]; then set -- "$ZK_PORT"; else
    set -- "$(client_port "$n")"
    [[ $MODE == kraft ]] && set -- "$@" "$(controller_port "$n")" "$(sasl_port "$n")" "$(ssl_port "$n")" "$(sasl_ssl_port "$n")"
  fi
  for port in "$@"; do
    port_open "$port" && die "port $port is already in use by another program (node $n needs it)"
  done
  return 0
}

# $2 = true: also record the classes the node loads, for the class data sharing archive.
start_node_process() {
  local n="$1" record="${2:-false}" jvm
  write_node_config "$n"
  jvm="-Xms256m -Xmx${NODE_HEAP} $(cds_flags "$VERSION")"
  if $record; then
    mkdir -p "$(cds_dir "$VERSION")"
    jvm+=" -XX:DumpLoadedClassList=$(cds_dir "$VERSION")/broker.classlist"
  fi
  launch "$n" "$jvm" kafka.Kafka
}

# Builds the class data sharing archive in the background (see build_cds_archive in lib.sh)
# at low priority, so that whatever comes after `start` is not slowed down much.
start_cds_build() {
  cds_ready "$VERSION" && return 0
  [[ -s "$(cds_dir "$VERSION")/broker.classlist" ]] || return 0
  # shellcheck disable=SC2016 # the positional parameters are for the inner bash
  nohup setsid nice -n 19 bash -c 'source "$0" && build_cds_archive "$1" "$2"' \
    "$KAFKA_DEV_DIR/lib.sh" "$VERSION" "$(bootstrap_servers "${NODES[@]}")" \
    >"$(cds_dir "$VERSION")/build.log" 2>&1 </dev/null 9>&- &
}

start_zookeeper() {
  node_pid zk >/dev/null && return 0
  write_zk_config
  mkdir -p "$DATA_DIR/zookeeper"
  launch zk "-Xms64m -Xmx256m" org.apache.zookeeper.server.ZooKeeperServerMain
  local deadline=$((SECONDS + 30)) reply
  while :; do
    node_pid zk >/dev/null || fail_start "ZooKeeper exited" zk
    reply="$(timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$ZK_PORT && printf ruok >&3 && cat <&3" 2>/dev/null || true)"
    [[ "$reply" == imok ]] && return 0
    ((SECONDS < deadline)) || fail_start "ZooKeeper did not answer on 127.0.0.1:$ZK_PORT within 30 s" zk
    sleep 0.5
  done
}

fail_start() {
  local message="$1" n
  shift
  for n in "$@"; do
    echo "----- last lines of $(log_file "$n") (cut at 300 characters) -----" >&2
    tail -n 15 "$(log_file "$n")" 2>/dev/null | cut -c1-300 >&2 || true
  done
  echo "error: $message" >&2
  echo "Nodes still running were left as they are: '$0 status', '$0 logs', '$0 stop'." >&2
  exit 1
}

# Ids of the brokers that answer a real Kafka request. One run of the broker-api-versions
# tool asks the cluster metadata for every registered, unfenced broker and then sends each
# of them an ApiVersions request: a single JVM start checks all nodes at once.
answering_brokers() {
  tool_command "$VERSION" "$(tool_main_class kafka-broker-api-versions "$VERSION")"
  timeout 30 "${TOOL_CMD[@]}" --bootstrap-server "$(bootstrap_servers "$@")" 2>/dev/null |
    sed -n -E 's/^[^ ]+ \(id: ([0-9]+) .*\) -> \($/\1/p' | sort -u
}

# Waits until every node in "$@" is registered and answering, or fails with their logs.
wait_ready() {
  local deadline=$((SECONDS + START_TIMEOUT)) n ports_open answering
  while :; do
    ports_open=true
    for n in "$@"; do
      node_pid "$n" >/dev/null || fail_start "node $n exited while starting" "$n"
      port_open "$(client_port "$n")" || ports_open=false
    done
    # An open port only means the socket is bound; the tool tells whether the broker has
    # caught up with the cluster and serves requests. Run it only once it can succeed.
    if $ports_open; then
      answering="$(answering_brokers "$@" | tr '\n' ' ')"
      local missing=false
      for n in "$@"; do [[ " $answering" == *" $n "* ]] || missing=true; done
      $missing || return 0
    fi
    ((SECONDS < deadline)) || fail_start "nodes $* did not all answer within $START_TIMEOUT s (answering: ${answering:-none})" "$@"
    sleep 1
  done
}

# SIGTERM lets Kafka shut down cleanly (no log recovery at the next start): each broker first
# asks the controller quorum to move its partition leaders away, then its controller stops.
# In KRaft that controlled shutdown needs a majority of the controllers, so when the whole
# cluster stops, the broker that finishes last can find the other controllers already gone
# and would wait 5 minutes. Such a node, the only one left with its client port still open,
# is killed after 3 s; the others get STOP_TIMEOUT seconds.
stop_processes() {
  local n pid deadline=$((SECONDS + STOP_TIMEOUT)) alone_since="" left
  for n in "$@"; do
    if pid="$(node_pid "$n")"; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  while ((SECONDS < deadline)); do
    left=()
    for n in "$@"; do node_pid "$n" >/dev/null && left+=("$n"); done
    [[ ${#left[@]} -eq 0 ]] && break
    if [[ $MODE == kraft && ${#left[@]} -eq 1 && "$(running_nodes)" == "${left[0]}" ]] &&
      port_open "$(client_port "${left[0]}")"; then
      alone_since="${alone_since:-$SECONDS}"
      if ((SECONDS - alone_since >= 3)); then
        echo "node ${left[0]} cannot finish a controlled shutdown without the other controllers, killing it" >&2
        break
      fi
    else
      alone_since=""
    fi
    sleep 0.2
  done
  for n in "$@"; do
    if pid="$(node_pid "$n")"; then
      [[ -n "$alone_since" ]] || echo "node $n did not stop within $STOP_TIMEOUT s, killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      local _
      for _ in {1..50}; do node_pid "$n" >/dev/null || break; sleep 0.1; done
    fi
  done
  for n in "$@"; do rm -f "$(pid_file "$n")"; done
}

cmd_start() {
  local requested_version="$1" requested_mode="$2"
  # `start --version 3.9` asks for KRaft; a plain `start` accepts whatever is running.
  [[ -n "$requested_version" && -z "$requested_mode" ]] && requested_mode=kraft
  mkdir -p "$RUN_DIR"
  if any_running; then
    load_state
    if [[ -n "$requested_version" && "$requested_version" != "$VERSION" ]] ||
      [[ -n "$requested_mode" && "$requested_mode" != "$MODE" ]]; then
      die "a Kafka $VERSION ($MODE) cluster is running; stop it first: $0 stop"
    fi
  else
    VERSION="${requested_version:-$DEFAULT_KAFKA_VERSION}"
    MODE="${requested_mode:-kraft}"
    [[ $MODE == zookeeper && $VERSION != 3.* ]] && die "ZooKeeper mode needs --version 3.9 (Kafka 4 has no ZooKeeper mode)"
    DATA_DIR="$RUN_DIR/data/$VERSION-$MODE"
  fi
  ensure_dist "$VERSION"
  echo "$VERSION" >"$RUN_DIR/version"
  echo "$MODE" >"$RUN_DIR/mode"
  # Tests read the secure listeners from credentials.json: none in ZooKeeper mode.
  [[ $MODE == zookeeper ]] && rm -f "$(secure_dir)/credentials.json"

  local started=$SECONDS n missing=()
  for n in "${NODES[@]}"; do node_pid "$n" >/dev/null || missing+=("$n"); done
  # All ports are checked before anything starts, so that a clash leaves nothing half-started.
  for n in "${missing[@]+"${missing[@]}"}"; do check_ports_free "$n"; done
  if [[ $MODE == zookeeper ]]; then
    node_pid zk >/dev/null || check_ports_free zk
    start_zookeeper
  fi
  if [[ ${#missing[@]} -eq 0 ]]; then
    wait_ready "${NODES[@]}"
    if [[ $MODE == kraft ]] && ! grep -q '^listeners=.*SASL_SSL://' "$(conf_file 1)"; then
      echo "note: these nodes were started before the secure listeners existed; '$0 stop' and '$0 start' add them" >&2
    fi
    echo "Kafka $VERSION ($MODE) is already running: bootstrap servers $(bootstrap_servers "${NODES[@]}")"
    return 0
  fi

  if [[ $MODE == kraft ]]; then
    make_certificates
    for n in "${missing[@]}"; do write_node_config "$n"; done
    format_storage
  fi
  for n in "${missing[@]}"; do
    # One recording node is enough: the three load the same classes.
    if [[ $n == 1 ]] && ! cds_ready "$VERSION"; then start_node_process "$n" true; else start_node_process "$n"; fi
  done
  wait_ready "${NODES[@]}"
  [[ $MODE == kraft ]] && { ensure_scram_users; write_credentials; }
  start_cds_build
  # ZooKeeper-mode brokers make up the cluster id themselves at their first start.
  [[ $MODE == zookeeper ]] && sed -n 's/^cluster.id=//p' "$DATA_DIR/node-1/meta.properties" >"$DATA_DIR/cluster-id"
  cp "$DATA_DIR/cluster-id" "$RUN_DIR/cluster-id"
  echo "Kafka $VERSION ($MODE) is up after $((SECONDS - started)) s: bootstrap servers $(bootstrap_servers "${NODES[@]}"), cluster id $(cat "$RUN_DIR/cluster-id")"
}

cmd_stop() {
  local wipe="$1"
  if [[ -f "$RUN_DIR/version" ]]; then
    load_state
    # Brokers first: in ZooKeeper mode they need ZooKeeper for their clean shutdown.
    if [[ -n "$(running_nodes)" ]]; then
      echo "Stopping Kafka $VERSION ($MODE) nodes $(running_nodes | tr '\n' ' ')..."
      stop_processes "${NODES[@]}"
    fi
    node_pid zk >/dev/null && { echo "Stopping ZooKeeper ..."; stop_processes zk; }
    echo "Stopped."
  else
    echo "Nothing to stop."
  fi
  if $wipe; then
    rm -rf "$RUN_DIR"
    echo "Deleted $RUN_DIR (all topic data of every version)."
  fi
}

cmd_start_node() {
  local n="$1"
  load_state
  ensure_dist "$VERSION"
  if node_pid "$n" >/dev/null; then
    echo "node $n is already running"
  else
    [[ $MODE == zookeeper ]] && { node_pid zk >/dev/null || die "ZooKeeper is not running (use: $0 start)"; }
    check_ports_free "$n"
    [[ $MODE == kraft ]] && { make_certificates; write_node_config "$n"; format_storage; }
    start_node_process "$n"
  fi
  # Wait for every running node, so that the cluster is whole again when this returns.
  # shellcheck disable=SC2046 # one node number per word
  wait_ready $(running_nodes)
  echo "node $n is up on 127.0.0.1:$(client_port "$n")"
}

cmd_stop_node() {
  local n="$1"
  load_state
  if node_pid "$n" >/dev/null; then
    stop_processes "$n"
    echo "node $n stopped"
  else
    echo "node $n is not running"
  fi
}

cmd_status() {
  if [[ ! -f "$RUN_DIR/version" ]]; then
    echo "No cluster has been started here yet."
    return 1
  fi
  load_state
  local n pid all_up=true
  echo "Kafka $VERSION ($MODE), cluster id $(cat "$DATA_DIR/cluster-id" 2>/dev/null || echo unknown), data in $DATA_DIR"
  if [[ $MODE == zookeeper ]]; then
    if ! pid="$(node_pid zk)"; then
      echo "zookeeper: not running"
      all_up=false
    elif port_open "$ZK_PORT"; then
      echo "zookeeper: pid $pid, listening on 127.0.0.1:$ZK_PORT"
    else
      echo "zookeeper: pid $pid, not listening on 127.0.0.1:$ZK_PORT"
      all_up=false
    fi
  fi
  for n in "${NODES[@]}"; do
    if pid="$(node_pid "$n")"; then
      if port_open "$(client_port "$n")"; then
        echo "node $n: pid $pid, listening on 127.0.0.1:$(client_port "$n")"
      else
        echo "node $n: pid $pid, not listening on 127.0.0.1:$(client_port "$n") (starting or stopping)"
        all_up=false
      fi
    else
      echo "node $n: not running"
      all_up=false
    fi
  done
  $all_up
}

cmd_logs() {
  local which="$1" follow="$2" files=() n
  if [[ -n "$which" ]]; then
    files=("$(log_file "$which")")
  else
    [[ -f "$(log_file zk)" ]] && [[ "$(cat "$RUN_DIR/mode" 2>/dev/null)" == zookeeper ]] && files+=("$(log_file zk)")
    for n in "${NODES[@]}"; do files+=("$(log_file "$n")"); done
  fi
  for n in "${files[@]}"; do [[ -f "$n" ]] || die "no log file $n"; done
  if $follow; then exec tail -n 20 -F "${files[@]}"; else tail -n 50 "${files[@]}"; fi
}

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//' >&2
  exit 2
}

main() {
  [[ $# -ge 1 ]] || usage
  local command="$1" version="" mode="" node="" wipe=false follow=false
  shift
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --version) [[ $# -ge 2 ]] || usage; version="$(resolve_version "$2")"; shift ;;
      --version=*) version="$(resolve_version "${1#--version=}")" ;;
      --zookeeper) mode=zookeeper ;;
      --kraft) mode=kraft ;;
      --wipe) wipe=true ;;
      -f | --follow) follow=true ;;
      1 | 2 | 3 | zk) node="$1" ;;
      -h | --help) usage ;;
      *) echo "error: unexpected argument '$1'" >&2; usage ;;
    esac
    shift
  done
  # Two starts at once (say, parallel test workers) must not launch two sets of nodes:
  # commands that start or stop processes run one at a time. (Every process started in the
  # background closes fd 9, or it would hold the lock for as long as it runs.)
  case "$command" in
    start | stop | reset | start-node | stop-node | status)
      require_commands ps:procps flock:util-linux setsid:util-linux timeout:coreutils nohup:coreutils nice:coreutils
      [[ $command == status ]] || require_commands "$JAVA:openjdk-17-jre-headless"
      ;;
  esac
  case "$command" in
    start | stop | reset | start-node | stop-node)
      mkdir -p "$KAFKA_HOME_DIR"
      exec 9>"$KAFKA_HOME_DIR/cluster.lock"
      flock 9
      ;;
  esac
  case "$command" in
    start) cmd_start "$version" "$mode" ;;
    stop) cmd_stop "$wipe" ;;
    reset) cmd_stop true ;;
    status) cmd_status ;;
    start-node) [[ $node =~ ^[123]$ ]] || usage; cmd_start_node "$node" ;;
    stop-node) [[ $node =~ ^[123]$ ]] || usage; cmd_stop_node "$node" ;;
    logs) cmd_logs "$node" "$follow" ;;
    -h | --help | help) usage ;;
    *) echo "error: unknown command '$command'" >&2; usage ;;
  esac
}

main "$@"
