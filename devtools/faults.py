"""`newsetl faults [--json PATH] [--only NAME] [--group G]`: every fault scenario, one table.

Each scenario is a named function with its fault plan (devtools.mirror.FaultPlan spec, served
by the mirror on loopback) and its expectation of the warehouse. It runs the real parts: the
mirror, an embedded Postgres (one fresh database per scenario; the scenarios that kill the
server get a server of their own), the SMTP sink (or a refused / hung relay), and the real
`newsetl` CLI stages (and `python -m crawlers.run`, which `newsetl crawl` runs) as child
processes. Then it compares the warehouse with what the clean mirror yields:

- expected rows: the articles and metrics a clean crawl + transform of the same source gives
  (the baseline, computed once per source and invocation), minus the pages the fault makes
  unfetchable (the scenario names them; the crawl must count them as failed, with a reason);
- found rows: `news.articles` / `news.metrics` plus the records in `news.quarantine` (a page
  rejected or quarantined with its reason is counted, not lost);
- rows lost = expected - found (an article stored with other content than the clean page's,
  where the fault should not change it, counts as lost too);
- duplicates = rows with the same natural key beyond one: articles with the same source and
  content, versions equal to another version or to the current content, metrics at the same
  place of the same article, alert mails with the same subject.

A scenario passes when rows lost and duplicates are 0 and its own expectation (the outcome
column says what it saw) holds. Scenarios that fail today because of a known bug say so in
the outcome (`known_bug`); the command's exit code is 1 when any scenario fails.
"""
from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devtools import PAGES_DIR, PROJECT_ROOT

GOV, LIFE = "ningbo_gov", "ningbolife"
GROUPS = ("site", "database", "smtp", "content", "airflow")
ALERT_TO = "oncall@example.org"
SHORT_TIMEOUT = {"DOWNLOAD_TIMEOUT": "3"}  # the crawl's timeout in scenarios that wait on the site
CLI_TIMEOUT = 600
LOCK_WAIT_TIMEOUT = 60.0

# Pages of the snapshot that scenarios aim at (gov: Hanweb; life: Joomla).
GOV_A = "/art/2019/8/18/art_933_1016946.html"
GOV_B = "/art/2020/8/19/art_933_1075566.html"
GOV_C = "/art/2019/1/28/art_933_981487.html"
GOV_D = "/art/2019/12/20/art_933_1040017.html"
GOV_GBK = "/art/2019/2/26/art_934_988102.html"  # GBK page
GOV_UTF8 = "/art/2019/3/12/art_933_990215.html"
LIFE_A = "/index.php/ningbo-news/5839-yongjiang-laboratory-recruits-top-scientists.html"


# ------------------------------------------------------------------ results
@dataclass
class Result:
    """One row of the table."""

    fault: str
    group: str
    runs: int = 0
    rows_lost: int = 0
    duplicates: int = 0
    outcome: str = ""
    seconds: float = 0.0
    ok: bool = False
    known_bug: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"fault": self.fault, "group": self.group, "runs": self.runs, "rows_lost": self.rows_lost,
                "duplicates": self.duplicates, "outcome": self.outcome, "seconds": round(self.seconds, 1),
                "ok": self.ok, "known_bug": self.known_bug, "details": self.details}


class ScenarioFailed(AssertionError):
    """A scenario's own expectation did not hold (the message is the outcome)."""


def expect(condition: bool, message: str) -> None:
    """Fail the scenario with `message` unless `condition`."""
    if not condition:
        raise ScenarioFailed(message)


@dataclass(frozen=True)
class Scenario:
    """A named fault with its plan and the function that runs and checks it."""

    name: str
    group: str
    func: Callable[[Ctx], str]
    plan: str = ""
    sources: tuple[str, ...] = (GOV,)
    known_bug: str | None = None
    doc: str = ""


SCENARIOS: dict[str, Scenario] = {}


def scenario(group: str, plan: str = "", sources: Sequence[str] = (GOV,),
             known_bug: str | None = None) -> Callable[[Callable[[Ctx], str]], Callable[[Ctx], str]]:
    """Register a scenario function (its name = the function's name)."""
    def register(func: Callable[[Ctx], str]) -> Callable[[Ctx], str]:
        SCENARIOS[func.__name__] = Scenario(func.__name__, group, func, plan, tuple(sources), known_bug,
                                            (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else "")
        return func
    return register


# ------------------------------------------------------------------ the baseline
@dataclass
class Baseline:
    """What the clean mirror yields per source: article content hash and metric keys by URL."""

    articles: dict[str, str] = field(default_factory=dict)  # url -> content_hash
    metrics: dict[str, Counter] = field(default_factory=dict)  # url -> Counter of metric keys
    live_base: dict[str, str] = field(default_factory=dict)  # source -> live base URL

    def url(self, source: str, path: str) -> str:
        from transforms.urls import normalize_url

        return normalize_url(self.live_base[source] + path)

    def of(self, sources: Sequence[str]) -> tuple[dict[str, str], dict[str, Counter]]:
        prefixes = tuple(self.live_base[s] for s in sources)
        arts = {u: h for u, h in self.articles.items() if u.startswith(prefixes)}
        return arts, {u: c for u, c in self.metrics.items() if u in arts}


def metric_key(row: Mapping[str, Any]) -> tuple:
    """A metric's natural key within its article: where it is and what it says."""
    value = row.get("value")
    return (row.get("char_start"), row.get("char_end"), str(row.get("unit")), str(row.get("kind")),
            round(float(value), 6) if value is not None else None)


# ------------------------------------------------------------------ the rig
class Rig:
    """What all scenarios of one invocation share: a work dir, an embedded Postgres, the baseline."""

    def __init__(self, work: Path, keep: bool = False, server_url: str | None = None) -> None:
        self.work = work
        self.keep = keep
        self._server_url = server_url  # a running server (the tests'), else an embedded one started here
        self._own_server = server_url is None
        self._baseline: Baseline | None = None
        self._baseline_sources: set[str] = set()

    # --- Postgres
    def server_url(self) -> str:
        if self._server_url is None:
            from warehouse.embedded import start_embedded

            self._server_url = start_embedded(self.work / "pg" / "data", cleanup_mode="delete")
        return self._server_url

    def close(self) -> None:
        from warehouse.embedded import stop_embedded

        if self._own_server and self._server_url is not None:
            stop_embedded(self.work / "pg" / "data")
        if not self.keep:
            shutil.rmtree(self.work, ignore_errors=True)

    @contextlib.contextmanager
    def database(self, server_url: str | None = None) -> Iterator[str]:
        """A fresh empty database on the shared (or the given) server, dropped afterwards."""
        from devtools.pg import fresh_database

        with fresh_database(server_url or self.server_url(), prefix="faults") as url:
            yield url

    # --- baseline
    def baseline(self, sources: Sequence[str]) -> Baseline:
        """Crawl + transform the clean mirror once per source (no warehouse needed)."""
        from core.rundir import RunPaths, read_jsonl
        from core.sources import load_sources
        from crawlers.run import run_crawl_subprocess
        from devtools.mirror import start_mirror
        from newsetl.steps import transform

        if self._baseline is None:
            self._baseline = Baseline(live_base={n: s.live_base_url for n, s in load_sources().items()})
        missing = [s for s in sources if s not in self._baseline_sources]
        if missing:
            run_dir = self.work / "baseline" / "runs" / f"baseline_{uuid.uuid4().hex[:6]}"
            with start_mirror() as mirror:
                for name in missing:
                    run_crawl_subprocess(name, run_dir, base_url=mirror.base_urls[name], full=True,
                                         state_dir=self.work / "baseline" / "state", timeout=CLI_TIMEOUT)
            transform(str(run_dir))
            paths = RunPaths(run_dir)
            for row in read_jsonl(paths.staged_articles):
                self._baseline.articles[row["url"]] = row["content_hash"]
            for row in read_jsonl(paths.staged_metrics):
                self._baseline.metrics.setdefault(row["article_url"], Counter())[metric_key(row)] += 1
            self._baseline_sources.update(missing)
        return self._baseline


# ------------------------------------------------------------------ one scenario's context
@dataclass
class Cli:
    """A finished child process: exit code, its JSON result (with --json) and stderr."""

    code: int
    out: Any
    stderr: str

    @property
    def last_error(self) -> str:
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        return lines[-1] if lines else ""


class Ctx:
    """One scenario's world: its database, data dir, mirror (with the plan), mail and env."""

    def __init__(self, rig: Rig, spec: Scenario, db: str, root: Path, mirror: Any, smtp_uri: str,
                 mail_dir: Path) -> None:
        self.rig = rig
        self.spec = spec
        self.db = db
        self.root = root
        self.mirror = mirror
        self.mail_dir = mail_dir
        self.runs = 0
        self.unfetchable: set[str] = set()  # URLs the fault makes unfetchable (must be counted as failed)
        self.damaged: set[str] = set()  # URLs whose content the fault changes (article expected, content not)
        self.timings: list[tuple[str, float]] = []  # (stage, seconds) of every child run
        self.env = {
            **os.environ,
            "NEWSETL_DATABASE_URL": db,
            "NEWSETL_HOME": str(root / "home"),
            "NEWSETL_DATA_DIR": str(root / "data"),
            "NEWSETL_BASE_URLS": mirror.env_value(),
            "AIRFLOW_CONN_SMTP_DEFAULT": smtp_uri,
            "NEWSETL_ALERT_EMAILS": ALERT_TO,
            "NEWSETL_SMTP_TIMEOUT": "2",
            "GX_ANALYTICS_ENABLED": "false",
            "PYTHONUNBUFFERED": "1",
        }
        self.env.pop("NEWSETL_DATA_DOCS_BASE_URL", None)

    # --- paths
    def run_dir(self, run_id: str) -> Path:
        return self.root / "data" / "runs" / run_id

    def url(self, source: str, path: str) -> str:
        return self.rig.baseline([source]).url(source, path)

    # --- child processes
    def cli(self, *args: str, env: Mapping[str, str] | None = None, timeout: float = CLI_TIMEOUT) -> Cli:
        """`newsetl ARGS --json` as a child process (`db ...` has no --json)."""
        start = time.monotonic()
        flags = [] if args[0] == "db" else ["--json"]
        proc = subprocess.run([sys.executable, "-m", "newsetl.cli", *args, *flags], capture_output=True,
                              text=True, env=dict(env or self.env), timeout=timeout, cwd=PROJECT_ROOT)
        try:
            out = json.loads(proc.stdout) if proc.stdout.strip() else None
        except json.JSONDecodeError:
            out = proc.stdout
        self.timings.append((args[0], round(time.monotonic() - start, 1)))
        return Cli(proc.returncode, out, proc.stderr)

    def cli_in_process(self, *args: str) -> Cli:
        """`newsetl ARGS --json` through the CLI's own `main` in this process, with this scenario's
        environment: the same exit codes, JSON and one-line errors as the child process, for a
        stage no fault kills (validate): GX is imported once per harness instead of once per run,
        which was most of a scenario's time."""
        from newsetl.cli import main

        start = time.monotonic()
        out, err = io.StringIO(), io.StringIO()
        root = logging.getLogger()
        handlers, level = list(root.handlers), root.level
        saved = dict(os.environ)
        os.environ.clear()
        os.environ.update(self.env)
        root.handlers = []  # the CLI's logging.basicConfig then logs to `err`, as the child's stderr
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = main([*args, "--json"])
                except SystemExit as exc:
                    code = exc.code if isinstance(exc.code, int) else 1
                except Exception:  # noqa: BLE001 - what the child would print as a traceback, exit 1
                    traceback.print_exc(file=err)
                    code = 1
        finally:
            os.environ.clear()
            os.environ.update(saved)
            root.handlers = handlers
            root.setLevel(level)
        try:
            result = json.loads(out.getvalue()) if out.getvalue().strip() else None
        except json.JSONDecodeError:
            result = out.getvalue()
        self.timings.append((args[0], round(time.monotonic() - start, 1)))
        return Cli(code, result, err.getvalue())

    def popen(self, *args: str, env: Mapping[str, str] | None = None) -> subprocess.Popen:
        """`newsetl ARGS --json` started, not waited for."""
        return subprocess.Popen([sys.executable, "-m", "newsetl.cli", *args, "--json"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=dict(env or self.env), cwd=PROJECT_ROOT)

    def crawl(self, run_id: str, source: str, settings: Mapping[str, str] | None = None) -> dict[str, Any]:
        """The crawl stage on the warehouse's seen-set (what the DAG's crawl task does): `newsetl
        crawl --seen-file`, or with Scrapy settings the crawl process it runs (`python -m
        crawlers.run --set ...`)."""
        run_dir = self.run_dir(run_id)
        from core.rundir import RunPaths, write_lines
        from warehouse.queries import stored_article_urls

        seen = RunPaths(run_dir).seen_file(source)  # the warehouse's seen-set, as the DAG's crawl writes it
        seen.parent.mkdir(parents=True, exist_ok=True)
        write_lines(seen, stored_article_urls(source, self.db))
        if not settings:
            res = self.cli("crawl", "--source", source, "--out", str(run_dir), "--seen-file", str(seen))
            expect(res.code == 0, f"crawl of {source} failed: {res.last_error}")
            return res.out
        cmd = [sys.executable, "-m", "crawlers.run", "--source", source, "--out", str(run_dir),
               "--base-url", self.mirror.base_urls[source], "--seen-file", str(seen),
               "--state-dir", str(self.root / "data" / "state")]
        for name, value in settings.items():
            cmd += ["--set", f"{name}={value}"]
        start = time.monotonic()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=self.env, timeout=CLI_TIMEOUT)
        self.timings.append(("crawl", round(time.monotonic() - start, 1)))
        expect(proc.returncode == 0, f"crawl of {source} failed: {proc.stderr.strip()[-300:]}")
        return json.loads(proc.stdout)

    def pipeline(self, run_id: str, sources: Sequence[str] | None = None,
                 crawl_settings: Mapping[str, str] | None = None, load: bool = True) -> dict[str, Any]:
        """crawl (each source) -> transform -> validate -> load: child processes, validate in this
        process (`cli_in_process`)."""
        self.runs += 1
        out: dict[str, Any] = {"crawl": {}}
        run_dir = str(self.run_dir(run_id))
        for source in sources or self.spec.sources:
            out["crawl"][source] = self.crawl(run_id, source, crawl_settings)
        res = self.cli("transform", run_dir)
        expect(res.code == 0, f"transform failed: {res.last_error}")
        out["transform"] = res.out
        res = self.cli_in_process("validate", run_dir)
        out["validate_code"], out["validate_error"] = res.code, res.last_error
        out["validate"] = _read_json(self.run_dir(run_id) / "validation" / "summary.json")
        if load and res.code == 0:
            res = self.cli("load", run_dir)
            expect(res.code == 0, f"load failed: {res.last_error}")
            out["load"] = res.out
        return out

    # --- warehouse
    def sql(self, statement: str, params: Any = (), url: str | None = None) -> list[tuple]:
        """One statement on this scenario's database (or `url`), committed: its rows."""
        from devtools.pg import query

        return query(url or self.db, statement, params)

    def mails(self) -> list[Any]:
        from devtools.smtp_sink import read_messages

        return read_messages(self.mail_dir) if self.mail_dir.is_dir() else []

    def table_snapshot(self) -> dict[str, Any]:
        """Every row of the content tables (bookkeeping columns left out): for 'nothing changed'."""
        return {
            "articles": self.sql("SELECT url, content_hash, first_seen_run, loaded_run FROM news.articles "
                                 "ORDER BY url"),
            "versions": self.sql("SELECT article_id, version, content_hash FROM news.article_versions ORDER BY 1, 2"),
            "metrics": self.sql("SELECT article_id, position, value, unit, run_id FROM news.metrics ORDER BY 1, 2"),
            "quarantine": self.sql("SELECT run_id, stage, table_name, record_key FROM news.quarantine "
                                   "ORDER BY 1, 2, 3, 4"),
        }


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# ------------------------------------------------------------------ accounting
def account(ctx: Ctx) -> tuple[int, int, dict[str, Any]]:
    """(rows lost, duplicates, details) of the scenario's database against the baseline."""
    expected_articles, expected_metrics = ctx.rig.baseline(ctx.spec.sources).of(ctx.spec.sources)
    stored = dict(ctx.sql("SELECT url, content_hash FROM news.articles"))
    quarantined = {r[0] for r in ctx.sql(
        "SELECT record_key FROM news.quarantine WHERE table_name IN ('articles', 'pages') OR stage = 'transform'")}
    stored_metrics: dict[str, Counter] = {}
    for url, *key in ctx.sql("SELECT a.url, m.char_start, m.char_end, m.unit, m.kind, m.value "
                             "FROM news.metrics m JOIN news.articles a USING (article_id)"):
        stored_metrics.setdefault(url, Counter())[metric_key(dict(zip(
            ("char_start", "char_end", "unit", "kind", "value"), key, strict=True)))] += 1
    for (record,) in ctx.sql("SELECT record FROM news.quarantine WHERE table_name = 'metrics'"):
        if isinstance(record, dict) and record.get("article_url"):
            stored_metrics.setdefault(record["article_url"], Counter())[metric_key(record)] += 1

    lost_articles: list[str] = []
    changed: list[str] = []
    lost_metrics = 0
    for url, content in expected_articles.items():
        if url in ctx.unfetchable:
            continue
        if url not in stored and url not in quarantined:
            lost_articles.append(url)
            continue
        if url in ctx.damaged or url not in stored:
            continue  # quarantined whole (its metrics with it) or content changed by the fault
        if stored[url] != content:
            changed.append(url)
            continue
        missing = expected_metrics.get(url, Counter()) - stored_metrics.get(url, Counter())
        lost_metrics += sum(missing.values())

    dup = {
        "articles": ctx.sql("SELECT count(*) - count(DISTINCT (source, content_hash)) FROM news.articles")[0][0],
        "versions": ctx.sql(
            "SELECT (SELECT count(*) - count(DISTINCT (article_id, content_hash)) FROM news.article_versions)"
            " + (SELECT count(*) FROM news.article_versions v JOIN news.articles a USING (article_id)"
            "    WHERE v.content_hash = a.content_hash)")[0][0],
        "metrics": ctx.sql("SELECT count(*) - count(DISTINCT (article_id, char_start, char_end, unit, kind, value))"
                           " FROM news.metrics")[0][0],
    }
    subjects = Counter(str(m["Subject"]) for m in ctx.mails())
    dup["mails"] = sum(n - 1 for n in subjects.values() if n > 1)
    baseline_dups = _baseline_content_dups(expected_articles)
    duplicates = max(0, dup["articles"] - baseline_dups) + dup["versions"] + dup["metrics"] + dup["mails"]
    details = {"expected_articles": len(expected_articles) - len(ctx.unfetchable & set(expected_articles)),
               "stored_articles": len(stored), "quarantined_keys": len(quarantined),
               "lost_articles": lost_articles[:5], "changed_articles": changed[:5], "lost_metrics": lost_metrics,
               "duplicates": dup}
    return len(lost_articles) + len(changed) + lost_metrics, duplicates, details


def _baseline_content_dups(articles: Mapping[str, str]) -> int:
    """Articles of the clean snapshot that share their content with another (not a fault's doing)."""
    return len(articles) - len(set(articles.values()))


def failed_urls(report: Mapping[str, Any]) -> dict[str, str]:
    """The crawl report's failed URLs (normalized to the live site's) -> reason."""
    return {e["url"]: e["error"] for e in report.get("errors", [])}


def failed_paths(report: Mapping[str, Any], base: str) -> dict[str, str]:
    """The crawl report's failed request paths -> reason (URLs on the mirror's `base`)."""
    return {e["url"][len(base):] if e["url"].startswith(base) else e["url"]: e["error"]
            for e in report.get("errors", [])}


# ================================================================== site scenarios
def _site_counts(out: Mapping[str, Any], source: str = GOV) -> str:
    arts = out["crawl"][source]["articles"]
    loaded = (out.get("load") or {}).get("articles_inserted", 0)
    return f"{arts['new']} fetched, {arts['failed']} failed, {loaded} loaded"


def _one_unfetchable(ctx: Ctx, path: str, reason_re: str, settings: Mapping[str, str] | None = None,
                     source: str = GOV) -> str:
    """Run once; `path` must be counted as failed with a reason matching `reason_re`, the rest loaded."""
    ctx.unfetchable.add(ctx.url(source, path))
    out = ctx.pipeline("r1", crawl_settings=settings)
    base = ctx.mirror.base_urls[source]
    failed = failed_paths(out["crawl"][source], base)
    expect(path in failed, f"{path} not counted as failed (failed: {sorted(failed)})")
    expect(re.search(reason_re, failed[path]) is not None, f"reason {failed[path]!r} !~ {reason_re!r}")
    expect(out["validate_code"] == 0, f"validation blocked: {out['validate_error']}")
    return f"counted failed ({failed[path][:60]}); {_site_counts(out, source)}"


def _all_fetched(ctx: Ctx, source: str = GOV) -> tuple[dict[str, Any], str]:
    """Run once; no article of `source` may be counted as failed. Its crawl report and site counts."""
    out = ctx.pipeline("r1")
    report = out["crawl"][source]
    expect(report["articles"]["failed"] == 0, f"failed articles: {failed_urls(report)}")
    return report, _site_counts(out, source)


@scenario("site", plan=f"status=503*2:{GOV_A};status=503*2:{GOV_B};status=502*1:/art/2020/*;"
                       "status=503*1:/module/jpage/dataproxy.jsp")
def site_5xx_burst(ctx: Ctx) -> str:
    """5xx bursts on articles and a listing: retried with backoff, everything loaded."""
    report, counts = _all_fetched(ctx)
    statuses = report["responses_by_status"]
    expect(int(statuses.get("503", 0)) >= 5, f"503s seen: {statuses}")
    return f"retried {statuses.get('503', 0)}x503 + {statuses.get('502', 0)}x502; {counts}"


@scenario("site", plan=f"status=429*1:{GOV_A};status=429*1:{GOV_C};status=429*1:{GOV_D}")
def site_429_retry_after(ctx: Ctx) -> str:
    """429 with Retry-After: waited, retried, loaded."""
    report, counts = _all_fetched(ctx)
    expect(report["responses_by_status"].get("429") == 3, f"statuses {report['responses_by_status']}")
    return f"3x429 (Retry-After 1 s) retried; {counts}"


@scenario("site", plan=f"slow=8:{GOV_A}")
def site_timeout(ctx: Ctx) -> str:
    """An article that never answers in time (DOWNLOAD_TIMEOUT 3 s): retried, then counted."""
    return _one_unfetchable(ctx, GOV_A, r"Timeout", SHORT_TIMEOUT)


@scenario("site", plan="reset=2:/art/2019/*;reset=1:/col/col933/index.html")
def site_connection_reset(ctx: Ctx) -> str:
    """TCP resets (twice per 2019 article, once on a listing): retried, everything loaded."""
    _report, counts = _all_fetched(ctx)
    return f"resets retried; {counts}"


@scenario("site", plan=f"truncate=0.7*4:{GOV_D}")
def site_truncated_body(ctx: Ctx) -> str:
    """An article body cut at 70% on all 4 tries of a run: counted failed with the truncation, not
    stored (it was stored cut short, and never fetched again); the next run fetches and loads it whole."""
    out = ctx.pipeline("r1")
    base, url = ctx.mirror.base_urls[GOV], ctx.url(GOV, GOV_D)
    failed = failed_paths(out["crawl"][GOV], base)
    reason = failed.get(GOV_D, "")
    expect(re.fullmatch(r"truncated response: got \d+ of \d+ bytes after 4 tries", reason) is not None,
           f"{GOV_D} not counted failed as truncated (failed: {failed})")
    kept = out["crawl"][GOV].get("pages_truncated")
    expect(kept == 0, f"pages_truncated = {kept} (a truncated article kept as a page)")
    expect(ctx.sql("SELECT count(*) FROM news.articles WHERE url = %s", (url,))[0][0] == 0,
           "the truncated article was stored")
    first = _site_counts(out)
    again = ctx.pipeline("r2")  # the page answers whole now
    arts = again["crawl"][GOV]["articles"]
    expect(arts["new"] == 1 and arts["failed"] == 0, f"second run: {arts} (the truncated page not fetched again)")
    expect(ctx.sql("SELECT count(*) FROM news.articles WHERE url = %s", (url,))[0][0] == 1,
           "the page was not loaded by the next run")
    return f"counted failed ({reason}); {first}; next run: fetched again, loaded whole"


@scenario("site", plan=f"charset=latin-1:{GOV_GBK};charset=gb2312:{GOV_UTF8}")
def site_wrong_charset(ctx: Ctx) -> str:
    """A GBK page served as latin-1, a UTF-8 page as gb2312: the bytes decide, content as clean."""
    out = ctx.pipeline("r1")
    report = out["crawl"][GOV]
    expect(report.get("charset_corrected") == 2, f"charset_corrected = {report.get('charset_corrected')}")
    return "charset corrected on 2 pages, content identical to the clean crawl; " + _site_counts(out)


@scenario("site", plan="nocharset:/art/*")
def site_missing_charset(ctx: Ctx) -> str:
    """No charset in the header nor in the page, on every article: decoded from the bytes; the
    GBK page's charset a guess the crawl report counts."""
    report, counts = _all_fetched(ctx)
    expect(report.get("charset_guessed") == 1, f"charset_guessed = {report.get('charset_guessed')}")
    expect(report.get("pages_with_decode_errors") == 0, f"decode errors: {report.get('pages_with_decode_errors')}")
    return f"decoded from the bytes (GBK page: charset guessed), content identical to the clean crawl; {counts}"


@scenario("site", plan=f"huge=6M:{GOV_A}")
def site_oversized_page(ctx: Ctx) -> str:
    """A 6 MiB page (> DOWNLOAD_MAXSIZE 5 MiB): refused and counted."""
    return _one_unfetchable(ctx, GOV_A, r"too large")


@scenario("site", plan=f"gzip_bomb=256M:{GOV_A}")
def site_gzip_bomb(ctx: Ctx) -> str:
    """A 256 KB gzip body that inflates to 256 MiB: cut at the size cap and counted."""
    return _one_unfetchable(ctx, GOV_A, r"too large", SHORT_TIMEOUT)


@scenario("site", plan=f"endless:{GOV_A}")
def site_endless_body(ctx: Ctx) -> str:
    """A body that never ends: cut at the size cap (or the timeout) and counted."""
    return _one_unfetchable(ctx, GOV_A, r"too large", SHORT_TIMEOUT)


@scenario("site", plan=f"trickle=12:{GOV_A};trickle=1:{GOV_B}")
def site_slow_body(ctx: Ctx) -> str:
    """A body trickling for 12 s (timeout 3 s): counted; one trickling 1 s: loaded."""
    outcome = _one_unfetchable(ctx, GOV_A, r"Timeout", SHORT_TIMEOUT)
    expect(ctx.sql("SELECT count(*) FROM news.articles WHERE url = %s", (ctx.url(GOV, GOV_B),))[0][0] == 1,
           "the slow-but-in-time page was not loaded")
    return outcome


@scenario("site", plan=f"redirect_loop:{GOV_A}")
def site_redirect_loop(ctx: Ctx) -> str:
    """An article redirecting to itself: gave up after REDIRECT_MAX_TIMES, counted."""
    return _one_unfetchable(ctx, GOV_A, r"redirect")


@scenario("site", plan=f"status=404:{GOV_A};status=410:{GOV_B}")
def site_gone_404_410(ctx: Ctx) -> str:
    """Listed articles answering 404 and 410: counted as failed, not retried; the rest loaded."""
    ctx.unfetchable.add(ctx.url(GOV, GOV_B))
    outcome = _one_unfetchable(ctx, GOV_A, r"404")
    return outcome.replace("counted failed", "404 and 410 counted failed")


@scenario("site", plan="robots=/art/:ningbo_gov:/robots.txt")
def site_robots_denied(ctx: Ctx) -> str:
    """robots.txt disallows every article: nothing fetched, each counted; crawl outage, load blocked, one mail."""
    arts, _ = ctx.rig.baseline([GOV]).of([GOV])
    ctx.unfetchable.update(arts)
    out = ctx.pipeline("r1")
    report = out["crawl"][GOV]
    expect(report["articles"]["new"] == 0, f"robots-denied articles fetched: {report['articles']}")
    counted = report["articles"]["failed"] + int(report.get("robots_denied", 0) or 0)
    expect(counted >= len(arts), f"denied articles not counted: articles {report['articles']}, "
                                 f"robots_denied {report.get('robots_denied')}")
    expect(out["validate_code"] != 0, "validation did not block a source with no article")
    mails = ctx.mails()
    expect(len(mails) == 1, f"{len(mails)} alert mails")
    return f"{counted} denied and counted; load blocked; 1 mail: {mails[0]['Subject'][:50]}"


@scenario("site", plan="status=404*1:ningbo_gov:/col/col934/index.html", sources=(GOV,))
def site_listing_gone(ctx: Ctx) -> str:
    """One of ningbo_gov's two listings answers 404 for a run (a column moved, then back): the other column
    loads, one non-blocking crawl-outage mail names the listing (it was a count in the crawl line only);
    the next run reads the listing in full and loads the articles it alone lists."""
    out = ctx.pipeline("r1")
    report = out["crawl"][GOV]
    expect(int(report.get("listings_failed") or 0) == 1, f"listings_failed = {report.get('listings_failed')}")
    expect(out["validate_code"] == 0, f"validation blocked: {out['validate_error']}")
    mails = ctx.mails()
    expect(len(mails) == 1 and "listing page could not be read" in str(mails[0]["Subject"]),
           f"{len(mails)} mails: {[str(m['Subject']) for m in mails]}")
    first = _site_counts(out)
    again = ctx.pipeline("r2")  # the listing answers again
    arts = again["crawl"][GOV]["articles"]
    expect(arts["new"] > 0 and int(again["crawl"][GOV].get("listings_failed") or 0) == 0,
           f"second run: {arts} (the column's articles not fetched)")
    return f"r1: {first}; 1 mail: {str(mails[0]['Subject'])[:45]}; r2: {arts['new']} more loaded"


@scenario("site", plan=f"offsite_redirect=evil.example.org:{GOV_A}")
def site_offsite_redirect(ctx: Ctx) -> str:
    """An article redirecting to another host: not followed, counted, warned."""
    outcome = _one_unfetchable(ctx, GOV_A, r"offsite redirect")
    return outcome


@scenario("site", plan="mutate=listing_markup:ningbolife:/index.php/ningbo-news.html;"
                       "mutate=listing_markup:ningbolife:/index.php/business-news.html",
          sources=(LIFE,))
def site_listing_markup_changed(ctx: Ctx) -> str:
    """Both blog listings with every class and id renamed: links found by URL shape, all loaded, and one
    template-drift mail (the fallback can miss articles: on-call updates the selectors)."""
    out = ctx.pipeline("r1")
    report = out["crawl"][LIFE]
    expect(int(report.get("listings_by_url_shape", 0) or 0) >= 1,
           f"listings_by_url_shape = {report.get('listings_by_url_shape')}")
    mails = ctx.mails()
    expect(len(mails) == 1 and "read by URL shape only" in str(mails[0]["Subject"]),
           f"{len(mails)} mails: {[str(m['Subject']) for m in mails]}")
    return (f"links by URL shape on {report.get('listings_by_url_shape')} listing page(s); 1 mail: "
            f"{str(mails[0]['Subject'])[:45]}; " + _site_counts(out, LIFE))


@scenario("site", plan="mutate=offsite_links:ningbolife:/index.php/ningbo-news.html", sources=(LIFE,))
def site_offsite_links(ctx: Ctx) -> str:
    """A listing linking every article's copy on another host: never requested, counted, all loaded."""
    out = ctx.pipeline("r1")
    report = out["crawl"][LIFE]
    offsite = int(report.get("offsite_links", 0) or 0)
    expect(offsite >= 1, f"offsite_links = {report.get('offsite_links')}")
    requested = [u for u in failed_urls(report) if "evil.example.org" in u]
    expect(not requested, f"off-site URLs requested: {requested[:3]}")
    expect(out["validate_code"] == 0, f"validation blocked: {out['validate_error']}")
    return f"{offsite} off-site link(s) never requested; " + _site_counts(out, LIFE)


# ================================================================== database scenarios
def _wait_for_blocked_load(ctx: Ctx, timeout: float = LOCK_WAIT_TIMEOUT) -> int:
    """The pid of the load's backend once it waits on a lock (it has written its first rows)."""
    from warehouse.db import APPLICATION_NAME

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = ctx.sql(  # waiting on a lock after it wrote articles: the load, not a reader
            "SELECT a.pid FROM pg_stat_activity a WHERE a.datname = current_database() "
            "AND a.application_name = %s AND a.wait_event_type = 'Lock' AND EXISTS ("
            " SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = a.pid"
            " AND c.relname = 'articles' AND l.mode = 'RowExclusiveLock' AND l.granted)", (APPLICATION_NAME,))
        if found:
            return int(found[0][0])
        time.sleep(0.05)
    raise ScenarioFailed("the load never blocked on the metrics lock")


@contextlib.contextmanager
def _metrics_locked(url: str) -> Iterator[Any]:
    """Hold news.metrics exclusively: a load writes its articles, then waits there."""
    import psycopg2

    blocker = psycopg2.connect(url)
    try:
        with blocker.cursor() as cur:
            cur.execute("LOCK TABLE news.metrics IN ACCESS EXCLUSIVE MODE")
        yield blocker
    finally:
        with contextlib.suppress(psycopg2.Error):
            blocker.rollback()
            blocker.close()


def _validated_run(ctx: Ctx, run_id: str = "r1") -> Path:
    out = ctx.pipeline(run_id, load=False)
    expect(out["validate_code"] == 0, f"validation blocked: {out['validate_error']}")
    res = ctx.cli("db", "upgrade")  # the schema, so the metrics table can be locked before the load
    expect(res.code == 0, f"db upgrade failed: {res.last_error}")
    return ctx.run_dir(run_id)


def _rows_of_run(ctx: Ctx, run_id: str) -> int:
    return ctx.sql("SELECT (SELECT count(*) FROM news.articles WHERE loaded_run = %s)"
                   " + (SELECT count(*) FROM news.metrics WHERE run_id = %s)"
                   " + (SELECT count(*) FROM news.crawl_runs WHERE run_id = %s)", (run_id, run_id, run_id))[0][0]


def _server_pids(data_dir: Path) -> list[int]:
    """The postmaster (postmaster.pid) and every process it forked (backends, workers)."""
    pid_file = data_dir / "postmaster.pid"
    postmaster = int(pid_file.read_text().splitlines()[0])
    pids = [postmaster]
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(postmaster):
            pids.append(int(status.parent.name))
    return pids


@scenario("database")
def db_server_killed_mid_load(ctx: Ctx) -> str:
    """SIGKILL to the postmaster and every backend mid-load: no partial row; restarted, reloaded."""
    from warehouse.embedded import start_embedded

    # a server of its own (the shared one must survive), outside pytest's private basetemp,
    # which the `pgserver` user the server runs as under root could not enter
    own = Path(tempfile.mkdtemp(prefix="newsetl-faults-pg-"))
    data_dir = own / "data"
    server = start_embedded(data_dir)
    try:
        with ctx.rig.database(server) as db:
            ctx.db = ctx.env["NEWSETL_DATABASE_URL"] = db
            run_dir = _validated_run(ctx)
            with _metrics_locked(db):
                proc = ctx.popen("load", str(run_dir))
                _wait_for_blocked_load(ctx)
                pids = _server_pids(data_dir)
                for pid in pids:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                _out, err = proc.communicate(timeout=CLI_TIMEOUT)
            expect(proc.returncode != 0, "the load did not notice the server's death")
            expect("Traceback" not in err, f"a traceback instead of one line: {err[-300:]}")
            for _ in range(100):  # the postmaster is gone once its pid file is stale
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pids[0], 0)
                    time.sleep(0.1)
                    continue
                break
            start_embedded(data_dir)  # crash recovery
            partial = _rows_of_run(ctx, "r1")
            expect(partial == 0, f"{partial} partial rows of the killed load")
            res = ctx.cli("load", str(run_dir))
            ctx.runs += 1
            expect(res.code == 0, f"reload failed: {res.last_error}")
            lost, dups, details = account(ctx)
            ctx.rig_result = (lost, dups, details)  # type: ignore[attr-defined]
            error = [line for line in err.splitlines() if line.strip()][-1:] or ["(no message)"]
            return (f"killed {len(pids)} server processes mid-load; load exit {proc.returncode} "
                    f"({error[0][:50]}); 0 partial rows; reload: {res.out['articles_inserted']} loaded")
    finally:
        from warehouse.embedded import stop_embedded

        stop_embedded(data_dir)
        shutil.rmtree(own, ignore_errors=True)


@scenario("database")
def db_load_client_killed(ctx: Ctx) -> str:
    """SIGKILL to `newsetl load` mid-transaction: the server rolls it back; the rerun completes."""
    run_dir = _validated_run(ctx)
    with _metrics_locked(ctx.db):
        proc = ctx.popen("load", str(run_dir))
        _wait_for_blocked_load(ctx)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
    deadline = time.monotonic() + 30  # the server notices the dead client and rolls back
    while time.monotonic() < deadline and ctx.sql(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'newsetl'"
    )[0][0]:
        time.sleep(0.1)
    partial = _rows_of_run(ctx, "r1")
    expect(partial == 0, f"{partial} partial rows after the client died")
    res = ctx.cli("load", str(run_dir))
    ctx.runs += 1
    expect(res.code == 0, f"rerun failed: {res.last_error}")
    return f"client killed mid-load; 0 partial rows; rerun loaded {res.out['articles_inserted']}"


@scenario("database")
def db_down_at_task_start(ctx: Ctx) -> str:
    """The warehouse down when the load starts: one line, exit 2, retried twice (as the DAG
    retries), then the task-failure alert; back up: loaded."""
    run_dir = _validated_run(ctx)
    dead = f"postgresql://postgres:secret@/{ctx.db.rsplit('/', 1)[-1].split('?')[0]}?host={ctx.root / 'no-pg'}"
    env = {**ctx.env, "NEWSETL_DATABASE_URL": dead}
    tries = []
    for _ in range(3):  # first try + 2 retries
        tries.append(ctx.cli("load", str(run_dir), env=env))
        ctx.runs += 1
    expect(all(t.code == 2 for t in tries), f"exit codes {[t.code for t in tries]}")
    expect(all("Traceback" not in t.stderr and t.last_error.startswith("newsetl load:") for t in tries),
           f"not one line: {tries[0].stderr[-300:]}")
    expect("secret" not in tries[0].stderr, "the password is shown")
    # then alert: what the DAG's on_failure_callback mails after the last retry
    from newsetl.alerts import task_failure_alert

    subject, body = task_failure_alert("load", "ningbo_scitech_news", "r1", 3, tries[-1].last_error)
    res = subprocess.run([sys.executable, "-c", "import sys; from newsetl.alerts import send_alert; "
                          "sys.exit(0 if send_alert(sys.argv[1], sys.argv[2]) else 1)", subject, body],
                         env=ctx.env, capture_output=True, text=True, timeout=120)
    expect(res.returncode == 0 and len(ctx.mails()) == 1, f"no task-failure mail: {res.stderr[-300:]}")
    res2 = ctx.cli("load", str(run_dir))
    ctx.runs += 1
    expect(res2.code == 0, f"load after the warehouse is back failed: {res2.last_error}")
    return (f"3 tries: exit 2, one line ({tries[0].last_error[:45]}...); task-failure mail; "
            f"back up: {res2.out['articles_inserted']} loaded")


@scenario("database")
def db_constraint_violation(ctx: Ctx) -> str:
    """One row breaking a constraint (planted after validation): the whole run rolls back, one line; fixed, reloaded."""
    run_dir = _validated_run(ctx)
    metrics_file = run_dir / "validation" / "metrics.jsonl"
    original = metrics_file.read_text(encoding="utf-8")
    lines = original.splitlines()
    bad = json.loads(lines[-1])
    bad["unit"] = "furlongs"
    metrics_file.write_text("\n".join([*lines[:-1], json.dumps(bad)]) + "\n", encoding="utf-8")
    res = ctx.cli("load", str(run_dir))
    ctx.runs += 1
    expect(res.code != 0, "a constraint violation loaded")
    expect("metrics_unit_check" in res.last_error, f"constraint not named in the last line: {res.last_error}")
    expect("Traceback" not in res.stderr, "a traceback instead of one line")
    partial = _rows_of_run(ctx, "r1")
    expect(partial == 0, f"{partial} rows of the failed load stayed")
    metrics_file.write_text(original, encoding="utf-8")
    res2 = ctx.cli("load", str(run_dir))
    ctx.runs += 1
    expect(res2.code == 0, f"reload failed: {res2.last_error}")
    return f"exit {res.code}, '{res.last_error[:60]}'; 0 rows kept; fixed row: reloaded"


@scenario("database")
def db_disk_full(ctx: Ctx) -> str:
    """The server answers 'disk full' (SQLSTATE 53100) mid-load: rolled back, one line; space back, reloaded."""
    run_dir = _validated_run(ctx)
    ctx.sql("CREATE FUNCTION public.faults_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'could not extend file \"base/1/2\": No space left on device' USING ERRCODE = '53100'; "
            "END $$")
    ctx.sql("CREATE TRIGGER faults_disk_full BEFORE INSERT ON news.metrics "
            "FOR EACH STATEMENT EXECUTE FUNCTION public.faults_disk_full()")
    res = ctx.cli("load", str(run_dir))
    ctx.runs += 1
    expect(res.code != 0, "the load succeeded on a full disk")
    expect("No space left" in res.last_error, f"error not in the last line: {res.last_error}")
    expect("Traceback" not in res.stderr, "a traceback instead of one line")
    partial = _rows_of_run(ctx, "r1")
    expect(partial == 0, f"{partial} rows of the failed load stayed")
    ctx.sql("DROP TRIGGER faults_disk_full ON news.metrics")
    res2 = ctx.cli("load", str(run_dir))
    ctx.runs += 1
    expect(res2.code == 0, f"reload failed: {res2.last_error}")
    return f"exit {res.code} ('{res.last_error[:50]}'); 0 rows kept; reloaded"


@scenario("database")
def db_overlapping_runs(ctx: Ctx) -> str:
    """Two runs crawled before either loads, then loaded at the same time: one copy of each row."""
    dirs = [_validated_run(ctx, "r1"), _validated_run(ctx, "r2")]
    procs = [ctx.popen("load", str(d)) for d in dirs]
    results = [p.communicate(timeout=CLI_TIMEOUT) for p in procs]
    expect(all(p.returncode == 0 for p in procs), f"loads failed: {[r[1][-200:] for r in results]}")
    inserted = sorted(json.loads(r[0])["articles_inserted"] for r in results)
    return f"2 concurrent loads: inserted {inserted[0]} + {inserted[1]}, no duplicate"


@scenario("database")
def db_same_run_loaded_twice(ctx: Ctx) -> str:
    """The same run loaded again: the tables are identical."""
    out = ctx.pipeline("r1")
    before = ctx.table_snapshot()
    res = ctx.cli("load", str(ctx.run_dir("r1")))
    ctx.runs += 1
    expect(res.code == 0, f"second load failed: {res.last_error}")
    expect(ctx.table_snapshot() == before, "the second load changed the tables")
    return f"first {out['load']['articles_inserted']} inserted; second: 0 inserted, tables identical"


@scenario("database", plan=f"slow=10:{GOV_A}")
def db_two_crawls_same_run(ctx: Ctx) -> str:
    """Two crawls of one source into one run id at once: the second refused with one line; the run loads.

    One article answers after 10 s, so the first crawl still holds the lock when the second
    starts (a 1.6 s crawl could end before the second CLI had imported, and then it rightly ran).
    """
    run_dir = ctx.run_dir("r1")
    first = ctx.popen("crawl", "--source", GOV, "--out", str(run_dir))
    lock = run_dir / "raw" / f".{GOV}.crawl.lock"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(run_dir.glob("**/*.lock")) and first.poll() is None:
        time.sleep(0.05)
    time.sleep(0.5)
    second = ctx.cli("crawl", "--source", GOV, "--out", str(run_dir))
    overlapped = first.poll() is None
    first.communicate(timeout=CLI_TIMEOUT)
    ctx.runs += 1
    expect(first.returncode == 0, "the first crawl failed")
    expect(overlapped, "the first crawl ended before the second did: the two never ran at once")
    expect(second.code != 0 and "already running" in second.stderr, f"second crawl: exit {second.code}, "
                                                                      f"{second.last_error} ({lock})")
    for stage in ("transform", "validate", "load"):
        res = ctx.cli(stage, str(run_dir))
        expect(res.code == 0, f"{stage} failed: {res.last_error}")
    return f"second crawl refused: '{second.last_error[-70:]}'; run loaded"


# ================================================================== SMTP scenarios
def _alert_page_plan() -> str:
    return f"mutate=boilerplate:{GOV_A}"


def _relay_down_then_up(ctx: Ctx, relay_uri: str) -> str:
    from devtools.smtp_sink import start_sink

    env = {**ctx.env, "AIRFLOW_CONN_SMTP_DEFAULT": relay_uri}
    ctx.env, saved = env, ctx.env
    try:
        t0 = time.monotonic()
        out = ctx.pipeline("r1")
        waited = time.monotonic() - t0
    finally:
        ctx.env = saved
    summary = out["validate"] or {}
    expect(summary.get("articles_quarantined", 0) >= 1, "the leaky page was not quarantined")
    undelivered = ctx.sql("SELECT count(*) FROM news.alert_outbox WHERE delivered_at IS NULL")[0][0]
    expect(undelivered == 1, f"{undelivered} undelivered alerts in the outbox")
    expect(not ctx.mails(), "a mail arrived through a dead relay?")
    with start_sink(ctx.mail_dir) as sink:  # the relay is back: the next validation mails it
        ctx.env = {**ctx.env, "AIRFLOW_CONN_SMTP_DEFAULT": sink.conn_uri}
        ctx.pipeline("r2")
        ctx.pipeline("r3")
    mails = ctx.mails()
    expect(len(mails) == 1, f"{len(mails)} mails after the relay came back")
    left = ctx.sql("SELECT count(*) FROM news.alert_outbox WHERE delivered_at IS NULL")[0][0]
    expect(left == 0, f"{left} alerts still undelivered")
    return f"alert kept in the outbox; relay back: mailed once (2 later runs); first run {waited:.0f} s"


@scenario("smtp", plan=_alert_page_plan())
def smtp_relay_refused(ctx: Ctx) -> str:
    """The relay refuses connections when an alert is due: kept in the outbox, mailed once when it is back."""
    from devtools import refused_port

    with refused_port() as port:
        return _relay_down_then_up(ctx, f"smtp://:@127.0.0.1:{port}?disable_ssl=true&disable_tls=true")


@scenario("smtp", plan=_alert_page_plan())
def smtp_relay_hung(ctx: Ctx) -> str:
    """A relay that accepts and never answers: each try times out (2 s), the alert waits, mailed once later."""
    from devtools.smtp_sink import hung_relay

    with hung_relay() as relay:
        outcome = _relay_down_then_up(ctx, relay.conn_uri)
        expect(relay.accepted >= 1, "the hung relay was never tried")
    return outcome


# ================================================================== content scenarios
def _content_page(ctx: Ctx, path: str, settings: Mapping[str, str] | None = None) -> tuple[dict, str]:
    """Run once; the mutated page must be stored (text kept) or quarantined with a named reason."""
    url = ctx.url(GOV, path)
    ctx.damaged.add(url)
    out = ctx.pipeline("r1", crawl_settings=settings)
    stored = ctx.sql("SELECT title, body FROM news.articles WHERE url = %s", (url,))
    reasons = ctx.sql("SELECT stage, reasons FROM news.quarantine WHERE record_key = %s", (url,))
    failed = failed_paths(out["crawl"][GOV], ctx.mirror.base_urls[GOV])
    if path in failed:
        ctx.unfetchable.add(url)
        return out, f"counted failed at the crawl: {failed[path][:60]}"
    if stored:
        return out, "stored"
    expect(bool(reasons), "the page is neither stored nor quarantined: lost")
    stage, why = reasons[0]
    named = [r for r in why if not re.match(r"^(empty|not_an_article)\b", str(r))]
    expect(bool(named), f"quarantined without a named reason: {why}")
    return out, f"quarantined at {stage}: {str(why[0])[:60]}"


def _paragraph_text(path: str) -> str:
    """The text of the page's longest paragraph (what the mutation sits next to)."""
    import html as htmlmod

    from devtools.mirror import TAG_RE, _longest_paragraph

    data = (PAGES_DIR / GOV / path.lstrip("/")).read_bytes()
    m = _longest_paragraph(data)
    assert m is not None
    text = htmlmod.unescape(TAG_RE.sub(b"", m.group()).decode("utf-8"))
    return " ".join(text.replace("\u3000", " ").split())


def _clean_body(path: str) -> str:
    """The body the transform reads from the clean snapshot page (whitespace collapsed)."""
    from newsetl.steps import transform_page

    data = (PAGES_DIR / GOV / path.lstrip("/")).read_bytes()
    row, _ = transform_page({"url": "http://english.ningbo.gov.cn" + path, "source": GOV,
                             "html": data.decode("utf-8")}, "clean", "hanweb")
    return " ".join(row["body"].split())


def _expect_text_kept(ctx: Ctx, path: str) -> int:
    """The stored body holds the clean body's start and end and the mutated paragraph's text."""
    body = " ".join(ctx.sql("SELECT body FROM news.articles WHERE url = %s", (ctx.url(GOV, path),))[0][0].split())
    clean = _clean_body(path)
    expect(_paragraph_text(path)[:80] in body, "the mutated paragraph's text is missing from the body")
    expect(clean[:100] in body and clean[-100:] in body,
           f"text lost: the body has {len(body):,} characters, the clean page's {len(clean):,}, "
           "and its end is missing")
    return len(body)


@scenario("content", plan=f"mutate=deep_nesting:{GOV_A}")
def content_deep_nesting(ctx: Ctx) -> str:
    """A paragraph nested 10,000 <div>s deep: its text kept, or the page quarantined with a named reason."""
    _out, how = _content_page(ctx, GOV_A)
    if how == "stored":
        _expect_text_kept(ctx, GOV_A)
        how = "stored with all its text"
    return how


@scenario("content", plan=f"mutate=big_paragraph:{GOV_A}")
def content_10mb_paragraph(ctx: Ctx) -> str:
    """A 10 MB paragraph (crawl size cap raised to 32 MiB): kept whole, or quarantined with a named reason."""
    from devtools.mirror import BIG_PARAGRAPH_WORDS

    _out, how = _content_page(ctx, GOV_A, {"DOWNLOAD_MAXSIZE": str(32 * 1024 * 1024), **SHORT_TIMEOUT,
                                           "DOWNLOAD_TIMEOUT": "60"})
    if how == "stored":
        _expect_text_kept(ctx, GOV_A)
        length = ctx.sql("SELECT length(body) FROM news.articles WHERE url = %s", (ctx.url(GOV, GOV_A),))[0][0]
        expect(length >= 9_000_000, f"body is {length} characters: the 10 MB paragraph was dropped")
        words = BIG_PARAGRAPH_WORDS.decode().split()[0]
        how = f"stored whole ({length:,} characters of '{words} ...')"
    return how


@scenario("content", plan=f"mutate=invalid_utf8:{GOV_A}")
def content_invalid_utf8(ctx: Ctx) -> str:
    """Bytes that are not UTF-8 in a UTF-8 page: text kept, and the bad bytes counted and named in the run."""
    out, how = _content_page(ctx, GOV_A)
    if how == "stored":
        _expect_text_kept(ctx, GOV_A)
        reports = json.dumps([out["crawl"], out.get("transform"), out.get("validate")])
        reports = reports.replace(str(ctx.root), "<run root>")  # paths name the scenario itself
        named = re.search(r"invalid[ _-]?utf|undecodable|decode[ _-]?error|invalid_bytes", reports, re.I)
        expect(named is not None, "text kept, but the invalid bytes are counted nowhere (silent)")
        how = f"stored; counted as {named.group()}"
    return how


@scenario("content", plan=f"mutate=injection:{GOV_A};mutate=injection+boilerplate:{GOV_B}")
def content_injection(ctx: Ctx) -> str:
    """SQL and HTML/JS payloads in title and body: stored verbatim; escaped in the mail and the Data Docs."""
    from devtools.mirror import INJECTION_BODY, INJECTION_TITLE

    ctx.damaged.update({ctx.url(GOV, GOV_A), ctx.url(GOV, GOV_B)})
    ctx.pipeline("r1")
    stored = ctx.sql("SELECT title, body FROM news.articles WHERE url = %s", (ctx.url(GOV, GOV_A),))
    expect(bool(stored), "the page with payloads is not stored")
    title, body = stored[0]
    expect(INJECTION_TITLE in title, f"title not verbatim: {title[:120]!r}")
    expect(INJECTION_BODY in body, "body payload not stored verbatim")
    quarantined = ctx.sql("SELECT count(*) FROM news.quarantine WHERE record_key = %s", (ctx.url(GOV, GOV_B),))
    expect(quarantined[0][0] >= 1, "the leaky payload page was not quarantined")
    mails = ctx.mails()
    expect(len(mails) == 1, f"{len(mails)} mails")
    html_part = next((p.get_content() for p in mails[0].walk() if p.get_content_type() == "text/html"), "")
    expect("Robert&#x27;); DROP TABLE" in html_part or "Robert&#39;); DROP TABLE" in html_part
           or "&lt;script&gt;alert(" in html_part, "the payload title is not in the mail")
    expect("<script>alert(" not in html_part and "<img src=x onerror" not in html_part,
           "raw payload markup in the mail's HTML")
    docs = ctx.run_dir("r1") / "validation" / "data_docs"
    raw = [p.name for p in docs.rglob("*.html") if "<script>alert(" in p.read_text(encoding="utf-8", errors="replace")]
    expect(not raw, f"raw payload markup in Data Docs pages {raw[:3]}")
    return "stored verbatim (title + body); quarantined copy escaped in mail and Data Docs"


# ================================================================== Airflow scenarios
def _airflow_env(ctx: Ctx) -> dict[str, str]:
    from devtools import airflow_local

    env = airflow_local.airflow_env(ctx.root / "airflow", {k: v for k, v in ctx.env.items()
                                                          if k.startswith(("NEWSETL_", "AIRFLOW_CONN_", "GX_"))})
    airflow_local.migrate(env, ctx.root / "airflow.log")
    return env


@scenario("airflow", sources=(GOV, LIFE))  # the DAG crawls every source
def airflow_dag_rerun_same_run_id(ctx: Ctx) -> str:
    """`airflow dags test` twice with the same run id: the second DAG run is refused at prepare_run
    (the run was loaded) and changes no row, no file of the run and not its crawl_runs counts.

    It used to re-crawl into the loaded run: its raw pages then held nothing new (the loaded ones
    moved to raw/.attempts/) and its load result and crawl_runs counts went to 0 inserted."""
    from devtools import airflow_local

    env = _airflow_env(ctx)
    log = ctx.root / "airflow.log"
    rc1 = airflow_local.dags_test(env, "2026-11-20", log, conf={"run_id": "af_run"})
    ctx.runs += 1
    expect(rc1 == 0, f"first DAG run failed: {airflow_local.task_states(log)[-400:]}")
    pages = sorted(p.name for p in ctx.run_dir("af_run").glob("raw/*/pages.jsonl.gz"))
    result = ctx.run_dir("af_run") / "load_result.json"
    before, loaded = ctx.table_snapshot(), result.read_bytes()
    run_row = "SELECT counts::text, load_result::text FROM news.crawl_runs WHERE run_id = 'af_run'"
    row = ctx.sql(run_row)
    rc2 = airflow_local.dags_test(env, "2026-11-21", log, conf={"run_id": "af_run"})
    ctx.runs += 1
    text = log.read_text(encoding="utf-8", errors="replace")
    expect(rc2 != 0 and "run af_run was loaded already" in text,
           f"the second DAG run with the run id of a loaded run was not refused: "
           f"{airflow_local.task_states(log)[-400:]}")
    after = ctx.table_snapshot()
    expect(after == before, "the refused rerun changed the stored rows")
    expect(ctx.sql(run_row) == row and result.read_bytes() == loaded, "the refused rerun changed the run's history")
    expect(not (ctx.run_dir("af_run") / "raw" / ".attempts").exists()
           and sorted(p.name for p in ctx.run_dir("af_run").glob("raw/*/pages.jsonl.gz")) == pages,
           "the refused rerun crawled into the run")
    return (f"2 DAG runs, run id af_run: {len(after['articles'])} articles; the rerun refused at prepare_run "
            f"(run loaded), tables and run unchanged")


@scenario("airflow", sources=(GOV, LIFE))  # the DAG crawls every source
def airflow_load_killed_retried(ctx: Ctx) -> str:
    """`airflow dags test` whose load task is killed mid-transaction (its backend terminated): the retry loads all."""
    from devtools import airflow_local

    env = _airflow_env(ctx)
    env["NEWSETL_TASK_RETRY_DELAY"] = "1"
    log = ctx.root / "airflow.log"
    ctx.cli("db", "upgrade")
    killed: list[int] = []
    stop = threading.Event()

    summary = ctx.run_dir("af_kill") / "validation" / "summary.json"

    def killer() -> None:
        deadline = time.monotonic() + CLI_TIMEOUT
        while not summary.exists() and time.monotonic() < deadline and not stop.is_set():
            time.sleep(0.05)  # lock news.metrics once validation is done, before the load starts
        with _metrics_locked(ctx.db):
            try:
                pid = _wait_for_blocked_load(ctx, timeout=600)
            except ScenarioFailed:
                return
            ctx.sql("SELECT pg_terminate_backend(%s)", (pid,))
            killed.append(pid)

    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    rc = airflow_local.dags_test(env, "2026-11-20", log, conf={"run_id": "af_kill"})
    stop.set()
    thread.join(5)
    ctx.runs += 1
    expect(bool(killed), "the load task was never caught mid-transaction")
    expect(rc == 0, f"the DAG run failed after the kill: {airflow_local.task_states(log)[-400:]}")
    expect("new_state=up_for_retry" in log.read_text(encoding="utf-8", errors="replace"),
           "the load task was not put up for retry")
    return f"load backend killed mid-transaction; task up_for_retry, retried; DAG run succeeded (exit {rc})"


# ================================================================== running
def run_scenario(rig: Rig, spec: Scenario) -> Result:
    """Run one scenario in its own database, data dir, mirror and mail dir; never raises."""
    from devtools.mirror import FaultPlan, start_mirror
    from devtools.smtp_sink import start_sink

    result = Result(spec.name, spec.group, known_bug=spec.known_bug)
    start = time.monotonic()
    root = rig.work / spec.name
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    ctx: Ctx | None = None
    try:
        rig.baseline(spec.sources)
        faults = FaultPlan.parse(spec.plan) if spec.plan else None
        with rig.database() as db, start_mirror(faults=faults) as mirror, \
                start_sink(root / "mail") as sink:
            ctx = Ctx(rig, spec, db, root, mirror, sink.conn_uri, root / "mail")
            failure = ""
            try:
                outcome = spec.func(ctx)
            except ScenarioFailed as exc:
                outcome, failure = str(exc), "FAILED"
            except Exception as exc:  # noqa: BLE001 - one broken scenario must not stop the table
                outcome, failure = f"{type(exc).__name__}: {str(exc).strip()[:200]}", "ERROR"
            own = getattr(ctx, "rig_result", None)
            try:
                lost, dups, details = own if own is not None else account(ctx)
            except Exception as exc:  # noqa: BLE001 - e.g. the database is gone after a failure
                lost, dups, details = 0, 0, {"account_error": f"{type(exc).__name__}: {exc}"}
                failure = failure or "ERROR"
            result.rows_lost, result.duplicates, result.details = lost, dups, details
            result.ok = not failure and lost == 0 and dups == 0
            if failure:
                result.outcome = f"{failure}: {outcome}"
            elif not result.ok:
                result.outcome = f"FAILED: {lost} lost, {dups} duplicates ({outcome})"
            else:
                result.outcome = outcome
    except Exception as exc:  # noqa: BLE001 - the rig itself failed (mirror, database, baseline)
        result.outcome = f"ERROR: {type(exc).__name__}: {str(exc).strip()[:200]}"
    if ctx is not None:
        result.runs = ctx.runs
        result.details["timings"] = ctx.timings
    if not result.ok and spec.known_bug:
        result.outcome = f"known bug ({spec.known_bug}): {result.outcome}"
    result.seconds = time.monotonic() - start
    return result


def select(only: Sequence[str] | None = None, groups: Sequence[str] | None = None) -> list[Scenario]:
    """The scenarios to run: by name (`only`), by group, or all."""
    if only:
        unknown = [n for n in only if n not in SCENARIOS]
        if unknown:
            raise ValueError(f"unknown scenario(s) {unknown}; known: {', '.join(SCENARIOS)}")
        return [SCENARIOS[n] for n in only]
    return [s for s in SCENARIOS.values() if not groups or s.group in groups]


def run(scenarios: Sequence[Scenario], work: Path | None = None, keep: bool = False,
        on_result: Callable[[Result], None] | None = None) -> list[Result]:
    """Run the scenarios one after another on one rig."""
    rig = Rig(work or Path(tempfile.mkdtemp(prefix="newsetl-faults-")), keep=keep)
    results = []
    try:
        for spec in scenarios:
            result = run_scenario(rig, spec)
            results.append(result)
            if on_result:
                on_result(result)
    finally:
        rig.close()
    return results


HEADER = ("fault", "runs", "rows lost", "duplicates", "outcome", "seconds")


def format_row(r: Result, width: int = 30) -> str:
    return f"{r.fault:<{width}} {r.runs:>4} {r.rows_lost:>9} {r.duplicates:>10}  {r.outcome}  {r.seconds:.1f}"


def format_table(results: Sequence[Result]) -> str:
    width = max([len("fault"), *(len(r.fault) for r in results)])
    head = f"{'fault':<{width}} {'runs':>4} {'rows lost':>9} {'duplicates':>10}  outcome  seconds"
    lines = [head, *(format_row(r, width) for r in results)]
    failed = [r for r in results if not r.ok]
    lines.append(f"{len(results) - len(failed)} of {len(results)} scenarios passed; "
                 f"{sum(r.rows_lost for r in results)} rows lost, {sum(r.duplicates for r in results)} duplicates")
    return "\n".join(lines)


def table_from_json(paths: Sequence[str]) -> str:
    """The table of saved `--json` lists (scenario order; a later file's row for a fault wins)."""
    rows: dict[str, dict[str, Any]] = {}
    for path in paths:
        for row in json.loads(Path(path).read_text(encoding="utf-8")):
            rows[row["fault"]] = row
    order = [*SCENARIOS, *(name for name in rows if name not in SCENARIOS)]
    return format_table([Result(r["fault"], r.get("group", ""), r["runs"], r["rows_lost"], r["duplicates"],
                                r["outcome"], float(r.get("seconds", 0.0)), bool(r.get("ok")), r.get("known_bug"))
                         for name in order if (r := rows.get(name)) is not None])


def main(only: Sequence[str] | None = None, json_path: str | None = None, groups: Sequence[str] | None = None,
         keep: str | None = None) -> int:
    """`newsetl faults`: run, print the table, write the JSON list; exit 1 if any scenario failed."""
    scenarios = select(only, groups)
    width = max([len("fault"), *(len(s.name) for s in scenarios)])
    print(f"{'fault':<{width}} {'runs':>4} {'rows lost':>9} {'duplicates':>10}  outcome  seconds", flush=True)
    work = Path(keep) if keep else None
    if work:
        work.mkdir(parents=True, exist_ok=True)
    results = run(scenarios, work=work, keep=bool(keep),
                  on_result=lambda r: print(format_row(r, width), flush=True))
    failed = [r for r in results if not r.ok]
    print(f"{len(results) - len(failed)} of {len(results)} scenarios passed; "
          f"{sum(r.rows_lost for r in results)} rows lost, {sum(r.duplicates for r in results)} duplicates")
    if json_path:
        Path(json_path).write_text(json.dumps([r.to_dict() for r in results], indent=2, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
    return 1 if failed else 0
