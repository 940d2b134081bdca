"""Numeric facts in an article body -> METRIC records (contract: docs/CONTRACTS.md).

Rule based, precision first; measured on the gold set (tests/gold, `newsetl eval`). Per
sentence:
1. Matchers (named regexes, in priority order) find quantities with a unit: money
   (yuan/RMB/¥, US$/$/dollars, €/euros), percentage points, percents, areas (km2, m2,
   mu), tonnes, kWh, km (also as hyphenated adjectives: "a 3,000-mu farm"), physical measures
   in the page's unit (mm, m, m3, hectares, acres, km/h, m/s: "951 millimeters", "100km/h"), times,
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
   month ("In March alone", "as of March 11", "at the end of September") -> "YYYY-MM"; a range of
   days ("from June 1 to June 19", "between May 1 and 5") -> "YYYY-06-01..YYYY-06-19";
   month years from the cue, else the publication date (latest such month not after it),
   else the paragraph; "last year"/"this year" need the publication date. Event years
   ("founded in 1998", "will start in 2020", "published in November") are not periods.
   A figure with no cue of its own takes the period of a cue that opened an earlier sentence of
   its paragraph (also after a report's words: "Statistics show that in 2012, ..."), else the
   headline's single period, else the year of the one edition the headline and the opening
   name ("the 2020 Zhejiang Science and Technology Awards Conference": period.edition).
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

Package layout (imports run down this list, never up):
- `vocab`: the vocabularies as data tables (scale words, currency marks, number words, word lists);
- `numbers`: the number grammar, spans that are never quantities, the found-quantity record;
- `structure`: paragraphs, sentences, subheadings;
- `qualifiers`: qualifier, kind and sign from the words around a number;
- `subjects`: noun phrases before and after a number;
- `periods`: time cues and the period each quantity takes;
- `describe`: kind, sign, qualifier and subject of one quantity, with the ids of the rules used;
- `matchers`: the named matchers (rule ids `match.<name>`) and their builders;
- `engine`: `extract_metrics`, which runs them per sentence.
"""
from transforms.metrics.engine import EXTRACTOR_VERSION, extract_metrics

__all__ = ["EXTRACTOR_VERSION", "extract_metrics"]
