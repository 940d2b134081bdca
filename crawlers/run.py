"""Run one crawl of one source in this process: `python -m crawlers.run --source NAME --out DIR`.

The Twisted reactor cannot restart, so every crawl gets its own process; callers use
`run_crawl_subprocess`. Listing validators for conditional GET persist across runs in
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
from pathlib import Path
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

EXIT_CONFIG_ERROR = 2
EXIT_CRAWL_ERROR = 1
FINISHED = "finished"  # Scrapy's finish_reason of a crawl that ran to its end
ALLOWED_SCHEMES = ("http", "https")
STDERR_TAIL_CHARS = 2000
LOG_FORMAT = "%(asctime)s [%(name)s] %(levelname)s: %(message)s"


SETTING_NAME_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")


class ConfigError(ValueError):
    """Bad command-line configuration (unknown source, bad URL, missing seen-file)."""


def check_base_url(url: str) -> str:
    """Return the URL without a trailing slash, or raise ConfigError if it is not http(s)://host."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ALLOWED_SCHEMES or not parts.hostname:
        raise ConfigError(f"bad base URL {url!r}: expected http(s)://host[:port]")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise ConfigError(f"bad base URL {url!r}: {exc}") from exc
    return url.strip().rstrip("/")


def default_state_dir() -> Path:
    """<NEWSETL_DATA_DIR>/state: where crawl state (listing validators) persists across runs."""
    from newsetl.config import data_dir

    return data_dir() / "state"


def parse_setting(text: str) -> tuple[str, str]:
    """'NAME=VALUE' (a Scrapy setting override, e.g. DOWNLOAD_TIMEOUT=5) -> (name, value)."""
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or not SETTING_NAME_RE.match(name):
        raise ConfigError(f"bad setting {text!r}: expected NAME=VALUE with an upper-case Scrapy setting name")
    return name, value.strip()


def spider_class(name: str, template: str) -> type:
    """The spider for a source: its own spider, else the spider of its template (sources.yml)."""
    from crawlers.spiders.ningbo_gov import NingboGovSpider
    from crawlers.spiders.ningbolife import NingbolifeSpider

    by_name = {cls.name: cls for cls in (NingboGovSpider, NingbolifeSpider)}
    by_template = {"hanweb": NingboGovSpider, "joomla": NingbolifeSpider}
    if name in by_name:
        return by_name[name]
    if template in by_template:
        base = by_template[template]
        return type(f"{base.__name__}_{name}", (base,), {"name": name})
    raise ConfigError(f"no spider for source {name!r} with template {template!r}")


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


def crawl(source_name: str, out: Path, base_url: str | None = None, full: bool = False,
          seen_file: Path | None = None, state_dir: Path | None = None,
          overrides: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Crawl one source into run dir `out` in this process; return its crawl report.

    `state_dir` holds the listing validators across runs (default `default_state_dir()`);
    `overrides` are Scrapy settings applied last (e.g. {"DOWNLOAD_TIMEOUT": "5"}).
    """
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    from crawlers import settings as crawl_settings_module
    from crawlers.pipelines import raw_dir
    from crawlers.report import REPORT_NAME
    from newsetl.config import load_sources

    if base_url is not None:
        base_url = check_base_url(base_url)
    try:
        sources = load_sources({source_name: base_url} if base_url else None)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc
    if source_name not in sources:
        raise ConfigError(f"unknown source {source_name!r} (known: {', '.join(sorted(sources))})")
    source = sources[source_name]
    check_base_url(source.base_url)
    spider_cls = spider_class(source_name, source.template)
    if seen_file is not None and not seen_file.is_file():
        raise ConfigError(f"seen-file not found: {seen_file}")

    out = out.resolve()
    source_dir = raw_dir(out, source_name)
    source_dir.mkdir(parents=True, exist_ok=True)
    report_path = source_dir / REPORT_NAME
    report_path.unlink(missing_ok=True)

    settings = Settings()
    settings.setmodule(crawl_settings_module, priority="project")
    settings.setdict(crawl_settings_module.settings_for(source, out), priority="cmdline")
    settings.setdict(dict(overrides or {}), priority="cmdline")
    process = CrawlerProcess(settings)
    # after CrawlerProcess: its configure_logging() closes handlers installed earlier
    _setup_logging(source_dir / crawl_settings_module.LOG_FILE_NAME,
                   settings.get("LOG_LEVEL"), crawl_settings_module.STDERR_LOG_LEVEL)
    from crawlers.state import state_file

    validators = state_file(state_dir if state_dir is not None else default_state_dir(), source_name)
    process.crawl(spider_cls, base_url=source.base_url, full=full,
                  seen_file=str(seen_file) if seen_file else None, state_file=str(validators))
    process.start()
    if not report_path.exists():
        raise RuntimeError(f"crawl of {source_name} wrote no report (see {source_dir / 'crawl.log'})")
    return json.loads(report_path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    """Command line entry: one crawl, report JSON on stdout."""
    parser = argparse.ArgumentParser(prog="python -m crawlers.run", description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True, help="source name from seeds/sources.yml")
    parser.add_argument("--out", required=True, type=Path, help="run directory")
    parser.add_argument("--base-url", help="crawl this host instead of the live site (e.g. the mirror)")
    parser.add_argument("--full", action="store_true",
                        help="fetch articles even if in --seen-file, listings without validators")
    parser.add_argument("--seen-file", type=Path,
                        help="normalized canonical URLs already stored, one per line")
    parser.add_argument("--state-dir", type=Path,
                        help="crawl state across runs (listing ETag/Last-Modified); default <NEWSETL_DATA_DIR>/state")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a Scrapy setting, e.g. --set DOWNLOAD_TIMEOUT=5 (repeatable)")
    args = parser.parse_args(argv)
    try:
        overrides = dict(parse_setting(item) for item in args.set)
        report = crawl(args.source, args.out, args.base_url, args.full, args.seen_file,
                       args.state_dir, overrides)
    except ConfigError as exc:
        print(f"crawlers.run: error: {exc}", file=sys.stderr)
        return EXIT_CONFIG_ERROR
    except RuntimeError as exc:
        print(f"crawlers.run: error: {exc}", file=sys.stderr)
        return EXIT_CRAWL_ERROR
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    if report.get("finish_reason") != FINISHED:
        print(f"crawlers.run: error: crawl of {args.source} ended early: {report.get('finish_reason')}",
              file=sys.stderr)
        return EXIT_CRAWL_ERROR
    return 0


def run_crawl_subprocess(source: str, out: Path, base_url: str | None = None, full: bool = False,
                         seen_file: Path | None = None, timeout: float = 1800,
                         state_dir: Path | None = None,
                         settings: Mapping[str, Any] | None = None) -> dict:
    """Run `python -m crawlers.run` for one source in a child process; return its report.

    `state_dir` (default: the child's `<NEWSETL_DATA_DIR>/state`) keeps listing validators
    across runs; `settings` are Scrapy setting overrides passed as `--set NAME=VALUE`.
    Raises RuntimeError with the tail of stderr if the crawl fails or times out.
    """
    cmd = [sys.executable, "-m", "crawlers.run", "--source", source, "--out", str(Path(out).resolve())]
    if base_url:
        cmd += ["--base-url", base_url]
    if full:
        cmd.append("--full")
    if seen_file is not None:
        cmd += ["--seen-file", str(Path(seen_file).resolve())]
    if state_dir is not None:
        cmd += ["--state-dir", str(Path(state_dir).resolve())]
    for name, value in (settings or {}).items():
        cmd += ["--set", f"{name}={value}"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        tail = (exc.stderr or b"")[-STDERR_TAIL_CHARS:]
        tail = tail.decode("utf-8", "replace") if isinstance(tail, bytes) else tail
        raise RuntimeError(f"crawl of {source} timed out after {timeout}s: {tail}") from exc
    if proc.returncode != 0:
        raise RuntimeError(
            f"crawl of {source} failed (exit {proc.returncode}): {proc.stderr[-STDERR_TAIL_CHARS:].strip()}"
        )
    try:
        return json.loads(proc.stdout)
    except ValueError as exc:
        raise RuntimeError(
            f"crawl of {source} printed no report: {proc.stderr[-STDERR_TAIL_CHARS:].strip()}"
        ) from exc


if __name__ == "__main__":
    sys.exit(main())
