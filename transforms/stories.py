"""Stories: which articles tell the same story (a print view, a copy with small edits, a
rewrite of the same report on another site), so series count stories, not copies.

Two kinds of shingles of an article's title and body, each summarised by a MinHash signature
(a fixed-length sketch whose agreement between two articles estimates the Jaccard similarity
of their shingle sets) and bucketed by LSH banding (two articles become candidates when all
rows of one band agree):

- word shingles: every run of `TEXT_SHINGLE_WORDS` words (lowercased; numbers kept as words).
  Copies, print views and lightly edited republications share most of them.
- fact shingles: the numbers the text states, scale words applied ("1.5 billion" and
  "1,500 million" are one fact), calendar years and day numbers of dates left out. A rewrite
  on another site keeps the figures and changes the words: "soared 57 percent to more than
  1.5 billion yuan" and "exceeded 1.5 billion yuan, with an increase of 57%" share no word
  3-shingle but share both facts.

Two articles tell one story (`same_story`) when their word shingles' estimated Jaccard
similarity is at least `TEXT_THRESHOLD`, or their facts' exact Jaccard similarity is at least
`FACT_THRESHOLD` with at least `MIN_SHARED_FACTS` facts in common. The thresholds were
measured on the real-page set (`newsetl eval --stories`, devtools/stories_eval.py; the
figures are in README.md). Pure functions: the transform computes each article's print
(`story_print`) and stages it with the article (`to_record`, the staged article's "story_print");
the loader (warehouse.stories) reads it back (`from_record`), stores the signatures, bands and
facts and assigns the story ids, computing a print itself only for a record that has none usable
(an older run, another scheme, a quarantined record accepted later).
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import numpy as np

# Changed whenever shingling, hashing or the rule changes: stored signatures of another
# scheme are recomputed (and stories reassigned) by the next load.
SCHEME = "stories-1"
TEXT_SHINGLE_WORDS = 3
TEXT_PERMUTATIONS = 64
FACT_PERMUTATIONS = 64
TEXT_BAND_ROWS = 2           # 32 bands of 2 rows: candidates from a similarity of about 0.2 up
FACT_BAND_ROWS = 2
TEXT_THRESHOLD = 0.5         # measured: a print view 0.984; different stories at most 0.141
FACT_THRESHOLD = 0.25        # measured: rewrites 0.40 and 0.60; different stories (3+ shared) at most 0.150
MIN_WHOLE_FACT = 10          # whole numbers below this are not facts (a decimal such as 2.5 is)
MIN_SHARED_FACTS = 3         # two articles sharing one or two numbers are not one story for that
PRIME = 4294967311           # the permutations are a*x + b mod this prime (x: a 32-bit shingle hash)
SALT = zlib.crc32(b"newsetl-stories")
# odd 64-bit multipliers mixing a band's values, its number and kind into one key (uint64 wraps)
BAND_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)

WORD_RE = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*(?:%)?")
NUMBER_RE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w])")
YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
SCALE: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12,
}
# "10,000 people" is 1e4, but "10 thousand" also: one fact. "hundred million" = 1e8.
SCALE_AFTER_RE = re.compile(r"^\s*(ten thousand|hundred million|thousand|million|mln|billion|bln|bn|trillion)\b")
# a fact as `facts` writes it ("57", "1.5e+09"; "inf" for a number of more than 308 digits)
FACT_RE = re.compile(r"^(?:inf|[0-9]+(?:\.[0-9]+)?(?:e[+-][0-9]+)?)$")
MONTHS_RE = re.compile(r"(january|february|march|april|may|june|july|august|september|october|"
                       r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s*$")


def _hash32(text: str) -> int:
    """A 32-bit hash of a shingle (CRC-32 of its UTF-8 bytes, salted: the permutations below
    spread it; CRC-32 is what keeps fingerprinting cheap at load time)."""
    return zlib.crc32(text.encode("utf-8"), SALT)


@lru_cache(maxsize=1 << 16)
def _word_hash(word: str) -> int:
    """CRC-32 of a word (cached: a load's articles share most of their vocabulary)."""
    return zlib.crc32(word.encode("utf-8"), SALT)


def _permutations(count: int, salt: str) -> tuple[np.ndarray, np.ndarray]:
    """`count` fixed (a, b) pairs of the hash family a*x + b mod PRIME, derived from the seed
    (a, x < 2^32 and b < PRIME: a*x + b stays below 2^64, exact in uint64)."""
    a = [_hash32(f"{salt}:a:{i}") or 1 for i in range(count)]
    b = [_hash32(f"{salt}:b:{i}") for i in range(count)]
    return np.array(a, dtype=np.uint64), np.array(b, dtype=np.uint64)


TEXT_PERMS = _permutations(TEXT_PERMUTATIONS, "text")
FACT_PERMS = _permutations(FACT_PERMUTATIONS, "fact")


def words(text: str) -> list[str]:
    """The text's words, lowercased: letters and digits ("1,500.5", "57%" stay one word)."""
    return WORD_RE.findall(text.lower())


def word_shingles(text: str, size: int = TEXT_SHINGLE_WORDS) -> frozenset[str]:
    """Every run of `size` consecutive words (the whole text when it is shorter)."""
    w = words(text)
    if not w:
        return frozenset()
    return frozenset(" ".join(w[i:i + size]) for i in range(max(1, len(w) - size + 1)))


def shingle_hashes(text: str, size: int = TEXT_SHINGLE_WORDS) -> np.ndarray:
    """32-bit hashes of the word shingles of `word_shingles`, distinct, computed from one CRC-32
    per word (each shingle mixes its words' hashes by position): no string per shingle."""
    w = words(text)
    if not w:
        return np.zeros(0, dtype=np.uint64)
    hashed = np.fromiter(map(_word_hash, w), dtype=np.uint64, count=len(w))
    n = max(1, len(w) - size + 1)
    with np.errstate(over="ignore"):
        mixed = np.zeros(n, dtype=np.uint64)
        for i in range(min(size, len(w))):
            mixed = (mixed ^ hashed[i:i + n]) * np.uint64(BAND_MIX[i % len(BAND_MIX)])
            mixed ^= mixed >> np.uint64(31)
    return np.unique(mixed >> np.uint64(32))


def facts(text: str) -> frozenset[str]:
    """The numbers the text states, normalized: scale words applied; calendar years, the day
    of a month ("January 20"), ordinals ("14th") and whole numbers below MIN_WHOLE_FACT left out.
    "1.5 billion" -> "1.5e+09", "57%" -> "57"."""
    out: set[str] = set()
    for match in NUMBER_RE.finditer(text):
        whole, frac = match.group(1), match.group(2) or ""
        if not frac and "," not in whole and YEAR_RE.match(whole):
            continue
        if not frac and MONTHS_RE.search(text[max(0, match.start() - 12):match.start()].lower()):
            continue  # "January 20": a date, not a figure
        value = float(whole.replace(",", "") + frac)
        if not frac and value < MIN_WHOLE_FACT:
            continue  # list numbering, "3 days", "2 districts": too common to tell stories apart
        scale = SCALE_AFTER_RE.match(text[match.end():match.end() + 20].lower())
        if scale:
            word = scale.group(1)
            value *= 1e4 if word == "ten thousand" else 1e8 if word == "hundred million" else SCALE[word]
        out.add(f"{value:.6g}")
    return frozenset(out)


def minhash(shingles: Iterable[str], perms: tuple[np.ndarray, np.ndarray]) -> tuple[int, ...]:
    """MinHash signature: per permutation, the least permuted hash over the shingles.

    An empty set gives an empty signature (it matches nothing)."""
    return minhash_of_hashes(np.array([_hash32(s) for s in shingles], dtype=np.uint64), perms)


def minhash_of_hashes(hashes: np.ndarray, perms: tuple[np.ndarray, np.ndarray]) -> tuple[int, ...]:
    """MinHash signature of shingles given as 32-bit hashes (uint64 array)."""
    if not hashes.size:
        return ()
    a, b = perms
    permuted = (a[:, None] * hashes[None, :] + b[:, None]) % np.uint64(PRIME)
    return tuple(int(v) for v in permuted.min(axis=1))


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity: the share of positions where the signatures agree."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b) if x == y) / len(a)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Exact Jaccard similarity of two sets (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def bands(signature: Sequence[int], rows: int, kind: int) -> list[int]:
    """LSH band keys: one signed 64-bit key per band of `rows` values, mixing the values with
    the band's number and the signature's kind (so the keys of different kinds and bands do not
    collide but by chance)."""
    n = len(signature) // rows
    if not n:
        return []
    return [int(v) for v in band_matrix(np.array([signature[:n * rows]], dtype=np.uint64), rows, kind)[0]]


def band_matrix(signatures: np.ndarray, rows: int, kind: int) -> np.ndarray:
    """`bands` of many signatures of one length at once: a (count, length) uint64 array ->
    (count, length // rows) int64 keys, row i being bands(signatures[i], rows, kind)."""
    count, length = signatures.shape
    n = length // rows
    values = signatures[:, :n * rows].astype(np.uint64).reshape(count, n, rows)
    with np.errstate(over="ignore"):
        start = np.arange(n, dtype=np.uint64) * np.uint64(BAND_MIX[2]) + np.uint64(kind) * np.uint64(BAND_MIX[3])
        key = np.broadcast_to(start, (count, n)).copy()
        for col in range(rows):
            key = (key ^ values[:, :, col]) * np.uint64(BAND_MIX[col % 2])
            key ^= key >> np.uint64(29)
    return key.view(np.int64)


TEXT_KIND = 0
FACT_KIND = 1


@dataclass(frozen=True)
class StoryPrint:
    """What the story rule needs of one article: its signatures, its facts and band keys."""

    text_minhash: tuple[int, ...]
    fact_minhash: tuple[int, ...]
    facts: frozenset[str]

    @cached_property
    def band_keys(self) -> list[int]:
        """The LSH band keys of both signatures (what a candidate must share)."""
        return (bands(self.text_minhash, TEXT_BAND_ROWS, TEXT_KIND)
                + bands(self.fact_minhash, FACT_BAND_ROWS, FACT_KIND))

    @cached_property
    def text_array(self) -> np.ndarray:
        """The text signature as an array (comparisons at load compare arrays, not tuples)."""
        return np.array(self.text_minhash, dtype=np.uint64)


def band_keys_of(prints: Sequence[StoryPrint]) -> list[list[int]]:
    """The `band_keys` of many prints, computed signature length by signature length in one
    array operation each (the loader's batch: a load's thousands of prints at once)."""
    out: list[list[int]] = [[] for _ in prints]
    for kind, rows in ((TEXT_KIND, TEXT_BAND_ROWS), (FACT_KIND, FACT_BAND_ROWS)):
        by_length: dict[int, list[int]] = {}
        for i, p in enumerate(prints):
            by_length.setdefault(len(p.text_minhash if kind == TEXT_KIND else p.fact_minhash), []).append(i)
        for length, which in by_length.items():
            if length < rows:
                continue
            signatures = np.array([prints[i].text_minhash if kind == TEXT_KIND else prints[i].fact_minhash
                                   for i in which], dtype=np.uint64)
            for i, keys in zip(which, band_matrix(signatures, rows, kind).tolist()):
                out[i].extend(keys)
    return out


def story_print(title: str | None, body: str) -> StoryPrint:
    """The story fingerprint of an article (title and body).

    NUL characters are left out: Postgres text cannot hold them, so the loader stores the title
    and body without them, and a print computed from the staged text equals one computed from
    the stored text."""
    text = f"{title or ''}\n{body or ''}".replace("\x00", "")
    found = facts(text)
    return StoryPrint(text_minhash=minhash_of_hashes(shingle_hashes(text), TEXT_PERMS),
                      fact_minhash=minhash(found, FACT_PERMS), facts=found)


# --------------------------------------------------------------------------- the staged form
# The staged article (staged/articles.jsonl, then validation/articles.jsonl) carries its print
# under this key, so the load copies it instead of computing it.
RECORD_KEY = "story_print"
CURRENT = "current"            # a well-formed print of this SCHEME: the loader uses it
MISSING = "missing"            # no print (a run transformed before prints were staged)
OTHER_SCHEME = "other_scheme"  # a print of another scheme: the loader computes a current one
MALFORMED = "malformed"        # not a print this module writes: the loader computes one


def to_record(fingerprint: StoryPrint) -> dict[str, Any]:
    """The JSON form staged with an article: {"scheme", "text_minhash", "fact_minhash", "facts"}."""
    return {"scheme": SCHEME, "text_minhash": list(fingerprint.text_minhash),
            "fact_minhash": list(fingerprint.fact_minhash), "facts": sorted(fingerprint.facts)}


def record_status(value: object) -> str:
    """What a staged "story_print" value is: CURRENT, MISSING, OTHER_SCHEME or MALFORMED.

    Well-formed: an object with the scheme, a text signature of TEXT_PERMUTATIONS values and a
    fact signature of FACT_PERMUTATIONS values (each empty when the text has no words or no
    facts), every value an integer in [0, PRIME), and the facts as `facts` writes them (a fact
    signature exactly when there are facts)."""
    if value is None:
        return MISSING
    if not isinstance(value, dict):
        return MALFORMED
    scheme = value.get("scheme")
    if not isinstance(scheme, str):
        return MALFORMED
    if scheme != SCHEME:
        return OTHER_SCHEME
    text_mh, fact_mh, found = value.get("text_minhash"), value.get("fact_minhash"), value.get("facts")
    if not (_signature_ok(text_mh, TEXT_PERMUTATIONS) and _signature_ok(fact_mh, FACT_PERMUTATIONS)
            and isinstance(found, list) and all(isinstance(f, str) and FACT_RE.match(f) for f in found)
            and len(set(found)) == len(found) and bool(found) == bool(fact_mh)):
        return MALFORMED
    return CURRENT


def _signature_ok(values: object, length: int) -> bool:
    return (isinstance(values, list) and len(values) in (0, length)
            and (not values or (set(map(type, values)) == {int} and min(values) >= 0 and max(values) < PRIME)))


def read_record(value: object) -> tuple[str, StoryPrint | None]:
    """(`record_status` of a staged "story_print" value, its StoryPrint when that is CURRENT)."""
    status = record_status(value)
    if status != CURRENT or not isinstance(value, dict):
        return status, None
    return status, StoryPrint(text_minhash=tuple(value["text_minhash"]), fact_minhash=tuple(value["fact_minhash"]),
                              facts=frozenset(value["facts"]))


def from_record(value: object) -> StoryPrint | None:
    """The StoryPrint of a staged "story_print" value; None unless it is CURRENT (`record_status`)."""
    return read_record(value)[1]


@dataclass(frozen=True)
class StoryMatch:
    """How alike two articles are: estimated text similarity, fact similarity, shared facts."""

    text: float
    fact: float
    shared_facts: int

    @property
    def same_story(self) -> bool:
        """The rule: a copy (text) or a rewrite stating the same figures (facts)."""
        return self.text >= TEXT_THRESHOLD or (self.fact >= FACT_THRESHOLD
                                               and self.shared_facts >= MIN_SHARED_FACTS)

    @property
    def score(self) -> tuple[float, float]:
        """Order of preference between candidate stories (text first, then facts)."""
        return (self.text, self.fact)


def compare(a: StoryPrint, b: StoryPrint) -> StoryMatch:
    """Compare two fingerprints (the text similarity is `similarity`, counted on arrays)."""
    n = len(a.text_minhash)
    text = int(np.count_nonzero(a.text_array == b.text_array)) / n if n and n == len(b.text_minhash) else 0.0
    return StoryMatch(text=text, fact=jaccard(a.facts, b.facts), shared_facts=len(a.facts & b.facts))
