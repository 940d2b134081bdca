"""The run directory as a contract: every path of one run, and the one way files are written.

```
<data dir>/runs/<run_id>/
  raw/<source>/pages.jsonl.gz       crawl (the pipeline)          RawPage per line
  raw/<source>/crawl_report.json    crawl (the pipeline)
  raw/<source>/crawl.log            crawl (the crawl process)
  raw/<source>.seen.txt             orchestration (stored URLs for an incremental crawl)
  crawl_report.json                 crawl (merged per source under a lock)
  staged/articles.jsonl             transform
  staged/metrics.jsonl              transform
  staged/rejects.jsonl              transform
  staged/transform_report.json      transform
  validation/articles.jsonl         validate (expectations.runner)
  validation/metrics.jsonl          validate (expectations.runner)
  validation/quarantine.jsonl       validate (expectations.runner)
  validation/data_docs/             validate (expectations.runner)
  validation/summary.json           validate (orchestration, from the runner's result)
  validation/alert_sent.json        validate (orchestration: the last alert mailed)
  load_result.json                  load (orchestration, from the loader's result)
<data dir>/state/<source>/http_validators.json   crawl state across runs
```
Each file has one writer (named above); every stage reads and writes through this
module. One process at a time writes a run: `exclusive` takes `<run>/.run.lock` for
transform/validate/load and `raw/.<source>.lock` for a source's crawl (crawls of different
sources share a run), and a second writer fails at once with a clear message. A crawl of a
source that already has pages in the run keeps them: `keep_previous_attempt` moves them to
`raw/.attempts/<source>-<UTC time>/` first. Writes are atomic (a temporary name in the
same directory, then a rename), so a crashed step never leaves half a file; JSON Lines
files ending in `.gz` are gzip.
"""
from __future__ import annotations

import fcntl
import gzip
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

RAW = "raw"
STAGED = "staged"
VALIDATION = "validation"
RUNS = "runs"
STATE = "state"
PAGES_FILE = "pages.jsonl.gz"
CRAWL_REPORT_FILE = "crawl_report.json"
CRAWL_LOG_FILE = "crawl.log"
SEEN_SUFFIX = ".seen.txt"
ARTICLES_FILE = "articles.jsonl"
METRICS_FILE = "metrics.jsonl"
REJECTS_FILE = "rejects.jsonl"
TRANSFORM_REPORT_FILE = "transform_report.json"
QUARANTINE_FILE = "quarantine.jsonl"
SUMMARY_FILE = "summary.json"
ALERT_MARKER_FILE = "alert_sent.json"
DATA_DOCS_DIR = "data_docs"
LOAD_RESULT_FILE = "load_result.json"
HTTP_VALIDATORS_FILE = "http_validators.json"
CRAWL_REPORT_LOCK = ".crawl_report.lock"
RUN_LOCK = ".run.lock"
ATTEMPTS_DIR = ".attempts"
FILE_MODE = 0o644  # mkstemp creates 0600; run files are read by other users (Airflow workers)
RUN_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class RunPaths:
    """Every path of one run directory (see the module docstring for who writes what)."""

    root: Path

    @property
    def run_id(self) -> str:
        return self.root.name

    # raw/ ------------------------------------------------------------------
    @property
    def raw(self) -> Path:
        return self.root / RAW

    def source_raw(self, source: str) -> Path:
        """raw/<source>/: one source's pages, report and log."""
        return self.raw / source

    def pages(self, source: str) -> Path:
        return self.source_raw(source) / PAGES_FILE

    def all_pages(self) -> list[Path]:
        """raw/*/pages.jsonl.gz of every source crawled into this run, sorted."""
        return sorted(self.raw.glob(f"*/{PAGES_FILE}"))

    def source_crawl_report(self, source: str) -> Path:
        return self.source_raw(source) / CRAWL_REPORT_FILE

    def crawl_log(self, source: str) -> Path:
        return self.source_raw(source) / CRAWL_LOG_FILE

    def seen_file(self, source: str) -> Path:
        return self.raw / f"{source}{SEEN_SUFFIX}"

    def crawl_lock(self, source: str) -> Path:
        return self.raw / f".{source}.lock"

    def attempts(self) -> Path:
        """raw/.attempts/: earlier crawls of a source into this run, kept when it is crawled again."""
        return self.raw / ATTEMPTS_DIR

    def keep_previous_attempt(self, source: str, now: datetime | None = None) -> Path | None:
        """Move an earlier crawl's raw/<source>/ aside (never deleted); return where it went."""
        current = self.source_raw(source)
        if not self.pages(source).exists() and not self.source_crawl_report(source).exists():
            return None
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.attempts() / f"{source}-{stamp}"
        target.parent.mkdir(parents=True, exist_ok=True)
        current.rename(target)
        return target

    @property
    def run_lock(self) -> Path:
        return self.root / RUN_LOCK

    @property
    def crawl_report(self) -> Path:
        return self.root / CRAWL_REPORT_FILE

    @property
    def crawl_report_lock(self) -> Path:
        return self.root / CRAWL_REPORT_LOCK

    # staged/ ---------------------------------------------------------------
    @property
    def staged(self) -> Path:
        return self.root / STAGED

    @property
    def staged_articles(self) -> Path:
        return self.staged / ARTICLES_FILE

    @property
    def staged_metrics(self) -> Path:
        return self.staged / METRICS_FILE

    @property
    def rejects(self) -> Path:
        return self.staged / REJECTS_FILE

    @property
    def transform_report(self) -> Path:
        return self.staged / TRANSFORM_REPORT_FILE

    # validation/ -----------------------------------------------------------
    @property
    def validation(self) -> Path:
        return self.root / VALIDATION

    @property
    def accepted_articles(self) -> Path:
        return self.validation / ARTICLES_FILE

    @property
    def accepted_metrics(self) -> Path:
        return self.validation / METRICS_FILE

    @property
    def quarantine(self) -> Path:
        return self.validation / QUARANTINE_FILE

    @property
    def summary(self) -> Path:
        return self.validation / SUMMARY_FILE

    @property
    def alert_marker(self) -> Path:
        return self.validation / ALERT_MARKER_FILE

    @property
    def data_docs(self) -> Path:
        return self.validation / DATA_DOCS_DIR

    # load ------------------------------------------------------------------
    @property
    def load_result(self) -> Path:
        return self.root / LOAD_RESULT_FILE

    def make(self) -> RunPaths:
        """Create raw/, staged/ and validation/ (idempotent)."""
        for d in (self.raw, self.staged, self.validation):
            d.mkdir(parents=True, exist_ok=True)
        return self


def runs_root(data_dir: Path) -> Path:
    """<data dir>/runs/: one folder per run."""
    return data_dir / RUNS


def run_paths(data_dir: Path, run_id: str) -> RunPaths:
    """The paths of run `run_id` under `data_dir` (a bad run id is refused)."""
    if not run_id or "/" in run_id or run_id.startswith("."):
        raise ValueError(f"bad run id {run_id!r}")
    return RunPaths(runs_root(data_dir) / run_id)


def state_root(data_dir: Path) -> Path:
    """<data dir>/state/: crawl state kept across runs."""
    return data_dir / STATE


def http_validators(state_dir: Path, source: str) -> Path:
    """<state dir>/<source>/http_validators.json: listing ETag/Last-Modified across runs."""
    return state_dir / source / HTTP_VALIDATORS_FILE


def safe_run_id(raw_run_id: str) -> str:
    """A filesystem- and SQL-friendly run id from an Airflow run id (or any string)."""
    cleaned = RUN_ID_UNSAFE.sub("_", raw_run_id).strip("._")
    if not cleaned:
        raise ValueError(f"empty run id from {raw_run_id!r}")
    return cleaned


def new_run_id(now: datetime | None = None) -> str:
    """A run id for runs started outside Airflow: cli__<UTC timestamp>."""
    now = now or datetime.now(UTC)
    return "cli__" + now.strftime("%Y%m%dT%H%M%S%fZ")


class RunLocked(RuntimeError):
    """Another process is writing the same run (or the same source's crawl of it)."""


@contextmanager
def exclusive(lock_path: Path, what: str, create: bool = False) -> Iterator[None]:
    """Hold an exclusive lock on `lock_path` for `what`, or raise RunLocked at once.

    The lock is an fcntl lock: it is released when the holder exits, also when it is
    killed, so a crashed step never blocks a rerun. The file records who holds it. Its
    directory must exist unless `create` (a missing run directory is an error, not made).
    """
    if create:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
    elif not lock_path.parent.is_dir():
        raise FileNotFoundError(f"no run directory {lock_path.parent}")
    handle = open(lock_path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole block
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise RunLocked(f"{what} is already running ({holder}): wait for it to finish, "
                            f"or use another run id") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {datetime.now(UTC).isoformat(timespec='seconds')}\n")
        handle.flush()
        yield
    finally:
        handle.close()  # closing releases the lock


# --------------------------------------------------------------------------- I/O
class AtomicWriter:
    """A text file written under a temporary name and renamed into place on `commit()`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent)
        os.close(fd)
        os.chmod(tmp, FILE_MODE)
        self.tmp = Path(tmp)
        self.fh: IO[str] = (gzip.open(self.tmp, "wt", encoding="utf-8") if self.path.suffix == ".gz"
                            else self.tmp.open("w", encoding="utf-8"))

    def write_row(self, row: Mapping[str, Any]) -> None:
        """One JSON Lines row."""
        self.fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")

    def commit(self) -> None:
        """Close and move the file into place."""
        self.fh.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        """Close and drop the temporary file; the previous file (if any) stays."""
        self.fh.close()
        self.tmp.unlink(missing_ok=True)


def write_json(path: Path, obj: Any) -> None:
    """Write JSON atomically, so readers never see half a file."""
    writer = AtomicWriter(path)
    try:
        writer.fh.write(json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n")
    except BaseException:
        writer.abort()
        raise
    writer.commit()


def write_lines(path: Path, lines: Iterable[str]) -> int:
    """Write text lines atomically (one per line); returns the line count."""
    writer = AtomicWriter(path)
    n = 0
    try:
        for line in lines:
            writer.fh.write(line + "\n")
            n += 1
    except BaseException:
        writer.abort()
        raise
    writer.commit()
    return n


def write_jsonl(path: Path, rows: Iterable[Mapping[str, Any]]) -> int:
    """Write rows as JSON Lines atomically (gzip if `path` ends in .gz); returns the row count."""
    return write_lines(path, (json.dumps(row, ensure_ascii=False, default=str) for row in rows))


def open_lines(path: Path) -> IO[str]:
    """A JSON Lines file opened for reading as text (gzip if it ends in .gz)."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open("r", encoding="utf-8")


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Rows of a JSON Lines file (gzip if it ends in .gz); nothing if it does not exist.

    Raises ValueError on a line that is not JSON; readers that must survive bad lines
    (the validation runner) read `open_lines` themselves and count them.
    """
    if not path.exists():
        return
    with open_lines(path) as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def read_json(path: Path) -> Any:
    """A JSON file's content, or None if it does not exist."""
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))
