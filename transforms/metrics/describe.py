"""Deciding kind, sign, qualifier and subject of one found quantity from its sentence (rule ids recorded).
"""
from __future__ import annotations

import re
from typing import Final

from transforms.fastre import SpacedOpening
from transforms.metrics.numbers import ADJECTIVAL_UNIT_RE, _Found
from transforms.metrics.qualifiers import (
    LIST_GAP_RE,
    SHARE_OR_TAIL,
    SHARE_SCOPE_AFTER_RE,
    SHARE_SCOPE_GAP_RE,
    SHARE_SUBJECT_RE,
    WordTail,
    _continues_change,
    _is_decrease,
    _kind,
    _qualifier,
)
from transforms.metrics.subjects import (
    CLAUSE_END_RE,
    COORDINATION_SPLIT_RE,
    FROM_GAP_RE,
    GAPPED_GAP_RE,
    LEADING_ADVERBIAL_RE,
    LISTED_CHANGE_GAP_RE,
    RANK_INHERIT_GAP_RE,
    RANK_MEASURE_RE,
    RANK_MEASURE_WINDOW,
    RANK_PARTICIPLE_RE,
    RESPECTIVELY_AFTER_RE,
    RESPECTIVELY_BEFORE_RE,
    SHARE_OF_RE,
    SHARE_OF_TOTAL_RE,
    UNIT_OF_RE,
    _inherits,
    _noun_phrase_before,
    _simple_phrase,
    _subject_before,
    _trim_region,
    is_generic_subject,
    link_start,
)
from transforms.metrics.vocab import (
    ADDING_VERBS,
    NP_STOP_WORDS,
    NUMBER_WORDS,
    PLACE_WORDS,
    RANK_IDIOM_WORDS,
    SHARE_WHOLE_WORDS,
    SHARED_HEAD_MODIFIERS,
    SIGN_MARKS,
    TIME_WORDS,
    UNIT_OF_UNITS,
    VERB_WORDS,
    words_pattern,
)

# A count right after an adding verb (qualifier words are already cut from `before`).
ADDED_BEFORE_TAIL: Final = WordTail(re.compile(rf"\b(?:{words_pattern(ADDING_VERBS)})\s*$", re.IGNORECASE),
                                    ADDING_VERBS)
# (the "of" after a unit or a share, tried only where the first word after it may open a match)
UNIT_OF_OPENING: Final = SpacedOpening(UNIT_OF_RE)
SHARE_OF_OPENING: Final = SpacedOpening(SHARE_OF_RE)
# A subject that stands for an earlier one (refer_back): its first word; and where a subject's restriction opens.
ANAPHORIC_NOUNS: Final = frozenset({"figure", "amount", "number", "total"})
RESTRICTION_RE: Final = re.compile(r" (?:of|for|among|in) ")
# The subject rules that leave a quantity its own subject in a "respectively" list (split_respectively keeps them).
RESPECTIVELY_OWN_RULES: Final = frozenset({"subject.respectively", "subject.counted_noun", "subject.gapped",
                                           "subject.unit_of", "subject.added_is_new"})


# The gap between a change in an amount and the same change in percent: " or " alone (", or 45%" after an amount is a
# share: qualifiers.SHARE_OR_RE).
OR_PERCENT_GAP_RE: Final = re.compile(r"^\s+or\s+$")


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
                if previous.value < 0 and para[previous.start] not in SIGN_MARKS:
                    # (a minus written on the first number is that number's: "were -5.67% and 0.38%" (s171))
                    item.value = -abs(item.value)
        elif previous is not None and previous.kind == "change" and item.kind == "level" and item.unit == "percent" \
                and previous.unit != "percent" and OR_PERCENT_GAP_RE.match(gap):
            # "down RMB 2,126,467,000 or 19.9%", "an increase of RMB 211,822,000 or 10.1%" (tune_sites s199,
            # metrics18): the change said again in percent, its sign the amount's
            item.kind = "change"
            rules.append("kind.or_percent_of_change")
            if previous.value < 0:
                item.value = -abs(item.value)
        elif previous is not None and previous.kind == "share" and item.kind == "level" and item.unit == previous.unit \
                and (LIST_GAP_RE.match(gap) or SHARE_SCOPE_GAP_RE.match(gap) and SHARE_SCOPE_AFTER_RE.match(after)):
            # "accounted for 48% and 37% respectively" (s044), "takes up 80% of Ningbo and 21.4% in Zhejiang" (s060)
            item.kind = "share"
            rules.append("kind.listed_after_share")
    else:
        rules.append(f"kind.matcher:{item.kind}")
        if item.kind == "change" and previous is not None and previous.kind == "change" and previous.value < 0 \
                and item.value > 0 and para[item.start] not in SIGN_MARKS and LIST_GAP_RE.match(gap) \
                and item.unit == previous.unit:
            item.value = -item.value  # "It drops by 3.1 and 2.8 percentage points": both went down (s006)
            rules.append("sign.listed_after_decrease")
    # (a plus written on the number beats a decrease word around it: "decreased by +14.88%" (s171) is a rise)
    if item.kind == "change" and para[item.start] != "+" and _is_decrease(before, after):
        item.value = -abs(item.value)
        rules.append("sign.decrease")
    if item.subject is not None:
        rules.append("subject.counted_noun")
        if item.unit == "count" and not item.subject.startswith("new ") and ADDED_BEFORE_TAIL.has_match(before):
            item.subject = "new " + item.subject  # "added 1,110 national high-tech enterprises"
            rules.append("subject.added_is_new")
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
        if item.subject is None and previous is not None and previous.subject is not None:
            gapped = _gapped_subject(item, previous, gap)
            if gapped is not None:
                item.subject = gapped  # "the output value is 1,079 billion yuan, the sales value 1,047 billion yuan"
                rules.append("subject.gapped")
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
    if item.subject is not None and is_generic_subject(item.subject):
        item.subject = None
        rules.append("subject.generic_dropped")
    if previous is not None and item.unit == "percent" and SHARE_OR_TAIL.has_match(before):
        # "..., or 72.8%": a share of the quantity before, or the relative size of its change
        item.kind = "change" if previous.kind == "change" else "share"
        rules.append("kind.or_percent")
    if item.unit == "percent" and item.kind == "level" and item.subject and SHARE_SUBJECT_RE.search(item.subject):
        item.kind = "share"  # "the share of citizens with scientific literacy reached 13.6%"
        rules.append("kind.share_subject")
    return qualifier


def _listed_subject(gap: str) -> str | None:
    """The noun phrase of an elided change: "rose 45.6%, integrated circuits 38.1%" -> "integrated circuits"."""
    match = LISTED_CHANGE_GAP_RE.match(gap)
    if not match:
        return None
    words = match.group("np").split()
    if words[0].lower() in ("and", "or"):
        return None  # "grew by 6.6%, and 6.5%": the gap's conjunction, no noun phrase
    if any(w.lower() in NP_STOP_WORDS or w.lower() in VERB_WORDS or w.lower() in NUMBER_WORDS for w in words):
        return None
    return " ".join(words).lower()


def split_respectively(items: list[_Found], para: str, sent_start: int, sent_end: int) -> None:
    """ "Industries such as A, B, C, and D grew by 8.0%, 7.8%, 6.6%, and 6.5% respectively", "the retail amount of
    cars and housing decoration goods increased by 12% and 13% respectively": k quantities of one unit and kind
    in a row, closed (or opened) by "respectively", said of a list of k noun phrases before their verb (or of
    k/n for "from a and b to c and d respectively"), take them in order (subject.respectively_list)."""
    if len(items) < 2 or para.find("espectively", sent_start, sent_end) < 0:
        return  # (one C search; most sentences have no "respectively")
    index = 0
    listed: list[str] | None = None  # the subjects the group before took from its list
    while index < len(items):
        end = index
        while end + 1 < len(items) and items[end + 1].unit == items[index].unit \
                and items[end + 1].kind == items[index].kind:
            end += 1
        group = items[index:end + 1]
        index = end + 1
        if len(group) < 2 or any(rule in RESPECTIVELY_OWN_RULES for item in group for rule in item.rules):
            listed = None
            continue
        if listed is not None and len(listed) == len(group) \
                and all("subject.inherited" in item.rules for item in group):
            for item, subject in zip(group, listed, strict=True):
                item.subject = subject  # "... reached a, b and c respectively, growing x, y and z"
                item.rules.append("subject.respectively_list")
            continue
        listed = None
        before = _qualifier(para[sent_start:group[0].num_start])[1]
        opened = RESPECTIVELY_BEFORE_RE.search(before)
        if opened is not None:
            before = before[:opened.start()]  # "its deposits and loans grew respectively 19.9 and 29.9 percent"
        elif not RESPECTIVELY_AFTER_RE.match(para, group[-1].end, sent_end):
            continue
        subjects = _coordinated_subjects(before, len(group))
        if subjects is None:
            continue
        for position, item in enumerate(group):
            item.subject = subjects[position % len(subjects)]
            item.rules.append("subject.respectively_list")
        listed = [item.subject for item in group if item.subject is not None]


def _coordinated_subjects(before: str, count: int) -> list[str] | None:
    """The noun phrases of a list that is the subject of the verb ending `before`, if the list has `count` of them
    (or a divisor of `count` but 1), with the modifiers' shared head noun ("primary, secondary, and tertiary
    industries") and the first phrase's "X of" ("the retail amount of cars and housing decoration goods")."""
    link = link_start(before)
    if link < 0:
        return None
    region = _trim_region(before[:link], apposition=False)
    parts = [part for part in COORDINATION_SPLIT_RE.split(region) if part.strip()]
    if len(parts) > 1 and LEADING_ADVERBIAL_RE.match(parts[0]):
        parts.pop(0)  # "From January to September, the added values of A and B"
    while len(parts) > 1 and any(char.isdigit() for char in parts[0]):
        parts.pop(0)  # "... over 40 percent of its throughput, with the throughput from A and B rising": another clause
    if len(parts) < count and " and " in parts[-1]:
        parts[-1:] = parts[-1].rsplit(" and ", 1)
    if len(parts) < 2 or count % len(parts):
        return None
    phrases = [_noun_phrase_before(part) for part in parts]
    if any(phrase is None for phrase in phrases) or len(set(phrases)) < len(phrases):
        return None
    found = [phrase for phrase in phrases if phrase is not None]
    last = found[-1].split()
    if len(last) > 1 and last[0] in SHARED_HEAD_MODIFIERS \
            and all(phrase.rsplit(None, 1)[-1] in SHARED_HEAD_MODIFIERS for phrase in found[:-1]):
        head = " ".join(last[1:])
        found[:-1] = [f"{phrase} {head}" for phrase in found[:-1]]  # "primary" -> "primary industries"
    of_at = found[0].rfind(" of ")
    if of_at > 0:
        prefix = found[0][:of_at + 4]
        found[1:] = [phrase if " of " in phrase else prefix + phrase for phrase in found[1:]]
    return found


def refer_back(items: list[_Found], earlier: list[_Found]) -> None:
    """ "Per capita disposable income among urban residents was 64,188 yuan, while the figure for rural residents
    was 36,166 yuan", "... 42,946 yuan in 2021. In the first half, the figure was 25,292 yuan": "the figure" (or
    "the amount", "the number", "the total") is said of the nearest quantity before it in its paragraph of the same
    unit and kind (`earlier`, which this extends with `items`), "for X" put in place of its restriction
    (subject.refers_back; the figures that inherited "the figure" follow)."""
    for item in items:
        subject = item.subject
        if subject is not None and _is_anaphoric(subject) and "subject.inherited" not in item.rules:
            resolved = _referent(subject, item, earlier)
            if resolved is not None:
                for other in items:
                    if other.subject == subject:
                        other.subject = resolved
                        other.rules.append("subject.refers_back")
        earlier.append(item)


def _is_anaphoric(subject: str) -> bool:
    """ "figure", "amount", "number", "total", "figure for rural residents": a subject that refers back."""
    return subject in ANAPHORIC_NOUNS or subject.startswith("figure ")


def _referent(subject: str, item: _Found, earlier: list[_Found]) -> str | None:
    """The subject "the figure" (`subject`, of `item`) stands for, from the quantities before it."""
    words = subject.split()
    restriction = ""
    if len(words) > 2 and words[0] == "figure" and words[1] in ("for", "of", "among", "in"):
        restriction = " " + " ".join(words[1:])  # "figure for rural residents"
    elif len(words) > 1:
        return None  # "amount of profit", "number of visitors": a phrase of its own
    for before in reversed(earlier):
        if before.unit != item.unit or before.kind != item.kind or before.subject is None:
            continue
        if _is_anaphoric(before.subject):
            return None
        if not restriction:
            return before.subject
        cut = RESTRICTION_RE.search(before.subject)
        return before.subject[:cut.start()] + restriction if cut else None  # (none: no noun to restrict)
    return None


def _gapped_subject(item: _Found, previous: _Found, gap: str) -> str | None:
    """The noun phrase of a clause whose verb is left out ("the industrial output value is 1,079 billion yuan,
    the sales value 1,047 billion yuan and the export delivery value 239.6 billion yuan"): a level said of
    the same unit as the level right before it, the gap a comma or "and", then "the" and a noun phrase."""
    if item.unit != previous.unit or item.kind != "level" or previous.kind != "level" or item.unit == "count":
        return None
    match = GAPPED_GAP_RE.match(gap) if " the " in gap else None  # (every match holds " the ")
    if not match:
        return None
    words = match.group("np").split()
    if any(w.lower() in NP_STOP_WORDS or w.lower() in VERB_WORDS or w.lower() in NUMBER_WORDS
           or w.lower() in TIME_WORDS or not w[0].isalpha() for w in words) or words[-1].lower().endswith("ed"):
        return None  # (a phrase ending in a past tense is a clause: "and the board approved 1 billion yuan")
    return " ".join(words).lower()


def _unit_of_subject(item: _Found, para: str, after: str) -> str | None:
    """ "1.172 billion tonnes of cargo" -> "cargo"; "a 3,000-mu digital rice farm" -> "digital rice farm"."""
    if item.unit not in UNIT_OF_UNITS:
        return None
    text = para[item.start:item.end]
    if "-" in text and ADJECTIVAL_UNIT_RE.search(text):  # (every match holds its hyphen)
        return _simple_phrase(after)
    match = UNIT_OF_OPENING.match(after)
    return _simple_phrase(after[match.end():]) if match else None


def _share_of_subject(item: _Found, after: str) -> str | None:
    """ "98.6% of the city's industrial enterprises" -> "industrial enterprises" (no subject before)."""
    if item.unit != "percent":
        return None
    match = SHARE_OF_OPENING.match(after)
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
