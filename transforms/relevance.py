"""Sci-tech relevance: a score and flag per article so analysts can filter.

Nothing is dropped on this score: every article of the configured columns/categories is
loaded, with `scitech` true or false. The score counts distinct sci-tech terms per
100 words of title + body, with title hits counted double.
"""
from __future__ import annotations

import re

# Terms that mark science/technology/innovation news (lowercase, matched on word bounds).
SCITECH_TERMS: tuple[str, ...] = (
    "r&d", "research and development", "innovation", "innovative", "high-tech", "hi-tech",
    "high-tech enterprises", "technology", "technological", "science", "scientific", "scientist",
    "patent", "patents", "laboratory", "laboratories", "incubator", "start-up", "start-ups",
    "artificial intelligence", "robot", "robotics", "5g", "semiconductor", "new materials",
    "industrial internet", "intelligent manufacturing", "digital economy", "academy",
    "research institute", "engineering", "biotechnology", "new energy", "talent",
)
# Term hits per 100 words (title hits count double) from which an article is sci-tech.
SCITECH_THRESHOLD = 1.0
# Or: this many distinct terms, whatever the length.
SCITECH_MIN_DISTINCT = 4

_TERM_RES = tuple(
    (term, re.compile(r"(?<![a-z0-9])" + re.escape(term) + r"(?![a-z0-9])")) for term in SCITECH_TERMS
)


def scitech_score(title: str, body: str) -> float:
    """Sci-tech term hits per 100 words of title + body (title hits count double)."""
    title_l, body_l = (title or "").lower(), (body or "").lower()
    words = max(len(title_l.split()) + len(body_l.split()), 1)
    hits = sum(2 * len(rx.findall(title_l)) + len(rx.findall(body_l)) for _, rx in _TERM_RES)
    return round(100.0 * hits / words, 3)


def is_scitech(title: str, body: str) -> bool:
    """True when the article is about science, technology or innovation."""
    return scitech_verdict(title, body)[0]


def scitech_verdict(title: str, body: str) -> tuple[bool, float]:
    """(is_scitech, scitech_score) with the score computed once, for the transform."""
    text = f"{title}\n{body}".lower()
    distinct = sum(1 for _, rx in _TERM_RES if rx.search(text))
    score = scitech_score(title, body)
    return distinct >= SCITECH_MIN_DISTINCT or score >= SCITECH_THRESHOLD, score
