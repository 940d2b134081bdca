"""Development and test tooling: the offline mirror, the SMTP sink, the demo, the
extraction evaluation, the listing builder, the load benchmark and a local Airflow runner.

Runtime code (core, transforms, crawlers, expectations, warehouse, newsetl, dags) never
imports this package (an import-linter contract); its commands reach the `newsetl` CLI
through the `newsetl.commands` entry point. It works on a checkout: the snapshot under
seeds/pages and the gold set under tests/gold are repository files, not package data.
"""
from __future__ import annotations

import contextlib
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = PROJECT_ROOT / "seeds"
PAGES_DIR = SEEDS_DIR / "pages"
SOURCES_FILE = SEEDS_DIR / "sources.yml"
GOLD_DIR = PROJECT_ROOT / "tests" / "gold"
LOOPBACK = "127.0.0.1"  # every server the tools start listens here only


def free_port(host: str = LOOPBACK) -> int:
    """An unused TCP port on `host` (bound then released)."""
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def refused_port(host: str = LOOPBACK) -> Iterator[int]:
    """A TCP port on `host` that refuses connections while the block runs.

    A socket holds it bound and never listens: a connection gets a reset (ConnectionRefusedError),
    and no other process can bind it meanwhile. A port from `free_port` is released at once, so a
    server another test worker starts could take it before the test connects ("dead" no longer).
    """
    with socket.socket() as held:
        held.bind((host, 0))
        yield int(held.getsockname()[1])


def wait_until_interrupted(*announce: str) -> None:
    """Print the `announce` lines, then block the foreground commands (mirror, smtp-sink) until Ctrl-C.

    The lines are printed inside the Ctrl-C guard: a caller that reacts to the last line by
    sending SIGINT at once (a test, a script) stops the command cleanly, never mid-print.
    Ctrl-C works even when the command was started with SIGINT ignored (what a non-interactive
    shell does to `cmd &`): Python installs no KeyboardInterrupt handler then, and the server
    would outlive every Ctrl-C.
    """
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        for line in announce:
            print(line, flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass


def at_least_one(text: str) -> int:
    """argparse type of a count: a whole number >= 1 (`bench --articles 0` ran one article, then failed validation)."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a whole number >= 1: {text!r}")
    return value


def tcp_port(text: str) -> int:
    """argparse type of a TCP port: 0 (any free port) to 65535 (`mirror --port 99999` was a bind() traceback)."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"not a TCP port (0 to 65535): {text!r}")
    return value
