"""`newsetl`: the command-line front door (the contract: docs/CONTRACTS.md).

Runtime commands live here; commands of other installed packages (the development
tools: mirror, smtp-sink, eval, demo) join through the `newsetl.commands` entry point
group, so this module never imports them.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from core import config
from core.sources import load_sources, parse_base_urls
from core.wording import counted
from crawlers.run import iso_day, since_day
from newsetl import progress, summaries

COMMANDS_GROUP = "newsetl.commands"  # entry points: callables that add subcommands to the parser
OUTBOX_MIGRATION = 5  # news.alert_outbox exists from this schema version on

log = logging.getLogger("newsetl")


# Libraries whose INFO chatter is only shown with -v (stdout carries only the result).
CHATTY_LOGGERS = ("great_expectations", "airflow", "scrapy", "pgserver", "py.warnings", "aiobotocore", "botocore",
                  "s3fs", "fsspec")


def _setup_logging(steps: bool, verbose: bool, stream: Any = None) -> None:
    """Logs go to stderr: the project's progress at INFO for the steps, libraries only with -v."""
    logging.basicConfig(
        level=logging.INFO if steps or verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=stream or sys.stderr,
    )
    if not verbose:
        for name in CHATTY_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


def _json_value(value: object) -> object:
    """JSON for what the warehouse returns: timestamps and days in ISO 8601 ("2026-12-03T19:07:25+00:00",
    as the crawl report writes them; str() gave a space), anything else as its str()."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def _print_json(obj: object) -> None:
    print(json.dumps(obj, indent=2, ensure_ascii=False, default=_json_value))


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    if value > MAX_LIMIT:  # (a Postgres bigint overflowed past 2^63 - 1: "warehouse error (NumericValueOutOfRange)")
        raise argparse.ArgumentTypeError(f"at most {MAX_LIMIT}: {text!r}")
    return value


MAX_LIMIT = 1_000_000


def _run_id(text: str) -> str:
    """argparse type: a run id as given (a/b became a_b and ../../etc became etc without a word)."""
    from core.rundir import safe_run_id

    try:
        cleaned = safe_run_id(text)
    except ValueError:
        cleaned = ""
    if cleaned != text:
        hint = (f" (the name of a run directory under the data dir's runs/, e.g. {Path(text).name!r})"
                if "/" in text else "")
        raise argparse.ArgumentTypeError(f"not a run id: {text!r}: letters, digits, '_', '-' and '.' only{hint}")
    return text


def _page_url(text: str) -> str:
    """argparse type: an absolute http(s) URL with a host (`extract --url`)."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError(f"not an http(s) URL with a host: {text!r}")
    return text.strip()


def _day(text: str) -> date:
    """argparse type: a YYYY-MM-DD day as a date."""
    return date.fromisoformat(iso_day(text))


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON (default: a short summary)")


def _emit(args: argparse.Namespace, result: Any, summary: Callable[[Any], str]) -> None:
    """The command's result on stdout: JSON with --json, else the short human summary."""
    if getattr(args, "json", False):
        _print_json(result)
    else:
        print(summary(result))


def _emit_blocked(args: argparse.Namespace, exc: Exception, summary: Callable[[Any], str]) -> None:
    """A blocked batch still prints its result so far on stdout: with --json the one JSON document,
    else the same summary lines a command that went through prints (a blocked `run` printed nothing)."""
    result = getattr(exc, "result", None)
    if result is not None:
        _emit(args, result, summary)


# ------------------------------------------------------------------ extract
def cmd_extract(args: argparse.Namespace) -> int:
    """Transform saved pages: one JSON object per file on stdout, errors on stderr."""
    from transforms.api import extract_document
    from transforms.errors import NotAnArticle

    failures = 0
    for name in args.files:
        path = Path(name)
        try:
            content = path.read_bytes()
            doc = extract_document(content, url=args.url, path=str(path), explain=args.explain)
        except FileNotFoundError:
            print(f"newsetl extract: {name}: no such file", file=sys.stderr)
        except IsADirectoryError:
            print(f"newsetl extract: {name}: is a directory", file=sys.stderr)
        except NotAnArticle as exc:
            print(f"newsetl extract: {name}: not an article ({exc.kind}): {exc}", file=sys.stderr)
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
            print(f"newsetl extract: {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
        else:
            doc["path"] = str(path)
            for warning in doc.pop("warnings", ()):  # the article came out whole, repaired: say how
                print(f"newsetl extract: {name}: warning: {warning}", file=sys.stderr)
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
            sys.stdout.flush()
            continue
        failures += 1
    return 1 if failures else 0


# ------------------------------------------------------------------ crawl / steps
CRAWL_OUTAGE_EXIT = 3  # `crawl`: the source could not be read at all (as `run` exits on a crawl outage)


def cmd_crawl(args: argparse.Namespace) -> int:
    from core.rundir import is_remote
    from crawlers.report import unreadable

    steps = _steps()
    sources = steps.resolve_sources({args.source: args.base_url} if args.base_url else None)
    if args.source not in sources:
        print(f"newsetl crawl: unknown source {args.source!r}; known: {sorted(sources)}", file=sys.stderr)
        return 2
    out = args.out or steps.prepare_run(steps.new_run_id())
    if not is_remote(out):
        Path(out).mkdir(parents=True, exist_ok=True)
    database_url = None if args.seen_file or args.no_warehouse else _warehouse_for_crawl()
    with args.progress:
        report = steps.crawl(out, args.source, base_url=args.base_url, full=args.full, since=args.since,
                             progress=args.progress, seen_file=Path(args.seen_file) if args.seen_file else None,
                             database_url=database_url, seen_from_warehouse=database_url is not None,
                             if_finished="again" if args.again else "refuse")
    _emit(args, {"run_dir": str(out), **report}, lambda r: summaries.crawl(args.source, r))
    why = unreadable(report)
    if why:  # the source could not be read at all: what `run` blocks as a crawl outage (exit 3)
        print(f"newsetl crawl: crawl outage: source {args.source} could not be read: {why}; nothing crawled",
              file=sys.stderr)
        return CRAWL_OUTAGE_EXIT
    return 0


def _warehouse_for_crawl() -> str | None:
    """The warehouse whose stored article URLs `newsetl crawl` skips and counts as not new (as
    `run` and the DAG's crawl task do): the one configured, or the embedded one under NEWSETL_HOME
    if there is one (none is created). None, said on stderr, when there is none: the crawl then
    fetches every article and counts it as new. (It never asked: a recovery crawl into a DAG run's
    directory counted every stored article as new, and the load then found them unchanged.)"""
    from newsetl.connections import NoWarehouse, database_url

    try:
        return database_url(create=False)
    except NoWarehouse:
        print("newsetl crawl: no warehouse configured or found (NEWSETL_DATABASE_URL, AIRFLOW_CONN_NEWS_WAREHOUSE, "
              "an embedded one under NEWSETL_HOME): crawling without its stored article URLs, every article "
              "fetched counts as new", file=sys.stderr)
        return None


def _steps():
    from newsetl import steps

    return steps


def cmd_transform(args: argparse.Namespace) -> int:
    with args.progress:
        result = _steps().transform(args.run_dir, progress=args.progress)
    _emit(args, result, summaries.transform)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    steps = _steps()
    try:
        summary = steps.validate(args.run_dir, alert=not args.no_alert)
    except steps.ValidationGateFailed as exc:
        _emit_blocked(args, exc, summaries.validate)
        print(f"newsetl validate: {exc}", file=sys.stderr)
        return 3
    _emit(args, summary, summaries.validate)
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    steps = _steps()
    try:
        with args.progress:
            result = steps.load(args.run_dir, force=args.force, progress=args.progress)
    except steps.LoadRefused as exc:
        print(f"newsetl load: {exc}", file=sys.stderr)
        return 2
    _emit(args, result, summaries.load)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    steps = _steps()
    overrides = {}
    for spec in args.base_url or []:
        overrides.update(parse_base_urls(spec))
    try:
        with args.progress:
            result = steps.run_all(sources=args.source, base_urls=overrides, full=args.full, run_id=args.run_id,
                                   since=args.since, progress=args.progress)
    except steps.ValidationGateFailed as exc:
        _emit_blocked(args, exc, summaries.run)
        print(f"newsetl run: {exc}", file=sys.stderr)
        return 3
    _emit(args, result, summaries.run)
    return 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    """Re-transform, re-validate and re-load archived runs (no crawl); exit 3 if any run was blocked."""
    if args.run_ids and (args.date_from or args.date_to):
        print("newsetl reprocess: give run ids or --from/--to, not both", file=sys.stderr)
        return 2
    if args.date_from and args.date_to and args.date_from > args.date_to:
        print(f"newsetl reprocess: --from {args.date_from} is after --to {args.date_to}", file=sys.stderr)
        return 2
    results = _steps().reprocess_all(args.run_ids or None, date_from=args.date_from, date_to=args.date_to)
    if not results:
        print("newsetl reprocess: no archived run matches: nothing to reprocess", file=sys.stderr)
        return 2
    _emit(args, results, summaries.reprocess)
    blocked = [r["reprocess_of"] for r in results if r.get("error")]
    for result in results:
        if result.get("error"):
            print(f"newsetl reprocess: {result['reprocess_of']}: {result['error']}", file=sys.stderr)
    return 3 if blocked else 0


# ------------------------------------------------------------------ operators
def cmd_runs(args: argparse.Namespace) -> int:
    """The latest runs from news.crawl_runs, newest first."""
    from newsetl.connections import database_url
    from warehouse.queries import recent_runs

    _emit(args, recent_runs(database_url(create=False), limit=args.limit), summaries.runs)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Warehouse reachable, migrations current, the last run per source; exit 1 when not healthy."""
    import transforms
    from newsetl.connections import database_url
    from transforms.metrics import EXTRACTOR_VERSION
    from warehouse import db, outbox
    from warehouse.queries import last_run_per_source

    url = database_url(create=False)  # NoWarehouse: one line, exit 2; a wrong NEWSETL_HOME creates nothing
    latest = db.migrations()[-1].version
    version = db.current_version(url)  # WarehouseUnavailable: one line, exit 2
    # None when the login may not read the outbox (news_analyst): said so, not an error
    undelivered = outbox.count_pending(url) if version >= OUTBOX_MIGRATION else None
    not_visible = ["undelivered_alerts"] if version >= OUTBOX_MIGRATION and undelivered is None else []
    sources: dict[str, Any] = dict.fromkeys(sorted(load_sources()))  # a configured source never run: null
    sources.update(last_run_per_source(url))
    status = {"warehouse": db.redacted(url), "schema_version": version, "latest_migration": latest,
              "migrations_current": version == latest, "sources": sources,
              "undelivered_alerts": undelivered, "not_visible": not_visible,
              "alert_recipients": len(config.alert_emails()),  # 0: alerts wait in the outbox, none is mailed
              # which rules this installation runs: a source edited after `make native` shows here as pure Python
              "extractor_version": EXTRACTOR_VERSION, "metric_rules": transforms.CODE}
    _emit(args, status, summaries.status)
    if version != latest:
        pending = latest - version
        print(f"newsetl status: {counted(pending, 'migration')} pending: run `newsetl db upgrade`",
              file=sys.stderr)
        return 1
    return 0


# ------------------------------------------------------------------ quarantine
QUARANTINE_REFUSED = 4  # exit code: a URL not quarantined now (or not loadable); nothing changed


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER
        return f"uid {os.getuid()}"


def cmd_quarantine(args: argparse.Namespace) -> int:
    """On-call's quarantine: list it; release URLs (refetched next crawl); accept them (loaded or marked)."""
    from newsetl.connections import database_url
    from warehouse import db
    from warehouse import quarantine as q

    if getattr(args, "source", None):  # a mistyped name listed "no quarantined article URL", exit 0
        known = sorted(load_sources())
        if args.source not in known:
            raise ValueError(f"unknown source {args.source!r} (known: {', '.join(known)})")
    url = database_url(create=False)
    version = db.current_version(url)  # WarehouseUnavailable: one line, exit 2
    needed = q.ACCEPT_MIGRATION if args.quarantine_command == "accept" else q.AUDIT_MIGRATION
    if version < needed:
        raise RuntimeError(f"the warehouse is at schema version {version}; the quarantine commands need "
                           f"{needed}: run `newsetl db upgrade`")
    if args.quarantine_command == "list":
        rows = q.quarantined(url, source=args.source, state=args.state, limit=args.limit)
        total = (q.quarantined_count(url, source=args.source, state=args.state)
                 if len(rows) >= args.limit and not args.json else len(rows))
        _emit(args, rows, lambda found: summaries.quarantine_list(found, args.state, args.source,
                                                                  total=total, limit=args.limit))
        return 0
    from transforms.urls import normalize_url

    decide = q.release if args.quarantine_command == "release" else q.accept
    # the quarantine keys pages by normalized URL: a URL pasted from a browser finds its row
    urls = [normalize_url(u) if u.lower().startswith(("http://", "https://")) else u for u in args.urls]
    try:
        results = decide(url, urls, by=args.by or _os_user(), note=args.note)
    except q.QuarantineRefused as exc:
        print(f"newsetl quarantine {args.quarantine_command}: {exc}", file=sys.stderr)
        return QUARANTINE_REFUSED
    _emit(args, results, summaries.quarantine_decisions)
    return 0


# ------------------------------------------------------------------ analysts
def cmd_indicators(args: argparse.Namespace) -> int:
    """Subjects whose metrics map to no catalog indicator (seeds/indicators.csv), most frequent first."""
    from newsetl.connections import database_url
    from warehouse.indicators import unmapped_subjects

    _emit(args, unmapped_subjects(database_url(create=False), limit=args.limit), summaries.indicators_unmapped)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """The static HTML report for articles published in a date window."""
    from newsetl.connections import database_url
    from newsetl.report import write_report

    out = Path(args.out) if args.out else config.state_dir() / "reports" / f"{args.date_from}_{args.date_to}"
    _emit(args, write_report(database_url(create=False), args.date_from, args.date_to, out), summaries.report)
    return 0


# ------------------------------------------------------------------ warehouse
def cmd_db(args: argparse.Namespace) -> int:
    from newsetl.connections import database_url
    from warehouse import db

    if args.db_command == "upgrade":
        url = database_url()
        applied = db.upgrade(url)
        print("applied: " + (", ".join(applied) if applied else "nothing (up to date)"))
        print(f"schema version: {db.current_version(url)}")
    elif args.db_command == "url":
        print(database_url())
    elif args.db_command == "stop":
        from warehouse.embedded import stop_embedded

        pg_dir = config.embedded_pg_dir().expanduser().resolve()
        if stop_embedded(pg_dir):
            print(f"embedded Postgres stopped ({pg_dir})")
        else:  # it said "stopped" when nothing ran: a wrong NEWSETL_HOME went unnoticed
            print(f"no embedded Postgres running at {pg_dir}")
    return 0


# ------------------------------------------------------------------ parser
def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsetl")
    except PackageNotFoundError:  # a checkout run without an install
        return "(not installed)"


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error in one line as every other error of the CLI ("newsetl run: error: argument
    --since: ... (see newsetl run --help)"), not the usage block before it; the subcommands' parsers too."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="newsetl", description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    p.add_argument("--version", action="version", version=f"newsetl {_installed_version()}")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("extract", help="transform saved pages (HTML or seed-format .txt) to JSON Lines")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("--url", type=_page_url, help="the URL the page was fetched from (http or https)")
    s.add_argument("--explain", action="store_true",
                   help="list, per metric, the ids of the rules that decided it (\"rules\")")
    s.set_defaults(func=cmd_extract)

    s = sub.add_parser("crawl", help="crawl one source into a run directory")
    s.add_argument("--source", required=True)
    s.add_argument("--base-url", help="another host serving the same site layout (e.g. the mirror)")
    s.add_argument("--out", help="run directory, a path or <data dir URL>/runs/<id> "
                                 "(default: a new one under NEWSETL_DATA_DIR)")
    s.add_argument("--full", action="store_true", help="re-crawl every article, not only new ones")
    s.add_argument("--seen-file", help="normalized article URLs to skip (one per line); default: the "
                                       "warehouse's stored articles, when there is a warehouse")
    s.add_argument("--no-warehouse", action="store_true",
                   help="do not ask the warehouse what is stored: every article fetched counts as new")
    s.add_argument("--again", action="store_true",
                   help="crawl a source whose crawl into --out already finished anew (the finished crawl is "
                        "kept under raw/.attempts/); a run that was loaded is never crawled into")
    s.add_argument("--since", type=since_day,
                   help="backfill back to this day (YYYY-MM-DD, not after today): page listings in full")
    _json_flag(s)
    s.set_defaults(func=cmd_crawl)

    for name, func, helptext in (
        ("transform", cmd_transform, "raw pages -> staged articles and metrics"),
        ("validate", cmd_validate, "run the Great Expectations gates; quarantine failing rows"),
        ("load", cmd_load, "load a validated run into Postgres (one transaction)"),
    ):
        s = sub.add_parser(name, help=helptext)
        s.add_argument("run_dir")
        _json_flag(s)
        if name == "validate":
            s.add_argument("--no-alert", action="store_true", help="do not mail on-call")
        if name == "load":
            s.add_argument("--force", action="store_true",
                           help="load the rows that passed of a run validation blocked (recorded as forced in "
                                "the load result); refused when no article passed")
        s.set_defaults(func=func)

    s = sub.add_parser("run", help="one whole run (crawl -> transform -> validate -> load) without Airflow")
    s.add_argument("--source", action="append", help="source name (repeatable; default: all)")
    s.add_argument("--base-url", action="append", metavar="NAME=URL")
    s.add_argument("--full", action="store_true")
    s.add_argument("--run-id", type=_run_id)
    s.add_argument("--since", type=since_day,
                   help="backfill back to this day (YYYY-MM-DD, not after today): page listings in full")
    _json_flag(s)
    s.set_defaults(func=cmd_run)

    s = sub.add_parser("reprocess", help="re-transform, re-validate and re-load archived runs from their raw pages")
    s.add_argument("run_ids", nargs="*", metavar="RUN_ID", type=_run_id,
                   help="ids of the runs to reprocess (their directories' names under the data dir's runs/)")
    s.add_argument("--from", dest="date_from", type=iso_day, help="or: runs whose crawl started on/after this UTC day")
    s.add_argument("--to", dest="date_to", type=iso_day, help="... and on/before this UTC day")
    _json_flag(s)
    s.set_defaults(func=cmd_reprocess)

    s = sub.add_parser("runs", help="the latest runs: status (loaded/blocked), counts, what each source crawled")
    s.add_argument("--limit", type=_positive_int, default=10)
    _json_flag(s)
    s.set_defaults(func=cmd_runs)

    s = sub.add_parser("status", help="warehouse reachable, migrations current, the last run per source")
    _json_flag(s)
    s.set_defaults(func=cmd_status)

    s = sub.add_parser("quarantine", help="on-call: list quarantined article URLs, release or accept them")
    qsub = s.add_subparsers(dest="quarantine_command", required=True)
    q = qsub.add_parser("list", help="quarantined article URLs with source, reasons, run, when, state")
    q.add_argument("--source")
    q.add_argument("--state", choices=["quarantined", "released", "accepted"])
    q.add_argument("--limit", type=_positive_int, default=50)
    _json_flag(q)
    for name, helptext in (("release", "let the next crawl fetch these URLs again"),
                           ("accept", "the validation was wrong: load the kept article, or never refetch it")):
        q = qsub.add_parser(name, help=helptext)
        q.add_argument("urls", nargs="+", metavar="URL")
        q.add_argument("--by", help="who decides (default: the OS user)")
        q.add_argument("--note", help="why (kept in news.quarantine_audit)")
        _json_flag(q)
    s.set_defaults(func=cmd_quarantine)

    s = sub.add_parser("indicators", help="analysts: the indicator catalog's coverage of the stored metrics")
    isub = s.add_subparsers(dest="indicators_command", required=True)
    i = isub.add_parser("unmapped", help="metric subjects that map to no indicator, most frequent first")
    i.add_argument("--limit", type=_positive_int, default=50)
    _json_flag(i)
    s.set_defaults(func=cmd_indicators)

    s = sub.add_parser("report", help="analysts: a static HTML report with charts for a publication date window")
    s.add_argument("--from", dest="date_from", type=_day, required=True, help="first publication day (YYYY-MM-DD)")
    s.add_argument("--to", dest="date_to", type=_day, required=True, help="last publication day (YYYY-MM-DD)")
    s.add_argument("--out", help="directory for index.html (default: <NEWSETL_HOME>/reports/<from>_<to>)")
    _json_flag(s)
    s.set_defaults(func=cmd_report)

    s = sub.add_parser("db", help="warehouse administration")
    s.add_argument("db_command", choices=["upgrade", "url", "stop"],
                   help="upgrade: apply migrations; url: print the DSN in use, password included (for psql); "
                        "stop: stop the embedded Postgres")
    s.set_defaults(func=cmd_db)

    for plugin in entry_points(group=COMMANDS_GROUP):
        plugin.load()(sub)
    return p


PROGRESS_COMMANDS = {"crawl", "transform", "load", "run"}  # bars on a terminal, never with --json


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    bars = args.command in PROGRESS_COMMANDS and progress.wanted(sys.stderr, getattr(args, "json", False))
    args.progress = progress.Progress(enabled=bars)
    _setup_logging(args.command in {"run", "transform", "validate", "load", "reprocess"}, args.verbose,
                   stream=progress.CurrentStderr() if bars else sys.stderr)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not as "Exception ignored" at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except KeyboardInterrupt:
        print(f"newsetl {args.command}: interrupted (Ctrl-C); stopped", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (ValueError, FileNotFoundError, RuntimeError) as exc:
        print(f"newsetl {args.command}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        if exc.filename is None:  # not about a path of ours: unexpected
            raise
        print(f"newsetl {args.command}: {_path_problem(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:
        if not _is_warehouse_error(exc):
            raise
        # the server died, a constraint failed, the disk is full: one line, no traceback; the
        # step's transaction was rolled back by the server
        reason = " ".join(str(exc).split())
        if type(exc).__name__ == "QueryCanceled" and "statement timeout" in reason:
            reason += (f" (after {config.db_statement_timeout()} s, {config.ENV_DB_STATEMENT_TIMEOUT}; "
                       f"a lock held by another session, or a statement that runs too long)")
        if type(exc).__name__ == "InsufficientPrivilege":  # e.g. `quarantine accept` as the read-only analyst
            reason += (f" (this login may not do that: news_analyst only reads; run it with the loader's or the "
                       f"owner's login, {config.ENV_DATABASE_URL})")
        print(f"newsetl {args.command}: warehouse error ({type(exc).__name__}): {reason}", file=sys.stderr)
        return 2


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for `yes | head -1`'s writer
EXIT_INTERRUPTED = 130  # 128 + SIGINT


def _reader_gone() -> int:
    """stdout's reader went away (`newsetl ... | head -1`): stop quietly, as Unix tools do."""
    try:  # what is still buffered for stdout must not fail again when Python flushes it at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is no file descriptor (tests capture it)
        pass
    return EXIT_BROKEN_PIPE


def _path_problem(exc: OSError) -> str:
    """An OSError about a path as one line: the path and what is wrong with it."""
    path = exc.filename2 if isinstance(exc, IsADirectoryError) and exc.filename2 else exc.filename
    if isinstance(exc, FileExistsError):
        problem = "already exists" if os.path.isdir(path) else "is a file, not a directory (a directory is needed here)"
    elif isinstance(exc, NotADirectoryError):
        blocking = next((p for p in Path(path).parents if p.exists() and not p.is_dir()), None)
        problem = (f"cannot be a directory: {blocking} is a file" if blocking is not None
                   else "is not a directory")
    elif isinstance(exc, IsADirectoryError):
        problem = "is a directory (a file is needed here)"
    elif isinstance(exc, PermissionError):
        problem = "permission denied"
    else:
        problem = exc.strerror or type(exc).__name__
    text = f"{path}: {problem}"
    for name in (config.ENV_DATA_DIR, config.ENV_HOME):  # a path from the environment: say which setting
        value = os.environ.get(name, "").strip()
        if value and str(path).startswith(value):
            return f"{text} ({name}={value})"
    return text


def _is_warehouse_error(exc: BaseException) -> bool:
    """True for a psycopg2 error (DB-API Error subclasses), without importing psycopg2 here."""
    return any(cls.__module__.startswith("psycopg2") for cls in type(exc).__mro__)


if __name__ == "__main__":
    sys.exit(main())
