#!/usr/bin/env bash
# Runs StreamsAclApp.java (a word count with the names given, see the file) on the Kafka Streams jars
# of streams/pom.xml, the ones dev/kafka/streams-app.sh runs its app on (downloaded on first use).
#
#   dev/kafka/streams/acl-app.sh <client.properties> <application.id> <input> <output> [seconds]
#   dev/kafka/streams/acl-app.sh install      download the jars only
#
# The client properties give bootstrap.servers and the client's security settings (SASL and so on).
set -euo pipefail
# shellcheck source=SCRIPTDIR/../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

APP_DIR="$KAFKA_DEV_DIR/streams"
VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$APP_DIR/pom.xml" | head -n1)"
LIBS_DIR="$DIST_DIR/streams-$VERSION/libs"

[[ $# -ge 1 ]] || { sed -n '2,8p' "${BASH_SOURCE[0]}" >&2; exit 2; }
bash "$KAFKA_DEV_DIR/streams-app.sh" install >&2
[[ "$1" == install ]] && exit 0
[[ $# -ge 4 ]] || { sed -n '2,8p' "${BASH_SOURCE[0]}" >&2; exit 2; }
# Java's source launcher compiles the one file in memory: no build step, no class files left behind.
exec "$JAVA" -Xmx256m "${FAST_JVM_FLAGS[@]}" -XX:+DisplayVMOutputToStderr \
  "-Dlog4j2.configurationFile=$KAFKA_DEV_DIR/log4j2-tools.xml" \
  -cp "$LIBS_DIR/*" "$APP_DIR/StreamsAclApp.java" "$@"
