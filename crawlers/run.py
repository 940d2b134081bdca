"""Run one crawl of one source in this process: `python -m crawlers.run --source NAME --out DIR`.

The Twisted reactor cannot restart, so every crawl gets its own process; callers use
`run_crawl_subprocess`, which hands the child the source already resolved (registry,
base URL override) as JSON (`--source-json`), so the child resolves nothing again. Given
only a name (`--source NAME [--base-url URL]`, for a person at a shell), the registry is
read here, once. The spider is the one Scrapy's SpiderLoader finds under the source's
spider name (its template unless sources.yml says otherwise).

Listing validators for conditional GET persist across runs in
`<state dir>/<source>/http_validators.json` (crawlers.state; the state dir defaults to
`<NEWSETL_DATA_DIR>/state`). Prints the source's crawl report (JSON) on stdout; exit 0 when
the crawl completed (counted failures included), 2 with a one-line stderr error on a
configuration error, 1 when the crawl produced no report or ended early (e.g. SIGTERM).
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from core import config
from core.rundir import RunPaths, exclusive, http_validators, state_root
from core.sources import RegistryError, Source, resolve_sources, source_named
from core.sources import check_base_url as _check_base_url

EXIT_CONFIG_ERROR = 2
EXIT_CRAWL_ERROR = 1
FINISHED = "finished"  # Scrapy's finish_reason of a crawl that ran to its end
STDERR_TAIL_CHARS = 2000
LOG_FORMAT = "%(asctime)s [%(name)s] %(levelname)s: %(message)s"
STOP_GRACE_S = 5.0  # a crawl child asked to stop (SIGTERM) gets this long before SIGKILL

# Crawl children of this process that still run: `stop_running_crawls` ends them on Ctrl-C (a crawl
# runs in a worker thread of `newsetl run`, which the KeyboardInterrupt never reaches).
_running: set[subprocess.Popen] = set()
_running_lock = threading.Lock()


SETTING_NAME_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")


class ConfigError(ValueError):
    """Bad command-line configuration (unknown source, bad URL, missing seen-file)."""


def check_base_url(url: str) -> str:
    """Return the URL without a trailing slash, or raise ConfigError if it is not http(s)://host."""
    try:
        return _check_base_url(url)
    except RegistryError as exc:
        raise ConfigError(str(exc)) from exc


def default_state_dir() -> Path:
    """<NEWSETL_DATA_DIR>/state: where crawl state (listing validators) persists across runs."""
    return state_root(config.data_dir())


def iso_day(text: str) -> str:
    """argparse type of --since: a YYYY-MM-DD day."""
    from datetime import date

    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}") from exc


SITES_TIME_ZONE = "Asia/Shanghai"  # the sites' own day: the DAG runs at 06:00 there


def latest_since_day() -> str:
    """The latest day `--since` may name: today (the later of the local day and the sites' day).

    A later day has no article yet: a backfill from it skipped every listed link and ended as
    a crawl outage that blocked the load."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    return max(date.today(), datetime.now(ZoneInfo(SITES_TIME_ZONE)).date()).isoformat()


def future_since(day: str) -> str | None:
    """Why a `--since` day (YYYY-MM-DD) cannot be crawled (it is after today), else None."""
    today = latest_since_day()
    if day > today:
        return f"{day} is after today ({today}): no article is dated that late yet; nothing crawled"
    return None


def since_day(text: str) -> str:
    """argparse type of --since: a YYYY-MM-DD day that is not after today."""
    day = iso_day(text)
    why = future_since(day)
    if why:
        raise argparse.ArgumentTypeError(why)
    return day


def parse_setting(text: str) -> tuple[str, str]:
    """'NAME=VALUE' (a Scrapy setting override, e.g. DOWNLOAD_TIMEOUT=5) -> (name, value)."""
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or not SETTING_NAME_RE.match(name):
        raise ConfigError(f"bad setting {text!r}: expected NAME=VALUE with an upper-case Scrapy setting name")
    return name, value.strip()


def resolve_source(source_name: str, base_url: str | None = None) -> Source:
    """A registry source by name (NEWSETL_BASE_URLS, then `base_url`, applied); ConfigError if unknown."""
    if base_url is not None:
        base_url = check_base_url(base_url)
    try:
        return source_named(source_name, resolve_sources({source_name: base_url} if base_url else None))
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc


def _setup_logging(log_file: Path, file_level: str, stderr_level: str) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG)
    file_handler = logging.FileHandler(log_file, mode="w", encoding="utf-8")
    file_handler.setLevel(file_level)
    file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    stderr_handler = logging.StreamHandler(sys.stderr)
    stderr_handler.setLevel(stderr_level)
    stderr_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(file_handler)
    root.addHandler(stderr_handler)


def crawl(source: Source, out: Path, full: bool = False,
          seen_file: Path | None = None, state_dir: Path | None = None,
          overrides: Mapping[str, str] | None = None, since: str | None = None) -> dict[str, Any]:
    """Crawl the resolved `source` into run dir `out` in this process; return its crawl report.

    `state_dir` holds the listing validators across runs (default `default_state_dir()`);
    `overrides` are Scrapy settings applied last (e.g. {"DOWNLOAD_TIMEOUT": "5"}). One crawl
    of a source writes a run at a time (RunLocked otherwise); pages an earlier crawl of the
    source stored in this run are kept under raw/.attempts/, never overwritten.
    """
    check_base_url(source.base_url)
    if seen_file is not None and not seen_file.is_file():
        raise ConfigError(f"seen-file not found: {seen_file}")

    paths = RunPaths(out.resolve())
    with exclusive(paths.crawl_lock(source.name), f"the crawl of {source.name} into run {paths.run_id}",
                   create=True):
        return _crawl_locked(source, paths, full, seen_file, state_dir, overrides, since)


def _crawl_locked(source: Source, paths: RunPaths, full: bool, seen_file: Path | None,
                  state_dir: Path | None, overrides: Mapping[str, str] | None,
                  since: str | None) -> dict[str, Any]:
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    from crawlers import settings as crawl_settings_module

    kept = paths.keep_previous_attempt(source.name)
    source_dir = paths.source_raw(source.name)
    source_dir.mkdir(parents=True, exist_ok=True)
    report_path = paths.source_crawl_report(source.name)
    settings = Settings()
    settings.setmodule(crawl_settings_module, priority="project")
    settings.setdict(crawl_settings_module.settings_for(source, paths.root), priority="cmdline")
    settings.setdict(dict(overrides or {}), priority="cmdline")
    try:
        spider_cls = SpiderLoader.from_settings(settings.frozencopy()).load(source.spider_name)
    except KeyError as exc:
        raise ConfigError(f"no spider named {source.spider_name!r} for source {source.name!r}") from exc
    process = CrawlerProcess(settings)
    # after CrawlerProcess: its configure_logging() closes handlers installed earlier
    _setup_logging(paths.crawl_log(source.name), settings.get("LOG_LEVEL"), crawl_settings_module.STDERR_LOG_LEVEL)
    if kept is not None:
        logging.getLogger(__name__).warning("run %s already had a crawl of %s: kept it at %s",
                                            paths.run_id, source.name, kept)
    validators = http_validators(state_dir if state_dir is not None else default_state_dir(), source.name)
    process.crawl(spider_cls, source=source, full=full, since=since,
                  seen_file=str(seen_file) if seen_file else None, state_file=str(validators))
    process.start()
    if not report_path.exists():
        raise RuntimeError(f"crawl of {source.name} wrote no report (see {paths.crawl_log(source.name)})")
    return json.loads(report_path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    """Command line entry: one crawl, report JSON on stdout."""
    parser = argparse.ArgumentParser(prog="python -m crawlers.run", description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--source", help="source name from seeds/sources.yml")
    which.add_argument("--source-json", help="a resolved source (core.sources.Source.to_json): what "
                                             "run_crawl_subprocess passes")
    parser.add_argument("--out", required=True, type=Path, help="run directory")
    parser.add_argument("--base-url", help="crawl this host instead of the live site (e.g. the mirror)")
    parser.add_argument("--full", action="store_true",
                        help="fetch articles even if in --seen-file, listings without validators")
    parser.add_argument("--since", type=since_day,
                        help="backfill: page listings back to this day (YYYY-MM-DD); links dated before it are skipped")
    parser.add_argument("--seen-file", type=Path,
                        help="normalized canonical URLs already stored, one per line")
    parser.add_argument("--state-dir", type=Path,
                        help="crawl state across runs (listing ETag/Last-Modified); default <NEWSETL_DATA_DIR>/state")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a Scrapy setting, e.g. --set DOWNLOAD_TIMEOUT=5 (repeatable)")
    args = parser.parse_args(argv)
    try:
        overrides = dict(parse_setting(item) for item in args.set)
        if args.source_json:
            source = Source.from_json(args.source_json)
            if args.base_url:
                source = replace(source, base_url=check_base_url(args.base_url))
        else:
            source = resolve_source(args.source, args.base_url)
        report = crawl(source, args.out, args.full, args.seen_file, args.state_dir, overrides, args.since)
    except ConfigError as exc:
        print(f"crawlers.run: error: {exc}", file=sys.stderr)
        return EXIT_CONFIG_ERROR
    except RuntimeError as exc:
        print(f"crawlers.run: error: {exc}", file=sys.stderr)
        return EXIT_CRAWL_ERROR
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    if report.get("finish_reason") != FINISHED:
        print(f"crawlers.run: error: crawl of {source.name} ended early: {report.get('finish_reason')}",
              file=sys.stderr)
        return EXIT_CRAWL_ERROR
    return 0


def run_crawl_subprocess(source: Source | str, out: Path, base_url: str | None = None, full: bool = False,
                         seen_file: Path | None = None, timeout: float = 1800,
                         state_dir: Path | None = None,
                         settings: Mapping[str, Any] | None = None, since: str | None = None) -> dict:
    """Run `python -m crawlers.run` for one source in a child process; return its report.

    `source` is a resolved `Source` (passed whole as JSON) or a registry name (the child
    resolves it, with `base_url` if given).

    `state_dir` (default: the child's `<NEWSETL_DATA_DIR>/state`) keeps listing validators
    across runs; `settings` are Scrapy setting overrides passed as `--set NAME=VALUE`.
    Raises RuntimeError with the tail of stderr if the crawl fails or times out.
    """
    if isinstance(source, Source):
        name, which = source.name, ["--source-json", source.to_json()]
    else:
        name, which = source, ["--source", source]
    cmd = [sys.executable, "-m", "crawlers.run", *which, "--out", str(Path(out).resolve())]
    if base_url:
        cmd += ["--base-url", base_url]
    if full:
        cmd.append("--full")
    if since:
        cmd += ["--since", since]
    if seen_file is not None:
        cmd += ["--seen-file", str(Path(seen_file).resolve())]
    if state_dir is not None:
        cmd += ["--state-dir", str(Path(state_dir).resolve())]
    for name, value in (settings or {}).items():
        cmd += ["--set", f"{name}={value}"]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        with _running_lock:
            _running.add(proc)
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            proc.kill()
            _, stderr = proc.communicate()
            raise RuntimeError(f"crawl of {name} timed out after {timeout}s: {stderr[-STDERR_TAIL_CHARS:]}") from exc
        except BaseException:  # Ctrl-C in this thread: the child must not outlive the command
            proc.kill()
            raise
        finally:
            with _running_lock:
                _running.discard(proc)
    if proc.returncode != 0:
        raise RuntimeError(
            f"crawl of {name} failed (exit {proc.returncode}): {stderr[-STDERR_TAIL_CHARS:].strip()}"
        )
    try:
        return json.loads(stdout)
    except ValueError as exc:
        raise RuntimeError(
            f"crawl of {name} printed no report: {stderr[-STDERR_TAIL_CHARS:].strip()}"
        ) from exc


def stop_running_crawls(grace: float = STOP_GRACE_S) -> int:
    """Stop every crawl child this process started that still runs: SIGTERM, then SIGKILL after
    `grace` seconds. Returns how many were running."""
    with _running_lock:
        procs = [p for p in _running if p.poll() is None]
    for proc in procs:
        proc.terminate()
    deadline = time.monotonic() + grace
    for proc in procs:
        try:
            proc.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return len(procs)


if __name__ == "__main__":
    sys.exit(main())
