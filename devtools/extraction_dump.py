"""The extractor's whole output as JSON, to diff before and after a change that must not alter it.

`python -m devtools.extraction_dump OUT.json`: every page of seeds/pages and tests/gold/pages
(parse_page on the bytes), every real page of tests/realgold dev, tune_sites and tune_other (parse_page on
the raw text, with the text template and detected), as articles with every field and their
metrics with rule ids, or the NotAnArticle kind; plus each body's metrics without a publication
date. The held-out pages (tests/gold/holdout, tests/realgold/holdout, and the second and third held-out
sets tests/realgold/holdout2 and holdout3) are never written out: only a SHA-256 of their output is printed
(one per held-out set), so a change to it shows without anyone reading them.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from devtools import PROJECT_ROOT

SECOND_HOLDOUT = "holdout2"  # tests/realgold/holdout2: its own hash (the first one's stays comparable)
THIRD_HOLDOUT = "holdout3"  # tests/realgold/holdout3: its own hash too (the first two keep their meaning)


def _sources(holdout: bool, second: bool = False,
             third: bool = False) -> Iterator[tuple[str, bytes | str, dict[str, Any]]]:
    if not holdout:
        for path in sorted((PROJECT_ROOT / "seeds" / "pages").rglob("*")):
            if path.is_file():
                yield str(path.relative_to(PROJECT_ROOT)), path.read_bytes(), {}
    for path in sorted((PROJECT_ROOT / "tests" / "gold" / ("holdout" if holdout else "pages")).rglob("*")):
        if path.is_file() and not (second or third):
            yield str(path.relative_to(PROJECT_ROOT)), path.read_bytes(), {}
    sets = ((THIRD_HOLDOUT,) if third else (SECOND_HOLDOUT,) if second else ("holdout",) if holdout
            else ("dev", "tune_sites", "tune_other"))
    for name in sets:
        for path in sorted((PROJECT_ROOT / "tests" / "realgold" / name / "pages").glob("*.json")):
            page = json.loads(path.read_text(encoding="utf-8"))
            label = str(path.relative_to(PROJECT_ROOT))
            yield label, page["raw_text"], {"url": page.get("url"), "template": "text"}
            yield label + "#detected", page["raw_text"], {"url": page.get("url")}


def dump(holdout: bool = False, second: bool = False, third: bool = False) -> list[dict[str, Any]]:
    """One record per page (and per body without a date): what the extractor made of it (holdout:
    the first held-out set's pages instead; second: the second held-out set's, tests/realgold/holdout2;
    third: the third's, tests/realgold/holdout3)."""
    from transforms.errors import NotAnArticle
    from transforms.metrics import extract_metrics
    from transforms.page import parse_page

    records: list[dict[str, Any]] = []
    for name, content, kwargs in _sources(holdout or second or third, second, third):
        try:
            record: dict[str, Any] = dataclasses.asdict(parse_page(content, **kwargs))
        except NotAnArticle as exc:
            record = {"error": f"{exc.kind}: {exc}"}
        records.append({"name": name, **record})
        if "body" in record:
            records.append({"name": name + "#undated",
                            "metrics": [dataclasses.asdict(m) for m in extract_metrics(record["body"])]})
    return records


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m devtools.extraction_dump OUT.json", file=sys.stderr)
        return 2
    records = dump()
    Path(argv[0]).write_text(json.dumps(records, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    held, second, third = (json.dumps(dump(holdout=True, second=s, third=t), ensure_ascii=False, default=str)
                           for s, t in ((False, False), (True, False), (False, True)))
    print(f"{len(records)} records, {sum(len(r.get('metrics', [])) for r in records)} metrics -> {argv[0]}; "
          f"held-out output sha256 {hashlib.sha256(held.encode()).hexdigest()[:16]}, "
          f"second held-out set {hashlib.sha256(second.encode()).hexdigest()[:16]}, "
          f"third held-out set {hashlib.sha256(third.encode()).hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
