"""How counts read in what people are shown: run summaries, alert mails, logs, warnings.

"1 article", "2 articles", "0 articles", "3 stories": every stage writes a count and its noun
through `counted`, so no message says "article(s)" or "1 articles".
"""
from __future__ import annotations

from typing import Any


def plural(n: Any, one: str, many: str | None = None) -> str:
    """The noun for `n` things: `one` for exactly 1, else `many` (default: `one` + "s")."""
    return one if _number(n) == 1 else many or one + "s"


def counted(n: Any, one: str, many: str | None = None) -> str:
    """"1 article", "2 articles", "0 stories": a count and its noun, in the right number. A value that
    is no number (a summary field gone wrong) is shown as it is, with the plural noun."""
    number = _number(n)
    if number is None:
        return f"{n} {many or one + 's'}"
    return f"{number} {plural(number, one, many)}"


def _number(n: Any) -> int | None:
    """`n` as an int (None and "" count as 0), or None when it is no number."""
    try:
        return int(n or 0)
    except (TypeError, ValueError):
        return None
