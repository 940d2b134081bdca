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

The data dir is a URL (`DataDir`): a local directory, or object storage (`s3://bucket/prefix`,
through fsspec/s3fs, imported only then; credentials and endpoint from the standard AWS_*
variables). Steps open a run with `open_run`: a local run is used in place (fcntl locks, as
above); a run on object storage is materialized into a private local folder, the step works
on local files, and the files it owns are published (one PUT each: atomic) when it ends. Its
locks are objects created with a create-only conditional PUT (`DataDir.lock`).
"""
from __future__ import annotations

import fcntl
import gzip
import json
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
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
CRAWL_FINISHED = "finished"  # a source crawl report's finish_reason when the crawl ran to its end (Scrapy's)
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

    def finished_crawl(self, source: str) -> dict[str, Any] | None:
        """The source's crawl report when its crawl into this run ran to its end (finish_reason
        "finished", its pages file in place); None when it was never crawled into this run, or its
        crawl failed, was killed or ended early (a crawl that may be run again)."""
        if not self.pages(source).is_file():
            return None
        try:
            report = read_json(self.source_crawl_report(source))
        except ValueError:
            return None
        return report if isinstance(report, dict) and report.get("finish_reason") == CRAWL_FINISHED else None

    @property
    def loaded(self) -> bool:
        """True once a load of this run went through (load_result.json: its rows are in the warehouse)."""
        return self.load_result.is_file()

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


def run_location(raw_run_id: str) -> str:
    """Where the run named `raw_run_id` (an Airflow run id, or any string: made safe as
    `safe_run_id` does) lives under NEWSETL_DATA_DIR, a path or URL; nothing is created. What the
    DAG's prepare_run returns for that id, and what on-call's commands take."""
    return DataDir.from_env().run_location(safe_run_id(raw_run_id))


def new_run_id(now: datetime | None = None) -> str:
    """A run id for runs started outside Airflow: cli__<UTC timestamp>."""
    now = now or datetime.now(UTC)
    return "cli__" + now.strftime("%Y%m%dT%H%M%S%fZ")


# What a step needs of a run directory, as run-relative glob patterns (any one will do): what the
# step before it wrote. A directory holding none of RUN_MARKERS is no run directory at all (an
# empty folder, the data dir's runs/ given by mistake): the steps refuse it and create nothing
# (the transform made raw/, staged/, validation/ and .run.lock there, and a validation of it
# recorded a blocked run and queued a "crawl outage" alert).
CRAWL_OUTPUT = (CRAWL_REPORT_FILE, f"{RAW}/*/{PAGES_FILE}", f"{RAW}/*/{CRAWL_REPORT_FILE}")
TRANSFORM_OUTPUT = (f"{STAGED}/{ARTICLES_FILE}",)
VALIDATION_OUTPUT = (f"{VALIDATION}/{SUMMARY_FILE}", f"{VALIDATION}/{ARTICLES_FILE}")
RUN_MARKERS = CRAWL_OUTPUT + (f"{STAGED}/*.jsonl", f"{STAGED}/{TRANSFORM_REPORT_FILE}") + VALIDATION_OUTPUT


class NotARunDirectory(FileNotFoundError):
    """A directory that is not a run directory, or a run missing what a step reads (one line)."""


def check_run_dir(run_dir: str | os.PathLike[str], needs: tuple[str, ...] = (), step: str = "",
                  before: str = "") -> None:
    """Raise unless `run_dir` (a path or a run URL) is a run directory holding one of `needs`.

    No such directory: FileNotFoundError "no run directory ...". A directory with none of
    RUN_MARKERS (a crawl report, a source's raw pages or report, staged rows, a validation
    result): NotARunDirectory "... is not a run directory ...". A run with none of `needs`:
    NotARunDirectory naming what is missing and what to run first (`before`, with `{run}` for the
    run's location). Reads only:
    nothing is created, no lock is taken."""
    patterns = tuple(dict.fromkeys(RUN_MARKERS + needs))
    if is_remote(run_dir):
        data, run_id = split_run_location(run_dir)
        location = data.run_location(run_id)
        data.check()
        if not data.files(f"{RUNS}/{run_id}")[:1]:
            raise FileNotFoundError(f"no run directory {location}")
        found = {pattern: bool(data.glob(f"{RUNS}/{run_id}/{pattern}")) for pattern in patterns}
    else:
        root = Path(str(run_dir).removeprefix("file://"))
        location, run_id = str(root), root.name
        if not root.is_dir():
            raise FileNotFoundError(f"no run directory {root}")
        found = {pattern: any(p.is_file() for p in root.glob(pattern)) for pattern in patterns}
    if not any(found[p] for p in RUN_MARKERS):
        raise NotARunDirectory(
            f"{location} is not a run directory: it has no {CRAWL_REPORT_FILE}, no {RAW}/<source>/{PAGES_FILE}, "
            f"no {STAGED}/ rows and no {VALIDATION}/ result; nothing done")
    if needs and not any(found[p] for p in needs):
        raise NotARunDirectory(f"run {run_id} has nothing to {step} (no {' or '.join(needs)})"
                               + (f": {before.format(run=location)} first" if before else "") + "; nothing done")


class RunLocked(RuntimeError):
    """Another process is writing the same run (or the same source's crawl of it)."""


# A shared read-modify-write (the run's crawl report, merged by each source's crawl) takes
# seconds; a crawl finishing while another merges waits this long for its turn, not failing.
LOCKED_UPDATE_WAIT = 120.0


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


def json_text(obj: Any) -> str:
    """The project's JSON file format: indented, UTF-8, one final newline."""
    return json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n"


def json_bytes(obj: Any) -> bytes:
    return json_text(obj).encode("utf-8")


def write_json(path: Path, obj: Any) -> None:
    """Write JSON atomically, so readers never see half a file."""
    writer = AtomicWriter(path)
    try:
        writer.fh.write(json_text(obj))
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


BAD_RECORD = "bad_record"            # a line of an archive that is not a JSON object: skipped, the rest read
DAMAGED_ARCHIVE = "damaged_archive"  # an archive unreadable from some line on (not gzip, truncated, corrupt)
MAX_BAD_TEXT = 2000                  # characters of a bad line kept with its report


def read_jsonl_salvaged(path: Path, bad: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows of a JSON Lines file (gzip if it ends in .gz) read past damage, for the raw archives.

    A line that is not a JSON object (not JSON, not UTF-8, a list) is skipped and appended to
    `bad` as {"line", "kind": BAD_RECORD, "error", "text"}; the lines after it are read. A
    damaged file (not gzip, truncated, a corrupt or failing stream) ends where it stops being
    readable, appended as {"line" (the first line not read), "kind": DAMAGED_ARCHIVE, "error",
    "lines_read"}; the rows before it are yielded. Nothing if the file does not exist."""
    import zlib

    if not path.exists():
        return
    line_no = 0
    try:
        with (gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")) as fh:
            for line_no, raw in enumerate(fh, start=1):  # noqa: B007 - the line reached is reported on damage
                if not raw.strip():
                    continue
                try:
                    row = json.loads(raw.decode("utf-8"))
                except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
                    what = "not UTF-8" if isinstance(exc, UnicodeDecodeError) else "not JSON"
                    bad.append({"line": line_no, "kind": BAD_RECORD, "error": f"{what} ({exc})",
                                "text": raw[:MAX_BAD_TEXT].decode("utf-8", "replace")})
                    continue
                if not isinstance(row, dict):
                    bad.append({"line": line_no, "kind": BAD_RECORD,
                                "error": f"not a JSON object (a {type(row).__name__})",
                                "text": raw[:MAX_BAD_TEXT].decode("utf-8", "replace")})
                    continue
                yield row
    except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
        if isinstance(exc, gzip.BadGzipFile) and line_no == 0:
            what = "not a gzip file"
        elif isinstance(exc, EOFError):
            what = "truncated"
        else:
            what = "unreadable"
        cause = f"({type(exc).__name__}: {_one_line(exc)})"
        bad.append({"line": line_no + 1, "kind": DAMAGED_ARCHIVE, "lines_read": line_no,
                    "error": f"{what} {cause}; nothing read" if not line_no else
                             f"{what} from line {line_no + 1} on {cause}; the {line_no} "
                             f"{'line' if line_no == 1 else 'lines'} before it read"})


def read_json(path: Path) -> Any:
    """A JSON file's content, or None if it does not exist."""
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


# The files a validation judged (relative to the run): what transform and crawl wrote. Their
# fingerprints go into validation/summary.json ("inputs"); the load compares them with the run's
# files now, so a transform (or crawl) rerun after the validation cannot load its stale result.
VALIDATED_INPUTS = (f"{STAGED}/{ARTICLES_FILE}", f"{STAGED}/{METRICS_FILE}", f"{STAGED}/{REJECTS_FILE}",
                    CRAWL_REPORT_FILE)


def file_fingerprint(path: Path) -> str | None:
    """"sha256:<hex>" of a file's bytes (content, not mtime: two writes in the same second differ),
    or None when it does not exist."""
    import hashlib

    if not path.is_file():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return f"sha256:{digest.hexdigest()}"


def input_fingerprints(paths: RunPaths) -> dict[str, str | None]:
    """{run-relative name: file_fingerprint} of VALIDATED_INPUTS, as the run holds them now."""
    return {name: file_fingerprint(paths.root / name) for name in VALIDATED_INPUTS}


def changed_inputs(recorded: Mapping[str, Any], paths: RunPaths) -> list[str]:
    """The VALIDATED_INPUTS whose fingerprint differs from the one `recorded` (by a validation)."""
    now = input_fingerprints(paths)
    return [name for name in VALIDATED_INPUTS if recorded.get(name) != now[name]]


# --------------------------------------------------------------------------- object storage
class StorageUnavailable(RuntimeError):
    """The data dir's object storage cannot be reached, or refused a request (one line)."""


GLOB_CHARS = re.compile(r"[*?\[]")
SKIPPED_ON_PUBLISH = re.compile(r"(^|/)\.[^/]*\.(lock|part)$|\.part$|(^|/)\.run\.lock$")


def is_remote(location: str | os.PathLike[str]) -> bool:
    """True for an object-storage URL (s3://bucket/prefix, ...); False for a local path or file://."""
    scheme, sep, _ = str(location).partition("://")
    return bool(sep) and scheme.lower() != "file" and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme) is not None


# The object storage a data dir may be on: S3 and S3-compatible servers (run locks need S3's
# create-only put; other fsspec back ends were never tested and failed with errors naming none of this).
OBJECT_STORAGE_SCHEMES = ("s3", "s3a")


def _one_line(text: object, limit: int = 300) -> str:
    return " ".join(str(text).split())[:limit]


class DataDir:
    """The data dir as a URL: a local directory, or a prefix on object storage (fsspec, lazily).

    On object storage a step never works on the objects in place: `open_run` materializes
    what the step reads into a private local work dir and publishes the files the step owns
    when it ends. Every put is a whole object, so readers never see half a file.
    """

    def __init__(self, location: str | os.PathLike[str]) -> None:
        text = str(location).strip()
        self.remote = is_remote(text)
        if self.remote:
            self.url = text.rstrip("/")
            self.scheme, _, rest = self.url.partition("://")
            self.scheme = self.scheme.lower()
            if self.scheme not in OBJECT_STORAGE_SCHEMES:
                raise ValueError(f"data dir {text!r}: a data dir is a local directory (or file://) or object storage "
                                 f"at {' or '.join(s + '://bucket/prefix' for s in OBJECT_STORAGE_SCHEMES)}")
            self.bucket = rest.split("/", 1)[0]
            if not self.bucket:
                raise ValueError(f"no bucket in data dir URL {text!r}")
            self.prefix = rest  # bucket/prefix: what fsspec calls the path
            self.local: Path | None = None
        else:
            self.local = Path(text.removeprefix("file://"))
            self.url = str(self.local)
        self._fs: Any = None

    @classmethod
    def from_env(cls) -> DataDir:
        """The data dir NEWSETL_DATA_DIR names (core.config.data_dir_location)."""
        from core import config

        return cls(config.data_dir_location())

    def __repr__(self) -> str:
        return f"DataDir({self.url!r})"

    # ---- where things are
    def run_location(self, run_id: str) -> str:
        """The run directory of `run_id` as a path or URL (what steps hand each other)."""
        if self.local is not None:
            return str(run_paths(self.local, run_id).root)
        run_paths(Path("/"), run_id)  # refuse a bad run id the same way
        return f"{self.url}/{RUNS}/{run_id}"

    def url_of(self, rel: str) -> str:
        """Where data-dir-relative `rel` is, as a URL (remote) or path (local)."""
        if self.local is not None:
            return str(self.local / rel)
        return f"{self.url}/{rel}"

    def _key(self, rel: str) -> str:
        return f"{self.prefix}/{rel}".rstrip("/")

    def _rel(self, key: str) -> str:
        key = key.removeprefix(f"{self.scheme}://")
        if not key.startswith(self.prefix + "/"):
            raise ValueError(f"{key} is not under {self.url}")
        return key[len(self.prefix) + 1:]

    # ---- the file system
    @property
    def fs(self) -> Any:
        """The fsspec file system (imported and built on first use; no listing cache: other
        workers write the same prefix)."""
        if self._fs is None:
            from core import config

            try:
                import fsspec  # type: ignore[import-untyped]
            except ImportError as exc:  # pragma: no cover - fsspec is a dependency
                raise StorageUnavailable(f"a data dir on {self.scheme}:// needs fsspec: {exc}") from None
            options: dict[str, Any] = {"skip_instance_cache": True, "use_listings_cache": False}
            if self.scheme in ("s3", "s3a"):
                endpoint = config.s3_endpoint_url()
                options["client_kwargs"] = {"endpoint_url": endpoint} if endpoint else {}
                options["config_kwargs"] = {"connect_timeout": 5, "read_timeout": 60,
                                            "retries": {"max_attempts": 3, "mode": "standard"}}
            try:
                self._fs = fsspec.filesystem(self.scheme, **options)
            except (ImportError, ValueError) as exc:
                raise StorageUnavailable(f"no file system for {self.url}: {_one_line(exc)}") from None
        return self._fs

    @contextmanager
    def _calls(self, what: str) -> Iterator[None]:
        """Turn any storage failure into StorageUnavailable with one line naming the data dir."""
        try:
            yield
        except (StorageUnavailable, RunLocked, FileNotFoundError):
            raise
        except Exception as exc:  # noqa: BLE001 - botocore/aiohttp raise many kinds; all mean the same here
            from core import config

            endpoint = config.s3_endpoint_url() if self.scheme in ("s3", "s3a") else None
            where = f"{self.url}" + (f" (endpoint {endpoint})" if endpoint else "")
            raise StorageUnavailable(f"object storage {where}: cannot {what}: "
                                     f"{type(exc).__name__}: {_one_line(exc)}") from None

    def check(self) -> None:
        """Raise StorageUnavailable unless the bucket can be listed (reachable, credentials good)."""
        if self.local is not None:
            return
        with self._calls("list the bucket"):
            try:
                self.fs.ls(self.bucket, detail=False)
            except FileNotFoundError:
                raise StorageUnavailable(f"object storage {self.url}: no bucket {self.bucket!r}") from None

    def exists(self, rel: str) -> bool:
        if self.local is not None:
            return (self.local / rel).exists()
        with self._calls(f"look up {rel}"):
            return bool(self.fs.exists(self._key(rel)))

    def glob(self, pattern: str) -> list[str]:
        """Data-dir-relative names of the files matching `pattern` (sorted)."""
        if self.local is not None:
            return sorted(str(p.relative_to(self.local)) for p in self.local.glob(pattern) if p.is_file())
        with self._calls(f"list {pattern}"):
            return sorted(self._rel(k) for k in self.fs.glob(self._key(pattern)))

    def files(self, rel: str) -> list[str]:
        """Data-dir-relative names of the file `rel`, or of every file under folder `rel`."""
        if GLOB_CHARS.search(rel):
            return self.glob(rel)
        if self.local is not None:
            path = self.local / rel
            if path.is_file():
                return [rel]
            return sorted(str(p.relative_to(self.local)) for p in path.rglob("*") if p.is_file())
        with self._calls(f"list {rel}"):
            try:
                found = self.fs.find(self._key(rel))
            except FileNotFoundError:
                return []
            return sorted(self._rel(k) for k in found)

    def subfolders(self, rel: str) -> list[str]:
        """Names of the folders directly under `rel` (sorted)."""
        if self.local is not None:
            folder = self.local / rel
            return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
        with self._calls(f"list {rel}"):
            try:
                entries = self.fs.ls(self._key(rel), detail=True)
            except FileNotFoundError:
                return []
        return sorted(e["name"].rstrip("/").rsplit("/", 1)[-1] for e in entries if e.get("type") == "directory")

    def read_text(self, rel: str) -> str | None:
        """A small file's text, or None if it does not exist."""
        if self.local is not None:
            path = self.local / rel
            return path.read_text(encoding="utf-8") if path.is_file() else None
        with self._calls(f"read {rel}"):
            try:
                return bytes(self.fs.cat_file(self._key(rel))).decode("utf-8")
            except FileNotFoundError:
                return None

    def read_bytes(self, rel: str) -> bytes | None:
        """A file's bytes, or None if it does not exist."""
        if self.local is not None:
            path = self.local / rel
            return path.read_bytes() if path.is_file() else None
        with self._calls(f"read {rel}"):
            try:
                return bytes(self.fs.cat_file(self._key(rel)))
            except FileNotFoundError:
                return None

    def write_bytes(self, rel: str, data: bytes) -> None:
        """One object (or an atomic local write) with `data`."""
        if self.local is not None:
            path = self.local / rel
            writer = AtomicWriter(path)
            writer.fh.close()
            writer.tmp.write_bytes(data)
            os.replace(writer.tmp, path)
            return
        with self._calls(f"write {rel}"):
            self.fs.pipe_file(self._key(rel), data)

    def delete(self, rels: Iterable[str]) -> None:
        """Delete these files (data-dir-relative); missing ones are fine."""
        for rel in rels:
            if self.local is not None:
                (self.local / rel).unlink(missing_ok=True)
                continue
            with self._calls(f"delete {rel}"):
                try:
                    self.fs.rm_file(self._key(rel))
                except FileNotFoundError:
                    pass

    def copy(self, src: str, dst: str) -> None:
        """Copy one file (server-side on object storage; a hard link, else a copy, locally)."""
        if self.local is not None:
            import shutil

            target = self.local / dst
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(self.local / src, target)
            except OSError:
                shutil.copy2(self.local / src, target)
            return
        with self._calls(f"copy {src}"):
            self.fs.copy(self._key(src), self._key(dst))

    def modified(self, rel: str) -> datetime | None:
        """When `rel` (a file, or the newest file under a folder) was last written (UTC)."""
        if self.local is not None:
            path = self.local / rel
            return datetime.fromtimestamp(path.stat().st_mtime, UTC) if path.exists() else None
        with self._calls(f"look up {rel}"):
            try:
                found = self.fs.find(self._key(rel), detail=True)
            except FileNotFoundError:
                return None
        stamps = [s if s.tzinfo else s.replace(tzinfo=UTC) for s in
                  (info.get("LastModified") for info in found.values()) if isinstance(s, datetime)]
        return max(stamps) if stamps else None

    # ---- materialize / publish
    def pull(self, rels: Iterable[str], work: Path) -> int:
        """Download the files named (files, folders or glob patterns, data-dir-relative) into
        `work` (the same layout); returns how many. Each lands by rename: never half a file."""
        if self.local is not None:
            return 0
        n = 0
        for rel in rels:
            for name in self.files(rel):
                target = work / name
                target.parent.mkdir(parents=True, exist_ok=True)
                part = target.with_name(f".{target.name}.part")
                with self._calls(f"download {name}"):
                    try:
                        self.fs.get_file(self._key(name), str(part))
                    except FileNotFoundError:  # deleted since the listing
                        part.unlink(missing_ok=True)
                        continue
                os.chmod(part, FILE_MODE)
                os.replace(part, target)
                n += 1
        return n

    def publish(self, paths: Iterable[Path], work: Path) -> list[str]:
        """Upload the local files (or every file under the local folders) in `paths`, which lie
        under `work`, to the same names in the data dir; returns the names. Lock and temporary
        files stay local. Each file is one put (atomic: the object appears whole or not at all)."""
        if self.local is not None:
            return []
        done = []
        for path in paths:
            path = Path(path)
            files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) \
                if path.is_dir() else []
            for file in files:
                rel = file.relative_to(work).as_posix()
                if SKIPPED_ON_PUBLISH.search(rel):
                    continue
                with self._calls(f"upload {rel}"):
                    self.fs.put_file(str(file), self._key(rel))
                done.append(rel)
        return done

    # ---- locks
    def _put_if_absent(self, rel: str, body: bytes) -> bool:
        """Create object `rel` only if it does not exist (atomic); False if it exists."""
        key = self._key(rel)
        if self.scheme in ("s3", "s3a"):
            bucket, _, obj = key.partition("/")
            try:
                self.fs.call_s3("put_object", Bucket=bucket, Key=obj, Body=body, IfNoneMatch="*")
            except FileExistsError:  # s3fs's translation of 412 Precondition Failed
                return False
            except Exception as exc:  # noqa: BLE001 - 412 Precondition Failed means "exists"
                text = f"{type(exc).__name__} {exc}"
                if "PreconditionFailed" in text or "412" in text or "ConditionalRequestConflict" in text:
                    return False
                raise
            return True
        try:  # other back ends: fsspec's exclusive-create mode, where the back end has one
            with self.fs.open(key, "xb") as fh:
                fh.write(body)
        except FileExistsError:
            return False
        except (NotImplementedError, ValueError) as exc:
            raise StorageUnavailable(f"{self.scheme}:// offers no create-only write for run locks: "
                                     f"{_one_line(exc)}") from None
        return True

    @contextmanager
    def lock(self, rel: str, what: str, wait: float = 0.0) -> Iterator[None]:
        """Hold lock object `rel` for `what`, or raise RunLocked at once (the remote `exclusive`);
        with `wait` > 0, try again for up to that many seconds first (a short shared update).

        The lock is an object created with a create-only put (S3: If-None-Match: *), so of two
        writers exactly one wins. It records its holder (host, pid, time) and is deleted when the
        block ends, also on an error. A holder killed outright cannot delete it: a lock whose
        holder was on this host and is gone, or that is older than NEWSETL_LOCK_TTL (default 3 h,
        longer than a task may run), is taken over.
        """
        import socket
        import uuid

        from core import config

        token = uuid.uuid4().hex
        now = datetime.now(UTC)
        holder = {"host": socket.gethostname(), "pid": os.getpid(), "token": token,
                  "since": now.isoformat(timespec="seconds")}
        body = json.dumps(holder).encode()
        deadline, pause = time.monotonic() + wait, 0.1
        with self._calls(f"take the lock {rel}"):
            while True:
                taken = self._put_if_absent(rel, body)
                if not taken:
                    current = self._lock_holder(rel)
                    if current is not None and self._abandoned(current, config.lock_ttl(), now):
                        self.fs.rm_file(self._key(rel))
                        taken = self._put_if_absent(rel, body)
                        current = None if taken else self._lock_holder(rel)
                if taken or time.monotonic() >= deadline:
                    break
                time.sleep(pause)
                pause = min(1.0, pause * 2)
            if not taken:
                who = (f"pid {current.get('pid')} on {current.get('host')} since {current.get('since')}"
                       if isinstance(current, dict) else "another process")
                raise RunLocked(f"{what} is already running ({who}): wait for it to finish, "
                                f"or use another run id")
        try:
            yield
        finally:
            try:
                current = self._lock_holder(rel)
                if isinstance(current, dict) and current.get("token") == token:
                    self.fs.rm_file(self._key(rel))
            except Exception as exc:  # noqa: BLE001 - the step's own outcome matters more
                import logging

                logging.getLogger(__name__).warning("could not release lock %s: %s", self.url_of(rel),
                                                    _one_line(exc))

    def _lock_holder(self, rel: str) -> dict[str, Any] | None:
        try:
            data = json.loads(bytes(self.fs.cat_file(self._key(rel))).decode("utf-8"))
        except FileNotFoundError:
            return None
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    @staticmethod
    def _abandoned(holder: Mapping[str, Any], ttl: float, now: datetime) -> bool:
        import socket

        try:
            since = datetime.fromisoformat(str(holder.get("since")))
        except ValueError:
            return True
        if (now - since).total_seconds() > ttl:
            return True
        if holder.get("host") == socket.gethostname():
            try:
                os.kill(int(holder.get("pid") or 0), 0)
            except ProcessLookupError:
                return True
            except (PermissionError, ValueError, OSError):
                return False
        return False


def split_run_location(run_dir: str | os.PathLike[str]) -> tuple[DataDir, str]:
    """(data dir, run id) of a run directory URL `<data dir>/runs/<run id>`."""
    text = str(run_dir).rstrip("/")
    parent, _, run_id = text.rpartition("/")
    base, _, runs = parent.rpartition("/")
    if runs != RUNS or not run_id or not is_remote(base + "/"):
        raise ValueError(f"not a run directory URL (<data dir>/{RUNS}/<run id>): {text}")
    run_paths(Path("/"), run_id)  # a bad run id is refused
    return DataDir(base), run_id


@dataclass
class RunCopy:
    """One step's view of a run: `paths` are local files; on object storage a private copy.

    For a local data dir `paths` is the run directory itself and `pull`/`owns` do nothing.
    On object storage, `pull` downloads what the step reads, `owns` names what it writes
    (published when the step ends, whether it succeeded or failed: a blocked validation
    still publishes its summary), `url` says where a local file lives in the data dir.
    """

    paths: RunPaths
    data: DataDir | None = None
    work: Path | None = None
    owned: list[Path] | None = None

    @property
    def remote(self) -> bool:
        return self.data is not None

    @property
    def location(self) -> str:
        """The run directory as the steps name it (a path, or the run's URL)."""
        if self.data is None:
            return str(self.paths.root)
        return self.data.run_location(self.paths.run_id)

    @property
    def state_dir(self) -> Path | None:
        """Local folder of the crawl state (`<data dir>/state`): the copy's on object storage,
        None for a local run (the crawl process uses <NEWSETL_DATA_DIR>/state)."""
        return None if self.work is None else self.work / STATE

    def _rel(self, path: Path) -> str:
        assert self.work is not None
        return Path(path).relative_to(self.work).as_posix()

    def pull(self, *paths: Path) -> int:
        """Download these files, folders or glob patterns (local paths of the copy)."""
        if self.data is None or self.work is None:
            return 0
        return self.data.pull([self._rel(p) for p in paths], self.work)

    def owns(self, *paths: Path) -> None:
        """Files or folders this step writes: published when the step ends."""
        if self.owned is not None:
            self.owned.extend(paths)

    def publish(self, *paths: Path) -> list[str]:
        """Upload these files or folders now (e.g. under a lock held for just that)."""
        if self.data is None or self.work is None:
            return []
        return self.data.publish(paths, self.work)

    def mirror(self, folder: Path) -> list[str]:
        """Publish local `folder` and delete the files under it in the data dir that it no longer
        has (e.g. an earlier crawl's, moved aside to raw/.attempts/ and published there first)."""
        if self.data is None or self.work is None:
            return []
        done = self.publish(folder)
        keep = set(done)
        stale = [name for name in self.data.files(self._rel(folder))
                 if name not in keep and not SKIPPED_ON_PUBLISH.search(name)]
        self.data.delete(stale)
        return done

    def url(self, path: Path) -> str:
        """Where a local file of this copy is in the data dir (its URL, or itself locally)."""
        if self.data is None:
            return str(path)
        return self.data.url_of(self._rel(path))

    @contextmanager
    def locked_update(self, path: Path, lock: Path, what: str) -> Iterator[Path]:
        """Read-modify-write of one shared run file (e.g. the run's crawl report) by several
        steps: under `lock`, the current version is pulled, the block updates the local file,
        and it is published before the lock is released. Locally the caller's own lock does it."""
        if self.data is None or self.work is None:
            yield path
            return
        with self.data.lock(self._rel(lock), what, wait=LOCKED_UPDATE_WAIT):
            path.unlink(missing_ok=True)
            self.pull(path)
            yield path
            self.publish(path)


@contextmanager
def open_run(run_dir: str | os.PathLike[str], what: str, lock: str | None = RUN_LOCK,
             create: bool = False) -> Iterator[RunCopy]:
    """Open a run directory (a path, or `<data dir URL>/runs/<id>`) for one step.

    `lock` names the run's lock file relative to the run directory (RUN_LOCK by default, or a
    source's crawl lock; None for none): a second writer raises RunLocked at once. A local run
    uses the run directory in place (fcntl lock, as `exclusive`). A run on object storage is
    materialized into a private folder under NEWSETL_WORK_DIR (default: the temporary
    directory), the lock is an object created with a create-only put, and the files the step
    `owns` are published when it ends; the folder is removed afterwards. A missing run is an
    error unless `create`.
    """
    if not is_remote(run_dir):
        paths = RunPaths(Path(str(run_dir).removeprefix("file://")))
        if lock is None:
            if not create and not paths.root.is_dir():
                raise FileNotFoundError(f"no run directory {paths.root}")
            yield RunCopy(paths)
            return
        with exclusive(paths.root / lock, what, create=create):
            yield RunCopy(paths)
        return
    import shutil

    from core import config

    data, run_id = split_run_location(run_dir)
    run_rel = f"{RUNS}/{run_id}"
    if not create:
        data.check()
        if not data.files(run_rel)[:1]:
            raise FileNotFoundError(f"no run directory {data.run_location(run_id)}")
    parent = config.work_dir()
    if parent is not None:
        parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"newsetl-{run_id[:60]}-", dir=parent))
    copy = RunCopy(RunPaths(work / RUNS / run_id).make(), data, work, [])
    try:
        with data.lock(f"{run_rel}/{lock}", what) if lock is not None else nullcontext():
            try:
                yield copy
            except BaseException:
                _publish_quietly(copy)
                raise
            copy.publish(*copy.owned or [])
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _publish_quietly(copy: RunCopy) -> None:
    """Publish what a failed step owns (e.g. a blocked validation's summary); a publishing
    error is logged, not raised, so it never hides the step's own error."""
    try:
        copy.publish(*copy.owned or [])
    except StorageUnavailable as exc:
        import logging

        logging.getLogger(__name__).error("%s", exc)
