#!/usr/bin/env bash
# A real PostgreSQL server on 127.0.0.1 for development, tests and the demo, from the machine's own
# packages (Debian: apt-get install -y postgresql); no Docker, no system service.
#
#   dev/postgres/postgres.sh start     initdb on the first start, then start it unless it runs
#   dev/postgres/postgres.sh stop      pg_ctl stop -m fast
#   dev/postgres/postgres.sh status    exit 0 only if it runs and answers (pg_isready)
#   dev/postgres/postgres.sh url       the connection URL of the kafkascope role (password included)
#   dev/postgres/postgres.sh psql [args]   psql on the kafkascope database as that role
#   dev/postgres/postgres.sh logs [-f]
#   dev/postgres/postgres.sh reset     stop, then delete the data directory and the password
#
# Port on 127.0.0.1: 5433 + offset, where offset = POSTGRES_PORT_OFFSET, else KAFKA_PORT_OFFSET, else 0
# (5433, so that a system PostgreSQL on 5432 may run beside it). Each port has its own data
# directory, so servers on different offsets can run at once; every command acts on the one of the
# current offset. The role kafkascope (password authentication, scram-sha-256, over TCP only; it may
# create databases) owns the database kafkascope; its generated password is kept in
# $POSTGRES_HOME_DIR/password (mode 600). The superuser is reached only through the server's unix
# socket, in its own directory (peer authentication).
# Tuned to start fast and write little, not to keep data through a crash: fsync, synchronous_commit
# and full_page_writes are off.
#
# PostgreSQL refuses to run as root: as root the server runs as the postgres user (made by Debian's
# package), which then owns the data directory. When that user cannot reach $POSTGRES_HOME_DIR, the
# data lives in its home directory instead ($POSTGRES_HOME_DIR/<port> is then a link to it).
#
# Everything lives under $POSTGRES_HOME_DIR (default $KAFKA_HOME_DIR/postgres, i.e. .kafka/postgres):
#   password                  the kafkascope role's password (mode 600)
#   <port>/data/              the data directory; data/postmaster.pid is the pid file
#   <port>/socket/            the unix socket
#   <port>/postgres.log       the server's log
#
# Environment: POSTGRES_BIN (a directory with pg_ctl, initdb, postgres, psql, pg_isready; default the
# newest /usr/lib/postgresql/*/bin, else the one of pg_ctl on the PATH), START_TIMEOUT (seconds,
# default 60), STOP_TIMEOUT (default 20).
set -euo pipefail
# shellcheck source=SCRIPTDIR/../kafka/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../kafka/lib.sh"

PG_HOME_DIR="${POSTGRES_HOME_DIR:-$KAFKA_HOME_DIR/postgres}"
mkdir -p "$PG_HOME_DIR"
# The physical path, as in lib.sh: a checkout reaching it through a symbolic link sees the same server.
PG_HOME_DIR="$(cd -P "$PG_HOME_DIR" && pwd)"

START_TIMEOUT="${START_TIMEOUT:-60}"
STOP_TIMEOUT="${STOP_TIMEOUT:-20}"
PORT_OFFSET="${POSTGRES_PORT_OFFSET:-${KAFKA_PORT_OFFSET:-0}}"
if ! [[ "$PORT_OFFSET" =~ ^[0-9]{1,5}$ ]] || ((PORT_OFFSET > 40000)); then
  die "POSTGRES_PORT_OFFSET (or KAFKA_PORT_OFFSET) must be a number from 0 to 40000, not '$PORT_OFFSET'"
fi
PORT=$((5433 + PORT_OFFSET))
ROLE=kafkascope
DATABASE=kafkascope
PASSWORD_FILE="$PG_HOME_DIR/password"
# Set by choose_layout.
SERVER_DIR=""
DATA_DIR=""
SOCKET_DIR=""
LOG_FILE=""
# Who runs the server, and the superuser initdb makes (named after that user).
if [[ "$(id -u)" == 0 ]]; then SERVER_USER=postgres; else SERVER_USER="$(id -un)"; fi

# The newest PostgreSQL's binaries: Debian keeps each major version in /usr/lib/postgresql/<n>/bin.
find_bin() {
  if [[ -n "${POSTGRES_BIN:-}" ]]; then
    [[ -x "$POSTGRES_BIN/pg_ctl" ]] || die "POSTGRES_BIN=$POSTGRES_BIN has no pg_ctl"
    echo "$POSTGRES_BIN"
    return 0
  fi
  local dir
  dir="$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/pg_ctl' -printf '%h\n' 2>/dev/null | sort -V | tail -n 1)"
  if [[ -z "$dir" ]] && command -v pg_ctl >/dev/null 2>&1; then dir="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"; fi
  [[ -n "$dir" ]] || die "no PostgreSQL found (Debian: apt-get install -y postgresql; or set POSTGRES_BIN)"
  echo "$dir"
}
PG_BIN=""

# Runs a command as the server's user, in a directory that user can enter.
as_server_user() {
  if [[ "$(id -u)" == 0 ]]; then
    (cd / && runuser -u "$SERVER_USER" -- "$@")
  else
    "$@"
  fi
}

# Where this port's server keeps its files: under $PG_HOME_DIR, unless the server's user cannot
# reach it (a checkout under a home directory of mode 700, say).
choose_layout() {
  local link="$PG_HOME_DIR/$PORT"
  if [[ "$(id -u)" == 0 ]]; then
    getent passwd "$SERVER_USER" >/dev/null ||
      die "running as root, PostgreSQL needs the '$SERVER_USER' system user to run as (Debian's postgresql package creates it)"
    if [[ ! -e "$link" ]] && ! runuser -u "$SERVER_USER" -- test -x "$PG_HOME_DIR" 2>/dev/null; then
      local home fallback
      home="$(getent passwd "$SERVER_USER" | cut -d: -f6)"
      fallback="$home/kafkascope/$(echo "$PG_HOME_DIR" | cksum | cut -d' ' -f1)-$PORT"
      install -d -o "$SERVER_USER" -m 700 "$fallback"
      ln -sfn "$fallback" "$link"
      echo "note: the $SERVER_USER user cannot reach $PG_HOME_DIR: the data of port $PORT lives in $fallback ($link links to it)" >&2
    fi
    if [[ ! -e "$link" ]]; then
      install -d -o "$SERVER_USER" -m 700 "$link"
    fi
  else
    mkdir -p -m 700 "$link"
  fi
  SERVER_DIR="$(cd -P "$link" && pwd)"
  DATA_DIR="$SERVER_DIR/data"
  SOCKET_DIR="$SERVER_DIR/socket"
  LOG_FILE="$SERVER_DIR/postgres.log"
  # A unix socket's path must fit in 107 bytes.
  local socket="$SOCKET_DIR/.s.PGSQL.$PORT"
  ((${#socket} <= 100)) || die "the socket path $socket is too long for a unix socket: set POSTGRES_HOME_DIR to a shorter directory"
}

pid_file() { echo "$DATA_DIR/postmaster.pid"; }

# The postmaster's pid if the server of this data directory runs (pg_ctl checks that the process lives).
server_pid() {
  [[ -f "$DATA_DIR/PG_VERSION" ]] || return 1
  as_server_user "$PG_BIN/pg_ctl" status -D "$DATA_DIR" >/dev/null 2>&1 || return 1
  head -n 1 "$(pid_file)" 2>/dev/null
}

answering() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 3 >/dev/null 2>&1; }


# Seconds since $1 (an $EPOCHREALTIME), to a tenth.

fail_start() {
  echo "----- last lines of $LOG_FILE (cut at 300 characters) -----" >&2
  tail -n 20 "$LOG_FILE" 2>/dev/null | cut -c1-300 >&2 || true
  echo "error: $1" >&2
  exit 1
}

# Writes a file of the server's user (as root: written by root, then given to that user).
write_server_file() {
  cat >"$1"
  [[ "$(id -u)" != 0 ]] || chown "$SERVER_USER:" "$1"
}

# The settings and the authentication rules are written at every start, so that a change here
# reaches a data directory made before it.
write_config() {
  write_server_file "$DATA_DIR/kafkascope.conf" <<EOF
# Written by dev/postgres/postgres.sh at every start: edits here are lost.
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCKET_DIR'
unix_socket_permissions = 0700
password_encryption = 'scram-sha-256'
shared_buffers = 32MB
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
log_line_prefix = '%m [%p] %q%u@%d '
log_timezone = 'UTC'
timezone = 'UTC'
EOF
  write_server_file "$DATA_DIR/pg_hba.conf" <<'EOF'
# Written by dev/postgres/postgres.sh at every start: edits here are lost.
# The superuser through the unix socket alone (its directory is the server user's, mode 700);
# every role over TCP with its password.
local all all peer
host all all 127.0.0.1/32 scram-sha-256
EOF
}

init_data() {
  [[ -f "$DATA_DIR/PG_VERSION" ]] && return 0
  echo "Creating a PostgreSQL data directory in $DATA_DIR ..." >&2
  rm -rf "$DATA_DIR"
  local out
  if ! out="$(as_server_user "$PG_BIN/initdb" -D "$DATA_DIR" -U "$SERVER_USER" --auth-local=peer \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C --no-sync --no-instructions 2>&1)"; then
    echo "$out" >&2
    rm -rf "$DATA_DIR"
    die "initdb failed"
  fi
  echo "include 'kafkascope.conf'" | as_server_user tee -a "$DATA_DIR/postgresql.conf" >/dev/null
}

new_password() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }

# Creates the role and its database, and sets the role's password to the one of the password file
# (made on the first start). The password goes to psql on its standard input, and the server is told
# not to log the statements that carry it.
provision() {
  if [[ ! -s "$PASSWORD_FILE" ]]; then
    (umask 077 && new_password >"$PASSWORD_FILE.tmp" && mv -f "$PASSWORD_FILE.tmp" "$PASSWORD_FILE")
  fi
  chmod 600 "$PASSWORD_FILE"
  local password out
  password="$(cat "$PASSWORD_FILE")"
  [[ "$password" =~ ^[0-9a-f]+$ ]] || die "$PASSWORD_FILE does not hold a generated password: delete it and start again"
  if ! out="$(as_server_user "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKET_DIR" -p "$PORT" \
    -U "$SERVER_USER" -d postgres 2>&1 <<SQL
SET log_statement = 'none';
SET log_min_error_statement = 'panic';
SELECT format('CREATE ROLE %I', '$ROLE') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') \gexec
ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$password';
SELECT format('CREATE DATABASE %I OWNER %I', '$DATABASE', '$ROLE')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DATABASE') \gexec
SQL
  )"; then
    echo "${out//$password/********}" >&2
    die "could not create the role $ROLE and its database"
  fi
}

url() { echo "postgresql://$ROLE:$(cat "$PASSWORD_FILE")@127.0.0.1:$PORT/$DATABASE"; }
shown_url() { echo "postgresql://$ROLE:********@127.0.0.1:$PORT/$DATABASE"; }

wait_ready() {
  local deadline=$((SECONDS + START_TIMEOUT))
  until answering; do
    server_pid >/dev/null || fail_start "PostgreSQL exited while starting"
    ((SECONDS < deadline)) || fail_start "PostgreSQL did not answer on 127.0.0.1:$PORT within $START_TIMEOUT s"
    sleep 0.1
  done
}

cmd_start() {
  local pid
  if pid="$(server_pid)"; then
    wait_ready
    provision
    echo "PostgreSQL is already running (pid $pid) on 127.0.0.1:$PORT: $(shown_url)"
    return 0
  fi
  port_open "$PORT" && die "port $PORT is already in use by another program"
  local started=$EPOCHREALTIME
  init_data
  as_server_user mkdir -p -m 700 "$SOCKET_DIR"
  write_config
  [[ -f "$LOG_FILE" ]] && as_server_user mv -f "$LOG_FILE" "$LOG_FILE.prev"
  # pg_ctl starts the server in its own session, so that neither a closed terminal nor a test
  # runner ending its process group takes it down; it must not inherit the lock on fd 9.
  if ! as_server_user "$PG_BIN/pg_ctl" start -D "$DATA_DIR" -l "$LOG_FILE" -w -t "$START_TIMEOUT" -s 9>&-; then
    fail_start "pg_ctl start failed"
  fi
  wait_ready
  provision
  echo "PostgreSQL $(cat "$DATA_DIR/PG_VERSION") is up after $(elapsed "$started") s on 127.0.0.1:$PORT: $(shown_url) (npm run postgres -- url)"
}

cmd_stop() {
  local pid
  if ! pid="$(server_pid)"; then
    echo "PostgreSQL on port $PORT is not running."
    return 0
  fi
  echo "Stopping PostgreSQL (pid $pid) on port $PORT ..."
  if ! as_server_user "$PG_BIN/pg_ctl" stop -D "$DATA_DIR" -m fast -w -t "$STOP_TIMEOUT" -s; then
    echo "PostgreSQL did not stop within $STOP_TIMEOUT s, stopping it at once (-m immediate)" >&2
    as_server_user "$PG_BIN/pg_ctl" stop -D "$DATA_DIR" -m immediate -w -t "$STOP_TIMEOUT" -s || true
  fi
  server_pid >/dev/null && die "PostgreSQL (pid $pid) still runs"
  echo "Stopped."
}

cmd_status() {
  local pid
  if ! pid="$(server_pid)"; then
    if port_open "$PORT"; then
      echo "PostgreSQL of $DATA_DIR is not running; another program listens on port $PORT."
    else
      echo "PostgreSQL on port $PORT is not running."
    fi
    return 1
  fi
  if answering; then
    echo "PostgreSQL $(cat "$DATA_DIR/PG_VERSION"): pid $pid, answering on 127.0.0.1:$PORT ($(shown_url)), data in $DATA_DIR"
  else
    echo "PostgreSQL: pid $pid, not answering on 127.0.0.1:$PORT (starting or stopping)"
    return 1
  fi
}

cmd_url() {
  [[ -s "$PASSWORD_FILE" ]] || die "no $PASSWORD_FILE yet: start the server first (dev/postgres/postgres.sh start)"
  url
}

cmd_psql() {
  [[ -s "$PASSWORD_FILE" ]] || die "no $PASSWORD_FILE yet: start the server first (dev/postgres/postgres.sh start)"
  PGPASSWORD="$(cat "$PASSWORD_FILE")" exec "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DATABASE" "$@"
}

cmd_logs() {
  local follow="$1"
  [[ -f "$LOG_FILE" ]] || die "no log file $LOG_FILE"
  if $follow; then exec tail -n 20 -F "$LOG_FILE"; else tail -n 50 "$LOG_FILE"; fi
}

cmd_reset() {
  cmd_stop
  local link="$PG_HOME_DIR/$PORT"
  rm -rf "$SERVER_DIR"
  [[ -L "$link" ]] && rm -f "$link"
  # The password is shared by the servers of every offset: it goes with the last of them.
  compgen -G "$PG_HOME_DIR/[0-9]*" >/dev/null || rm -f "$PASSWORD_FILE"
  echo "Deleted the data of PostgreSQL on port $PORT."
}

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//' >&2
  exit 2
}

main() {
  [[ $# -ge 1 ]] || usage
  local command="$1" follow=false
  shift
  case "$command" in
    -h | --help | help) usage ;;
    start | stop | status | url | psql | logs | reset) ;;
    *) echo "error: unknown command '$command'" >&2; usage ;;
  esac
  if [[ "$command" != psql ]]; then
    while [[ $# -gt 0 ]]; do
      case "$1" in
        -f | --follow) [[ "$command" == logs ]] || usage; follow=true ;;
        -h | --help) usage ;;
        *) echo "error: unexpected argument '$1'" >&2; usage ;;
      esac
      shift
    done
  fi
  require_commands timeout:coreutils od:coreutils flock:util-linux runuser:util-linux
  PG_BIN="$(find_bin)"
  # Two starts at once (say, a test script and a test setup) must not run initdb or pg_ctl twice.
  case "$command" in
    start | stop | reset)
      exec 9>"$PG_HOME_DIR/postgres.lock"
      flock 9
      ;;
  esac
  choose_layout
  case "$command" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) cmd_url ;;
    psql) cmd_psql "$@" ;;
    logs) cmd_logs "$follow" ;;
    reset) cmd_reset ;;
  esac
}

main "$@"
