"""Story ids in the warehouse (migration 008): which stored articles tell the same story.

The rule is the pure function `transforms.stories` (MinHash over word shingles and facts, LSH
banding). The LOADER calls `assign_stories` inside its transaction, after the articles are
written: every article whose fingerprint is missing or was computed from other content (or
another scheme) is fingerprinted, compared with the stored articles that share an LSH band
with it (and with the articles before it in this load), and joins the story of the most
alike one the rule accepts; otherwise it starts a story (story_id = its own article_id). An
article that is already fingerprinted keeps its story: reloading a run changes nothing. The
first load after this migration fingerprints every stored article, oldest first.

The transform computes each article's print and stages it with the article ("story_print");
the loader's staging table `_stage_articles` holds it as raw JSON, and an article whose staged
row has the stored content hash and a usable print (transforms.stories.from_record) takes that
print as it is. Only the others are computed here, from the stored title and body: a run
transformed before prints were staged, a print of another scheme or a malformed one, a
quarantined record accepted later without one, an article stored before migration 008. Those
are counted (`StoryCounts.computed`).
"""
from __future__ import annotations

import io
import itertools
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from psycopg2.extras import execute_values

from core.wording import counted
from transforms import stories

log = logging.getLogger(__name__)

try:  # msgspec comes with Airflow (about 3x the json module); strict JSON either way
    import msgspec

    _decode_json: Callable[[str], Any] = msgspec.json.decode
except ImportError:  # pragma: no cover
    _decode_json = json.loads

PRINTS_EXIST = "SELECT to_regclass('news.story_prints') IS NOT NULL"
# The articles needing a print, with the print staged for their current content, if any
# (_stage_articles: the load's or the quarantine accept's staging table, one row per URL).
PENDING_ARTICLES = """
SELECT a.article_id, a.content_hash, s.story_print
FROM news.articles a
LEFT JOIN news.story_prints p ON p.article_id = a.article_id
LEFT JOIN _stage_articles s ON s.url = a.url AND s.content_hash = a.content_hash
WHERE p.article_id IS NULL OR p.content_hash <> a.content_hash OR p.scheme <> %(scheme)s
ORDER BY a.article_id
"""
# The stored text of the pending articles that have no usable staged print.
PENDING_TEXTS = "SELECT article_id, title, body FROM news.articles WHERE article_id = ANY(%(ids)s)"
DELETE_PRINTS = "DELETE FROM news.story_prints WHERE article_id = ANY(%(ids)s)"
DELETE_BANDS = "DELETE FROM news.story_bands WHERE article_id = ANY(%(ids)s)"
# The pending articles' band keys (COPY), then the stored articles sharing one, with what the
# rule compares.
# (dropped first: quarantine accept assigns once per URL in one transaction)
CREATE_KEYS = ("DROP TABLE IF EXISTS pg_temp._story_keys; "
               "CREATE TEMP TABLE _story_keys (band_key bigint PRIMARY KEY) ON COMMIT DROP")
COPY_KEYS = "COPY _story_keys (band_key) FROM STDIN"
CANDIDATES = """
SELECT b.band_key, p.article_id, p.text_minhash, p.fact_minhash, p.facts, coalesce(a.story_id, a.article_id)
FROM _story_keys k
JOIN news.story_bands b ON b.band_key = k.band_key
JOIN news.story_prints p ON p.article_id = b.article_id
JOIN news.articles a ON a.article_id = b.article_id
"""
COPY_PRINTS = "COPY news.story_prints (article_id, content_hash, scheme, text_minhash, fact_minhash, facts) FROM STDIN"
COPY_BANDS = "COPY news.story_bands (band_key, article_id) FROM STDIN"
SET_STORIES = """
UPDATE news.articles a SET story_id = v.story_id
FROM (VALUES %s) AS v(article_id, story_id)
WHERE a.article_id = v.article_id AND a.story_id IS DISTINCT FROM v.story_id
"""


@dataclass
class StoryCounts:
    """What one assignment did: articles fingerprinted; of those, how many joined a story and how
    many prints were computed here (no usable staged print) instead of taken from the staged row;
    and how many staged prints were malformed (left aside, computed here)."""

    fingerprinted: int = 0
    joined: int = 0
    computed: int = 0
    malformed: int = 0


@dataclass
class _Known:
    article_id: int
    story_id: int
    print_: stories.StoryPrint


def assign_stories(cur: Any) -> StoryCounts:
    """Fingerprint the articles that need it and give each a story id (in the caller's transaction)."""
    counts = StoryCounts()
    cur.execute(PRINTS_EXIST)
    if not cur.fetchone()[0]:
        return counts
    cur.execute(PENDING_ARTICLES, {"scheme": stories.SCHEME})
    rows = cur.fetchall()
    if not rows:
        return counts
    prints: dict[int, stories.StoryPrint] = {}
    for aid, _, staged in rows:
        status, fingerprint = _staged_print(staged)
        if fingerprint is not None:
            prints[int(aid)] = fingerprint
        elif status == stories.MALFORMED:
            counts.malformed += 1
    missing = [int(aid) for aid, _, _ in rows if int(aid) not in prints]
    if missing:
        cur.execute(PENDING_TEXTS, {"ids": missing})
        for aid, title, body in cur.fetchall():
            prints[int(aid)] = stories.story_print(title, body or "")
        counts.computed = len(missing)
        log.info("stories: %s computed at load (no usable staged print; %d malformed)",
                 counted(counts.computed, "print"), counts.malformed)
    pending = [(int(aid), prints[int(aid)], content_hash) for aid, content_hash, _ in rows]
    ids = [aid for aid, _, _ in pending]
    keys_of = stories.band_keys_of([p for _, p, _ in pending])
    cur.execute(DELETE_BANDS, {"ids": ids})
    cur.execute(DELETE_PRINTS, {"ids": ids})
    # every (band key, article) pair once, in key order: the (band_key, article_id) index of
    # story_bands then grows at its end instead of at random pages
    flat_keys = np.fromiter(itertools.chain.from_iterable(keys_of), dtype=np.int64,
                            count=sum(len(keys) for keys in keys_of))
    flat_ids = np.repeat(np.array(ids, dtype=np.int64), [len(keys) for keys in keys_of])
    order = np.lexsort((flat_ids, flat_keys))
    band_keys, band_ids = flat_keys[order], flat_ids[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (band_keys[1:] != band_keys[:-1]) | (band_ids[1:] != band_ids[:-1])
    band_keys, band_ids = band_keys[first], band_ids[first]
    index = _stored_candidates(cur, np.unique(band_keys).tolist())
    assigned: list[tuple[int, int]] = []
    for (aid, fingerprint, _), keys in zip(pending, keys_of):
        story = _best_story(aid, fingerprint, keys, index)
        if story != aid:
            counts.joined += 1
        known = _Known(aid, story, fingerprint)
        for key in keys:
            index.setdefault(key, {})[aid] = known
        assigned.append((aid, story))
    cur.copy_expert(COPY_PRINTS, io.StringIO("".join(
        f"{aid}\t{_text(content_hash)}\t{stories.SCHEME}\t{_array(p.text_minhash)}\t{_array(p.fact_minhash)}\t"
        f"{_array(sorted(p.facts))}\n" for aid, p, content_hash in pending)))
    cur.copy_expert(COPY_BANDS, io.StringIO("".join(map("{}\t{}\n".format, band_keys.tolist(), band_ids.tolist()))))
    execute_values(cur, SET_STORIES, assigned, page_size=1000)
    counts.fingerprinted = len(pending)
    log.info("stories: %s fingerprinted, %d joined a known story", counted(counts.fingerprinted, "article"),
             counts.joined)
    return counts


def _staged_print(text: str | None) -> tuple[str, stories.StoryPrint | None]:
    """(status, print) of a staged print's raw JSON (transforms.stories.record_status)."""
    if text is None:
        return stories.MISSING, None
    try:
        value = _decode_json(text)
    except ValueError:
        return stories.MALFORMED, None
    return stories.read_record(value)


def _array(values: Sequence[object]) -> str:
    """A Postgres array literal for COPY text format (numbers, or facts: digits, '.', 'e', '+', '-')."""
    return "{" + ",".join(map(str, values)) + "}"


def _text(value: object) -> str:
    """A COPY text field: backslash, tab and line breaks escaped; None as \\N."""
    if value is None:
        return "\\N"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _stored_candidates(cur: Any, keys: Sequence[int]) -> dict[int, dict[int, _Known]]:
    """{band key: {article_id: stored article}} for the stored articles sharing one of `keys`."""
    index: dict[int, dict[int, _Known]] = {}
    if not keys:
        return index
    cur.execute(CREATE_KEYS)
    cur.copy_expert(COPY_KEYS, io.StringIO("\n".join(map(str, keys)) + "\n"))
    cur.execute(CANDIDATES)
    known: dict[int, _Known] = {}
    for key, aid, text_mh, fact_mh, facts, story in cur.fetchall():
        entry = known.get(aid)
        if entry is None:
            entry = known[aid] = _Known(int(aid), int(story), stories.StoryPrint(
                text_minhash=tuple(int(v) for v in text_mh), fact_minhash=tuple(int(v) for v in fact_mh),
                facts=frozenset(facts)))
        index.setdefault(int(key), {})[entry.article_id] = entry
    return index


def _best_story(article_id: int, fingerprint: stories.StoryPrint, keys: Sequence[int],
                index: dict[int, dict[int, _Known]]) -> int:
    """The story of the most alike candidate the rule accepts (sharing one of `keys`, the print's
    band keys), else the article's own id."""
    seen: set[int] = set()
    best: tuple[tuple[float, float], int, int] | None = None
    for key in keys:
        for other in index.get(key, {}).values():
            if other.article_id == article_id or other.article_id in seen:
                continue
            seen.add(other.article_id)
            match = stories.compare(fingerprint, other.print_)
            if not match.same_story:
                continue
            # most alike first; on a tie the older article (smaller id) wins
            candidate = (match.score, -other.article_id, other.story_id)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    return best[2] if best is not None else article_id
