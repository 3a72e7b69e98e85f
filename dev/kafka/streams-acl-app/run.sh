#!/usr/bin/env bash
# Runs StreamsAclApp.java (a word count with the names given, see the file) on Kafka Streams of the
# brokers' release, downloaded from Maven Central on first use (pom.xml beside this script).
#
#   dev/kafka/streams-acl-app/run.sh <client.properties> <application.id> <input> <output> [seconds]
#   dev/kafka/streams-acl-app/run.sh install      download the jars only
#
# The client properties give bootstrap.servers and the client's security settings (SASL and so on).
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

APP_DIR="$KAFKA_DEV_DIR/streams-acl-app"
VERSION=4.4.0
LIBS_DIR="$DIST_DIR/streams-acl-app-$VERSION/libs"

# Downloads the jars unless they are already there for the current pom.xml (as lib.sh's ensure_dist).
ensure_installed() {
  local sum out
  sum="$(sha256sum "$APP_DIR/pom.xml" | cut -d' ' -f1)"
  if [[ -f "$LIBS_DIR/pom.sha256" && "$(cat "$LIBS_DIR/pom.sha256")" == "$sum" ]]; then return 0; fi
  command -v mvn >/dev/null || die "mvn is needed to download Kafka Streams $VERSION from Maven Central"
  echo "Downloading Kafka Streams $VERSION jars from Maven Central ..." >&2
  rm -rf "$LIBS_DIR.tmp"
  mkdir -p "$(dirname "$LIBS_DIR")"
  if ! out="$(mvn -B -q -f "$APP_DIR/pom.xml" -Dlibs.dir="$LIBS_DIR.tmp" dependency:copy-dependencies 2>&1)"; then
    echo "$out" >&2
    die "could not download Kafka Streams $VERSION (mvn dependency:copy-dependencies failed)"
  fi
  echo "$sum" >"$LIBS_DIR.tmp/pom.sha256"
  rm -rf "$LIBS_DIR"
  mv "$LIBS_DIR.tmp" "$LIBS_DIR"
}

[[ $# -ge 1 ]] || { sed -n '2,9p' "${BASH_SOURCE[0]}" >&2; exit 2; }
ensure_installed
[[ "$1" == install ]] && exit 0
[[ $# -ge 4 ]] || { sed -n '2,9p' "${BASH_SOURCE[0]}" >&2; exit 2; }
# Java's source launcher compiles the one file in memory: no build step, no class files left behind.
exec "$JAVA" -Xmx256m "${FAST_JVM_FLAGS[@]}" -XX:+DisplayVMOutputToStderr \
  "-Dlog4j2.configurationFile=$KAFKA_DEV_DIR/log4j2-tools.xml" \
  -cp "$LIBS_DIR/*" "$APP_DIR/StreamsAclApp.java" "$@"
