# shellcheck shell=bash
# Secure listeners of the local cluster (sourced by cluster.sh, KRaft mode only): certificates,
# the listener settings of each node, SCRAM users and the dev credentials file.
#
# Everything is made once and kept under $RUN_DIR/secure/:
#   ca.pem, ca.key              the dev certificate authority (trusted by brokers and clients)
#   broker.pem                  broker key + certificate (SAN IP:127.0.0.1, DNS:localhost), the PEM keystore
#   client.pem, client.key      client certificate and key (mTLS); client-encrypted.key: the same key
#                               protected by the passphrase in credentials.json
#   other-ca.pem                a CA that signed nothing here: clients trusting only it must fail
#   credentials.json            dev users, passwords, ports and file paths, for tests and demos

SECURE_USER=kafkascope
SECURE_PASSWORD=kafkascope-dev-password
SECURE_KEY_PASSPHRASE=kafkascope-dev-key-passphrase
secure_dir() { echo "$RUN_DIR/secure"; }

# One RSA key and certificate per role; openssl takes ~0.2 s for all of them, once.
make_certificates() {
  local dir tmp
  dir="$(secure_dir)"
  [[ -f "$dir/broker.pem" && -f "$dir/client.pem" && -f "$dir/other-ca.pem" && -f "$dir/client-encrypted.key" ]] && return 0
  command -v openssl >/dev/null || die "openssl is needed to make the certificates of the TLS listeners"
  tmp="$dir.tmp"
  rm -rf "$tmp" && mkdir -p "$tmp"
  (
    cd "$tmp"
    local subj="/O=Kafkascope dev"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -keyout ca.key -out ca.pem -subj "$subj/CN=Kafkascope dev CA"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -keyout other-ca.key -out other-ca.pem -subj "$subj/CN=Untrusted CA"
    openssl req -newkey rsa:2048 -nodes -keyout broker.key -out broker.csr -subj "$subj/CN=localhost"
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n' >broker.ext
    openssl x509 -req -in broker.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 825 -extfile broker.ext -out broker.crt
    openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj "$subj/CN=kafkascope-client"
    printf 'extendedKeyUsage=clientAuth\n' >client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 825 -extfile client.ext -out client.pem
    openssl pkey -in client.key -aes256 -passout "pass:$SECURE_KEY_PASSPHRASE" -out client-encrypted.key
    # Kafka's PEM keystore: the (PKCS#8, unencrypted) private key followed by the certificate chain.
    cat broker.key broker.crt ca.pem >broker.pem
    rm -f ./*.csr ./*.ext ./*.srl broker.crt broker.key other-ca.key
    chmod 600 ./*.key broker.pem
  ) >"$RUN_DIR/openssl.log" 2>&1 || { cat "$RUN_DIR/openssl.log" >&2; die "could not make the TLS certificates"; }
  rm -rf "$dir" && mv "$tmp" "$dir" && rm -f "$RUN_DIR/openssl.log"
}

# Listener lines for node $1: SASL_PLAINTEXT, SSL and SASL_SSL next to PLAINTEXT. Brokers and
# controllers keep talking PLAINTEXT among themselves.
secure_listeners() { local n="$1"; echo "SASL_PLAINTEXT://127.0.0.1:$(sasl_port "$n"),SSL://127.0.0.1:$(ssl_port "$n"),SASL_SSL://127.0.0.1:$(sasl_ssl_port "$n")"; }

secure_node_config() {
  local dir listener mechanism module
  dir="$(secure_dir)"
  cat <<EOF

# Secure listeners (dev/kafka/secure.sh). SCRAM users live in the cluster metadata, PLAIN users below;
# OAUTHBEARER tokens are checked by Kafka's unsecured-JWS validator (unsigned JWTs, dev only).
sasl.enabled.mechanisms=SCRAM-SHA-256,SCRAM-SHA-512,PLAIN,OAUTHBEARER
ssl.keystore.type=PEM
ssl.keystore.location=$dir/broker.pem
ssl.truststore.type=PEM
ssl.truststore.location=$dir/ca.pem
# Requested, not required: one SSL listener serves both one-way TLS and mTLS clients.
ssl.client.auth=requested
EOF
  for listener in sasl_plaintext sasl_ssl; do
    for mechanism in scram-sha-256 scram-sha-512; do
      echo "listener.name.$listener.$mechanism.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;"
    done
    module="org.apache.kafka.common.security.plain.PlainLoginModule required"
    echo "listener.name.$listener.plain.sasl.jaas.config=$module user_$SECURE_USER=\"$SECURE_PASSWORD\";"
    module="org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required"
    echo "listener.name.$listener.oauthbearer.sasl.jaas.config=$module unsecuredLoginStringClaim_sub=\"broker\";"
  done
}

# Kafka's StandardAuthorizer (KRaft), on unless KAFKA_AUTHORIZER=none (a cluster without an
# authorizer, whose DescribeAcls answers SECURITY_DISABLED). ACLs are enforced for real: a principal
# that is not a super user may do only what an ACL allows (no allow.everyone.if.no.acl.found).
# Super users: ANONYMOUS, which is every client of the PLAINTEXT and CONTROLLER listeners, the
# brokers and controllers among themselves, and one-way TLS clients, so the plain listeners stay
# usable without any ACL; the dev SCRAM/PLAIN user and the OAUTHBEARER subjects the tests sign
# (kafkascope, svc-kafka, svc-none); the mTLS client certificate's subject. Any other SCRAM user
# (made with kafka-configs, as the ACL tests do) gets only what ACLs grant it.
KAFKA_AUTHORIZER="${KAFKA_AUTHORIZER:-standard}"
DEV_SUPER_USERS="User:ANONYMOUS;User:$SECURE_USER;User:svc-kafka;User:svc-none;User:CN=kafkascope-client,O=Kafkascope dev"
authorizer_config() {
  case "$KAFKA_AUTHORIZER" in
    none) return 0 ;;
    standard) ;;
    *) die "KAFKA_AUTHORIZER must be standard or none, not '$KAFKA_AUTHORIZER'" ;;
  esac
  cat <<EOF

# ACLs (dev/kafka/secure.sh authorizer_config; KAFKA_AUTHORIZER=none turns them off).
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=$DEV_SUPER_USERS
allow.everyone.if.no.acl.found=false
EOF
}

# The SCRAM users come from kafka-configs once the nodes are up, once per mechanism: Kafka refuses two
# credentials of one user in one request ("cannot be altered twice"). About a second, once; a marker
# file remembers it is done. (Restarted nodes lost them, as they lost the bootstrap credentials of
# `kafka-storage format --add-scram` before, until the nodes took metadata snapshots: see cluster.sh.)
ensure_scram_users() {
  [[ -f "$DATA_DIR/scram-users" ]] && return 0
  local m
  tool_command "$VERSION" "$(tool_main_class kafka-configs "$VERSION")"
  for m in SCRAM-SHA-256 SCRAM-SHA-512; do
    "${TOOL_CMD[@]}" --bootstrap-server "$(bootstrap_servers "${NODES[@]}")" --alter --entity-type users \
      --entity-name "$SECURE_USER" --add-config "$m=[password=$SECURE_PASSWORD]" >/dev/null ||
      die "could not create the $m user $SECURE_USER"
  done
  touch "$DATA_DIR/scram-users"
}

ports_json() { local n list=""; for n in "${NODES[@]}"; do list+="${list:+, }$("$1" "$n")"; done; echo "[$list]"; }

write_credentials() {
  local dir
  dir="$(secure_dir)"
  cat >"$dir/credentials.json" <<EOF
{
  "username": "$SECURE_USER",
  "password": "$SECURE_PASSWORD",
  "keyPassphrase": "$SECURE_KEY_PASSPHRASE",
  "ports": {
    "plaintext": $(ports_json client_port),
    "saslPlaintext": $(ports_json sasl_port),
    "ssl": $(ports_json ssl_port),
    "saslSsl": $(ports_json sasl_ssl_port)
  },
  "files": {
    "ca": "$dir/ca.pem",
    "otherCa": "$dir/other-ca.pem",
    "clientCert": "$dir/client.pem",
    "clientKey": "$dir/client.key",
    "clientEncryptedKey": "$dir/client-encrypted.key"
  }
}
EOF
}
