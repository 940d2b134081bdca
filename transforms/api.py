"""`newsetl extract` in one call: page bytes -> the extract JSON object of docs/CONTRACTS.md."""
from __future__ import annotations

from typing import Any

from transforms.page import parse_page

EXTRACT_FIELDS: tuple[str, ...] = (
    "path", "url", "source", "title", "published", "section", "body", "captions", "language", "metrics",
)


def extract_document(content: bytes, url: str | None = None, path: str | None = None,
                     explain: bool = False) -> dict[str, Any]:
    """Parse one saved page (HTML or seed-format text) into the extract JSON object.

    Keys in contract order (docs/CONTRACTS.md): path, url, source, title, published, section, body,
    captions, language, metrics (contract fields only; with `explain`, each metric also lists
    the ids of the rules that decided it under "rules"), and "warnings" only when the parse
    had to repair something (Article.warnings: the CLI prints them on stderr). Raises NotAnArticle.
    """
    article = parse_page(content, url=url)
    doc: dict[str, Any] = {
        "path": path,
        "url": url,
        "source": article.source,
        "title": article.title,
        "published": article.published,
        "section": article.section,
        "body": article.body,
        "captions": list(article.captions),
        "language": article.language,
        "metrics": [{**m.contract_dict(), **({"rules": list(m.rules)} if explain else {})}
                    for m in article.metrics],
    }
    if article.warnings:
        doc["warnings"] = list(article.warnings)
    return doc
