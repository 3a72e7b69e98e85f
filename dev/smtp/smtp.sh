#!/usr/bin/env bash
# A real SMTP receiver on 127.0.0.1 for development, tests and the demo: aiosmtpd (Python, from
# PyPI) in a virtualenv, running dev/smtp/receiver.py. It delivers nothing onwards: every message it
# accepts is written into its mail directory, <stamp>.eml (the message as received) beside
# <stamp>.json (the envelope: from, to, the AUTH login if any), for tests to read.
#
#   dev/smtp/smtp.sh install     make the virtualenv and install aiosmtpd (start does it when missing)
#   dev/smtp/smtp.sh start       start it unless it runs, wait until it greets
#   dev/smtp/smtp.sh stop
#   dev/smtp/smtp.sh status      exit 0 only if it runs and greets
#   dev/smtp/smtp.sh logs [-f]
#   dev/smtp/smtp.sh clear       delete the received mail
#
# Port on 127.0.0.1: 2525 + offset, where offset = SMTP_PORT_OFFSET, else KAFKA_PORT_OFFSET, else 0.
# Each port has its own pid, log and mail directory, so receivers on different offsets can run at
# once; every command acts on the one of the current offset.
# With SMTP_AUTH_USER and SMTP_AUTH_PASSWORD set at start, it accepts mail only after SMTP AUTH
# (PLAIN or LOGIN, without TLS) with that login; otherwise from anyone. The password is never
# written to a file or a log (the process reads it from its environment).
#
# Everything lives under $SMTP_HOME_DIR (default $KAFKA_HOME_DIR/smtp, i.e. .kafka/smtp):
#   venv/                                  the virtualenv (requirements.txt)
#   mail/<port>/                           the received mail
#   run/smtp-<port>.pid, .log, .json       one running receiver (.json: its port, mail directory, AUTH login)
#
# Environment: SMTP_PYTHON (the python3 the virtualenv is made from, default python3), START_TIMEOUT
# (seconds, default 30), STOP_TIMEOUT (default 10).
set -euo pipefail
# shellcheck source=SCRIPTDIR/../kafka/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../kafka/lib.sh"

SMTP_DEV_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SMTP_HOME="${SMTP_HOME_DIR:-$KAFKA_HOME_DIR/smtp}"
mkdir -p "$SMTP_HOME"
# The physical path, as in lib.sh: a checkout reaching it through a symbolic link sees the same receiver.
SMTP_HOME="$(cd -P "$SMTP_HOME" && pwd)"
VENV_DIR="$SMTP_HOME/venv"
RUN_DIR="$SMTP_HOME/run"

START_TIMEOUT="${START_TIMEOUT:-30}"
STOP_TIMEOUT="${STOP_TIMEOUT:-10}"
PORT_OFFSET="${SMTP_PORT_OFFSET:-${KAFKA_PORT_OFFSET:-0}}"
if ! [[ "$PORT_OFFSET" =~ ^[0-9]{1,5}$ ]] || ((PORT_OFFSET > 40000)); then
  die "SMTP_PORT_OFFSET (or KAFKA_PORT_OFFSET) must be a number from 0 to 40000, not '$PORT_OFFSET'"
fi
PORT=$((2525 + PORT_OFFSET))
MAIL_DIR="$SMTP_HOME/mail/$PORT"
PID_FILE="$RUN_DIR/smtp-$PORT.pid"
LOG_FILE="$RUN_DIR/smtp-$PORT.log"
INFO_FILE="$RUN_DIR/smtp-$PORT.json"
AUTH_USER="${SMTP_AUTH_USER:-}"
AUTH_PASSWORD="${SMTP_AUTH_PASSWORD:-}"
REQUIREMENTS="$SMTP_DEV_DIR/requirements.txt"

# The virtualenv is made again when requirements.txt changed since (its checksum is kept in it).
installed() {
  [[ -x "$VENV_DIR/bin/python" && -f "$VENV_DIR/requirements.sha256" &&
    "$(cat "$VENV_DIR/requirements.sha256")" == "$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)" ]]
}

ensure_installed() {
  installed && return 0
  local python="${SMTP_PYTHON:-python3}" out started=$SECONDS
  command -v "$python" >/dev/null 2>&1 || die "$python not found (Debian: apt-get install -y python3 python3-venv; or set SMTP_PYTHON)"
  echo "Installing aiosmtpd into $VENV_DIR ..." >&2
  rm -rf "$VENV_DIR"
  if ! out="$("$python" -m venv "$VENV_DIR" 2>&1)"; then
    echo "$out" >&2
    rm -rf "$VENV_DIR"
    die "$python -m venv failed (Debian: apt-get install -y python3-venv)"
  fi
  if ! out="$("$VENV_DIR/bin/python" -m pip install -q --disable-pip-version-check -r "$REQUIREMENTS" 2>&1)"; then
    echo "$out" >&2
    rm -rf "$VENV_DIR"
    die "could not install $REQUIREMENTS from PyPI (pip install failed)"
  fi
  sha256sum "$REQUIREMENTS" | cut -d' ' -f1 >"$VENV_DIR/requirements.sha256"
  echo "aiosmtpd $("$VENV_DIR/bin/python" -c 'import aiosmtpd; print(aiosmtpd.__version__)') installed in $VENV_DIR after $((SECONDS - started)) s" >&2
}

# Seconds since $1 (an $EPOCHREALTIME), to a tenth.


# Whether the receiver answers with its 220 greeting (then says QUIT).
answering() {
  # shellcheck disable=SC2016 # $1 is for the inner bash
  timeout 3 bash -c 'exec 3<>/dev/tcp/127.0.0.1/$1 && IFS= read -r -t 2 line <&3 && [[ $line == 220* ]] && printf "QUIT\r\n" >&3' \
    _ "$PORT" 2>/dev/null
}

# Prints the receiver's PID if it is running; forgets a pid file whose process is gone or is
# something else (a PID reused by the OS).
receiver_pid() { owned_pid "$PID_FILE" "receiver.py --port $PORT " "--run-dir $RUN_DIR " || { rm -f "$INFO_FILE"; return 1; }; }

auth_text() {
  local login
  login="$(sed -n 's/^ *"authLogin": "\(.*\)",\{0,1\}$/\1/p' "$INFO_FILE" 2>/dev/null)"
  if [[ -n "$login" ]]; then echo "AUTH required, login '$login'"; else echo "no AUTH"; fi
}

fail_start() {
  echo "----- last lines of $LOG_FILE (cut at 300 characters) -----" >&2
  tail -n 20 "$LOG_FILE" 2>/dev/null | cut -c1-300 >&2 || true
  echo "error: $1" >&2
  exit 1
}

json_string() {
  local s="${1//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '"%s"' "$s"
}

# Starts the receiver in its own session (setsid), so that neither a closed terminal nor a test
# runner ending its process group takes it down; the process writes its own pid file right before
# becoming python.
launch() {
  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.prev"
  rm -f "$PID_FILE"
  mkdir -p "$MAIL_DIR"
  # shellcheck disable=SC2016 # $$ and $0 are for the inner bash
  SMTP_AUTH_USER="$AUTH_USER" SMTP_AUTH_PASSWORD="$AUTH_PASSWORD" PYTHONUNBUFFERED=1 \
    nohup setsid bash -c 'echo $$ >"$0" && exec "$@"' "$PID_FILE" \
    "$VENV_DIR/bin/python" "$SMTP_DEV_DIR/receiver.py" --port "$PORT" --host 127.0.0.1 \
    --mail-dir "$MAIL_DIR" --run-dir "$RUN_DIR" >"$LOG_FILE" 2>&1 </dev/null 9>&- &
  local _
  for _ in {1..50}; do [[ -s "$PID_FILE" ]] && break; sleep 0.1; done
  [[ -s "$PID_FILE" ]] || die "the SMTP receiver did not start (see $LOG_FILE)"
  local login=null
  [[ -z "$AUTH_USER" ]] || login="$(json_string "$AUTH_USER")"
  printf '{\n  "port": %d,\n  "mailDir": %s,\n  "authLogin": %s\n}\n' "$PORT" "$(json_string "$MAIL_DIR")" "$login" >"$INFO_FILE"
}

wait_ready() {
  local deadline=$((SECONDS + START_TIMEOUT))
  until answering; do
    receiver_pid >/dev/null || fail_start "the SMTP receiver exited while starting"
    ((SECONDS < deadline)) || fail_start "the SMTP receiver did not greet on 127.0.0.1:$PORT within $START_TIMEOUT s"
    sleep 0.1
  done
}

cmd_install() {
  ensure_installed
  echo "aiosmtpd is installed in $VENV_DIR"
}

cmd_start() {
  if [[ -n "$AUTH_USER" && -z "$AUTH_PASSWORD" ]] || [[ -z "$AUTH_USER" && -n "$AUTH_PASSWORD" ]]; then
    die "SMTP_AUTH_USER and SMTP_AUTH_PASSWORD must be set together"
  fi
  local pid
  if pid="$(receiver_pid)"; then
    wait_ready
    echo "The SMTP receiver is already running (pid $pid) on 127.0.0.1:$PORT, $(auth_text); mail in $MAIL_DIR"
    return 0
  fi
  ensure_installed
  port_open "$PORT" && die "port $PORT is already in use by another program"
  mkdir -p "$RUN_DIR"
  local started=$EPOCHREALTIME
  launch
  wait_ready
  echo "The SMTP receiver is up after $(elapsed "$started") s on 127.0.0.1:$PORT, $(auth_text); mail in $MAIL_DIR"
}

cmd_stop() {
  local pid _
  if ! pid="$(receiver_pid)"; then
    echo "The SMTP receiver on port $PORT is not running."
    return 0
  fi
  echo "Stopping the SMTP receiver (pid $pid) on port $PORT ..."
  stop_process "$STOP_TIMEOUT" "the SMTP receiver" receiver_pid
  rm -f "$PID_FILE" "$INFO_FILE"
  echo "Stopped."
}

cmd_status() {
  local pid
  if ! pid="$(receiver_pid)"; then
    echo "The SMTP receiver on port $PORT is not running."
    return 1
  fi
  if answering; then
    echo "The SMTP receiver: pid $pid, answering on 127.0.0.1:$PORT, $(auth_text); mail in $MAIL_DIR"
  else
    echo "The SMTP receiver: pid $pid, not answering on 127.0.0.1:$PORT (starting or stopping)"
    return 1
  fi
}

cmd_logs() {
  local follow="$1"
  [[ -f "$LOG_FILE" ]] || die "no log file $LOG_FILE"
  if $follow; then exec tail -n 20 -F "$LOG_FILE"; else tail -n 50 "$LOG_FILE"; fi
}

cmd_clear() {
  [[ -d "$MAIL_DIR" ]] && find "$MAIL_DIR" -mindepth 1 -maxdepth 1 -type f -delete
  echo "Deleted the mail received on port $PORT."
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
    install | start | stop | status)
      require_commands ps:procps flock:util-linux setsid:util-linux timeout:coreutils nohup:coreutils sha256sum:coreutils
      ;;
  esac
  # Two starts at once (say, a test script and a test setup) must not launch two receivers, nor two
  # installs write one virtualenv. (The receiver closes fd 9, or it would hold the lock while it runs.)
  case "$command" in
    install | start | stop)
      exec 9>"$SMTP_HOME/smtp.lock"
      flock 9
      ;;
  esac
  case "$command" in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    logs) cmd_logs "$follow" ;;
    clear) cmd_clear ;;
    -h | --help | help) usage ;;
    *) echo "error: unknown command '$command'" >&2; usage ;;
  esac
}

main "$@"
