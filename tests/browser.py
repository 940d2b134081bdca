"""Headless Chromium for the tests of what people look at (Data Docs, the analyst report).

Debian's /usr/bin/chromium (`make test` installs it through devtools/install-chromium.sh),
run with every network request routed to `Recorder`, an HTTP proxy on loopback that forwards
nothing: it records each request line and answers 403. Chromium's own service calls, which no
flag stops, reach only the recorder too and are told apart by host (`page_requests`).
"""
from __future__ import annotations

import re
import socketserver
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import lxml.html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-default-apps", "--disable-extensions", "--mute-audio",
                  "--disable-features=NetworkTimeServiceQuerying")
# Calls Chromium 156 makes for itself whatever the flags (the sign-in ListAccounts, the update
# service): not the page's. They too reach only the recorder, which forwards nothing.
BROWSER_SERVICE_HOSTS = frozenset({"accounts.google.com", "update.googleapis.com", "clients2.google.com"})
# Chromium's log line for a page's console message (--enable-logging=stderr --v=0), e.g.
# `[20173:20173:1202/064411.704710:INFO:CONSOLE:1] "boom 42", source: file:///.../bad.html (1)` (Chromium
# 156; older releases write `CONSOLE(1)`). tests/test_report.py has the control that this still matches.
CONSOLE_LINE = re.compile(r":CONSOLE(?::\d+|\(\d+\))?\]")


class Recorder(socketserver.ThreadingTCPServer):
    """An HTTP proxy on loopback that forwards nothing: it records each request line, answers 403."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        self.requests: list[str] = []
        super().__init__(("127.0.0.1", 0), _RecordHandler)


class _RecordHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        line = self.rfile.readline(65536).decode("latin-1").strip()
        if line:
            self.server.requests.append(line)  # type: ignore[attr-defined]
        self.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


@contextmanager
def recording_proxy() -> Iterator[Recorder]:
    """A running Recorder (for a pytest fixture)."""
    server = Recorder()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _command(proxy: Recorder, profile: Path) -> list[str]:
    assert CHROMIUM.is_file(), "Chromium missing: `make test` installs it (devtools/install-chromium.sh)"
    profile.mkdir(parents=True, exist_ok=True)
    host, port = proxy.server_address[:2]
    return [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
            f"--proxy-server=http://{host}:{port}", "--proxy-bypass-list=<-loopback>"]


@dataclass
class Visit:
    """What Chromium made of a page: the DOM after its scripts ran, and the console lines it logged."""

    doc: lxml.html.HtmlElement
    console: list[str]
    stderr: str


def visit(url: str, proxy: Recorder, profile: Path, screenshot: Path | None = None,
          window: tuple[int, int] = (1280, 2000)) -> Visit:
    """Open `url` in headless Chromium whose only way out is `proxy`: its DOM (--dump-dom) and
    the page's console messages (Chromium's log on stderr); with `screenshot`, a second run
    saves a PNG of the page there."""
    cmd = [*_command(proxy, profile), "--enable-logging=stderr", "--v=0",
           "--virtual-time-budget=5000", "--dump-dom", url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "<html" in done.stdout, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if CONSOLE_LINE.search(line)]
    if screenshot is not None:
        shot = [*_command(proxy, profile), f"--window-size={window[0]},{window[1]}", "--hide-scrollbars",
                f"--screenshot={screenshot}", url]
        taken = subprocess.run(shot, capture_output=True, text=True, timeout=120)
        assert taken.returncode == 0 and screenshot.is_file(), taken.stderr[-2000:]
    return Visit(lxml.html.fromstring(done.stdout), console, done.stderr)


def dump_dom(url: str, proxy: Recorder, profile: Path) -> lxml.html.HtmlElement:
    """The DOM of `url` after its scripts ran, in headless Chromium whose only way out is `proxy`."""
    cmd = [*_command(proxy, profile), "--virtual-time-budget=5000", "--dump-dom", url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "<html" in done.stdout, done.stderr[-2000:]
    return lxml.html.fromstring(done.stdout)


def host(request_line: str) -> str:
    """The host of a proxy request line ("CONNECT host:443 HTTP/1.1" or "GET http://host/... HTTP/1.1")."""
    target = request_line.split()[1] if len(request_line.split()) > 1 else ""
    return re.sub(r"^[a-z]+://", "", target).split("/")[0].rsplit(":", 1)[0]


def page_requests(proxy: Recorder) -> list[str]:
    """What reached the proxy apart from Chromium's own service calls."""
    return [r for r in proxy.requests if host(r) not in BROWSER_SERVICE_HOSTS]
