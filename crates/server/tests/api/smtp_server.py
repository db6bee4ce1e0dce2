"""The SMTP server of the mail test: aiosmtpd on 127.0.0.1:PORT, AUTH PLAIN/LOGIN required
(user `per`, password `smtp-secret`), each message saved to MAILDIR. With CERT and KEY,
STARTTLS is required before anything else (and before AUTH). Prints "ready" once it listens.

    python smtp_server.py PORT MAILDIR [CERT KEY]
"""
import mailbox
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == b"per"
        and auth_data.password == b"smtp-secret"
    )
    return AuthResult(success=ok, handled=False)


def main():
    port, maildir = int(sys.argv[1]), sys.argv[2]
    mailbox.Maildir(maildir, create=True)
    tls = {}
    if len(sys.argv) == 5:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(sys.argv[3], sys.argv[4])
        tls = {"tls_context": context, "require_starttls": True}
    controller = Controller(
        Mailbox(maildir),
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticator,
        auth_required=True,
        auth_require_tls=bool(tls),
        **tls,
    )
    controller.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
