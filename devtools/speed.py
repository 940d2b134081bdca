"""Transform speed side by side on the same pages (`newsetl eval --speed`): prints figures, asserts nothing.

Pages: every article page of the offline snapshot (seeds/pages, HTML of both templates)
and the real pages' texts (tests/realgold/*/pages, plain text of other sources too).
Measured in CPU time of this process (time.process_time: on a shared machine the wall clock
also counts the time other jobs hold the cores), best of `repeat` passes each (the least
disturbed), the systems taking turns pass by pass (so a ratio compares passes made under the same load):
- newsetl: the whole transform, page -> Article with its metrics (`transforms.page.parse_page`);
- trafilatura.extract on the same content (main text only, no metrics);
- a bare lxml parse of the HTML pages (the floor any HTML transform pays);
- the metric rules alone per article body (`transforms.metrics.extract_metrics`),
  beside quantulum3's parser on the same bodies;
- the same rules on the HTML pages' bodies (with each page's date, as the transform calls
  them), so the table shows the share of the transform that is not the rules (HTML parse,
  template, boilerplate, dates): what a faster rule engine could not remove.
"""
from __future__ import annotations

import json
import logging
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devtools import PAGES_DIR, PROJECT_ROOT

REALGOLD_DIR = PROJECT_ROOT / "tests" / "realgold"
ARTICLE_PATH_MARKERS = ("/art/", "/ningbo-news/", "/business-news/")
DEFAULT_REPEAT = 5


@dataclass(frozen=True)
class SpeedRow:
    """One measured system: items per second (pages or bodies) and milliseconds per item."""

    name: str
    items: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.items / self.seconds if self.seconds else float("inf")

    @property
    def ms_per_item(self) -> float:
        return 1000 * self.seconds / self.items if self.items else 0.0


def load_pages(pages_dir: Path = PAGES_DIR, realgold_dir: Path = REALGOLD_DIR) -> tuple[list[bytes], list[str]]:
    """(HTML article pages of the snapshot, plain texts of the real article pages)."""
    html = [p.read_bytes() for p in sorted(pages_dir.rglob("*.html"))
            if any(m in p.as_posix() for m in ARTICLE_PATH_MARKERS)]
    texts = []
    for path in sorted(realgold_dir.glob("*/pages/*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        if page.get("kind") == "article":
            texts.append(page["raw_text"])
    return html, texts


def article_bodies(contents: Sequence[bytes | str]) -> list[tuple[str, str | None]]:
    """(body, published) of every page that parses as an article, as the transform hands them to the rules."""
    from transforms.errors import NotAnArticle
    from transforms.page import parse_page

    bodies = []
    for content in contents:
        try:
            article = parse_page(content)
        except NotAnArticle:
            continue
        bodies.append((article.body, article.published))
    return bodies


def one_pass(func: Callable[[object], object], items: Sequence[object]) -> float:
    """One pass of `func` over `items`, in CPU seconds (exceptions count as done)."""
    start = time.process_time()
    for item in items:
        try:
            func(item)
        except Exception:  # noqa: BLE001 - a rejected page costs its time like any other
            pass
    return time.process_time() - start


def best_time(func: Callable[[object], object], items: Sequence[object], repeat: int) -> float:
    """The fastest of `repeat` passes of `func` over `items`, in CPU seconds."""
    return min(one_pass(func, items) for _ in range(repeat))


def best_times(systems: dict[str, tuple[Callable[..., object], Sequence[Any]]],
               repeat: int) -> dict[str, float]:
    """Each system's fastest of `repeat` passes, the systems taking turns pass by pass (A B C A B C ...):
    a ratio of two of them then compares passes made under the same load of the shared machine,
    where one system's passes all made before the other's could meet a quieter or a busier minute."""
    best = {name: float("inf") for name in systems}
    for _ in range(repeat):
        for name, (func, items) in systems.items():
            best[name] = min(best[name], one_pass(func, items))
    return best


def measure(repeat: int = DEFAULT_REPEAT, limit: int | None = None) -> dict[str, SpeedRow]:
    """Every system's best pass over the same pages and bodies (the first `limit` HTML pages and
    texts only, when given: a quick check that every row is measured)."""
    import lxml.html
    import trafilatura

    from transforms.metrics import extract_metrics
    from transforms.page import parse_page

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    html, texts = load_pages()
    html, texts = html[:limit], texts[:limit]
    html_bodies = article_bodies(html)
    bodies = html_bodies + article_bodies(texts)

    def rules(item: tuple[str, str | None]) -> object:  # (body, published)
        return extract_metrics(*item)

    # trafilatura reads HTML only: the side-by-side rows use the HTML pages (the systems take turns)
    systems: dict[str, tuple[Callable[..., object], Sequence[Any]]] = {
        "newsetl transform": (parse_page, html),
        "trafilatura.extract": (trafilatura.extract, html),
        "lxml parse": (lxml.html.fromstring, html),
        "newsetl transform (texts)": (parse_page, texts),
        "rules on the HTML bodies": (rules, html_bodies),
        "newsetl metric rules": (rules, bodies),
    }
    seconds = best_times(systems, repeat)
    rows = {name: SpeedRow(name, len(items), seconds[name]) for name, (_, items) in systems.items()}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as quantulum
        rows["quantulum3 parse"] = SpeedRow("quantulum3 parse", len(bodies),
                                            best_time(quantulum.parse, [body for body, _ in bodies],
                                                      max(1, repeat // 2)))
    except ImportError:  # a runtime-only install has no quantulum3
        pass
    return rows


def format_speed(rows: dict[str, SpeedRow]) -> str:
    """The table `newsetl eval --speed` prints."""
    import transforms

    transform, traf = rows["newsetl transform"], rows["trafilatura.extract"]
    lines = [f"speed (CPU time), best of several passes over the same content, taking turns: {transform.items} "
             f"HTML article pages (seeds/pages), {rows['newsetl transform (texts)'].items} real-page texts "
             f"(tests/realgold), "
             f"the metric rules on every body; the rules' code: {transforms.CODE}",
             f"{'system':<28}{'items':>7}{'items/s':>11}{'ms/item':>10}",
             "-" * 56]
    lines += [f"{r.name:<28}{r.items:>7}{r.per_second:>11.1f}{r.ms_per_item:>10.2f}" for r in rows.values()]
    lines.append(f"newsetl transform / trafilatura.extract pages/s on the HTML pages: "
                 f"{transform.per_second / traf.per_second:.2f}x; "
                 f"lxml parse alone is {rows['lxml parse'].per_second / transform.per_second:.0f}x the transform")
    rules_html = rows.get("rules on the HTML bodies")
    if rules_html is not None and rules_html.items == transform.items:
        rest = max(transform.seconds - rules_html.seconds, 1e-9)
        lines.append(f"the transform without the rules (HTML, template, boilerplate, dates): "
                     f"{1000 * rest / transform.items:.2f} ms/page, {traf.seconds / rest:.2f}x trafilatura.extract; "
                     f"the rules are {rules_html.seconds / transform.seconds:.0%} of the transform")
    if "quantulum3 parse" in rows:
        ratio = rows["quantulum3 parse"].ms_per_item / rows["newsetl metric rules"].ms_per_item
        lines.append(f"newsetl metric rules are {ratio:.1f}x faster per body than quantulum3")
    return "\n".join(lines)


# ------------------------------------------------------------------ against an earlier revision
# What a child process measures with the code on its PYTHONPATH (an exported revision or this
# checkout): any revision that has transforms.page.parse_page and transforms.metrics.extract_metrics;
# the timing loop is this checkout's best_times, imported after the revision's transforms.
_CHILD = r'''
import json, logging, sys
logging.disable(logging.CRITICAL)
import trafilatura
import transforms
from transforms.metrics import extract_metrics
from transforms.page import parse_page
sys.path.append(sys.argv[3])  # this checkout's devtools, after the revision's transforms are imported
from devtools.speed import best_times
data = json.load(open(sys.argv[1], encoding="utf-8"))
html = [bytes.fromhex(h) for h in data["html"]]
repeat = int(sys.argv[2])
html_bodies = data["bodies"][:data["html_bodies"]]
native = getattr(transforms, "CODE", "pure Python (a revision before the native build)")
seconds = best_times({"transform": (parse_page, html), "trafilatura": (trafilatura.extract, html),
                      "rules": (lambda b: extract_metrics(*b), data["bodies"]),
                      "rules_html": (lambda b: extract_metrics(*b), html_bodies)}, repeat)
print(json.dumps({"code": transforms.__path__[0], "native": native,
                  "pages": len(html), "bodies": len(data["bodies"]),
                  "html_bodies": len(html_bodies), **seconds}))
'''


@dataclass(frozen=True)
class RevisionSpeed:
    """One revision's best CPU seconds over the same HTML pages and article bodies."""

    name: str
    code: str  # the transforms package the child imported (proves which code ran)
    native: str  # transforms.CODE: "compiled (mypyc ...)" or "pure Python (why)"
    pages: int
    bodies: int
    html_bodies: int  # the first bodies: those of the HTML pages, as the transform hands them to the rules
    transform: float
    trafilatura: float
    rules: float
    rules_html: float  # the rules on the HTML pages' bodies only

    @property
    def without_rules(self) -> float | None:
        """The transform's seconds less its rules' (HTML, template, boilerplate, dates), when every
        HTML page is an article, so both passes cover the same pages; else None."""
        return self.transform - self.rules_html if self.html_bodies == self.pages else None


def export_revision(rev: str, into: Path) -> Path:
    """`git archive REV` of this repository unpacked into `into` (the code to import)."""
    import io
    import subprocess
    import tarfile

    done = subprocess.run(["git", "-C", str(PROJECT_ROOT), "archive", "--format=tar", rev, "transforms", "core",
                           "seeds"], capture_output=True)
    if done.returncode:
        why = " ".join(done.stderr.decode(errors="replace").split())
        raise RuntimeError(f"--against {rev}: git archive failed: {why}")
    archive = done.stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


@dataclass(frozen=True)
class ChildInput:
    """The input file the child processes of a revision comparison read, and what it holds."""

    path: Path
    pages: int
    bodies: int
    html_bodies: int


def write_child_input(into: Path, limit: int | None = None) -> ChildInput:
    """The snapshot's HTML article pages and the article bodies (with dates) this checkout extracts from
    them and from the real pages' texts (the first `limit` of each when given), written to into/input.json
    for the children of `compare_revisions` and `devtools.instructions`."""
    html, texts = load_pages()
    html, texts = html[:limit], texts[:limit]
    html_bodies = article_bodies(html)
    bodies = html_bodies + article_bodies(texts)
    path = into / "input.json"
    path.write_text(json.dumps({"html": [h.hex() for h in html], "bodies": bodies,
                                "html_bodies": len(html_bodies)}), encoding="utf-8")
    return ChildInput(path=path, pages=len(html), bodies=len(bodies), html_bodies=len(html_bodies))


PURE_ROW = "pure Python"  # the row of this checkout's rules run from their source (NEWSETL_PURE_PYTHON=1)


def checkout_roots(rev: str | None, into: Path) -> dict[str, tuple[Path, dict[str, str]]]:
    """What a comparison runs, name -> (code root, extra environment): REV's exported code (when given),
    this checkout as it runs, and, when its rules are compiled, this checkout's rules from their source."""
    import transforms
    from transforms.native import COMPILED, PURE_ENV

    roots = {rev: (export_revision(rev, into / "rev"), {})} if rev else {}
    roots["this checkout"] = (PROJECT_ROOT, {})
    if transforms.CODE.startswith(COMPILED):
        roots[PURE_ROW] = (PROJECT_ROOT, {PURE_ENV: "1"})
    return roots


def compare_revisions(rev: str, repeat: int = DEFAULT_REPEAT, rounds: int = 2,
                      limit: int | None = None) -> list[RevisionSpeed]:
    """[REV, this checkout, and its pure-Python rules when the checkout's are compiled] on the same
    input: the snapshot's HTML article pages and the article bodies (with dates) this checkout extracts
    from them and from the real pages' texts. The child processes take turns `rounds` times; each
    figure is the best of all its passes."""
    import os
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="newsetl-speed-") as tmp:
        data = write_child_input(Path(tmp), limit).path
        roots = checkout_roots(rev, Path(tmp))
        runs: dict[str, list[dict]] = {name: [] for name in roots}
        for _ in range(rounds):
            for name, (root, extra) in roots.items():
                env = {**os.environ, **extra, "PYTHONPATH": str(root)}
                out = subprocess.run([sys.executable, "-c", _CHILD, str(data), str(repeat), str(PROJECT_ROOT)],
                                     cwd=tmp, env=env,
                                     capture_output=True, text=True, check=True).stdout
                runs[name].append(json.loads(out.strip().splitlines()[-1]))
    rows = []
    for name, results in runs.items():
        first = results[0]
        rows.append(RevisionSpeed(name=name, code=first["code"], native=first["native"], pages=first["pages"],
                                  bodies=first["bodies"], html_bodies=first["html_bodies"],
                                  **{k: min(r[k] for r in results)
                                     for k in ("transform", "trafilatura", "rules", "rules_html")}))
    return rows


TARGET_BASE = "b39115d"  # the revision issue 11's speed targets were set on
TARGET_TRANSFORM = 3.0  # the whole transform: at least this times trafilatura.extract's pages/s
TARGET_RULES = 5.0  # the metric rules: at least this times as fast per body as TARGET_BASE's


def _target_line(transform_ratio: float, rules_ratio: float) -> str:
    def verdict(value: float, bound: float) -> str:
        return "met" if value >= bound else "NOT met"

    return (f"speed targets: transform >= {TARGET_TRANSFORM:g}x trafilatura.extract's pages/s: "
            f"{transform_ratio:.2f}x, {verdict(transform_ratio, TARGET_TRANSFORM)}; "
            f"metric rules >= {TARGET_RULES:g}x {TARGET_BASE}'s per body: "
            f"{rules_ratio:.2f}x, {verdict(rules_ratio, TARGET_RULES)}")


def format_comparison(rows: Sequence[RevisionSpeed]) -> str:
    """The table `newsetl eval --speed --against REV` prints: rows[0] is REV, rows[1] this checkout as
    it runs, and rows[2], when there, this checkout's rules from their Python source."""
    old, new = rows[0], rows[1]
    lines = [f"speed against {old.name} (CPU time, best of all passes, taking turns): {new.pages} HTML "
             f"article pages, {new.bodies} article bodies (as this checkout extracts them)",
             f"{'code':<16}{'transform ms/page':>19}{'trafilatura ms/page':>21}{'ratio':>8}{'rules ms/body':>15}"
             f"{'w/o rules ms/page':>19}",
             "-" * 98]
    for row in rows:
        rest = row.without_rules
        lines.append(f"{row.name[:15]:<16}{1000 * row.transform / row.pages:>19.2f}"
                     f"{1000 * row.trafilatura / row.pages:>21.2f}{row.trafilatura / row.transform:>7.2f}x"
                     f"{1000 * row.rules / row.bodies:>15.2f}"
                     f"{f'{1000 * rest / row.pages:.2f}' if rest is not None else 'n/a':>19}")
    lines += [f"{row.name}: {row.native}" for row in rows[1:]]
    for row in rows[1:]:
        lines.append(f"{row.name}: the transform {old.transform / row.transform:.2f}x as fast as {old.name}'s, "
                     f"the metric rules {old.rules / row.rules:.2f}x as fast per body")
    if old.name == TARGET_BASE:
        for row in rows[1:]:
            verdicts = _target_line(row.trafilatura / row.transform, old.rules / row.rules)
            lines.append(verdicts if row is new else f"({row.name}) {verdicts}")
    old_rest, new_rest = old.without_rules, new.without_rules
    if old_rest is not None and new_rest is not None and new_rest > 0:
        lines.append(f"the transform without the rules (HTML, template, boilerplate, dates; the transform less the "
                     f"rules on the HTML pages' bodies) {old_rest / new_rest:.2f}x as fast as {old.name}'s")
    return "\n".join(lines)
