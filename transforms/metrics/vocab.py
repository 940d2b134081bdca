"""Vocabularies of the metric rules, as data: scale words, currency marks, ordinal, spelled-out and
fraction numbers, and the word lists (stop words, verbs, plurals, places, times) the rules consult.

Regexes elsewhere are built from these tables; a word is added here, not inside a pattern.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from transforms.textutil import CURRENCY_PREFIXES as CURRENCY_PREFIXES  # re-exported: defined there (see below)
from transforms.textutil import MONTH_ABBR, MONTHS

# (capitalised too, as headlines write them: "Postal Industry Revenue Hits USD 484.6 Million in 2013" (tune_other
# t060) read "USD 484.6": the money patterns match their marks and words as written)
SCALE_WORDS: Final[dict[str, float]] = {
    "thousand": 1e3, "ten thousand": 1e4, "10 thousand": 1e4, "10,000": 1e4,
    "million": 1e6, "mln": 1e6, "hundred million": 1e8,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12,
    "Thousand": 1e3, "Million": 1e6, "Billion": 1e9, "Trillion": 1e12,
}

# Currency marks written before the number ("RMB110 million", "US$ 5 billion") and words after it.
# ("CN¥3,067.7B": how a stock site marks yuan, metrics17, tune_sites s187; an expat agency's small letters, "from
# rmb1500/month to rmb30000/month", metrics20, tune_sites s218: nothing was read)
# CURRENCY_PREFIXES (defined in textutil: the page walk reads it too, a wrapped line closed by "RMB" goes on).
# Capitalised forms too: "192.82 billion Yuan" (ningbolife); the plural some translations write ("RMB 16.1 billion
# Yuans", "1.5 billion Yuans").
# Xinhua's "U.S. dollars" too ("2.5 billion yuan (398 million U.S. dollars)", tune_other t053: was a count of "U.S").
# The Times' and Reuters' "Chinese yuan" ("revenues totalling at least 1.5 billion Chinese yuan", metrics20, tune_sites
# s222: nothing was read).
CURRENCY_SUFFIXES: Final = ("yuan", "Yuan", "yuans", "Yuans", "RMB", "CNY", "US dollars", "US Dollars", "U.S. dollars",
                            "U.S. Dollars", "dollars", "Dollars", "USD", "euros", "euro", "EUR", "Chinese yuan")
# Currency words that may follow a prefixed amount ("RMB 5 billion yuan").
CURRENCY_TRAILERS: Final = ("yuan", "Yuan", "yuans", "Yuans", "RMB", "dollars", "euros", "US dollars", "US Dollars",
                             "U.S. dollars", "U.S. Dollars", "USD")
# Nouns that are money: a bare scaled amount right after "<noun> of" is one ("an investment of 137.3 million").
MONEY_NOUNS: Final = ("investment", "investments", "fund", "funds", "funding", "capital", "revenue", "revenues",
                      "budget", "budgets", "subsidy", "subsidies", "loan", "loans", "financing", "turnover")
# Nouns of an amount of money that may open the clause of a bare scaled amount linked to them ("the added value of
# primary industry was 27.0 billion", "The GDP in Ningbo in 2012 amounted to 652.47 billion": a statistics
# bulletin leaves the currency out): with no currency in the sentence, the amount is yuan (money.currency_clause;
# not "sales", which may count units).
MONEY_CLAUSE_NOUNS: Final = (*MONEY_NOUNS, "gdp", "added value", "value added", "income", "incomes", "profit",
                             "profits", "output value", "expenditure", "expenditures", "deposits", "cost", "costs",
                             # metrics25 (stock sites' statistics: "The enterprise value is 67.53 billion", s292, s262)
                             "enterprise value")
# Money nouns after "in" that make the bare scaled amount before them money ("In the past 12 months, SHA:601018 has paid
# 2.03 billion in taxes.", stockanalysis.com, tune_sites s262, s292: matchers.MONEY_IN_NOUN_AFTER_RE, money.in_noun).
MONEY_IN_NOUNS: Final = (*MONEY_NOUNS, "taxes", "income", "profits")
# What a sentence may open with before a period cue that still dates what follows ("Statistics show that in
# 2012, ...", "Data from the bureau showed, in 2011, ..."): the nouns that report and their verbs.
REPORTING_NOUNS: Final = ("statistics", "data", "figures", "results", "the statistics", "the data", "the figures")
REPORTING_VERBS: Final = ("show", "shows", "showed", "shown", "indicate", "indicates", "indicated", "reveal", "reveals",
                          "revealed", "suggest", "suggests", "suggested")
# What may follow a spelled multiple with no change verb before it for it to be a multiple:
# "nearly four times of that in 2010", "three times the output", "five times as many".
TIMES_COMPARISON_TAILS: Final = ("of that", "of the", "that", "the", "as", "higher", "more", "larger", "bigger",
                                 "greater", "faster", "slower")
# Words after "N times" that make it a multiple, not how often ("raised funds for 38 times" is a count; "for 3 times
# the output" is not: matchers.OCCASIONS_RE).
OCCASIONS_REFUSED_TAILS: Final = ("the", "that", "as", "of", "more", "higher", "larger", "bigger", "greater")
# Words before "N quarters/years/months" that make it a span of time, not a count ("the past three quarters").
SPAN_LEAD_WORDS: Final = frozenset("past last next first recent coming previous".split())
SPAN_UNIT_WORDS: Final = frozenset("years months weeks days quarters decades".split())
# A count that announces the list after it is the text's structure, not a fact ("five categories, namely ...").
LIST_INTRO_WORDS: Final = ("namely", "i.e.")
# ... but a count of the parts a thing is divided into is a fact about it, its parts then listed ("The central
# exhibition is divided into three sections: ...", dev 032).
DIVISION_LEADS: Final = ("divided into", "split into", "consists of", "composed of", "comprises", "comprising")
# A count right after these names the parts a ratio is of, nothing counted ("The proportion of three industries was
# 4.2:55.6:40.2", tune_sites s210; "The proportions of three industries changed from 4.4: 55.3: 40.3", tune_other t088).
RATIO_PARTS_LEADS: Final = ("proportion of", "proportions of", "ratio of", "ratios of")
# The words before "from" or "between" that make the two amounts after it one range's ends, no change from one to
# the other ("The monthly rental can range from RMB 1500/month to RMB 30000/month", metrics20, tune_sites s219; "will
# be from rmb1500/month to rmb30000/month", s218): the range's low end is kept (engine._range_ends).
RANGE_LEADS: Final = ("range", "ranges", "ranged", "ranging", "is", "are", "was", "were", "be")
# Change nouns before a count's change with its noun left out (", an increase of 78 over the previous year").
COUNT_CHANGE_NOUNS: Final = ("increase", "decrease", "rise", "drop", "decline", "reduction")
# A multiple in one word ("more than twice the average speed").
MULTIPLE_WORDS: Final[dict[str, int]] = {"twice": 2, "thrice": 3}
# ... and an adjective of one, before "the" or "that" only ("almost double that of 2005", "double the amount";
# not "double as", the verb).
MULTIPLE_ADJECTIVES: Final[dict[str, int]] = {"double": 2, "triple": 3}
CURRENCIES: Final[dict[str, str]] = {
    "yuan": "CNY", "yuans": "CNY", "rmb": "CNY", "cny": "CNY", "cn¥": "CNY", "¥": "CNY", "￥": "CNY",
    "chinese yuan": "CNY",
    "us$": "USD", "$": "USD", "usd": "USD", "dollars": "USD", "us dollars": "USD",
    "u.s. dollars": "USD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
}
ENERGY_FACTORS: Final[dict[str, float]] = {"k": 1.0, "m": 1e3, "g": 1e6}

ORDINAL_WORDS: Final[dict[str, int]] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}
# The spelled ordinals of an ordinal superlative ("the third-largest"; matchers.ORDINAL_SUPERLATIVE_RE): every one
# but "first" (the superlative alone says first). Until metrics20 the pattern spelled second to tenth itself, so that
# "the thirteenth-highest figure for any port in the world" (tune_sites s222, The Times 2007) was no rank.
SUPERLATIVE_ORDINALS: Final = tuple(word for word, value in ORDINAL_WORDS.items() if value > 1)

# Shares written as fractions (value in percent): "one third of", "less than one fifth of",
# "more than half of national exports", "9 out of 10 patent applications", "nearly 1/3".
FRACTION_WORDS: Final[dict[str, tuple[int, int]]] = {
    "one half": (1, 2), "one third": (1, 3), "two thirds": (2, 3), "one quarter": (1, 4),
    "one fourth": (1, 4), "three quarters": (3, 4), "three fourths": (3, 4), "one fifth": (1, 5),
    "two fifths": (2, 5), "three fifths": (3, 5), "four fifths": (4, 5), "one sixth": (1, 6),
    "one eighth": (1, 8), "one tenth": (1, 10),
    # with the article for "one": "about a fifth of the country", "a quarter of its exports" (fraction.article)
    "a third": (1, 3), "a quarter": (1, 4), "a fourth": (1, 4), "a fifth": (1, 5), "a sixth": (1, 6),
    "an eighth": (1, 8), "a tenth": (1, 10),
}

# A part of a scale written before it: "half a million companies", "half a billion yuan" (number.half_scale: the
# scale word then multiplies the part).
# ("a quarter of a million bigger-sized cars": metrics15, tune_sites s163, no metric; the match opens at "quarter")
SCALE_PART_WORDS: Final[dict[str, str]] = {"half a": "0.5", "quarter of a": "0.25"}

# A count written in words: "five new labs", "Eight of them" (never "one": "one of the ...").
SPELLED_NUMBERS: Final[dict[str, int]] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}
# A rate's words and the counted bases in words it can be of ("per 10,000 people", "for every
# thousand residents"): the count matcher keeps such a rate, the indicator catalog maps it only to
# a rate row (transforms.indicators).
RATE_WORDS: Final[tuple[str, ...]] = ("per", "for every", "for each")
# ... unless "per" a stretch of time: "50 flights per week" counts flights (the count stays a count).
PER_TIME_WORDS: Final[tuple[str, ...]] = ("year", "annum", "day", "week", "month", "hour", "minute")
RATE_BASE_WORDS: Final[tuple[str, ...]] = ("ten thousand", "a thousand", "one thousand", "a hundred", "one hundred",
                                             "thousand", "hundred")
# Scale words a number written in words can carry before its unit ("nine billion yuan", "one
# billion tons"); smaller scales in words are counts' business ("two thousand visitors").
SPELLED_SCALES: Final[tuple[str, ...]] = ("hundred million", "million", "billion", "trillion")
SPELLED_TENS: Final[dict[str, int]] = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                                         "seventy": 70, "eighty": 80, "ninety": 90}
SPELLED_UNITS: Final[dict[str, int]] = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                                          "eight": 8, "nine": 9}

# A spelled-out number after these is a reference ("the three operators"), not a figure.
SPELLED_REFERENCE_WORDS: Final = frozenset("the these those both all its their our his her my your each every any "
                                    "first last next other another top "
                                    # superlatives pick members out: "the busiest three stations of each line"
                                    "busiest largest biggest highest best leading".split())
# ... and after one of those and one of these, as well ("The above two banks continued to promote ...": tellerreport.com
# on two banks' half year, tune_sites s320; "above" there points back, it bounds nothing).
SPELLED_REFERENCE_ADJECTIVES: Final = frozenset("above aforementioned abovementioned mentioned said".split())
# Nouns a small spelled-out number divides a process into ("built in two phases"), or a text into ("three
# characteristics show up": its structure, sixth tune_sites pass s057): not counts.
SPELLED_PROCESS_NOUNS: Final = frozenset("phases stages steps rounds ways aspects directions dimensions respects parts "
                                  "sides halves characteristics features traits lists".split())

# A climate's seasons: "four distinct seasons" describes the weather, it counts nothing (metrics12: the Asian Games
# site's climate profile s139; tune_sites s121, tune_other t108, t328 say it too). A dwelling's rooms describe its
# layout ("Apartment with 2 or 3 bedrooms", "duplex with two bedrooms", metrics20, tune_sites s218's rent table;
# "There are two bedrooms, a nice kitchen", tune_other t397).
DESCRIPTIVE_COUNT_NOUNS: Final = frozenset("seasons bedrooms bathrooms".split())
# Compound money adjectives: "The 21-billion-yuan (about $2.93 billion) project" (metrics12, s137), "23.59-billion-yuan
# worth of" (a scale and a currency word joined to the number by hyphens), the currency each names.
HYPHENATED_MONEY_SCALES: Final = ("million", "billion", "trillion")
HYPHENATED_MONEY_CURRENCIES: Final[dict[str, str]] = {"yuan": "CNY", "Yuan": "CNY", "RMB": "CNY", "dollar": "USD",
                                                      "dollars": "USD", "US dollars": "USD", "U.S. dollars": "USD"}

RANK_MOVE_NOUNS: Final = frozenset("places positions spots notches rungs rankings ranks".split())

# Plural heads that are amounts of money or goods, never counted by a bare number ("exports reached 4.5 billion").
MASS_PLURALS: Final = frozenset("exports imports sales revenues earnings profits investments savings funds taxes "
                                "assets "
                                "deposits loans costs expenses proceeds receipts emissions shipments".split())
# Counts measured in a unit noun take their subject from the sentence ("throughput reached 27.53 million TEUs").
COUNT_UNIT_NOUNS: Final = frozenset({"teus", "teu"})
# Adverbs of frequency that may follow a count whose noun is elided ("The number of cargo flights
# reaches 1479 monthly", "shuttles 3,000 daily").
FREQUENCY_ADVERBS: Final = ("annually", "yearly", "monthly", "weekly", "daily")
# ... of which all but "annually" are adjectives too, inside a counted phrase ("25 fixed daily scheduled trains").
FREQUENCY_ADJECTIVES: Final = frozenset(word for word in FREQUENCY_ADVERBS if not word.endswith("ally"))
# Present-tense links of "the number of X <verb> N" ("The number of cargo flights reaches 1479 monthly"),
NUMBER_OF_PRESENT_LINKS: Final = ("reaches", "hits", "stands at", "totals", "exceeds", "tops", "surpasses")
# ... and the past-tense verbs after "the number of X" (matchers.NUMBER_OF_RE), and those before the number it is
# ("the number of X reached 63": NUMBER_OF_LINK_RE).
NUMBER_OF_PAST_VERBS: Final = ("grew", "rose", "reached", "increased", "fell", "dropped", "stood", "hit", "topped",
                               "exceeded", "doubled", "tripled")
NUMBER_OF_PAST_LINKS: Final = ("reached", "reach", "hit", "stood at", "totaled", "totalled", "exceeded", "topped",
                               "passed", "surpassed")
# The links of "the (2021) figure for X was N" (matchers.FIGURE_FOR_RE) and of "the growth rate ... reached N%"
# (qualifiers.GROWTH_RATE_IS_RE).
FIGURE_FOR_LINKS: Final = ("was", "were", "is", "are", "stood at", "reached", "hit", "totaled", "totalled", "came to")
GROWTH_RATE_LINKS: Final = ("was", "is", "were", "are", "reached", "reaching", "hit", "hitting", "stood at",
                            "standing at", "came to")
# Bounds between a growth rate's link and its figure besides the hedges ("The growth rate of these non-productive
# incomes is as high as 21.2%", s006; "was all above 40%", s055: qualifiers.GROWTH_RATE_IS_RE).
GROWTH_RATE_BOUNDS: Final = ("as high as", "as low as", "all above", "above", "all over", "beyond", "below", "under")
# Words that link a subject to an amount whose currency is left out ("the actual utilized amount reaching
# 1.16 bln", "a net increase of over 80 billion"); "from 20 million to 32 million" links no subject.
ELIDED_MONEY_LINKS: Final = ("reaching", "reached", "reaches", "was", "were", "is", "are", "amounted to", "amounts to",
                             "amounting to", "totaled", "totalled", "totaling", "totalling", "stood at", "hit", "of")
# Unit nouns written the same in the plural ("7.8 million TEU", "270,000 TEU"): a count when the
# phrase ends on them, never as a modifier ("a 24,000 TEU vessel" sizes a ship).
INVARIANT_UNIT_NOUNS: Final = frozenset({"teu"})
# ... or before a phrase ending on one of these, which says what was moved in it ("600,000 TEU sea-rail cargo
# volume"; "the 40 million TEU club", "the 6,588 teu YM MOBILITY" name a club and a ship).
UNIT_VOLUME_NOUNS: Final = frozenset({"volume", "volumes", "throughput", "traffic"})

# A number right after one of these words names a thing ("Line 3", "No. 5", "top 10").
PRECEDING_BLOCKLIST: Final = frozenset(
    "no no. number top line phase grade level class room page article chapter section item version "
    "route platform terminal hall building floor gate exit bus flight lab laboratory group team batch "
    "round session episode volume issue vol type model station metro zone per every each".split()
)

# Units whose "N more than ..." is a change ("0.4 years longer than in 2019").
COMPARABLE_UNITS: Final = frozenset({"years", "times", "percentage_points", "CNY", "USD", "EUR", "tonnes", "kWh"})

MONTH_NUMBER: Final = {m: i + 1 for i, m in enumerate(MONTHS)}
# The months' short names other than "may" ("Jan", "Sep", "Sept"), in the months' order.
MONTH_ABBREVIATIONS: Final = tuple(sorted((abbr for abbr in MONTH_ABBR if abbr != "may"), key=MONTH_ABBR.__getitem__))
# The round scales a fact box's or a list's count may carry ("Population: 9.4 million", "7.585 million and the ...").
ROUND_SCALES: Final = ("thousand", "million", "billion")
# The hedges before an unsigned rate or share ("the growth rate was about 5%": matchers.RATE_UNSIGNED_RE).
UNSIGNED_HEDGES: Final = ("about", "approximately", "around", "nearly", "over")
NUMBER_WORDS: Final = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                       "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

# "the first eleven months" (periods.FIRST_MONTHS_RE; twelve are the year).
MONTH_COUNT_WORDS: Final = tuple(word for word, n in NUMBER_WORDS.items() if n <= 11)
PART_MONTHS: Final = {"first half": (1, 6), "second half": (7, 12), "first quarter": (1, 3),
                      "second quarter": (4, 6), "third quarter": (7, 9), "fourth quarter": (10, 12),
                      "first three quarters": (1, 9)}

NAME_RUN_WORDS: Final = frozenset({"and", "of", "the", "&"})
# Prepositions that join a restricting phrase to a noun ("trade with the EU", "imports through the bonded zone").
NP_JOINER_WORDS: Final = frozenset({"with", "for", "between", "along", "through", "among"})
# Prepositions after which a subject's words only place or restrict its head noun: "the tourists from Ningbo to Hong
# Kong have increased from about 10000 to 98200" counts tourists (matchers: count.plural_head).
HEAD_PLACE_PREPOSITIONS: Final = ("in", "from", "at", "on", "across", "within", "under", "along")

NP_STOP_WORDS: Final = frozenset(
    "the a an this these that those its their his her our your my which who whom whose where when "
    "while as by to from at on into onto than there it they we he she also has have had is "
    "are was were be been being will would can could may might should shall do does did not no "
    "but or so if because although though since after before until during among "
    "including such like via about over under up down only just alone without within across through "
    "toward towards against along around behind beyond near outside inside upon amid throughout despite "
    "except plus versus together combined respectively altogether again once still already even".split()
)
AUXILIARIES: Final = frozenset("has have had is are was were be been being".split())
NP_INNER_WORDS: Final = frozenset({"of", "in", "and", "with", "for", "between"})
# A capitalized name inside a noun phrase: "trade volume between Ningbo and CEEC countries".
NP_NAME_LEFT_WORDS: Final = frozenset({"of", "in", "between", "and", "with", "for", "along", "from", "through"})
# "the" after these stays inside a noun phrase before a verb: "the added value of the secondary industry",
# "industrial output value above the designated size" (statistics' size class)
NP_THE_LEFT_WORDS: Final = NP_NAME_LEFT_WORDS | {"above", "below"}
# Words that end a noun phrase as verbs elsewhere but are its head noun after these words: "industrial
# value added was 199.05 billion yuan" (statistics' "value added", beside "added value").
NOUN_AFTER: Final[dict[str, frozenset[str]]] = {"added": frozenset({"value"})}
# Verbs that end a noun phrase (irregular past tenses and common transitive verbs).
VERB_WORDS: Final = frozenset(
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

# Plural verbs after a number opening its clause that make it the clause's subject, its noun said before ("Of the 55
# companies, 42 were listed abroad", "2.8 million reside in urban areas"); an elided count may be followed by them.
CLAUSE_SUBJECT_VERBS: Final = ("are", "were", "came", "come", "live", "lived", "reside", "resided")
# ... and "saw" ("three saw their freight rate indices rise"), told by a string test (matchers._is_clause_subject: an
# opening "s" would send most words after a number to the verbs' pattern).
CLAUSE_SUBJECT_SAW: Final = "saw"
# Words after a plural of VERB_WORDS ("shows", "plans", "needs") that make it the counted noun: a relative pronoun
# ("81 plans that have been implemented") or an auxiliary ("6000 cultural shows have been held"); after a modifier
# ("6,800 technology needs from local enterprises") a preposition, "and" or the phrase's end too.
PLURAL_NOUN_NEXT_WORDS: Final = frozenset("that which whose have has had were was are is".split())
PLURAL_NOUN_NEXT_AFTER_MODIFIER: Final = PLURAL_NOUN_NEXT_WORDS | frozenset("from of in on for with and".split())
# "two people familiar with the matter said": a news agency's unnamed sources, no count (count.sourcing_phrase;
# metrics15, tune_sites s163, Reuters).
SOURCING_NOUNS: Final[tuple[str, ...]] = ("people", "persons", "sources", "officials", "executives", "insiders")
# A decimal headcount is an average ("Each household from the city has an average 2.21 people", s040): the nouns,
# and the words that make it one ("an average", "on average", "per household").
AVERAGE_HEADCOUNT_NOUNS: Final = ("people", "persons")
AVERAGE_HEADCOUNT_CUES: Final = ("average", "per household", "per family")
SOURCING_TAILS: Final[tuple[str, ...]] = ("familiar with", "close to", "briefed on", "with knowledge of",
                                          "with direct knowledge of")
# The last words of a company's name a stock code's brackets follow: "Ningbo Shanshan Co.Ltd(600884)", "Byd Company
# Limited(002594)" (count.stock_code; metrics15, tune_sites s162).
STOCK_CODE_COMPANY_WORDS: Final[tuple[str, ...]] = ("Ltd", "Limited", "Co", "Corp", "Corporation", "Inc", "Company",
                                                    "Group", "Holdings")
# "pct" (singular) is percentage points where its sentence speaks of a rate ("the 1H24 growth rates of +0.42 and +1.6
# pct", "up 0.35 pct from the Q1 growth rate"): elsewhere ("rose 5 pct") it may be percent (match.pct_points).
PCT_RATE_WORDS: Final[tuple[str, ...]] = ("rate", "rates", "ratio", "ratios", "margin", "margins")
# metrics17 (tune_sites s186, s187, s189, s190, s195): units in a broker's or a market desk's shorthand after the
# number (matchers.SHORTHAND_MATCHERS): percent written "pc" glued to it ("a 51pc majority-owned joint venture",
# "profits leaped by 600pc"); metric tonnes written "mt", glued or after a space, lowercase ("90,000mt annually",
# "no less than 300,000 mt": "Mt" may be megatonnes); percentage points written "ppts"/"ppt" ("grew by 1.6 ppts
# yoy"); a multiple written "x" or "X" glued to it ("13.7x" over its label line "Asset to equity ratio", "0.70X", s126,
# metrics18); the scale of a prefixed amount as one letter glued to it ("CN¥3,067.7B", "CN¥2.01t", "$5b").
PERCENT_SHORTHANDS: Final[tuple[str, ...]] = ("pc",)
TONNE_SHORTHANDS: Final[tuple[str, ...]] = ("mt",)
POINTS_SHORTHANDS: Final[tuple[str, ...]] = ("ppts", "ppt")
TIMES_SHORTHANDS: Final[tuple[str, ...]] = ("x", "X")
SCALE_LETTERS: Final[dict[str, str]] = {"b": "billion", "B": "billion", "t": "trillion", "T": "trillion"}
# metrics23 (alphaspread.com's earnings waterfall, tune_sites s268): a scale letter with the currency's code after it
# ("55.7B CNY", "-47.4B CNY"): an amount (matchers.LETTER_MONEY_SUFFIX_RE, money.letter_suffixed).
LETTER_SUFFIX_CURRENCIES: Final[tuple[str, ...]] = ("CNY", "RMB", "USD", "EUR")
# metrics23 (stock sites' key figures, tune_sites s261, s262): a line of a valuation multiple's label and its bare
# decimal ("Trailing PE 14.88", "PS Ratio 2.57", "EV / EBITDA 7.96", "Enterprise to Revenue 2.74"): a multiple
# (structure.valuation_line_label, match.valuation_line). The label's last word, or its opening words.
VALUATION_LINE_LABEL_ENDS: Final[tuple[str, ...]] = ("pe", "p/e", "ratio")
VALUATION_LINE_LABEL_LEADS: Final[tuple[str, ...]] = ("ev /", "ev/", "enterprise to")
# metrics17 (tune_sites s189, a machine-translated broker's note): a rate whose percent sign the translation dropped,
# right after the noun that names it ("the company's gross margin of 35.55, yoy plus 6.38pct", "sales expense rate
# of 5.76, YoY -4.4pct", "financial expense rate of -3.11"), and a share after "accounting for" ("overseas inverter
# sales of about 308200 units, accounting for about 73.47, domestic ..."): percent (match.rate_unsigned,
# match.share_unsigned). The number ends its clause (a comma, a semicolon, a full stop or a bracket follows); a share
# needs its decimals ("accounting for 12, Hangzhou 8" counts).
BARE_RATE_NOUNS: Final[tuple[str, ...]] = ("gross margin", "gross profit margin", "net margin", "net profit margin",
                                           "profit margin", "operating margin", "expense rate", "expenses rate",
                                           "cost rate", "cost-income ratio", "cost income ratio")
BARE_RATE_LINKS: Final[tuple[str, ...]] = ("of", "was", "is", "at", "stood at", "reached")
BARE_SHARE_LEADS: Final[tuple[str, ...]] = ("accounting for", "accounted for", "accounts for")
# metrics17 (s189): a signed number right before "year-on-year" is a change in percent whose sign the translation
# dropped ("realized operating income of 3.814 billion yuan, +163 year-on-year"; match.signed_yoy).
YOY_WORDS: Final[tuple[str, ...]] = ("year-on-year", "year on year", "yoy", "year-over-year", "year over year")
# metrics17 (tune_sites s188, a broker's summary): a valuation multiple's numbers, with no "times" or "x", after the
# ratio that names them ("corresponding to PE ratios of 19.9, 15.9, and 13.5"): multiples (match.valuation_multiple).
VALUATION_RATIO_NOUNS: Final[tuple[str, ...]] = ("pe ratio", "pe ratios", "p/e ratio", "p/e ratios", "p/e",
                                                 "price-to-earnings ratio", "price-to-earnings ratios",
                                                 "price-earnings ratio", "price-earnings ratios", "pb ratio",
                                                 "pb ratios", "p/b ratio", "p/b ratios", "price-to-book ratio",
                                                 "price-to-book ratios",
                                                 # metrics25 (stockanalysis.com, tune_sites s292: "SHA:600699's PEG
                                                 # ratio is 0.82", "The stock's EV/EBITDA ratio is 13.32, with an
                                                 # EV/FCF ratio of 48.29.")
                                                 "peg ratio", "ev/ebitda ratio", "ev/fcf ratio", "ev/ebit ratio",
                                                 "ev/sales ratio")
# Words before a bare "points" that make it a change of a rate ("dropping by 3.6 points").
POINTS_CHANGE_WORDS: Final = (
    "drop", "drops", "dropped", "dropping", "fell", "fall", "falls", "falling", "rose", "rise", "rises", "risen",
    "rising", "increase", "increased", "increases", "increasing", "decrease", "decreased", "decreases",
    "decreasing", "decline", "declined", "declines", "declining", "narrow", "narrows", "narrowed", "narrowing",
    "widen", "widens", "widened", "widening", "up", "down",
)
# Words after "3.4 points" that compare two rates ("3.4 points lower").
# ("2 points more than in 2011": a share's change, sixth tune_sites pass s051)
POINTS_COMPARE_WORDS: Final = ("lower", "higher", "above", "below", "faster", "slower", "more than", "less than")
# Hedges a rule lets stand between its words and the number it reads ("an increase of nearly ten times", "the
# growth rate reached about 5%", "up from over 3,000"); rules add their own (matchers.ELIDED_GAP_RE,
# qualifiers.GROWTH_RATE_IS_RE). The qualifier a hedge gives is QUALIFIER_WORDS'.
HEDGE_WORDS: Final = ("nearly", "almost", "about", "around", "over", "more than")
# Settlements a bare count after "a <noun> of" sizes by its people ("Ningbo, a city of six million whose natural
# harbour ...", AFP 2008, tune_sites s337; "a town of 84,000 in northeastern Zhejiang", tune_other t912:
# count.place_population), and what may follow that count (a relative pronoun or a place's preposition; punctuation
# too).
POPULATED_PLACE_NOUNS: Final = ("city", "town", "metropolis", "county", "country", "nation", "village", "island")
POPULATION_FOLLOW_WORDS: Final = ("whose", "who", "that", "which", "in", "on", "and", "with")
# A vessel's or a berth's size between a count in words and its noun ("an order of four 1,000TEU feeder ships", a
# Container News item, tune_sites s336: matchers.SPELLED_COUNT_RE's size class).
VESSEL_SIZE_UNITS: Final = ("teu", "dwt", "ton", "tonne")
# Words of an estimate before the low end of a range of shares with the unit said twice ("Only about 15 percent to 20
# percent of the small appliances made in Cixi", tune_sites s329: matchers.PERCENT_RANGE_RE's hedged form).
RANGE_ESTIMATE_WORDS: Final = ("about", "around", "approximately", "roughly", "some", "nearly", "almost")
# Words before a multiple written in words ("an increase of nearly ten times"), and the multiples read.
TIMES_CHANGE_WORDS: Final = ("increase", "increased", "increases", "increasing", "grew", "grown", "rose", "risen",
                             "expanded", "up")
SPELLED_MULTIPLES: Final = ("a hundred", "one hundred", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                            "ten", "twenty", "thirty", "fifty")

# Verbs that count what a period added ("Ningbo added 1,110 national high-tech enterprises"): the
# count is of new things, so its subject says "new" (as "14 new listed companies" does), and the
# stock's indicator does not take it.
ADDING_VERBS: Final = ("added", "adding", "adds", "add", "newly added")
SUBJECT_DROP_LEADING: Final = frozenset({"total", "accumulated", "cumulative"})

# Physical measures, as written after a number -> the record's unit (matchers.PHYSICAL_RE: "reached 951 millimeters",
# "44.4mm", "14 million cubic meters of water", "566.67 hectares", "144 acres", "a designed speed of 100km/h", "100
# kilometers per hour", "winds of up to 28 meters per second", "a 632-meter tower"). Kept as written, not converted:
# a hectare is no mu and the labels give the unit the page gives. "m" glued alone is matchers.METRES_GLUED_RE's.
PHYSICAL_UNITS: Final[dict[str, str]] = {
    **dict.fromkeys(("mm", "millimeter", "millimeters", "millimetre", "millimetres"), "mm"),
    **dict.fromkeys(("cubic meter", "cubic meters", "cubic metre", "cubic metres", "m3", "m³"), "m3"),
    **dict.fromkeys(("hectare", "hectares"), "hectares"),
    **dict.fromkeys(("acre", "acres"), "acres"),
    **dict.fromkeys(("km/h", "kph", "kmph", "km per hour", "km an hour", "kilometers per hour", "kilometres per hour",
                     "kilometers an hour", "kilometres an hour", "kilometer per hour", "kilometre per hour"), "km/h"),
    **dict.fromkeys(("m/s", "meters per second", "metres per second", "meter per second", "metre per second"), "m/s"),
    **dict.fromkeys(("meter", "meters", "metre", "metres"), "m"),
}
# A glued "m" is metres only beside a word of length, height or depth (in the figure's clause before it, or right
# after it: "the water level is 1.01m", "maintained at about 1.1m", "27.7m in width", "56.7m tall"); alone it may be a
# million ("a population of 8m").
LENGTH_CONTEXT_WORDS: Final = frozenset(
    "level levels height heights depth width length diameter altitude elevation tide tides wave waves span "
    "tall high long wide deep".split())

# "1.172 billion tonnes of cargo", "31.5 billion yuan in new loans", "500 million yuan on subsidies"
UNIT_OF_UNITS: Final = frozenset({"CNY", "USD", "EUR", "tonnes", "kWh", "m2", "km2", "mu", "km", "m3"})

SHARE_WHOLE_WORDS: Final = frozenset(
    "total them which these those all gdp whole same level figure amount number".split())

# Words that end a simple noun phrase besides verbs and prepositions.
PHRASE_STOP_WORDS: Final = frozenset("now today currently already still online offline overseas abroad nationwide "
                                     "worldwide above below".split())
DETERMINERS: Final = frozenset("the a an its their his her our this these those".split())

RANK_IDIOM_WORDS: Final = frozenset("row succession turn terms".split())  # "for the 5th year in a row"

PLACE_WORDS: Final = frozenset("province country world nation city region county district globe asia china zhejiang "
                               "yangtze ningbo".split())
TIME_WORDS: Final = frozenset("first last past same period year years month months quarter quarters half week weeks "
                              "total average this next".split())

# Time words a sentence can name without a period cue ("At present, Fenghua ranks 73rd", "The
# foreign investment ... over the past 25 years"): such a sentence is not dated by the paragraph's
# earlier "In 2019, ..." (the periods engine carries that period only into sentences without these).
OWN_TIME_WORDS: Final[tuple[str, ...]] = (
    "currently", "at present", "presently", "now", "nowadays", "today", "so far", "to date", "at the moment",
    "ago", "past", "recently", "next year", "in the future", "future", "every year", "annually", "each year",
)
QUOTES: Final = frozenset("\"“”‘")

COUNT_CLASSIFIERS: Final = frozenset("pieces units sets kinds types batches pairs sorts varieties groups bottles boxes "
                                     "tons tonnes cases packs bags rolls".split())

UNIT_WORDS: Final = frozenset(SCALE_WORDS) | frozenset(
    "yuan rmb dollars euros tonnes tons percent km mu times kwh".split())
COUNT_STOP_WORDS: Final = NP_STOP_WORDS | frozenset(
    "of in ranks rank ranked ranking accounting accounted accounts account were was are is last next "
    "increased rose grew reached have has had will each every respectively per with for between".split()
)
NONCOUNT_FIRST_WORDS: Final = frozenset(
    "years year months month days day weeks week hours hour minutes minute seconds second times "
    "percent per yuan rmb dollars dollar euros euro usd cny tons tonnes tonne ton mu km kilometers "
    "kilometres square sq meters metres kwh thousand million billion trillion hundred of to and or "
    "am pm more less than micrograms microgram milligrams grams gram kilograms kilogram kg meters meter "
    "metres metre centimeters millimeters liters litres liter degrees degree celsius hectares hectare acres "
    "miles mile feet foot inches pounds watts kilowatts megawatts gigawatts mw gw volts mbps gbps "
    "gigabytes terabytes cubic".split()
)
SUPERLATIVES: Final = frozenset(
    "best top largest biggest most greatest strongest richest fastest leading-edge worst busiest highest".split()
)

# Adverbs end a count's noun phrase ("5 million tourists annually"); these -ly words are nouns.
LY_NOUNS: Final = frozenset("family assembly supply rally ally reply monopoly anomaly italy july".split())
# ("quarters": "grew steadily for four consecutive quarters", metrics15 s171, was a count of 4)
TIME_UNIT_WORDS: Final = frozenset("years months weeks days hours minutes seconds decades centuries quarters".split())
# ("workforce", a body of people as "staff" is: "Its workforce of 300 is expected to grow", tune_sites s327)
PLURAL_NOUNS: Final = frozenset(
    "people personnel staff talent talents children police cattle equipment youth faculty men women workforce".split()
)
# Singular heads that count people: a bare number said of them counts ("the city's permanent population was
# 9.618 million", "the total passenger flow reached 615,000").
# ("the daily passenger traffic registered about 80,000": sixth tune_sites pass, s052)
# Plural nouns of people a million glued as "m" may count ("home to 9.6m residents", tune_other t481; "m" alone is a
# metre: match.million_glued reads it as a million only before one of these, containers or a mass).
GLUED_MILLION_PEOPLE: Final = ("residents", "people", "visitors", "tourists", "passengers", "inhabitants", "users")
HEADCOUNT_NOUNS: Final = ("population", "passenger flow", "tourist flow", "visitor flow", "passenger traffic",
                   "visitor traffic")
# Words right before a number that make it an age ("aged 15", "between the ages of 15 to 59") or the
# denominator of a rate ("a college degree out of 100,000"): no figure of its own.
# ("ratio of": "male-to-female ratio of 100 females")
AGE_OR_BASE_LEADS: Final = ("aged", "ages of", "age of", "out of", "ratio of")
# Mass units converted to tonnes ("750 million kilograms", "434.76 kilograms per mu").
KILOGRAM_TONNES: Final = 0.001
NOT_PLURAL_ENDINGS: Final = ("ss", "us", "is")
# The signs a number may carry ("+7.13%", "-0.87 pct").
SIGN_MARKS: Final = "+-−"

SUBHEADING_SMALL_WORDS: Final = frozenset("a an the of in on at for to and or with by from as".split())

ABBREVIATIONS: Final = frozenset(
    "co ltd no mr mrs ms dr prof st inc corp jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s e.g i.e etc vs gov dept".split()
)

MONTH_WORDS: Final = frozenset(m.lower() for m in MONTHS)


# Qualifier words before a number, by the qualifier they give (a space matches any whitespace).
QUALIFIER_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "approx": ("about", "around", "nearly", "almost", "approximately", "roughly", "some", "close to",
               "an estimated", "estimated", "approx."),
    "at_least": ("more than", "over", "above", "at least", "a minimum of", "minimum of", "to top", "topped", "tops",
                 "exceeding", "exceeded", "exceeds", "exceed", "in excess of", "upwards of", "no less than",
                 "not less than", "surpassing", "surpassed", "beyond",
                 # ("when the per capita GDP surpasses $3,000", s031; "topping 40 million CNY", s033; "break through 1.2
                 # million TEUs", s004: labelled at least)
                 "surpasses", "surpass", "topping", "break through", "breaks through", "broke through",
                 "breaking through"),
    "at_most": ("less than", "under", "below", "up to", "at most", "a maximum of", "maximum of", "a ceiling of",
                "no more than", "fewer than", "not more than", "not exceeding", "within",
                # ("the accumulated amount does not exceed 800,000 yuan", a talent-subsidy page, tune_sites s348: the
                # negated verb caps; its "exceed" alone gave at least)
                "not exceed", "not to exceed"),
}
# Links between "period" and the duration that is its value ("the longest payment period is 10 year", a talent-subsidy
# page, tune_sites s348; "in a period of 12 years", s172): the duration is the period's length, a metric.
PERIOD_VALUE_LINKS: Final = ("is", "was", "of", "being", "will be", "is set at")
# Words before a number that qualify nothing and are skipped ("only", "a total of").
# ("added up to 49 times": a sum's verb, not the cap "up to")
FILLER_WORDS: Final = ("only", "just", "merely", "a total of", "a record", "as much as", "added up to", "adds up to",
                       "add up to", "adding up to",
                       # ("Overall exported turnover in 2010 mounted up to 7.33 billion USD", texleader, tune_sites
                       # s349: a total reached, no cap)
                       "amounted up to", "amounts up to", "mounted up to")

# Verbs and nouns by the role they give a following number. Stems match any ending ("increas" ->
# increased, increasing); forms match as written.
CHANGE_VERB_STEMS: Final = ("increas", "grow", "grew", "rose", "rise", "rising", "fell", "fall", "drop", "declin",
                            "decreas", "jump", "surg", "climb", "expand", "shrank", "shrink", "gain", "soar", "slid",
                            "slump", "plung", "slip", "dip")
CHANGE_NOUNS: Final = ("growth", "increase", "decrease", "decline", "rise", "drop", "gain",
                       "uptick",  # "a growth (rate) of N"
                       "increases", "decreases", "declines", "rises", "drops", "gains")  # "increases of N and M"
DECREASE_VERB_STEMS: Final = ("declin", "decreas", "shrink", "shrank", "shrunk", "slump", "plung")
# The stems of a rise said to run "at" a pace ("has been growing at 8.1 percent annually since 2012", s072; "the export
# delivery rate of November increases at 9.8%", s008: qualifiers.GROWTH_AT_RE).
GROWTH_AT_STEMS: Final = ("increas", "grow", "grew", "rose", "rise", "rising", "expand", "climb", "gain", "soar",
                          "surg", "jump")
DECREASE_VERB_FORMS: Final = ("fell", "fall", "falls", "falling", "fallen", "drop", "drops", "dropped", "dropping",
                              "down", "slid", "slides", "sliding", "slip", "slips", "slipped", "slipping", "dip",
                              "dips", "dipped", "contract", "contracted", "contracts", "contracting")
DECREASE_NOUNS: Final = ("decline", "decrease", "drop", "fall", "reduction", "cut", "loss",  # "a decline of N"
                          "declines", "decreases", "drops", "falls", "reductions", "cuts", "losses")
# The periods of a comparison's name ("year-on-year", "a 25% month on month reduction": qualifiers.CHANGE_AFTER_RE,
# DECREASE_AFTER_RE).
COMPARISON_PERIODS: Final = ("year", "quarter", "month", "week")
# Comparatives before "than" after a figure: a change ("16.6% higher than", qualifiers.CHANGE_AFTER_RE); those of a
# decrease (DECREASE_AFTER_RE).
CHANGE_COMPARATIVES: Final = ("more", "less", "fewer", "higher", "lower", "faster", "slower", "longer", "shorter",
                              "bigger", "smaller", "larger", "greater")
DECREASE_COMPARATIVES: Final = ("lower", "less", "fewer", "slower", "smaller", "shorter")
# Nouns of a change right after a figure ("a 40 percent gain", "a 12% decline"), and those of a decrease.
DECREASE_AFTER_NOUNS: Final = ("cut", "reduction", "drop", "fall", "decline", "decrease", "dip", "slump", "plunge")
CHANGE_AFTER_NOUNS: Final = ("growth", "increase", "rise", "gain", "jump", "surge", "uptick", *DECREASE_AFTER_NOUNS)
# The rate's period between the figure and such a noun ("saw a 121 percent yearly increase over the past three years",
# metrics26, tune_sites s315; "a 5 percent average annual decline").
CHANGE_AFTER_RATE_WORDS: Final = ("annual", "yearly", "monthly", "quarterly", "average annual", "average yearly")
# Verb stems of a change done to an object ("raised efficiency by 20%", "cut the number of drivers needed by 70%":
# qualifiers.VERB_OBJECT_BY_RE), and those of a decrease (DECREASE_VERB_OBJECT_RE).
DECREASE_OBJECT_VERB_STEMS: Final = ("cut", "reduc", "lower", "shorten", "decreas")
CHANGE_OBJECT_VERB_STEMS: Final = ("rais", "boost", "increas", "improv", "extend", "expand", "doubl",
                                   *DECREASE_OBJECT_VERB_STEMS)
# (a stake held, "while Shanghai Citic Port Investment will hold 41 per cent": "hold", metrics22, tune_sites s239)
SHARE_VERBS: Final = ("account for", "accounted for", "accounts for", "accounting for", "share of", "proportion of",
               "hold", "holds", "held", "holding",
               "ratio of", "made up", "making up", "make up", "represent", "represented", "represents",
               "representing", "constituted", "constitutes", "constituting",
               "taking up", "take up", "takes up", "took up")  # ("taking up 17.83% of the population": s054)
# Words right after a percentage that make it a part owned or held ("a 15.1pc stake", "will offer 8% stake", "a 51pc
# majority-owned joint venture", "100% controlled by Tuopu Group", "a 11.46% market share": tune_sites s190, s195,
# s160, s124; qualifiers.SHARE_NOUN_AFTER_RE).
SHARE_AFTER_NOUNS: Final = ("stake", "stakes", "market share", "equity", "equity interest", "shareholding", "owned",
                            "majority-owned", "majority owned", "controlled", "ownership")

# Auxiliaries and adverbs between a subject and its linking verb ("has already reached").
LINK_AUXILIARIES: Final = (
    "has", "have", "had", "will", "would", "is", "are", "was", "were", "to", "be", "been", "expected", "set", "due",
    "likely", "still", "also", "now", "already", "further", "each", "alone",
)
# Verbs that link a subject to its figure ("exports rose to N", "GDP stood at N"), in any tense used.
LINK_VERBS: Final = (
    "increased", "increase", "increases", "increasing", "rose", "rise", "rises", "rising", "grew", "grow", "grows",
    "growing", "jumped", "jumps", "surged", "climbed", "dropped", "drops", "fell", "falls", "declined", "declines",
    "decreased", "decreases", "slipped", "slid", "dipped", "plunged", "plummeted", "soared", "shrank", "contracted",
    "rebounded", "recovered", "widened", "narrowed", "edged up", "reached", "reach", "reaches",
    "reaching", "hit", "hits", "totaled", "totalled", "totaling", "totalling", "amounted", "amounting", "amounts",
    "stood", "stands", "was", "were", "is", "are", "accounted", "accounting", "accounts", "account", "exceeded",
    "exceeding", "exceeds", "registered", "recorded", "posted", "achieved", "expanded", "represented",
    "representing", "represents", "made up", "making up", "ranks", "ranked", "ranking", "placed", "came",
    "contributed", "contributes", "earned", "earns", "generated", "generates", "realized", "realised", "produced",
    "produces", "handled", "handles", "attracted", "invested", "raised", "saw", "sees", "reported", "numbered",
    "number", "numbers", "topped", "tops", "top", "covers", "covered", "cover", "covering", "use", "uses", "used",
    "average", "averaged", "consume", "consumes", "consumed", "occupy", "occupies", "occupied", "run", "runs",
    "ran", "stretch", "stretches", "stretched", "span", "spans", "measure", "measures", "measured", "make up",
    "makes up", "doubled", "double", "tripled", "triple", "exceed", "surpass", "surpassed", "worth", "edged down",
    "edging up", "edging down",
)


def words_pattern(words: Iterable[str], space: str = r"\s+") -> str:
    """A regex that matches any of `words` (a space in a word matches `space`), longest first.

    Built as a trie ("rose|rise|rising" -> "r(?:ise|ising|ose)" factored by prefix), so that the
    regex engine checks one character per position instead of every word: a large part of the
    time of the rules went into scanning alternations of a hundred verbs at every position.
    """
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie, space)


def _trie_regex(node: dict[str, dict], space: str) -> str:
    branches = [(space if char == " " else re.escape(char)) + _trie_regex(child, space)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body

# ---------------------------------------------------------------- the subject pass (subjects1)
# Link verbs LINK_VERBS lacked: present tenses ("the amount of profit and tax ... totals 82.97 billion yuan"),
# participles ("has risen from"), and phrasal verbs ("the price of consumer goods went up by 1.2 percent", "food
# prices picked up 2.2 percent", "the home sales take up 77.1% of the total").
SUBJECT_LINK_VERBS_MORE: Final = ("totals", "surpasses", "climbs", "risen", "fallen", "grown", "went up", "went down",
                                  "goes up", "goes down", "gone up", "gone down", "picked up", "shot up", "take up",
                                  "takes up", "took up", "taking up", "been", "be")
# Modifiers that share the head noun after the last of a list ("the county's primary, secondary, and tertiary
# industries": "primary industries", "secondary industries", "tertiary industries").
SHARED_HEAD_MODIFIERS: Final = frozenset(
    "primary secondary tertiary urban rural domestic foreign inbound outbound large medium small public private "
    "first second third fourth fifth".split())
# The noun a place apposition between a subject and its verb ends with ("in Ningbo, East China's Zhejiang province").
PLACE_APPOSITION_NOUNS: Final = ("province", "Province", "China")

# metrics11: words that keep a place already held ("still keeping the first place in Zhejiang Province"): a rank, as
# after "took"/"won" (matchers.PLACE_LEADS, SCOPED_RANK_RE).
PLACE_KEEP_LEADS: Final = ("keep", "keeps", "keeping", "kept", "hold", "holds", "holding", "held", "maintain",
                           "maintains", "maintaining", "maintained", "retain", "retains", "retaining", "retained")
# metrics11: the second half of a compound unit after "ton-" ("51.48 billion ton-kilometers"): a transport
# turnover, not a mass in tonnes (matchers.TONNES_RE).
TONNE_COMPOUND_TAILS: Final = ("kilometers", "kilometres", "kilometer", "kilometre", "km", "miles", "mile")

# Verbs of a place in a ranking before an ordinal ("ranked second in the province", "came 17th", "placing No.1":
# matchers.RANK_RE, rule rank_verb, and RANK_VERB_LIST_RE), and the ordinals in words they read (first to tenth).
RANK_VERBS: Final = ("rank", "ranks", "ranked", "ranking", "placed", "placing", "came", "coming")
RANK_ORDINAL_WORDS: Final = tuple(word for word, value in ORDINAL_WORDS.items() if value <= 10)
# Counts in words after "top" that make it a top-N list, not a first place ("ranked top ten": rank_top_n's or no
# rank; "ranking top globally": first; metrics19, tune_sites s069).
TOP_SPELLED_COUNTS: Final = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty",
                             "fifty", "hundred")
# The places a rank is said to be in ("ranked first in the province", "No. 1 in China": matchers.RANK_RE, NO_RANK_RE).
RANK_SCOPE_PLACES: Final = ("province", "country", "world", "nation", "city", "region", "Yangtze River Delta", "China",
                            "Zhejiang", "Zhejiang Province", "Asia")
# The words before "top N" that make it a rank of the subject ("among the top 10", "one of China's top 500", "ranked
# top 3": matchers.TOP_RANK_RE, rule rank_top_n).
TOP_RANK_LEADS: Final = ("in", "into", "among", "entered", "enter", "enters", "entering", "one of", "ranked", "ranking",
                         "ranks", "rank", "placed", "placing", "made", "make", "makes", "making", "named among",
                         "named to", "named in")
# The superlatives an ordinal superlative takes ("the third-largest", "the 2nd biggest": matchers
# ORDINAL_SUPERLATIVE_RE, its ordinals SUPERLATIVE_ORDINALS; "most" takes the next word).
ORDINAL_SUPERLATIVES: Final = ("largest", "biggest", "highest", "busiest", "richest", "strongest", "fastest", "best")
# "up four places", "climbed 3 positions": the words before a movement in a ranking, not a count
# (matchers.RANK_MOVE_RE).
RANK_MOVE_WORDS: Final = ("up", "down", "rose", "risen", "rising", "climbed", "climbing", "jumped", "fell", "fallen",
                          "dropped", "slipped", "moved", "advanced", "higher", "lower",
                          # metrics23 ("dropping two spots to No 7", tune_sites s264: a count of spots was read)
                          "dropping", "slid", "sliding", "slipping", "jumping", "moving", "gained", "gaining")
# What a move in a ranking is counted in ("up 4 places", "dropping two spots", "one spot lower than", "rising 4
# rankings": matchers.RANK_MOVE_COUNT_RE, a change of rank) and the small numbers in words it takes.
RANK_MOVE_UNITS: Final = (*sorted(RANK_MOVE_NOUNS), "place", "position", "spot", "notch", "rung", "ranking", "rank")
RANK_MOVE_AMOUNTS: Final = {word: n for word, n in {**SPELLED_UNITS, **SPELLED_NUMBERS}.items() if n <= 10}
# Words before a fraction that make it a part of a period, not a share ("the first half", "the past quarter":
# matchers.PERIOD_FRACTION_BEFORE_RE).
PERIOD_FRACTION_LEADS: Final = ("first", "last", "past", "next", "previous", "latter", "final")
# A scheme's name is not a count ("the 3315 Talent Introduction Plan": matchers.SCHEME_NAME).
SCHEME_NOUNS: Final = ("Plan", "Program", "Programme", "Project", "Initiative", "Strategy")
# "the number of D-grade enterprises ... decreased by 1,328": the verbs of a change of the number named before
# (matchers.NUMBER_OF_CHANGE_RE).
NUMBER_OF_CHANGE_VERBS: Final = ("increased", "decreased", "rose", "fell", "grew", "dropped", "declined", "went up",
                                 "went down")
# "in the country" after a place won ("took the first place in the country": matchers.SCOPED_RANK_RE).
RANK_WIDE_SCOPES: Final = ("country", "province", "world")
# The words that open a second rank's scope after "and" ("ranks third in the world and first in China", "sixth among
# Chinese cities for economic openness, and second for its structural competitiveness": matchers.RANK_AND_RE).
RANK_AND_SCOPE_LEADS: Final = ("in", "for", "among", "on", "across", "nationwide", "worldwide", "globally")
# A ranking's participle opening the words after a quantity ("1.08 billion tonnes of cargo, ranking first":
# subjects.RANK_PARTICIPLE_RE).
RANK_PARTICIPLES: Final = ("ranking", "placing", "coming")
# Words after a figure that compare amounts ("1.67 more percentage points", "30% more than": matchers
# PERCENTAGE_POINTS_RE, periods.COMPARISON_BETWEEN_RE).
AMOUNT_COMPARATIVES: Final = ("more", "less", "fewer")
# A size class is not a count ("500 billion-level industrial clusters": matchers.SIZE_CLASS).
SIZE_CLASS_WORDS: Final = ("thousand", "million", "billion", "trillion", "yuan")
# The ordinals of a part of a month ("in the first week of", "in the last ten days of": periods.MONTH_CUE_LEAD).
MONTH_PART_ORDINALS: Final = ("first", "second", "third", "fourth", "last")
# A direction word closing a clause after a figure ("80.433 billion RMB, 5.0% higher;": qualifiers.CHANGE_AFTER_RE).
CLOSING_DIRECTIONS: Final = ("up", "down", "higher", "lower")
# The nouns a place phrase may end with ("in the city": subjects.PLACE_PP_RE and its tail).
PLACE_PP_NOUNS: Final = ("city", "province", "country")
# The words between two quantities that make the second share the first one's subject ("from 3.797 million yuan in
# 1987 to 137.4 million yuan", "up 5%, an increase of 2.2%": subjects.INHERIT_GAP_RE): a change's period, nouns and
# verbs, small moves, reporting participles, and hedges.
INHERIT_PERIOD_ADJECTIVES: Final = ("daily", "annual", "monthly", "yearly")
INHERIT_CHANGE_NOUNS: Final = ("increase", "decrease", "rise", "drop", "decline", "growth", "gain", "average")
INHERIT_CHANGE_VERBS: Final = ("increasing", "rising", "growing", "falling", "dropping", "declining", "increased",
                               "decreased", "rose", "grew", "fell", "dropped", "declined")
INHERIT_SMALL_MOVES: Final = ("edging", "edged", "inching", "inched")
INHERIT_REPORTING: Final = ("reflecting", "marking", "registering", "posting")
INHERIT_HEDGES: Final = (*HEDGE_WORDS, "some", "roughly")
# Verbs of a move in a ranking before "from the Nth to the Mth" (matchers.RANK_FROM_TO_RE, rule rank_from_to): the
# place reached is the rank ("Ningbo jumped from the 6th to the 5th", metrics13, tune_sites s157).
RANK_MOVE_VERBS: Final = ("jumped", "jumps", "jumping", "rose", "rises", "rising", "risen", "climbed", "climbs",
                          "climbing", "moved up", "moves up", "moving up", "moved", "advanced", "advances", "advancing",
                          "improved", "fell", "falls", "falling", "fallen", "dropped", "drops", "dropping", "slipped",
                          "slips", "slipping", "went up", "went down", "moved down", "rose up")
# "564 foreign-funded companies were set up in Ningbo, 78 more than the previous year" (tune_sites s164), "153 new
# enterprises were set up ..., 57 less than that of last year" (s165): a bare number after the comma closing a count's
# clause, followed by one of these comparatives and "than" and an earlier time, is the change of that count
# (matchers count.more_than_before; "fewer" and "less" a decrease).
COUNT_MORE_THAN_WORDS: Final = frozenset({"more"})
COUNT_FEWER_THAN_WORDS: Final = frozenset({"fewer", "less"})
COUNT_THAN_TIME_WORDS: Final = frozenset({"previous", "last", "prior", "preceding", "same"})

# metrics16: a pipe table under a line naming its currency and scale ("(in CNY millions) |", "(CNY millions) |": a
# company report's financial overview, tune_sites s160 and s176): its cells are amounts in that currency at that scale
# (engine._with_table_metrics, rules table.cell and table.change_column). The currencies a table's unit line may name,
# as the record's codes; its scales.
TABLE_CURRENCIES: Final = {"cny": "CNY", "rmb": "CNY", "usd": "USD", "us$": "USD", "eur": "EUR"}
TABLE_SCALES: Final = {"thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
                       "billions": 1e9}
# metrics17 (tune_sites s196, a reportify summary): a Markdown table flattened into one line ("| Metric | H1 2025 (RMB
# million) | H1 2024 (RMB million) | Change (%) | | :--- | :--- | :--- | :--- | | Revenue | 9,018.3 | 8,017.8 | 12.5 |
# | Gross Profit | ..."): its column headings name the currency and scale in brackets (engine._with_flat_table_metrics).
TABLE_HEADING_UNIT_RE_TEXT: Final = (r"\(\s*(?P<cur>RMB|CNY|USD|EUR|US\$)\s+"
                                     r"(?P<scale>thousands?|millions?|billions?)\s*\)")
# A column heading naming a change in percent ("Rate of change (%)", "YoY (%)"): its cells are percentages of change.
TABLE_CHANGE_HEADINGS: Final = ("rate of change", "change (%)", "change(%)", "yoy", "growth (%)", "growth(%)")
# metrics23 (tune_sites s260): a column of trailing-twelve-months figures ("Fiscal Year | TTM | FY 2024 | ..."): amounts
# with no year (engine._with_table_metrics).
TABLE_TRAILING_HEADINGS: Final = frozenset({"ttm", "ltm", "trailing twelve months", "last twelve months"})
# metrics25 (tune_sites s291): the words of a row label whose cells are no amounts at the table's scale, as a unit line
# excepts them ("Numbers are in millions (except for per share data and ratios) CNY.": "Gross Profit Ratio").
TABLE_UNSCALED_LABEL_WORDS: Final = ("ratio", "per share", "margin")
# metrics25 (bts.gov's table of the top world container ports, tune_sites s295): a pipe table whose heading row names a
# rank column ("Rank | Port | '12-'13 change | Millions of TEUs |"): its cells are ranks, a column headed by a scale
# "of" a plural noun counts that noun at that scale (a mass's noun in tonnes), a change column's cells are changes
# (engine._with_rank_table_metrics). The rank column's headings; the nouns of mass.
TABLE_RANK_HEADINGS: Final = frozenset({"rank", "ranking", "no.", "#"})
TABLE_MASS_NOUNS: Final = frozenset({"tons", "tonnes", "metric tons"})
# metrics25 (stock sites' key figures: stockanalysis.com's "| Float | 817.90M |", "| Employee Count | 47,789 |",
# "Revenue Per Employee 1.81M", "Employee Count17,200", disfold.com's "Shares Outstanding 19,454,388,399", tune_sites
# s292, s262, s261): a key figure's label that names what its bare figure counts, or that it is money (in the currency
# the page's text names: engine._with_key_label_lines, match.key_label_unit).
KEY_LABEL_UNITS: Final = {
    "shares outstanding": "count", "float shares": "count", "float": "count", "current share class": "count",
    "employee count": "count", "employees": "count",
    "revenue per employee": "money", "profits per employee": "money", "profit per employee": "money",
}

# metrics18: an encyclopedia infobox's line, a plural label and its bare figure with nothing after it but footnote
# references, the label glued to the number or set apart by a space ("Passengers11,718,416", tune_sites s102;
# "Students 5,628 [2]", s204): a count of the label (engine.INFOBOX_LINE_RE, rule match.count_infobox_line). A
# page's counters are plural labels too ("Views 1,234", "Comments 12"): these are never infobox data.
INFOBOX_COUNTER_LABELS: Final = frozenset("views comments likes shares reads visits hits replies followers downloads "
                                          "favorites favourites votes reviews pageviews clicks posts".split())

# metrics18 (tune_sites s202, a stock site's financial tables): a pipe table headed by years alone ("| 2025 | 2024 |
# 2023 | ... | |") whose money rows name no currency or scale; its rows of percentages ("| Change of sales in % | 8.29
# | 11.21 | ...") and of a valuation ratio ("| P/E ratio (year end quote, basic EPS) | 13.44 | ...") are read
# (engine._with_year_table_metrics). A row label ending with one of these holds percentages; one naming a change (or
# growth) holds changes.
TABLE_PERCENT_LABEL_TAILS: Final = ("in %", "(%)", "in percent", "%")
# metrics25 (moomoo.com's key stats for Bank of Ningbo, tune_sites s290): a statement flattened one cell a line, each
# cell a change glued to an amount with its scale letter ("7.13%34.44B", "20.24%802M"), under its row's label line
# (engine._with_glued_change_cells). The scale letters; the words of a row label that make its amounts money (a bare
# scaled amount after a money noun is yuan: money.currency_clause), the money nouns and a statement's costs.
GLUED_SCALE_LETTERS: Final = {"K": 1e3, "M": 1e6, "B": 1e9}
STATEMENT_MONEY_LABEL_WORDS: Final = frozenset(
    {noun for noun in MONEY_CLAUSE_NOUNS if " " not in noun}
    | {"expense", "expenses", "payout", "payouts", "commission", "commissions"})
TABLE_CHANGE_LABEL_WORDS: Final = ("change", "growth")
