"""`newsetl bench`: the whole pipeline on N generated articles, stage by stage (prints figures).

1. Generate N articles in both sites' markup from the snapshot's article pages
   (seeds/pages): each copy gets its own URL, title and numbers (the digits of its
   paragraphs redrawn), and the listings (Hanweb records, Joomla blog pages with paging,
   feeds) are built from them by devtools.build_listings, as the snapshot's are.
2. Serve them with the mirror (loopback: no politeness delay) and run the real CLI
   stages as child processes on a fresh database of an embedded Postgres: `crawl` (per
   source), `transform`, `validate --no-alert`, `load`. Each stage's wall time and peak
   RSS (the child's own, from wait4) are recorded; e2e = their sum, start-up included,
   as Airflow tasks pay it. Then `run` again with nothing new: the incremental rerun.
   The same at N/10 first, so peak RSS can be compared across sizes.
3. Side by side on the same generated pages: this project's transform,
   trafilatura.extract and a bare lxml parse; the metric rules and quantulum3's parser
   on the same bodies, in CPU time of the bench process. The systems take turns pass by
   pass, so a busy moment of the machine falls on all of them alike.
4. The load beside a raw COPY of the same accepted rows into the same tables
   (devtools.bench_load.raw_copy_into_schema); load seconds from the load's own timer.

Every figure is the median of `repeat` repetitions (default 3): step 2 runs `repeat`
times per size, each on a fresh database and data dir (the corpus is generated once per
size), and step 3 times `repeat` passes per system. The JSON keeps each figure's
repetitions under "repetitions" (lowest, median, highest), so the spread is visible.

Nothing is asserted: targets are printed beside the figures (issue: transform >= 3x
trafilatura, load >= 0.6x COPY, validation <= 15% of e2e, 10,000 articles < 60 s,
incremental < 20 s, peak RSS within 20% from N/10 to N).
"""
from __future__ import annotations

import json
import logging
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devtools import PAGES_DIR
from devtools.build_listings import (
    ARTICLE_TITLE_XPATH,
    GOV_ARTICLE_GLOB,
    GOV_ARTICLE_NAME_RE,
    GOV_SOURCE,
    LIFE_ARTICLE_RE,
    LIFE_SOURCE,
    build,
)

DEFAULT_ARTICLES = 10_000
SAMPLE_PAGES = 300      # pages for the side-by-side transform rows
SAMPLE_BODIES = 40      # bodies for the metric rules vs quantulum3 (quantulum3: ~0.2 s a body)
ID_STRIDE = 1_000_000   # copy k of an article gets id + k * ID_STRIDE
PARAGRAPH_RE = re.compile(r"(<p\b[^>]*>)(.*?)(</p>)", re.S | re.I)
TAG_OR_ENTITY_RE = re.compile(r"<[^>]*>|&#?\w+;")
DIGIT_RE = re.compile(r"\d")
STAGES = ("crawl", "transform", "validate", "load")


# ------------------------------------------------------------------ the corpus
def _redraw_digits(paragraph: str, rng: random.Random) -> str:
    """The paragraph with every digit of its text (not of its tags or entities) redrawn."""
    out, pos = [], 0
    for m in TAG_OR_ENTITY_RE.finditer(paragraph):
        out.append(DIGIT_RE.sub(lambda _d: str(rng.randint(1, 9)), paragraph[pos:m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(DIGIT_RE.sub(lambda _d: str(rng.randint(1, 9)), paragraph[pos:]))
    return "".join(out)


def _variant(html: str, old_key: str, new_key: str, title: str, k: int, rng: random.Random) -> str:
    """Copy k of an article page: its URL key, title and paragraph numbers changed."""
    html = html.replace(old_key, new_key)
    assert title, "no title to vary"
    for form in {title, title.replace("&", "&amp;"), title.replace("'", "&#39;")}:
        html = html.replace(form, f"{form} ({k})")
    return PARAGRAPH_RE.sub(lambda m: m.group(1) + _redraw_digits(m.group(2), rng) + m.group(3), html)


def _title(html: str) -> str:
    import lxml.html

    doc = lxml.html.fromstring(html)
    for meta in doc.iter("meta"):
        if (meta.get("name") or "").lower() == "articletitle":
            return (meta.get("content") or "").strip()
    heads = doc.xpath(ARTICLE_TITLE_XPATH)  # Joomla: the item page's heading
    if not heads:
        raise ValueError("a snapshot article without a title")
    return " ".join(heads[0].text_content().split())


def _read(path: Path) -> tuple[str, str]:
    """A snapshot page's text and the encoding it is stored in (UTF-8, else GB18030, as the sites)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "gb18030"


def generate(out: Path, n: int, seed: int = 0, pages_dir: Path = PAGES_DIR) -> int:
    """Write n article pages (and their listings) in both sites' markup under `out`; return n."""
    rng = random.Random(seed)
    originals: list[tuple[Path, str, str, str]] = []  # (path under pages_dir, key in the URL, markup, its encoding)
    for path in sorted((pages_dir / GOV_SOURCE).glob(GOV_ARTICLE_GLOB)):
        if GOV_ARTICLE_NAME_RE.match(path.name):
            originals.append((path.relative_to(pages_dir), path.stem, *_read(path)))
    for path in sorted((pages_dir / LIFE_SOURCE).glob("index.php/*/*.html")):
        if LIFE_ARTICLE_RE.match(path.relative_to(pages_dir / LIFE_SOURCE).as_posix()):
            originals.append((path.relative_to(pages_dir), path.stem, *_read(path)))
    gov = [o for o in originals if o[0].parts[0] == GOV_SOURCE]
    life = [o for o in originals if o[0].parts[0] == LIFE_SOURCE]
    originals = [o for pair in zip(gov, life) for o in pair] + gov[len(life):] + life[len(gov):]  # both sites from 2 on
    if out.exists():
        shutil.rmtree(out)
    for source in (GOV_SOURCE, LIFE_SOURCE):  # robots.txt and any other non-article file
        for path in (pages_dir / source).rglob("*"):
            rel = path.relative_to(pages_dir)
            if path.is_file() and "art" not in rel.parts and "index.php" not in rel.parts:
                (out / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, out / rel)
    for i in range(n):
        rel, key, html, encoding = originals[i % len(originals)]
        k = i // len(originals)
        if rel.parts[0] == GOV_SOURCE:
            m = GOV_ARTICLE_NAME_RE.match(rel.name)
            assert m is not None
            new_key = f"art_{m.group('col')}_{int(m.group('id')) + k * ID_STRIDE}"
        else:
            ident, _, slug = key.partition("-")
            new_key = f"{int(ident) + k * ID_STRIDE}-{slug}"
        text = _variant(html, key, new_key, _title(html), k, rng) if k else html
        target = out / rel.with_name(new_key + rel.suffix)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode(encoding))
    for path, data in build(out).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return n


# ------------------------------------------------------------------ running the stages
@dataclass
class StageRun:
    """One CLI stage as a child process: wall seconds, the child's peak RSS, its JSON result."""

    name: str
    seconds: float
    peak_rss_mb: float
    result: Any = None


def run_stage(name: str, args: list[str], env: Mapping[str, str]) -> StageRun:
    """`newsetl <args> --json` as a child process; raises with its stderr tail if it fails."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "newsetl.cli", *args, "--json"], stdout=out, stderr=err,
                                env=dict(env))
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            tail = err.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"bench stage {name} failed (exit {proc.returncode}): {tail}")
        text = out.read().decode()
    return StageRun(name, seconds, usage.ru_maxrss / 1024, json.loads(text) if text.strip() else None)


@dataclass
class PipelineRun:
    """The stages of one whole run of N articles, then the incremental rerun."""

    articles: int
    stages: dict[str, StageRun] = field(default_factory=dict)
    incremental: StageRun | None = None
    run_dir: Path | None = None
    copy_seconds: float = 0.0  # the raw COPY of the same accepted rows into the same tables

    @property
    def e2e_seconds(self) -> float:
        return sum(s.seconds for s in self.stages.values())


def run_pipeline(n: int, pages: Path, work: Path, server_url: str) -> PipelineRun:
    """Serve the n generated articles under `pages` and run crawl -> transform -> validate -> load
    into a fresh database and data dir under `work`, then `run` again (the incremental rerun)."""
    from core import config
    from devtools.bench_load import fresh_database
    from devtools.mirror import start_mirror

    data = Path(tempfile.mkdtemp(prefix=f"data_{n}_", dir=work))
    run_dir = data / "runs" / f"bench_{n}"
    result = PipelineRun(articles=n, run_dir=run_dir)
    with fresh_database(server_url) as url, start_mirror(pages_dir=pages) as mirror:
        env = {**os.environ, config.ENV_DATA_DIR: str(data), config.ENV_DATABASE_URL: url,
               config.ENV_BASE_URLS: mirror.env_value()}
        env.pop(config.ENV_ALERT_EMAILS, None)
        crawls = [run_stage("crawl", ["crawl", "--source", s, "--out", str(run_dir), "--full"], env)
                  for s in (GOV_SOURCE, LIFE_SOURCE)]
        result.stages["crawl"] = StageRun("crawl", sum(c.seconds for c in crawls),
                                          max(c.peak_rss_mb for c in crawls), [c.result for c in crawls])
        result.stages["transform"] = run_stage("transform", ["transform", str(run_dir)], env)
        result.stages["validate"] = run_stage("validate", ["validate", "--no-alert", str(run_dir)], env)
        result.stages["load"] = run_stage("load", ["load", str(run_dir)], env)
        result.incremental = run_stage("run", ["run", "--run-id", f"bench_{n}_again"], env)
        result.copy_seconds = _copy_baseline(server_url, run_dir)
    shutil.rmtree(data, ignore_errors=True)  # the next repetition starts from nothing
    return result


def _copy_baseline(server_url: str, run_dir: Path) -> float:
    from devtools.bench_load import raw_copy_into_schema

    return raw_copy_into_schema(server_url, run_dir, run_dir.name)


@contextmanager
def embedded_server(work: Path) -> Iterator[str]:
    from warehouse.embedded import start_embedded, stop_embedded

    data = work / "pg"
    try:
        yield start_embedded(data, cleanup_mode="delete")
    finally:
        stop_embedded(data)


# ------------------------------------------------------------------ side by side
System = tuple[Callable[[Any], Any], Sequence[Any]]  # a function and the items of one pass


def pass_times(systems: Mapping[str, System], repeat: int) -> dict[str, list[float]]:
    """CPU seconds of this process for each of `repeat` passes of each system over its items (as
    `newsetl eval --speed`: on a shared machine the wall clock measures the neighbours), the systems
    taking turns pass by pass (exceptions count as done: a rejected page costs its time like any other)."""
    times: dict[str, list[float]] = {name: [] for name in systems}
    for _ in range(repeat):
        for name, (func, items) in systems.items():
            start = time.process_time()
            for item in items:
                try:
                    func(item)
                except Exception:  # noqa: BLE001
                    pass
            times[name].append(time.process_time() - start)
    return times


def side_by_side(pages_dir: Path, repeat: int) -> dict[str, tuple[int, list[float]]]:
    """(items, seconds of each pass) of each system on the same generated article pages and bodies."""
    import lxml.html
    import trafilatura

    from transforms.errors import NotAnArticle
    from transforms.metrics import extract_metrics
    from transforms.page import parse_page

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    files = sorted(p for p in pages_dir.rglob("*.html")
                   if "/art/" in p.as_posix() or re.search(r"/index\.php/[^/]+/\d+-", p.as_posix()))
    html = [p.read_bytes() for p in random.Random(1).sample(files, min(SAMPLE_PAGES, len(files)))]
    bodies = []
    for page in html[:SAMPLE_BODIES]:
        try:
            bodies.append(parse_page(page).body)
        except NotAnArticle:
            continue
    systems: dict[str, System] = {
        "newsetl transform": (parse_page, html),
        "trafilatura.extract": (trafilatura.extract, html),
        "lxml parse": (lxml.html.fromstring, html),
        "newsetl metric rules": (extract_metrics, bodies),
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as quantulum
        systems["quantulum3 parse"] = (quantulum.parse, bodies)
    except ImportError:
        pass
    return {name: (len(systems[name][1]), seconds) for name, seconds in pass_times(systems, repeat).items()}


# ------------------------------------------------------------------ report
def _pipeline_figures(run: PipelineRun) -> dict[str, float | None]:
    """The figures of one repetition of the pipeline at one size."""
    load = run.stages["load"].result or {}
    validate = run.stages["validate"].result or {}
    rows = int(validate.get("articles_accepted", 0)) + int(validate.get("metrics_accepted", 0))
    load_seconds = float(load.get("seconds") or run.stages["load"].seconds)
    validate_s = run.stages["validate"].seconds
    crawl_s = run.stages["crawl"].seconds
    responses = sum(sum(((r or {}).get("responses_by_status") or {}).values()) for r in run.stages["crawl"].result)
    e2e = run.e2e_seconds
    out: dict[str, float | None] = {
        "e2e_articles": int(load.get("articles_inserted", 0)) + int(load.get("articles_updated", 0))
        + int(load.get("articles_unchanged", 0)),
        "e2e_seconds": e2e,
        "incremental_seconds": run.incremental.seconds if run.incremental else None,
        "crawl_pages_per_s": responses / crawl_s if crawl_s else None,
        "validate_seconds": validate_s,
        "validate_share_of_e2e": validate_s / e2e if e2e else None,
        "validate_rows_per_s": rows / validate_s if validate_s else None,
        "load_rows": rows,
        "load_rows_per_s": rows / load_seconds if load_seconds else None,
        "copy_rows_per_s": rows / run.copy_seconds if run.copy_seconds else None,
    }
    for name, stage in run.stages.items():
        out[f"stage_seconds.{name}"] = stage.seconds
        out[f"peak_rss_mb.{name}"] = stage.peak_rss_mb
    return out


def _spread(values: Sequence[float | None]) -> dict[str, float] | None:
    present = sorted(v for v in values if v is not None)
    if not present:
        return None
    return {"lowest": present[0], "median": statistics.median(present), "highest": present[-1]}


def _medians(per_repetition: Sequence[Mapping[str, float | None]]) -> dict[str, dict[str, float] | None]:
    return {key: _spread([r.get(key) for r in per_repetition]) for key in per_repetition[0]}


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def figures(small: Sequence[PipelineRun], big: Sequence[PipelineRun],
            speed: Mapping[str, tuple[int, Sequence[float]]]) -> dict[str, Any]:
    """The JSON document of one bench run: medians over the repetitions (pipeline runs at each
    size, passes of each side-by-side system), and the spread of each under "repetitions"."""
    at_n = _medians([_pipeline_figures(run) for run in big])
    at_tenth = _medians([_pipeline_figures(run) for run in small])
    passes = {name: _spread([items / seconds if seconds else None for seconds in times])
              for name, (items, times) in speed.items()}

    def median(table: Mapping[str, dict[str, float] | None], key: str, digits: int) -> float | None:
        spread = table.get(key)
        return _round(spread["median"], digits) if spread else None

    doc: dict[str, Any] = {
        "articles": big[0].articles,
        "repeat": len(big),
        "e2e_articles": int(median(at_n, "e2e_articles", 0) or 0),
        "e2e_seconds": median(at_n, "e2e_seconds", 2),
        "incremental_seconds": median(at_n, "incremental_seconds", 2),
        "crawl_pages_per_s": median(at_n, "crawl_pages_per_s", 1),
        "transform_pages_per_s": median(passes, "newsetl transform", 1),
        "trafilatura_pages_per_s": median(passes, "trafilatura.extract", 1),
        "lxml_pages_per_s": median(passes, "lxml parse", 1),
        "metric_rules_bodies_per_s": median(passes, "newsetl metric rules", 1),
        "quantulum3_bodies_per_s": median(passes, "quantulum3 parse", 2),
        "validate_seconds": median(at_n, "validate_seconds", 2),
        "validate_share_of_e2e": median(at_n, "validate_share_of_e2e", 3),
        "validate_rows_per_s": median(at_n, "validate_rows_per_s", 1),
        "load_rows": int(median(at_n, "load_rows", 0) or 0),
        "load_rows_per_s": median(at_n, "load_rows_per_s", 1),
        "copy_rows_per_s": median(at_n, "copy_rows_per_s", 1),
        "stage_seconds": {name: median(at_n, f"stage_seconds.{name}", 2) for name in big[0].stages},
        "peak_rss_mb": {name: median(at_n, f"peak_rss_mb.{name}", 1) for name in big[0].stages},
        "peak_rss_mb_at_tenth": {name: median(at_tenth, f"peak_rss_mb.{name}", 1) for name in small[0].stages},
        "articles_at_tenth": small[0].articles,
        "repetitions": {
            "at_n": {k: v and {s: round(x, 3) for s, x in v.items()} for k, v in at_n.items()},
            "at_tenth": {k: v and {s: round(x, 3) for s, x in v.items()} for k, v in at_tenth.items()},
            "per_s_side_by_side": {k: v and {s: round(x, 3) for s, x in v.items()} for k, v in passes.items()},
        },
    }
    doc["transform_peak_rss_mb"] = doc["peak_rss_mb"]["transform"]
    return doc


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}x" if a and b else "n/a"


def format_table(doc: Mapping[str, Any]) -> str:
    rss, rss_small = doc["peak_rss_mb"], doc["peak_rss_mb_at_tenth"]
    lines = [
        f"newsetl bench: {doc['articles']} generated articles (both sites' markup), mirror on loopback, "
        f"embedded Postgres; stages as CLI child processes; medians of {doc['repeat']} repetitions",
        f"{'stage':12s} {'seconds':>9s} {'lowest-highest':>15s} {'peak RSS MB':>12s} {'at N/10 MB':>11s}",
    ]
    spread = doc["repetitions"]["at_n"]
    for name in STAGES:
        low_high = spread.get(f"stage_seconds.{name}") or {}
        span = f"{low_high.get('lowest', 0):.2f}-{low_high.get('highest', 0):.2f}"
        lines.append(f"{name:12s} {doc['stage_seconds'][name]:9.2f} {span:>15s} "
                     f"{rss[name]:12.1f} {rss_small[name]:11.1f}")
    lines += [
        f"end to end: {doc['e2e_articles']} articles in {doc['e2e_seconds']:.1f} s "
        f"({doc['e2e_articles'] / doc['e2e_seconds']:.1f} articles/s; target 10,000 in < 60 s); "
        f"incremental rerun with nothing new {doc['incremental_seconds']:.1f} s (target < 20 s)",
        f"crawl {doc['crawl_pages_per_s']} responses/s; validation {doc['validate_seconds']:.1f} s = "
        f"{100 * (doc['validate_share_of_e2e'] or 0):.1f}% of e2e (target <= 15%), {doc['validate_rows_per_s']} rows/s",
        f"load {doc['load_rows_per_s']} rows/s vs raw COPY into the same tables {doc['copy_rows_per_s']} rows/s: "
        f"{_ratio(doc['load_rows_per_s'], doc['copy_rows_per_s'])} (target >= 0.6x)",
        f"transform {doc['transform_pages_per_s']} pages/s vs trafilatura.extract {doc['trafilatura_pages_per_s']}: "
        f"{_ratio(doc['transform_pages_per_s'], doc['trafilatura_pages_per_s'])} (target >= 3x); "
        f"bare lxml parse {doc['lxml_pages_per_s']} pages/s",
        f"metric rules {doc['metric_rules_bodies_per_s']} bodies/s vs quantulum3 {doc['quantulum3_bodies_per_s']}",
        "peak RSS from N/10 to N: "
        + ", ".join(f"{name} {_ratio(rss[name], rss_small[name])}" for name in STAGES)
        + " (target: within 1.2x)",
    ]
    return "\n".join(lines)


def bench(n: int = DEFAULT_ARTICLES, repeat: int = 3, work: Path | None = None) -> dict[str, Any]:
    """The whole benchmark (`repeat` repetitions of each measurement); returns the JSON document."""
    if repeat < 1:
        raise ValueError("--repeat must be at least 1")
    owned = work is None
    work = work or Path(tempfile.mkdtemp(prefix="newsetl-bench-"))
    try:
        runs: dict[int, list[PipelineRun]] = {}
        with embedded_server(work) as server:
            for size in (max(1, n // 10), n):
                pages = work / f"pages_{size}"
                generate(pages, size)
                runs[size] = []
                for rep in range(repeat):
                    print(f"bench: {size} articles, repetition {rep + 1} of {repeat}", file=sys.stderr, flush=True)
                    runs[size].append(run_pipeline(size, pages, work, server))
        return figures(runs[max(1, n // 10)], runs[n], side_by_side(work / f"pages_{n}", repeat))
    finally:
        if owned:
            shutil.rmtree(work, ignore_errors=True)


def main(n: int, json_path: str | None, repeat: int) -> int:
    doc = bench(n, repeat)
    print(format_table(doc))
    if json_path:
        Path(json_path).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {json_path}")
    return 0
