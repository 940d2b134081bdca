"""The matchers: named regexes (in priority order) and the builders that turn a match into a quantity.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Final

from transforms.context import vocab_key
from transforms.fastre import SpacedOpening, TailPattern, in_claimed
from transforms.metrics.numbers import (
    _FRACTION_WORD_ALT,
    ANY_NUMBER_RE,
    ANY_YEAR_RE,
    NOT_BEFORE_NUMBER,
    NOT_BEFORE_NUMBER_MARKS,
    NUM,
    NUMBER,
    NUMBER_READ,
    ORDINAL_ALT,
    PREFIXED_NUM,
    SCALE,
    NumberRead,
    _Found,
    _number,
    _spelled_value,
    is_year_like,
    number_read,
    number_value,
)
from transforms.metrics.qualifiers import FILLER_TAIL, WordTail, _qualifier
from transforms.metrics.subjects import VERB_FORM_RE, _is_plural, _noun_phrase_after, _subject_before
from transforms.metrics.vocab import (
    AGE_OR_BASE_LEADS,
    AMOUNT_COMPARATIVES,
    AVERAGE_HEADCOUNT_CUES,
    AVERAGE_HEADCOUNT_NOUNS,
    BARE_RATE_LINKS,
    BARE_RATE_NOUNS,
    BARE_SHARE_LEADS,
    CLAUSE_SUBJECT_SAW,
    CLAUSE_SUBJECT_VERBS,
    COUNT_CHANGE_NOUNS,
    COUNT_FEWER_THAN_WORDS,
    COUNT_MORE_THAN_WORDS,
    COUNT_STOP_WORDS,
    COUNT_THAN_TIME_WORDS,
    COUNT_UNIT_NOUNS,
    CURRENCIES,
    CURRENCY_PREFIXES,
    CURRENCY_SUFFIXES,
    CURRENCY_TRAILERS,
    DESCRIPTIVE_COUNT_NOUNS,
    DIVISION_LEADS,
    ELIDED_MONEY_LINKS,
    ENERGY_FACTORS,
    FIGURE_FOR_LINKS,
    FRACTION_WORDS,
    FREQUENCY_ADVERBS,
    GLUED_MILLION_PEOPLE,
    HEAD_PLACE_PREPOSITIONS,
    HEADCOUNT_NOUNS,
    HEDGE_WORDS,
    HYPHENATED_MONEY_CURRENCIES,
    HYPHENATED_MONEY_SCALES,
    INVARIANT_UNIT_NOUNS,
    KILOGRAM_TONNES,
    LENGTH_CONTEXT_WORDS,
    LETTER_SUFFIX_CURRENCIES,
    LIST_INTRO_WORDS,
    MASS_PLURALS,
    MONEY_CLAUSE_NOUNS,
    MONEY_IN_NOUNS,
    MONEY_NOUNS,
    MONTH_NUMBER,
    MULTIPLE_ADJECTIVES,
    MULTIPLE_WORDS,
    NUMBER_OF_CHANGE_VERBS,
    NUMBER_OF_PAST_LINKS,
    NUMBER_OF_PAST_VERBS,
    NUMBER_OF_PRESENT_LINKS,
    OCCASIONS_REFUSED_TAILS,
    ORDINAL_SUPERLATIVES,
    ORDINAL_WORDS,
    PCT_RATE_WORDS,
    PER_TIME_WORDS,
    PERCENT_SHORTHANDS,
    PERIOD_FRACTION_LEADS,
    PERIOD_VALUE_LINKS,
    PHYSICAL_UNITS,
    PLACE_KEEP_LEADS,
    POINTS_CHANGE_WORDS,
    POINTS_COMPARE_WORDS,
    POINTS_SHORTHANDS,
    POPULATED_PLACE_NOUNS,
    POPULATION_FOLLOW_WORDS,
    PRECEDING_BLOCKLIST,
    RANGE_ESTIMATE_WORDS,
    RANK_AND_SCOPE_LEADS,
    RANK_MOVE_AMOUNTS,
    RANK_MOVE_NOUNS,
    RANK_MOVE_UNITS,
    RANK_MOVE_VERBS,
    RANK_MOVE_WORDS,
    RANK_ORDINAL_WORDS,
    RANK_SCOPE_PLACES,
    RANK_VERBS,
    RANK_WIDE_SCOPES,
    RATE_BASE_WORDS,
    RATE_WORDS,
    RATIO_PARTS_LEADS,
    ROUND_SCALES,
    SCALE_LETTERS,
    SCALE_PART_WORDS,
    SCALE_WORDS,
    SCHEME_NOUNS,
    SIZE_CLASS_WORDS,
    SOURCING_NOUNS,
    SOURCING_TAILS,
    SPAN_LEAD_WORDS,
    SPAN_UNIT_WORDS,
    SPELLED_MULTIPLES,
    SPELLED_NUMBERS,
    SPELLED_PROCESS_NOUNS,
    SPELLED_REFERENCE_ADJECTIVES,
    SPELLED_REFERENCE_WORDS,
    SPELLED_SCALES,
    SPELLED_TENS,
    SPELLED_UNITS,
    STOCK_CODE_COMPANY_WORDS,
    SUPERLATIVE_ORDINALS,
    SUPERLATIVES,
    TIME_UNIT_WORDS,
    TIME_WORDS,
    TIMES_CHANGE_WORDS,
    TIMES_COMPARISON_TAILS,
    TIMES_SHORTHANDS,
    TONNE_COMPOUND_TAILS,
    TONNE_SHORTHANDS,
    TOP_RANK_LEADS,
    TOP_SPELLED_COUNTS,
    UNSIGNED_HEDGES,
    VALUATION_RATIO_NOUNS,
    VESSEL_SIZE_UNITS,
    YOY_WORDS,
    words_pattern,
)

# (a prefixed amount's million may be a glued "m", "M" or "mn": "worth $140m", "US$1.2M"; not "mu" nor "min")
MONEY_PREFIXED_RE: Final = re.compile(
    rf"(?<![A-Za-z$])(?P<cur>{words_pattern(CURRENCY_PREFIXES)})\s?{PREFIXED_NUM}(?:(?P<million>mn|m|M)(?![\w%])|"
    rf"(?P<letter>{words_pattern(SCALE_LETTERS)})(?![\w%])|{SCALE})"
    rf"(?:\s+(?P<trailer>{words_pattern(CURRENCY_TRAILERS)})\b)?(?![\w%])"
)
MONEY_SUFFIXED_RE: Final = re.compile(
    rf"{NUM}{SCALE}\s*(?P<cur>{words_pattern(CURRENCY_SUFFIXES, space=' ')})\b"
)
# "2-3 million yuan", "50-80 yuan": a suffixed amount's range, reported at its low end, the scale after its second
# number scaling the first too (match.money_range_suffixed; "2-3 million yuan" was nothing).
MONEY_RANGE_SUFFIXED_RE: Final = re.compile(
    rf"{NUM}\s?[-–~]\s?{NUMBER_READ}(?![.,]\d){SCALE}\s*(?P<cur>{words_pattern(CURRENCY_SUFFIXES, space=' ')})\b"
)
# "net income CNY 1.2-1.5 billion", "$3-5 million": a prefixed amount's range whose scale stands after its second
# number scales the first too (money.range_scale; metrics15, tune_sites s160: a CNY 1.2 and nothing else).
MONEY_RANGE_SCALE_RE: Final = re.compile(
    rf"\s?[-–~]\s?{NUMBER_READ}(?![.,]\d)\s*(?P<scale>{words_pattern(SCALE_WORDS, space=' ')})\b")
# "The 21-billion-yuan (about $2.93 billion) project": a number, its scale and its currency joined by hyphens, a
# compound adjective (money.hyphenated; metrics12, s137: nothing was read); or the scale hyphenated alone,
# "approximately 14-billion US dollars", "at around 240-million US dollars" (tune_other t030, t338: nothing read).
MONEY_HYPHENATED_RE: Final = re.compile(
    rf"{NUM}-(?P<scale>{words_pattern(HYPHENATED_MONEY_SCALES)})[- ]"
    rf"(?P<cur>{words_pattern(tuple(HYPHENATED_MONEY_CURRENCIES), space=' ')})(?![\w-])"
)
# "per 100 mu": the base of a rate right before an area or a mass (searched in the PER_BEFORE_CHARS before it).
PER_BEFORE_RE: Final = re.compile(r"\b(?:per|for\s+every|for\s+each)\s+$", re.IGNORECASE)
PER_BEFORE_CHARS: Final = 16
# "1.67 more percentage points than the year before": "more"/"less" may stand between the number and the unit.
PERCENTAGE_POINTS_RE: Final = re.compile(
    rf"{NUM}\s*(?:{words_pattern(AMOUNT_COMPARATIVES)}\s+)?(?:percentage|percent|pct\.?)\s+points?\b", re.IGNORECASE)
# "down 12 basis points", "a 17 basis points rise": hundredths of a percentage point (match.basis_points; tenth
# tune_sites pass, s126: each was a count of 12 or 17).
# Also a broker's abbreviation in small letters, glued or spaced ("down 22bp month on month", "22 bps"; metrics21,
# tune_sites s232: nothing was read), only after a whole number: "NPL ratio: 0.84% (down 0.05 bps)" (s166) writes
# percentage points so, and "BP" in capitals names a firm.
BASIS_POINTS_RE: Final = re.compile(rf"{NUM}\s*(?:basis[\s-]+points?\b|(?-i:bps?)(?![\w-]))", re.IGNORECASE)
# "+7.13% and +5.42%", "Net income was -24.90% year-on-year", "(+16.03% year over year)": a percentage with its sign
# is a change (match.percent_signed; a broker's note, tune_sites s125). The sign stands alone: not after a word, a
# digit or a mark NUM refuses ("1q24+2.57", "2-4%").
SIGNED_PERCENT_RE: Final = re.compile(
    rf"(?<!{NOT_BEFORE_NUMBER})(?P<sign>[+\-−])(?P<num>{NUMBER_READ})(?![.,]\d)\s?(?:%|％|percent\b|per cent\b)",
    re.IGNORECASE)
# "+0.42 and +1.6 pct", "decreased by 2.5 pcts", "higher than 1h24+2.16pcts", "1h24-5.35pcts": percentage points
# written "pct"/"pcts" in a broker's note (match.pct_points; metrics15, tune_sites s171, as s125 and s167 were
# labelled: each was no metric). The plural is always points; the singular only where its sentence names a rate
# (PCT_RATE_WORDS). A sign may open it, glued to a half year or quarter before it ("1h24+"); the first of a pair
# ("+0.42 and +1.6 pct") shares the second's unit.
# (and to a half year or quarter after its four-digit year, "higher than 2024H1+1.60pct", "Compared with
# 2024q2+44.56pct", a broker's note on Bank of Ningbo, tune_sites s332: not read; a sign glued to the period compared
# with makes even the singular points, as a rate word does: GLUED_PERIOD_BEFORE_RE)
PCT_POINTS_RE: Final = re.compile(
    rf"(?:(?<=\d[hHqQ]\d\d)|(?<=\d{{4}}[hHqQ]\d)|(?<!{NOT_BEFORE_NUMBER}))(?P<sign>[+\-−])?(?P<num>{NUMBER_READ})"
    r"(?![.,]\d)"
    rf"(?:\s?(?P<unit>pcts|pct)\b|(?=\s+and\s+[+\-−]?{NUMBER_READ}\s?(?P<next>pcts|pct)\b))", re.IGNORECASE)
PCT_RATE_RE: Final = re.compile(rf"\b(?:{words_pattern(PCT_RATE_WORDS)})\b", re.IGNORECASE)
GLUED_PERIOD_BEFORE_RE: Final = re.compile(r"\d[hHqQ]\d{1,2}$")
# "four percentage points higher than ...": percentage points in a word (sixth tune_sites pass, s057).
SPELLED_POINTS_RE: Final = re.compile(
    rf"(?<![\w-])(?P<word>{words_pattern({**SPELLED_UNITS, **SPELLED_NUMBERS, **SPELLED_TENS})})\s+"
    r"(?:percentage|percent)\s+points?\b",
    re.IGNORECASE,
)
# A count said to be at least a round number: "300-plus container routes", "5000 plus invention patents",
# "40-odd universities", "the 70+ societies" (count.plus: at least; lowercase, "Ningbo 5G Plus" names something).
COUNT_PLUS_RE: Final = re.compile(rf"{NUM}{SCALE}(?:(?:-|\s+)(?:plus|odd)|\+)\s+(?=[a-z])")
# A percentage in words: "up eight percent year-on-year", "twenty-five per cent of" (match.percent_spelled).
SPELLED_PERCENT_RE: Final = re.compile(
    rf"(?<![\w-])(?P<word>(?:{words_pattern(SPELLED_TENS)})-(?:{words_pattern(SPELLED_UNITS)})|"
    rf"{words_pattern({**SPELLED_UNITS, **SPELLED_NUMBERS, **SPELLED_TENS})})\s+(?:percent|per\s+cent)\b",
    re.IGNORECASE,
)
# "points" alone is percentage points where it compares or changes a rate: "3.4 points lower",
# "dropping by 3.6 points", "0.9 and 0.5 points lower" / "3.8 and 0.3 percentage points" (the first
# of a pair that shares the unit; the second is matched on its own).
POINTS_COMPARED_RE: Final = re.compile(rf"{NUM}(?=\s+points?\s+(?:{words_pattern(POINTS_COMPARE_WORDS)})\b)",
                                       re.IGNORECASE)
POINTS_CHANGED_RE: Final = re.compile(
    rf"\b(?:{words_pattern(POINTS_CHANGE_WORDS)})\s+(?:by\s+|of\s+)?{NUM}(?=\s+points?\b)",
    re.IGNORECASE,
)
# ... and "It drops by 3.1 and 2.8 percentage points" (s006): "percentage points" needs no comparing word.
POINTS_PAIR_RE: Final = re.compile(
    rf"{NUM}(?=\s+and\s+\d{{1,3}}(?:\.\d+)?\s+(?:percentage\s+points?\b|(?:percentage\s+)?points?\s+"
    rf"(?:{words_pattern((*POINTS_COMPARE_WORDS, 'compared', 'than', 'over', 'from'))})\b))",
    re.IGNORECASE,
)
PERCENT_RE: Final = re.compile(rf"{NUM}\s?(?:%|％|percent\b|per cent\b)", re.IGNORECASE)
# A range of percentages, reported at its low end as a range of a count is: "10-15%", "10%-15%", "3~5 percent"
# (percent_range; "10%-15%" was 10% and a decline of 15%, "10-15%" nothing).
# (and with "to" and no sign after the low end: "are expected to grow 10 to 20 percent in 2012", a moulder's expansion,
# tune_sites s327: the high end was read, a level; not "from 10 to 20 percent", a move, nor "rose 5% to 20%")
# (and with the unit said at both ends, after an estimate's word and before "of" a whole: "Only about 15 percent to 20
# percent of the small appliances made in Cixi", a Yicai item, tune_sites s329: two figures, the low end a level; not
# "rose 5% to 20%", a move, nor "15 percent to 20 percent" alone)
PERCENT_RANGE_RE: Final = re.compile(
    rf"{NUM}(?:\s?(?:%|％)?\s?[-–~]|\s+to|(?P<said_twice>\s?(?:%|％|percent\b|per cent\b)\s+to\s))"
    r"\s?\d{1,3}(?:\.\d+)?\s?(?:%|％|percent\b|per cent\b)(?(said_twice)(?=\s+of\s))", re.IGNORECASE)
# The estimate's word the unit said at both ends needs before the low end (vocab.RANGE_ESTIMATE_WORDS).
RANGE_ESTIMATE_BEFORE_RE: Final = re.compile(rf"\b(?:{words_pattern(RANGE_ESTIMATE_WORDS)})\s+$", re.IGNORECASE)
# The first of two percentages that share the one percent sign after the second: "grew respectively 19.9 and 29.9
# percent", "rose 3.1 and 2.8%" (percent_pair; not a range's low end: "between 3 and 5 percent").
PERCENT_PAIR_RE: Final = re.compile(
    rf"{NUM}(?=\s+and\s+\d{{1,3}}(?:\.\d+)?\s?(?:%|％|percent\b|per cent\b))", re.IGNORECASE)
PERCENT_RANGE_HIGH_RE: Final = re.compile(r"(?:[-–~]|\s+to)\s?(\d{1,3}(?:\.\d+)?)")
PERCENT_RANGE_FROM_RE: Final = re.compile(r"\bfrom\s+$", re.IGNORECASE)
PERCENT_PAIR_BETWEEN_RE: Final = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
KM2_RE: Final = re.compile(
    rf"{NUM}{SCALE}(?:\s*|-)(?:square[\s-]+(?:kilomet(?:er|re)s?|km)|sq\.?[\s-]?kilomet(?:er|re)s?|sq\.?[\s-]?km|km2|km²)"
    r"(?![A-Za-z0-9])", re.IGNORECASE
)
# (the unit's words hyphenated as the number's: "the new 120,000-sq-m plant", metrics26, tune_sites s313: not read)
M2_RE: Final = re.compile(
    rf"{NUM}{SCALE}(?:\s*|-)(?:square[\s-]+met(?:er|re)s?|sq\.?[\s-]?met(?:er|re)s?|sq\.?[\s-]?m|sqm|m2|m²|m\^2)"
    r"(?![A-Za-z0-9])", re.IGNORECASE
)
# The first of "measuring 4,400 and 3,400 square meters respectively": an area, the unit said once after the second
# (area_pair; metrics12, s146; not a range's low end, "between 3 and 5 square kilometers", nor a year or a name's
# number).
# (a capitalised word right before the first number: "Line 4 and 27 square kilometers" names a line)
NAME_WORD_BEFORE_RE: Final = re.compile(r"\b[A-Z][\w-]*\s+$")
AREA_PAIR_RE: Final = re.compile(
    rf"{NUM}(?=\s+and\s+{NUMBER_READ}{SCALE}(?:\s*|-)(?:square[\s-]+(?:(?P<km>kilomet)|met)(?:er|re)s?|"
    r"sq\.?\s?(?P<km2>km)|(?P<km3>km)2|(?P<km4>km)²|sq\.?\s?m|sqm|m2|m²)(?![A-Za-z0-9]))",
    re.IGNORECASE,
)
MU_RE: Final = re.compile(rf"{NUM}{SCALE}(?:\s+|-)mu\b")
# (a ship's or a fleet's deadweight is tonnes too: "1.95 million Dead Weight Tonnage (DWT)", "0.88 million DWT",
# "a 400,000-DWT ore carrier": tune_sites s061; and abbreviated with points, "vessels up to 100,000 d.w.t.",
# "MAX. SIZE: 5,000 d.w.t.": a port guide, tune_sites s325; a lowercase "dwt" without them stays none)
TONNES_RE: Final = re.compile(
    rf"{NUM}{SCALE}(?:\s+|-)(?:(?:metric\s+)?(?:tonnes|tonne|tons|ton)\b(?!-(?:{words_pattern(TONNE_COMPOUND_TAILS)})\b)"
    r"|dead\s?weight\s+(?:tonnage|tons|tonnes)\b|(?-i:DWT)\b|d\.w\.t\b\.?)",
    re.IGNORECASE,
)
# "750 million kilograms", "a yield of 540 kilograms per mu": mass in kilograms, given in tonnes.
KILOGRAMS_RE: Final = re.compile(rf"{NUM}{SCALE}(?:\s+|-)(?:kilograms?|kilogrammes?|kgs?)\b", re.IGNORECASE)
KWH_RE: Final = re.compile(
    rf"{NUM}{SCALE}\s*(?:(?P<prefix>[kKmMgG])Wh\b|(?P<word>kilo|mega|giga)watt[- ]hours?\b)"
)
# A million glued as "m" or "mn" before containers or a mass: "throughput of 23.3m teu", "handling 130m tonnes"
# (match.million_glued; "m" alone is no scale word: "27.7m in width", "56.7m tall" are metres).
# "TEU" glued to its number is containers too: "totaling 186,749TEU in capacity", "35.3mTEU" (tune_other t428); so
# is a million of people ("home to 9.6m residents", tune_other t481: vocab.GLUED_MILLION_PEOPLE); and a million of
# deadweight tonnes in either case ("shipbuilding output was 35.88m dwt", a Seatrade item, tune_sites s335: no figure).
GLUED_MILLION_RE: Final = re.compile(
    rf"{NUM}(?:(?P<million>mn|m|M)(?:\s+(?P<what>(?i:teus?|(?:metric\s+)?(?:tonnes|tonne|tons|ton)|dwt))"
    rf"|\s+(?P<people>{words_pattern(GLUED_MILLION_PEOPLE)})|(?P<teu>TEUs?))"
    r"|(?P<teu_glued>TEUs?))\b(?!-)")
KM_RE: Final = re.compile(
    rf"{NUM}{SCALE}(?:\s*|-)(?:kilomet(?:er|re)s?|km)(?![\w²/])(?!\s+(?:per|an|a)\s+hour)", re.IGNORECASE
)
# A physical measure after its number (vocab PHYSICAL_UNITS: "reached 951 millimeters", "44.4mm", "14 million cubic
# meters", "566.67 hectares", "100km/h", "28 meters per second", "a 632-meter tower"); "square meters" is m2_RE's.
PHYSICAL_RE: Final = re.compile(
    rf"{NUM}{SCALE}(?:\s*|-)(?P<unit>{words_pattern(PHYSICAL_UNITS)})(?![\w²³/])", re.IGNORECASE)
# "the water level is 1.01m", "maintained at about 1.1m", "56.7m tall": metres in a glued "m", with a word of length
# beside it (vocab LENGTH_CONTEXT_WORDS; match.metres_glued); "$38m" and "£80m" are money, "8m people" a million.
METRES_GLUED_RE: Final = re.compile(rf"{NUM}m(?![\w²³/])")
METRES_CONTEXT_AFTER_RE: Final = re.compile(
    rf"\s*(?:-\s*\d|(?:in\s+)?(?:{words_pattern(LENGTH_CONTEXT_WORDS)})\b)", re.IGNORECASE)
METRES_CONTEXT_CHARS: Final = 60
CURRENCY_MARKS_BEFORE: Final = frozenset("$£€¥￥")
# ("a 5.7-fold increase", "rose 3 fold": a multiple written "-fold", tune_other t022)
TIMES_RE: Final = re.compile(rf"{NUM}{SCALE}(?:\s+times\b(?!\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b)"
                             r"|[\s-]?fold\b)")
# "more than twice the average speed", "twice as many": a multiple in a word (before what it multiplies).
# "almost double that of 2005" (tune_sites s213), "double the amount": the adjective before "the" or "that" only;
# not the verb after "to" or "will" ("plans ... to double the spending on basic research", the ningbolife seed page: a
# plan's verb, whose subject the adjective's reading took from the clause before).
TWICE_RE: Final = re.compile(rf"(?<![\w-])(?:(?P<word>{words_pattern(MULTIPLE_WORDS)})(?=\s+(?:the|as|that|of)\b)"
                             r"|(?<!\bto\s)(?<!\bwill\s)"
                             rf"(?P<adjective>{words_pattern(MULTIPLE_ADJECTIVES)})(?=\s+(?:the|that)\b))",
                             re.IGNORECASE)
# "raised funds for 38 times", "won the prize for 3 times": how often (a count), not a multiple; so is a sum of
# occasions, "the total drainage times added up to 49 times", "a total of 12 times" (times_occasions.total).
OCCASIONS_LEAD: Final = r"(?:(?<=\bfor\s)|(?<=\badded\sup\sto\s)|(?<=\btotal\sof\s))"
OCCASIONS_RE: Final = re.compile(rf"{OCCASIONS_LEAD}{NUM}\s+times\b"
                                 rf"(?!\s+{words_pattern(OCCASIONS_REFUSED_TAILS)}\b)")

# A multiple in words after a change word: "an increase of nearly ten times", "grew a hundred times".
SPELLED_TIMES_RE: Final = re.compile(
    rf"\b(?:(?P<verb>{words_pattern(TIMES_CHANGE_WORDS)})\s+(?:of\s+|by\s+)?(?:(?:{words_pattern(HEDGE_WORDS)})\s+)?)?"
    rf"(?P<word>{words_pattern(SPELLED_MULTIPLES)})\s+(?:times|fold)\b"
    rf"(?(verb)|(?=\s+(?:{words_pattern(TIMES_COMPARISON_TAILS)})\b))",  # no verb: "four times of that in 2010"
    re.IGNORECASE,
)

# Money and mass in words with a scale: "nine billion yuan", "over one billion tons".
SPELLED_AMOUNT_WORDS: Final[dict[str, int]] = {**SPELLED_UNITS, **SPELLED_NUMBERS, **SPELLED_TENS}
# ... and before a scale, a part of it too: "half a million" (number.half_scale)
SCALED_WORD_VALUES: Final[dict[str, Decimal]] = {
    **{word: Decimal(value) for word, value in SPELLED_AMOUNT_WORDS.items()},
    **{word: Decimal(value) for word, value in SCALE_PART_WORDS.items()},
}
SPELLED_SCALED_RE: Final = re.compile(
    rf"(?<![\w-])(?P<word>{words_pattern(SCALED_WORD_VALUES)})\s+"
    rf"(?P<scale>{words_pattern(SPELLED_SCALES, space=' ')})"
    rf"\s+(?:(?P<cur>{words_pattern(CURRENCY_SUFFIXES, space=' ')})|(?P<mass>(?:metric\s+)?(?:tonnes|tons)))\b",
    re.IGNORECASE,
)
# A count in words with a scale: "over one million people aged over 60" (the noun phrase after it is read by
# the builder; money and mass are amount_spelled's, tried before).
SPELLED_SCALED_COUNT_RE: Final = re.compile(
    rf"(?<![\w-])(?P<word>{words_pattern(SCALED_WORD_VALUES)})\s+"
    rf"(?P<scale>{words_pattern(SPELLED_SCALES, space=' ')})(?=\s+[a-z])",
    re.IGNORECASE,
)

# A rank without a ranking verb: "at fourth place nationwide", "fifteenth nationwide",
# "first among cities specifically designated", "the 17th in the country".
# The words before "Nth place" ("at fourth place", "took the first place").
PLACE_LEADS: Final = ("at", "in", "to", "took", "take", "takes", "taking", "got", "gets", "won", "wins", "secured",
                      "securing", "secures", "claimed", "claiming", "claims", *PLACE_KEEP_LEADS)
SCOPED_RANK_RE: Final = re.compile(
    rf"(?:\b(?:{words_pattern(PLACE_LEADS)})\s+(?:the\s+)?(?P<ord>(?P<word>{ORDINAL_ALT})|(?P<n>\d{{1,3}})(?:st|nd|rd|th))"
    rf"\s+(?:place|spot)\b(?:\s+(?:nationwide|in\s+the\s+{words_pattern(RANK_WIDE_SCOPES)}))?"
    rf"|(?<![\w-])(?P<ord2>(?P<word2>{ORDINAL_ALT})|(?P<n2>\d{{1,3}})(?:st|nd|rd|th))"
    rf"\s+(?:nationwide|worldwide|among\s+(?:all\s+)?(?:cities|the\s+\d+|\d+)))",
    re.IGNORECASE,
)
# A list of ordinals before "places": "followed in second, third and fourth places", "took the first and
# third places" (each ordinal is a rank: tried at each, the rest of the list in a lookahead).
ORDINAL_ONE: Final = rf"(?:{ORDINAL_ALT}|\d{{1,3}}(?:st|nd|rd|th))"
ORDINAL_OR_NO: Final = rf"(?:{ORDINAL_ONE}|No\.\s?\d{{1,3}})"  # "ranking No.1 and No.2"
RANK_PLACES_RE: Final = re.compile(
    rf"(?<![\w-])(?P<ord>(?P<word>{ORDINAL_ALT})|(?P<n>\d{{1,3}})(?:st|nd|rd|th))\b"
    rf"(?=(?:\s*,\s*(?:and\s+)?{ORDINAL_ONE}\b|\s+and\s+{ORDINAL_ONE}\b)*\s+places\b)",
    re.IGNORECASE,
)
# The last ordinal of a list after a ranking verb: "Taiwan and Thailand ranked second and third" (the first
# is rank_verb's; this rule, tried before it, takes only the last one: the match ends where its ordinal
# does, so _plain_rank's item is that ordinal).
# No hyphen may follow the ordinal ("ranked first and the second-hand market": no rank).
RANK_VERB_LIST_RE: Final = re.compile(
    rf"\b(?:{words_pattern(RANK_VERBS)})\s+(?:(?:at|as)\s+)?(?:the\s+)?{ORDINAL_OR_NO}"
    rf"(?:\s*,\s*{ORDINAL_OR_NO})*\s*,?\s+and\s+(?:the\s+)?"
    rf"(?P<ord>(?P<word>{ORDINAL_ALT})|(?P<n>\d{{1,3}})(?:st|nd|rd|th)|No\.\s?(?P<no>\d{{1,3}}))(?![\w-])",
    re.IGNORECASE,
)
# A second ordinal joined by "and" to a ranking verb's, with a scope of its own: "The port ranks third in the world
# and first in China", "Ningbo ranks sixth among Chinese cities for economic openness, and second for its structural
# competitiveness" (tune_sites s002: the second was missed). Tried before rank_verb, as rank_verb_list is: the match
# ends at its ordinal, the first being rank_verb's. No sentence end lies between the two ("top 100 cities" may).
RANK_AND_RE: Final = re.compile(
    rf"\b(?:{words_pattern(RANK_VERBS)})\s+(?:(?:at|as|in)\s+)?(?:the\s+)?{ORDINAL_OR_NO}\b"
    r"[^.;:!?]{1,80}?\s+and\s+(?:the\s+)?"
    rf"(?P<ord>(?P<word>{ORDINAL_ALT})|(?P<n>\d{{1,3}})(?:st|nd|rd|th)|No\.\s?(?P<no>\d{{1,3}}))(?![\w-])"
    rf"(?=\s+{words_pattern(RANK_AND_SCOPE_LEADS)}\b)",
    re.IGNORECASE,
)
RANK_RE: Final = re.compile(
    rf"\b(?P<verb>{words_pattern(RANK_VERBS)})\s+(?:(?:at|as|in)\s+)?"
    # "ranking the first three of Ningbo for 56 months in a row" (tune_sites s341): a band of the first N, no place
    # ("ranked first three years in a row" stays first)
    rf"(?:the\s+(?![a-z]+\s+(?:{words_pattern(TOP_SPELLED_COUNTS)}|\d+)\b))?"
    rf"(?P<ord>{words_pattern(RANK_ORDINAL_WORDS)}|"
    # "ranking top globally for a fourteenth consecutive year" (tune_sites s069): first; not "top 10", "top ten",
    # "top-level" (rank_top_n's, or no rank)
    rf"top(?![\s-]*\d)(?!\s+{words_pattern(TOP_SPELLED_COUNTS)}\b)(?!-)|"
    r"(?P<ordnum>\d{1,3})(?:st|nd|rd|th)|No\.\s?(?P<nonum>\d{1,3})|number\s+(?P<wnum>\d{1,3}))\b"
    rf"(?:\s+in\s+(?:the\s+)?{words_pattern(RANK_SCOPE_PLACES)})?",
    re.IGNORECASE,
)
# The words between "top N" and a plural noun that are not its modifiers ("ranked top 10 in terms of", "top 5 for
# the first time"): a plural after them does not make the top N a list's name.
TOP_LIST_STOP: Final = r"(?:in|of|on|at|for|by|with|among|across|from|to|and|or|the|its|their|this|that|as|than)"
# "among the top 10", "one of China's top 500", "ranked top 3": rank N at most.
TOP_RANK_RE: Final = re.compile(
    rf"\b{words_pattern(TOP_RANK_LEADS)}\s+(?:the\s+)?(?:[\w'’]+(?:'s|’s)\s+)?"
    r"(?P<ord>top\s+(?P<n>\d{1,4}))\b(?!\s*(?:%|％|percent|per\s+cent|list))"
    r"(?!\s+(?-i:[A-Z]))"  # "the Top 100 National Comprehensive Strength Districts": a list's name
    # "ranked 71st among the top 100 districts", "listed among the top 100 counties": the list of the top N of a
    # plural noun is named, not a rank of the subject (rank_top_n.list_of_plural); so is a top 100 or more after up
    # to two modifiers ("among top 500 competitive enterprises of China's textile industry": a published list's
    # name; "one of China's top 10 robot industry clusters" stays a rank of at most 10)
    r"(?!\s+(?-i:[a-z][a-z-]*s)\b)"
    rf"(?!(?<=\d\d\d)\s+(?-i:(?:(?!{TOP_LIST_STOP}\b)[a-z][a-z-]*\s+){{1,2}}[a-z][a-z-]*s)\b)",
    re.IGNORECASE,
)
# "No. 2 among universities in Zhejiang", "No. 1 nationwide": a rank without a ranking verb.
NO_RANK_RE: Final = re.compile(
    r"(?<![\w.])(?P<ord>No\.\s?(?P<n>\d{1,3}))(?=\s+(?:among|nationwide|worldwide|globally|across|in\s+(?:the\s+)?"
    rf"{words_pattern(RANK_SCOPE_PLACES)}))"
)
# metrics23 (en.transways.com.cn's copy of a box-port ranking, tune_sites s264): "Coming in at No 2 was the Port of
# Singapore", "Busan, which fell to No 6", "dropping two spots to No 7": "No" and a place without its full stop, after
# "at", "to" or "it", is a rank; not before a capitalised word or another digit ("at No 10 Downing Street").
NO_BARE_RANK_RE: Final = re.compile(r"(?<=\b(?:at|to|it)\s)(?P<ord>No\s(?P<n>\d{1,2}))\b(?![.,]?\d|\s+[A-Z])")
# "Other cities that made the list in the province included Jiaxing (22nd), Wenzhou (36th) ...": a digit ordinal in
# brackets right after a capitalised name, closing a list item, is that name's place in the ranking the sentence
# reports (rank_bracketed; metrics12, s147: six places were missed).
BRACKETED_RANK_RE: Final = re.compile(
    r"(?<=[a-z]) \((?P<ord>(?P<n>\d{1,3})(?:st|nd|rd|th))\)"
    r"(?=\s*(?:[,;.]|and\b|or\b|$))"
)
# "In the ranking of import and export scale of cities in the country, Ningbo jumped from the 6th to the 5th": after a
# verb of a move, the place reached is the subject's rank (rank_from_to; metrics13, s157: nothing was read). Not a
# span of days ("from the 1st to the 5th of May").
RANK_FROM_TO_RE: Final = re.compile(
    rf"\b(?:{words_pattern(RANK_MOVE_VERBS)})\s+from\s+(?:the\s+)?{ORDINAL_OR_NO}\s+(?:place\s+|spot\s+)?to\s+(?:the\s+)?"
    rf"(?P<ord>(?P<word>{ORDINAL_ALT})|(?P<n>\d{{1,3}})(?:st|nd|rd|th)|No\.\s?(?P<no>\d{{1,3}}))\b"
    rf"(?!\s+(?:of\s+)?{words_pattern(MONTH_NUMBER)}\b)",
    re.IGNORECASE,
)
# "up 4 places", "dropping two spots to No 7", "rising 4 rankings", "one spot lower than the previous year": a move in a
# ranking is a change of rank (rank_move; tune_sites s043, s147, s264 labelled them, nothing was read: the count
# matcher refuses "up 4 places"). Its sign is the describer's (sign.decrease: "dropping", "lower").
RANK_MOVE_COUNT_RE: Final = re.compile(
    rf"\b(?:(?P<verb>{words_pattern(RANK_MOVE_WORDS)})\s+(?:(?:up|down)\s+)?(?:by\s+)?)?"
    rf"(?P<n>\d{{1,2}}|{words_pattern(RANK_MOVE_AMOUNTS)})\s+(?:{words_pattern(RANK_MOVE_UNITS)})\b"
    rf"(?(verb)|\s+(?:higher|lower)\b)",
    re.IGNORECASE,
)
# "the third-largest", "the 2nd biggest": an ordinal superlative is a rank.
ORDINAL_SUPERLATIVE_RE: Final = re.compile(
    rf"\b(?P<ord>(?P<word>{words_pattern(SUPERLATIVE_ORDINALS)})|(?P<n>\d{{1,2}})(?:st|nd|rd|th))"
    rf"[- ](?:{words_pattern(ORDINAL_SUPERLATIVES)}|most\s+\w+)\b",
    re.IGNORECASE,
)

# The bases a proportion is given over: "9 out of 10 patent applications" is 90% (dev 012); "33 out of 35" is no share.
PROPORTION_BASES: Final = frozenset({2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 1000})
# The words before "half of" and the spelled numerators of "N out of M" (tried at every word: tries); "one out of
# every three", "One in every five hair dryers" (tune_other t011, t030) are shares too.
HALF_OF_LEADS: Final = ("than", "nearly", "almost", "about", "around", "roughly", "over", "for", "to", "by", "up")
OUT_OF_NUMERATORS: Final = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
OUT_OF_BASES: Final = ("three", "four", "five", "ten")  # (in words: "one out of every three", "nine out of ten")
FRACTION_RE: Final = re.compile(
    # (not of a span: "a quarter of a century", "a third of an hour")
    rf"(?<![\w-])(?P<word_frac>{_FRACTION_WORD_ALT})(?=\s+of\b)(?!\s+of\s+an?\s)"
    # "Among them, one third are foreign investments": a fraction the clause's subject after "among/of them" (the
    # whole said before it; fraction.of_them, checked by the builder; metrics15, tune_sites s172)
    rf"|(?<![\w-])(?P<subj_frac>{_FRACTION_WORD_ALT})(?=\s+(?:are|were)\b)"
    # (or opening a clause before a determined whole: "At Beilun Harbour, half of the cargo is unloaded", a port guide,
    # tune_sites s325; not of a time: "half of the year")
    rf"|(?:\b(?:{words_pattern(HALF_OF_LEADS)})\s+|(?:(?<=[,;:.!?]\s)|(?<=\n)|(?<![\s\S]))"
    rf"(?=half\s+of\s+(?:the|its|their|all)\s+(?!(?:{words_pattern(TIME_WORDS)})\b)))(?P<half>half)(?=\s+of\b)"
    rf"|(?<![\w.,/-])(?P<out_a>\d{{1,2}}|{words_pattern(OUT_OF_NUMERATORS)})\s+"
    rf"(?:out\s+of\s+(?:every\s+)?|in\s+every\s+)(?P<out_b>\d{{1,3}}|{words_pattern(OUT_OF_BASES)})\b"
    # (a larger base only before "of" its whole: "occupying less than 1/400 of Zhejiang province's total area",
    # metrics26, tune_sites s314; not a date's "1/12")
    r"|(?<![\w.,/-])(?P<slash_a>[1-9])\s?/\s?(?P<slash_b>[2-9]|10|[1-9]\d{1,2}(?=\s+of\s+(?!\d)))(?![\w/.,-])",
    re.IGNORECASE,
)
PARTITIVE_OF_RE: Final = re.compile(r"\s+of\b")
PERIOD_FRACTION_BEFORE_RE: Final = re.compile(rf"\b{words_pattern(PERIOD_FRACTION_LEADS)}\s+$", re.IGNORECASE)
YEARS_RE: Final = re.compile(rf"{NUM}\s+years?\b(?!\s+(?:ago|old|later|earlier|before))")
# "N years" is a metric only for lifespans / schooling, never for ages of anniversaries.
YEARS_CONTEXT_RE: Final = re.compile(
    r"life\s+expectancy|average\s+age|life\s*span|service\s+life|average\s+life|"
    r"years?\s+of\s+(?:schooling|education)",
    re.IGNORECASE,
)
# A duration that is a period's value, just before it ("the longest payment period is 10 year", "in a period of 12
# years"; not "the same period": that is a comparison's base).
PERIOD_VALUE_BEFORE_RE: Final = re.compile(
    rf"(?<!same\s)\bperiod\s+(?:{words_pattern(PERIOD_VALUE_LINKS)})\s+$", re.IGNORECASE)
# (within its sentence: "The life expectancy of registered residents in Ningbo, East China's Zhejiang province stood
# at 82.4 years in 2021" puts 90 characters between the two; 60 missed it)
YEARS_CONTEXT_WINDOW: Final = 120
# A size class is not a count ("500 billion-level industrial clusters"); nor is a scheme's
# name ("the 3315 Talent Introduction Plan").
SIZE_CLASS: Final = rf"(?:hundred[- ])?(?:{'|'.join(SIZE_CLASS_WORDS)})[- ]level\b"
SCHEME_NAME: Final = rf"(?-i:[A-Z][a-z]+)\s+(?:Introduction\s+)?{words_pattern(SCHEME_NOUNS)}\b"
# "aged 15", "the ages of 15 to 59", "a college degree out of 100,000": an age or a rate's base, no count.
AGE_OR_BASE_BEFORE_RE: Final = re.compile(rf"\b(?:{words_pattern(AGE_OR_BASE_LEADS)})\s*$", re.IGNORECASE)
# "2-3 national manufacturing innovation centers": a range of a count, reported at its low end.
RANGE_COUNT_RE: Final = re.compile(
    r"(?<![\w.,/#+-])(?P<num>\d{1,3})\s*[-–~]\s*(?P<high>\d{1,3})(?![\w%.,-])\s+(?=[a-z])")
# (a quoted modifier may open the noun phrase: 'rectify 5,000 "scattered and polluted" enterprises')
COUNT_RE: Final = re.compile(rf"{NUM}{SCALE}(?![\w%-])\s+(?!{SIZE_CLASS}|{SCHEME_NAME})"
                      rf"(?=[A-Za-z]|[\"“‘][A-Za-z]|\d{{1,2}}[A-Za-z]\w*\s+[A-Za-z])")

# COUNT_RE and BARE_NUMBER_RE read by hand along the path the regex tries first (`read_count`): what the
# scale word may be (SCALE's words: no two of them match at one place), the words SIZE_CLASS can open with,
# and what BARE_NUMBER_RE's lookahead refuses after the number.
SCALE_WORD_TEXTS: Final = tuple(SCALE_WORDS)
SCALE_WORDS_BY_FIRST: Final = {first: tuple(word for word in SCALE_WORD_TEXTS if word[0] == first)
                                for first in sorted({word[0] for word in SCALE_WORD_TEXTS})}
SIZE_CLASS_FIRSTS: Final = "hmbty"  # (hundred and the words)
OPENING_QUOTES: Final = "\"“‘"
CLOSING_QUOTES: Final = "\"”’"
assert SCALE == rf"(?:\s*(?P<scale>{words_pattern(SCALE_WORD_TEXTS, space=' ')})\b|)"
assert rf"(?!{SIZE_CLASS}|{SCHEME_NAME})" in COUNT_RE.pattern and SCHEME_NAME.startswith("(?-i:[A-Z]")
# PERCENT_RE's and MONEY_SUFFIXED_RE's words after the number, read by hand too (`read_percent`, `read_money`):
# the percent words (small letters and a space, in any case), the currency words by their first character (as
# written) and the unit each names (`_money_suffixed`'s lookup of the matched word).
PERCENT_WORDS: Final = ("percent", "per cent")
CURRENCY_SUFFIXES_BY_FIRST: Final = {first: tuple(word for word in CURRENCY_SUFFIXES if word[0] == first)
                                     for first in sorted({word[0] for word in CURRENCY_SUFFIXES})}
MONEY_SUFFIX_UNITS: Final = {word: CURRENCIES[vocab_key(word)] for word in CURRENCY_SUFFIXES}
assert PERCENT_RE.pattern == rf"{NUM}\s?(?:%|％|percent\b|per cent\b)" and PERCENT_RE.flags & re.IGNORECASE
assert MONEY_SUFFIXED_RE.pattern == rf"{NUM}{SCALE}\s*(?P<cur>{words_pattern(CURRENCY_SUFFIXES, space=' ')})\b" \
    and not MONEY_SUFFIXED_RE.flags & re.IGNORECASE
SPELLED_COUNT_RE: Final = re.compile(  # tries of the words: the pattern is tried at every word of a sentence
    rf"(?<![\w-])(?P<word>(?:{words_pattern(SPELLED_TENS)})-(?:{words_pattern(SPELLED_UNITS)})|"
    rf"{words_pattern(SPELLED_NUMBERS)})(?![\w-])\s+(?=[A-Za-z\"“]|"
    rf"(?P<size>{NUMBER_READ}(?:\s?|-)(?:{words_pattern(VESSEL_SIZE_UNITS)})s?)\s+[A-Za-z])", re.IGNORECASE
)

# "five categories, namely ...": the words after a count that make it the announcement of a list.
LIST_INTRO_RE: Final = re.compile(rf"\s*(?:,?\s*(?:{words_pattern(LIST_INTRO_WORDS)})(?!\w)|:(?!\s*\d))", re.IGNORECASE)
# ... or a count in apposition to a list of exactly as many items, after it ("five traditional industries,
# knitting, molding, auto parts, aquatic products and power transmission.") or before it ("Yin, Mao and Gouzhang,
# three areas under ..."): the list's size, said to introduce it (count.list_apposition).
LIST_AFTER_RE: Final = re.compile(r",(?!\s*(?:including|includes|such\s+as|e\.g\.|especially|mainly)\b)\s*"
                                  r"(?P<items>[^.;:!?()\d]{3,200}?)\s*(?:[.;!?]|$)", re.IGNORECASE)
LIST_NAME: Final = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
LIST_BEFORE_RE: Final = re.compile(rf"(?P<items>{LIST_NAME}(?:\s*,\s*{LIST_NAME})*\s*,?\s+and\s+{LIST_NAME})\s*,\s*$")
LIST_ITEM_SPLIT_RE: Final = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
LIST_ITEM_MAX_WORDS: Final = 4


def _is_list_of(items: str, size: float) -> bool:
    """`items` is a list of exactly `size` short items ("knitting, molding, auto parts and power transmission")."""
    parts = LIST_ITEM_SPLIT_RE.split(items.strip())
    return len(parts) == size and all(0 < len(part.split()) <= LIST_ITEM_MAX_WORDS for part in parts)


def _sizes_a_list(para: str, before: str, np_end: int, value: float) -> bool:
    """A spelled count in apposition to a list of exactly its number of items (before or after it)."""
    if para.startswith(",", np_end):
        after = LIST_AFTER_RE.match(para, np_end)
        if after is not None and _is_list_of(after.group("items"), value):
            return True
    if before.rstrip().endswith(","):
        listed = LIST_BEFORE_RE.search(before[-300:])
        if listed is not None and _is_list_of(listed.group("items"), value):
            return True
    return False
# "up four places", "climbed 3 positions": movement in a ranking, not a count.
RANK_MOVE_RE: Final = re.compile(rf"\b{words_pattern(RANK_MOVE_WORDS)}\s*(?:by\s+)?$", re.IGNORECASE)

# A number whose counted noun is left out: "86 of them", "Among them, 5,300 hold ...",
# "20,000 by 2022" after "12,000 5G base stations", "add 3,000 more", "a daily average of 520,000".
BARE_NUMBER_RE: Final = re.compile(rf"{NUM}{SCALE}(?![\w%-])(?!\s*(?:%|％|percent|per\s+cent))")
assert BARE_NUMBER_RE.pattern.endswith(r"(?!\s*(?:%|％|percent|per\s+cent))")  # (matchers._percent_at)
# ("47,900 (or 99%) of them": a share in brackets may stand between)
OF_THEM_AFTER_RE: Final = re.compile(r"(?:\s*[(（][^()（）]{1,20}[)）])?\s+of\s+(?:them|these|those|which)\b",
                                      re.IGNORECASE)
OF_THEM_BEFORE_RE: Final = re.compile(r"\b(?:among|of)\s+(?:them|these|those|which)\s*,?\s*$", re.IGNORECASE)
# A count that is the subject of its clause, its noun said before it: "Of the 55 companies, 42 were listed
# abroad and 13 were in China", "Among the top twenty towns, four are from Ningbo" (a plural verb after it,
# the clause opening before it).
CLAUSE_SUBJECT_AFTER_RE: Final = re.compile(rf"\s+(?:{words_pattern(CLAUSE_SUBJECT_VERBS)})\b")
# (not "lines 4 and 5 are"; "the remaining" or "the other" may stand between: "three saw their freight rate indices rise
# and the remaining 18 saw theirs fall", tune_sites s192)
CLAUSE_OPENING_RE: Final = re.compile(
    r"(?:^|[,;:]|(?<!\d\s)\b(?:and|while|whereas|but|where))(?:\s+the\s+(?:remaining|other))?\s*$")
# What may follow a number whose noun is elided: punctuation, the end, a time phrase, a verb.
# ("a population of 7 600 000(2010)": a year in brackets after it, tune_other t463; "had risen to 23 as of Jan. 4":
# a date after "as of", t287)
ELIDED_FOLLOW_RE: Final = re.compile(
    r"^(?:\s+more\b)?(?:\s*(?:[,.;:)）]|\((?:19|20)\d\d\)|$)|\s+[-–—]\s|\s+(?:to|and|or|by|in|this|last|next|from|at|for|during|since|until|before|as\s+(?:of|at)|"
    r"after|a\s+(?:day|year|month|week)|per|each|every|is|was|have|has|had|including|with|"
    rf"will|would|can|could|respectively|compared|{words_pattern(CLAUSE_SUBJECT_VERBS)}|{CLAUSE_SUBJECT_SAW}|"
    rf"{words_pattern(FREQUENCY_ADVERBS)})\b)",
    re.IGNORECASE,
)
# The rest of a span of time after its low end ("2 to 4 days", "3-5 weeks"): that number counts no noun before it.
TIME_RANGE_END_RE: Final = re.compile(
    rf"^\s*(?:to|-|–|~)\s*\d[\d,.]*\s*(?:{words_pattern(sorted(TIME_UNIT_WORDS))})\b", re.IGNORECASE
)
# What may follow a scaled amount whose currency is left out: punctuation or the end of the sentence.
# (or " and " and a second bare amount: "added a net increase of 115.4 billion and 16 billion, respectively", s125;
# or how often: "put in a special fund of 100 million every year", dev 022)
ELIDED_MONEY_FOLLOW_RE: Final = re.compile(
    r"\s*(?:[,.;:)）]|$)|\s+and\s+(?=\d)|\s+(?:(?:every|each|per|a)\s+year|annually)\b")
# A move of a money noun from one bare scaled amount to another, each maybe with its year: "the revenue of Joyson
# Electronic has been increased from 200 million in 2006 to 18.6 billion in 2016" (a company's news page, tune_sites
# s334: nothing read): both ends are yuan where the clause names money and the sentence no currency
# (money.currency_clause, as a linked amount is; "increased the total investment from 48.55 mln UD to 84.55 mln USD,
# with the registered capital increased from 20 million to 32 million", s015, stays unread: which currency is not
# said).
MONEY_IN_NOUN_AFTER_RE: Final = re.compile(rf"\s+in\s+(?:{words_pattern(MONEY_IN_NOUNS)})\b", re.IGNORECASE)
BARE_SCALED: Final = rf"{NUMBER_READ}\s*(?:{words_pattern(SCALE_WORDS, space=' ')})\b"
BARE_MONEY_MOVE_RE: Final = re.compile(
    rf"\bfrom\s+(?P<low>{BARE_SCALED})(?:\s+in\s+(?:19|20)\d\d)?\s+to\s+(?P<high>{BARE_SCALED})"
    r"(?:\s+in\s+(?:19|20)\d\d)?(?=\s*(?:[,.;:)）]|$))")
# Between an amount of money and the bare scaled amount paired with it ("115.4 billion and 16 billion"): the second is
# money in the first's currency, with no link word of its own.
MONEY_PAIR_GAP_RE: Final = re.compile(r"\s+and\s+")
ELIDED_MONEY_LINK_RE: Final = re.compile(rf"\b(?:{words_pattern(ELIDED_MONEY_LINKS)})\s*$", re.IGNORECASE)
MONEY_UNITS: Final = frozenset(CURRENCIES.values())
# "(at an investment of 137.3 million)": a scaled amount right after a noun that is money, with no currency in its
# sentence, is yuan (the sites report in yuan; the labelling convention: "bare 100 million ... -> CNY").
MONEY_NOUN_BEFORE_RE: Final = re.compile(rf"\b(?:{words_pattern(MONEY_NOUNS)})\s+of\s*$", re.IGNORECASE)
# A money noun in the clause before a bare scaled amount (MONEY_CLAUSE_NOUNS; the clause: after the sentence's last
# ",", ";" or ":").
MONEY_CLAUSE_RE: Final = re.compile(rf"\b(?:{words_pattern(MONEY_CLAUSE_NOUNS, space=' ')})\b", re.IGNORECASE)
# A currency of the tables anywhere in a sentence: a mark, or a currency word (and "dollar").
CURRENCY_WORD_RE: Final = re.compile(
    "[" + "".join(sorted({c for mark in CURRENCY_PREFIXES for c in mark if not c.isalpha()})) + "]|"
    rf"\b(?:{words_pattern({w.lower() for w in (*CURRENCY_PREFIXES, *CURRENCY_SUFFIXES, 'dollar') if w.isalpha()})})\b",
    re.IGNORECASE)
# A frequency adverb right after a number: "1479 monthly" counts per month, it is no year.
FREQUENCY_AFTER_RE: Final = re.compile(rf"\s+(?:{words_pattern(FREQUENCY_ADVERBS)})\b", re.IGNORECASE)
# The text between an earlier count of the sentence and a number that counts the same thing ("including",
# "with": "22,000 employees worldwide, including 16,000 in Sweden", tune_other t280).
# (also the earlier level a count is compared with: "registered a total of 4,653 market entities in 2021, up from 3,319
# in 2020" counts the same noun in 2020: count.prior_level)
ELIDED_GAP_RE: Final = re.compile(
    r"(?:\band|\bor|\bto|\bversus|\baverage\s+of|\btotal\s+of|,|\b(?:up|down|rising|falling)\s+from|"
    r"\bincluding|\bof\s+which|\bwith|"
    r"\b(?:the|its|their)\s+total(?:\s+number)?\s+(?:reached|rose\s+to|grew\s+to|stood\s+at|hit|was|is|came\s+to))"
    rf"\s*(?:(?:{words_pattern((*HEDGE_WORDS, 'some', 'another', 'a further'))})\s+)?$",
    re.IGNORECASE,
)
ELIDED_GAP_MAX: Final = 120
# "564 foreign-funded enterprises were established, an increase of 78 over the previous year": a change of the
# count before it, its noun left out (kind and sign are the change words', as after "the number of X").
COUNT_CHANGE_GAP_RE: Final = re.compile(rf",\s*(?:an?\s+)?(?:{words_pattern(COUNT_CHANGE_NOUNS)})\s+of\s*$",
                                        re.IGNORECASE)
COUNT_CHANGE_AFTER_RE: Final = re.compile(r"\s+(?:over|compared|from|than)\b|\s*(?:[,.;:)）]|$)", re.IGNORECASE)
TOTAL_GAP_RE: Final = re.compile(r"\btotal\b", re.IGNORECASE)
# "..., 78 more than the previous year", "..., 57 less than that of last year": a bare number after the comma closing
# a count's clause, then a comparative, "than" and an earlier time (vocab COUNT_*_THAN_WORDS), changes that count
# (count.more_than_before).
COUNT_THAN_AFTER_RE: Final = re.compile(
    rf"\s+(?P<cmp>{words_pattern(COUNT_MORE_THAN_WORDS | COUNT_FEWER_THAN_WORDS)})\s+than\s+"
    rf"(?:(?:that|those)\s+(?:of|in)\s+)?(?:the\s+)?(?:{words_pattern(COUNT_THAN_TIME_WORDS)})\b", re.IGNORECASE)
COUNT_THAN_GAP_RE: Final = re.compile(r",\s*$")
# "The 2021 figure for micro and small-sized companies was 2,826,100": a bare number after "the (year's) figure for"
# a plural noun phrase and its verb counts that noun (count.figure_for).
FIGURE_FOR_RE: Final = re.compile(
    r"\bfigures?\s+for\s+(?P<np>[A-Za-z][\w'’&-]*(?:\s+[\w'’&-]+){0,8}?)\s+"
    rf"{words_pattern(FIGURE_FOR_LINKS)}\s*$", re.IGNORECASE)
# A number right before an age: "The figure includes 491,000 residents aged 70 or above, 181,000 aged 80 or above,
# and 181 aged 100 years old" counts people of that age (count.aged).
AGE_AFTER_RE: Final = re.compile(
    r"\s+(?P<age>(?:aged|between\s+the\s+ages\s+of)\s+(?:(?:over|under|above|below)\s+)?\d{1,3}"
    r"(?:\s*[-–~]\s*\d{1,3}|\s+to\s+\d{1,3}|\s+(?:or|and)\s+(?:above|over|older|younger|below|under))?"
    r"(?:\s+years?\s+old)?)",
    re.IGNORECASE,
)
# The same age phrase after the noun of a subject: "the population aged 0-14 was 1.151 million", "seniors aged over 80
# have reached 150,000" (the subject is read without it, then given it back: count.aged_subject).
AGE_IN_SUBJECT_RE: Final = re.compile(AGE_AFTER_RE.pattern + r"(?=[^,;:]*$)", re.IGNORECASE)
# A figure, then "and" and a new clause (own_clause_start): "7.585 million and the rural population is".
FIGURE_AND_RE: Final = re.compile(
    rf"\d(?:[\d,.]*\d)?(?:\s+{words_pattern(ROUND_SCALES)})?\s+and\s+(?=(?:the|its|their)\s)", re.IGNORECASE)
# A part of a whole that follows it: "seven of the eight categories witnessed price rise", "26 of the 36 industries"
# count that noun (count.part_of_whole); so do "33 out of 35 categories", "28 (out of 31) provinces" and "Nine out of
# the top ten industries" (tune_sites s027, s079, dev 024: a share only over a proportion's base, _fraction).
# ("only about 6,000 of more than 20,000 local container truck drivers", tune_other t313: "of" a hedged or plain
# number of the noun; "The GDP of two of Zhejiang's 11 cities — Hangzhou and Ningbo — surpassed 1 trillion yuan",
# metrics22, tune_sites s236: "of" a possessive and a number, as "of the" and a number; 11 alone was read); "17 of
# the world's largest 20 ports" (metrics24, tune_sites s289: "the" and a possessive, a superlative before the whole as
# "top" is; nothing but "20 ports" was read, a list's name: _count_blocked)
ORDINAL_SUPERLATIVE_WORDS: Final = frozenset(ORDINAL_SUPERLATIVES)
# ("in five of Shenzhen's nine districts", metrics30, a Yicai Global item, tune_sites s346: a spelled whole right after
# the possessive too, nothing was read; not past "top": "two of the world's top five container ports", t293, places
# them in a list)
_WHOLE_AHEAD: Final = (rf"(?=\s+(?:(?:(?:top|{words_pattern(ORDINAL_SUPERLATIVES)})\s+)?\d"
                       rf"|(?:{words_pattern(SPELLED_NUMBERS)})\b))")
PART_OF_WHOLE_RE: Final = re.compile(
    rf"\s+(?:of\s+(?:the(?:\s+[a-z][\w-]*['’]s{_WHOLE_AHEAD})?"
    rf"|[A-Z][\w-]*['’]s{_WHOLE_AHEAD})"
    rf"|of(?=\s+(?:(?:{words_pattern(HEDGE_WORDS)})\s+)?\d)|"
    rf"\(?out\s+of(?:\s+the)?)\s+"
    rf"(?:(?:{words_pattern(HEDGE_WORDS)})\s+)?(?:(?:top|{words_pattern(ORDINAL_SUPERLATIVES)})\s+)?"
    rf"(?P<whole>\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}}|{words_pattern(SPELLED_NUMBERS)})\)?\s+(?=[a-z])", re.IGNORECASE)
# ... or of a whole not numbered, after a determiner: "20 of our students", "20 of the projects" (their plural noun).
PARTITIVE_AFTER_RE: Final = re.compile(r"\s+of\s+(?:the|our|their|its|these|those)\s+(?=[a-z])", re.IGNORECASE)
# A count given in parentheses after a place or name, counting what the sentence counted before: "Chongqing (67)".
NAMED_PAREN_OPENING: Final = r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*\("  # a name of one or two words and "("
NAMED_PAREN_BEFORE_RE: Final = re.compile(NAMED_PAREN_OPENING + "$")
# ... or, with no count before it, one of a run of three or more names each with its count so: "Guangdong (92),
# Zhejiang (87) and Jiangsu (86) ranked among the “top three”" (new listings by province, tune_sites s324).
NAMED_PAREN_COUNT_RE: Final = re.compile(NAMED_PAREN_OPENING + r"(?P<n>\d{1,3}(?:,\d{3})*)\)")
NAMED_PAREN_RUN_MIN: Final = 3
# "Of the 35 industrial categories, 29 ...", "Among the 236 products listed in the catalog, 106 ...".
PARTITIVE_BEFORE_RE: Final = re.compile(
    rf"\b(?:of|among)\s+(?:the|these|those|all)\s+(?P<n>{NUMBER})\s+[^,;.]{{1,80}},\s*$",
                                        re.IGNORECASE)
# A number listed right before a count of the same noun: "4,158 and 3,249 items".
LIST_JOIN_RE: Final = re.compile(r"\s*(?:,\s*|\s+)(?:and|or)\s+")
# ... or each with its own modifier before the noun said once: "comprised of 29 owned and 15 chartered ships" (a
# Container News item, tune_sites s336: 29 not read; count.modifier_pair): the first counts "owned ships".
MODIFIER_PAIR_AFTER_RE: Final = re.compile(r"\s+(?P<mod>[a-z]{3,})\s+(?:and|or)\s+")
# "the number of high-tech enterprises grew by 36.2% to 2,856", "..., with 24"
NUMBER_OF_RE: Final = re.compile(r"\b(?:the\s+)?(?:total\s+)?number\s+of\s+(?P<np>[\w\s&'’-]+?)"
                                 r"(?=\s+(?:in|at|on|from|across|has|have|had|was|were|is|are|will|to|with|"
                                 rf"{words_pattern(NUMBER_OF_PAST_VERBS)}|{words_pattern(NUMBER_OF_PRESENT_LINKS)})\b"
                                 r"|\s*[,.;]|$)",
                                 re.IGNORECASE)
# "the number of D-grade enterprises ... decreased by 1,328": a change of the number named before.
NUMBER_OF_CHANGE_RE: Final = re.compile(
    rf"\b{words_pattern(NUMBER_OF_CHANGE_VERBS)}\s+by\s*$", re.IGNORECASE)
# "number"/"top" used as verbs ("sellers now number 62,000", "users to top 4 million") do not name the number.
NUMBER_VERB_RE: Final = re.compile(
    r"(?:\b(?:now|currently|still|will|would|could|may|to|already|together|they)|\w{3,}s)"
                                   r"\s+(?:number|top)\s*$", re.IGNORECASE)
NUMBER_OF_LINK_RE: Final = re.compile(
    r"\b(?:to|from|with|at|was|were|is|are|of|"
    rf"{words_pattern(NUMBER_OF_PAST_LINKS)}|{words_pattern(NUMBER_OF_PRESENT_LINKS)})\s*$",
    re.IGNORECASE)

# A count followed by "per", "for every" or "for each" is a rate ("150 units per 10,000 workers"), not a count.
RATE_AFTER_RE: Final = re.compile(rf"\s+(?:{words_pattern(RATE_WORDS)})\b", re.IGNORECASE)
# ... of a number of people or things ("per 10,000 people", "for every 10,000 residents"): the count
# is kept, with the rate in its subject ("invention patents per 10,000 people", the catalog's
# `invention_patents_per_10k`), so that it is never read as the stock itself.
RATE_BASE_RE: Final = re.compile(rf"{RATE_AFTER_RE.pattern}\s+(?:\d{{1,3}}(?:,\d{{3}})*|"
                                 rf"{words_pattern(RATE_BASE_WORDS, space=' ')})(?=\s)", re.IGNORECASE)

# "1,684 were on invention patents", "8,206 were associated with utility models": a part of a
# total just given ("in which, ..."), counted by what it is on or related to.
COPULA_RELATION_RE: Final = re.compile(r"(?:on|for|associated\s+with|related\s+to|linked\s+to)\s+(?=[a-z])")
# "with 8447 being graduates from outside Ningbo": the counted noun after "being" (count.being_noun).
BEING_RE: Final = re.compile(r"being\s+(?=[a-z])")
# "there are 1050 with a master's degree": a count of what the sentence before spoke of, described by "with ..."
# (count.there_are_with).
THERE_ARE_BEFORE_RE: Final = re.compile(r"\b[Tt]here\s+(?:are|were)\s+$")
WITH_AFTER_RE: Final = re.compile(r"\s+with\s+(?:an?|the)?\s*[a-z]")
# (the patterns read after a number or its noun phrase, tried only where the first word may open a match)
FREQUENCY_AFTER_OPENING: Final = SpacedOpening(FREQUENCY_AFTER_RE)
WITH_AFTER_OPENING: Final = SpacedOpening(WITH_AFTER_RE)
AGE_AFTER_OPENING: Final = SpacedOpening(AGE_AFTER_RE)
# ... but not "per" a stretch of time: "50 flights per week", "1.5 billion pieces per year" count what flows in it.
PER_TIME_RE: Final = re.compile(rf"\s+per\s+(?:{words_pattern(PER_TIME_WORDS)})\b", re.IGNORECASE)
RATE_AFTER_OPENING: Final = SpacedOpening(RATE_AFTER_RE)
PART_OF_WHOLE_OPENING: Final = SpacedOpening(PART_OF_WHOLE_RE)
PARTITIVE_AFTER_OPENING: Final = SpacedOpening(PARTITIVE_AFTER_RE)
CLAUSE_SUBJECT_AFTER_OPENING: Final = SpacedOpening(CLAUSE_SUBJECT_AFTER_RE)
COUNT_COPULA_RE: Final = re.compile(rf"{NUM}(?![\w%-])\s+(?:of\s+(?:them|which)\s+)?(?:are|were)\s+(?=[a-z])")

# The patterns on the text before a number, searched only in its last words.
RANK_MOVE_TAIL: Final = TailPattern(RANK_MOVE_RE)
# (WordTails: every match of these ends with "," or one of the words "them", "these", "those", "which" and then
# whitespace alone (OF_THEM_BEFORE_RE: maybe "," between), so the text's last run of non-whitespace ends with one
# of them; most texts before a number end otherwise, told by a string test where the reversed match costs more)
OF_THEM_BEFORE_TAIL: Final = WordTail(OF_THEM_BEFORE_RE, ("them", "these", "those", "which", ","))
PARTITIVE_BEFORE_TAIL: Final = WordTail(PARTITIVE_BEFORE_RE, (",",))
# (WordTails: most texts before a number end in neither "number" nor "top", nor "of" after "age", "out", "ratio" nor
# "aged", which a string test of the last words tells, where the reversed pattern's match costs several times that)
NUMBER_VERB_TAIL: Final = WordTail(NUMBER_VERB_RE, ("number", "top"), whole=True)
NUMBER_OF_LINK_TAIL: Final = TailPattern(NUMBER_OF_LINK_RE)
NUMBER_OF_CHANGE_TAIL: Final = TailPattern(NUMBER_OF_CHANGE_RE)
AGE_OR_BASE_BEFORE_TAIL: Final = WordTail(AGE_OR_BASE_BEFORE_RE, AGE_OR_BASE_LEADS)
# (a search of these, in the gap between two counts or the text before a number, tried every position of it)
ELIDED_GAP_TAIL: Final = TailPattern(ELIDED_GAP_RE)
COUNT_CHANGE_GAP_TAIL: Final = TailPattern(COUNT_CHANGE_GAP_RE)
MONEY_NOUN_BEFORE_TAIL: Final = TailPattern(MONEY_NOUN_BEFORE_RE)
ELIDED_MONEY_LINK_TAIL: Final = TailPattern(ELIDED_MONEY_LINK_RE)


def _fraction(match: re.Match[str]) -> _Found | None:
    """A share written as a fraction: "one third of", "9 out of 10", "one in every five", "nearly 1/3", "more than
    half of"."""
    groups = match.groupdict()
    rules: list[str] = []
    if groups.get("subj_frac"):
        if not OF_THEM_BEFORE_TAIL.has_match(match.string[:match.start()]):
            return None  # "One third were sold" names no whole
        numerator, denominator = FRACTION_WORDS[vocab_key(groups["subj_frac"].replace("-", " "))]
        rules.append("fraction.of_them")
    elif groups.get("word_frac"):
        numerator, denominator = FRACTION_WORDS[vocab_key(groups["word_frac"].replace("-", " "))]
    elif groups.get("half"):
        numerator, denominator = 1, 2
    else:
        top = groups.get("out_a") or groups.get("slash_a") or ""
        bottom = groups.get("out_b") or groups.get("slash_b") or ""
        top_key = vocab_key(top)
        numerator = int(top) if top.isdigit() else SPELLED_NUMBERS.get(top_key, 1 if top_key == "one" else 0)
        denominator = int(bottom) if bottom.isdigit() else SPELLED_NUMBERS.get(vocab_key(bottom), 0)
        if groups.get("out_a") and denominator not in PROPORTION_BASES and "every" not in match.group().lower():
            return None  # "33 out of 35 categories": a count of a part of the set (count.part_of_whole), no share
    if not 0 < numerator < denominator:
        return None
    if PERIOD_FRACTION_BEFORE_RE.search(match.string, 0, match.start()):
        return None  # "the first three quarters of this year" is a period
    value = float(round(Decimal(numerator * 100) / Decimal(denominator), 2))
    kind = "share" if groups.get("out_a") or rules or PARTITIVE_OF_RE.match(match.string, match.end()) else None
    start = match.start("half") if groups.get("half") else match.start()
    article = bool(groups.get("word_frac")) and groups["word_frac"][:2].lower() in ("a ", "an")
    if article:
        rules.append("fraction.article")  # "a fifth of the country"
    return _Found(start, match.end(), value, "percent", kind=kind, num_start=start, rules=rules)


# "($1 = 6.8231 Chinese yuan renminbi)": one unit of a currency before "=" is an exchange rate's base, no amount
# (money.rate_base; metrics15, tune_sites s163, Reuters: a USD 1); the currency word after it too, "(1 yuan =
# US$0.125)" (metrics20, tune_sites s220, China Daily 2006: a CNY 1).
RATE_BASE_AFTER_RE: Final = re.compile(r"\s*=")


def _rate_base(text: str, raw: str, scale: str | None, end: int) -> bool:
    """Whether a money amount is an exchange rate's base: one unit, no scale, "=" after it (money.rate_base)."""
    return raw == "1" and scale is None and RATE_BASE_AFTER_RE.match(text, end) is not None


def _money_prefixed(match: re.Match[str]) -> _Found | None:
    """A MONEY_PREFIXED_RE amount: a currency word after it names the currency over the mark ("¥173.48 billion US
    dollars" is USD: "¥" is written loosely, the word is not); a glued "m", "M" or "mn" is a million ("worth $140m",
    money.glued_m)."""
    currency = CURRENCIES[vocab_key(match.group("trailer") or match.group("cur"))]
    if _rate_base(match.string, match.group("num"), match.group("scale"), match.end()):
        return None  # "($1 = 6.8231 Chinese yuan renminbi)": a rate's base (money.rate_base)
    if match.group("million"):
        return _Found(match.start(), match.end(), number_value(match.group("num"), "million"), currency,
                      num_start=match.start(), rules=["money.glued_m"])
    if match.group("letter"):  # "CN¥3,067.7B", "CN¥2.01t": a scale in one letter (money.scale_letter; metrics17)
        value = number_value(match.group("num"), SCALE_LETTERS[match.group("letter")])
        return _Found(match.start(), match.end(), value, currency, num_start=match.start(),
                      rules=["money.scale_letter"])
    if not match.group("scale") and not match.group("trailer"):
        ranged = MONEY_RANGE_SCALE_RE.match(match.string, match.end())
        if ranged is not None:  # "CNY 1.2-1.5 billion": the range's scale (money.range_scale)
            return _Found(match.start(), ranged.end(), number_value(match.group("num"), ranged.group("scale")),
                          currency, num_start=match.start(), rules=["money.range_scale"])
    return _Found(match.start(), match.end(), _number(match), currency, num_start=match.start())


def _money_suffixed(match: re.Match[str]) -> _Found | None:
    """A MONEY_SUFFIXED_RE amount, its currency the word after it ("37.541 billion yuan"); none that is an exchange
    rate's base ("(1 yuan = US$0.125)", money.rate_base)."""
    if _rate_base(match.string, match.group("num"), match.group("scale"), match.end()):
        return None
    return _Found(match.start(), match.end(), _number(match), MONEY_SUFFIX_UNITS[match.group("cur")],
                  num_start=match.start())


def _twice(match: re.Match[str]) -> _Found:
    word = match.group("word")
    value = MULTIPLE_WORDS[vocab_key(word)] if word else MULTIPLE_ADJECTIVES[vocab_key(match.group("adjective"))]
    return _Found(match.start(), match.end(), float(value), "times",
                  num_start=match.start())


def _simple(unit: str, kind: str | None = None) -> Callable[[re.Match[str]], _Found]:
    def build(match: re.Match[str]) -> _Found:
        return _Found(match.start(), match.end(), _number(match), unit, kind=kind, num_start=match.start())
    return build


def _measure(unit: str) -> Callable[[re.Match[str]], _Found | None]:
    """An area or a mass, unless it is the base of a rate ("the average yield per 100 mu was 984.16 kilograms":
    the 100 mu only says what the yield is counted over)."""
    def build(match: re.Match[str]) -> _Found | None:
        if _counted_over(match):
            return None
        return _Found(match.start(), match.end(), _number(match), unit, num_start=match.start())
    return build


def _counted_over(match: re.Match[str]) -> bool:
    """Whether a measure is the base a rate is counted over ("per 100 mu", "per hectare")."""
    return PER_BEFORE_RE.search(match.string, max(0, match.start() - PER_BEFORE_CHARS), match.start()) is not None


def _physical(match: re.Match[str]) -> _Found | None:
    """A length, depth, volume, area or speed in the unit the page gives it (vocab PHYSICAL_UNITS), unless it is
    the base of a rate ("yields of 540 kilograms per hectare" is no area)."""
    if _counted_over(match):
        return None
    return _Found(match.start(), match.end(), _number(match), PHYSICAL_UNITS[vocab_key(match.group("unit"))],
                  num_start=match.start())


def _metres_glued(match: re.Match[str]) -> _Found | None:
    """ "1.1m" is metres beside a word of length, height or depth (before it in its clause, or right after it);
    never after a currency mark."""
    text, start = match.string, match.start()
    if start and text[start - 1] in CURRENCY_MARKS_BEFORE:
        return None
    before = text[max(0, start - METRES_CONTEXT_CHARS):start]
    before = before[max(before.rfind(";"), before.rfind(". "), -1) + 1:]
    if not (METRES_CONTEXT_AFTER_RE.match(text, match.end())
            or any(w.lower() in LENGTH_CONTEXT_WORDS for w in re.findall(r"[A-Za-z]+", before))):
        return None
    return _Found(start, match.end(), _number(match), "m", num_start=start)


def _percent_range(match: re.Match[str]) -> _Found | None:
    """ "10-15%", "10%-15%": a percentage at the range's low end (none where the low end is not under the high
    one: "15-10%")."""
    number = match.group("num")
    high = PERCENT_RANGE_HIGH_RE.search(match.group(), len(number))
    if high is None or not float(number.replace(",", "")) < float(high.group(1)):
        return None
    if high.group().lstrip()[:2].lower() == "to" and PERCENT_RANGE_FROM_RE.search(match.string, 0, match.start()):
        return None  # "rose from 10 to 20 percent": a move to the high end (read as a percentage there)
    if match.group("said_twice") and not RANGE_ESTIMATE_BEFORE_RE.search(match.string, max(0, match.start() - 16),
                                                                         match.start()):
        return None  # "rose 5% to 20% of ...": a change and the level it reached, no range (match.percent_range)
    return _Found(match.start(), match.end(), _number(match), "percent", num_start=match.start())


def _percent_pair(match: re.Match[str]) -> _Found | None:
    """The first of "19.9 and 29.9 percent": a percentage (not a year, "in 2019 and 5% in 2020", nor a range's
    low end, "between 3 and 5 percent")."""
    number = match.group("num")
    if "." not in number and "," not in number and 1900 <= int(number) <= 2100:
        return None
    if _opens_a_range(match):
        return None
    return _Found(match.start(), match.end(), _number(match), "percent", num_start=match.start())


def _opens_a_range(match: re.Match[str]) -> bool:
    """The first number of a pair sharing one unit is a range's low end after "between"/"from" ("between 3 and 5
    percent", "between 3 and 5 percentage points"), not a figure of its own."""
    return PERCENT_PAIR_BETWEEN_RE.search(match.string, max(0, match.start() - 9), match.start()) is not None


def _area_pair(match: re.Match[str]) -> _Found | None:
    """The first of "4,400 and 3,400 square meters": an area in the unit the second one names."""
    number = match.group("num")
    if is_year_like(number):
        return None
    before = match.string[max(0, match.start() - 40):match.start()]
    if PERCENT_PAIR_BETWEEN_RE.search(before) or NAME_WORD_BEFORE_RE.search(before):
        return None  # "between 3 and 5 square kilometers", "Line 4 and 27 square kilometers"
    km = any(match.group(name) for name in ("km", "km2", "km3", "km4"))
    return _Found(match.start(), match.end("num"), number_value(number, None), "km2" if km else "m2",
                  num_start=match.start())


def _basis_points(match: re.Match[str]) -> _Found | None:
    """ "12 basis points", "22bp": 0.12, 0.22 percentage points (the abbreviation only after a whole number)."""
    if "basis" not in match.group().lower() and not match.group("num").replace(",", "").isdigit():
        return None  # "(down 0.05 bps)": percentage points written so (s166)
    value = float(Decimal(match.group("num").replace(",", "")) / 100)
    return _Found(match.start(), match.end(), value, "percentage_points", kind="change", num_start=match.start())


def pct_points(match: re.Match[str], sentence: str) -> _Found | None:
    """ "+1.6 pct" / "2.5 pcts" / "1h24-5.35pcts": percentage points of that sign (the singular only in a sentence
    that names a rate)."""
    unit = (match.group("unit") or match.group("next")).lower()
    if unit == "pct" and not PCT_RATE_RE.search(sentence) \
            and not (match.group("sign") and GLUED_PERIOD_BEFORE_RE.search(match.string, 0, match.start())):
        return None
    value = _number(match)
    return _Found(match.start(), match.end(), -value if match.group("sign") in ("-", "−") else value,
                  "percentage_points", kind="change", num_start=match.start())


def signed_percent(match: re.Match[str]) -> _Found:
    """ "+7.13%" / "-24.90%": a change of that sign."""
    value = _number(match)
    return _Found(match.start(), match.end(), -value if match.group("sign") != "+" else value, "percent",
                  kind="change", num_start=match.start())


# metrics17: units in shorthand and percentages with their sign dropped (vocab PERCENT_SHORTHANDS ... YOY_WORDS),
# matched after MATCHERS (engine._find_quantities), each where its needle is in the sentence.
PC_PERCENT_RE: Final = re.compile(rf"{NUM}(?:{words_pattern(PERCENT_SHORTHANDS)})(?![\w%])")
MT_TONNES_RE: Final = re.compile(rf"{NUM}{SCALE}\s?(?:{words_pattern(TONNE_SHORTHANDS)})(?![\w%])")
PPTS_RE: Final = re.compile(
    rf"(?<!{NOT_BEFORE_NUMBER})(?P<sign>[+\-−])?(?P<num>{NUMBER_READ})(?![.,]\d)\s?(?:{words_pattern(POINTS_SHORTHANDS)})\b",
    re.IGNORECASE)
X_TIMES_RE: Final = re.compile(rf"{NUM}(?:{words_pattern(TIMES_SHORTHANDS)})(?![\w%])")
LETTER_MONEY_SUFFIX_RE: Final = re.compile(
    rf"(?<!{NOT_BEFORE_NUMBER})(?P<sign>[\-−])?(?P<num>{NUMBER_READ})(?P<letter>{words_pattern(SCALE_LETTERS)})"
    rf"\s(?P<cur>{words_pattern(LETTER_SUFFIX_CURRENCIES)})\b")
SIGNED_YOY_RE: Final = re.compile(
    rf"(?<!{NOT_BEFORE_NUMBER})(?P<sign>[+\-−])\s?(?P<num>{NUMBER_READ})(?![.,]\d)(?=\s+(?:{words_pattern(YOY_WORDS)})\b)",
    re.IGNORECASE)
_CLAUSE_END_AFTER: Final = r"(?=\s*(?:[,;)]|\.(?!\d)|$))"
_HEDGE_BEFORE: Final = rf"(?:{words_pattern(UNSIGNED_HEDGES)}\s+)?"
RATE_UNSIGNED_RE: Final = re.compile(
    rf"\b(?:{words_pattern(BARE_RATE_NOUNS)})\s+(?:{words_pattern(BARE_RATE_LINKS)})\s+{_HEDGE_BEFORE}"
    rf"(?P<sign>[-−])?(?P<num>{NUMBER_READ})(?![.,]?\d){_CLAUSE_END_AFTER}", re.IGNORECASE)
SHARE_UNSIGNED_RE: Final = re.compile(
    rf"\b(?:{words_pattern(BARE_SHARE_LEADS)})\s+{_HEDGE_BEFORE}(?P<num>\d{{1,3}}\.\d+)(?![.,]?\d){_CLAUSE_END_AFTER}",
    re.IGNORECASE)


# A valuation multiple's list of numbers (vocab VALUATION_RATIO_NOUNS): "PE ratios of 19.9, 15.9, and 13.5 based on
# ..."; no unit after it ("P/E of 20 times" is TIMES_RE's).
VALUATION_NEEDLES: Final = ("pe ratio", "p/e", "pb ratio", "p/b", "price-to-", "price-earnings", "peg ratio",
                             "/ebitda ratio", "/fcf ratio", "/ebit ratio", "/sales ratio")  # (the last five: "ratio"'s)
VALUATION_LIST_RE: Final = re.compile(
    rf"\b(?:{words_pattern(VALUATION_RATIO_NOUNS)})\s+(?:of|at|was|were|is|are|stood\s+at)\s+"
    rf"(?P<list>{NUMBER_READ}(?:,\s+{NUMBER_READ})*(?:,?\s+and\s+{NUMBER_READ})?)(?![.,]?\d)"
    r"(?!\s*(?:%|percent|per\s+cent|times|x\b))(?P<word>\s+[A-Za-z])?", re.IGNORECASE)
VALUATION_NUMBER_RE: Final = re.compile(NUMBER_READ)


def valuation_multiples(match: re.Match[str]) -> list[re.Match[str]]:
    """The numbers of a VALUATION_LIST_RE match, each a multiple; a list of whole numbers a word follows counts that
    word ("the PE ratio of 12 companies"): none."""
    if match.group("word") and "." not in match.group("list"):
        return []
    return list(VALUATION_NUMBER_RE.finditer(match.string, match.start("list"), match.end("list")))


def _signed_number(match: re.Match[str]) -> float:
    value = _number(match)
    return -value if match.groupdict().get("sign") in ("-", "−") else value


def _shorthand(unit: str, kind: str | None = None) -> Callable[[re.Match[str]], _Found | None]:
    """A number and its unit in shorthand ("51pc", "1.6 ppts", "13.7x"; a mass as _measure's, "90,000mt"); a sign
    the number carries is the change's."""
    def build(match: re.Match[str]) -> _Found | None:
        if unit == "tonnes" and _counted_over(match):
            return None
        if unit == "times" and _number(match) == 1:
            return None  # "Select Speed 1.00x" (a reader widget, tune_sites s115): a multiple of one says nothing
        start = match.start("sign") if match.groupdict().get("sign") else match.start("num")
        return _Found(start, match.end(), _signed_number(match), unit, kind=kind, num_start=start)
    return build


def _money_letter_suffixed(match: re.Match[str]) -> _Found:
    """ "55.7B CNY", "-47.4B CNY" (an earnings waterfall's lines, tune_sites s268): a scale letter, then the currency's
    code; a minus the amount's sign, a cost (money.letter_suffixed)."""
    value = number_value(match.group("num"), SCALE_LETTERS[match.group("letter")])
    start = match.start("sign") if match.group("sign") else match.start("num")
    currency = CURRENCIES[vocab_key(match.group("cur"))]
    return _Found(start, match.end(), -value if match.group("sign") else value, currency, num_start=start,
                  rules=["money.letter_suffixed"])


def _unsigned_percent(kind: str | None) -> Callable[[re.Match[str]], _Found]:
    """A percentage whose sign was dropped: the number only (the words before it stay its context)."""
    def build(match: re.Match[str]) -> _Found:
        start = match.start("sign") if match.groupdict().get("sign") else match.start("num")
        return _Found(start, match.end("num"), _signed_number(match), "percent", kind=kind, num_start=start)
    return build


def _after_digits(units: tuple[str, ...], spaced: bool = False) -> tuple[str, ...]:
    """The strings a sentence holds where a digit stands right before one of `units` (or a space between, `spaced`):
    a matcher's needles (checked as substrings before its regex runs: "x" alone is in most sentences)."""
    spaces = ("", " ") if spaced else ("",)
    return tuple(f"{digit}{space}{unit}" for digit in "0123456789" for space in spaces for unit in units)


# (needles: the lowercase strings one of which a sentence must hold for the matcher to run)
SHORTHAND_MATCHERS: Final[tuple[tuple[str, re.Pattern[str], Callable[[re.Match[str]], _Found | None],
                                      tuple[str, ...]], ...]] = (
    ("percent_pc", PC_PERCENT_RE, _shorthand("percent"), _after_digits(PERCENT_SHORTHANDS)),
    ("tonnes_mt", MT_TONNES_RE, _shorthand("tonnes"),
     (*_after_digits(TONNE_SHORTHANDS, spaced=True), *(f"illion {unit}" for unit in TONNE_SHORTHANDS))),
    ("points_ppts", PPTS_RE, _shorthand("percentage_points", "change"), POINTS_SHORTHANDS),
    ("times_x", X_TIMES_RE, _shorthand("times"), _after_digits(TIMES_SHORTHANDS)),
    ("money_letter_suffixed", LETTER_MONEY_SUFFIX_RE, _money_letter_suffixed,
     tuple(f"{letter.lower()} {code.lower()}" for letter in SCALE_LETTERS for code in LETTER_SUFFIX_CURRENCIES)),
    ("signed_yoy", SIGNED_YOY_RE, _shorthand("percent", "change"), ("+", "−", " -")),
    ("rate_unsigned", RATE_UNSIGNED_RE, _unsigned_percent(None), tuple(n.lower() for n in BARE_RATE_NOUNS)),
    ("share_unsigned", SHARE_UNSIGNED_RE, _unsigned_percent("share"), BARE_SHARE_LEADS),
)


# Whether a sentence holds any of those needles (and the valuation lists'), before the matchers check their own: most
# sentences hold none. SHORTHAND_GATE_RE's search says it (a trie of the needles, words_pattern's) at every position
# of the sentence, some 4.5 microseconds a sentence; `shorthand_possible` says the same with str's searches: the
# needles that open with a letter or a mark as they are, those that open with a digit (a digit and its unit, "5pc",
# "5 mt") as each place their unit stands with a digit before it (tests/test_fastre.py compares the two).
SHORTHAND_NEEDLES: Final = frozenset({needle for *_, needles in SHORTHAND_MATCHERS for needle in needles}
                                     | set(VALUATION_NEEDLES))
SHORTHAND_GATE_RE: Final = re.compile(words_pattern(SHORTHAND_NEEDLES, space=" "))
SHORTHAND_WORD_NEEDLES: Final = tuple(sorted(needle for needle in SHORTHAND_NEEDLES if not needle[0].isdigit()))
# The word needles by a part several share ("margin": six of them): a needle in the text has its part in it, so a
# part not in the text rules out its whole family with one search (15 searches of a sentence instead of 39).
SHORTHAND_FAMILY_PARTS: Final = ("accoun", "margin", "ratio", "rate", "p/", "ppt", "price-", " cny", " rmb", " usd",
                                 " eur")
SHORTHAND_FAMILIES: Final = tuple(
    (part, tuple(needle for needle in SHORTHAND_WORD_NEEDLES
                 if part in needle and not any(earlier in needle for earlier in SHORTHAND_FAMILY_PARTS[:index])))
    for index, part in enumerate(SHORTHAND_FAMILY_PARTS)) + tuple(
    (needle, (needle,)) for needle in SHORTHAND_WORD_NEEDLES
    if not any(part in needle for part in SHORTHAND_FAMILY_PARTS))
assert sorted(needle for _, family in SHORTHAND_FAMILIES for needle in family) == sorted(SHORTHAND_WORD_NEEDLES)
assert all(part in needle for part, family in SHORTHAND_FAMILIES for needle in family)
# (unit, spaced): each unit a digit needle names, and whether a space may stand between the digit and it
SHORTHAND_DIGIT_UNITS: Final = tuple(sorted({(needle[1:].lstrip(" "), needle[1] == " ")
                                             for needle in SHORTHAND_NEEDLES if needle[0].isdigit()}))
assert all(f"{digit}{' ' if spaced else ''}{unit}" in SHORTHAND_NEEDLES
           for unit, spaced in SHORTHAND_DIGIT_UNITS for digit in "0123456789")


def shorthand_possible(low: str) -> bool:
    """SHORTHAND_GATE_RE.search(low) is not None, told by str.find."""
    for part, family in SHORTHAND_FAMILIES:
        if part in low:
            for needle in family:
                if needle in low:
                    return True
    for unit, spaced in SHORTHAND_DIGIT_UNITS:
        at = low.find(unit, 1)
        while at > 0:
            before = low[at - 1]
            if "0" <= before <= "9" or spaced and before == " " and at > 1 and "0" <= low[at - 2] <= "9":
                return True
            at = low.find(unit, at + 1)
    return False


def _bare_points(match: re.Match[str]) -> _Found:
    """Percentage points written as bare "points" (the number only: the change word stays context)."""
    start = match.start("num")
    return _Found(start, match.end(), _number(match), "percentage_points", kind="change", num_start=start)


def _points_pair(match: re.Match[str]) -> _Found | None:
    """The first of "3.1 and 2.8 percentage points": percentage points (not a range's low end, "between 3 and 5
    percentage points")."""
    return None if _opens_a_range(match) else _bare_points(match)


def _spelled_times(match: re.Match[str]) -> _Found:
    word = vocab_key(match.group("word"))
    value = 100 if word.endswith("hundred") else SPELLED_NUMBERS[word]
    start = match.start("word")
    return _Found(start, match.end(), float(value), "times", num_start=start)


def _spelled_points(match: re.Match[str]) -> _Found:
    value = SPELLED_AMOUNT_WORDS[vocab_key(match.group("word"))]
    return _Found(match.start(), match.end(), float(value), "percentage_points", kind="change",
                  num_start=match.start())


def _count_plus(match: re.Match[str]) -> _Found | None:
    """ "300-plus container routes": a count of the noun phrase after "plus", at least that many."""
    read = NumberRead(match.start(), match.end(), match.end("num"), match.group("num"), match.group("scale"))
    found = _count(match.string, read, match.start())
    if found is not None:
        found.qualifier = "at_least"
        found.rules.append("count.plus")
    return found


def _glued_million(match: re.Match[str]) -> _Found:
    """ "23.3m teu", "353m tons", "35.88m dwt", "35.3mTEU": a million glued as "m", of containers (a count) or a mass;
    "186,749TEU": containers."""
    what = (match.group("what") or "").lower()
    unit = "tonnes" if "ton" in what or what == "dwt" else "count"
    value = number_value(match.group("num"), "million" if match.group("million") else None)
    people = match.group("people")  # "9.6m residents": a count of them
    return _Found(match.start(), match.end(), value, unit, num_start=match.start(),
                  subject=people.lower() if people else None)


def _spelled_percent(match: re.Match[str]) -> _Found:
    """ "eight percent", "twenty-five per cent": a percentage in words."""
    word = vocab_key(match.group("word"))
    value = _spelled_value(word) if "-" in word else SPELLED_AMOUNT_WORDS[word]  # (from "one" to "ninety")
    return _Found(match.start(), match.end(), float(value), "percent", num_start=match.start())


# "a city of six million whose ...", "a town of 84,000 in ...": a bare count sizing a settlement counts its people
# (count.place_population; vocab POPULATED_PLACE_NOUNS, POPULATION_FOLLOW_WORDS).
PLACE_OF_BEFORE_RE: Final = re.compile(
    rf"\b(?:a|an|the)\s+(?:{words_pattern(POPULATED_PLACE_NOUNS)})\s+of\s+"
    rf"(?:(?:{words_pattern(RANGE_ESTIMATE_WORDS)})\s+)?$", re.IGNORECASE)
POPULATION_FOLLOW_RE: Final = re.compile(
    rf"\s*(?:[,.;:)]|$)|\s+(?:{words_pattern(POPULATION_FOLLOW_WORDS)})\b", re.IGNORECASE)
PLACE_OF_WINDOW: Final = 40


def place_population(para: str, start: int, end: int) -> bool:
    """Whether the count at para[start:end] sizes a settlement: "a city of 6 million, ..." (count.place_population)."""
    window = max(0, start - PLACE_OF_WINDOW)
    return para.find(" of ", window, start) >= 0 and PLACE_OF_BEFORE_RE.search(para, window, start) is not None \
        and POPULATION_FOLLOW_RE.match(para, end) is not None


def _spelled_scaled_value(match: re.Match[str]) -> tuple[str, float]:
    """(the number word as a vocabulary key, its value times the scale word's): "one million" -> ("one", 1e6)."""
    word = vocab_key(match.group("word"))
    scale = SCALE_WORDS[vocab_key(match.group("scale"))]
    return word, float(SCALED_WORD_VALUES[word] * Decimal(int(scale)))


def _spelled_scaled_count(match: re.Match[str]) -> _Found | None:
    """ "over one million people": a count in words with a scale, of the plural noun phrase after it."""
    para = match.string
    word, value = _spelled_scaled_value(match)
    if place_population(para, match.start(), match.end()):
        return _Found(match.start(), match.end(), value, "count", kind="level", subject="population",
                      num_start=match.start(), rules=["count.spelled_scaled", "count.place_population"])
    phrase = _noun_phrase_after(para, match.end())
    if phrase is None:
        return None
    np_end, subject = phrase
    rules = ["count.spelled_scaled", "number.half_scale"] if word in SCALE_PART_WORDS else ["count.spelled_scaled"]
    return _Found(match.start(), np_end, value, "count", kind="level", subject=subject, num_start=match.start(),
                  rules=rules)


def _spelled_scaled(match: re.Match[str]) -> _Found:
    word, value = _spelled_scaled_value(match)
    unit = CURRENCIES[vocab_key(match.group("cur"))] if match.group("cur") else "tonnes"
    return _Found(match.start(), match.end(), value, unit, num_start=match.start(),
                  rules=["number.half_scale"] if word in SCALE_PART_WORDS else [])


def _kilograms(match: re.Match[str]) -> _Found:
    value = Decimal(str(_number(match))) * Decimal(str(KILOGRAM_TONNES))
    return _Found(match.start(), match.end(), float(value), "tonnes", num_start=match.start())


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
    groups = match.groupdict()
    word = groups.get("word")
    value = ORDINAL_WORDS[vocab_key(word)] if word else int(groups.get("no") or match.group("n"))
    if value < 1:
        return None
    return _Found(match.start("ord"), match.end(), float(value), "rank", kind="rank", num_start=match.start("ord"))


def _rank_move(match: re.Match[str]) -> _Found | None:
    """ "up 4 places", "one spot lower": the places moved, a change of rank."""
    number = match.group("n")
    value = int(number) if number.isdigit() else RANK_MOVE_AMOUNTS[vocab_key(number)]  # ("ten", "ſix")
    if value < 1:
        return None
    if match.group().lower().endswith("lower"):
        value = -value  # "one spot lower than the previous year"
    return _Found(match.start("n"), match.end(), float(value), "rank", kind="change", num_start=match.start("n"))


def _scoped_rank(match: re.Match[str]) -> _Found | None:
    group = "ord" if match.group("ord") else "ord2"
    word = match.group("word") or match.group("word2")
    value = ORDINAL_WORDS[vocab_key(word)] if word else int(match.group("n") or match.group("n2"))
    if value < 1:
        return None
    return _Found(match.start(group), match.end(), float(value), "rank", kind="rank", num_start=match.start(group))


NAME_BEFORE_RE: Final = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)*$")


def _bracketed_rank(match: re.Match[str]) -> _Found | None:
    """ "Jiaxing (22nd)": the ordinal in brackets is the place of the capitalised name right before it."""
    if NAME_BEFORE_RE.search(match.string, max(0, match.start() - 60), match.start()) is None:
        return None  # "the year (2nd)", "a phase (3rd)": no name ranked
    return _Found(match.start("ord"), match.end("ord"), float(int(match.group("n"))), "rank", kind="rank",
                  num_start=match.start("ord"))


def _money_hyphenated(match: re.Match[str]) -> _Found | None:
    """ "21-billion-yuan": the amount, its currency the word after its scale."""
    if match.start() and match.string[match.start() - 1] in OPENING_QUOTES:
        return None  # 'joined the "1-trillion-yuan GDP club"' (tune_other t391): a name, its threshold quoted
    return _Found(match.start(), match.end(), _number(match), HYPHENATED_MONEY_CURRENCIES[match.group("cur")],
                  num_start=match.start())


def _rank(match: re.Match[str]) -> _Found | None:
    raw = match.group("ordnum") or match.group("nonum") or match.group("wnum")
    word = vocab_key(match.group("ord"))
    value = int(raw) if raw else 1 if word == "top" else ORDINAL_WORDS[word]
    if value < 1:
        return None
    return _Found(match.start(), match.end(), float(value), "rank", kind="rank",
                  num_start=match.start("ord"))


# The matchers in priority order: (rule id, regex, builder). A rule id names the rule in a
# metric's `rules` (`newsetl extract --explain`).
MATCHERS: Final[tuple[tuple[str, re.Pattern[str], Callable[[re.Match[str]], _Found | None]], ...]] = (
    ("money_prefixed", MONEY_PREFIXED_RE, _money_prefixed),
    ("money_range_suffixed", MONEY_RANGE_SUFFIXED_RE, _money_suffixed),
    ("money_suffixed", MONEY_SUFFIXED_RE, _money_suffixed),
    ("money_hyphenated", MONEY_HYPHENATED_RE, _money_hyphenated),
    ("percentage_points", PERCENTAGE_POINTS_RE, _simple("percentage_points", "change")),
    ("percentage_points_spelled", SPELLED_POINTS_RE, _spelled_points),
    ("basis_points", BASIS_POINTS_RE, _basis_points),
    ("percent_range", PERCENT_RANGE_RE, _percent_range),
    ("percent", PERCENT_RE, _simple("percent")),
    ("percent_pair", PERCENT_PAIR_RE, _percent_pair),
    ("percent_spelled", SPELLED_PERCENT_RE, _spelled_percent),
    ("km2", KM2_RE, _measure("km2")),
    ("m2", M2_RE, _measure("m2")),
    ("area_pair", AREA_PAIR_RE, _area_pair),
    ("mu", MU_RE, _measure("mu")),
    ("million_glued", GLUED_MILLION_RE, _glued_million),
    ("tonnes", TONNES_RE, _measure("tonnes")),
    ("kilograms", KILOGRAMS_RE, _kilograms),
    ("kwh", KWH_RE, _energy),
    ("km", KM_RE, _simple("km")),
    ("physical", PHYSICAL_RE, _physical),
    ("metres_glued", METRES_GLUED_RE, _metres_glued),
    ("times_occasions", OCCASIONS_RE, _simple("count", "level")),  # how often: a count, not a multiple
    ("times", TIMES_RE, _simple("times")),
    ("times_spelled", SPELLED_TIMES_RE, _spelled_times),
    ("times_twice", TWICE_RE, _twice),
    ("amount_spelled", SPELLED_SCALED_RE, _spelled_scaled),
    ("count_spelled_scaled", SPELLED_SCALED_COUNT_RE, _spelled_scaled_count),
    ("points_compared", POINTS_COMPARED_RE, _bare_points),
    ("points_changed", POINTS_CHANGED_RE, _bare_points),
    ("points_pair", POINTS_PAIR_RE, _points_pair),
    ("rank_verb_list", RANK_VERB_LIST_RE, _plain_rank),
    ("rank_verb_and", RANK_AND_RE, _plain_rank),
    ("rank_verb", RANK_RE, _rank),
    ("rank_places", RANK_PLACES_RE, _plain_rank),
    ("rank_top_n", TOP_RANK_RE, _top_rank),
    ("rank_no", NO_RANK_RE, _plain_rank),
    ("rank_no_bare", NO_BARE_RANK_RE, _plain_rank),
    ("rank_ordinal_superlative", ORDINAL_SUPERLATIVE_RE, _plain_rank),
    ("rank_scoped", SCOPED_RANK_RE, _scoped_rank),
    ("rank_bracketed", BRACKETED_RANK_RE, _bracketed_rank),
    ("rank_from_to", RANK_FROM_TO_RE, _plain_rank),
    ("rank_move", RANK_MOVE_COUNT_RE, _rank_move),
    ("fraction", FRACTION_RE, _fraction),
    ("count_plus", COUNT_PLUS_RE, _count_plus),
)

# A matcher can only match a sentence that contains one of its trigger strings (lowercase):
# checking them first skips most regex scans (the matchers stay the judges).
MATCHER_TRIGGERS: Final[dict[str, tuple[str, ...]]] = {
    "money_prefixed": ("$", "rmb", "usd", "cny", "eur", "€", "¥", "￥"),
    "money_suffixed": ("yuan", "rmb", "cny", "dollar", "usd", "euro", "eur"),
    "money_range_suffixed": ("yuan", "rmb", "cny", "dollar", "usd", "euro", "eur"),
    "money_hyphenated": ("-million", "-billion", "-trillion"),  # (every match holds its scale after a hyphen)
    "percentage_points": ("point",),
    "percentage_points_spelled": ("point",),
    "basis_points": ("basis", "bp"),
    "percent": ("%", "％", "percent", "per cent"),
    "percent_pair": ("%", "％", "percent", "per cent"),
    "percent_range": ("-", "~", "–", " to "),  # (every match holds its range's mark; most percentages have none)
    "percent_spelled": ("percent", "per cent"),
    "km2": ("km", "square", "sq"),
    "m2": ("m2", "m²", "m^2", "square", "sq"),
    "area_pair": ("square", "sq", "km2", "km²", "m2", "m²"),
    "mu": ("mu",),
    "million_glued": ("teu", "ton", "dwt", *GLUED_MILLION_PEOPLE),
    "tonnes": ("ton", "dwt", "d.w.t"),
    "kilograms": ("kilogram", "kg"),
    "kwh": ("wh", "watt"),
    "km": ("km", "kilomet"),
    "physical": ("mm", "millimet", "met", "m3", "m³", "hectare", "acre", "km", "kph", "kmph", "m/s"),
    "metres_glued": ("m",),
    "times": ("times", "fold"),
    "times_spelled": ("times", "fold"),
    "times_occasions": ("times",),
    "times_twice": ("twice", "thrice", "double", "triple"),
    "amount_spelled": ("illion",),
    "count_spelled_scaled": ("illion",),
    "points_compared": ("point",),
    "points_changed": ("point",),
    "points_pair": ("point",),
    "rank_verb_list": ("rank", "plac", "came", "coming"),
    "rank_verb_and": ("rank", "plac", "came", "coming"),
    "rank_verb": ("rank", "plac", "came", "coming"),
    "rank_places": ("places",),
    "rank_top_n": ("top",),
    "rank_no": ("no.",),
    "rank_no_bare": ("at no ", "to no ", "it no "),
    "rank_ordinal_superlative": ("largest", "biggest", "highest", "busiest", "richest", "strongest", "fastest",
                                 "best", "most"),
    "rank_scoped": ("place", "spot", "nationwide", "worldwide", "among"),
    "count_plus": ("plus", "odd", "+"),
    "rank_bracketed": ("st)", "nd)", "rd)", "th)"),
    "rank_from_to": ("from",),
    "rank_move": ("place", "position", "spot", "notch", "rung", "rank"),
    "fraction": ("half", "third", "quarter", "fourth", "fifth", "sixth", "eighth", "tenth", "out of", "in every", "/"),
}


# What a number-led matcher needs right after its number: the first character that is not whitespace after the
# number's digits, commas and points (numbers.number_follower) is one of these (both cases of a letter for a
# case-insensitive pattern; a character that is not ASCII is never refused: IGNORECASE takes "ſ" for "s"). Each
# is what the pattern's rest after NUM can open with, past its whitespace: a scale word ("10 thousand", "10,000",
# "billion", "hundred million", "million", "ten thousand", "Million": _SCALE_LEADS), a hyphen where "(?:\s*|-)"
# stands, then the unit's first letters; none opens with a digit, comma or point but a scale's "1" (which stands
# after whitespace, or is a run's "10,000" and then ends the run, or its "10" before " thousand"). A number whose
# follower is not one of its matcher's is not tried (its match would fail); tests/test_fastre.py checks every entry
# against its pattern.
_SCALE_LEADS: Final = "".join(sorted({word[0] for word in SCALE_WORDS}))  # "1BMTbhmt"


def _any_case(chars: str) -> str:
    """`chars` in both cases (for a case-insensitive pattern)."""
    return chars.lower() + chars.upper()


NUMBER_FOLLOWERS: Final[dict[str, str]] = {
    "money_suffixed": _SCALE_LEADS + "CDERUYdey",  # yuan, Yuan, RMB, CNY, US dollars, dollars, USD, euro(s), EUR
    "money_range_suffixed": "-~",  # (and "–", not ASCII)
    "percentage_points": _any_case("mlfp"),  # more, less, fewer; percentage, percent, pct
    "basis_points": _any_case("b"),  # basis points
    "percent": _any_case("%p"),  # %, percent, per cent (and "％", not ASCII)
    "percent_pair": _any_case("a"),  # and
    "percent_range": "%-~tTpP",  # to; percent ... to; (and "％", "–", not ASCII)
    "km2": _any_case(_SCALE_LEADS + "-sk"),  # square, sq; km2, km²
    "m2": _any_case(_SCALE_LEADS + "-sm"),  # square, sq, sqm; m2, m², m^2
    "mu": _SCALE_LEADS + "-m",
    "million_glued": "mMT",  # m, mn, M; TEU
    "count_plus": _SCALE_LEADS + "-po+",  # plus, odd, +
    "tonnes": _any_case(_SCALE_LEADS + "-mtd"),  # metric; tonnes, tons; dead weight, DWT
    "kilograms": _any_case(_SCALE_LEADS + "-k"),
    "kwh": _SCALE_LEADS + "kKmMgG",  # kWh, MWh, GWh; kilo-, mega-, gigawatt hours
    "km": _any_case(_SCALE_LEADS + "-k"),
    "physical": _any_case(_SCALE_LEADS + "-mchak"),  # mm, meters, m3, m/s; cubic; hectares; acres; km/h, kph
    "metres_glued": "m",
    "times_occasions": "t",  # times
    "times": _SCALE_LEADS + "tf-",  # times; fold, -fold
    "points_compared": _any_case("p"),
    "points_pair": _any_case("a"),
    "years": "y",
    "count_range": "-~",  # (and "–", not ASCII)
    "count_copula": "oaw",  # of them/which; are, were
}
# The patterns those rules match with (the ones MATCHERS does not list), for the test.
FOLLOWED_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    "years": YEARS_RE, "count_range": RANGE_COUNT_RE, "count_copula": COUNT_COPULA_RE}


def may_follow(follower: str | None, chars: str) -> bool:
    """Whether a number followed by `follower` (numbers.number_follower) may be matched by a matcher
    of NUMBER_FOLLOWERS `chars`."""
    return follower is not None and (follower == "" or follower in chars)


# Six digits in brackets right after a company's name are its stock code, not a count ("Co.Ltd(600884)",
# "Company Limited(002594)": count.stock_code; metrics15, tune_sites s162: four counts).
STOCK_CODE_BEFORE_RE: Final = re.compile(rf"\b(?:{words_pattern(STOCK_CODE_COMPANY_WORDS)})\.?\s?\(\s*$")
STOCK_CODE_DIGITS: Final = 6
# "two people familiar with the matter": unnamed sources (count.sourcing_phrase), right after the number.
SOURCING_PHRASE_RE: Final = re.compile(
    rf"\s*(?:{words_pattern(SOURCING_NOUNS)})\s+(?:{words_pattern(SOURCING_TAILS)})\b", re.IGNORECASE)


def _stock_code(raw: str, before: str) -> bool:
    """Whether `raw` (a digit run) is a stock code in brackets after a company's name ending `before`."""
    return len(raw) == STOCK_CODE_DIGITS and raw.isdigit() and STOCK_CODE_BEFORE_RE.search(before[-40:]) is not None


def _count_blocked(raw: str, before: str, decimal_ok: bool, year_ok: bool = False, scaled: bool = False) -> bool:
    """Numbers that never count anything: years (unless `year_ok`: "1479 monthly" is no year),
    decimals (unless `decimal_ok`: "1.2 million users", or a caller that checks them itself),
    numbers with a leading zero ("000", "0574"), names ("Line 4"), numbers after names (unless `scaled`: "brought
    into Ningbo 9.2 million tourists" names nothing, "Shenzhou 12" and "the 3315 Talent Plan" carry no scale
    word)."""
    if is_year_like(raw) and not year_ok and not _qualified(before):
        return True
    if _stock_code(raw, before):
        return True  # "Ningbo Shanshan Co.Ltd(600884)"
    if "." in raw and not decimal_ok:
        return True
    if AGE_OR_BASE_BEFORE_TAIL.has_match(before):
        return True  # "aged 15", "out of 100,000"
    if _after_digit_code(before):
        return True  # '"2 1 1 engineering" university': the last digit of a code spelled with spaces
    if len(raw) > 1 and raw[0] == "0" and "0" <= raw[1] <= "9":
        return True  # "over 300, 000 ancient books" (tune_other t391): a thousands group cut off by a space, or a code
    prev = previous_word(before)
    if prev is not None:
        prev_start, word = prev
        if word.lower() in PRECEDING_BLOCKLIST or word.lower().rstrip(".") in PRECEDING_BLOCKLIST:
            return True
        if word.lower() in ORDINAL_SUPERLATIVE_WORDS:
            return True  # "the world’s largest 20 ports": a list's name, as "the top 20 ports" is
        at_sentence_start = not before[:prev_start].strip(" \"“‘(（")
        if word[0].isupper() and not at_sentence_start and not scaled and not _qualified(before):
            return True
    return False


def _after_digit_code(before: str) -> bool:
    """The text before ends with two single digits each followed by a space ('"2 1 ', "Project 2 1 1"): the
    number after them is a code's last digit, not a count (metrics11, tune_sites s136). String tests only."""
    n = len(before)
    return (n >= 4 and before[-1] == " " and before[-3] == " " and "0" <= before[-2] <= "9"
            and "0" <= before[-4] <= "9" and (n == 4 or not before[-5].isalnum()))


def previous_word(before: str) -> tuple[int, str] | None:
    """(match.start(), match.group(1)) of PREVIOUS_WORD_TAIL.search(before) (`([A-Za-z][\\w.]*)\\s*$`), or None, by
    string tests: a match ends with the text's trailing whitespace (\\s: str.isspace) and its [\\w.] run must reach
    it, so the word is the run of word characters (\\w: str.isalnum() or "_") and points that ends the text
    before its trailing whitespace, from the run's first ASCII letter (the leftmost start) on. (A regex search
    asked the reversed pattern and then matched forward: two matches, some four thousand instructions.)"""
    end = len(before.rstrip())
    start = end
    while start > 0 and ((char := before[start - 1]).isalnum() or char == "_" or char == "."):
        start -= 1
    for at in range(start, end):
        char = before[at]
        if "a" <= char <= "z" or "A" <= char <= "Z":
            return at, before[at:end]
    return None


def _qualified(before: str) -> bool:
    """A qualifier word right before the number ("over 2020 companies" counts, "in 2020" does not):
    asked only where it decides, the year-like and the capitalised-word cases (most numbers are neither)."""
    return _qualifier(before)[0] is not None


def _word_char(char: str) -> bool:
    """What re's \\w matches (in a str pattern): str.isalnum() or "_"."""
    return char.isalnum() or char == "_"


def _decimal_at(text: str, index: int) -> bool:
    """Whether re's \\d (in a str pattern: str.isdecimal()) matches text[index], the method asked only beyond
    ASCII (compiled, ord() of a character of a str is read without making it a str)."""
    code = ord(text[index])
    return 48 <= code <= 57 or code > 127 and text[index].isdecimal()


def _ascii_letter_at(text: str, index: int) -> bool:
    code = ord(text[index]) | 32  # (a capital ASCII letter's code with the small letter's bit)
    return 97 <= code <= 122


def _matched_read(regex: re.Pattern[str], para: str, at: int, endpos: int) -> NumberRead | None:
    match = regex.match(para, at, endpos)
    return None if match is None else number_read(match)


# What `_number_path_end` tells besides where the number ends: no number of NUM's starts at the place, or the
# number runs on (a digit, or a point or a comma and a digit, after it: the regex then tries shorter ones).
NO_NUMBER: Final = -1
RUNS_ON: Final = -2


def _number_path_end(para: str, at: int, end: int) -> int:
    """Where the number NUM's first path reads at para[at:end] ends (the lookbehind; the whole digit run, its
    thousands groups if it opens with at most three digits and a comma and three digits follow, then its
    decimals), NO_NUMBER where NUM cannot match there, RUNS_ON where a digit, or a point or a comma and a digit,
    follows that number (NUM's lookahead refuses the latter, a shorter number may then match: the regex decides).
    Every other path of NUM reads a shorter number, which a digit then follows."""
    if at and (_word_char(para[at - 1]) or para[at - 1] in NOT_BEFORE_NUMBER_MARKS):
        return NO_NUMBER  # (NUM's lookbehind sees the text before `at`)
    index = at
    while index < end and _decimal_at(para, index):
        index += 1
    if index == at:
        return NO_NUMBER
    if index - at <= 3:  # the thousands groups, where the branch of them matches
        while index + 3 < end and para[index] == "," and _decimal_at(para, index + 1) and _decimal_at(para, index + 2) \
                and _decimal_at(para, index + 3):
            index += 4
    if index + 1 < end and para[index] == "." and _decimal_at(para, index + 1):
        index += 2
        while index < end and _decimal_at(para, index):
            index += 1
    if index < end and (_decimal_at(para, index) or (para[index] == "." or para[index] == ",") and index + 1 < end
                        and _decimal_at(para, index + 1)):
        return RUNS_ON
    return index


def _scale_after(para: str, num_end: int, end: int) -> tuple[str | None, int]:
    """SCALE's group after a number ending at `num_end`, along the path it tries first: (the scale word after the
    whitespace, where it ends), else (None, num_end) (no scale word: the group's empty branch)."""
    index = num_end
    while index < end and para[index].isspace():
        index += 1
    for word in SCALE_WORDS_BY_FIRST.get(para[index], ()) if index < end else ():
        word_end = index + len(word)
        if word_end <= end and para[index:word_end] == word:  # (then no other word starts there)
            if word_end == end or not _word_char(para[word_end]):
                return word, word_end
            break
    return None, num_end


def read_count(para: str, at: int, endpos: int, bare: bool = False) -> NumberRead | None:
    """The NumberRead of COUNT_RE.match(para, at, endpos) (bare: BARE_NUMBER_RE's), None if it has none.

    The number, its scale word and what follows them are read by hand along the path the regex tries first
    (`_number_path_end`; the scale word after the whitespace, else none; then the lookaheads after it), where
    the number is a whole token (no digit, nor a point or comma and a digit, after it) and a count's noun opens
    with a small letter, or a quote and a letter, that no size class nor scheme name (COUNT_RE's negative
    lookahead) can open with. That path's match is the regex's; wherever the path fails or leaves those cases
    the regex decides (a match costs some 6,000 instructions, a match object and the groups read from it more).
    Characters are told by comparisons, str methods only beyond ASCII, and the scale words and the tails' words
    looked for only after their first characters (compiled, a str method with arguments is a generic method
    call, some 800 instructions)."""
    regex = BARE_NUMBER_RE if bare else COUNT_RE
    end = min(endpos, len(para))
    num_end = _number_path_end(para, at, end)
    if num_end < 0:
        return None if num_end == NO_NUMBER else _matched_read(regex, para, at, endpos)
    scale, after = _scale_after(para, num_end, end)
    # Past here the path fails only where every other path fails too, unless it took a scale word (the path
    # without it may match: "5 billion," is "5 " before the noun "billion"): every other path reads a shorter
    # number, which a digit then follows (its `(?![.,]\d)` refusing a point or comma and a digit), so that
    # only a scale word opening with a digit ("10 thousand", "10,000") can follow it, ending where this path's
    # number, or its scale word, ends, with the same text after it.
    if after < end and (_word_char(para[after]) or para[after] == "%" or para[after] == "-"):
        return None if scale is None else _matched_read(regex, para, at, endpos)
    pos = after
    while pos < end and para[pos].isspace():
        pos += 1
    if bare:
        if _percent_at(para, pos, end):
            return None if scale is None else _matched_read(regex, para, at, endpos)
        return NumberRead(at, after, num_end, para[at:num_end], scale)
    if pos == after or pos == end or _size_class_at(para, pos, end):
        return None if scale is None else _matched_read(regex, para, at, endpos)
    code = ord(para[pos])
    if 97 <= code <= 122 or para[pos] in OPENING_QUOTES and pos + 1 < end and _ascii_letter_at(para, pos + 1):
        return NumberRead(at, pos, num_end, para[at:num_end], scale)
    if 65 <= code <= 90 or 48 <= code <= 57 or code > 127:  # (a scheme's name; "5G stations"; \d beyond ASCII)
        return _matched_read(regex, para, at, endpos)
    return None if scale is None else _matched_read(regex, para, at, endpos)


def read_percent(para: str, at: int, endpos: int) -> NumberRead | None:
    """The NumberRead of PERCENT_RE.match(para, at, endpos), None if it has none: the number along NUM's first
    path (`_number_path_end`; where it runs on, the regex decides), one whitespace character or none, then "%",
    "％", or "percent" or "per cent" in any case (IGNORECASE equates no other character with their letters:
    tests/test_fastre.py checks every code point) before a word boundary. Every other path reads a shorter
    number, which a digit follows, where neither the whitespace nor the mark can stand; nor can the mark stand
    where `\\s?` gives its whitespace back. So the first path's match is the regex's."""
    end = min(endpos, len(para))
    num_end = _number_path_end(para, at, end)
    if num_end < 0:
        return None if num_end == NO_NUMBER else _matched_read(PERCENT_RE, para, at, endpos)
    mark_end = _percent_mark_end(para, num_end + 1 if num_end < end and para[num_end].isspace() else num_end, end)
    return None if mark_end < 0 else NumberRead(at, mark_end, num_end, para[at:num_end], None)


def _percent_mark_end(text: str, pos: int, end: int) -> int:
    """Where PERCENT_RE's mark ("%", "％", "percent\\b" or "per cent\\b", any case) at text[pos:end] ends, -1 if
    none stands there."""
    if pos >= end:
        return -1
    char = text[pos]
    if char == "%" or char == "％":
        return pos + 1
    for word in PERCENT_WORDS:
        word_end = pos + len(word)
        if word_end <= end and _ascii_caseless_at(text, pos, word) \
                and (word_end == end or not _word_char(text[word_end])):
            return word_end
    return -1


def _ascii_caseless_at(text: str, pos: int, word: str) -> bool:
    """Whether text[pos:pos + len(word)] (inside the text) is `word` (small ASCII letters and spaces) in any case:
    a letter's code with the small letter's bit is the small letter's (only it and its capital have that), a
    space is itself."""
    for index in range(len(word)):
        want = ord(word[index])
        code = ord(text[pos + index])
        if code != want and (want == 32 or code | 32 != want):
            return False
    return True


def read_money(para: str, at: int, endpos: int) -> NumberRead | None:
    """The NumberRead of MONEY_SUFFIXED_RE.match(para, at, endpos) (its `word`: the currency word), None if it
    has none: the number along NUM's first path and SCALE's (as read_count reads them; where the number runs
    on, the regex decides), the whitespace, then a currency word (as written: the pattern has no IGNORECASE)
    before a word boundary. Where no currency word stands there, every other path fails too unless a scale word
    was taken (the regex then decides): giving the whitespace back leaves a whitespace character where a word
    must open, and every other path reads a shorter number, which a digit follows, so that only a scale word
    opening with a digit can follow it, ending where this path's number ends, before the same text."""
    end = min(endpos, len(para))
    num_end = _number_path_end(para, at, end)
    if num_end < 0:
        return None if num_end == NO_NUMBER else _matched_read(MONEY_SUFFIXED_RE, para, at, endpos)
    scale, pos = _scale_after(para, num_end, end)
    while pos < end and para[pos].isspace():
        pos += 1
    for word in CURRENCY_SUFFIXES_BY_FIRST.get(para[pos], ()) if pos < end else ():
        word_end = pos + len(word)
        if word_end <= end and para[pos:word_end] == word and (word_end == end or not _word_char(para[word_end])):
            return NumberRead(at, word_end, num_end, para[at:num_end], scale, word)
    return None if scale is None else _matched_read(MONEY_SUFFIXED_RE, para, at, endpos)


def _percent_at(text: str, pos: int, end: int) -> bool:
    """Whether "%", "％", "percent" or "per", whitespace and "cent" stands at text[pos:end] (BARE_NUMBER_RE's
    refusal after the whitespace after a number)."""
    if pos >= end:
        return False
    char = text[pos]
    if char == "%" or char == "％":
        return True
    if char != "p" or text[pos:pos + 3] != "per" or pos + 3 > end:
        return False
    if text[pos:pos + 7] == "percent" and pos + 7 <= end:
        return True
    index = pos + 3
    while index < end and text[index].isspace():
        index += 1
    return index > pos + 3 and index + 4 <= end and text[index:index + 4] == "cent"


def _size_class_at(text: str, pos: int, end: int) -> bool:
    """Whether SIZE_CLASS (`(?:hundred[- ])?(?:SIZE_CLASS_WORDS)[- ]level\\b`) matches at
    text[pos:end] (COUNT_RE's refusal of the noun after a count: "500 billion-level clusters")."""
    if text[pos] not in SIZE_CLASS_FIRSTS:
        return False
    if text[pos:pos + 8] in ("hundred-", "hundred ") and pos + 8 <= end:
        pos += 8  # (the optional group taken: without it no word of the class starts at "hundred")
    for word in SIZE_CLASS_WORDS:
        word_end = pos + len(word)
        if word_end + 6 <= end and text[pos:word_end] == word and text[word_end] in "- " \
                and text[word_end + 1:word_end + 6] == "level":
            return word_end + 6 == end or not _word_char(text[word_end + 6])
    return False


# What `read_at` reads: COUNT_RE's, BARE_NUMBER_RE's, PERCENT_RE's or MONEY_SUFFIXED_RE's match (READ_PATTERNS).
COUNT_READ: Final = 0
BARE_READ: Final = 1
PERCENT_READ: Final = 2
MONEY_READ: Final = 3
READ_PATTERNS: Final = (COUNT_RE, BARE_NUMBER_RE, PERCENT_RE, MONEY_SUFFIXED_RE)


def read_at(para: str, at: int, endpos: int, reader: int) -> NumberRead | None:
    """The NumberRead of READ_PATTERNS[reader].match(para, at, endpos), None if it has none."""
    if reader == PERCENT_READ:
        return read_percent(para, at, endpos)
    if reader == MONEY_READ:
        return read_money(para, at, endpos)
    return read_count(para, at, endpos, reader == BARE_READ)


def read_quantity(read: NumberRead, reader: int, text: str) -> _Found | None:
    """The quantity of a PERCENT_READ's or MONEY_READ's read of `text`: what `_simple("percent")` and
    `_money_suffixed` build of its match."""
    if reader == PERCENT_READ:
        return _Found(read.start, read.end, number_value(read.raw, None), "percent", num_start=read.start)
    assert read.word is not None  # (a money read holds its currency word)
    if _rate_base(text, read.raw, read.scale, read.end):
        return None  # "(1 yuan = US$0.125)": a rate's base (money.rate_base)
    return _Found(read.start, read.end, number_value(read.raw, read.scale), MONEY_SUFFIX_UNITS[read.word],
                  num_start=read.start)


def unclaimed_reads(para: str, starts: list[int], pos: int, endpos: int, claimed: list[tuple[int, int]],
                    reader: int = COUNT_READ) -> Iterator[NumberRead]:
    """The NumberReads of fastre.iter_from_unclaimed_starts(READ_PATTERNS[reader], para, starts, pos, endpos,
    claimed)'s matches, read by read_at (the same starts tried, in the same order)."""
    after = pos
    waiting: list[int] = []
    for start in starts:
        if start < after:
            continue
        if start >= endpos:
            break
        if in_claimed(start, claimed):
            waiting.append(start)
            continue
        if waiting:
            for earlier in waiting:
                if earlier >= after:
                    read = read_at(para, earlier, endpos, reader)
                    if read is not None:
                        after = read.end
            waiting.clear()
            if start < after:
                continue
        read = read_at(para, start, endpos, reader)
        if read is not None:
            yield read
            after = read.end


def _count(para: str, match: NumberRead, sent_start: int, rule: str = "count") -> _Found | None:
    """The count a count matcher found (rule: "count", "count_copula" or "count_range"), else None."""
    raw = match.raw
    before = para[sent_start:match.start]
    # A decimal without a scale counts only in a rate ("39.4 patents for every 10,000 residents"):
    # checked once its noun phrase is known.
    scaled = bool(match.scale)
    unscaled_decimal = "." in raw and not scaled
    if _count_blocked(raw, before, decimal_ok=True, scaled=scaled):
        return None
    if len(raw) == 1 and SOURCING_PHRASE_RE.match(para, match.end):
        return None  # "3 people familiar with the plan" (count.sourcing_phrase; not "300 people familiar with ...")
    phrase_start = match.end
    being = BEING_RE.match(para, phrase_start) if rule == "count" else None
    if being is not None:
        phrase_start = being.end()  # "8447 being graduates"
    if rule == "count_copula":
        relation = COPULA_RELATION_RE.match(para, phrase_start)
        if relation:
            phrase_start = relation.end()
        elif VERB_FORM_RE.match(para, phrase_start):
            return None  # "1,120 are making face masks": the counted noun is elsewhere
    phrase = _noun_phrase_after(para, phrase_start)
    quoted_name = False
    one_listed = False
    if phrase is None and raw == "1":  # "1 provincial natural science first prize"
        phrase = _noun_phrase_after(para, phrase_start, singular=True)
        if phrase is None and before.rstrip().endswith(LIST_JOINER_ENDS):
            # "including 6 Provincial Natural Science Awards, ..., and 1 Provincial International Science and
            # Technology Cooperation Award" (dev 017): a named count of one closing a list of counts of its plural
            # (count.one_listed; "1 Huizhan Road" alone stays a name)
            phrase = _noun_phrase_after(para, phrase_start, singular=True, named=True)
            one_listed = phrase is not None and _plural_counted(before, phrase[1])
            if not one_listed:
                phrase = None
    elif phrase is None and not scaled and any(quote in para[phrase_start:phrase_start + 80]
                                               for quote in CLOSING_QUOTES):
        # 'There were also 127 new national-level special "little giant", with a total of 182' (dev 019): a class
        # of firms named in quotes, singular as names are, is what is counted (count.quoted_name)
        phrase = _noun_phrase_after(para, phrase_start, singular=True)
        quoted_name = phrase is not None and _quoted_after(para[match.end:phrase[0] + 1])
        if not quoted_name:
            return None
    if phrase is None:
        return None
    np_end, subject = phrase
    if subject.rsplit(None, 1)[-1] in DESCRIPTIVE_COUNT_NOUNS:
        return None  # "Apartment with 2 or 3 bedrooms": a layout described, nothing counted (count.descriptive)
    found_subject: str | None = subject
    rate = RATE_AFTER_OPENING.match(para, np_end)
    per_time = bool(rate and PER_TIME_RE.match(para, np_end))
    if per_time:
        rate = None  # "50 flights per week": a count of what flows in a stretch of time (count.per_time)
    average = unscaled_decimal and subject in AVERAGE_HEADCOUNT_NOUNS \
        and _says_average(before, para[np_end:np_end + 20])
    if average:
        rate = None  # "has an average 2.21 people", "2.62 persons per household" (count.average_headcount)
    elif unscaled_decimal and not rate:
        return None
    if rate:
        base = RATE_BASE_RE.match(para, np_end)
        per = _noun_phrase_after(para, base.end()) if base else None
        if base is None or per is None:
            return None  # "150 units per worker", "150 yuan per capita": no counted base
        np_end = per[0]  # "210 invention patents per 10,000 people"
        found_subject = f"{subject} {' '.join(para[phrase[0]:np_end].split()).lower()}"
    if subject.split()[-1] in RANK_MOVE_NOUNS and RANK_MOVE_TAIL.has_match(before):
        return None  # "up 4 places"
    if subject in COUNT_UNIT_NOUNS:
        found_subject = None  # "28.72 million TEUs": the subject is what the sentence says is measured
    rules = ["count.invariant_unit"] if subject in INVARIANT_UNIT_NOUNS else []  # "7.8 million TEU"
    if average:
        rules.append("count.average_headcount")
    if one_listed:
        rules.append("count.one_listed")
    if quoted_name:
        rules.append("count.quoted_name")
        if np_end < len(para) and para[np_end] in CLOSING_QUOTES:
            np_end += 1  # (the span holds the name's closing quote)
    if being is not None:
        rules.append("count.being_noun")
    if per_time:
        rules.append("count.per_time")
    return _Found(match.start, np_end, number_value(match.raw, match.scale), "count", kind="level",
                  subject=found_subject, num_start=match.start, rules=rules)


# "The berths in question include one berth at Dagushan Dockland of Dalian Port, two berths in phase three of ...,
# one berth at Dongjiakou Dockland ..." (tune_sites s129): a count of one beside a count of its plural in one sentence
# (count.one_beside_plural; "one" alone is no count: "one of the ...", "no one"). Up to three modifiers between:
# "one gold medal and two silver medals". Not after these words ("the one berth", "any one berth").
ONE_BESIDE_MAX_MODIFIERS: Final = 3
ONE_BLOCKED_BEFORE: Final = frozenset({"no", "any", "every", "each", "the", "this", "that", "only"})
ONE_WORD_RE: Final = re.compile(r"(?<![\w-])one\s+")
ONE_HEAD_FOLLOWERS: Final = COUNT_STOP_WORDS | {"and", "or"}
WORD_AT_RE: Final = re.compile(r"[a-z][a-z-]*(?![\w-])")


def _singular(head: str) -> str | None:
    """The singular of a plural noun as counts write it ("berths" -> "berth", "laboratories" -> "laboratory")."""
    if head.endswith("ies"):
        return head[:-3] + "y"
    if head.endswith(("ches", "shes", "sses", "xes")):
        return head[:-2]
    if head.endswith("s") and not head.endswith("ss"):
        return head[:-1]
    return None


def ones_beside_plurals(para: str, low: str, start: int, found: list[_Found],
                        claimed: list[tuple[int, int]]) -> list[_Found]:
    """The counts of one in the sentence low (para[start:...] lowered) whose noun is the singular of a counted plural's
    head in `found` ("one berth at ..." beside "two berths in ..."); their spans are not in `claimed`."""
    singulars = set()
    for item in found:
        if item.unit == "count" and item.subject:
            single = _singular(item.subject.rsplit(None, 1)[-1])
            if single:
                singulars.add(single)
    ones: list[_Found] = []
    if not singulars:
        return ones
    for one in ONE_WORD_RE.finditer(low):
        before = low[:one.start()].rstrip().rsplit(None, 1)
        if before and before[-1] in ONE_BLOCKED_BEFORE:
            continue
        at = one.end()
        for _ in range(ONE_BESIDE_MAX_MODIFIERS + 1):
            word = WORD_AT_RE.match(low, at)
            if word is None:
                break
            noun = word.group()
            follower = WORD_AT_RE.match(low, word.end() + 1) if low.startswith(" ", word.end()) else None
            if noun in singulars and (follower is None or follower.group() in ONE_HEAD_FOLLOWERS):  # (its head)
                first, last = start + one.start(), start + word.end()
                if not any(a < last and first < b for a, b in claimed):
                    ones.append(_Found(first, last, 1.0, "count", kind="level",
                                       subject=" ".join(low[one.end():word.end()].split()),
                                       num_start=first, rules=["count.one_beside_plural"]))
                break
            if noun in COUNT_STOP_WORDS or not low.startswith(" ", word.end()):
                break  # ("one of the two berths"; a comma or the end: no noun of a count)
            at = word.end() + 1
    return ones


# What closes the text before a count that goes on a list (", and 1 Provincial ... Award": count.one_listed).
LIST_JOINER_ENDS: Final = (",", ", and", ";")


def _plural_counted(before: str, subject: str) -> bool:
    """`before` counts the plural of `subject`'s last word in digits ("6 Provincial Natural Science Awards, ..." before
    "1 Provincial ... Cooperation Award")."""
    last = subject.rsplit(None, 1)[-1]
    plurals = (f"{last}s", f"{last}es") + ((f"{last[:-1]}ies",) if last.endswith("y") else ())
    lower = before.lower()
    return any(f"{plural}," in lower or f"{plural} " in lower or lower.endswith(plural) for plural in plurals) \
        and any(char.isdigit() for char in before)


def _spelled_count(para: str, match: re.Match[str], sent_start: int) -> _Found | None:
    """ "five new provincial key laboratories", "Eight of them": small counts written in words."""
    word = match.group("word")
    before = para[sent_start:match.start()]
    at_start = not before.strip(" \"“‘(（")
    if word[0].isupper() and not at_start:
        return None  # "the Three Gorges", "Two Sessions"
    prev = previous_word(before)
    if prev and (prev[1].lower() in SPELLED_REFERENCE_WORDS or before.rstrip().endswith(("'s", "’s"))):
        return None  # "the three operators", "the city's three chip design firms"
    if prev and prev[1].lower() in SPELLED_REFERENCE_ADJECTIVES:
        determiner = previous_word(before[:prev[0]])
        if determiner and determiner[1].lower() in SPELLED_REFERENCE_WORDS:
            return None  # "The above two banks": the pair named before
    if before.count("“") > before.count("”") or before.count('"') % 2:
        return None  # inside a quoted slogan: "three nos to three haves"
    if before.rstrip().lower().endswith(RATIO_PARTS_LEADS):
        return None  # "The proportion of three industries was 4.2:55.6:40.2": the ratio's parts (count.ratio_parts)
    if SOURCING_PHRASE_RE.match(para, match.start() + len(word)):
        return None  # "two people familiar with the matter said" (count.sourcing_phrase)
    value = float(_spelled_value(word))
    part = _part_of_whole(para, match.start() + len(word), value)
    if part is not None:
        return _Found(match.start(), match.start() + len(word), value, "count", kind="level", subject=part,
                      num_start=match.start(), rules=["count.part_of_whole"])
    if OF_THEM_AFTER_RE.match(para, match.end() - len(match.group()) + len(word)):
        return _Found(match.start(), match.start() + len(word), value, "count", kind="level",
                      num_start=match.start())
    # (past a vessel's size: "four 1,000TEU feeder ships" counts the ships, tune_sites s336; the size is read apart)
    phrase = _noun_phrase_after(para, match.end() if match.group("size") is None else match.end("size") + 1)
    if phrase is None and value >= 2 and _is_clause_subject(para, before, match.start() + len(word)):
        return _Found(match.start(), match.start() + len(word), value, "count", kind="level",
                      num_start=match.start(), rules=["count.clause_subject"])  # "Seven are engaged in ..."
    # (a rate's opening after it is no count, but "per <a stretch of time>" is, as in digits: "there will be two round
    # trips per day", metrics21, tune_sites s230: nothing was read; count.per_time)
    per_time = phrase is not None and RATE_AFTER_OPENING.match(para, phrase[0]) is not None \
        and PER_TIME_RE.match(para, phrase[0]) is not None
    if phrase is None or (RATE_AFTER_OPENING.match(para, phrase[0]) and not per_time) \
            or phrase[1].split()[-1] in SPELLED_PROCESS_NOUNS:
        return None
    if phrase[1].split()[-1] in DESCRIPTIVE_COUNT_NOUNS:
        return None  # "four distinct seasons": the climate described, nothing counted (a drop: no metric to name it)
    last_word = para[:phrase[0]].rsplit(None, 1)[-1]
    if word[0].isupper() and last_word[:1].isupper():
        return None  # "Two Academies and One Park" names something; "Fifteen Ningbo companies" counts
    np_end, subject = phrase
    if subject.split()[-1] in RANK_MOVE_NOUNS and RANK_MOVE_TAIL.has_match(before):
        return None
    if prev and prev[1].lower() in SPAN_LEAD_WORDS and subject.split()[-1] in SPAN_UNIT_WORDS:
        return None  # "In the past three quarters": a span of time
    if LIST_INTRO_RE.match(para, np_end) and not before.rstrip().lower().endswith(DIVISION_LEADS):
        return None  # "five categories, namely ...", "five key areas: ...": the count announces the list that follows
    if value >= 2 and _sizes_a_list(para, before, np_end, value):
        return None  # "five traditional industries, knitting, ..., and power transmission": the list's size
    return _Found(match.start(), np_end, value, "count", kind="level", subject=subject, num_start=match.start(),
                  rules=["count.per_time"] if per_time else [])


def _elided_currency(para: str, match: NumberRead, sent_start: int, sent_end: int,
                     found: list[_Found]) -> _Found | None:
    """ "with the contractual amount reaching 1.88 billion USD, ..., with the actual utilized amount
    reaching 1.16 bln, up 26%": a scaled amount with no noun and no currency of its own, after an
    amount of money in its sentence, is money in that currency (money.currency_elided)."""
    if not match.scale:
        return None
    moved = "from" in para[sent_start:match.start] and any(
        match.start in (move.start("low"), move.start("high"))
        for move in BARE_MONEY_MOVE_RE.finditer(para, sent_start, sent_end)) \
        and not CURRENCY_WORD_RE.search(para, sent_start, sent_end)  # "from 200 million in 2006 to ...", no currency
    money_after = not moved and MONEY_IN_NOUN_AFTER_RE.match(para, match.end, sent_end) is not None \
        and para[match.start - 1:match.start] not in CURRENCY_MARKS_BEFORE \
        and not CURRENCY_WORD_RE.search(para, sent_start, sent_end)  # "paid 2.03 billion in taxes"; not "£80 million"
    if not moved and not money_after and not ELIDED_MONEY_FOLLOW_RE.match(para, match.end, sent_end):
        return None
    before = para[sent_start:match.start]
    money = [f for f in found if f.unit in MONEY_UNITS and sent_start <= f.start and f.end <= match.start]
    paired = moved or money_after or bool(money) and MONEY_PAIR_GAP_RE.fullmatch(
        para, max(f.end for f in money), match.start) is not None
    if _count_blocked(match.raw, before, decimal_ok=True) or not paired and \
            not ELIDED_MONEY_LINK_TAIL.has_match(FILLER_TAIL.sub("", _qualifier(before)[1])):
        return None
    if not money:
        if CURRENCY_WORD_RE.search(para, sent_start, sent_end):
            return None
        if money_after:
            rule = "money.in_noun"
        elif MONEY_NOUN_BEFORE_TAIL.has_match(before):
            rule = "money.currency_omitted"
        elif MONEY_CLAUSE_RE.search(before, max(before.rfind(","), before.rfind(";"), before.rfind(":")) + 1):
            rule = "money.currency_clause"
        else:
            return None
        return _Found(match.start, match.end, number_value(match.raw, match.scale), "CNY", num_start=match.start,
                      rules=[rule])
    unit = max(money, key=lambda f: f.end).unit
    return _Found(match.start, match.end, number_value(match.raw, match.scale), unit, num_start=match.start,
                  rules=["money.currency_elided"])


def _elided_count(para: str, read: NumberRead, sent_start: int, sent_end: int,
                  found: list[_Found]) -> _Found | None:
    """A number whose counted noun is left out but clear from the sentence, else None."""
    raw = read.raw
    before = para[sent_start:read.start]
    if para.startswith(")", read.end) and _stock_code(raw, before):
        return None  # "Byd Company Limited(002594)": a stock code (count.stock_code)
    if para.startswith(")", read.end) and not read.scale and NAMED_PAREN_BEFORE_RE.search(before[-60:]):
        # "Beijing topped the list with 92 enterprises, followed by Chongqing (67) and Shanghai (63)"
        earlier = [f for f in found if f.unit == "count" and sent_start <= f.start and f.end <= read.start]
        if earlier and raw.replace(",", "").isdigit() and not is_year_like(raw):
            last = max(earlier, key=lambda f: f.end)
            return _Found(read.start, read.end, number_value(read.raw, read.scale), "count", kind="level",
                          subject=last.subject, num_start=read.start)
        if not earlier and raw.replace(",", "").isdigit() and not is_year_like(raw):
            run = [m for m in NAMED_PAREN_COUNT_RE.finditer(para, sent_start, sent_end)
                   if not is_year_like(m.group("n"))]
            if len(run) >= NAMED_PAREN_RUN_MIN and any(m.end("n") == read.end for m in run):
                return _Found(read.start, read.end, number_value(read.raw, read.scale), "count", kind="level",
                              num_start=read.start, rules=["count.named_paren_run"])
        return None
    if not raw.replace(",", "").isdigit() and not read.scale:
        return None  # an unscaled decimal (checked before the costlier blocks below)
    verb_number = NUMBER_VERB_TAIL.search(before)
    after = para[read.end:sent_end]
    per_period = FREQUENCY_AFTER_OPENING.match(after) is not None  # "reaches 1479 monthly": a year is never "monthly"
    if _count_blocked(raw, before[: verb_number.start() + 1] if verb_number else before,
                      decimal_ok=bool(read.scale), year_ok=per_period):
        return None
    value = number_value(read.raw, read.scale)
    if value < 2:
        return None

    def item(subject: str | None) -> _Found:
        return _Found(read.start, read.end, value, "count", kind="level", subject=subject,
                      num_start=read.start, rules=["count.per_period"] if per_period else [])

    if (value >= 1000 or read.scale) and place_population(para, read.start, read.end):
        found_item = item("population")  # "a town of 84,000 in northeastern Zhejiang"
        found_item.rules.append("count.place_population")
        return found_item
    if OF_THEM_AFTER_RE.match(after) or (OF_THEM_BEFORE_TAIL.has_match(before)
                                         and not after[:2].strip(" ")[:1].isdigit()):
        return item(None)  # "86 of them", "Among them, 5,300 hold master's degrees"
    part = _part_of_whole(para, read.end, value) if not read.scale else None
    if part is not None:  # "26 of the 36 industries had increases"
        found_item = item(part)
        found_item.rules.append("count.part_of_whole")
        return found_item
    if not read.scale and WITH_AFTER_OPENING.match(after) and THERE_ARE_BEFORE_RE.search(before):
        found_item = item(None)  # "there are 1050 with a master's degree"
        found_item.rules.append("count.there_are_with")
        return found_item
    aged = AGE_AFTER_OPENING.match(after)
    if aged is not None:
        found_item = item(f"people {' '.join(aged.group('age').lower().split())}")  # "181,000 aged 80 or above"
        found_item.rules.append("count.aged")
        return found_item
    partitive = PARTITIVE_BEFORE_TAIL.search(before)
    if partitive and VERB_FORM_RE.match(after.lstrip()):
        # "Of the 35 industrial categories, 29 maintained positive growth"
        whole = [f for f in found if f.unit == "count" and f.start >= sent_start + partitive.start("n")
                 and f.start < sent_start + partitive.end()]
        if whole:
            return item(whole[0].subject)
    earlier = [f for f in found if f.unit == "count" and f.end <= read.start and f.start >= sent_start]
    if earlier and COUNT_CHANGE_AFTER_RE.match(after):
        last = max(earlier, key=lambda f: f.end)
        gap = para[last.end:read.start]
        if len(gap) <= ELIDED_GAP_MAX and COUNT_CHANGE_GAP_TAIL.has_match(gap) and not ANY_NUMBER_RE.search(gap):
            return _Found(read.start, read.end, value, "count", subject=last.subject, num_start=read.start,
                          rules=["count.change_of_count"])
    than = COUNT_THAN_AFTER_RE.match(after) if earlier and not read.scale else None
    if than is not None:
        last = max(earlier, key=lambda f: f.end)
        gap = para[last.end:read.start]
        if len(gap) <= ELIDED_GAP_MAX and COUNT_THAN_GAP_RE.search(gap) and not ANY_NUMBER_RE.search(gap):
            fewer = than.group("cmp").lower() in COUNT_FEWER_THAN_WORDS
            return _Found(read.start, read.end, -value if fewer else value, "count", kind="change",
                          subject=last.subject, num_start=read.start, rules=["count.more_than_before"])
    paired = MODIFIER_PAIR_AFTER_RE.match(after) if not read.scale and " and " in after[:40] else None
    if paired and paired.group("mod") not in AMOUNT_COMPARATIVES and paired.group("mod") not in SCALE_WORDS:
        following = [f for f in found if f.unit == "count" and f.start == read.end + paired.end()]
        noun = following[0].subject.split(maxsplit=1) if following and following[0].subject else []
        if len(noun) == 2 and noun[0] != paired.group("mod"):
            found_item = item(f"{paired.group('mod')} {noun[1]}")  # "29 owned and 15 chartered ships"
            found_item.rules.append("count.modifier_pair")
            return found_item
    if not ELIDED_FOLLOW_RE.match(after):
        return None
    if TIME_RANGE_END_RE.match(after):
        return None  # "delays of 2 to 4 days": the low end of a span of time, not a count of "delays"
    joined = LIST_JOIN_RE.match(after)
    if joined:  # "1,041 and 533 patents have been applied and granted respectively"
        following = [f for f in found if f.unit == "count" and f.start == read.end + joined.end()]
        if following:
            return item(following[0].subject)
    if earlier:
        last = max(earlier, key=lambda f: f.end)
        gap = para[last.end:read.start]
        if len(gap) <= ELIDED_GAP_MAX and not ANY_NUMBER_RE.search(ANY_YEAR_RE.sub("", gap)) and (
                ELIDED_GAP_TAIL.has_match(gap) or re.match(r"^\s+more\b", after)):
            subject = last.subject
            if subject and TOTAL_GAP_RE.search(gap):  # "18 new champions, and the total number reached 63"
                subject = subject.removeprefix("new ")
            found_item = item(subject)  # "12,000 5G base stations by 2020 and 20,000 by 2022"
            if gap.rstrip().endswith("from"):
                found_item.rules.append("count.prior_level")  # "4,653 market entities in 2021, up from 3,319 in 2020"
            return found_item
    number_of = None
    for m in NUMBER_OF_RE.finditer(before) if "number" in before.lower() else ():  # (every match holds "number")
        number_of = m
    if number_of is not None:
        link = FILLER_TAIL.sub("", _qualifier(before)[1])
        named = " ".join(number_of.group("np").lower().split())
        if named.split()[-1] in TIME_UNIT_WORDS:
            return None  # "the annual average number of sunshine hours is 1,850" (s139): time summed, nothing counted
        if NUMBER_OF_LINK_TAIL.has_match(link):
            return item(named)
        if NUMBER_OF_CHANGE_TAIL.has_match(link):  # kind and sign are the change words' (describe)
            return _Found(read.start, read.end, value, "count", subject=named, num_start=read.start)
    subject = _subject_before(_qualifier(before)[1])
    figure_for = FIGURE_FOR_RE.search(before) if subject is None and "figure" in before.lower() else None
    if figure_for is not None and _is_plural(figure_for.group("np").split()[-1]):
        found_item = item(" ".join(figure_for.group("np").lower().split()))  # "The 2021 figure for X was 2,826,100"
        found_item.rules.append("count.figure_for")
        return found_item
    own_clause = _own_clause_start(before) if subject is None else 0
    if own_clause:  # "...; Women accounted for 4,572,000", "7.585 million and the rural population is 2.033 million"
        subject = _subject_before(_qualifier(before[own_clause:])[1])
        before = before[own_clause:] if subject else before
    age = AGE_IN_SUBJECT_RE.search(before) if subject is None and "age" in before.lower() else None  # ("aged", "ages")
    if age is not None:  # "the population aged 0-14 was 1.151 million": the subject read without the age
        subject = _subject_before(_qualifier(before[:age.start()] + before[age.end():])[1])
    if subject and age is not None and (_is_plural(subject.split()[-1]) or subject.endswith(HEADCOUNT_NOUNS)) \
            and subject.split()[-1] not in MASS_PLURALS and not subject.startswith("number of"):
        found_item = item(f"{subject} {' '.join(age.group('age').lower().split())}")
        found_item.rules.append("count.aged_subject")
        return found_item
    if subject and _counted_noun(subject.split()[-1]) and not subject.startswith("number of"):
        found_item = item(subject)  # "online sellers now number 62,000", "5G users to top 4 million"
        if own_clause:
            found_item.rules.append("subject.own_clause")
        return found_item
    if subject and " " in subject and _counted_noun(_head_before_phrase(subject).split()[-1]):
        # "The flights of Ningbo airport in the first half of 2019 was 5,085" (s035), "the tourists from Ningbo to
        # Hong Kong have increased from about 10000 to 98200" (s036)
        found_item = item(subject)
        found_item.rules.append("count.plural_head")
        return found_item
    if subject and subject.endswith(HEADCOUNT_NOUNS) and (value >= 1000 or read.scale):
        found_item = item(subject)  # "the city's permanent population was 9.618 million"
        if own_clause:
            found_item.rules.append("subject.own_clause")
        found_item.rules.append("count.headcount_noun")
        return found_item
    if _is_clause_subject(para, before, read.end):
        found_item = item(None)
        found_item.rules.append("count.clause_subject")
        return found_item
    return None


HEAD_PHRASE_RE: Final = re.compile(rf"\s(?:of|{'|'.join(HEAD_PLACE_PREPOSITIONS)})\s")


def _head_before_phrase(subject: str) -> str:
    """`subject`'s words before its first "of" or place preposition ("tourists from ningbo" -> "tourists")."""
    phrase = HEAD_PHRASE_RE.search(subject)
    return subject[:phrase.start()] if phrase else subject


def _says_average(before: str, after: str) -> bool:
    """Whether the words before a decimal headcount, or the few after it, make it an average (AVERAGE_HEADCOUNT_CUES:
    "an average 2.21 people", "2.62 persons per household")."""
    around = f"{before[-60:]} {after}".lower()
    return any(cue in around for cue in AVERAGE_HEADCOUNT_CUES)


def _quoted_after(text: str) -> bool:
    """Whether `text` (a number's noun phrase, and the character after it) closes a name it quotes: a quote opens
    inside it and another closes it ('new national-level special "little giant"', not the number's own name closing
    in '"3115 e-commerce team"')."""
    text = text.rstrip()
    if not text or text[-1] not in CLOSING_QUOTES:
        text = text[:-1].rstrip()
    return bool(text) and text[-1] in CLOSING_QUOTES and any(char in OPENING_QUOTES for char in text[:-1])


def _counted_noun(word: str) -> bool:
    """A subject's noun a bare number counts: a plural, neither a mass ("imports") nor a time unit ("years")."""
    return _is_plural(word) and word not in MASS_PLURALS and word not in TIME_UNIT_WORDS


def _own_clause_start(before: str) -> int:
    """Where the clause of a number starts in `before` (its sentence up to it) when an earlier clause of the
    sentence ends in ";" or in a figure and "and" ("5.046 million men were ...; Women accounted for", "the urban
    population is 7.585 million and the rural population is"), else 0: its subject is read there."""
    semicolon = before.rfind(";")
    joined = 0
    for m in FIGURE_AND_RE.finditer(before):
        joined = m.end()
    return max(semicolon + 1, joined)


def _part_of_whole(para: str, end: int, value: float) -> str | None:
    """The noun of the whole when the number ending at `end` is a part of a larger number of things said right
    after it ("seven of the eight categories witnessed ...": "categories"), or of a plural whole after a determiner
    ("20 of our students": "students"), else None."""
    whole = PART_OF_WHOLE_OPENING.match(para, end)
    if whole is None:
        partitive = PARTITIVE_AFTER_OPENING.match(para, end)
        phrase = _noun_phrase_after(para, partitive.end()) if partitive is not None else None
        if phrase is None or not _is_plural(phrase[1].split()[-1]):
            return None
        # ("two of the world's top five container ports", "... busiest container ports" place them in a list)
        return None if any(word in SUPERLATIVES for word in phrase[1].split()) else phrase[1]
    raw = whole.group("whole").replace(",", "")
    total = int(raw) if raw.isdigit() else SPELLED_NUMBERS[vocab_key(raw)]
    if not value < total:
        return None
    phrase = _noun_phrase_after(para, whole.end())
    return phrase[1] if phrase is not None else None


def _is_clause_subject(para: str, before: str, end: int) -> bool:
    """Whether the number ending at `end` opens its clause (`before`: its sentence up to it) and a plural
    verb follows it: a count whose noun the text said before ("..., 42 were listed in foreign countries")."""
    saw = para.startswith(" ", end) and para.startswith(CLAUSE_SUBJECT_SAW, end + 1) \
        and not para[end + 1 + len(CLAUSE_SUBJECT_SAW):end + 2 + len(CLAUSE_SUBJECT_SAW)].isalnum()
    return (saw or CLAUSE_SUBJECT_AFTER_OPENING.match(para, end) is not None) and \
        CLAUSE_OPENING_RE.search(before.rstrip(" \"“‘(（")) is not None
