"""The one error the transforms raise for input that is not an article page."""
from __future__ import annotations

NOT_AN_ARTICLE_KINDS: frozenset[str] = frozenset(
    {"listing", "empty", "non_english", "binary", "unparseable", "oversized"}
)


class NotAnArticle(Exception):
    """The page cannot become an Article; `kind` says why, the message in one line.

    kind: "listing" (column/blog/feed page), "empty" (no article text), "non_english",
    "binary" (not a text page at all), "unparseable" (text/HTML without a readable article, or
    markup beyond the HTML parser's limits), "oversized" (a page above core.records.MAX_PAGE_BYTES,
    the crawl's download cap: not parsed).
    """

    def __init__(self, kind: str, message: str) -> None:
        if kind not in NOT_AN_ARTICLE_KINDS:
            raise ValueError(f"unknown NotAnArticle kind {kind!r}")
        self.kind = kind
        self.message = " ".join(str(message).split())
        super().__init__(self.message)
