"""The ground floor: the site registry (core.sources), the run directory (core.rundir) and how
counts read (core.wording)."""
from __future__ import annotations

import gzip
import io
import json
import re
import tokenize
from pathlib import Path

import pytest
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from core import rundir
from core.sources import (
    Politeness,
    RegistryError,
    Source,
    crawl_settings,
    load_sources,
    registry_text,
    source_for_host,
    source_for_template,
)
from core.wording import counted, plural
from crawlers import settings as crawl_settings_module
from devtools import SOURCES_FILE
from transforms.page import TEMPLATES, source_for

GOLDEN = Path(__file__).resolve().parent / "golden"

SITE_YAML = """
sources:
  {name}:
    site: example.org
    hosts: [example-mirror.net]
    template: {template}
    base_url: http://news.example.org
    listings: [/col/col1/index.html]
    politeness: {{download_delay: 3, concurrent_requests_per_domain: 2, autothrottle: false}}
crawl:
  user_agent: "newsetl-test (contact: nobody@example.org)"
  robotstxt_obey: false
"""


def write_registry(tmp_path: Path, name: str = "example", template: str = "hanweb", extra: str = "") -> Path:
    path = tmp_path / "sources.yml"
    path.write_text(SITE_YAML.format(name=name, template=template) + extra, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- registry
def test_the_shipped_registry_is_the_checkout_file() -> None:
    assert registry_text() == SOURCES_FILE.read_text(encoding="utf-8")


def test_every_key_of_a_site_is_parsed_into_the_typed_spec(tmp_path: Path) -> None:
    path = write_registry(tmp_path)
    [source] = load_sources(path=path).values()
    assert source == Source(
        name="example", site="example.org", template="hanweb", base_url="http://news.example.org",
        live_base_url="http://news.example.org", listings=("/col/col1/index.html",), feeds=(),
        hosts=("example-mirror.net",), spider="", language="en",
        politeness=Politeness(download_delay=3.0, concurrent_requests_per_domain=2, autothrottle=False),
    )
    assert source.spider_name == "hanweb"  # a site of a known template needs no spider of its own
    assert crawl_settings(path).user_agent.startswith("newsetl-test") and not crawl_settings(path).robotstxt_obey
    assert source.owns_host("www.example.org") and source.owns_host("example-mirror.net")
    assert not source.owns_host("example.org.evil.com") and not source.owns_host("notexample.org")


@pytest.mark.parametrize(("replace", "by"), [
    ("    template: hanweb", "    template: hanweb\n    sitte: typo.org"),                 # a misspelt key
    ("{download_delay: 3,", "{delay: 3, download_delay: 3,"),                          # inside politeness
    ("  robotstxt_obey: false", "  robotstxt_obey: false\n  cache: true"),             # inside crawl:
])
def test_an_unknown_key_is_an_error_not_ignored(tmp_path: Path, replace: str, by: str) -> None:
    path = write_registry(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert replace in text
    path.write_text(text.replace(replace, by), encoding="utf-8")
    with pytest.raises(RegistryError, match="unknown key"):
        load_sources(path=path)
        crawl_settings(path)


def test_a_base_url_off_the_site_is_refused(tmp_path: Path) -> None:
    path = write_registry(tmp_path)
    path.write_text(path.read_text().replace("http://news.example.org", "http://elsewhere.com"))
    with pytest.raises(RegistryError, match="not one of the site's hosts"):
        load_sources(path=path)


def test_overrides_point_a_source_at_another_host_and_unknown_names_fail() -> None:
    mirror = load_sources({"ningbo_gov": "http://127.0.0.1:8080"})["ningbo_gov"]
    assert mirror.base_url == "http://127.0.0.1:8080" and mirror.is_loopback
    assert mirror.live_base_url == "http://english.ningbo.gov.cn"
    env = load_sources(env_overrides="ningbolife=http://127.0.0.1:9")["ningbolife"]
    assert env.base_url == "http://127.0.0.1:9"
    with pytest.raises(ValueError, match="unknown source"):
        load_sources({"nope": "http://127.0.0.1:1"})


def test_a_resolved_source_survives_the_trip_to_a_crawl_process() -> None:
    source = load_sources({"ningbolife": "http://127.0.0.1:8081"})["ningbolife"]
    assert Source.from_json(source.to_json()) == source


def test_every_registry_site_has_a_parser_a_spider_and_a_golden_fixture() -> None:
    loader = SpiderLoader.from_settings(Settings(
        {"SPIDER_MODULES": crawl_settings_module.SPIDER_MODULES}).frozencopy())
    for name, source in load_sources().items():
        assert source.template in TEMPLATES, name
        assert loader.load(source.spider_name).name == source.spider_name
        assert (GOLDEN / f"seed_html_{name}.json").is_file(), name
    assert sorted(loader.list()) == ["generic", "hanweb", "joomla"]  # one spider per template


def test_the_transform_finds_sources_through_the_registry() -> None:
    registry = load_sources()
    for name, source in registry.items():
        assert source_for(f"{source.live_base_url}/x.html", None) == name
        assert source_for(f"http://sub.{source.site}/x.html", None) == name
        assert source_for("http://127.0.0.1:8000/x.html", source.template) == name
        assert source_for_template(source.template, registry) is source
    assert source_for("http://unknown.example.com/x.html", "generic") is None
    assert source_for_host("unknown.example.com", registry) is None


def test_a_page_without_a_url_host_gets_the_registry_walks_answer() -> None:
    # source_for keeps its answer per template for a page without a URL host: the same as the walks give
    registry = load_sources()
    for template in sorted({source.template for source in registry.values()}) + ["generic", "text"]:
        for candidate in (template, None, ""):
            found = source_for_host(None, registry) or (source_for_template(candidate, registry) if candidate else None)
            for url in (None, "", "x.html", "http:///x.html", "//"):
                assert source_for(url, candidate) == (found.name if found else None), (url, candidate)


# --------------------------------------------------------------------------- run directory
def test_run_paths_name_every_file_of_the_contract(tmp_path: Path) -> None:
    paths = rundir.run_paths(tmp_path, "run-1")
    assert paths.root == tmp_path / "runs" / "run-1" and paths.run_id == "run-1"
    assert paths.pages("ningbo_gov") == paths.root / "raw" / "ningbo_gov" / "pages.jsonl.gz"
    assert paths.staged_metrics == paths.root / "staged" / "metrics.jsonl"
    assert paths.summary == paths.root / "validation" / "summary.json"
    assert paths.load_result == paths.root / "load_result.json"
    assert rundir.http_validators(rundir.state_root(tmp_path), "x") == tmp_path / "state" / "x" / "http_validators.json"
    for bad in ("", "../x", ".hidden", "a/b"):
        with pytest.raises(ValueError):
            rundir.run_paths(tmp_path, bad)
    assert rundir.safe_run_id("scheduled__2026-11-20T22:00:00+00:00") == "scheduled__2026-11-20T22_00_00_00_00"


def test_json_lines_round_trip_plain_and_gzip(tmp_path: Path) -> None:
    rows = [{"url": "http://x/1", "text": "宁波 12,524"}, {"n": 2}]
    for name in ("a.jsonl", "b.jsonl.gz"):
        assert rundir.write_jsonl(tmp_path / name, rows) == 2
        assert list(rundir.read_jsonl(tmp_path / name)) == rows
    with gzip.open(tmp_path / "b.jsonl.gz", "rt", encoding="utf-8") as fh:  # really gzip
        assert json.loads(fh.readline()) == rows[0]
    assert list(rundir.read_jsonl(tmp_path / "missing.jsonl")) == []
    assert rundir.read_json(tmp_path / "missing.json") is None


def test_a_failed_write_leaves_the_previous_file_and_no_partial(tmp_path: Path) -> None:
    path = tmp_path / "staged" / "articles.jsonl"
    rundir.write_jsonl(path, [{"keep": 1}])

    def broken():
        yield {"new": 1}
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        rundir.write_jsonl(path, broken())
    assert list(rundir.read_jsonl(path)) == [{"keep": 1}]
    assert sorted(p.name for p in path.parent.iterdir()) == ["articles.jsonl"]
    with pytest.raises(TypeError):  # keys must be strings: fails half-way through the dump
        rundir.write_json(tmp_path / "r.json", {"ok": 1, ("not", "a", "key"): 2})
    assert not list(tmp_path.glob("*r.json*"))


# --------------------------------------------------------------------------- one writer per run
def test_a_second_writer_of_a_run_fails_at_once_and_the_lock_dies_with_its_holder(tmp_path: Path) -> None:
    paths = rundir.run_paths(tmp_path, "run-1").make()
    with rundir.exclusive(paths.run_lock, "the transform of run run-1"):
        with pytest.raises(rundir.RunLocked, match=r"the load of run run-1 is already running \(pid \d+"):
            with rundir.exclusive(paths.run_lock, "the load of run run-1"):
                pass
    with rundir.exclusive(paths.run_lock, "the load of run run-1"):  # released on exit
        pass
    with pytest.raises(FileNotFoundError, match="no run directory"):
        with rundir.exclusive(tmp_path / "runs" / "nope" / ".run.lock", "the load of run nope"):
            pass
    assert not (tmp_path / "runs" / "nope").exists()


def test_steps_refuse_a_run_another_process_is_writing(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    from newsetl import steps

    paths = rundir.run_paths(tmp_path, "run-2").make()
    rundir.write_json(paths.crawl_report, {"sources": {}})  # a run: crawled (nothing), then transformed
    rundir.write_jsonl(paths.staged_articles, [])
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from core.rundir import exclusive\n"
        f"with exclusive(Path({str(paths.run_lock)!r}), 'the transform of run run-2'):\n"
        "    print('held', flush=True); time.sleep(60)")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        for step in (steps.transform, steps.validate, steps.load):
            with pytest.raises(rundir.RunLocked, match="run run-2 is already running"):
                step(str(paths.root))
    finally:
        holder.kill()
        holder.wait()
    deadline = time.monotonic() + 10
    while True:  # the holder was killed: its lock is gone with it
        try:
            assert steps.transform(str(paths.root))["pages"] == 0
            break
        except rundir.RunLocked:
            assert time.monotonic() < deadline
            time.sleep(0.1)


@pytest.mark.parametrize("step", ["transform", "validate", "load"])
def test_a_directory_that_is_not_a_run_is_refused_with_one_line_and_nothing_is_created(
        tmp_path: Path, step: str) -> None:
    """`transform /tmp/emptydir` (or the data dir's runs/) printed "0 article pages", exit 0, and made
    raw/, staged/, validation/ and .run.lock there; a validate then recorded a blocked run and queued a
    "crawl outage" alert."""
    from newsetl import cli

    empty = tmp_path / "emptydir"
    empty.mkdir()
    runs = tmp_path / "data" / "runs"
    rundir.write_json(runs / "cli__1" / "crawl_report.json", {"sources": {}})  # a run inside runs/
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    for directory in (empty, runs):
        with pytest.raises(rundir.NotARunDirectory, match=r"is not a run directory: it has no crawl_report.json"):
            rundir.check_run_dir(directory)
        code, err = _cli(cli, [step, str(directory)])
        assert code == 2, err
        assert err == (f"newsetl {step}: {directory} is not a run directory: it has no crawl_report.json, no "
                       f"raw/<source>/pages.jsonl.gz, no staged/ rows and no validation/ result; nothing done\n")
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # nothing created


def _cli(cli, argv: list[str]) -> tuple[int, str]:
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return code, "".join(line + "\n" for line in err.getvalue().splitlines() if " INFO " not in line)


def test_each_step_needs_what_the_step_before_it_wrote(tmp_path: Path) -> None:
    from newsetl import cli, steps

    paths = rundir.run_paths(tmp_path, "run-3").make()
    (paths.raw / "ningbolife").mkdir()
    (paths.raw / "ningbolife" / "crawl.log").write_text("a crawl that died before its report\n")
    rundir.write_json(paths.summary, {"batch_failed": False})  # a run, but nothing crawled or staged
    with pytest.raises(rundir.NotARunDirectory, match=(
            r"^run run-3 has nothing to transform \(no crawl_report.json or raw/\*/pages.jsonl.gz or "
            r"raw/\*/crawl_report.json\): crawl into it \(`newsetl crawl --source NAME --out .*/run-3`\) first")):
        steps.transform(str(paths.root))
    code, err = _cli(cli, ["validate", str(paths.root)])
    assert code == 2 and err == (f"newsetl validate: run run-3 has nothing to validate (no staged/articles.jsonl): "
                                 f"run `newsetl transform {paths.root}` first; nothing done\n")
    assert not paths.run_lock.exists() and not list(paths.staged.iterdir())
    rundir.write_jsonl(paths.pages("ningbolife"), [])  # crawled: an empty archive is still the crawl's output
    assert steps.transform(str(paths.root))["pages"] == 0
    assert paths.staged_articles.is_file()
    with pytest.raises(FileNotFoundError, match="no run directory"):
        rundir.check_run_dir(tmp_path / "nope")


def test_a_recrawl_of_a_source_keeps_the_earlier_attempt(tmp_path: Path) -> None:
    paths = rundir.run_paths(tmp_path, "run-3").make()
    rundir.write_jsonl(paths.pages("ningbo_gov"), [{"url": "http://x/1"}])
    rundir.write_json(paths.source_crawl_report("ningbo_gov"), {"source": "ningbo_gov"})
    kept = paths.keep_previous_attempt("ningbo_gov")
    assert kept is not None and kept.parent == paths.attempts()
    assert list(rundir.read_jsonl(kept / "pages.jsonl.gz")) == [{"url": "http://x/1"}]
    assert not paths.source_raw("ningbo_gov").exists()
    assert paths.all_pages() == []  # an earlier attempt is not read by the transform
    assert paths.keep_previous_attempt("ningbo_gov") is None  # nothing to keep


def test_a_generic_source_needs_a_valid_article_pattern(tmp_path: Path) -> None:
    path = write_registry(tmp_path, template="generic")
    with pytest.raises(RegistryError, match="needs `article_pattern`"):
        load_sources(path=path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    template: generic", "    template: generic\n    article_pattern: '^/(['"),
                    encoding="utf-8")
    with pytest.raises(RegistryError, match="bad article_pattern"):
        load_sources(path=path)
    path.write_text(text.replace("    template: generic", "    template: generic\n    article_pattern: '^/a/\\d+'\n"
                                 "    sitemaps: [/sitemap.xml]"), encoding="utf-8")
    [source] = load_sources(path=path).values()
    assert source.spider_name == "generic" and source.sitemaps == ("/sitemap.xml",)
    assert source.article_pattern == "^/a/\\d+"


@pytest.mark.parametrize(("name", "value", "message"), [
    ("NEWSETL_MAX_QUARANTINE_SHARE", "abc", "NEWSETL_MAX_QUARANTINE_SHARE must be a number, got 'abc'"),
    ("NEWSETL_MIN_QUARANTINED", "1.5", "NEWSETL_MIN_QUARANTINED must be a whole number, got '1.5'"),
    ("NEWSETL_SMTP_TIMEOUT", "abc", "NEWSETL_SMTP_TIMEOUT must be a number, got 'abc'"),
    ("NEWSETL_SMTP_TIMEOUT", "nan", "NEWSETL_SMTP_TIMEOUT must be a finite number, got 'nan'"),
    ("NEWSETL_TASK_RETRY_DELAY", "5m", "NEWSETL_TASK_RETRY_DELAY must be a number, got '5m'"),
    ("NEWSETL_LOCK_TTL", "inf", "NEWSETL_LOCK_TTL must be a finite number, got 'inf'"),
])
def test_a_bad_number_in_the_environment_names_its_variable(monkeypatch, name: str, value: str, message: str) -> None:
    # float("abc")'s own message ("could not convert string to float: 'abc'") named no variable
    from core import config

    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError) as raised:
        config.quarantine_gate(), config.smtp_timeout(), config.task_retry_delay(), config.lock_ttl()
    assert str(raised.value) == message


def test_a_data_dir_on_storage_the_product_does_not_support_is_refused_by_name() -> None:
    # ftp://x/y reached fsspec and failed with "TypeError ... missing ... 'host'" and a stray AttributeError
    with pytest.raises(ValueError, match=r"data dir 'ftp://x/y': a data dir is a local directory .* s3://bucket/prefix"):
        rundir.DataDir("ftp://x/y")
    assert rundir.DataDir("s3://bucket/prefix").remote and rundir.DataDir("file:///tmp/x").local == Path("/tmp/x")


@pytest.mark.parametrize(("n", "expected"), [
    (0, "0 articles"), (1, "1 article"), (2, "2 articles"), ("1", "1 article"), (None, "0 articles"),
    ("n/a", "n/a articles"),  # a summary field that is no number is shown as it is
])
def test_a_count_reads_with_its_noun_in_the_right_number(n: object, expected: str) -> None:
    assert counted(n, "article") == expected


def test_an_irregular_plural_is_given_by_the_caller() -> None:
    assert (counted(1, "story", "stories"), counted(3, "story", "stories")) == ("1 story", "3 stories")
    assert (plural(1, "is", "are"), plural(2, "is", "are"), plural(0, "key")) == ("is", "are", "keys")


RUNTIME_PACKAGES = ("core", "crawlers", "dags", "expectations", "newsetl", "transforms", "warehouse")
HEDGED_PLURAL_RE = re.compile(r"[a-z]\(s\)")  # "article(s)", "row(s)"; "http(s)" is a URL scheme


def test_no_message_hedges_its_plural() -> None:
    """Summaries, mails, logs and errors say "1 row" / "2 rows" (core.wording.counted), never "row(s)":
    every string literal of the runtime code is read (comments and docstrings may still say it)."""
    root = Path(__file__).resolve().parent.parent
    hedged = []
    for package in RUNTIME_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
            previous = None
            for token in tokens:
                is_docstring = previous in (None, tokenize.INDENT, tokenize.NEWLINE, tokenize.NL)
                if token.type == tokenize.STRING and not is_docstring:  # (an f-string is one STRING in 3.11)
                    text = token.string.replace("http(s)", "")
                    if HEDGED_PLURAL_RE.search(text):
                        hedged.append(f"{path.relative_to(root)}:{token.start[0]}: {token.string[:80]}")
                if token.type not in (tokenize.COMMENT, tokenize.NL):
                    previous = token.type
    assert not hedged, "\n".join(hedged)
