"""What a metric is measured against, where and whether it happened: denominator, place, modality.

Pure functions over one sentence and the span of one quantity in it:
- `denominator`: what a share is a share of ("2.8% of GDP" -> "gdp",
  "7.6% of the total revenue" -> "total revenue"); None for other kinds.
- `place`: a named place other than Ningbo that the fact is about ("R&D intensity in
  Hangzhou was 3.4%" -> "Hangzhou"); None when the fact is Ningbo's (or a place only
  names a comparison, a rank's scope or a share's base).
- `modality`: "actual", "target" ("will reach 8,000 in 2025", "strive to create 2-3") or
  "forecast" ("is expected to", "analysts expect"), from cue words in the quantity's clause.

The vocabularies are the data tables below; the functions only look them up.
"""
from __future__ import annotations

import re
from functools import lru_cache

from core.records import MODALITIES

ACTUAL, TARGET, FORECAST = MODALITIES

# Cue words, whole words, lowercase. A forecast cue wins over a target cue in one clause.
FORECAST_CUES: tuple[str, ...] = (
    "expected to", "is expected", "are expected", "expects", "expect", "forecast", "forecasts", "projected",
    "is estimated to", "are estimated to", "predicted", "predicts", "predict", "anticipated", "likely to",
    "analysts", "outlook",
)
TARGET_CUES: tuple[str, ...] = (
    "will", "shall", "plan to", "plans to", "planned to", "planning to", "aim to", "aims to", "aiming to",
    "aimed at", "strive to", "strives to", "striving to", "target", "targets", "targeted", "goal",
    "is set to", "are set to", "seek to", "seeks to", "endeavor to", "endeavour to", "intends to",
    "is to", "are to", "to be built",
)
# A clause ends at these (the cue of one clause does not colour a number in the next).
CLAUSE_BREAK_RE = re.compile(r";|:\s|,\s*(?:while|whereas|but|and|compared|up|down)\b|\bwhile\b|\bwhereas\b")

# Places a Ningbo article compares itself with: provinces, cities and countries, as written.
PLACES: tuple[str, ...] = (
    "China", "Zhejiang", "Jiangsu", "Guangdong", "Shandong", "Fujian", "Anhui", "Hubei", "Sichuan", "Henan",
    "Hangzhou", "Shanghai", "Beijing", "Shenzhen", "Guangzhou", "Tianjin", "Chongqing", "Suzhou", "Nanjing",
    "Wuxi", "Hefei", "Wuhan", "Chengdu", "Xiamen", "Qingdao", "Dalian", "Xi'an", "Changsha", "Wenzhou",
    "Shaoxing", "Jiaxing", "Huzhou", "Taizhou", "Jinhua", "Quzhou", "Zhoushan", "Lishui", "Yiwu",
    "Hong Kong", "Taiwan", "Singapore", "Japan", "Korea", "Germany", "the United States", "the US", "Europe",
    "the EU", "the UK", "Britain", "France", "Italy", "Russia", "India", "Australia", "Canada",
)
# Ningbo and its districts: the article's own place.
HOME_PLACES: tuple[str, ...] = (
    "Ningbo", "Haishu", "Jiangbei", "Zhenhai", "Beilun", "Yinzhou", "Fenghua", "Yuyao", "Cixi", "Ninghai",
    "Xiangshan", "Hangzhou Bay New Area", "Meishan",
)
_PLACE_ALT = "|".join(re.escape(p) for p in sorted(PLACES, key=len, reverse=True))
# "in Hangzhou", "Hangzhou's", "Zhejiang province's": the fact is said of the place.
PLACE_OF_RE = re.compile(rf"(?:\b(?:in|of)\s+(?P<in>{_PLACE_ALT})\b(?!['’]s?\s+(?:share|total))"
                         rf"|\b(?P<own>{_PLACE_ALT})(?:\s+[Pp]rovince)?['’]s?\s)")
HOME_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in HOME_PLACES) + r")\b")
# A place after these words only names a scope, a base or a comparison, not whose figure it is.
SCOPE_BEFORE_RE = re.compile(r"\b(?:among|than|across|throughout|nationwide|out of|compared with|compared to|"
                             r"over|versus|vs\.?|of the|(?:rank|place|position)\w*\s+[\w-]+)\s*$",
                             re.IGNORECASE)
SCOPE_KINDS = ("rank",)

# What a share is of: "of (the) <noun phrase>" right after the quantity, up to a stop word.
DENOMINATOR_RE = re.compile(r"^\s*(?:of|in)\s+(?:the\s+|its\s+|their\s+)?(?P<np>[\w'’&-]+(?:\s+[\w'’&-]+){0,6})")
DENOMINATOR_STOP_WORDS = frozenset({
    "in", "for", "during", "and", "which", "that", "with", "than", "compared", "from", "to", "by", "at",
    "on", "last", "this", "year", "while", "up", "down", "as", "respectively", "was", "were", "is", "are",
})
DENOMINATOR_MAX_WORDS = 6


@lru_cache(maxsize=256)
def _clause_start(sentence: str, start: int) -> int:
    """Where the clause of `sentence` holding position `start` begins (after the last break before it)."""
    left = 0
    for match in CLAUSE_BREAK_RE.finditer(sentence, 0, start):
        left = match.end()
    return left


def _clause(sentence: str, start: int, end: int) -> str:
    """The part of `sentence` around [start, end) between clause breaks."""
    left = _clause_start(sentence, start)
    right_match = CLAUSE_BREAK_RE.search(sentence, end)
    right = right_match.start() if right_match else len(sentence)
    return sentence[left:right]


def _cue_regex(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a cue table: any cue as whole words, spaces inside a cue matching any run."""
    alternatives = "|".join(r"\s+".join(map(re.escape, cue.split())) for cue in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


FORECAST_RE = _cue_regex(FORECAST_CUES)
TARGET_RE = _cue_regex(TARGET_CUES)


def modality(sentence: str, start: int, end: int) -> str:
    """'forecast', 'target' or 'actual' for the quantity at [start, end) of `sentence`."""
    return _clause_modality(_clause(sentence, start, end))


@lru_cache(maxsize=256)
def _clause_modality(clause: str) -> str:
    """The modality cue words of one clause say (the quantities of a clause share it)."""
    if FORECAST_RE.search(clause):
        return FORECAST
    if TARGET_RE.search(clause):
        return TARGET
    return ACTUAL


def denominator(kind: str, after: str) -> str | None:
    """What a share is a share of, from the text right after it ("of GDP" -> "gdp")."""
    if kind != "share":
        return None
    match = DENOMINATOR_RE.match(after)
    if not match:
        return None
    words: list[str] = []
    for word in match.group("np").split():
        if word.lower() in DENOMINATOR_STOP_WORDS or re.fullmatch(r"\d[\d,.]*", word):
            break
        words.append(word)
        if len(words) == DENOMINATOR_MAX_WORDS:
            break
    phrase = " ".join(words).strip(" ,.;:'’").lower()
    return phrase or None


def place(sentence: str, start: int, kind: str) -> str | None:
    """A place other than Ningbo that the quantity at `start` of `sentence` is said of."""
    if kind in SCOPE_KINDS:
        return None
    before = sentence[_clause_start(sentence, start):start]
    found = None
    for match in PLACE_OF_RE.finditer(before):
        if SCOPE_BEFORE_RE.search(before[:match.start()]):
            continue
        found = match
    if found is None or HOME_RE.search(before):
        return None  # "Ningbo ranked first in Zhejiang with 12,524 start-ups": Ningbo's figure
    name = found.group("in") or found.group("own")
    return "China" if name in ("the country",) else name
