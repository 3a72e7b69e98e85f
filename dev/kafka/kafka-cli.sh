#!/usr/bin/env bash
# Runs Apache Kafka's own command-line tools (the bin/*.sh of a Kafka download) from the
# jars that cluster.sh uses, with the same Kafka version as the local cluster.
#
#   dev/kafka/kafka-cli.sh kafka-topics --bootstrap-server 127.0.0.1:9092 --list
#   dev/kafka/kafka-cli.sh kafka-metadata-quorum --bootstrap-server 127.0.0.1:9092 describe --status
#   KAFKA_VERSION=3.9 dev/kafka/kafka-cli.sh kafka-topics --version
#
# Version: $KAFKA_VERSION if set, else the one the cluster was last started with
# (.kafka/run/version), else 4.4.0. Only the tool's output goes to stdout; Kafka's
# logging (WARN and above) goes to stderr. Extra JVM options can be given in $KAFKA_OPTS.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  echo "usage: $0 <tool> [args...]" >&2
  echo "tools:" "${TOOL_NAMES//$'\n'/ }" >&2
  exit 2
}

[[ $# -ge 1 ]] || usage
case "$1" in -h | --help | help) usage ;; esac
tool="$1"
shift

if [[ -n "${KAFKA_VERSION:-}" ]]; then version="$(resolve_version "$KAFKA_VERSION")"; else version="$(current_version)"; fi
class="$(tool_main_class "$tool" "$version")"
[[ -n "$class" ]] || { echo "error: unknown tool '$tool' for Kafka $version" >&2; usage; }

ensure_dist "$version"
# As in Kafka's bin/zookeeper-shell.sh: the first argument is the server.
[[ "${tool%.sh}" == zookeeper-shell ]] && set -- -server "$@"
tool_command "$version" "$class"
exec "${TOOL_CMD[@]}" "$@"
