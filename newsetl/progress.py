"""Progress bars for the crawl, the transform and the load, on stderr, for a person at a terminal.

Shown only when stderr is a terminal and the command prints no JSON (`--json`): stdout
carries the result alone, and a log file or a pipe gets no bar. `Progress(enabled=False)`
gives the same hooks doing nothing, so the steps never ask whether anyone is watching.
While bars are shown, log lines go through rich's console, above the bars.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TextIO


class CurrentStderr:
    """A stream that writes to whatever sys.stderr is now (rich swaps it while bars are live),
    for the logging handler: log lines then print above the bars instead of through them."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def wanted(stream: TextIO, json_output: bool) -> bool:
    """Bars only for a terminal, and never beside JSON output."""
    try:
        return not json_output and stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream
        return False


class Progress:
    """`with Progress(enabled) as p:` then hand p.crawl / p.pages / p.load_steps to the steps."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bars: Any = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bars = RichProgress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), console=Console(file=sys.stderr), redirect_stdout=False,
                redirect_stderr=True, transient=False)
            self._bars.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bars is not None:
            self._bars.stop()
            self._bars = None

    @contextmanager
    def crawl(self, source: str) -> Iterator[Callable[[Mapping[str, Any]], None]]:
        """One source's crawl (a child process: its length is known only at the end). Yields a
        hook to call with the crawl report, whose article counts then label the bar."""
        if self._bars is None:
            yield lambda report: None
            return
        bars, task = self._bars, self._bars.add_task(f"crawl {source}", total=None)

        def crawled(report: Mapping[str, Any]) -> None:
            articles = report.get("articles") or {}
            refetched = report.get("articles_refetched") or 0  # --full: stored or quarantined before, fetched again
            bars.update(task, description=f"crawl {source}: {articles.get('new', 0)} new, "
                                          + (f"{refetched} refetched, " if refetched else "")
                                          + f"{articles.get('unchanged', 0)} unchanged, "
                                          f"{articles.get('failed', 0)} failed")
        try:
            yield crawled
        finally:
            bars.update(task, total=1, completed=1)

    def pages(self, total: int) -> Callable[[], None] | None:
        """The transform: a hook to call once per raw page read (`total` pages in the run)."""
        if self._bars is None:
            return None
        bars, task = self._bars, self._bars.add_task("transform pages", total=total)
        return lambda: bars.advance(task)

    def load_steps(self, total: int) -> Callable[[str], None] | None:
        """The load: a hook to call with the name of each step of its transaction as it starts."""
        if self._bars is None:
            return None
        bars, task = self._bars, self._bars.add_task("load", total=total)
        started = [0]

        def step(name: str) -> None:
            started[0] += 1
            bars.update(task, completed=min(started[0] - 1, total), description=f"load: {name}")
        return step

    def finish_load(self) -> None:
        """Fill the load bar (a blocked run's load skips the article and metric steps)."""
        if self._bars is not None:
            for task in self._bars.tasks:
                if task.description.startswith("load"):
                    self._bars.update(task.id, completed=task.total, description="load")
