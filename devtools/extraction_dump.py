"""The extractor's whole output as JSON, to diff before and after a change that must not alter it.

`python -m devtools.extraction_dump OUT.json`: every page of seeds/pages and tests/gold/pages
(parse_page on the bytes), every real page of tests/realgold dev, tune_sites and tune_other (parse_page on
the raw text, with the text template and detected), as articles with every field and their
metrics with rule ids, or the NotAnArticle kind; plus each body's metrics without a publication
date. The held-out pages (tests/gold/holdout, tests/realgold/holdout, and the second to fifteenth held-out sets
tests/realgold/holdout2, holdout3, holdout4, holdout5, holdout6, holdout7, holdout8, holdout9, holdout10, holdout11,
holdout12, holdout13, holdout14 and holdout15) are never written out: only a SHA-256 of their output is printed (one
per held-out set), so a change to it shows without anyone reading them.
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

# Each held-out set's output is hashed on its own (tests/realgold/holdout with tests/gold/holdout, then
# holdout2, holdout3, holdout4, holdout5, holdout6, holdout7, holdout8, holdout9, holdout10, holdout11, holdout12,
# holdout13, holdout14, holdout15: a later set added leaves the earlier hashes comparable), and the printed names.
HELD_OUT_SETS = (("holdout", "held-out output sha256"), ("holdout2", "second held-out set"),
                 ("holdout3", "third held-out set"), ("holdout4", "fourth held-out set"),
                 ("holdout5", "fifth held-out set"), ("holdout6", "sixth held-out set"),
                 ("holdout7", "seventh held-out set"), ("holdout8", "eighth held-out set"),
                 ("holdout9", "ninth held-out set"), ("holdout10", "tenth held-out set"),
                 ("holdout11", "eleventh held-out set"), ("holdout12", "twelfth held-out set"),
                 ("holdout13", "thirteenth held-out set"), ("holdout14", "fourteenth held-out set"),
                 ("holdout15", "fifteenth held-out set"))


def _sources(held: str | None) -> Iterator[tuple[str, bytes | str, dict[str, Any]]]:
    """The pages of the tuned sets (held None: seeds, tests/gold/pages, dev, tune_sites, tune_other) or of
    one held-out set (tests/gold/holdout comes with the first)."""
    if held is None:
        for path in sorted((PROJECT_ROOT / "seeds" / "pages").rglob("*")):
            if path.is_file():
                yield str(path.relative_to(PROJECT_ROOT)), path.read_bytes(), {}
    if held in (None, HELD_OUT_SETS[0][0]):
        for path in sorted((PROJECT_ROOT / "tests" / "gold" / ("holdout" if held else "pages")).rglob("*")):
            if path.is_file():
                yield str(path.relative_to(PROJECT_ROOT)), path.read_bytes(), {}
    for name in (held,) if held else ("dev", "tune_sites", "tune_other"):
        for path in sorted((PROJECT_ROOT / "tests" / "realgold" / name / "pages").glob("*.json")):
            page = json.loads(path.read_text(encoding="utf-8"))
            label = str(path.relative_to(PROJECT_ROOT))
            yield label, page["raw_text"], {"url": page.get("url"), "template": "text"}
            yield label + "#detected", page["raw_text"], {"url": page.get("url")}


def dump(held: str | None = None) -> list[dict[str, Any]]:
    """One record per page (and per body without a date): what the extractor made of it (held: the pages
    of that held-out set of HELD_OUT_SETS instead)."""
    from transforms.errors import NotAnArticle
    from transforms.metrics import extract_metrics
    from transforms.page import parse_page

    records: list[dict[str, Any]] = []
    for name, content, kwargs in _sources(held):
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
    hashes = ", ".join(
        f"{label} {hashlib.sha256(json.dumps(dump(held), ensure_ascii=False, default=str).encode()).hexdigest()[:16]}"
        for held, label in HELD_OUT_SETS)
    print(f"{len(records)} records, {sum(len(r.get('metrics', [])) for r in records)} metrics -> {argv[0]}; {hashes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
