"""A local SMTP server that keeps every message it receives as a .eml file, and a relay
that accepts connections and never answers (`hung_relay`).

Used by `newsetl demo` and the tests to catch alert mail on loopback; in production
`smtp_default` points at a real relay instead.
"""
from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller

from devtools import LOOPBACK, free_port


class _SaveToDir:
    def __init__(self, mail_dir: Path) -> None:
        self.mail_dir = mail_dir

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        stamp = time.strftime("%Y%m%dT%H%M%S")
        name = f"{stamp}-{time.monotonic_ns()}.eml"
        tmp = self.mail_dir / (name + ".part")
        tmp.write_bytes(envelope.original_content or envelope.content)
        tmp.rename(self.mail_dir / name)  # readers never see half a message
        return "250 Message accepted for delivery"


@dataclass
class SmtpSink:
    """A running sink: `conn_uri` is the AIRFLOW_CONN_SMTP_DEFAULT value that reaches it."""

    controller: Controller
    mail_dir: Path
    host: str
    port: int

    @property
    def conn_uri(self) -> str:
        return f"smtp://:@{self.host}:{self.port}?disable_ssl=true&disable_tls=true"

    def messages(self) -> list[EmailMessage]:
        """Every message received so far, oldest first."""
        return read_messages(self.mail_dir)

    def stop(self) -> None:
        self.controller.stop()

    def __enter__(self) -> SmtpSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_sink(mail_dir: Path, host: str = LOOPBACK, port: int = 0) -> SmtpSink:
    """Start an SMTP server on host:port (0 = any free port) saving mail under mail_dir."""
    mail_dir.mkdir(parents=True, exist_ok=True)
    port = port or free_port(host)
    controller = Controller(_SaveToDir(mail_dir), hostname=host, port=port)
    controller.start()
    return SmtpSink(controller=controller, mail_dir=mail_dir, host=host, port=port)


def read_messages(mail_dir: Path) -> list[EmailMessage]:
    """Parse the .eml files in mail_dir (oldest first)."""
    return [
        message_from_bytes(p.read_bytes(), policy=policy.default)  # type: ignore[misc]
        for p in sorted(mail_dir.glob("*.eml"))
    ]


@dataclass
class HungRelay:
    """A running hung relay: `conn_uri` reaches it (without a timeout extra), `accepted` counts
    the connections it took."""

    host: str
    port: int
    held: list[socket.socket]

    @property
    def conn_uri(self) -> str:
        return f"smtp://:@{self.host}:{self.port}?disable_ssl=true&disable_tls=true"

    @property
    def accepted(self) -> int:
        return len(self.held)


@contextlib.contextmanager
def hung_relay(host: str = LOOPBACK, port: int = 0) -> Iterator[HungRelay]:
    """A TCP server on host:port that accepts every connection and never says a word (no SMTP
    greeting, no reply): a relay that hangs. Closes everything on exit."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen(16)
    server.settimeout(0.2)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(conn)  # kept open, never read from or written to

    thread = threading.Thread(target=accept, name="hung-relay", daemon=True)
    thread.start()
    try:
        yield HungRelay(host, int(server.getsockname()[1]), held)
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()
        for conn in held:
            conn.close()
