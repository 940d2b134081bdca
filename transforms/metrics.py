"""Numeric facts in an article body -> METRIC records (contract: docs/CONTRACTS.md).

Rule based, precision first; measured on the gold set (tests/gold, `newsetl eval`). Per
sentence:
1. Matchers (named regexes, in priority order) find quantities with a unit: money
   (yuan/RMB/¥, US$/$/dollars, €/euros), percentage points, percents, areas (km2, m2,
   mu), tonnes, kWh, km (also as hyphenated adjectives: "a 3,000-mu farm"), times,
   rankings ("ranking first in the province", "ranked No. 3", "No. 2 among ...", "the
   third-largest", "top 10" = at most 10), years (only lifespans and schooling), and
   counts: a number or a spelled-out two..fifty followed by a plural noun phrase
   ("12,524 innovative start-ups", "five new labs", "12,000 5G base stations"; the phrase
   ends at its last plural, so "1,512 manufacturers complete digital transformation"
   counts manufacturers), or a number whose noun is elided but clear in the sentence
   ("86 of them", "20,000 by 2022" after a count, "add 3,000 more", "a daily average of
   520,000", "the number of X grew to 2,856", "online sellers now number 62,000"). A span
   claimed by an earlier matcher is not matched again. Scale words multiply: thousand,
   ten thousand/10,000, million, hundred million, billion, trillion.
2. Never metrics: numbers inside dates, times, year ranges, phone numbers and long digit
   runs (ids); ordinals and model names ("the 20th IRO", "5G": a number glued to letters
   is not a quantity); year-like integers as counts; numbers after a capitalized name
   word or "No."/"Line"/"top"/"Room"; "N years" outside lifespans (anniversaries, ages);
   densities ("150 units per 10,000 workers"); rank moves ("up four places"); spelled-out
   references ("the three operators"), process counts ("in two phases"), slogans in
   quotes and names ("Two Academies and One Park"); money-like bare numbers ("exports
   reached 4.5 billion").
3. qualifier from the words right before the number: approx ("about", "nearly"...),
   at_least ("more than", "over", "exceeded", "to top"...), at_most ("up to", "less
   than", "a maximum of", "top N"). Fillers ("only", "a total of") are skipped.
4. kind: rank for rankings; change for percentage points, for figures after "increased
   by"/"grew at an average annual rate of"/"raised X by", before "year-on-year" or "N% more
   X than", for elided list items ("rose 45.6%, integrated circuits 38.1%"); share for
   "accounted for"/"made up"/"share of", "N% of X", ", or N%", or a subject that is a
   share; level otherwise. A change that goes down ("fell", "slipped", "a decline of",
   "cut X by", "N% less X than", "lower than") is negative: -4.6.
5. period, from time expressions of the sentence: a cue right after the quantity wins;
   else the nearest earlier cue (unless it sits in an earlier clause and the figure's own
   clause has a cue later); else the first later cue of the same clause that is not a
   comparison base ("than in 2018", "of last year's level", "N times the output at ...").
   Cues: "in/by the end of/as of/for 2018" -> "2018"; "from 2010 to 2019", "2010-2019"
   -> "2010..2019"; "since 2010" -> "2010..<year published>"; "from January to May",
   "first half", "first three quarters", "first 11 months" -> "YYYY-01..YYYY-05"; a single
   month ("In March alone", "as of March 11", "at the end of September") -> "YYYY-MM";
   month years from the cue, else the publication date (latest such month not after it),
   else the paragraph; "last year"/"this year" need the publication date. Event years
   ("founded in 1998", "will start in 2020", "published in November") are not periods.
6. subject (lowercase noun phrase, docs/CONTRACTS.md): counts take their counted noun phrase;
   "N unit of/in/on X" measures X ("1.172 billion tonnes of cargo"); otherwise the noun
   phrase before the linking verb ("X accounted for", "X rose", "X were worth", "X of N"),
   without determiners, possessives, trailing places/times, appositions and ", which";
   ranks take the measure they name ("in sales of X"), or the quantity a participle rank
   follows; figures in apposition ("up 1.8%", "to 477.9 billion yuan", "up from 11.9%")
   take the subject of the figure before them. A proper name alone (the actor) is not a
   subject.
`text` is the exact quantity span in the body (number, scale, unit; for counts the noun
phrase too; the qualifier words are not part of it); body[char_start:char_end] == text.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal

from core.records import Metric
from transforms import context
from transforms.textutil import MONTHS

# Stored with every metric (news.metrics.extractor_version): bump when the rules change,
# so analysts can tell which facts a re-extraction would produce differently.
EXTRACTOR_VERSION = "2026.12.02.3"  # + totals after a count, "amounts to N", "Name (N)" counts

# ---------------------------------------------------------------- number grammar
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
NUM = rf"(?<![\w.,/#+\-−])(?P<num>{NUMBER})(?![.,]\d)"
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "ten thousand": 1e4, "10 thousand": 1e4, "10,000": 1e4,
    "million": 1e6, "mln": 1e6, "hundred million": 1e8,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12,
}
SCALE = (r"(?:\s+(?P<scale>hundred million|ten thousand|10 thousand|10,000|thousand|million|"
         r"billion|trillion|mln|bln|bn)\b)?")
CURRENCIES: dict[str, str] = {
    "yuan": "CNY", "rmb": "CNY", "cny": "CNY", "¥": "CNY", "￥": "CNY",
    "us$": "USD", "$": "USD", "usd": "USD", "dollars": "USD", "us dollars": "USD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
}
ENERGY_FACTORS: dict[str, float] = {"k": 1.0, "m": 1e3, "g": 1e6}

# ---------------------------------------------------------------- matchers
# A number right after a currency mark, glued or not ("RMB110 million", "US$ 5 billion").
PREFIXED_NUM = rf"(?P<num>{NUMBER})(?![.,]\d)"
MONEY_PREFIXED_RE = re.compile(
    rf"(?<![A-Za-z$])(?P<cur>US\$|USD|RMB|CNY|EUR|€|¥|￥|\$)\s?{PREFIXED_NUM}{SCALE}"
    rf"(?:\s+(?:yuan|RMB|dollars|euros)\b)?(?![\w%])"
)
MONEY_SUFFIXED_RE = re.compile(
    rf"{NUM}{SCALE}\s*(?P<cur>yuan|RMB|CNY|US dollars|dollars|USD|euros|euro|EUR)\b"
)
PERCENTAGE_POINTS_RE = re.compile(rf"{NUM}\s*(?:percentage|percent|pct\.?)\s+points?\b", re.IGNORECASE)
PERCENT_RE = re.compile(rf"{NUM}\s?(?:%|％|percent\b|per cent\b)", re.IGNORECASE)
KM2_RE = re.compile(
    rf"{NUM}{SCALE}(?:\s*|-)(?:square[\s-]+kilomet(?:er|re)s?|sq\.?\s?km|km2|km²)(?![A-Za-z0-9])", re.IGNORECASE
)
M2_RE = re.compile(
    rf"{NUM}{SCALE}(?:\s*|-)(?:square[\s-]+met(?:er|re)s?|sq\.?\s?m|sqm|m2|m²|m\^2)(?![A-Za-z0-9])", re.IGNORECASE
)
MU_RE = re.compile(rf"{NUM}{SCALE}(?:\s+|-)mu\b")
TONNES_RE = re.compile(rf"{NUM}{SCALE}(?:\s+|-)(?:metric\s+)?(?:tonnes|tonne|tons|ton)\b", re.IGNORECASE)
KWH_RE = re.compile(
    rf"{NUM}{SCALE}\s*(?:(?P<prefix>[kKmMgG])Wh\b|(?P<word>kilo|mega|giga)watt[- ]hours?\b)"
)
KM_RE = re.compile(
    rf"{NUM}{SCALE}(?:\s*|-)(?:kilomet(?:er|re)s?|km)(?![\w²/])(?!\s+(?:per|an|a)\s+hour)", re.IGNORECASE
)
TIMES_RE = re.compile(rf"{NUM}{SCALE}\s+times\b(?!\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b)")
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}
ORDINAL_ALT = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
# A rank without a ranking verb: "at fourth place nationwide", "fifteenth nationwide",
# "first among cities specifically designated", "the 17th in the country".
SCOPED_RANK_RE = re.compile(
    rf"(?:\b(?:at|in|to|took|take|takes|taking)\s+(?:the\s+)?(?P<ord>(?P<word>{ORDINAL_ALT})|(?P<n>\d{{1,3}})(?:st|nd|rd|th))"
    rf"\s+place\b(?:\s+(?:nationwide|in\s+the\s+(?:country|province|world)))?"
    rf"|(?<![\w-])(?P<ord2>(?P<word2>{ORDINAL_ALT})|(?P<n2>\d{{1,3}})(?:st|nd|rd|th))"
    rf"\s+(?:nationwide|worldwide|among\s+(?:all\s+)?(?:cities|the\s+\d+|\d+)))",
    re.IGNORECASE,
)
RANK_RE = re.compile(
    r"\b(?P<verb>rank(?:s|ed|ing)?|placed|placing|came|coming)\s+(?:(?:at|as)\s+)?"
    r"(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"(?P<ordnum>\d{1,3})(?:st|nd|rd|th)|No\.\s?(?P<nonum>\d{1,3})|number\s+(?P<wnum>\d{1,3}))\b"
    r"(?:\s+in\s+(?:the\s+)?(?:province|country|world|nation|city|region|Yangtze\s+River\s+Delta|"
    r"China|Zhejiang(?:\s+Province)?|Asia))?",
    re.IGNORECASE,
)
# "among the top 10", "one of China's top 500", "ranked top 3": rank N at most.
TOP_RANK_RE = re.compile(
    r"\b(?:in|into|among|entered|enter|enters|entering|one\s+of|ranked|ranking|ranks|rank|placed|placing|made|"
    r"make|makes|making|named\s+(?:among|to|in))\s+(?:the\s+)?(?:[\w'’]+(?:'s|’s)\s+)?"
    r"(?P<ord>top\s+(?P<n>\d{1,4}))\b(?!\s*(?:%|％|percent|per\s+cent|list))"
    r"(?!\s+(?-i:[A-Z]))",  # "the Top 100 National Comprehensive Strength Districts": a list's name
    re.IGNORECASE,
)
# "No. 2 among universities in Zhejiang", "No. 1 nationwide": a rank without a ranking verb.
NO_RANK_RE = re.compile(
    r"(?<![\w.])(?P<ord>No\.\s?(?P<n>\d{1,3}))(?=\s+(?:among|nationwide|worldwide|globally|across|in\s+(?:the\s+)?"
    r"(?:country|world|province|nation|city|region|China|Zhejiang|Asia|Yangtze)))"
)
# "the third-largest", "the 2nd biggest": an ordinal superlative is a rank.
ORDINAL_SUPERLATIVE_RE = re.compile(
    r"\b(?P<ord>(?P<word>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)|(?P<n>\d{1,2})(?:st|nd|rd|th))"
    r"[- ](?:largest|biggest|highest|busiest|richest|strongest|fastest|best|most\s+\w+)\b",
    re.IGNORECASE,
)
# Shares written as fractions (value in percent): "one third of", "less than one fifth of",
# "more than half of national exports", "9 out of 10 patent applications", "nearly 1/3".
FRACTION_WORDS: dict[str, tuple[int, int]] = {
    "one half": (1, 2), "one third": (1, 3), "two thirds": (2, 3), "one quarter": (1, 4),
    "one fourth": (1, 4), "three quarters": (3, 4), "three fourths": (3, 4), "one fifth": (1, 5),
    "two fifths": (2, 5), "three fifths": (3, 5), "four fifths": (4, 5), "one sixth": (1, 6),
    "one eighth": (1, 8), "one tenth": (1, 10),
}
_FRACTION_WORD_ALT = "|".join(w.replace(" ", "[- ]") for w in sorted(FRACTION_WORDS, key=len, reverse=True))
FRACTION_RE = re.compile(
    rf"(?<![\w-])(?P<word_frac>{_FRACTION_WORD_ALT})(?=\s+of\b)"
    r"|\b(?:than|nearly|almost|about|around|roughly|over|for|to|by)\s+(?P<half>half)(?=\s+of\b)"
    r"|(?<![\w.,/-])(?P<out_a>\d{1,2}|one|two|three|four|five|six|seven|eight|nine)\s+out\s+of\s+"
    r"(?P<out_b>\d{1,3}|ten|five|four|three)\b"
    r"|(?<![\w.,/-])(?P<slash_a>[1-9])\s?/\s?(?P<slash_b>[2-9]|10)(?![\w/.,-])",
    re.IGNORECASE,
)
PARTITIVE_OF_RE = re.compile(r"\s+of\b")
PERIOD_FRACTION_BEFORE_RE = re.compile(r"\b(?:first|last|past|next|previous|latter|final)\s+$", re.IGNORECASE)
YEARS_RE = re.compile(rf"{NUM}\s+years?\b(?!\s+(?:ago|old|later|earlier|before))")
# "N years" is a metric only for lifespans / schooling, never for ages of anniversaries.
YEARS_CONTEXT_RE = re.compile(
    r"life\s+expectancy|average\s+age|life\s*span|service\s+life|average\s+life|"
    r"years?\s+of\s+(?:schooling|education)",
    re.IGNORECASE,
)
YEARS_CONTEXT_WINDOW = 60
# A size class is not a count ("500 billion-level industrial clusters"); nor is a scheme's
# name ("the 3315 Talent Introduction Plan").
SIZE_CLASS = r"(?:hundred[- ])?(?:thousand|million|billion|trillion|yuan)[- ]level\b"
SCHEME_NAME = r"(?-i:[A-Z][a-z]+)\s+(?:Introduction\s+)?(?:Plan|Program|Programme|Project|Initiative|Strategy)\b"
# "2-3 national manufacturing innovation centers": a range of a count, reported at its low end.
RANGE_COUNT_RE = re.compile(r"(?<![\w.,/#+-])(?P<num>\d{1,3})\s*[-–~]\s*(?P<high>\d{1,3})(?![\w%.,-])\s+(?=[a-z])")
COUNT_RE = re.compile(rf"{NUM}{SCALE}(?![\w%-])\s+(?!{SIZE_CLASS}|{SCHEME_NAME})"
                      rf"(?=[A-Za-z]|\d{{1,2}}[A-Za-z]\w*\s+[A-Za-z])")
# A count written in words: "five new labs", "Eight of them" (never "one": "one of the ...").
SPELLED_NUMBERS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}
SPELLED_TENS: dict[str, int] = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                                "seventy": 70, "eighty": 80, "ninety": 90}
SPELLED_UNITS: dict[str, int] = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                                 "eight": 8, "nine": 9}
SPELLED_COUNT_RE = re.compile(
    r"(?<![\w-])(?P<word>(?:" + "|".join(SPELLED_TENS) + r")-(?:" + "|".join(SPELLED_UNITS) + r")|"
    + "|".join(SPELLED_NUMBERS) + r")(?![\w-])\s+(?=[A-Za-z])", re.IGNORECASE
)
# A spelled-out number after these is a reference ("the three operators"), not a figure.
SPELLED_REFERENCE_WORDS = frozenset("the these those both all its their our his her my your each every any "
                                    "first last next other another top".split())
# Nouns a small spelled-out number divides a process into ("built in two phases"): not counts.
SPELLED_PROCESS_NOUNS = frozenset("phases stages steps rounds ways aspects directions dimensions respects parts "
                                  "sides halves".split())
# "up four places", "climbed 3 positions": movement in a ranking, not a count.
RANK_MOVE_RE = re.compile(r"\b(?:up|down|rose|risen|rising|climbed|climbing|jumped|fell|fallen|dropped|slipped|"
                          r"moved|advanced|higher|lower)\s*(?:by\s+)?$", re.IGNORECASE)
RANK_MOVE_NOUNS = frozenset("places positions spots notches rungs rankings ranks".split())
# A number whose counted noun is left out: "86 of them", "Among them, 5,300 hold ...",
# "20,000 by 2022" after "12,000 5G base stations", "add 3,000 more", "a daily average of 520,000".
BARE_NUMBER_RE = re.compile(rf"{NUM}{SCALE}(?![\w%-])(?!\s*(?:%|％|percent|per\s+cent))")
OF_THEM_AFTER_RE = re.compile(r"\s+of\s+(?:them|these|those|which)\b", re.IGNORECASE)
OF_THEM_BEFORE_RE = re.compile(r"\b(?:among|of)\s+(?:them|these|those|which)\s*,?\s*$", re.IGNORECASE)
# What may follow a number whose noun is elided: punctuation, the end, a time phrase, a verb.
ELIDED_FOLLOW_RE = re.compile(
    r"^(?:\s+more\b)?(?:\s*(?:[,.;:)）]|$)|\s+(?:to|and|or|by|in|this|last|next|from|at|for|during|since|until|before|"
    r"after|a\s+(?:day|year|month|week)|per|each|every|annually|respectively|are|were|is|was|have|has|had|"
    r"will|would|can|could|respectively)\b)",
    re.IGNORECASE,
)
# The text between an earlier count of the sentence and a number that counts the same thing.
ELIDED_GAP_RE = re.compile(
    r"(?:\band|\bor|\bto|\bversus|\baverage\s+of|\btotal\s+of|,|"
    r"\b(?:the|its|their)\s+total(?:\s+number)?\s+(?:reached|rose\s+to|grew\s+to|stood\s+at|hit|was|is|came\s+to))"
    r"\s*(?:(?:about|around|nearly|almost|over|more\s+than|some|another|a\s+further)\s+)?$",
    re.IGNORECASE,
)
ELIDED_GAP_MAX = 120
TOTAL_GAP_RE = re.compile(r"\btotal\b", re.IGNORECASE)
# A count given in parentheses after a place or name, counting what the sentence counted before: "Chongqing (67)".
NAMED_PAREN_BEFORE_RE = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*\($")
# "Of the 35 industrial categories, 29 ...", "Among the 236 products listed in the catalog, 106 ...".
PARTITIVE_BEFORE_RE = re.compile(rf"\b(?:of|among)\s+(?:the|these|those|all)\s+(?P<n>{NUMBER})\s+[^,;.]{{1,80}},\s*$",
                                 re.IGNORECASE)
# A number listed right before a count of the same noun: "4,158 and 3,249 items".
LIST_JOIN_RE = re.compile(r"\s*(?:,\s*|\s+)(?:and|or)\s+")
# "the number of high-tech enterprises grew by 36.2% to 2,856", "..., with 24"
NUMBER_OF_RE = re.compile(r"\b(?:the\s+)?(?:total\s+)?number\s+of\s+(?P<np>[\w\s&'’-]+?)"
                          r"(?=\s+(?:in|at|on|from|across|has|have|had|was|were|is|are|will|grew|rose|reached|"
                          r"increased|fell|dropped|stood|hit|topped|exceeded|doubled|tripled|to|with)\b|\s*[,.;]|$)",
                          re.IGNORECASE)
# "number"/"top" used as verbs ("sellers now number 62,000", "users to top 4 million") do not name the number.
NUMBER_VERB_RE = re.compile(r"(?:\b(?:now|currently|still|will|would|could|may|to|already|together|they)|\w{3,}s)"
                            r"\s+(?:number|top)\s*$", re.IGNORECASE)
NUMBER_OF_LINK_RE = re.compile(
    r"\b(?:to|from|with|at|reached|reach|hit|was|were|is|are|stood\s+at|totaled|totalled|exceeded|topped|passed|"
    r"surpassed|of)\s*$",
    re.IGNORECASE)
# Plural heads that are amounts of money or goods, never counted by a bare number ("exports reached 4.5 billion").
MASS_PLURALS = frozenset("exports imports sales revenues earnings profits investments savings funds taxes assets "
                         "deposits loans costs expenses proceeds receipts emissions shipments".split())
# Counts measured in a unit noun take their subject from the sentence ("throughput reached 27.53 million TEUs").
COUNT_UNIT_NOUNS = frozenset({"teus", "teu"})
# A count followed by "per" is a rate ("150 units per 10,000 workers"), not a count.
RATE_AFTER_RE = re.compile(r"\s+per\b", re.IGNORECASE)
VERB_FORM_RE = re.compile(r"[a-z]+(?:ing|ed)\b")
MODEL_TOKEN_RE = re.compile(r"\d{1,2}[A-Za-z]\w*")  # 5G, 3D, 4K as the first word of a counted noun
COUNT_COPULA_RE = re.compile(rf"{NUM}(?![\w%-])\s+(?:of\s+(?:them|which)\s+)?(?:are|were)\s+(?=[a-z])")

# ---------------------------------------------------------------- exclusions
MONTH_NAMES = ("January|February|March|April|May|June|July|August|September|October|November|"
               "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
EXCLUDED_SPAN_RES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*,?\s*(?:19|20)\d{{2}})?\b"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_NAMES})\b\.?(?:,?\s+(?:19|20)\d{{2}})?"),
    re.compile(rf"\b(?:{MONTH_NAMES})\s+(?:of\s+)?(?:19|20)\d{{2}}\b"),
    re.compile(r"\b(?:19|20)\d{2}[-/年]\d{1,2}(?:[-/月]\d{1,2}日?)?"),
    re.compile(r"\b(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}\b"),
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),
    re.compile(r"\b(?:19|20)\d{2}\s*(?:(?:-|–|—|~|to)\s*(?:19|20)\d{2}|(?:-|–|—|~)\s*\d{2}(?![\d.,%]))\b"),
    re.compile(r"(?:\+\d{1,3}[- ]?)?\(?\b\d{2,4}\)?[- ]\d{3,4}[- ]?\d{4}\b"),
    re.compile(r"\b\d{7,}\b"),
)
YEAR_LIKE_RE = re.compile(r"^(?:19|20)\d{2}$")
# A number right after one of these words names a thing ("Line 3", "No. 5", "top 10").
PRECEDING_BLOCKLIST = frozenset(
    "no no. number top line phase grade level class room page article chapter section item version "
    "route platform terminal hall building floor gate exit bus flight lab laboratory group team batch "
    "round session episode volume issue vol type model station metro zone per every each".split()
)

# ---------------------------------------------------------------- qualifiers
QUALIFIER_RE = re.compile(
    r"\b(?:(?P<approx>about|around|nearly|almost|approximately|roughly|some|close\s+to|an\s+estimated|"
    r"estimated|approx\.)|(?P<at_least>more\s+than|over|above|at\s+least|(?:a\s+)?minimum\s+of|to\s+top|topped|tops|exceeding|exceeded|exceeds|exceed|"
    r"in\s+excess\s+of|upwards\s+of|no\s+less\s+than|not\s+less\s+than|surpassing|surpassed|beyond)|"
    r"(?P<at_most>less\s+than|under|below|up\s+to|at\s+most|(?:a\s+)?maximum\s+of|a\s+ceiling\s+of|no\s+more\s+than|fewer\s+than|"
    r"not\s+more\s+than|not\s+exceeding|within))\s+$",
    re.IGNORECASE,
)
VERB_QUALIFIER_RE = re.compile(r"^(?:exceed\w*|surpass\w*|to\s+top|topped|tops)\s+$", re.IGNORECASE)
FILLER_RE = re.compile(r"(?:\b(?:only|just|merely|a\s+total\s+of|a\s+record|as\s+much\s+as)\s+)+$",
                       re.IGNORECASE)

# ---------------------------------------------------------------- kinds
CHANGE_BEFORE_RE = re.compile(
    r"(?:\b(?:increas|grow|grew|rose|rise|rising|fell|fall|drop|declin|decreas|jump|surg|climb|expand|"
    r"shr[ia]nk|gain|soar|slid|slump|plung|slipp?|dipp?)\w*(?:\s+\w+ly)?(?:\s+by)?(?:\s+an?\s+(?:average|total)\s+of)?"
    r"(?:\s+at\s+an?\s+(?:average\s+)?(?:annual\s+|yearly\s+)?(?:growth\s+)?rate\s+of)?|"
    r"(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)\bup(?:\s+by)?|\bdown(?:\s+by)?|"
    r"\b(?:growth|increase|decrease|decline|rise|drop|gain)(?:\s+rate)?\s+of)\s*$",
    re.IGNORECASE,
)
# Decreases: a change after one of these is negative ("fell by 4.6%" -> -4.6).
DECREASE_BEFORE_RE = re.compile(
    r"(?:\b(?:fell|fall|falls|falling|fallen|drop|drops|dropped|dropping|declin\w*|decreas\w*|down|"
    r"shr[iau]nk\w*|slid|slides|sliding|slump\w*|plung\w*|slip|slips|slipped|slipping|dip|dips|dipped|"
    r"contract(?:ed|s|ing)?)(?:\s+\w+ly)?(?:\s+by)?(?:\s+an?\s+(?:average|total)\s+of)?"
    r"|\b(?:decline|decrease|drop|fall|reduction|cut|loss)\s+of)\s*$",
    re.IGNORECASE,
)
DECREASE_VERB_OBJECT_RE = re.compile(r"^(?:cut|reduc|lower|shorten|decreas)", re.IGNORECASE)
DECREASE_AFTER_RE = re.compile(
    r"^\s*(?:(?:lower|less|fewer|slower|smaller|shorter)\s+(?:[\w-]+\s+){0,3}?than|below|cut|reduction|drop|fall|"
    r"decline|decrease)\b",
    re.IGNORECASE,
)
# "24.5% and 11.2% respectively": the second of a list of changes.
LIST_GAP_RE = re.compile(r"^\s*,?\s*(?:and|or)?\s*$", re.IGNORECASE)
# "High-tech manufacturing rose by 4.6%, and strategic emerging industries by 6.2%"
ELIDED_BY_RE = re.compile(r"(?:,\s*|\band\s+)[\w\s'’&-]{1,60}?\s+by\s*$", re.IGNORECASE)
CHANGE_BY_RE = re.compile(r"\b(?:by|of)\s*$", re.IGNORECASE)
# "raised efficiency by 20%", "cut the number of drivers needed by 70%": a change of the object.
VERB_OBJECT_BY_RE = re.compile(
    r"\b(?:rais|cut|reduc|lower|boost|increas|improv|shorten|extend|decreas|expand|doubl)\w*"
    r"\s+(?P<object>[\w\s&'’-]{1,60}?)\s+by\s*$",
    re.IGNORECASE,
)
CHANGE_AFTER_RE = re.compile(
    r"^\s*(?:year[- ]on[- ]year|yoy|y-o-y|from\s+a\s+year\s+(?:earlier|ago)|over\s+the\s+same\s+period|"
    r"compared\s+with|(?:more|less|fewer|higher|lower|faster|slower|longer|shorter|bigger|smaller|larger|greater)"
    r"\s+(?:[\w-]+\s+){0,3}?than|growth|increase|rise|decline|"
    r"decrease|cut|reduction|drop|fall|(?:below|above)\s+(?:last\s+year|the\s+same\s+period|"
    r"a\s+year\s+(?:earlier|ago)|the\s+level\s+of))\b",
    re.IGNORECASE,
)
# Units whose "N more than ..." is a change ("0.4 years longer than in 2019").
COMPARABLE_UNITS = frozenset({"years", "times", "percentage_points", "CNY", "USD", "EUR", "tonnes", "kWh"})
SHARE_SUBJECT_RE = re.compile(r"^(?:share|proportion|percentage|portion)\s+of\b")
SHARE_BEFORE_RE = re.compile(
    r"\b(?:account(?:ed|s|ing)?\s+for|share\s+of|proportion\s+of|ratio\s+of|made\s+up|making\s+up|"
    r"make\s+up|represent(?:ed|s|ing)?|constitut(?:ed|es|ing))\s*$",
    re.IGNORECASE,
)
# "..., or 72.4% of the city's exports"
SHARE_OR_RE = re.compile(r"[,;]\s*or\s*$", re.IGNORECASE)
# "58.3% of the foreign capital", "62% of buyers": a percent of something is a share of it
# (not "of the same period/last year", which compares).
SHARE_AFTER_RE = re.compile(
    r"^\s*of\s+(?!(?:the\s+)?(?:same|previous|last|this|next)\s+(?:period|year|month|quarter)\b)"
    r"(?:the\s+)?[\w'’&-]", re.IGNORECASE
)

# ---------------------------------------------------------------- periods
MONTH_NUMBER = {m: i + 1 for i, m in enumerate(MONTHS)}
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
YEAR = r"(?:19|20)\d{2}"
MONTH = "|".join(m.capitalize() for m in MONTHS)
MONTH_RANGE_RE = re.compile(
    rf"\b(?:[Ff]rom|[Bb]etween)\s+(?P<m1>{MONTH})\s+(?:to|and|through|till|until)\s+(?P<m2>{MONTH})"
    rf"(?:\s*,?\s*(?:of\s+)?(?P<year>{YEAR}))?"
)
CUE_PREFIX = r"(?:(?:[Ii]n|[Dd]uring|[Ff]or|[Oo]ver)\s+the\s+)?"
FIRST_MONTHS_RE = re.compile(
    rf"{CUE_PREFIX}\bfirst\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})\s+months"
    rf"(?:\s+of\s+(?:(?:this|the)\s+year|(?P<year>{YEAR})))?",
    re.IGNORECASE,
)
PART_OF_YEAR_RE = re.compile(
    rf"{CUE_PREFIX}\b(?P<part>first\s+half|second\s+half|first\s+quarter|second\s+quarter|third\s+quarter|"
    rf"fourth\s+quarter|first\s+three\s+quarters)(?:\s+of\s+(?:(?:this|the)\s+year|(?P<year>{YEAR})))?",
    re.IGNORECASE,
)
PART_MONTHS = {"first half": (1, 6), "second half": (7, 12), "first quarter": (1, 3),
               "second quarter": (4, 6), "third quarter": (7, 9), "fourth quarter": (10, 12),
               "first three quarters": (1, 9)}
YEAR_RANGE_RE = re.compile(
    rf"\b(?:[Ff]rom\s+(?P<a1>{YEAR})\s+(?:to|till|until|through)\s+(?P<b1>{YEAR})|"
    rf"[Bb]etween\s+(?P<a2>{YEAR})\s+and\s+(?P<b2>{YEAR})|(?P<a3>{YEAR})\s*(?:-|–|—|~)\s*(?P<b3>{YEAR}))\b"
)
SINCE_RE = re.compile(rf"\b[Ss]ince\b(?:(?!\b{YEAR}\b)[^.;]){{0,100}}?\b(?P<year>{YEAR})\b(?!\s*[-–])")
IN_YEAR_RE = re.compile(
    rf"\b(?:[Ii]n|[Bb]y\s+the\s+end\s+of|[Aa]t\s+the\s+end\s+of|[Aa]s\s+of|[Bb]y|[Dd]uring|"
    rf"[Tt]hroughout|[Ff]or|[Ii]n\s+the\s+year\s+of|[Ee]nd\s+of)\s+(?P<year>{YEAR})\b(?!\s*[-–]\d)"
)
# "founded in 1998" dates an event, it is not the period a figure is measured over.
EVENT_BEFORE_YEAR_RE = re.compile(
    r"\b(?:founded|established|set\s+up|built|born|opened|open|opens|launched|launch|launches|started|start|starts|"
    r"begin|begins|began|completed|complete|completes|created|inaugurated|listed|approved|held|awarded|introduced|"
    r"proposed|published|released|announced|issued|signed|unveiled|took\s+place|take\s+place)"
    r"(?:\s+(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?\s*$",
    re.IGNORECASE,
)
# A single month: "In March alone", "as of March 11", "at the end of September", "in late January".
MONTH_CUE_RE = re.compile(
    rf"\b(?:[Ii]n|[Dd]uring|[Aa]s\s+of|[Bb]y|[Bb]y\s+the\s+end\s+of|[Aa]t\s+the\s+end\s+of|[Ii]n\s+(?:early|mid|late)|"
    rf"[Ii]n\s+the\s+(?:first|second|third|fourth|last)\s+(?:week|half|ten\s+days)\s+of)[- ]\s*"
    rf"(?P<m>{MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:of\s+)?(?P<year>{YEAR}))?\b(?!\s+(?:to|and|through|-)\s+"
    rf"(?:{MONTH}))"
)
# Words between a figure and a later cue that make the cue the comparison base ("30% more than at the
# previous expo in 2018", "11 times the output at the end of January").
COMPARISON_BETWEEN_RE = re.compile(r"\b(?:than|compared|from\s+a\s+year|same\s+period|times\s+(?:the|that|as))\b",
                                   re.IGNORECASE)
# Where one clause of a sentence ends and another begins: a cue does not cross it to a later figure.
CLAUSE_BOUNDARY_RE = re.compile(r"[;:]|,\s*(?:and|but|while|whereas|although|though|yet)\b")
CLAUSE_COMMA_RE = re.compile(r",(?!\d{3})")  # not the thousands separator of "860,000"
RELATIVE_CLAUSE_BEFORE_RE = re.compile(r",\s*(?:which|who|that)\b[^,]*$")
# A clause that dates its main clause: "When Line 4 opens in 2020, the network will cover 154.3 km".
WHEN_CLAUSE_RE = re.compile(r"^\s*(?:When|Once|After|By\s+the\s+time)\b")
# A cue after a figure that only says what it is compared with: "than in 2018", "over the same period last year".
COMPARISON_BEFORE_CUE_RE = re.compile(
    r"(?:\bthan|\bfrom|\bover|\bcompared\s+with|\bcompared\s+to|\bagainst|\bsince|\bversus|same\s+period\s+(?:of)?|"
    r"\bof|(?<!and\s)\bbelow|(?<!and\s)\babove|\bbeyond|"
    r"\bthat\s+of|\bbefore|\bafter)\s*(?:in\s+|the\s+|that\s+of\s+)*$",
    re.IGNORECASE,
)
RELATIVE_YEAR_RE = re.compile(r"\b(?P<rel>last|this)\s+year\b", re.IGNORECASE)
ANY_YEAR_RE = re.compile(rf"\b{YEAR}\b")
FOLLOWING_CUE_GAP = 2  # a cue starting at most this many chars after the quantity belongs to it
# ... or one separated from it only by a bracketed conversion: "923.7 billion yuan ($133.6 billion) in 2019"
PARENTHETICAL_GAP_RE = re.compile(r"\s*[(（][^()（）]{0,60}[)）]\s*")
CUE_MONTHS, CUE_SINCE, CUE_YEAR = 3, 2, 1  # priorities when two cues end at the same place

# ---------------------------------------------------------------- subjects
WORD_RE = re.compile(r"[A-Za-z0-9][\w&'’.-]*[\w&]|[A-Za-z0-9]|[^\w\s]")
LINK_RE = re.compile(
    r"(?:,\s*)?\s+(?:(?:has|have|had|will|would|is|are|was|were|to|be|been|expected|set|due|likely|still|also|now|"
    r"already|further|each|alone)\s+){0,4}(?:\w+ly\s+)?"
    r"(?:increased|increase|increases|increasing|rose|rise|rises|rising|grew|grow|grows|growing|"
    r"jumped|jumps|surged|climbed|dropped|drops|fell|falls|declined|declines|decreased|decreases|slipped|slid|"
    r"dipped|plunged|plummeted|soared|shrank|contracted|rebounded|recovered|widened|narrowed|edged\s+(?:up|down)|"
    r"reached|reach|reaches|reaching|hit|hits|totaled|totalled|totaling|totalling|amounted|amounting|amounts|"
    r"stood|stands|was|were|is|are|accounted|accounting|accounts|account|exceeded|exceeding|exceeds|"
    r"registered|recorded|posted|achieved|expanded|represented|representing|represents|made\s+up|"
    r"making\s+up|ranks|ranked|ranking|placed|came|contributed|contributes|earned|earns|generated|"
    r"generates|realized|realised|produced|produces|handled|handles|attracted|invested|raised|saw|sees|"
    r"reported|numbered|number|numbers|topped|tops|top|covers|covered|cover|covering|use|uses|used|average|averaged|"
    r"consume|consumes|consumed|occupy|occupies|occupied|run|runs|ran|stretch|stretches|stretched|span|spans|"
    r"measure|measures|measured|make\s+up|makes\s+up|doubled|double|tripled|triple|exceed|surpass|surpassed|worth)"
    r"(?:\s+(?:by|to|for|at|from|of|up|down|only|just|still|about|an?\s+(?:average|total)\s+of|"
    r"at\s+an?\s+(?:average\s+)?(?:annual\s+|yearly\s+)?(?:growth\s+)?rate\s+of))*\s*$"
    r"|(?:,\s*)?\s+(?:(?:will|would|is|are|to)\s+){0,3}(?:cost|costs|costing)\s*$",
    re.IGNORECASE,
)
OF_LINK_RE = re.compile(r"\s+(?:of|at|totaling|totalling|worth)\s*$", re.IGNORECASE)
TRAILING_TIME_RE = re.compile(
    r"\s+(?:(?:in|during|over|for)\s+the\s+(?:first|last|past|next)\s+\w+\s+(?:days|weeks|months|years)"
    r"|(?:in|during|over|for)\s+(?:the\s+)?(?:same\s+|first\s+|whole\s+|full\s+)?(?:period|year|quarter|month|"
    r"half)s?(?:\s+of\s+\w+)?|(?:this|last)\s+year|(?:in|by)\s+(?:19|20)\d{2})\s*$",
    re.IGNORECASE,
)
PLACE_PP_RE = re.compile(
    r"\s+(?:(?:in|of)\s+(?:the\s+)?(?:city|province|country|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)|"
    r"(?:through|across|at|to|throughout)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s*$"
)
# "production efficiency at these companies": a trailing phrase that points back, not a restriction.
REFERENCE_PP_RE = re.compile(r"\s+(?:at|among|across|in|for)\s+(?:these|those|such|all|its|their)(?:\s+[\w-]+){1,2}\s*$",  # noqa: E501
                             re.IGNORECASE)
DISCOURSE_TAIL_RE = re.compile(r"\s*,\s*(?:however|meanwhile|in\s+contrast|by\s+contrast|too|also|though|"
                               r"in\s+particular|for\s+example|in\s+turn)\s*,?\s*$", re.IGNORECASE)
# "enterprises with annual revenue above ...", ", and housing allowances up to ..."
QUALIFIED_NP_RE = re.compile(r"(?:\bwith|,\s*and|;\s*and)\s+(?P<np>(?:[\w&'’-]+\s+){0,4}[\w&'’-]+)\s*$")
RELATIVE_TAIL_RE = re.compile(r"\s*,\s*(?:which|that|who)\s*$", re.IGNORECASE)
# ", Ningbo's main cross-border channel," between a subject and its verb.
APPOSITION_RE = re.compile(r"^\s*(?:the|a|an|[A-Z][\w-]*(?:'s|’s)|its|their)\s+[\w\s'’-]{1,60}$")
LEADING_ADVERBIAL_RE = re.compile(
    r"^\s*(?:in|on|by|as|at|during|from|since|after|before|for|with|among|of|over|under|according|last|this)\b",
    re.IGNORECASE)
NAME_RUN_WORDS = frozenset({"and", "of", "the", "&"})
# Prepositions that join a restricting phrase to a noun ("trade with the EU", "imports through the bonded zone").
NP_JOINER_WORDS = frozenset({"with", "for", "between", "along", "through"})
# Capitalized words the current article uses mid-sentence (names), set by extract_metrics.
_MID_SENTENCE_NAMES: ContextVar[frozenset[str]] = ContextVar("_MID_SENTENCE_NAMES", default=frozenset())
MID_SENTENCE_CAPITAL_RE = re.compile(r"(?<=[a-z,;:’'\"”)] )([A-Z][a-z][\w-]*)")
NP_STOP_WORDS = frozenset(
    "the a an this these that those its their his her our your my which who whom whose where when "
    "while as by to from at on into onto than there it they we he she also has have had is "
    "are was were be been being will would can could may might should shall do does did not no "
    "but or so if because although though since after before until during among "
    "including such like via about over under up down only just alone without within across through "
    "toward towards against along around behind beyond near outside inside upon amid throughout despite "
    "except plus versus together combined respectively altogether".split()
)
AUXILIARIES = frozenset("has have had is are was were be been being".split())
NP_INNER_WORDS = frozenset({"of", "in", "and", "with", "for", "between"})
# A capitalized name inside a noun phrase: "trade volume between Ningbo and CEEC countries".
NP_NAME_LEFT_WORDS = frozenset({"of", "in", "between", "and", "with", "for", "along", "from", "through"})
# Verbs that end a noun phrase (irregular past tenses and common transitive verbs).
VERB_WORDS = frozenset(
    "sent made took gave won set built held saw got put came went became began brought bought kept left "
    "lost met paid ran said sold spent told wrote grew rose fell drew chose led joined signed offer offers "
    "offered provide provides provided receive receives received receiving give gives get gets make makes "
    "take takes send sends win wins build builds hold holds see sees keep keeps bring brings including "
    "bringing making reaching covering attract attracts invest invests need needs needed generated "
    "generates realized realised realizes earned earns contributed recorded registered posted achieved "
    "reported attracted handled produced issued drove drives enjoyed enjoy enjoys paid pays whereas "
    "exported imported expect expects expected said says estimate estimates estimated predict predicts "
    "forecast forecasts show shows showed believe believes think thinks put puts want wants start starts "
    "plan plans aim aims found finds find sought taught thought caught fought fed bred dealt felt heard meant "
    "sat stood understood wore bore tore shot lent spent bent sent stuck struck swept hung hold use uses used "
    "employ employs employed serve serves served host hosts hosted sell sells".split()
)
NP_MAX_WORDS = 8
SUBJECT_DROP_LEADING = frozenset({"total", "accumulated", "cumulative"})
GENERIC_SUBJECT_RE = re.compile(
    r"^(?:(?:average|annual|yearly|year-on-year|yoy|overall)\s*)*(?:(?:growth|increase|rise|decline|"
    r"decrease|drop|gain)(?:\s+rate)?)?$"
)
# Text between two quantities that makes the second share the first one's subject
# ("from 3.797 million yuan in 1987 to 137.4 million yuan").
INHERIT_GAP_RE = re.compile(
    rf"^(?:[^;.]{{0,150}}[,;])?[\s,(（]*(?:(?:year[- ]on[- ]year|yoy|from\s+a\s+year\s+(?:earlier|ago))\s*)?"
    rf"(?:(?:in|by)\s+{YEAR}\s*)?(?:and\s+)?(?:to|and|or|versus|up|down|(?:up|down)\s+from|from|accounting\s+for|"
    rf"making\s+up|representing|equal\s+to|equivalent\s+to|saving|"
    rf"(?:an?\s+)?(?:(?:daily|annual|monthly|yearly)\s+)?(?:increase|decrease|rise|drop|decline|growth|gain|average)\s+of|"
    rf"increasing|rising|growing|falling|dropping|declining)?"
    rf"(?:\s+by)?\s*(?:(?:about|around|nearly|almost|over|more\s+than|some|roughly)\s+)?$"
)
ELIDED_SUBJECT_GAP_RE = re.compile(
    r"^[^;.]{0,80},\s*and\s+(?:is|are|was|were|will|has|have|had)\s+[a-z\s]{0,40}$")
FROM_GAP_RE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
# "rose 45.6%, integrated circuits 38.1% and industrial robots 27.4%"
LISTED_CHANGE_GAP_RE = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<np>[a-zA-Z][\w'’&-]*(?:\s+[\w'’&-]+){0,4})\s+$")
# "1.172 billion tonnes of cargo", "31.5 billion yuan in new loans", "500 million yuan on subsidies"
UNIT_OF_UNITS = frozenset({"CNY", "USD", "EUR", "tonnes", "kWh", "m2", "km2", "mu", "km"})
UNIT_OF_RE = re.compile(r"^\s+(?:of|in|on)\s+")
ADJECTIVAL_UNIT_RE = re.compile(r"\d-[a-z]")
SHARE_OF_RE = re.compile(r"^\s+of\s+")
SHARE_WHOLE_WORDS = frozenset("total them which these those all gdp whole same level figure amount number".split())
SHARE_OF_TOTAL_RE = re.compile(r"^\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}total\b", re.IGNORECASE)
# Words that end a simple noun phrase besides verbs and prepositions.
PHRASE_STOP_WORDS = frozenset("now today currently already still online offline overseas abroad nationwide "
                              "worldwide above below".split())
DETERMINERS = frozenset("the a an its their his her our this these those".split())
# "ranked No. 3 nationwide in sales of collaborative robots", "ranks third by the number of base stations"
RANK_MEASURE_RE = re.compile(r"\b(?:in|by)\s+")
RANK_MEASURE_WINDOW = 80
RANK_IDIOM_WORDS = frozenset("row succession turn terms".split())  # "for the 5th year in a row"
CLAUSE_END_RE = re.compile(r"[,;]|\s+(?:and|while|whereas|but)\s+")
RANK_PARTICIPLE_RE = re.compile(r"^(?:ranking|placing|coming)\b", re.IGNORECASE)
PLACE_WORDS = frozenset("province country world nation city region county district globe asia china zhejiang "
                        "yangtze ningbo".split())
TIME_WORDS = frozenset("first last past same period year years month months quarter quarters half week weeks "
                       "total average this next".split())
SIMPLE_PHRASE_CHARS = 160
# A ranking this close after a quantity ranks that quantity ("1.08 billion tonnes of cargo, ranking first").
RANK_INHERIT_GAP_RE = re.compile(r"^[\w\s'’-]{0,40}[,;]?\s*$")
QUOTES = frozenset("\"“”‘")
PARENTHESES_RE = re.compile(r"\s*[(（][^()（）]*[)）]")
COUNT_CLASSIFIERS = frozenset("pieces units sets kinds types batches pairs sorts varieties groups bottles boxes "
                              "tons tonnes cases packs bags rolls".split())
ANY_NUMBER_RE = re.compile(r"\d")
UNIT_WORDS = frozenset(SCALE_WORDS) | frozenset(
    "yuan rmb dollars euros tonnes tons percent km mu times kwh".split())
COUNT_STOP_WORDS = NP_STOP_WORDS | frozenset(
    "of in ranks rank ranked ranking accounting accounted accounts account were was are is last next "
    "increased rose grew reached have has had will each every respectively per with for between".split()
)
NONCOUNT_FIRST_WORDS = frozenset(
    "years year months month days day weeks week hours hour minutes minute seconds second times "
    "percent per yuan rmb dollars dollar euros euro usd cny tons tonnes tonne ton mu km kilometers "
    "kilometres square sq meters metres kwh thousand million billion trillion hundred of to and or "
    "am pm more less than micrograms microgram milligrams grams gram kilograms kilogram kg meters meter "
    "metres metre centimeters millimeters liters litres liter degrees degree celsius hectares hectare acres "
    "miles mile feet foot inches pounds watts kilowatts megawatts gigawatts mw gw volts mbps gbps "
    "gigabytes terabytes cubic".split()
)
SUPERLATIVES = frozenset(
    "best top largest biggest most greatest strongest richest fastest leading-edge worst".split()
)
ACRONYM_PLURAL_RE = re.compile(r"[A-Z][A-Z&]+s")  # TEUs, SMEs
# Adverbs end a count's noun phrase ("5 million tourists annually"); these -ly words are nouns.
LY_NOUNS = frozenset("family assembly supply rally ally reply monopoly anomaly italy july".split())
TIME_UNIT_WORDS = frozenset("years months weeks days hours minutes seconds decades centuries".split())
PLURAL_NOUNS = frozenset(
    "people personnel staff talent talents children police cattle equipment youth faculty".split()
)
NOT_PLURAL_ENDINGS = ("ss", "us", "is")


@dataclass
class _Found:
    """One quantity found in a sentence (offsets relative to the paragraph)."""

    start: int  # start of `text`
    end: int
    value: float
    unit: str
    kind: str | None = None  # decided later unless fixed by the matcher
    subject: str | None = None
    num_start: int = 0  # where the number (or currency sign) starts: qualifier context
    qualifier: str | None = None  # fixed by the matcher ("top 10" is at most 10)
    rules: list[str] = field(default_factory=list)  # ids of the rules that decided it, in order


def extract_metrics(body: str, published: str | None = None) -> list[Metric]:
    """Metric records for the numeric facts in `body` (rules in the module docstring)."""
    pub = _published_parts(published)
    token = _MID_SENTENCE_NAMES.set(frozenset(MID_SENTENCE_CAPITAL_RE.findall(body)))
    try:
        return _extract(body, pub)
    finally:
        _MID_SENTENCE_NAMES.reset(token)


def _extract(body: str, pub: tuple[int, int] | None) -> list[Metric]:
    metrics: list[Metric] = []
    for para_start, para in _paragraphs(body):
        if not NUMBERISH_RE.search(para):
            continue  # no digit and no number word: nothing any matcher could find
        if _is_subheading(para):
            continue  # "Over 300 Exciting Events": a subheading announces what the text then reports
        excluded = _excluded_spans(para)
        for sent_start, sent_end in _sentences(para):
            sentence = para[sent_start:sent_end]
            if not NUMBERISH_RE.search(sentence):
                continue
            cues = _period_cues(sentence, para[:sent_start], pub)
            previous: _Found | None = None
            for item in _find_quantities(para, sent_start, sent_end, excluded):
                qualifier = _describe(item, previous, para, sent_start, sent_end)
                kind = item.kind or "level"
                start, end = item.start - sent_start, item.end - sent_start
                period = _period_for(cues, sentence, start, end)
                denominator = context.denominator(kind, sentence[end:])
                place = context.place(sentence, item.num_start - sent_start, kind)
                modality = context.modality(sentence, start, end)
                rules = [*item.rules, *(["period.cue"] if period else []),
                         *(["denominator.of_after"] if denominator else []), *(["place.named"] if place else []),
                         *([f"modality.{modality}_cue"] if modality != context.ACTUAL else [])]
                metrics.append(Metric(
                    value=float(item.value), unit=item.unit, kind=kind, subject=item.subject,
                    period=period, qualifier=qualifier, text=para[item.start:item.end],
                    char_start=para_start + item.start, char_end=para_start + item.end,
                    denominator=denominator, place=place, modality=modality, rules=tuple(rules),
                ))
                previous = item
    return metrics


def _describe(item: _Found, previous: _Found | None, para: str, sent_start: int, sent_end: int) -> str | None:
    """Set kind, sign and subject of `item` from its sentence; return its qualifier."""
    rules = item.rules
    qualifier, before = _qualifier(para[sent_start:item.num_start])
    if item.qualifier is not None:
        qualifier = item.qualifier
        rules.append(f"qualifier.matcher:{qualifier}")
    elif qualifier is not None:
        rules.append(f"qualifier.words_before:{qualifier}")
    after = para[item.end:sent_end]
    gap = para[previous.end:item.start] if previous is not None else ""
    listed_subject = None
    if item.kind is None:
        item.kind, kind_rule = _kind(item.unit, before, after)
        rules.append(kind_rule)
        if previous is not None and previous.kind == "change" and item.kind == "level" and item.unit == previous.unit:
            listed_subject = _listed_subject(gap)
            if listed_subject is not None or _continues_change(previous, item, para, before):
                # "rose by 24.5% and 11.2% respectively", "rose 45.6%, integrated circuits 38.1%"
                item.kind = "change"
                rules.append("kind.listed_after_change")
                if previous.value < 0:
                    item.value = -abs(item.value)
    else:
        rules.append(f"kind.matcher:{item.kind}")
    if item.kind == "change" and _is_decrease(before, after):
        item.value = -abs(item.value)
        rules.append("sign.decrease")
    if item.subject is not None:
        rules.append("subject.counted_noun")
    elif listed_subject is not None:
        item.subject = listed_subject
        rules.append("subject.listed")
    elif item.unit == "rank":
        item.subject = _rank_subject(previous, gap, before, after, para[item.start:item.end])
        rules.append("subject.rank")
    else:
        unit_of = _unit_of_subject(item, para, after)
        item.subject = unit_of or _subject_before(before, qualifier)
        rules.append("subject.unit_of" if unit_of else "subject.before")
    if previous is not None and item.unit != "rank" and _inherits(item, previous, gap):
        item.subject = previous.subject
        rules.append("subject.inherited")
        if FROM_GAP_RE.search(gap) and previous.unit == item.unit and previous.kind in ("level", "share"):
            item.kind = previous.kind  # "reached 13.6% in 2019, up from 11.9% in 2018"
            rules.append("kind.up_from")
    if item.subject is None and item.unit != "rank":
        item.subject = _share_of_subject(item, after)
        if item.subject is not None:
            rules.append("subject.share_of")
    if item.subject is not None and GENERIC_SUBJECT_RE.match(item.subject):
        item.subject = None
        rules.append("subject.generic_dropped")
    if previous is not None and item.unit == "percent" and SHARE_OR_RE.search(before):
        # "..., or 72.8%": a share of the quantity before, or the relative size of its change
        item.kind = "change" if previous.kind == "change" else "share"
        rules.append("kind.or_percent")
    if item.unit == "percent" and item.kind == "level" and item.subject and SHARE_SUBJECT_RE.match(item.subject):
        item.kind = "share"  # "the share of citizens with scientific literacy reached 13.6%"
        rules.append("kind.share_subject")
    return qualifier


def _listed_subject(gap: str) -> str | None:
    """The noun phrase of an elided change: "rose 45.6%, integrated circuits 38.1%" -> "integrated circuits"."""
    match = LISTED_CHANGE_GAP_RE.match(gap)
    if not match:
        return None
    words = match.group("np").split()
    if any(w.lower() in NP_STOP_WORDS or w.lower() in VERB_WORDS or w.lower() in NUMBER_WORDS for w in words):
        return None
    return " ".join(words).lower()


def _unit_of_subject(item: _Found, para: str, after: str) -> str | None:
    """ "1.172 billion tonnes of cargo" -> "cargo"; "a 3,000-mu digital rice farm" -> "digital rice farm"."""
    if item.unit not in UNIT_OF_UNITS:
        return None
    text = para[item.start:item.end]
    if ADJECTIVAL_UNIT_RE.search(text):
        return _simple_phrase(after)
    match = UNIT_OF_RE.match(after)
    return _simple_phrase(after[match.end():]) if match else None


def _share_of_subject(item: _Found, after: str) -> str | None:
    """ "98.6% of the city's industrial enterprises" -> "industrial enterprises" (no subject before)."""
    if item.unit != "percent":
        return None
    match = SHARE_OF_RE.match(after)
    if not match or SHARE_OF_TOTAL_RE.match(after):
        return None  # "15% of the national total"
    phrase = _simple_phrase(after[match.end():])
    return None if phrase is None or phrase.split()[0] in SHARE_WHOLE_WORDS else phrase


def _rank_subject(previous: _Found | None, gap: str, before: str, after: str, text: str) -> str | None:
    """What a rank ranks: the measure it names ("No. 3 nationwide in sales of X"), the quantity
    it follows ("865 SMEs, ranking first"), else the sentence's subject."""
    clause = CLAUSE_END_RE.split(after[:RANK_MEASURE_WINDOW], 1)[0]
    for match in RANK_MEASURE_RE.finditer(clause):
        phrase = _simple_phrase(clause[match.end():], keep_names=True)
        if phrase and phrase.split()[0] not in PLACE_WORDS | TIME_WORDS | RANK_IDIOM_WORDS:
            return phrase
    if previous is None:
        return _subject_before(before, None)
    follows = previous.unit != "rank" and RANK_INHERIT_GAP_RE.match(gap)
    if follows and (gap.rstrip().endswith((",", ";")) or RANK_PARTICIPLE_RE.match(text)):
        return previous.subject  # "865 SMEs, ranking first in the province"
    own = _subject_before(before, None)
    if own is None and follows and not gap.strip():
        return previous.subject  # "its container throughput of 26.35 million TEUs ranked third"
    return own


def _simple_phrase(text: str, keep_names: bool = False) -> str | None:
    """The noun phrase at the start of `text`: words up to a verb, preposition (but "of") or punctuation."""
    words: list[str] = []
    tokens = [t.group() for t in WORD_RE.finditer(text[:SIMPLE_PHRASE_CHARS]) if t.group() not in QUOTES]
    for index, word in enumerate(tokens):
        lower = word.lower()
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if not words and lower in DETERMINERS:
            continue
        if not words and lower.endswith("ing") and (following.lower() in DETERMINERS or not following[:1].isalpha()):
            return None  # "on cultivating the companies": a verb, not a noun phrase
        if not words and (lower.endswith(("'s", "’s"))):
            continue  # "Ningbo's industrial enterprises"
        if not (word[0].isalpha() or MODEL_TOKEN_RE.fullmatch(word) and words):
            break
        if (lower in NP_STOP_WORDS or lower in VERB_WORDS or lower in TIME_WORDS or lower in PHRASE_STOP_WORDS
                or lower in COUNT_STOP_WORDS and lower != "of"
                or lower.endswith("ly") and len(lower) > 4 and lower not in LY_NOUNS
                or words and VERB_FORM_RE.fullmatch(lower) and not _is_plural(lower)):
            break
        if word[0].isupper() and not keep_names and _is_name(word):
            break
        if lower == "of" and (not following[:1].isalpha() or following.lower() in NP_STOP_WORDS):
            break
        if lower == "and":
            after_next = tokens[index + 2].lower() if index + 2 < len(tokens) else ""
            if (not following[:1].isalpha() or following.lower() in VERB_WORDS | NP_STOP_WORDS
                    or VERB_FORM_RE.fullmatch(following.lower()) or after_next in {"or", "the", "a", "an"}
                    or after_next[:1].isdigit()):
                break  # "2.3 billion yuan in subsidies and cut or deferred taxes"
        words.append(word)
        if len(words) >= NP_MAX_WORDS:
            break
    while words and words[-1].lower() in NP_INNER_WORDS:
        words.pop()
    if not words or not words[0][0].islower() and not MODEL_TOKEN_RE.fullmatch(words[0]) \
            and not words[0].isupper() or any(w.lower() in UNIT_WORDS for w in words):
        return None
    return " ".join(words).lower()


# ---------------------------------------------------------------- structure
PARAGRAPH_RE = re.compile(r"[^\n]+")
SENTENCE_END_CHARS = ".!?。！？:;,\"”')）"
SUBHEADING_MAX_WORDS = 8
SUBHEADING_SMALL_WORDS = frozenset("a an the of in on at for to and or with by from as".split())
INITIAL_RE = re.compile(r"[a-z]")  # "F. Tan": a one-letter initial does not end a sentence
PREVIOUS_WORD_RE = re.compile(r"([A-Za-z][\w.]*)\s*$")
PUBLISHED_RE = re.compile(rf"^({YEAR})-(\d{{2}})")
SENTENCE_END_RE = re.compile(r"[.!?。！？][\"”’)）]*\s+(?=[\"“‘(（]?[A-Z0-9])")
LAST_TOKEN_RE = re.compile(r"([\w.]+)[.!?。！？][\"”’)）]*\s+$")
ABBREVIATIONS = frozenset(
    "co ltd no mr mrs ms dr prof st inc corp jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s e.g i.e etc vs gov dept".split()
)


def _is_subheading(para: str) -> bool:
    """A short Title Case line without closing punctuation (a subheading inside the body)."""
    text = para.strip()
    if not text or text[-1] in SENTENCE_END_CHARS:
        return False
    words = text.split()
    if len(words) > SUBHEADING_MAX_WORDS:
        return False
    content = [w for w in words if w[:1].isalpha() and w.lower() not in SUBHEADING_SMALL_WORDS]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


def _paragraphs(body: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in PARAGRAPH_RE.finditer(body)]


def _sentences(para: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(para):
        last = LAST_TOKEN_RE.search(para, start, match.end())
        token = last.group(1).lower() if last else ""
        if para[match.start()] == "." and (token in ABBREVIATIONS or INITIAL_RE.fullmatch(token)):
            continue
        spans.append((start, match.start() + 1))
        start = match.end()
    if start < len(para):
        spans.append((start, len(para)))
    return spans


def _excluded_spans(para: str) -> list[tuple[int, int]]:
    return [m.span() for regex in EXCLUDED_SPAN_RES for m in regex.finditer(para)]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


# ---------------------------------------------------------------- matching
def _number(match: re.Match[str]) -> float:
    """The matched number with its scale word applied, exactly ("32.8 billion" -> 32800000000.0)."""
    value = Decimal(match.group("num").replace(",", ""))
    scale = match.groupdict().get("scale")
    if scale:
        value *= Decimal(int(SCALE_WORDS[scale.lower()]))
    return float(value)


def _fraction(match: re.Match[str]) -> _Found | None:
    """A share written as a fraction: "one third of", "9 out of 10", "nearly 1/3", "more than half of"."""
    groups = match.groupdict()
    if groups.get("word_frac"):
        numerator, denominator = FRACTION_WORDS[" ".join(groups["word_frac"].lower().replace("-", " ").split())]
    elif groups.get("half"):
        numerator, denominator = 1, 2
    else:
        top = groups.get("out_a") or groups.get("slash_a") or ""
        bottom = groups.get("out_b") or groups.get("slash_b") or ""
        numerator = int(top) if top.isdigit() else SPELLED_NUMBERS.get(top.lower(), 1 if top.lower() == "one" else 0)
        denominator = int(bottom) if bottom.isdigit() else SPELLED_NUMBERS.get(bottom.lower(), 0)
    if not 0 < numerator < denominator:
        return None
    if PERIOD_FRACTION_BEFORE_RE.search(match.string, 0, match.start()):
        return None  # "the first three quarters of this year" is a period
    value = float(round(Decimal(numerator * 100) / Decimal(denominator), 2))
    kind = "share" if groups.get("out_a") or PARTITIVE_OF_RE.match(match.string, match.end()) else None
    start = match.start("half") if groups.get("half") else match.start()
    return _Found(start, match.end(), value, "percent", kind=kind, num_start=start)


def _money(match: re.Match[str]) -> _Found:
    return _Found(match.start(), match.end(), _number(match), CURRENCIES[match.group("cur").lower()],
                  num_start=match.start())


def _simple(unit: str, kind: str | None = None) -> Callable[[re.Match[str]], _Found]:
    def build(match: re.Match[str]) -> _Found:
        return _Found(match.start(), match.end(), _number(match), unit, kind=kind, num_start=match.start())
    return build


def _energy(match: re.Match[str]) -> _Found:
    prefix = (match.group("prefix") or match.group("word") or "k")[0].lower()
    value = Decimal(str(_number(match))) * Decimal(int(ENERGY_FACTORS[prefix]))
    return _Found(match.start(), match.end(), float(value), "kWh", num_start=match.start())


def _top_rank(match: re.Match[str]) -> _Found | None:
    value = int(match.group("n"))
    if value < 1:
        return None
    return _Found(match.start("ord"), match.end("ord"), float(value), "rank", kind="rank",
                  num_start=match.start("ord"), qualifier="at_most")


def _plain_rank(match: re.Match[str]) -> _Found | None:
    word = match.groupdict().get("word")
    value = ORDINAL_WORDS[word.lower()] if word else int(match.group("n"))
    if value < 1:
        return None
    return _Found(match.start("ord"), match.end(), float(value), "rank", kind="rank", num_start=match.start("ord"))


def _scoped_rank(match: re.Match[str]) -> _Found | None:
    group = "ord" if match.group("ord") else "ord2"
    word = match.group("word") or match.group("word2")
    value = ORDINAL_WORDS[word.lower()] if word else int(match.group("n") or match.group("n2"))
    if value < 1:
        return None
    return _Found(match.start(group), match.end(), float(value), "rank", kind="rank", num_start=match.start(group))


def _rank(match: re.Match[str]) -> _Found | None:
    raw = match.group("ordnum") or match.group("nonum") or match.group("wnum")
    value = int(raw) if raw else ORDINAL_WORDS[match.group("ord").lower()]
    if value < 1:
        return None
    return _Found(match.start(), match.end(), float(value), "rank", kind="rank",
                  num_start=match.start("ord"))


# The matchers in priority order: (rule id, regex, builder). A rule id names the rule in a
# metric's `rules` (`newsetl extract --explain`).
MATCHERS: tuple[tuple[str, re.Pattern[str], Callable[[re.Match[str]], _Found | None]], ...] = (
    ("money_prefixed", MONEY_PREFIXED_RE, _money),
    ("money_suffixed", MONEY_SUFFIXED_RE, _money),
    ("percentage_points", PERCENTAGE_POINTS_RE, _simple("percentage_points", "change")),
    ("percent", PERCENT_RE, _simple("percent")),
    ("km2", KM2_RE, _simple("km2")),
    ("m2", M2_RE, _simple("m2")),
    ("mu", MU_RE, _simple("mu")),
    ("tonnes", TONNES_RE, _simple("tonnes")),
    ("kwh", KWH_RE, _energy),
    ("km", KM_RE, _simple("km")),
    ("times", TIMES_RE, _simple("times")),
    ("rank_verb", RANK_RE, _rank),
    ("rank_top_n", TOP_RANK_RE, _top_rank),
    ("rank_no", NO_RANK_RE, _plain_rank),
    ("rank_ordinal_superlative", ORDINAL_SUPERLATIVE_RE, _plain_rank),
    ("rank_scoped", SCOPED_RANK_RE, _scoped_rank),
    ("fraction", FRACTION_RE, _fraction),
)


# Every matcher needs a digit or one of these words: a sentence with neither is skipped
# (most sentences of an article), which is where most of the time went.
NUMBERISH_RE = re.compile(
    r"\d|(?<![\w-])(?:" + "|".join(sorted({*SPELLED_NUMBERS, *SPELLED_TENS, *SPELLED_UNITS, *ORDINAL_WORDS,
                                          "half", "halves", "thirds", "quarter", "quarters", "fourths", "fifths"},
                                         key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE,
)


# A matcher can only match a sentence that contains one of its trigger strings (lowercase):
# checking them first skips most regex scans (the matchers stay the judges).
MATCHER_TRIGGERS: dict[str, tuple[str, ...]] = {
    "money_prefixed": ("$", "rmb", "usd", "cny", "eur", "€", "¥", "￥"),
    "money_suffixed": ("yuan", "rmb", "cny", "dollar", "usd", "euro", "eur"),
    "percentage_points": ("point",),
    "percent": ("%", "％", "percent", "per cent"),
    "km2": ("km", "square", "sq"),
    "m2": ("m2", "m²", "m^2", "square", "sq"),
    "mu": ("mu",),
    "tonnes": ("ton",),
    "kwh": ("wh", "watt"),
    "km": ("km", "kilomet"),
    "times": ("times",),
    "rank_verb": ("rank", "plac", "came", "coming"),
    "rank_top_n": ("top",),
    "rank_no": ("no.",),
    "rank_ordinal_superlative": ("largest", "biggest", "highest", "busiest", "richest", "strongest", "fastest",
                                 "best", "most"),
    "rank_scoped": ("place", "nationwide", "worldwide", "among"),
    "fraction": ("half", "third", "quarter", "fourth", "fifth", "sixth", "eighth", "tenth", "out of", "/"),
}


def _find_quantities(para: str, start: int, end: int, excluded: list[tuple[int, int]]) -> list[_Found]:
    claimed: list[tuple[int, int]] = []
    found: list[_Found] = []

    def free(match: re.Match[str]) -> bool:
        num = match.span("num") if match.re.groupindex.get("num") and match.group("num") else match.span()
        return not _overlaps(*match.span(), claimed) and not _overlaps(*num, excluded)

    def add(item: _Found | None, rule: str) -> None:
        if item is not None:
            item.rules.append(f"match.{rule}")
            found.append(item)
            claimed.append((item.start, item.end))

    low = para[start:end].lower()
    for rule, regex, build in MATCHERS:
        if not any(trigger in low for trigger in MATCHER_TRIGGERS[rule]):
            continue
        for match in regex.finditer(para, start, end):
            add(build(match) if free(match) else None, rule)
    for match in YEARS_RE.finditer(para, start, end) if "year" in low else ():
        window = para[max(start, match.start() - YEARS_CONTEXT_WINDOW): min(end, match.end() + YEARS_CONTEXT_WINDOW)]
        if free(match) and YEARS_CONTEXT_RE.search(window):
            add(_Found(match.start(), match.end(), _number(match), "years", num_start=match.start()), "years")
    for rule, regex in (("count_range", RANGE_COUNT_RE), ("count_copula", COUNT_COPULA_RE), ("count", COUNT_RE)):
        for match in regex.finditer(para, start, end):
            add(_count(para, match, start) if free(match) else None, rule)
    for match in SPELLED_COUNT_RE.finditer(para, start, end):
        add(_spelled_count(para, match, start) if free(match) else None, "spelled_count")
    for match in BARE_NUMBER_RE.finditer(para, start, end):
        if free(match):
            add(_elided_count(para, match, start, end, found), "elided_count")
    found.sort(key=lambda f: f.start)
    return found


def _count_blocked(raw: str, before: str, scaled: bool) -> bool:
    """Numbers that never count anything: years, decimals, names ("Line 4"), numbers after names."""
    qualified = QUALIFIER_RE.search(FILLER_RE.sub("", before)) is not None
    if YEAR_LIKE_RE.match(raw) and not qualified:
        return True
    if "." in raw and not scaled:
        return True
    prev = PREVIOUS_WORD_RE.search(before)
    if prev:
        word = prev.group(1)
        if word.lower() in PRECEDING_BLOCKLIST or word.lower().rstrip(".") in PRECEDING_BLOCKLIST:
            return True
        at_sentence_start = not before[: prev.start()].strip(" \"“‘(（")
        if word[0].isupper() and not at_sentence_start and not qualified:
            return True
    return False


def _count(para: str, match: re.Match[str], sent_start: int) -> _Found | None:
    raw = match.group("num")
    before = para[sent_start:match.start()]
    if _count_blocked(raw, before, bool(match.groupdict().get("scale"))):
        return None
    if match.re is COUNT_COPULA_RE and VERB_FORM_RE.match(para, match.end()):
        return None  # "1,120 are making face masks": the counted noun is elsewhere
    phrase = _noun_phrase_after(para, match.end())
    if phrase is None and raw == "1":  # "1 provincial natural science first prize"
        phrase = _noun_phrase_after(para, match.end(), singular=True)
    if phrase is None:
        return None
    np_end, subject = phrase
    found_subject: str | None = subject
    if RATE_AFTER_RE.match(para, np_end):
        return None  # "150 units per 10,000 workers" is a density
    if subject.split()[-1] in RANK_MOVE_NOUNS and RANK_MOVE_RE.search(before):
        return None  # "up 4 places"
    if subject in COUNT_UNIT_NOUNS:
        found_subject = None  # "28.72 million TEUs": the subject is what the sentence says is measured
    return _Found(match.start(), np_end, _number(match), "count", kind="level", subject=found_subject,
                  num_start=match.start())


def _spelled_count(para: str, match: re.Match[str], sent_start: int) -> _Found | None:
    """ "five new provincial key laboratories", "Eight of them": small counts written in words."""
    word = match.group("word")
    before = para[sent_start:match.start()]
    at_start = not before.strip(" \"“‘(（")
    if word[0].isupper() and not at_start:
        return None  # "the Three Gorges", "Two Sessions"
    prev = PREVIOUS_WORD_RE.search(before)
    if prev and (prev.group(1).lower() in SPELLED_REFERENCE_WORDS or before.rstrip().endswith(("'s", "’s"))):
        return None  # "the three operators", "the city's three chip design firms"
    if before.count("“") > before.count("”") or before.count('"') % 2:
        return None  # inside a quoted slogan: "three nos to three haves"
    value = float(_spelled_value(word))
    if OF_THEM_AFTER_RE.match(para, match.end() - len(match.group()) + len(word)):
        return _Found(match.start(), match.start() + len(word), value, "count", kind="level",
                      num_start=match.start())
    phrase = _noun_phrase_after(para, match.end())
    if phrase is None or RATE_AFTER_RE.match(para, phrase[0]) or phrase[1].split()[-1] in SPELLED_PROCESS_NOUNS:
        return None
    last_word = para[:phrase[0]].rsplit(None, 1)[-1]
    if word[0].isupper() and last_word[:1].isupper():
        return None  # "Two Academies and One Park" names something; "Fifteen Ningbo companies" counts
    np_end, subject = phrase
    if subject.split()[-1] in RANK_MOVE_NOUNS and RANK_MOVE_RE.search(before):
        return None
    return _Found(match.start(), np_end, value, "count", kind="level", subject=subject, num_start=match.start())


def _spelled_value(word: str) -> int:
    """ "seven" -> 7, "twenty-one" -> 21."""
    tens, _, units = word.lower().partition("-")
    return SPELLED_TENS[tens] + SPELLED_UNITS[units] if units else SPELLED_NUMBERS[tens]


def _elided_count(para: str, match: re.Match[str], sent_start: int, sent_end: int,
                  found: list[_Found]) -> _Found | None:
    """A number whose counted noun is left out but clear from the sentence, else None."""
    raw = match.group("num")
    before = para[sent_start:match.start()]
    if NAMED_PAREN_BEFORE_RE.search(before[-60:]) and para.startswith(")", match.end()) and not match.group("scale"):
        # "Beijing topped the list with 92 enterprises, followed by Chongqing (67) and Shanghai (63)"
        earlier = [f for f in found if f.unit == "count" and sent_start <= f.start and f.end <= match.start()]
        if earlier and raw.replace(",", "").isdigit() and not YEAR_LIKE_RE.match(raw):
            last = max(earlier, key=lambda f: f.end)
            return _Found(match.start(), match.end(), _number(match), "count", kind="level",
                          subject=last.subject, num_start=match.start())
        return None
    verb_number = NUMBER_VERB_RE.search(before)
    if _count_blocked(raw, before[: verb_number.start() + 1] if verb_number else before,
                      bool(match.group("scale"))) or not raw.replace(",", "").isdigit() and \
            not match.group("scale"):
        return None
    after = para[match.end():sent_end]
    value = _number(match)
    if value < 2:
        return None

    def item(subject: str | None) -> _Found:
        return _Found(match.start(), match.end(), value, "count", kind="level", subject=subject,
                      num_start=match.start())

    if OF_THEM_AFTER_RE.match(after) or (OF_THEM_BEFORE_RE.search(before) and not after[:2].strip(" ")[:1].isdigit()):
        return item(None)  # "86 of them", "Among them, 5,300 hold master's degrees"
    partitive = PARTITIVE_BEFORE_RE.search(before)
    if partitive and VERB_FORM_RE.match(after.lstrip()):
        # "Of the 35 industrial categories, 29 maintained positive growth"
        whole = [f for f in found if f.unit == "count" and f.start >= sent_start + partitive.start("n")
                 and f.start < sent_start + partitive.end()]
        if whole:
            return item(whole[0].subject)
    if not ELIDED_FOLLOW_RE.match(after):
        return None
    joined = LIST_JOIN_RE.match(after)
    if joined:  # "1,041 and 533 patents have been applied and granted respectively"
        following = [f for f in found if f.unit == "count" and f.start == match.end() + joined.end()]
        if following:
            return item(following[0].subject)
    earlier = [f for f in found if f.unit == "count" and f.end <= match.start() and f.start >= sent_start]
    if earlier:
        last = max(earlier, key=lambda f: f.end)
        gap = para[last.end:match.start()]
        if len(gap) <= ELIDED_GAP_MAX and not ANY_NUMBER_RE.search(ANY_YEAR_RE.sub("", gap)) and (
                ELIDED_GAP_RE.search(gap) or re.match(r"^\s+more\b", after)):
            subject = last.subject
            if subject and TOTAL_GAP_RE.search(gap):  # "18 new champions, and the total number reached 63"
                subject = subject.removeprefix("new ")
            return item(subject)  # "12,000 5G base stations by 2020 and 20,000 by 2022"
    number_of = None
    for m in NUMBER_OF_RE.finditer(before):
        number_of = m
    if number_of is not None and NUMBER_OF_LINK_RE.search(FILLER_RE.sub("", _qualifier(before)[1])):
        return item(" ".join(number_of.group("np").lower().split()))
    subject = _subject_before(_qualifier(before)[1])
    if subject and _is_plural(subject.split()[-1]) and subject.split()[-1] not in MASS_PLURALS \
            and subject.split()[-1] not in TIME_UNIT_WORDS and not subject.startswith("number of"):
        return item(subject)  # "online sellers now number 62,000", "5G users to top 4 million"
    return None


SINGULAR_MIN_WORDS = 2  # a count of one names its thing in at least two words
MONTH_WORDS = frozenset(m.lower() for m in MONTHS)


def _noun_phrase_after(para: str, pos: int, singular: bool = False) -> tuple[int, str] | None:
    """(end offset, lowercase phrase) of the plural noun phrase starting at `pos`, else None.

    The phrase runs to a verb, a preposition or punctuation; it is the longest run of its
    words that ends in a plural noun ("1,512 manufacturers complete digital transformation"
    -> "manufacturers").
    """
    words: list[tuple[str, int]] = []
    tokens = [t for t in WORD_RE.finditer(para, pos, min(len(para), pos + 200)) if t.group() not in QUOTES]
    if tokens and tokens[0].group().lower() in ("more", "such") and len(tokens) > 1:
        tokens = tokens[1:]  # "300 more doctoral students", "55 such stations"
    for index, token in enumerate(tokens):
        word = token.group()
        lower = word.lower()
        following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
        if not words:
            if (lower in NONCOUNT_FIRST_WORDS or lower in SUPERLATIVES or lower in COUNT_STOP_WORDS
                    or lower in VERB_WORDS and not lower.endswith("ed")):  # "registered users" is a noun
                return None  # "China's 100 best cities" names a list, it does not count anything
            if not word[0].isalpha() and not (MODEL_TOKEN_RE.fullmatch(word) and following[:1].isalpha()):
                return None
        elif word[0].isdigit():
            if not (words[-1][0][0].isupper() and following[:1].isalpha()):
                break  # "25 Fortune Global 500 companies" keeps its name
        elif not word[0].isalnum():
            break
        if words and (lower in VERB_WORDS or _is_plural(words[-1][0]) and lower.endswith(("ed", "ing"))):
            break  # "17 countries sent", "52 projects signed", "start-ups ranking"
        if words and lower.endswith("ly") and len(lower) > 4 and lower not in LY_NOUNS:
            break  # "5 million tourists annually"
        if lower == "and":
            if not words or not following[:1].isalpha() or following.lower() in COUNT_STOP_WORDS:
                break
            if _is_plural(words[-1][0]):
                after_next = tokens[index + 2].group() if index + 2 < len(tokens) else ""
                third = tokens[index + 3].group() if index + 3 < len(tokens) else ""
                two_word = (not _is_plural(following) and following.lower() not in COUNT_STOP_WORDS
                            and _is_plural(after_next) and not third[:1].isalpha())
                if not two_word and (not _is_plural(following) or after_next[:1].isalpha() and after_next.lower()
                                     not in COUNT_STOP_WORDS and after_next.lower() not in VERB_WORDS
                                     and not after_next.lower().endswith(("ed", "ing"))):
                    break  # "12,524 start-ups and 865 SMEs"; "museums and bases attracted", "X and leading Ys," go on
        elif lower == "of" and words and words[-1][0].lower() in COUNT_CLASSIFIERS:
            pass  # "260,000 pieces of equipment"
        elif words and lower in COUNT_STOP_WORDS:
            break
        words.append((word, token.start()))
        if len(words) >= NP_MAX_WORDS:
            break
    lowered = [w.lower() for w, _ in words]
    classified = any(a in COUNT_CLASSIFIERS and b == "of" for a, b in zip(lowered, lowered[1:]))
    while words and (words[-1][0].lower() in NP_INNER_WORDS or not classified and not singular and not (
            _is_plural(words[-1][0]) and words[-1][0].lower() not in TIME_UNIT_WORDS)):
        words.pop()  # "1.2 million bottles of infant formula" keeps its mass noun
    if not words or words[0][0].lower() in TIME_UNIT_WORDS:
        return None
    if singular and (len(words) < SINGULAR_MIN_WORDS or not words[0][0][0].islower()
                     or any(w.lower() in TIME_UNIT_WORDS | MONTH_WORDS or w.lower().endswith(("'s", "’s"))
                            for w, _ in words)):
        return None  # "1 July", "1 hour's drive", "1 Huizhan Road": not a count of one thing
    last_word, last_start = words[-1]
    return last_start + len(last_word), " ".join(w for w, _ in words).lower()


def _is_plural(word: str) -> bool:
    lower = word.lower()
    if lower.endswith(("'s", "’s")):
        return False  # "1 hour's drive"
    if lower in PLURAL_NOUNS or ACRONYM_PLURAL_RE.fullmatch(word):
        return True
    return len(lower) > 2 and lower.endswith("s") and not lower.endswith(NOT_PLURAL_ENDINGS)


# ---------------------------------------------------------------- qualifier / kind / subject
def _qualifier(before: str) -> tuple[str | None, str]:
    """(qualifier, the text before the qualifier with filler words like "only" removed).

    A qualifier that is itself the verb ("exceeded", "surpassed") leaves " is " in its
    place, so the subject before it is still found ("GDP exceeded 20,000 US dollars").
    """
    core = FILLER_RE.sub("", before)
    match = QUALIFIER_RE.search(core)
    if not match:
        return None, core
    rest = FILLER_RE.sub("", core[: match.start()])
    if VERB_QUALIFIER_RE.match(match.group()):
        rest = rest.rstrip() + " is "
    return match.lastgroup, rest


def _kind(unit: str, before: str, after: str) -> tuple[str, str]:
    """(kind, id of the rule that decided it)."""
    if unit == "percent":
        if CHANGE_BEFORE_RE.search(before):
            return "change", "kind.change_words_before"
        if CHANGE_AFTER_RE.search(after):
            return "change", "kind.change_words_after"
        if SHARE_BEFORE_RE.search(before):
            return "share", "kind.share_words_before"
        if SHARE_AFTER_RE.search(after):
            return "share", "kind.share_of_after"
    if VERB_OBJECT_BY_RE.search(before):
        return "change", "kind.verb_object_by"
    if unit != "percent" and (CHANGE_BY_RE.search(before) and CHANGE_BEFORE_RE.search(before)
                              or CHANGE_AFTER_RE.search(after) and unit in COMPARABLE_UNITS):
        return "change", "kind.change_by"
    return "level", "kind.level_default"


def _continues_change(previous: _Found, item: _Found, para: str, before: str) -> bool:
    """A quantity listed right after a change, or elided "and X by N%", is a change too."""
    if item.unit != previous.unit:
        return False
    return bool(LIST_GAP_RE.match(para[previous.end:item.start]) or ELIDED_BY_RE.search(before))


def _is_decrease(before: str, after: str) -> bool:
    """A change said to go down ("fell by", "a decline of", "cut ... by", "lower than")."""
    if DECREASE_BEFORE_RE.search(before) or DECREASE_AFTER_RE.search(after):
        return True
    verb_object = VERB_OBJECT_BY_RE.search(before)
    return bool(verb_object and DECREASE_VERB_OBJECT_RE.match(verb_object.group()))


def _subject_before(before: str, qualifier: str | None = None) -> str | None:
    """The noun phrase a quantity is said of, from the text before it."""
    link = LINK_RE.search(before)
    of_link = None if link else OF_LINK_RE.search(before)
    if not link and not of_link:
        verb_object = VERB_OBJECT_BY_RE.search(before)
        if verb_object:
            return _object_phrase(verb_object.group("object"))
        qualified = QUALIFIED_NP_RE.search(before) if qualifier is not None else None
        if qualified:
            # "enterprises with annual revenue above 1 billion yuan", ", and housing allowances up to 80,000 yuan"
            return _simple_phrase(qualified.group("np"))
        return None
    anchor = link or of_link
    assert anchor is not None  # one of them matched (checked above)
    region = _trim_region(before[: anchor.start()],
                          apposition=link is not None and link.group().lstrip().startswith(","))
    # "1,015 deals worth 1.9 billion"
    attached = of_link is not None or (link is not None and link.group().strip(" ,").lower() == "worth")
    return _noun_phrase_before(region, stop_at_number=attached)


def _trim_region(region: str, apposition: bool = True) -> str:
    """Drop what sits between a subject and its verb: brackets, trailing places/times, ", which",
    and an apposition ("Retail imports through the bonded zone, Ningbo's main channel, totaled")."""
    region = PARENTHESES_RE.sub("", region)
    region = RELATIVE_TAIL_RE.sub("", region)
    region = DISCOURSE_TAIL_RE.sub("", region)
    parts = region.rsplit(",", 1) if apposition else [region]
    if len(parts) == 2 and APPOSITION_RE.match(parts[1]) and parts[0].strip() \
            and not LEADING_ADVERBIAL_RE.match(parts[0].rsplit(",", 1)[-1]):
        region = parts[0]
    for _ in range(2):
        region = TRAILING_TIME_RE.sub("", PLACE_PP_RE.sub("", region))
        region = REFERENCE_PP_RE.sub("", region)
    return region


def _object_phrase(text: str) -> str | None:
    """A verb's object as a subject: "the number of drivers needed" -> "number of drivers needed"."""
    words = [w for w in text.split() if w not in QUOTES]
    while words and words[0].lower() in NP_STOP_WORDS:
        words.pop(0)
    if not words or len(words) > NP_MAX_WORDS or any(w.lower() in UNIT_WORDS for w in words):
        return None
    return " ".join(words).lower()


def _noun_phrase_before(region: str, stop_at_number: bool = False) -> str | None:
    tokens = [t for t in WORD_RE.finditer(region) if t.group() not in QUOTES]
    if not tokens:
        return None
    first_start = tokens[0].start()
    words: list[str] = []
    index = len(tokens) - 1
    while index >= 0:
        word = tokens[index].group()
        lower = word.lower()
        left = tokens[index - 1].group().lower() if index > 0 else ""
        if lower == "the" and words and left in NP_NAME_LEFT_WORDS:
            words.insert(0, word)  # "added value of the secondary industry", "trade with the EU"
            index -= 1
            continue
        if lower.endswith(("'s", "’s")) and words and (left in {"of", "in", "for"} or left == "the" and index > 1
                                                       and tokens[index - 2].group().lower() in {"of", "in", "for"}):
            index -= 1 if left != "the" else 2  # "added value of (the city's) core industries": the possessive drops
            continue
        if lower in NP_JOINER_WORDS:
            if words and left[:1].isalpha() and left not in NP_STOP_WORDS and left not in VERB_WORDS:
                words.insert(0, word)  # "retail imports through the bonded zone", "trade with the EU"
                index -= 1
                continue
            break
        if (not word[0].isalnum() or lower.endswith(("'s", "’s")) or lower in NP_STOP_WORDS
                or lower in VERB_WORDS and not word.isupper()):  # "LED lights" is not "led"
            break
        if word[0].isdigit() and not MODEL_TOKEN_RE.fullmatch(word) and left != "of":
            if stop_at_number:
                break  # "520 government scholarships of 30,000 yuan"
            return None  # the noun phrase belongs to another number ("with 300 employees, earned ...")
        if _is_name(word) and tokens[index].start() != first_start:
            # a run of names ("the Belt and Road") stays when a preposition joins it to the phrase
            run_start = index
            while run_start > 0 and (_is_name(tokens[run_start - 1].group()) or tokens[run_start - 1].group().lower()
                                     in NAME_RUN_WORDS and run_start > 1 and _is_name(tokens[run_start - 2].group())):
                run_start -= 1
            if run_start > 0 and tokens[run_start - 1].group().lower() == "the":
                run_start -= 1
            joiner = tokens[run_start - 1].group().lower() if run_start > 0 else ""
            if not words and not joiner or joiner not in NP_NAME_LEFT_WORDS:
                break
            words[:0] = [t.group() for t in tokens[run_start - 1:index + 1]]  # the joiner too
            index = run_start - 2
            continue
        if lower.endswith("ed") and left in AUXILIARIES:
            break
        if lower == "and" and (not words or not left[:1].isalpha() or left in NP_STOP_WORDS):
            break
        words.insert(0, word)
        index -= 1
        if len(words) >= NP_MAX_WORDS:
            break
    while words and (words[0].lower() in NP_INNER_WORDS | NP_JOINER_WORDS | SUBJECT_DROP_LEADING | {"the", "from"}):
        words.pop(0)
    while words and words[-1].lower() in NP_INNER_WORDS | {"the"}:
        words.pop()
    if len(words) > 1 and words[-1].lower().endswith("ed") and _is_plural(words[-2]):
        words.pop()  # "technology contracts signed (in Ningbo) were worth ..."
    if not words or any(w.lower() in UNIT_WORDS for w in words) or words[-1].lower().endswith("ed"):
        return None
    if all(_is_name(w) or w.lower() in NAME_RUN_WORDS for w in words) and not (
            len(words) == 1 and tokens[0].group() == words[0] and _sentence_initial_common_noun(words[0])):
        return None  # "Ningbo ranked first": a place or organisation is not what is measured
    return " ".join(words).lower()


def _sentence_initial_common_noun(word: str) -> bool:
    """A capitalized first word ("Efficiency rose", "Exports fell") that the article never
    capitalizes mid-sentence is a common noun, not a name."""
    return _is_plural(word) or word not in _MID_SENTENCE_NAMES.get()


def _is_name(word: str) -> bool:
    """A capitalized word that is not an acronym (R&D, GDP and SMEs are not names)."""
    if not word[0].isupper() or "&" in word:
        return False
    letters = [c for c in word if c.isalpha()]
    return sum(1 for c in letters if c.isupper()) <= max(1, len(letters) // 2 - 1)


def _inherits(item: _Found, previous: _Found, gap: str) -> bool:
    """Whether `item` is said of the same thing as the quantity right before it in the sentence.

    "growth rate of" figures, and second quantities joined by "to", "up", "up from", "an
    increase of"... ("grew by 6.2% to 553.8 billion yuan"). Ranks are decided in _rank_subject.
    """
    if previous.subject is None:
        return False
    if item.subject is not None:
        return GENERIC_SUBJECT_RE.match(item.subject) is not None
    if item.unit == previous.unit and ELIDED_SUBJECT_GAP_RE.match(gap):
        return True  # "exceeded 10 billion yuan in 2018, and is expected to reach 13 billion yuan"
    return item.unit != "count" and bool(INHERIT_GAP_RE.match(gap))


# ---------------------------------------------------------------- periods
@dataclass
class _Cue:
    start: int
    end: int
    period: str | None
    priority: int


def _published_parts(published: str | None) -> tuple[int, int] | None:
    match = PUBLISHED_RE.match(published or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def _month_period(m1: int, m2: int, year: str | None, pub: tuple[int, int] | None,
                  context: str) -> str | None:
    if year:
        y = int(year)
    elif pub:
        y = pub[0] if m2 <= pub[1] else pub[0] - 1
    else:
        years = ANY_YEAR_RE.findall(context)
        if not years:
            return None
        y = int(years[-1])
    return f"{y}-{m1:02d}..{y}-{m2:02d}"


def _period_cues(sentence: str, para_before: str, pub: tuple[int, int] | None) -> list[_Cue]:
    cues: list[_Cue] = []

    def months(m: re.Match[str], m1: int, m2: int) -> None:
        if 1 <= m1 <= m2 <= 12:
            period = _month_period(m1, m2, m.group("year"), pub, para_before + sentence[: m.start()])
            cues.append(_Cue(m.start(), m.end(), period, CUE_MONTHS))

    for m in MONTH_RANGE_RE.finditer(sentence):
        months(m, MONTH_NUMBER[m.group("m1").lower()], MONTH_NUMBER[m.group("m2").lower()])
    for m in FIRST_MONTHS_RE.finditer(sentence):
        n = m.group("n").lower()
        months(m, 1, NUMBER_WORDS.get(n) or int(n))
    for m in PART_OF_YEAR_RE.finditer(sentence):
        months(m, *PART_MONTHS[" ".join(m.group("part").lower().split())])
    for m in YEAR_RANGE_RE.finditer(sentence):
        a = m.group("a1") or m.group("a2") or m.group("a3")
        b = m.group("b1") or m.group("b2") or m.group("b3")
        if int(a) < int(b):
            cues.append(_Cue(m.start(), m.end(), f"{a}..{b}", CUE_MONTHS))
    for m in SINCE_RE.finditer(sentence):
        year = int(m.group("year"))
        period = f"{year}..{pub[0]}" if pub and pub[0] > year else None
        cues.append(_Cue(m.start(), m.end(), period, CUE_SINCE))
    for m in IN_YEAR_RE.finditer(sentence):
        if not EVENT_BEFORE_YEAR_RE.search(sentence, 0, m.start()) or WHEN_CLAUSE_RE.match(sentence):
            cues.append(_Cue(m.start(), m.end(), m.group("year"), CUE_YEAR))
    for m in MONTH_CUE_RE.finditer(sentence):
        if EVENT_BEFORE_YEAR_RE.search(sentence, 0, m.start()):
            continue
        month = MONTH_NUMBER[m.group("m").lower()]
        if not any(c.start <= m.start() < c.end for c in cues):  # inside "from January to May"
            period = _month_period(month, month, m.group("year"), pub, para_before + sentence[: m.start()])
            cues.append(_Cue(m.start(), m.end(), period[:7] if period else None, CUE_MONTHS))
    for m in RELATIVE_YEAR_RE.finditer(sentence):
        if pub:
            year = pub[0] - 1 if m.group("rel").lower() == "last" else pub[0]
            cues.append(_Cue(m.start(), m.end(), str(year), CUE_YEAR))
    return cues


def _period_for(cues: list[_Cue], sentence: str, start: int, end: int) -> str | None:
    following = [c for c in cues if c.start >= end and (
        c.start - end <= FOLLOWING_CUE_GAP or PARENTHETICAL_GAP_RE.fullmatch(sentence, end, c.start))]
    if following:
        return min(following, key=lambda c: c.start).period
    preceding = [c for c in cues if c.end <= start]
    # a cue later in the sentence ("1.172 billion tonnes of cargo in 2020"), unless it is a comparison base
    # or belongs to another quantity in between
    later = [c for c in cues if c.start >= end and not COMPARISON_BEFORE_CUE_RE.search(sentence, 0, c.start)
             and not COMPARISON_BETWEEN_RE.search(sentence, end, c.start)
             and not CLAUSE_BOUNDARY_RE.search(sentence, end, c.start)
             and not CLAUSE_COMMA_RE.search(sentence, end, c.start)]
    text = sentence[start:end]
    if text.endswith("times") or ADJECTIVAL_UNIT_RE.search(text) or (
            RELATIVE_CLAUSE_BEFORE_RE.search(sentence, 0, start) and later and "," in sentence[end:later[0].start]):
        # "11 times the output at the end of January" (the date is the base), "a 3,000-mu farm produced ...
        # last year", "The area, which covers 235 square kilometers, has attracted ... since 2010"
        later = []
    if preceding:
        nearest = max(preceding, key=lambda c: (c.end, c.priority))
        if not (later and CLAUSE_BOUNDARY_RE.search(sentence, nearest.end, start)):
            return nearest.period
    return min(later, key=lambda c: c.start).period if later else None
