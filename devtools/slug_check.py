"""The URL-slug title check (transforms/slugs.py) measured on real pages, on any revision's rules.

    python -m devtools.slug_check [--rules-rev REV] [--from ID] [--to ID] [SET ...]

For each labelled page of the realgold SETs (default: dev tune_sites tune_other; never a held-out
set unless named) whose URL has a slug: the title the rules give (this tree's with the URL withheld,
which turns the check off, or with --rules-rev the titles of that git revision's transforms, run in a
subprocess from a `git archive` of it), and the title after the slug check. Printed: slug pages,
titles right before and after, the pages the check changes (fixed / broken / still wrong).

With --rules-rev a revision before a set's pages were tuned on, the pages are unseen by its rules:
`--rules-rev 538c995 --from t412 tune_other` is the check on the 95 pages the three passes after
538c995 added, as the rules stood before they saw them.
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
from transforms.slugs import slug_title, slug_words

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SETS = ("dev", "tune_sites", "tune_other")
# Run by the subprocess on the old revision's tree: each page's title as its parse_page gives it.
OLD_TITLES = """
import json, sys
from transforms.errors import NotAnArticle
from transforms.page import parse_page
titles = []
for page in json.load(sys.stdin):
    try:
        titles.append(parse_page(page["raw_text"], url=page["url"], template="text").title)
    except NotAnArticle:
        titles.append(None)
json.dump(titles, sys.stdout)
"""


def current_titles(pages: list[RealPage]) -> list[str | None]:
    """This tree's titles with the URL withheld (no slug, no check)."""
    from transforms.errors import NotAnArticle
    from transforms.page import parse_page

    titles: list[str | None] = []
    for page in pages:
        try:
            titles.append(parse_page(page.raw_text, template="text").title)
        except NotAnArticle:
            titles.append(None)
    return titles


def titles_at(rev: str, pages: list[RealPage]) -> list[str | None]:
    """The titles of `rev`'s rules (its transforms/ and core/ from `git archive`, pure Python)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "transforms", "core"],
                             check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory() as tree:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tree, filter="data")
        payload = json.dumps([{"raw_text": p.raw_text, "url": p.url} for p in pages])
        done = subprocess.run([sys.executable, "-c", OLD_TITLES], input=payload, capture_output=True, text=True,
                              check=True, cwd=tree, env={"PYTHONPATH": tree, "NEWSETL_PURE_PYTHON": "1"})
    titles: list[str | None] = json.loads(done.stdout)
    return titles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=list(DEFAULT_SETS))
    parser.add_argument("--rules-rev", help="measure the titles of this git revision's rules")
    parser.add_argument("--from", dest="first", default="", help="only pages whose id is at least this")
    parser.add_argument("--to", dest="last", default="~", help="only pages whose id is at most this")
    args = parser.parse_args(argv)
    pages = [page for name in args.sets for page in load_realgold(REALGOLD_DIR / name)
             if args.first <= page.id <= args.last and page.title is not None and slug_words(page.url)]
    before = titles_at(args.rules_rev, pages) if args.rules_rev else current_titles(pages)
    right_before = right_after = 0
    changed: list[str] = []
    for page, title in zip(pages, before):
        named = slug_title(title, page.raw_text.splitlines(), page.url)
        after = title if named is None else named
        gold = normalize_title(page.title)
        was, now = normalize_title(title) == gold, normalize_title(after) == gold
        right_before += was
        right_after += now
        if named is not None:
            verdict = "fixed" if now and not was else "broken" if was and not now else "still wrong" if not now \
                else "unchanged"
            changed.append(f"  {page.id}: {verdict}: {title!r} -> {named!r}")
    rules = f"the rules at {args.rules_rev}" if args.rules_rev else "this tree's rules"
    print(f"{len(pages)} labelled pages with a URL slug ({', '.join(args.sets)}"
          f"{f', ids from {args.first}' if args.first else ''}{f' to {args.last}' if args.last != '~' else ''}); "
          f"titles by {rules}:")
    print(f"  right before the slug check {right_before}/{len(pages)}, after it {right_after}/{len(pages)}; "
          f"the check changes {len(changed)}:")
    print("\n".join(changed) if changed else "  (none)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
