"""`newsetl run` (steps.run_all) crawls the sources side by side, as the DAG's mapped crawl tasks do.

The crawl itself is tested against the mirror elsewhere (test_crawl_mirror, test_reprocess's
fixture, the end-to-end tests); here only the scheduling is replaced: each stand-in crawl waits
on a barrier that only opens when every source's crawl is running at the same time.
"""
from __future__ import annotations

import threading

import pytest

from core import config
from newsetl import steps


def _stages(monkeypatch, tmp_path, crawl):
    calls: list[str] = []
    monkeypatch.setenv(config.ENV_DATA_DIR, str(tmp_path))
    monkeypatch.setattr(steps, "crawl", crawl)
    for stage in ("transform", "validate", "load"):
        monkeypatch.setattr(steps, stage, lambda run_dir, _s=stage, **kw: calls.append(_s) or {_s: True})
    return calls


def test_the_sources_crawl_at_the_same_time_then_the_run_goes_on(monkeypatch, tmp_path):
    names = sorted(steps.resolve_sources())
    assert len(names) >= 2
    together = threading.Barrier(len(names), timeout=20)  # broken if the crawls ran one after another

    def crawl(run_dir, name, **kw):
        together.wait()
        return {"source": name, "articles": {"new": 1}}

    calls = _stages(monkeypatch, tmp_path, crawl)
    result = steps.run_all(run_id="side_by_side", database_url="postgresql://unused")
    assert {n: r["source"] for n, r in result["crawl"].items()} == {n: n for n in names}
    assert list(result["crawl"]) == names              # reported in the registry's order
    assert calls == ["transform", "validate", "load"]  # after every crawl ended


def test_one_failing_crawl_lets_the_others_finish_then_stops_the_run(monkeypatch, tmp_path):
    names = sorted(steps.resolve_sources())
    finished: list[str] = []
    started = threading.Barrier(len(names), timeout=20)

    def crawl(run_dir, name, **kw):
        started.wait()
        if name == names[0]:
            raise RuntimeError(f"crawl of {name} died")
        finished.append(name)
        return {"source": name}

    calls = _stages(monkeypatch, tmp_path, crawl)
    with pytest.raises(RuntimeError, match=f"crawl of {names[0]} died"):
        steps.run_all(run_id="one_fails", database_url="postgresql://unused")
    assert sorted(finished) == names[1:] and calls == []   # no transform of a half-crawled run


def test_a_full_run_still_tells_the_crawl_what_is_stored_so_refetches_are_not_new(monkeypatch, tmp_path):
    # `newsetl run --full` gave the crawl no seen-file: every stored article it fetched again counted as new
    import crawlers.run

    monkeypatch.setenv(config.ENV_DATA_DIR, str(tmp_path))
    handed: dict[str, object] = {}

    def seen_urls_file(run_root, source, database_url):
        path = tmp_path / f"{source}.seen.txt"
        path.write_text("http://www.ningbolife.com/index.php/ningbo-news/1-a.html\n", encoding="utf-8")
        return path

    def run_crawl_subprocess(source, out, full=False, seen_file=None, **kwargs):
        handed.update(full=full, seen_file=seen_file)
        return {"source": source.name, "articles": {"new": 0, "unchanged": 0, "failed": 0}, "articles_refetched": 1}

    monkeypatch.setattr(steps, "seen_urls_file", seen_urls_file)
    monkeypatch.setattr(crawlers.run, "run_crawl_subprocess", run_crawl_subprocess)
    run_dir = steps.prepare_run("full_run")
    steps.crawl(run_dir, "ningbolife", full=True, database_url="postgresql://unused")
    assert handed == {"full": True, "seen_file": tmp_path / "ningbolife.seen.txt"}
