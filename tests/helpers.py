"""Test helpers: build run directories in the docs/ARCHITECTURE.md layout; the demo data; read the warehouse."""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from devtools import PAGES_DIR
from devtools.pg import query  # noqa: F401 - the tests' one-statement helper, shared with the fault harness
from transforms.context import WordFinder

DEFAULT_RUN_ID = "run-001"
FETCHED_AT = "2026-11-20T08:00:00+00:00"
# The offline snapshot's sites (what `make demo` crawls): live host and template.
SNAPSHOT_HOSTS = {"ningbo_gov": "http://english.ningbo.gov.cn/", "ningbolife": "http://www.ningbolife.com/"}
SNAPSHOT_TEMPLATES = {"ningbo_gov": "hanweb", "ningbolife": "joomla"}
SNAPSHOT_FETCHED_AT = "2026-12-02T04:00:00+00:00"
# The fault scenarios' table of a whole session (tests/test_faults.py), one part per xdist worker,
# merged by conftest.pytest_sessionfinish.
ARTIFACTS = Path(__file__).resolve().parents[1] / "build" / "test-artifacts"
FAULTS_ARTIFACT = ARTIFACTS / "faults.json"


def faults_artifact_part(worker: str) -> Path:
    return ARTIFACTS / f"faults.part-{worker}.json"


def content_hash(title: str, body: str) -> str:
    """sha256 hex of title + "\\n" + body (the Article contract)."""
    return hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()


def make_article(url: str, title: str = "Ningbo R&D spending rises", body: str | None = None,
                 source: str = "ningbolife", **fields: Any) -> dict[str, Any]:
    """An accepted article record (staged Article shape)."""
    body = body if body is not None else f"R&D expenditures rose by 17.6% in 2019. ({url})"
    row = {"url": url, "source": source, "title": title, "published": "2020-06-01",
           "section": "Ningbo News", "body": body, "captions": ["A photo (Photo by X)"],
           "language": "en", "word_count": len(body.split()), "content_hash": content_hash(title, body),
           "fetched_at": FETCHED_AT, "run_id": DEFAULT_RUN_ID}
    row.update(fields)
    if "content_hash" not in fields:
        row["content_hash"] = content_hash(row["title"], row["body"])
    return row


def make_metric(article_url: str, position: int = 0, value: float = 17.6, unit: str = "percent",
                **fields: Any) -> dict[str, Any]:
    """An accepted staged metric record."""
    row = {"value": value, "unit": unit, "kind": "change", "subject": "r&d expenditures",
           "period": "2019", "qualifier": None, "text": "17.6%", "article_url": article_url,
           "position": position, "char_start": 23, "char_end": 28, "run_id": DEFAULT_RUN_ID}
    row.update(fields)
    return row


def _write_jsonl(path: Path, rows: Iterable[Mapping[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def make_run_dir(tmp_path: Path, articles: Iterable[Mapping[str, Any]], metrics: Iterable[Mapping[str, Any]],
                 quarantine: Iterable[Mapping[str, Any]] = (), *, run_id: str = DEFAULT_RUN_ID,
                 rejects: Iterable[Mapping[str, Any]] = (), crawl_report: Mapping[str, Any] | None = None,
                 summary: Mapping[str, Any] | None = None) -> Path:
    """Write <tmp_path>/runs/<run_id>/ with validation/{articles,metrics,quarantine}.jsonl,
    staged/rejects.jsonl and, when given, crawl_report.json and validation/summary.json."""
    root = tmp_path / "runs" / run_id
    _write_jsonl(root / "validation" / "articles.jsonl", articles)
    _write_jsonl(root / "validation" / "metrics.jsonl", metrics)
    _write_jsonl(root / "validation" / "quarantine.jsonl", quarantine)
    _write_jsonl(root / "staged" / "rejects.jsonl", rejects)
    if crawl_report is not None:
        (root / "crawl_report.json").write_text(json.dumps(crawl_report), encoding="utf-8")
    if summary is not None:
        (root / "validation" / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    return root


def snapshot_pages() -> list[tuple[str, Path]]:
    """(source, file) of every article page of the offline snapshot (seeds/pages)."""
    pages = [("ningbo_gov", p) for p in sorted((PAGES_DIR / "ningbo_gov").glob("art/**/*.html"))]
    pages += [("ningbolife", p) for p in sorted((PAGES_DIR / "ningbolife").glob("index.php/*/*.html"))
              if re.match(r"^\d+-", p.name)]
    return pages


def demo_rows(run_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The demo data as the pipeline stages it: every snapshot article page transformed
    (`newsetl.steps.transform_page`) under `run_id`; (articles, metrics), ready for make_run_dir."""
    from devtools.build_listings import decode_page
    from newsetl.steps import transform_page

    articles: list[dict[str, Any]] = []
    metrics: list[dict[str, Any]] = []
    for source, path in snapshot_pages():
        page = {"url": SNAPSHOT_HOSTS[source] + path.relative_to(PAGES_DIR / source).as_posix(), "source": source,
                "html": decode_page(path.read_bytes()), "fetched_at": SNAPSHOT_FETCHED_AT}
        row, rows = transform_page(page, run_id, SNAPSHOT_TEMPLATES[source])
        articles.append(row)
        metrics += rows
    return articles, metrics


def passes_in_pure_python(nodeid: str) -> bool:
    """Whether the test `nodeid` ("tests/test_x.py::test_y") passes in a child pytest whose rules are
    imported from their Python source (NEWSETL_PURE_PYTHON=1, transforms/native.py): for a test that
    replaces a module's function to watch the rules call it, which the compiled modules of the native
    build call directly (the source and the build are the same rules: tests/test_native.py)."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", nodeid],
                          cwd=root, env={**os.environ, "NEWSETL_PURE_PYTHON": "1"}, capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stdout[-4000:], done.stderr[-2000:])
    return done.returncode == 0


def joined_words(words: Iterable[str], separators: Iterable[str], max_size: int) -> st.SearchStrategy[str]:
    """Texts of up to `max_size` pieces, each a word of `words` followed by a separator of `separators`: the
    fast paths' property tests generate their texts so (the words and separators each test's own)."""
    return st.lists(st.tuples(st.sampled_from(tuple(words)), st.sampled_from(tuple(separators))),
                    max_size=max_size).map(lambda parts: "".join(word + sep for word, sep in parts))


def assert_words_found_plainly(finder: WordFinder, text: str) -> None:
    """A WordFinder (context) finds in `text`, and in its stretches from a word start to its end and from its start
    to a word end (every third), exactly the words a substring test of each finds there."""
    starts = [match.start() for match in re.finditer(r"\b\w", text)][::3]
    ends = [match.end() for match in re.finditer(r"\w\b", text)][::3]
    for start, end in {(0, len(text)), *((start, len(text)) for start in starts), *((0, end) for end in ends)}:
        plain = [index for index, word in enumerate(finder.words) if word in text[start:end]]
        assert finder.found(text, start, end) == plain, (text[start:end], finder.words)
