"""The speed comparison counted in instructions, not seconds (`newsetl eval --speed --instructions`).

CPU time on this shared 2-core machine moves the same code by up to 1.7x between runs minutes
apart; valgrind's callgrind counts the instructions a pass executes, which for the same code, input
and hash seed move by about 1% at most, whatever else the machine is doing. Each system runs in its
own child process under callgrind (PYTHONHASHSEED fixed): one warm-up pass over the same pages and bodies as
`devtools.speed`, then one counted pass per stage. The child calls `os.getppid()` between stages,
and callgrind dumps its counters at every call of libc's `getppid` (`--dump-before`), so each
dump holds exactly one stage's instructions. Instructions are not seconds (lxml's C and the
interpreter's loop differ per instruction), so this is the figure to compare one revision of the
Python rules with another; the seconds of `newsetl eval --speed` stay the figure against
trafilatura.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from devtools.speed import PURE_ROW, checkout_roots, write_child_input

STAGES = ("transform", "trafilatura", "rules", "rules_html")
MARKER = "getppid"  # the libc function the child calls between stages; callgrind dumps before each call

# What a child process counts with the code on its PYTHONPATH (an exported revision or this checkout).
_CHILD = r'''
import json, logging, os, sys
logging.disable(logging.CRITICAL)
import trafilatura
from transforms.metrics import extract_metrics
from transforms.page import parse_page
data = json.load(open(sys.argv[1], encoding="utf-8"))
html = [bytes.fromhex(h) for h in data["html"]]
bodies = data["bodies"]
html_bodies = bodies[:data["html_bodies"]]
def run(func, items):
    for item in items:
        try:
            func(item)
        except Exception:
            pass
stages = [("transform", parse_page, html), ("trafilatura", trafilatura.extract, html),
          ("rules", lambda b: extract_metrics(*b), bodies), ("rules_html", lambda b: extract_metrics(*b), html_bodies)]
for _, func, items in stages:
    run(func, items)  # warm-up: imports, compiled patterns, caches
for _, func, items in stages:
    os.getppid()
    run(func, items)
os.getppid()
'''


@dataclass(frozen=True)
class RevisionInstructions:
    """One revision's instructions per stage over the same HTML pages and article bodies."""

    name: str
    pages: int
    bodies: int
    html_bodies: int
    counts: dict[str, int]  # stage -> instructions of its one counted pass

    def per_page(self, stage: str) -> float:
        return self.counts[stage] / self.pages

    def per_body(self, stage: str) -> float:
        return self.counts[stage] / (self.bodies if stage == "rules" else self.html_bodies)

    @property
    def without_rules(self) -> int:
        """The transform's instructions less its rules' on the HTML pages' bodies."""
        return self.counts["transform"] - self.counts["rules_html"]


def count_instructions(root: Path, data: Path, workdir: Path,
                       extra_env: dict[str, str] | None = None) -> dict[str, int]:
    """Instructions of each stage of the child run with `root` on its PYTHONPATH (and `extra_env`), under callgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("error: valgrind not found (Debian package valgrind): instruction counts need callgrind")
    out = workdir / "callgrind.out"
    env = {**os.environ, **(extra_env or {}), "PYTHONPATH": str(root), "PYTHONHASHSEED": "0"}
    subprocess.run([valgrind, "--tool=callgrind", f"--dump-before={MARKER}", f"--callgrind-out-file={out}",
                    sys.executable, "-c", _CHILD, str(data)],
                   cwd=workdir, env=env, check=True, capture_output=True)
    totals = []
    for n in range(1, len(STAGES) + 2):  # dump 1 ends the warm-up; dumps 2.. end one stage each
        text = Path(f"{out}.{n}").read_text(encoding="utf-8", errors="replace")
        totals.append(next(int(line.split()[1]) for line in text.splitlines() if line.startswith("totals:")))
    return dict(zip(STAGES, totals[1:], strict=True))


def compare_revisions(rev: str | None, limit: int | None = None) -> list[RevisionInstructions]:
    """[REV when given, this checkout, its pure-Python rules when they are compiled]
    (`devtools.speed.checkout_roots`), counted on the same input as `devtools.speed.compare_revisions`."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsetl-instructions-") as tmp:
        data = write_child_input(Path(tmp), limit)
        for name, (root, extra) in checkout_roots(rev, Path(tmp)).items():
            workdir = Path(tmp) / f"run-{len(rows)}"
            workdir.mkdir()
            rows.append(RevisionInstructions(name=name, pages=data.pages, bodies=data.bodies,
                                             html_bodies=data.html_bodies,
                                             counts=count_instructions(root, data.path, workdir, extra)))
    return rows


def format_instructions(rows: list[RevisionInstructions]) -> str:
    """The table `newsetl eval --speed --instructions [--against REV]` prints (thousands of instructions)."""
    new = next(row for row in rows if row.name == "this checkout")
    lines = [f"instructions (callgrind, one pass after a warm-up, PYTHONHASHSEED=0): {new.pages} HTML article pages, "
             f"{new.bodies} article bodies; thousands of instructions per item",
             f"{'code':<16}{'transform /page':>17}{'trafilatura /page':>19}{'rules /body':>13}{'w/o rules /page':>17}",
             "-" * 82]
    for row in rows:
        lines.append(f"{row.name[:15]:<16}{row.per_page('transform') / 1e3:>17.0f}"
                     f"{row.per_page('trafilatura') / 1e3:>19.0f}{row.per_body('rules') / 1e3:>13.0f}"
                     f"{row.without_rules / row.pages / 1e3:>17.0f}")
    if rows[0] is not new:
        old = rows[0]
        lines.append(f"this checkout executes {old.counts['transform'] / new.counts['transform']:.2f}x fewer "
                     f"instructions per page than {old.name} in the transform, "
                     f"{old.counts['rules'] / new.counts['rules']:.2f}x fewer per body in the metric rules, "
                     f"{old.without_rules / new.without_rules:.2f}x fewer in the transform without the rules")
    pure = next((row for row in rows if row.name == PURE_ROW), None)
    if pure is not None:
        lines.append(f"the native build (make native) executes {pure.counts['rules'] / new.counts['rules']:.2f}x fewer "
                     f"instructions per body in the metric rules than their Python source, "
                     f"{pure.counts['transform'] / new.counts['transform']:.2f}x fewer per page in the transform")
        if rows[0] is not new:
            lines.append(f"the Python source alone: {rows[0].counts['rules'] / pure.counts['rules']:.2f}x fewer "
                         f"instructions per body in the metric rules than {rows[0].name}")
    return "\n".join(lines)
