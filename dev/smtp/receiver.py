"""An SMTP receiver for tests: every message it accepts becomes two files in the mail directory.

    <stamp>.json   the envelope: {"from", "to": [...], "authLogin": str | null, "receivedAt", "size"}
    <stamp>.eml    the message as received (the DATA, byte for byte)

The .json is written before the .eml, each under a temporary name first, so a reader that lists
*.eml files finds both complete. Run by dev/smtp/smtp.sh, on aiosmtpd (see requirements.txt).

With SMTP_AUTH_USER and SMTP_AUTH_PASSWORD in the environment, mail is accepted only after AUTH
PLAIN or LOGIN with that login (plain text on loopback: auth_require_tls is off); without them,
from anyone. The password is never logged.
"""

import argparse
import asyncio
import hmac
import itertools
import json
import logging
import os
import signal
import warnings
from datetime import datetime, timezone

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

log = logging.getLogger("kafkascope.smtp")


class MailDirHandler:
    def __init__(self, mail_dir: str) -> None:
        self.mail_dir = mail_dir
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope) -> str:
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        now = datetime.now(timezone.utc)
        stamp = f"{now.strftime('%Y%m%dT%H%M%S.%f')}-{os.getpid()}-{next(self.counter):06d}"
        login = getattr(session.auth_data, "login", None)
        meta = {
            "from": envelope.mail_from,
            "to": list(envelope.rcpt_tos),
            "authLogin": login.decode("utf-8", "replace") if isinstance(login, bytes) else login,
            "receivedAt": now.isoformat().replace("+00:00", "Z"),
            "size": len(raw),
        }
        self._write(f"{stamp}.json", json.dumps(meta, indent=2).encode() + b"\n")
        self._write(f"{stamp}.eml", raw)
        log.info("received %s: %d bytes from %s to %s", stamp, len(raw), meta["from"], ", ".join(meta["to"]))
        return "250 OK"

    def _write(self, name: str, data: bytes) -> None:
        tmp = os.path.join(self.mail_dir, f".{name}.tmp")
        with open(tmp, "wb") as file:
            file.write(data)
        os.replace(tmp, os.path.join(self.mail_dir, name))


class OneLogin:
    """aiosmtpd's authenticator: accepts the one login and password it was given."""

    def __init__(self, user: str, password: str) -> None:
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        ok = hmac.compare_digest(auth_data.login, self.user) & hmac.compare_digest(auth_data.password, self.password)
        if not ok:
            log.warning("AUTH %s refused for login %r", mechanism, auth_data.login.decode("utf-8", "replace"))
            return AuthResult(success=False, handled=False)
        return AuthResult(success=True, auth_data=auth_data)


async def serve(host: str, port: int, mail_dir: str) -> None:
    user = os.environ.pop("SMTP_AUTH_USER", "")
    password = os.environ.pop("SMTP_AUTH_PASSWORD", "")
    if bool(user) != bool(password):
        raise SystemExit("SMTP_AUTH_USER and SMTP_AUTH_PASSWORD must be set together")
    handler = MailDirHandler(mail_dir)
    loop = asyncio.get_running_loop()
    options = {"hostname": "localhost", "enable_SMTPUTF8": True, "loop": loop}
    if user:
        # Requiring AUTH without TLS is what this receiver is for; aiosmtpd warns about it on every connection.
        warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
        options.update(authenticator=OneLogin(user, password), auth_required=True, auth_require_tls=False)
    server = await loop.create_server(lambda: SMTP(handler, **options), host=host, port=port)
    log.info(
        "listening on %s:%d, mail into %s, %s",
        host,
        port,
        mail_dir,
        f"AUTH required (login {user!r})" if user else "no AUTH",
    )
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("stopping")
    server.close()
    await server.wait_closed()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mail-dir", required=True)
    # Lets smtp.sh recognise its own process in `ps` (a pid file may outlive its process).
    parser.add_argument("--run-dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.mail_dir, exist_ok=True)
    # INFO shows each SMTP command (aiosmtpd masks AUTH's credentials); DEBUG would show AUTH exchanges.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    asyncio.run(serve(args.host, args.port, args.mail_dir))


if __name__ == "__main__":
    main()
