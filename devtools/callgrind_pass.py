"""The per-function profile behind the speed passes' figures in docs/MEASUREMENTS.md ("harness ... built").

One or more warm passes of the transform (transforms.page.parse_page) over the snapshot's 48 HTML article
pages (`devtools.speed.load_pages`), then one counted pass; the process calls `os.getppid()` around the
counted pass, so under callgrind with `--dump-before=getppid` the second dump holds exactly that pass:

    PYTHONPATH=$PWD PYTHONHASHSEED=0 valgrind --tool=callgrind --dump-before=getppid \\
        --callgrind-out-file=/tmp/cg.%p .venv/bin/python -m devtools.callgrind_pass 1
    callgrind_annotate --inclusive=yes /tmp/cg.<pid>.2      # PROGRAM TOTALS: the pass's instructions

(`newsetl eval --speed --instructions` counts the same pass per page beside trafilatura, without the
per-function table.) Build the native modules first (`make native`): an edited, unbuilt module runs
from its source and the counts are those of pure Python.
"""
from __future__ import annotations

import logging
import os
import sys

from devtools.speed import load_pages


def main(warm: int = 2) -> None:
    from transforms.page import parse_page

    logging.disable(logging.CRITICAL)
    html, _ = load_pages()

    def one_pass() -> None:
        for page in html:
            try:
                parse_page(page)
            except Exception:  # noqa: BLE001 - a rejected page costs its instructions like any other
                pass

    for _ in range(warm):
        one_pass()
    os.getppid()  # callgrind dumps here: the dump before holds the imports and warm passes
    one_pass()
    os.getppid()  # and here: the second dump holds the counted pass alone


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
