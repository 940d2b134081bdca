"""Mail on the wire: one multipart/alternative message (plain text + HTML) over `smtp_default`.

The Airflow SMTP provider's `SmtpHook.send_email_smtp` cannot send a text part (it builds a
multipart/mixed holding one text/html part), waits 30 s on every socket operation unless
the connection says otherwise, and retries the connect and the whole `sendmail` up to
`retry_limit` (5) times: a relay that accepts the connection and never answers held a task
for minutes. So the message is built here (`email.message.EmailMessage`) and sent with
smtplib on the settings of the same connection, read the hook's way (host, port,
login/password, `disable_ssl`, `disable_tls`, `ssl_context`, `from_email`, `timeout`):

- one try per `send` (the caller retries: the alert outbox, with backoff and a time budget);
- connect and every read wait `timeout` seconds: the connection's `timeout` extra when it
  has one, else NEWSETL_SMTP_TIMEOUT (default 10 s, `core.config.smtp_timeout`; a value that
  cannot be right gives the default and a logged error: the run already failed on it at its start).

The text part is the HTML part read as text (`html_to_text`): the same facts by
construction, and an alert kept in the outbox as HTML gets its text part when retried.
"""
from __future__ import annotations

import logging
import re
import smtplib
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from html.parser import HTMLParser
from typing import Any

from core.config import DEFAULT_SMTP_TIMEOUT_S, smtp_timeout
from newsetl import logs

log = logging.getLogger(__name__)

SMTP_CONN_ID = "smtp_default"
FROM_EMAIL = "newsetl@localhost"
# Errors that say the relay itself is unreachable or silent (not that it refused this message).
RELAY_DOWN_ERRORS: tuple[type[BaseException], ...] = (
    ConnectionError, TimeoutError, socket.gaierror, smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
# CRLF, 7-bit clean on the wire (non-ASCII as encoded words / quoted-printable), and a subject
# kept on one line: folded at 78, Python puts a long subject on a continuation line, which a
# reader then sees with a leading space (the subject is at most ~210 characters).
WIRE_POLICY = policy.SMTP.clone(max_line_length=998, cte_type="7bit")


@dataclass(frozen=True)
class Relay:
    """The SMTP settings of one Airflow connection, as this module uses them."""

    host: str
    port: int | None
    login: str
    password: str
    use_ssl: bool
    starttls: bool
    verify_tls: bool
    timeout: float
    from_email: str | None

    def ssl_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if not self.verify_tls:  # connection extra ssl_context=none (a self-signed lab relay)
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context


def _flag(extra: Mapping[str, Any], key: str) -> bool:
    value = extra.get(key, False)
    return value if isinstance(value, bool) else str(value).strip().lower() in TRUE_WORDS


def relay_settings(conn_id: str = SMTP_CONN_ID) -> Relay:
    """The relay of Airflow connection `conn_id` (AIRFLOW_CONN_SMTP_DEFAULT, or Airflow's store).

    As the SMTP provider reads them, except that `timeout` defaults to NEWSETL_SMTP_TIMEOUT
    (10 s) instead of 30 s, and a flag extra "false" is false.
    """
    with logs.kept():  # outside Airflow (the CLI), importing it must not move the log lines to stdout
        from airflow.providers.smtp.hooks.smtp import SmtpHook

    conn = SmtpHook.get_connection(conn_id)
    extra = conn.extra_dejson or {}
    if extra.get("auth_type", "basic") != "basic":
        raise ValueError(f"connection {conn_id}: auth_type {extra.get('auth_type')!r} is not supported for "
                         "alert mail (basic login only)")
    ssl_context = extra.get("ssl_context")
    if ssl_context not in (None, "default", "none"):
        raise ValueError(f"connection {conn_id}: extra ssl_context must be 'default' or 'none', "
                         f"not {ssl_context!r}")
    if not conn.host:
        raise ValueError(f"connection {conn_id} has no host")
    raw_timeout = extra.get("timeout")
    return Relay(
        host=conn.host, port=int(conn.port) if conn.port else None,
        login=conn.login or "", password=conn.password or "",
        use_ssl=not _flag(extra, "disable_ssl"), starttls=not _flag(extra, "disable_tls"),
        verify_tls=ssl_context != "none",
        timeout=float(raw_timeout) if raw_timeout not in (None, "") else _timeout_setting(),
        from_email=extra.get("from_email") or None,
    )


def _timeout_setting() -> float:
    """NEWSETL_SMTP_TIMEOUT, or the default when it cannot be right. Runs check it when they start
    (core.config.check_settings) and fail with its one-line error; the mail telling on-call of
    that failure must still go out, so here a bad value costs a logged error, not the mail."""
    try:
        return smtp_timeout()
    except ValueError as exc:
        log.error("%s; alert mail waits the default %.0f s", exc, DEFAULT_SMTP_TIMEOUT_S)
        return DEFAULT_SMTP_TIMEOUT_S


@dataclass(frozen=True)
class Mail:
    """One message: subject, plain text and HTML carrying the same facts."""

    subject: str
    text: str
    html: str

    @classmethod
    def from_html(cls, subject: str, html: str) -> Mail:
        return cls(subject=subject, text=html_to_text(html), html=html)


def build_message(mail: Mail, sender: str, to: list[str]) -> EmailMessage:
    """The multipart/alternative message: text/plain first, text/html second (the preferred)."""
    msg = EmailMessage(policy=WIRE_POLICY)
    msg["Subject"] = " ".join(mail.subject.split())  # one line: scraped text must not add headers
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain="newsetl.localhost")
    msg.set_content(mail.text)
    msg.add_alternative(mail.html, subtype="html")
    return msg


def send(mail: Mail, to: list[str], conn_id: str = SMTP_CONN_ID) -> None:
    """Send `mail` to `to` through connection `conn_id`, once; raises on any failure."""
    relay = relay_settings(conn_id)
    msg = build_message(mail, relay.from_email or FROM_EMAIL, to)
    client: smtplib.SMTP
    if relay.use_ssl:
        client = smtplib.SMTP_SSL(relay.host, relay.port or 0, timeout=relay.timeout,
                                  context=relay.ssl_context())
    else:
        client = smtplib.SMTP(relay.host, relay.port or 0, timeout=relay.timeout)
    with client:
        if relay.starttls and not relay.use_ssl:
            client.starttls(context=relay.ssl_context())
            client.ehlo()
        if relay.login and relay.password:
            client.login(relay.login, relay.password)
        client.send_message(msg, to_addrs=to)


def relay_down(exc: BaseException) -> bool:
    """True when `exc` says the relay is unreachable or silent (other alerts would fail alike)."""
    return isinstance(exc, RELAY_DOWN_ERRORS)


# --------------------------------------------------------------------------- HTML -> text

class _TextWriter(HTMLParser):
    """Reads the alert HTML as text: headings and paragraphs on their own lines, list items as
    "- ", table cells joined by " | ", a link as "label <href>"; entities decoded (so escaped
    scraped markup reads as the literal text it was)."""

    BLOCKS = frozenset({"p", "div", "ul", "ol", "table", "pre", "blockquote", "h1", "h2", "h3", "h4"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.depth = 0
        self.cell = 0
        self.link: tuple[str, int] | None = None  # (href, index in out where its label starts)
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.out.append("\n\n")
        if tag in ("ul", "ol"):
            self.depth += 1
        elif tag == "li":
            self.out.append("\n" + "  " * max(0, self.depth - 1) + "- ")
        elif tag == "tr":
            self.out.append("\n")
            self.cell = 0
        elif tag in ("td", "th"):
            if self.cell:
                self.out.append(" | ")
            self.cell += 1
        elif tag == "br":  # inside a list item: the item's next line, indented under it
            self.out.append("\n" + "  " * self.depth)
        elif tag == "pre":
            self.pre += 1
        elif tag == "a":
            self.link = (dict(attrs).get("href") or "", len(self.out))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.depth = max(0, self.depth - 1)
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag == "a" and self.link is not None:
            href, start = self.link
            label = "".join(self.out[start:]).strip()
            if href and href != label:
                self.out.append(f" <{href}>")
            self.link = None
        if tag in self.BLOCKS:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.out.append(data if self.pre else re.sub(r"\s+", " ", data))

    def text(self) -> str:
        lines = [line.rstrip() for line in "".join(self.out).split("\n")]
        joined = "\n".join(line if line.strip() else "" for line in lines)
        return re.sub(r"\n{3,}", "\n\n", joined).strip() + "\n"


def html_to_text(html: str) -> str:
    """The plain-text reading of an alert's HTML (see `_TextWriter`)."""
    writer = _TextWriter()
    writer.feed(html)
    writer.close()
    return writer.text()
