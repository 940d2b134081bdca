"""The text pages' two checks measured on real pages, on any revision's rules: the URL-slug title
(transforms/slugs.py) and the dated line beside the headline (transforms/neardate.py).

    python -m devtools.unseen_checks [--rules-rev REV] [--from ID] [--to ID] [SET ...]

REV's transforms (default 54f350e, the last revision without either check) are taken from
`git archive` and run in a subprocess (pure Python) on the labelled pages of the realgold SETs
(default: dev tune_sites tune_other; never a held-out set unless named): each page's title and date
as REV's rules give them (URL given), and its own date (URL withheld). The checks are then applied
as `parse_page` applies them: the slug's line for the title, the dated line beside that title when
the page's own date is None, the URL's date last. Printed, per check: pages, right before and after,
the pages it changes (fixed / broken / still wrong), and for dates the pages labelled without one that
get a date other than their URL's.

With REV a revision before a set's pages were tuned on, the pages are unseen by its rules:
`--rules-rev 31dd53b~1 --from t151 tune_other` is the checks on the pages the seventh tune_other pass
and the later ones added, as the rules stood before that pass.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

from devtools.evaluate import normalize_title
from devtools.realgold import REALGOLD_DIR, RealPage, load_realgold
from transforms.neardate import date_near_title
from transforms.slugs import slug_title, slug_words
from transforms.textutil import url_date

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SETS = ("dev", "tune_sites", "tune_other")
BASE_REV = "54f350e"  # the last revision without either check
# Run by the subprocess on REV's tree: each page's [title, date, own date (URL withheld)].
REV_OUTPUT = """
import json, sys
from transforms.errors import NotAnArticle
from transforms.page import parse_page
rows = []
for page in json.load(sys.stdin):
    try:
        article = parse_page(page["raw_text"], url=page["url"], template="text")
        own = parse_page(page["raw_text"], template="text").published
        rows.append([article.title, article.published, own])
    except NotAnArticle:
        rows.append([None, None, None])
json.dump(rows, sys.stdout)
"""


def outputs_at(rev: str, pages: list[RealPage]) -> list[tuple[str | None, str | None, str | None]]:
    """[title, date, own date] of each page by `rev`'s rules (its transforms/ and core/ from `git archive`)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "transforms", "core"],
                             check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory() as tree:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tree, filter="data")
        payload = json.dumps([{"raw_text": p.raw_text, "url": p.url} for p in pages])
        done = subprocess.run([sys.executable, "-c", REV_OUTPUT], input=payload, capture_output=True, text=True,
                              check=True, cwd=tree, env={"PYTHONPATH": tree, "NEWSETL_PURE_PYTHON": "1"})
    return [(title, date, own) for title, date, own in json.loads(done.stdout)]


def _verdict(was: bool, now: bool) -> str:
    return "fixed" if now and not was else "broken" if was and not now else "still wrong" if not now else "unchanged"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=list(DEFAULT_SETS))
    parser.add_argument("--rules-rev", default=BASE_REV, help="the git revision whose rules give the titles and dates")
    parser.add_argument("--from", dest="first", default="", help="only pages whose id is at least this")
    parser.add_argument("--to", dest="last", default="~", help="only pages whose id is at most this")
    args = parser.parse_args(argv)
    pages = [page for name in args.sets for page in load_realgold(REALGOLD_DIR / name)
             if args.first <= page.id <= args.last]
    rows = outputs_at(args.rules_rev, pages)
    span = f"{', '.join(args.sets)}{f', ids from {args.first}' if args.first else ''}" \
           f"{f' to {args.last}' if args.last != '~' else ''}"
    print(f"{len(pages)} labelled pages ({span}), as the rules at {args.rules_rev} read them")

    titled = [0, 0, 0]  # pages, right before, right after
    dated = [0, 0, 0]
    undated = [0, 0, 0]  # pages labelled without a date, given one other than their URL's before, after
    title_changes: list[str] = []
    date_changes: list[str] = []
    for page, (title, date, own) in zip(pages, rows):
        lines = page.raw_text.splitlines()
        named = slug_title(title, lines, page.url) if title is not None else None
        new_title = title if named is None else named
        new_date = own or (date_near_title(lines, new_title) if title is not None else None) or url_date(page.url)
        if title is None:
            new_date = None
        if page.title is not None and slug_words(page.url):
            gold = normalize_title(page.title)
            was, now = normalize_title(title) == gold, normalize_title(new_title) == gold
            titled[0] += 1
            titled[1] += was
            titled[2] += now
            if named is not None:
                title_changes.append(f"  {page.id}: {_verdict(was, now)}: {title!r} -> {named!r}")
        if page.published is not None:
            was, now = date == page.published, new_date == page.published
            dated[0] += 1
            dated[1] += was
            dated[2] += now
            if new_date != date:
                date_changes.append(f"  {page.id}: {_verdict(was, now)}: {date} -> {new_date} (label {page.published})")
        else:
            url = url_date(page.url)
            undated[0] += 1
            undated[1] += date is not None and date != url
            undated[2] += new_date is not None and new_date != url
            if new_date != date:
                date_changes.append(f"  {page.id}: dated, the label has no date: {date} -> {new_date}")
    print(f"titles (pages whose URL has a slug): right before the slug check {titled[1]}/{titled[0]}, after it "
          f"{titled[2]}/{titled[0]}; the check changes {len(title_changes)}:")
    print("\n".join(title_changes) if title_changes else "  (none)")
    print(f"dates (labelled pages): right before the dated line beside the headline {dated[1]}/{dated[0]}, after it "
          f"{dated[2]}/{dated[0]}; pages labelled without a date given another than their URL's: "
          f"{undated[1]}/{undated[0]} before, {undated[2]}/{undated[0]} after; the check changes {len(date_changes)}:")
    print("\n".join(date_changes) if date_changes else "  (none)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
