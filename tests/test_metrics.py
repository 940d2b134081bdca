"""extract_metrics: the contract examples (docs/CONTRACTS.md), units/scales/qualifiers/periods, and non-metrics."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import joined_words
from hypothesis import given, settings
from hypothesis import strategies as st

from core.records import KINDS, QUALIFIERS, UNITS, Metric
from transforms.errors import NotAnArticle
from transforms.metrics import extract_metrics
from transforms.page import parse_page
from transforms.textutil import parse_date

ROOT = Path(__file__).resolve().parents[1]
GOV_TEXT = ROOT / "seeds" / "text" / "ningbo_gov_innovation-leads-2019-08-18.txt"
LIFE_TEXT = ROOT / "seeds" / "text" / "ningbolife_high-level-innovative-cities.txt"


def one(body: str, published: str | None = None) -> Metric:
    metrics = extract_metrics(body, published)
    assert len(metrics) == 1, [m.text for m in metrics]
    return metrics[0]


def by_text(metrics: list[Metric], text: str) -> Metric:
    found = [m for m in metrics if m.text == text]
    assert len(found) == 1, (text, [m.text for m in metrics])
    return found[0]


def fields(m: Metric) -> tuple:
    return (m.value, m.unit, m.kind, m.subject, m.period, m.qualifier)


@pytest.fixture(scope="module")
def gov() -> list[Metric]:
    return parse_page(GOV_TEXT.read_bytes()).metrics


@pytest.fixture(scope="module")
def life() -> list[Metric]:
    return parse_page(LIFE_TEXT.read_bytes()).metrics


# ---------------------------------------------------------------- contract examples, in their pages
def test_rd_share_of_gdp(life: list[Metric]) -> None:
    m = by_text(life, "2.8%")
    assert fields(m) == (2.8, "percent", "share", "r&d expenditures", "2019", "approx")


def test_year_on_year_change_with_month_range_year_from_paragraph(life: list[Metric]) -> None:
    # "Since 2020, ..." earlier in the paragraph gives the year of "From January to May".
    m = by_text(life, "17.6%")
    assert fields(m) == (17.6, "percent", "change", "investment in high-tech industries",
                         "2020-01..2020-05", None)
    share = by_text(life, "55.1%")
    assert (share.kind, share.period, share.subject) == ("share", "2020-01..2020-05",
                                                         "value added of high-tech industries")


def test_counts_with_noun_phrase_subjects(gov: list[Metric], life: list[Metric]) -> None:
    m = by_text(gov, "12,524 innovative start-ups")
    assert fields(m) == (12524.0, "count", "level", "innovative start-ups", "2018", None)
    m = by_text(gov, "200 key technologies")
    assert fields(m) == (200.0, "count", "level", "key technologies", None, "at_least")
    m = by_text(life, "69 industrial technology research institutes")
    assert (m.value, m.unit, m.period) == (69.0, "count", "2019")


def test_rank(gov: list[Metric]) -> None:
    m = by_text(gov, "ranking first in the province")
    assert (m.value, m.unit, m.kind, m.period) == (1.0, "rank", "rank", "2018")
    assert m.subject == "provincial high-growth and technology smes"
    world = by_text(gov, "ranks first in the world")
    assert (world.value, world.unit, world.kind) == (1.0, "rank", "rank")


def test_times(gov: list[Metric]) -> None:
    m = by_text(gov, "12.35 times")
    assert fields(m) == (12.35, "times", "level", "financial capital amplification effect", None, None)


def test_money_with_scale_words_and_since_period(gov: list[Metric]) -> None:
    m = by_text(gov, "37.541 billion yuan")
    assert fields(m) == (37541000000.0, "CNY", "level", "tax reduction", "2010..2019", None)
    growth = by_text(gov, "23.5%")  # "an average annual growth rate of 23.5%" of that tax reduction
    assert fields(growth) == (23.5, "percent", "change", "tax reduction", "2010..2019", None)
    m = by_text(gov, "211.8 thousand yuan")
    assert (m.value, m.unit, m.period) == (211800.0, "CNY", "1978")


def test_share_and_approx(gov: list[Metric]) -> None:
    m = by_text(gov, "73.4%")
    assert (m.value, m.unit, m.kind) == (73.4, "percent", "share")
    m = by_text(gov, "3%")
    assert fields(m) == (3.0, "percent", "share", "new industrial output value", "1987", "approx")


def test_from_x_in_year_to_y_in_year(gov: list[Metric]) -> None:
    first, second = by_text(gov, "3.797 million yuan"), by_text(gov, "137.4 million yuan")
    assert (first.value, first.period, first.kind) == (3797000.0, "1987", "level")
    assert (second.value, second.period, second.kind) == (137400000.0, "2018", "level")
    assert first.subject == second.subject == "technical transaction volume"


def test_seed_pages_have_no_non_metrics(gov: list[Metric], life: list[Metric]) -> None:
    texts = {m.text for m in gov + life}
    # bare years, a count without a noun, ages of anniversaries, ordinals, dates
    for value in (1957.0, 1958.0, 1985.0, 1999.0, 2006.0, 2018.0, 70.0, 20.0, 18.0, 4.0):
        assert not any(m.value == value for m in gov), value
    for value in (8.0, 13.0, 1.0, 2020.0, 2019.0):
        assert not any(m.value == value for m in life), value
    for fragment in ("20th", "18th", "70 years", "August", "5G", "8th", "13th", "Laboratory 1"):
        assert not any(fragment in t for t in texts), fragment
    assert not any(m.unit == "years" for m in gov + life)


def test_count_whose_noun_comes_before_the_number(gov: list[Metric]) -> None:
    # "In 1957, the city's natural science and technology personnel were only 630."
    m = by_text(gov, "630")
    assert fields(m) == (630.0, "count", "level", "natural science and technology personnel", "1957", None)


def test_metric_offsets_point_into_the_body() -> None:
    for path in (GOV_TEXT, LIFE_TEXT):
        article = parse_page(path.read_bytes())
        assert article.metrics
        for m in article.metrics:
            assert article.body[m.char_start:m.char_end] == m.text
            assert m.unit in UNITS and m.kind in KINDS and m.qualifier in (None, *QUALIFIERS)
        starts = [m.char_start for m in article.metrics]
        assert starts == sorted(starts)


# ---------------------------------------------------------------- units and scales
@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The fund reached 2.5 million yuan last month.", "2.5 million yuan", 2500000.0, "CNY"),
        ("The project cost 3 trillion yuan in total.", "3 trillion yuan", 3e12, "CNY"),
        ("Each family received 1.2 ten thousand yuan.", "1.2 ten thousand yuan", 12000.0, "CNY"),
        ("Subsidies totaled 8 10,000 yuan per firm.", "8 10,000 yuan", 80000.0, "CNY"),
        ("Each family received 10,000 yuan.", "10,000 yuan", 10000.0, "CNY"),
        ("The deal is worth ¥30 million.", "¥30 million", 30000000.0, "CNY"),
        ("The bank lent RMB 5 billion to the port.", "RMB 5 billion", 5e9, "CNY"),
        ("Exports to the US reached US$2.3 million.", "US$2.3 million", 2300000.0, "USD"),
        ("The startup raised $15 million.", "$15 million", 15000000.0, "USD"),
        ("Foreign capital used was 4.29 billion US dollars.", "4.29 billion US dollars", 4.29e9, "USD"),
        ("Investment from the EU rose to 412 million euros.", "412 million euros", 412000000.0, "EUR"),
        ("The German firm invested €60 million.", "€60 million", 60000000.0, "EUR"),
        ("The zone covers 353.2 square kilometers of land.", "353.2 square kilometers", 353.2, "km2"),
        ("The lake covers 20 km2 now.", "20 km2", 20.0, "km2"),
        ("The plant has a floor area of 200,000 square meters.", "200,000 square meters", 200000.0, "m2"),
        ("The campus occupies 1,200 mu in Zhenhai.", "1,200 mu", 1200.0, "mu"),
        ("The port handled 1.12 billion tonnes of cargo.", "1.12 billion tonnes", 1.12e9, "tonnes"),
        ("Solar panels generated 2.18 million kWh of power.", "2.18 million kWh", 2180000.0, "kWh"),
        # a scale word glued to the number (real pages: "30.92billion USD", "14313.1million tons")
        ("Exports reached 30.92billion USD.", "30.92billion USD", 30920000000.0, "USD"),
        ("The port handled 14313.1million tons of cargo.", "14313.1million tons", 14313100000.0, "tonnes"),
        ("The battery plant will have a capacity of 12 GWh.", "12 GWh", 12000000.0, "kWh"),
        ("The new line is 36.1 km long.", "36.1 km", 36.1, "km"),
        ("Average life expectancy reached 82.3 years.", "82.3 years", 82.3, "years"),
        ("Output rose to 2.2 million a day, 11 times the January level.", "11 times", 11.0, "times"),
        ("The network has 1.2 million registered users.", "1.2 million registered users", 1200000.0, "count"),
        ("Container throughput hit 27.53 million TEUs.", "27.53 million TEUs", 27530000.0, "count"),
        ("The scenic area receives 5 million tourists annually.", "5 million tourists", 5000000.0, "count"),
        # numbers in words with a scale (real pages: tune_sites s000 "one billion tons", tune_other t041)
        ("Exports grew to nine billion yuan in 2019.", "nine billion yuan", 9e9, "CNY"),
        ("The port handled over one billion tons of cargo.", "one billion tons", 1e9, "tonnes"),
        ("The fund reached three hundred million yuan.", "three hundred million yuan", 3e8, "CNY"),
        ("It raised Two Billion US dollars.", "Two Billion US dollars", 2e9, "USD"),
        # mass in kilograms, given in tonnes (tune_sites fifth pass s043: grain output and yields per mu)
        ("The total grain production was 750 million kilograms.", "750 million kilograms", 750000.0, "tonnes"),
        ("The grain yield per mu is 434.76 kilograms.", "434.76 kilograms", 0.43476, "tonnes"),
    ],
)
def test_units_and_scales(sentence: str, text: str, value: float, unit: str) -> None:
    m = by_text(extract_metrics(sentence), text)
    assert (m.value, m.unit) == (value, unit)
    assert sentence[m.char_start:m.char_end] == text


def test_scaled_values_are_exact() -> None:
    assert one("Revenue was 32.8 billion yuan.").value == 32800000000.0
    assert one("Exports reached 128.8 billion yuan.").value == 128800000000.0


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Imports fell slightly by 0.8% to 97.7 billion yuan.", "0.8%", -0.8),
        ("GDP turned positive after a decline of 4.6% in the first quarter.", "4.6%", -4.6),
        ("Exports were down only 3.8% year-on-year.", "3.8%", -3.8),
        ("Cranes cut the number of drivers needed by 70%.", "70%", -70.0),
        ("The port reduced fees by 320 million yuan.", "320 million yuan", -320000000.0),
        ("The rate was 0.37 percentage points lower than a year earlier.", "0.37 percentage points", -0.37),
        ("Sales were 12% lower than last year.", "12%", -12.0),
        ("Exports rose 5% year-on-year.", "5%", 5.0),
        ("Cranes raised efficiency by 20%.", "20%", 20.0),
    ],
)
def test_decreases_are_negative_changes(sentence: str, text: str, value: float) -> None:
    m = by_text(extract_metrics(sentence), text)
    assert (m.value, m.kind) == (value, "change")
    # the level after "to" in "fell by 0.8% to 97.7 billion yuan" stays positive
    assert all(x.value > 0 for x in extract_metrics(sentence) if x.kind == "level")


@pytest.mark.parametrize(
    ("sentence", "text", "subject"),
    [
        ("The trade volume between Ningbo and CEEC countries reached 3.3 billion US dollars.",
         "3.3 billion US dollars", "trade volume between ningbo and ceec countries"),
        ("Ningbo's total imports and exports amounted to 923.7 billion yuan.", "923.7 billion yuan",
         "imports and exports"),
        ("Demand for chips rose 5% in May.", "5%", "demand for chips"),
        ("The company, with 300 employees, earned 5 billion yuan.", "5 billion yuan", None),
        ("The added value of the secondary industry grew by 6.2% to 553.8 billion yuan.", "553.8 billion yuan",
         "added value of the secondary industry"),
        ("Ningbo's GDP (gross domestic product) reached 1.2 trillion yuan, up 6.8%.", "6.8%", "gdp"),
        # a count an adding verb reports is of new things (not the stock: its indicator differs)
        ("Ningbo added 1,110 national high-tech enterprises in 2019.", "1,110 national high-tech enterprises",
         "new national high-tech enterprises"),
        ("The city will add more than 500 high-tech enterprises.", "500 high-tech enterprises",
         "new high-tech enterprises"),
        ("The expo welcomed more than 3,000 exhibitors in total.", "3,000 exhibitors", "exhibitors"),
        ("Ningbo added 18 new champions.", "18 new champions", "new champions"),
    ],
)
def test_subjects(sentence: str, text: str, subject: str | None) -> None:
    assert by_text(extract_metrics(sentence), text).subject == subject


@pytest.mark.parametrize(
    ("sentence", "text", "subject"),
    [  # real sentences (tests/realgold tune_sites s017, s013, dev 008 and 027): the change is the figure's
        ("The added value of the first industry reaches 4.75 billion yuan, increased by 2.9% over the same "
         "period of last year.", "2.9%", "added value of the first industry"),
        ("The retail amount of 8 malls achieved 285 million Yuan, with an increase of 10.3%.", "10.3%",
         "retail amount of 8 malls"),
        ("The retail amount of consumption goods reached 10.2 billion Yuan with a rise of 13.6%.", "13.6%",
         "retail amount of consumption goods"),
        ("The number of patents granted has increased from 2,780 in 2002 to 37,342 in 2011, increased by 33.46% "
         "annually.", "33.46%", "patents granted"),
        # real sentences of tests/realgold/tune_other (t004, t101, t088)
        ("Trade with the EU stood at 52.91 billion yuan, edging down by 0.2 percent.", "0.2 percent",
         "trade with the eu"),
        ("The container terminal's throughput reached 550,000 TEUs, reflecting a 57 percent increase.",
         "57 percent", "throughput"),
        ("The industrial value added was 199.05 billion yuan, increasing by 10.4 percent.", "10.4 percent",
         "industrial value added"),
        # a clause with a subject of its own keeps it
        ("Exports reached 5 billion yuan, while imports increased by 3.2%.", "3.2%", "imports"),
    ],
)
def test_a_change_right_after_a_figure_takes_its_subject(sentence: str, text: str, subject: str) -> None:
    metric = by_text(extract_metrics(sentence), text)
    assert metric.subject == subject and metric.kind == "change"
    assert subject == "imports" or "subject.inherited" in metric.rules


def test_statistics_value_added_is_a_noun_phrase_not_a_verb() -> None:
    """"value added" (statistics' term, beside "added value") heads a subject; "added" elsewhere stays a verb."""
    assert by_text(extract_metrics("The industrial value added was 199.05 billion yuan."),
                   "199.05 billion yuan").subject == "industrial value added"
    assert by_text(extract_metrics("Ningbo added 1,110 national high-tech enterprises in 2019."),
                   "1,110 national high-tech enterprises").subject == "new national high-tech enterprises"


@pytest.mark.parametrize(
    ("sentence", "subjects"),
    [  # real sentences (tests/realgold dev 024, 006, 019; tune_sites s013; dev 041): a time, "net" or
        # "uptick" read as the noun phrase before a figure was its subject; each is the figure's before it
        ("In 2019, the added value of the service sector of Ningbo increased by 7.6% year on year, accounting "
         "for 49.1% of GDP, an increase of 1.0 percentage point over the previous year.",
         {"49.1%": "added value of the service sector", "1.0 percentage point": "added value of the service sector"}),
        # (and a figure said of "the 595 ..." keeps them in its subject; "exceeding" a threshold is the same thing)
        ("In 2017 the output value of the 595 large-scale auto enterprises stood at 235.59 billion yuan, exceeding "
         "200 billion yuan for the first time, up by 21.2% over the previous year, accounting for 14.8% of the total "
         "output value of the industries of Ningbo.",
         {"235.59 billion yuan": "output value of the 595 large-scale auto enterprises",
          "200 billion yuan": "output value of the 595 large-scale auto enterprises",
          "21.2%": "output value of the 595 large-scale auto enterprises",
          "14.8%": "output value of the 595 large-scale auto enterprises"}),
        ("The added value of the above-designated industry was 486.5 billion yuan, a net increase of over 80 "
         "billion, up 11.9% over the previous year.",
         {"80 billion": "added value of the above-designated industry",
          "11.9%": "added value of the above-designated industry"}),
        ("The retail amount of consumption goods reached 10.2 billion Yuan with a rise of 13.6% compared with the "
         "same period and an increase of 2.2% compared with last month.",
         {"13.6%": "retail amount of consumption goods", "2.2%": "retail amount of consumption goods"}),
        ("The number of valid invention patents in the city amounted to 45,237, an uptick of 24.2 percent.",
         {"24.2 percent": "valid invention patents"}),
        # the size class stays in the phrase ("above the designated size")
        ("The total industrial output value above the designated size of Ningbo reached 2.21 trillion yuan.",
         {"2.21 trillion yuan": "industrial output value above the designated size"}),
    ],
)
def test_what_a_figure_is_said_of_is_never_a_time_or_a_bare_modifier(sentence: str, subjects: dict[str, str]) -> None:
    metrics = extract_metrics(sentence)
    assert {text: by_text(metrics, text).subject for text in subjects} == subjects


def test_a_rank_is_not_said_of_a_number_or_an_adverb() -> None:
    # real sentences (tests/realgold dev 019, 040): the subject was "182" and "again"; since extractor .192 the
    # count before the rank is read (count.quoted_name), and the rank is said of what it counts
    rank = by_text(extract_metrics('There were also 127 new national-level special "little giant", with a total '
                                   "of 182, ranking third in the country."), "ranking third in the country")
    assert rank.unit == "rank" and rank.subject == "national-level special little giant"
    rank = by_text(extract_metrics("Ningbo in East China's Zhejiang province was again ranked first among 157 "
                                   "sub-provincial cities and prefecture-level cities."), "ranked first")
    assert rank.unit == "rank" and rank.subject is None


def test_bracketed_conversion_shares_the_year_and_subject() -> None:
    metrics = extract_metrics("Ningbo's exports amounted to 923.7 billion yuan ($133.6 billion) in 2019.")
    assert [(m.unit, m.period, m.subject) for m in metrics] == [("CNY", "2019", "exports"),
                                                                 ("USD", "2019", "exports")]


def test_subject_before_a_verb_qualifier() -> None:
    m = one("In 2019, the city's per capita GDP exceeded 20,000 US dollars for the first time.")
    assert fields(m) == (20000.0, "USD", "level", "per capita gdp", "2019", "at_least")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Exports of laptops and household appliances rose by 24.5% and 11.2% respectively.",
         [("24.5%", 24.5, "change"), ("11.2%", 11.2, "change")]),
        ("High-tech manufacturing rose by 4.6%, and strategic emerging industries by 6.2%.",
         [("4.6%", 4.6, "change"), ("6.2%", 6.2, "change")]),
        ("Imports fell by 3% and 5% in the two months.", [("3%", -3.0, "change"), ("5%", -5.0, "change")]),
        ("Catering revenue was still 18% below last year's level.", [("18%", -18.0, "change")]),
        ("The port cut fees, including a 20% cut in container yard fees.", [("20%", -20.0, "change")]),
        ("The jobless rate was 5.2%, and the vacancy rate 1.9%.", [("5.2%", 5.2, "level"), ("1.9%", 1.9, "level")]),
    ],
)
def test_lists_and_elided_changes(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(m.text, m.value, m.kind) for m in extract_metrics(sentence)] == expected


def test_percentage_points_are_changes() -> None:
    m = by_text(extract_metrics("The rate rose 0.37 percentage points to 4.15%."), "0.37 percentage points")
    assert (m.value, m.unit, m.kind) == (0.37, "percentage_points", "change")


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("The city has about 3% of the total.", "approx"),
        ("The city has nearly 300 companies.", "approx"),
        ("Around 90% of buyers are young.", "approx"),
        ("The port has more than 200 berths.", "at_least"),
        ("The fair drew over 90,000 visitors.", "at_least"),
        ("The city has at least 40 laboratories.", "at_least"),
        ("Loans of up to 2 million yuan are available.", "at_most"),
        ("Fewer than 30 companies applied.", "at_most"),
        ("The city has 300 companies.", None),
        ("Output is expected to exceed 10 billion yuan.", "at_least"),
    ],
)
def test_qualifiers(sentence: str, qualifier: str | None) -> None:
    assert one(sentence).qualifier == qualifier


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Exports increased by 9.8% year-on-year.", "change"),
        ("GDP grew 6.8% in 2019.", "change"),
        ("Sales were 12% higher than a year earlier.", "change"),
        ("Cranes raised efficiency by 20%.", "change"),
        ("R&D spending accounted for 2.9% of revenue.", "share"),
        ("Manufacturing attracted 58.3% of the foreign capital.", "share"),
        ("The unemployment rate was 1.9%.", "level"),
        ("Revenue increased by 5 billion yuan.", "change"),
        ("Revenue reached 5 billion yuan.", "level"),
    ],
)
def test_kinds(sentence: str, kind: str) -> None:
    assert one(sentence).kind == kind


# ---------------------------------------------------------------- periods
@pytest.mark.parametrize(
    ("sentence", "published", "period"),
    [
        ("In 2019, the city added 1,100 enterprises.", None, "2019"),
        ("By the end of 2018, there were 500 laboratories.", None, "2018"),
        ("The city had 500 laboratories in 2018.", None, "2018"),
        ("As of 1986, there were only 7 patents.", None, "1986"),
        ("From 2010 to 2019, the city cut taxes by 37.5 billion yuan.", None, "2010..2019"),
        ("Since 2010, taxes were cut by 37.5 billion yuan.", "2019-08-18", "2010..2019"),
        ("Since 2010, taxes were cut by 37.5 billion yuan.", None, None),
        ("From January to May, investment increased by 17.6%.", "2020-06-30", "2020-01..2020-05"),
        ("From January to November, exports increased by 5%.", "2021-01-10", "2020-01..2020-11"),
        ("From January to May, investment increased by 17.6%.", None, None),
        ("From January to May 2020, investment increased by 17.6%.", None, "2020-01..2020-05"),
        ("In the first half of 2020, GDP grew 0.7%.", None, "2020-01..2020-06"),
        ("GDP grew 2.3% in the first three quarters.", "2020-10-13", "2020-01..2020-09"),
        ("In the first quarter, GDP fell 4.6%.", "2020-04-21", "2020-01..2020-03"),
        ("The metro carried 207 million passengers in the first 11 months of 2019.", None,
         "2019-01..2019-11"),
        ("Last year, exports grew 6.1%.", "2020-01-15", "2019"),
        ("Exports grew 6.1%.", "2020-01-15", None),
        ("The company, founded in 1998, employs 3,000 people.", "2020-01-15", None),
    ],
)
def test_periods(sentence: str, published: str | None, period: str | None) -> None:
    assert one(sentence, published).period == period


def test_a_sentence_opening_cue_dates_the_paragraphs_next_sentences_that_name_no_time() -> None:
    """Real-page labels date "The GDP per capita stood at 143,000 yuan" by the "In 2019, ..." before
    it (dev 024); the carried period is marked as such, and stops where a sentence names a time."""
    metrics = extract_metrics("In 2019, the city added 1,100 enterprises. It also has 300 laboratories. "
                              "At present, 25 labs are national.\nIt has 40 parks.")
    assert [(m.period, m.rules[-1] if m.period else None) for m in metrics] == [
        ("2019", "period.cue"), ("2019", "period.carried"), (None, None), (None, None)]


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("Exports grew 6.1%. In 2019, the city added 1,100 enterprises.", 0),  # a cue carries forward only
        ("The city, founded in 1998, added 1,100 enterprises. It has 300 laboratories.", 1),  # an event's year
        ("Since 2015, the city has added 1,100 enterprises, 300 in 2019. It has 40 parks.", 2),  # two periods
        ("Since 2015, the city added 1,100 enterprises. It has 300 laboratories.", 1),  # a running total to date
        ("In 2019, the city added 1,100 enterprises. Ten years ago it had 300 laboratories.", 1),  # its own time
        ("In 2019, the city added 1,100 enterprises. It will build 300 laboratories.", 1),  # a target is not dated
    ],
)
def test_no_period_is_carried_where_the_reader_would_not_carry_it(text: str, index: int) -> None:
    metric = extract_metrics(text, "2020-01-15")[index]
    assert metric.period is None and "period.carried" not in metric.rules


def test_a_sentence_naming_only_a_time_dates_the_next_and_a_reports_day_does_not_stop_it() -> None:
    body = ("Ningbo's economy returned to growth in the first half of 2020. GDP reached 565.6 billion yuan, "
            "the statistics bureau said on July 20. In an evaluation published in August, the zone ranked 17th.")
    assert [m.period for m in extract_metrics(body, "2020-07-22")] == ["2020-01..2020-06", None]


def test_the_headlines_single_period_dates_body_sentences_that_name_no_time() -> None:
    body = "Output reached 2.21 trillion yuan, up 21.8% year on year.\nIn 2020, output was 1.8 trillion yuan."
    title = "Industrial output in 2021 exceeds 2 trillion yuan for the first time"
    metrics = extract_metrics(body, None, title)
    assert [(m.period, "period.title" in m.rules) for m in metrics] == [
        ("2021", True), ("2021", True), ("2020", False)]
    assert [m.period for m in extract_metrics(body, None, "Output in 2021 beats that in 2020")][:2] == [None, None]
    assert [m.period for m in extract_metrics(body, None, "Ningbo output exceeds 2 trillion yuan")][:2] == [None, None]
    # a deadline in the headline dates nothing in the body
    assert [m.period for m in extract_metrics(body, None, "Ningbo to build 8,000 5G base stations by 2021")][:2] \
        == [None, None]


def test_a_number_after_more_than_is_no_comparison_base_for_a_later_cue() -> None:
    """Dev 039: "soared 57 percent to more than 1.5 billion yuan ($223 million) in 2019": "than" there
    qualifies the amount, it does not make 2019 the change's comparison base ("more than in 2018" does)."""
    metrics = extract_metrics("R&D spending soared 57 percent to more than 1.5 billion yuan in 2019.", "2020-01-21")
    assert [(m.value, m.period) for m in metrics] == [(57.0, "2019"), (1.5e9, "2019")]
    base = extract_metrics("R&D spending was 30 percent more than in 2018.", "2020-01-21")
    assert [m.period for m in base] == [None]


@pytest.mark.parametrize(
    "opening",
    ["Statistics show that in 2012, ", "Statistics from the survey team show, in 2012, ", "Data showed in 2012 "],
)
def test_a_cue_after_a_reports_words_still_opens_the_sentence(opening: str) -> None:
    """Tune_sites s007: "Statistics show that in 2012, the per capita disposable income ... The per capital net
    income of the rural residents reaches 18,575 yuan": the cue opens what the statistics say, and dates the
    paragraph's next sentences that name no time."""
    metrics = extract_metrics(f"{opening}the disposable income was 37,902 yuan. The net income reaches 18,575 yuan.",
                              "2013-01-29")
    assert [(m.period, m.rules[-1]) for m in metrics] == [("2012", "period.cue"), ("2012", "period.carried")]
    not_opening = extract_metrics("The city says its income in 2012 was 37,902 yuan. The net income reaches "
                                  "18,575 yuan.", "2013-01-29")  # (a cue dating a figure carries too: below)
    assert [(m.period, m.rules[-1]) for m in not_opening] == [("2012", "period.cue"), ("2012", "period.carried")]


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # tune_sites s069: "... saw its cargo throughput exceed 1.25 billion tons in 2022, ranking top globally ...
        # The port's container throughput also hit 33.35 million TEUs, ranking third in the world" (labelled 2022)
        ("The port handled 1.25 billion tons in 2022. Its container throughput also hit 33.35 million TEUs.",
         ["2022", "2022"]),
        # dev 040: "A total of 55,069 patents were authorized in Ningbo in the first 10 months of 2021, up 8.91
        # percent year-on-year. The number of invention patents rose 55.02 percent ..." (labelled 2021-01..2021-10)
        ("A total of 55,069 patents were granted in the first 10 months of 2021. Invention patents rose 55.02 "
         "percent.", ["2021-01..2021-10", "2021-01..2021-10"]),
        # the carried period stops at a sentence naming its own time, and a "since" total carries nothing
        ("The port handled 1.25 billion tons in 2022. In 2010 it handled 0.4 billion tons.", ["2022", "2010"]),
        ("The port has handled 9 billion tons since 2010. It has 19 berths.", ["2010..2023", None]),
        # a figure's own period that is a target's ("will reach ... by 2025") is not carried
        ("The port will handle 1.5 billion tons by 2025. It has 19 berths.", ["2025", None]),
    ],
)
def test_the_period_a_cue_gives_a_sentences_figures_dates_the_paragraphs_next_sentences(
        text: str, periods: list[str | None]) -> None:
    """Real-page labels date the figures of a sentence that names no time by the period the previous sentence's
    own cue gave its figures, wherever in that sentence the cue stood (period.carried): tune_sites s067, s069,
    dev 040 (the carry from a sentence-opening cue alone missed them)."""
    assert [m.period for m in extract_metrics(text, "2023-02-06")] == periods


@pytest.mark.parametrize(
    ("body", "periods"),
    [
        # tune_sites s085: the year named a paragraph before
        ("Xiangshan saw a boom in its fish exports in 2018.\n\nThe county exported 2004.8 tons of live fish in the "
         "year, up 2.9 percent.", ["2018", "2018"]),
        # dev 002: "for the whole year", the last year named before it
        ("In 2017, the zone grew 9%. From January to November 2018, it added 91.06 billion yuan. The added value for "
         "the whole year will exceed 100 billion yuan.", ["2017", "2018-01..2018-11", "2018"]),
        # no year named before: nothing; "the year before", "the year of 2016" and "year-on-year" are not it
        ("The county exported 2004.8 tons of fish in the year.", [None]),
        ("Exports in 2018 rose 5%.\n\nImports fell 2% in the year before.", ["2018", None]),
        ("Exports in 2018 rose 5%.\n\nImports for the year-on-year period rose 7%.", ["2018", None]),
        ("Exports in 2018 rose 5%.\n\nImports rose 7% in the year.", ["2018", "2018"]),
        # tune_sites s099: "in the same year"
        ("In 2018, 500,000 companies were established.\n\n256,800 such companies were cancelled in the same year.",
         ["2018", "2018"]),
    ],
)
def test_in_the_year_names_the_year_the_body_named_before(body: str, periods: list[str | None]) -> None:
    """ "in the year", "during the whole year", "for the year" are a period cue of the year the body named last
    before them (THE_YEAR_RE; the labels date them so: tune_sites s085, dev 002)."""
    assert [m.period for m in extract_metrics(body, "2019-02-25")] == periods


def test_the_one_edition_the_opening_names_dates_the_body_sentences_that_name_no_time() -> None:
    """Dev 017, 032, tune_sites s000: "Yesterday afternoon, the 2020 Zhejiang Science and Technology Awards
    Conference was held. Ningbo won 50 ..." -- the awards, activities and ranks reported are that edition's."""
    body = ("Yesterday afternoon, the 2020 Zhejiang Science and Technology Awards Conference was held. Ningbo won "
            "50 awards, up 31.6% over last year.\nThere are 7 first prizes.\nIn 2019, it won 38 awards.")
    metrics = extract_metrics(body, None, "Ningbo's 50 achievements won provincial awards")
    assert [(m.value, m.period, m.rules[-1] if m.period else None) for m in metrics] == [
        (50.0, "2020", "period.edition"), (31.6, "2020", "period.edition"), (7.0, "2020", "period.edition"),
        (38.0, "2019", "period.cue")]
    # two editions named, or none (a year not between "the" and a name): nothing is assumed
    two = body.replace("Yesterday afternoon, the", "After the 2019 Zhejiang Awards Ceremony, the")
    assert [m.period for m in extract_metrics(two, None)][:3] == [None, None, None]
    plain = body.replace("the 2020 Zhejiang Science and Technology Awards Conference", "the awards conference of 2020")
    assert [m.period for m in extract_metrics(plain, None)][2] is None
    # the headline's own period comes first
    titled = extract_metrics(body, None, "Ningbo wins 50 awards in 2021")
    assert [(m.period, m.rules[-1]) for m in titled][:1] == [("2021", "period.title")]


# ---------------------------------------------------------------- not metrics
@pytest.mark.parametrize(
    "sentence",
    [
        "On August 4, 2018, the 20th IRO International Robot Olympics Competition kicked off.",
        "The event took place on 15 August 2019 in Cixi.",
        "The article was updated on 2019-08-18 at 10:30.",
        "Since the 18th National Congress of the Communist Party of China, links expanded.",
        "The office held the fourth press conference to celebrate the 70th anniversary.",
        "Since the founding of the People's Republic of China 70 years ago, the city grew.",
        "In the past 70 years, Ningbo has attached great importance to science.",
        "For enquiries, call the hotline 0574-55851111 or +86 574 8718 7000.",
        "The article id is 1016946 in the database.",
        "The city will build 5G networks and 4K studios.",
        "The plan covers 2019-2021 and the 2020-25 period.",
        "Construction of Yongjiang Laboratory 1. Construction of major projects continues.",
        "Metro Line 4 opens next year, and Line 5 Phase I follows.",
        "He was the No. 1 seed in the tournament.",
        "The 2019 World Intelligent Manufacturing Conference opened in Ningbo.",
        "She has worked here for 30 years and is 52 years old.",
        "The 8th plenary session of the 13th Municipal Party Committee was held.",
        "Two and a half years later, the company was listed.",
        "The office is at Room 1508, 268 Jiefang South Road.",
        "The contest is held 3 times a year.",
        "A COVID-19 test centre opened.",
        "The city issued 58 working days of guidance.",
        "The storm moved north at 15 mph.",  # (miles per hour: no unit of the record; "350 km/h" is one since .73)
        "Ningbo is on the list of China's 100 best cities for business.",
        "The PM2.5 density dropped to 29 micrograms per cubic meter.",
    ],
)
def test_not_metrics(sentence: str) -> None:
    assert extract_metrics(sentence) == []


def test_ordinals_and_dates_do_not_hide_real_metrics_nearby() -> None:
    metrics = extract_metrics(
        "On August 4, 2018, the 20th IRO competition drew 3,000 visitors, up 12% year-on-year."
    )
    assert [(m.text, m.unit) for m in metrics] == [("3,000 visitors", "count"), ("12%", "percent")]


# ---------------------------------------------------------------- robustness
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_gives_valid_records(text: str) -> None:
    for m in extract_metrics(text):
        assert text[m.char_start:m.char_end] == m.text
        assert m.unit in UNITS and m.kind in KINDS


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from([
            "In 2019,", "Ningbo", "exports", "rose", "by", "12.5%", "to", "3.2 billion yuan", "more than",
            "300", "companies", "ranking", "first", "in the province", ".", ",", "From January to May",
            "August 4, 2018", "the 20th", "5G", "12,524", "innovative start-ups", "accounted for", "\n\n",
        ]),
        max_size=40,
    )
)
def test_news_like_token_soup_gives_valid_records(tokens: list[str]) -> None:
    text = " ".join(tokens)
    for m in extract_metrics(text, "2019-08-18"):
        assert text[m.char_start:m.char_end] == m.text
        assert m.value >= 0
        assert m.period is None or m.period[:4].isdigit()


# ---------------------------------------------------------------- counts without a number-noun pair
@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The city has five new labs and two new national innovation platforms.", None,
         [("five new labs", 5.0, "new labs"), ("two new national innovation platforms", 2.0,
                                                "new national innovation platforms")]),
        ("Eight of them were listed on the STAR Market.", None, [("Eight", 8.0, None)]),
        ("The port now has 246 routes, 117 of them to Belt and Road ports.", None,
         [("246 routes", 246.0, "routes"), ("117", 117.0, None)]),
        ("The city plans to build 12,000 5G base stations by the end of 2020 and 20,000 by 2022.", None,
         [("12,000 5G base stations", 12000.0, "5g base stations"), ("20,000", 20000.0, "5g base stations")]),
        ("It has 1,860 public charging piles, and plans to add 3,000 more this year.", "2020-09-14",  # added: new ones
         [("1,860 public charging piles", 1860.0, "public charging piles"),
          ("3,000", 3000.0, "new public charging piles")]),
        ("The number of high-tech enterprises grew by 36.2% to 2,856.", None,
         [("36.2%", 36.2, "number of high-tech enterprises"), ("2,856", 2856.0, "high-tech enterprises")]),
        ("Online sellers in the city now number 62,000.", None, [("62,000", 62000.0, "online sellers")]),
        ("Ningbo has helped 1,512 manufacturers complete digital transformation.", None,
         [("1,512 manufacturers", 1512.0, "manufacturers")]),
        ("The new area attracted 25 Fortune Global 500 companies.", None,
         [("25 Fortune Global 500 companies", 25.0, "fortune global 500 companies")]),
        ("Container throughput reached 28.72 million TEUs.", None,
         [("28.72 million TEUs", 28720000.0, "container throughput")]),
    ],
)
def test_elided_and_spelled_out_counts(sentence: str, published: str | None,
                                        expected: list[tuple[str, float, str | None]]) -> None:
    metrics = extract_metrics(sentence, published)
    assert [(m.text, m.value, m.subject) for m in metrics] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The three operators signed the deal.",  # a reference, not a figure
        "The city's three chip design firms are listed.",
        "The laboratory will be built in two phases.",
        "The layout follows \u201cthree nos to three haves\u201d.",
        "Two Academies and One Park opened.",
        "Ningbo had 28 invention patents per capita.",  # a rate with no counted base
        "Each worker made 150 units per shift.",
        "Ningbo moved up four places in the ranking.",
        "It is about 1 hour's drive from Shanghai.",
        "Exports reached 4.5 billion last year.",  # money without its unit is not a count
    ],
)
def test_not_counts(sentence: str) -> None:
    assert [m for m in extract_metrics(sentence) if m.unit == "count"] == []


@pytest.mark.parametrize(
    ("sentence", "text", "value", "subject"),
    [  # the real pages' labels count these (tests/realgold/dev 039, 040); the base stays in the subject,
       # so the catalog maps them to a per-10,000 indicator, never to the stock
        ("There are now more than 210 invention patents per 10,000 people in the district.",
         "210 invention patents per 10,000 people", 210.0, "invention patents per 10,000 people"),
        ("There are 39.4 invention patents for every 10,000 residents.",
         "39.4 invention patents for every 10,000 residents", 39.4, "invention patents for every 10,000 residents"),
        ("The district has 35 doctors for each 1,000 people.", "35 doctors for each 1,000 people", 35.0,
         "doctors for each 1,000 people"),
        ("Robot density reached 150 units per 10,000 workers.", "150 units per 10,000 workers", 150.0,
         "units per 10,000 workers"),
    ],
)
def test_counts_per_a_counted_base_keep_the_base_in_the_subject(sentence: str, text: str, value: float,
                                                               subject: str) -> None:
    m = by_text(extract_metrics(sentence), text)
    assert (m.value, m.unit, m.kind, m.subject) == (value, "count", "level", subject)


# ---------------------------------------------------------------- ranks, units, kinds
@pytest.mark.parametrize(
    ("sentence", "text", "value", "qualifier", "subject"),
    [
        ("Ningbo University entered the top 500 of the ranking.", "top 500", 500.0, "at_most", None),
        ("Cixi is one of China's top 10 robot industry clusters.", "top 10", 10.0, "at_most", None),
        ("In engineering, it ranked 289th and No. 2 among universities in Zhejiang.", "No. 2", 2.0, None, None),
        ("Ningbo became the country's third-largest import city.", "third-largest", 3.0, None, None),
        ("Local firm Weiyi ranked No. 3 nationwide in sales of collaborative robots.", "ranked No. 3", 3.0, None,
         "sales of collaborative robots"),
        ("The city ranks first in Zhejiang in the number of green factories, with 24.", "ranks first in Zhejiang",
         1.0, None, "number of green factories"),
        ("Its container throughput of 26.35 million TEUs ranked third in the world.", "ranked third in the world",
         3.0, None, "container throughput"),
    ],
)
def test_more_ranks(sentence: str, text: str, value: float, qualifier: str | None, subject: str | None) -> None:
    m = by_text(extract_metrics(sentence), text)
    assert (m.value, m.unit, m.kind, m.qualifier, m.subject) == (value, "rank", "rank", qualifier, subject)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "subject"),
    [
        ("Ninghai's 3,000-mu digital rice farm produced rice.", "3,000-mu", 3000.0, "mu", "digital rice farm"),
        ("A 200,000-square-meter solar farm opened.", "200,000-square-meter", 200000.0, "m2", "solar farm"),
        ("The port handled 1.172 billion tonnes of cargo.", "1.172 billion tonnes", 1.172e9, "tonnes", "cargo"),
        ("Banks issued 31.5 billion yuan in new loans at lower rates.", "31.5 billion yuan", 31.5e9, "CNY",
         "new loans"),
        ("The industry attracted US$1.5 billion of foreign investment.", "US$1.5 billion", 1.5e9, "USD",
         "foreign investment"),
        ("A single ride costs up to 8 yuan.", "8 yuan", 8.0, "CNY", "single ride"),
    ],
)
def test_units_and_their_subjects(sentence: str, text: str, value: float, unit: str, subject: str) -> None:
    m = by_text(extract_metrics(sentence), text)
    assert (m.value, m.unit, m.subject) == (value, unit, subject)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "kind", "subject"),
    [
        ("Exports dropped by 8.5%, while imports slipped 1.6%.", "1.6%", -1.6, "change", "imports"),
        ("The LED lights use 60% less electricity than old lamps.", "60%", -60.0, "change", "led lights"),
        ("Life expectancy was 0.4 years longer than in 2019.", "0.4 years", 0.4, "change", "life expectancy"),
        ("International students make up 7% of the total.", "7%", 7.0, "share", "international students"),
        ("The output of cars rose 45.6%, integrated circuits 38.1% and robots 27.4%.", "38.1%", 38.1, "change",
         "integrated circuits"),
        ("The share of citizens with scientific literacy reached 13.6%.", "13.6%", 13.6, "share",
         "share of citizens with scientific literacy"),
        ("Efficiency at these companies rose by an average of 28.4%.", "28.4%", 28.4, "change", "efficiency"),
        ("Private investment, however, was still down 1.8%.", "1.8%", -1.8, "change", "private investment"),
        ("Trade with countries along the Belt and Road rose 2.4%.", "2.4%", 2.4, "change",
         "trade with countries along the belt and road"),
        ("Retail imports through the bonded zone, the main channel, totaled 7.9 billion yuan.", "7.9 billion yuan",
         7.9e9, "level", "retail imports through the bonded zone"),
        ("The new area, which covers 235 square kilometers, has grown.", "235 square kilometers", 235.0, "level",
         "new area"),
    ],
)
def test_kinds_signs_and_subjects(sentence: str, text: str, value: float, kind: str, subject: str) -> None:
    m = by_text(extract_metrics(sentence), text)
    assert (m.value, m.kind, m.subject) == (value, kind, subject)


def test_qualifier_words_with_a_noun_before_them() -> None:
    metrics = extract_metrics("Firms with annual revenue above 1 billion yuan get a maximum of 10 million yuan.")
    assert [(m.text, m.qualifier, m.subject) for m in metrics] == [
        ("1 billion yuan", "at_least", "annual revenue"), ("10 million yuan", "at_most", None)]
    # a verb right before the qualifier is not a subject
    assert one("The coating could save them up to 30% in costs.").subject is None


# ---------------------------------------------------------------- periods: months, later cues, bases
@pytest.mark.parametrize(
    ("sentence", "published", "text", "period"),
    [
        ("In March alone, exports grew 4.1%.", "2020-04-21", "4.1%", "2020-03"),
        ("As of March 11, 98.6% of firms had resumed production.", "2020-03-12", "98.6%", "2020-03"),
        ("As of the end of September, the patents amounted to 45,237.", "2022-11-03", "45,237", "2022-09"),  # dev 041
        ("The jobless rate stood at 2.8% at the end of September.", "2020-10-23", "2.8%", "2020-09"),
        ("Shoppers bought 860,000 boxes of supplements in April.", "2020-05-19",
         "860,000 boxes of supplements", "2020-04"),
        ("The port handled 1.172 billion tonnes of cargo in 2020.", "2021-01-12", "1.172 billion tonnes", "2020"),
        ("The city's R&D investment rose to 3.04% of GDP last year.", "2020-12-30", "3.04%", "2019"),
        ("Over 3,000 exhibitors came, 30% more than at the expo in 2018.", "2019-06-17", "30%", None),
        ("Catering revenue was still 18% below last year's level.", "2020-06-02", "18%", None),
        ("Output rose to 2.2 million a day, 11 times the output at the end of January.", "2020-02-18",
         "11 times", None),
        ("The city has 3,103 high-tech enterprises, and five new labs were approved last year.", "2020-01-16",
         "3,103 high-tech enterprises", None),
        ("In a ranking published in November, Ningbo came 14th.", "2019-12-03", "came 14th", None),
        ("When Line 4 opens in 2020, the network will cover 154.3 km.", "2019-12-20", "154.3 km", "2020"),
        ("Construction will start in 2020, with a total investment of 45.6 billion yuan.", "2019-10-09",
         "45.6 billion yuan", None),
    ],
)
def test_more_periods(sentence: str, published: str, text: str, period: str | None) -> None:
    assert by_text(extract_metrics(sentence, published), text).period == period


# A range of days (extractor 2026.12.05.3): tune_sites s047,
# www.ningbo.gov.cn/art/2022/6/22/art_1229172794_59428674.html
# (published 2022-06-22), whose labels give "2022-06-01..2022-06-19" and "2022-06-10..2022-06-19"; before, these
# figures had no period at all.
@pytest.mark.parametrize(
    ("sentence", "published", "text", "period"),
    [
        ("According to the statistics from Ningbo Municipal Postal Administration, from June 1 to June 19, the city’s "
         "express delivery business handled 148 million pieces, a year-on-year increase of 3%.", "2022-06-22",
         "148 million pieces", "2022-06-01..2022-06-19"),
        ("And from June 10 to June 19, the city’s express delivery volume reached 37.5 million pieces.", "2022-06-22",
         "37.5 million pieces", "2022-06-10..2022-06-19"),
        ("Between May 1 and 5, 2019, the scenic spots received 1.2 million visitors.", "2020-01-10",
         "1.2 million visitors", "2019-05-01..2019-05-05"),
        ("From February 28 to March 2, retail sales rose 5%.", "2021-03-10", "5%", "2021-02-28..2021-03-02"),
        # the year as a month range's: the latest such days not after the publication month
        ("From December 20 to December 31, sales rose 5%.", "2021-01-05", "5%", "2020-12-20..2020-12-31"),
        # no such days, or no range: no day period ("as of March 11" stays its month, test_more_periods)
        ("From February 28 to February 30, retail sales rose 5%.", "2021-03-10", "5%", None),
        ("From June 19 to June 1, retail sales rose 5%.", "2021-07-10", "5%", None),
    ],
)
def test_day_range_periods(sentence: str, published: str, text: str, period: str | None) -> None:
    assert by_text(extract_metrics(sentence, published), text).period == period


@pytest.mark.parametrize(
    ("sentence", "text", "fields_"),
    [
        ("The average deal was worth about 4.5 million yuan.", "4.5 million yuan",
         (4500000.0, "CNY", "level", "average deal", None, "approx")),
        ("From 2010 to 2018, turnover grew at an average annual rate of 31 percent.", "31 percent",
         (31.0, "percent", "change", "turnover", "2010..2018", None)),
        ("Fifteen Ningbo companies are on the list.", "Fifteen Ningbo companies",
         (15.0, "count", "level", "ningbo companies", None, None)),
        ("The lab has 24 academicians and leading scientists, the lab said.", "24 academicians and leading scientists",
         (24.0, "count", "level", "academicians and leading scientists", None, None)),
        ("Their share of the city's equipment industry rose to 8.7%.", "8.7%",
         (8.7, "percent", "share", "share of equipment industry", None, None)),
    ],
)
def test_worth_rates_and_spelled_names(sentence: str, text: str, fields_: tuple) -> None:
    assert fields(by_text(extract_metrics(sentence), text)) == fields_


# ---------------------------------------------------------------- real-page phrasings (tests/realgold/dev)
@pytest.mark.parametrize(("sentence", "expected"), [
    # glued currency prefix (dev 004, 018)
    ("With a total investment of RMB110 million, the park opened.", [("RMB110 million", 110000000.0, "CNY")]),
    ("It had an output value of RMB157.54 billion.", [("RMB157.54 billion", 157540000000.0, "CNY")]),
    # fractions and ratios in words are shares in percent (dev 012, 014, 016, 042, 043)
    ("At the moment, 9 out of 10 patent applications come from enterprises.", [("9 out of 10", 90.0, "percent")]),
    ("The park has 30 institutes, one third of which cooperate with enterprises.",
     [("30 institutes", 30.0, "count"), ("one third", 33.33, "percent")]),
    ("It is accounting for one third of the national market and more than half of national exports.",
     [("one third", 33.33, "percent"), ("half", 50.0, "percent")]),
    ("The number of participating entities increased nearly 1/3 compared to the last year.",
     [("1/3", 33.33, "percent")]),
    # respectively lists give the first number the noun of the second (dev 012)
    ("The area saw 4,158 and 3,249 items applied and granted respectively.",
     [("4,158", 4158.0, "count"), ("3,249 items", 3249.0, "count")]),
    # "Of the N X, M ..." counts X (dev 024)
    ("Of the 35 industrial categories, 29 maintained positive growth.",
     [("35 industrial categories", 35.0, "count"), ("29", 29.0, "count")]),
    # counts opening their clause before "saw", after "the remaining" (tune_sites s192, session 28)
    ("On the selected 21 trade lanes from Ningbo, three saw their freight rate indices rise and the remaining 18 saw "
     "theirs fall.", [("21 trade lanes", 21.0, "count"), ("three", 3.0, "count"), ("18", 18.0, "count")]),
    # ordinal ranks without a ranking verb (dev 041, 042)
    ("The ranking placed Ningbo fifteenth nationwide in terms of innovation capability.",
     [("fifteenth nationwide", 15.0, "rank")]),
    ("That put the city at fourth place nationwide.", [("fourth place nationwide", 4.0, "rank")]),
    # compound spelled numbers, m^2 (dev 032)
    ("The week has been held for twenty-one consecutive editions.",
     [("twenty-one consecutive editions", 21.0, "count")]),
    ("The central exhibition covers 4,000m^2.", [("4,000m^2", 4000.0, "m2")]),
    # counts of one, ranges, "such", and an elided count after it (dev 011, 017, 021)
    ("It has 7 first prizes, including 1 provincial natural science first prize.",
     [("7 first prizes", 7.0, "count"), ("1 provincial natural science first prize", 1.0, "count")]),
    ("Zhejiang will strive to create 2-3 national manufacturing innovation centers.",
     [("2-3 national manufacturing innovation centers", 2.0, "count")]),
    ("There are 55 such stations in private enterprises, and 14 in other companies.",
     [("55 such stations", 55.0, "count"), ("14", 14.0, "count")]),
    ("It is about 1 hour's drive from Shanghai, at 1 Huizhan Road, opening on 1 July.", []),
    # a named count of one closing a list of counts of its plural (dev 017, session 28: count.one_listed); a name
    # after a list of other things stays a name
    ("Ningbo won 50 achievements, including 6 Provincial Natural Science Awards, 41 Provincial Science and Technology "
     "Progress Awards, and 1 Provincial International Science and Technology Cooperation Award.",
     [("50 achievements", 50.0, "count"), ("6 Provincial Natural Science Awards", 6.0, "count"),
      ("41 Provincial Science and Technology Progress Awards", 41.0, "count"),
      ("1 Provincial International Science and Technology Cooperation Award", 1.0, "count")]),
    ("It opened 3 Metro Lines, and 1 Huizhan Road.", [("3 Metro Lines", 3.0, "count")]),
    # a subheading announces what the text reports; "first three quarters" is a period (dev 032, 041)
    ("Over 300 Exciting Events", []),
    ("In the first three quarters of this year, the output rose by 5.2%.", [("5.2%", 5.2, "percent")]),
    # not metrics: a list's name, size classes, a scheme's name, rank moves, dates and 24/7 (dev 003, 005, 022, 043)
    ("At present, Fenghua ranks 73rd in the Top 100 National Comprehensive Strength Districts.",
     [("ranks 73rd", 73.0, "rank")]),
    ("The city has 500 billion-level industrial clusters.", []),
    ('The city announced the "3315 Talent Introduction Plan" on August 23.', []),
    # (a move in a ranking is no count: a change of rank since session 28, dev 043's label, rank_move)
    ("Its overall ranking rose 4 rankings compared to the last year.", [("4 rankings", 4.0, "rank")]),
    ("In the first half of 2019 the office was open 24/7, and on 1/3/2020 it closed.", []),
    # a total after a count counts the same thing; "amounts to N" after a plural; "Name (N)" after a count
    # (dev 019, 021, 042)
    ("Ningbo had 18 new national-level manufacturing champions, and the total number reached 63.",
     [("18 new national-level manufacturing champions", 18.0, "count"), ("63", 63.0, "count")]),
    ("The approved academician working stations amounts to 16.", [("16", 16.0, "count")]),
    ("Beijing topped the list with 92 enterprises, followed by Chongqing (67) and Shanghai (63).",
     [("92 enterprises", 92.0, "count"), ("67", 67.0, "count"), ("63", 63.0, "count")]),
    ("The Zhejiang Science Center (2019) and the Ningbo Museum (3) opened.", []),
    # tune_sites: "Yuan" capitalised; bare "points" comparing or changing a rate, alone or in a pair;
    # a multiple in words after a change word (s002, s006, s007, s008, s009)
    ("Profits totalled 39.13 billion Yuan.", [("39.13 billion Yuan", 39.13e9, "CNY")]),
    ("GDP grew, with the growth rate 3.4 points lower than last year.", [("3.4", 3.4, "percentage_points")]),
    ("The CPI rose by 1.7%, dropping by 3.6 points.", [("1.7%", 1.7, "percent"), ("3.6", -3.6, "percentage_points")]),
    ("It was 0.9 and 0.5 points lower than the averages.",
     [("0.9", 0.9, "percentage_points"), ("0.5", 0.5, "percentage_points")]),
    ("Sales rose, an increase of 3.8 and 0.3 percentage points compared to June.",
     [("3.8", 3.8, "percentage_points"), ("0.3 percentage points", 0.3, "percentage_points")]),
    ("Trade rose to $100 billion, an increase of nearly ten times.",
     [("$100 billion", 100e9, "USD"), ("ten times", 10.0, "times")]),
    ("The team scored 90 points and won three times.", [("90 points", 90.0, "count")]),
    # tune_sites fourth pass: ordinal lists before "places" and after a ranking verb, "got the first place", a
    # multiple before a comparison, a scaled count after a place name; a span of time and a list's announcement
    # are no counts (s027, s031, s033, s035, s036)
    ("Jiangsu and Guangdong followed in second and third places respectively.",
     [("second", 2.0, "rank"), ("third", 3.0, "rank")]),
    ("Beijing, Hangzhou and Chengdu followed in second, third and fourth places.",
     [("second", 2.0, "rank"), ("third", 3.0, "rank"), ("fourth", 4.0, "rank")]),
    ("Taiwan and Thailand ranked second and third.", [("ranked second", 2.0, "rank"), ("third", 3.0, "rank")]),
    ("Zhejiang Province got the first place.", [("first place", 1.0, "rank")]),
    ("The second and third phases were built.", []),
    ("This recorded sales was nearly four times of that in 2010.", [("four times", 4.0, "times")]),
    ("She has visited three times a year.", []),
    ("The festival brought into Ningbo 9.2 million tourists.", [("9.2 million tourists", 9.2e6, "count")]),
    ("It opened Line 4 stations.", []),
    ("In the past three quarters, the city received 40 million tourists.",
     [("40 million tourists", 40e6, "count")]),
    ("It has five categories, namely food, toys and apparel.", []),
    # a count that is its clause's subject, its noun said before it (dev 042, 044; tune_sites s024, s029)
    ("To be specific, 42 were listed in foreign countries and 13 were in China.",
     [("42", 42.0, "count"), ("13", 13.0, "count")]),
    ("Among the top twenty towns, four are from Ningbo.", [("four", 4.0, "count")]),
    ("Seven are engaged in key basic components.", [("Seven", 7.0, "count")]),
    ("Of all the tourists, 487,200 came from other countries.", [("487,200", 487200.0, "count")]),
    ("The first sections of lines 4 and 5 are under construction.", []),
    # tune_sites fifth pass (s038-s048): a bare number said of a population or a passenger flow counts people;
    # "men"/"women" are plurals; the second of "ranking No.1 and No.2"; an age or a rate's base is no count; a
    # spelled number after a superlative picks members out (s038, s039, s040, s042)
    ("At the end of 2022, the city's permanent population was 9.618 million, up 0.8%.",
     [("9.618 million", 9.618e6, "count"), ("0.8%", 0.8, "percent")]),
    ("On the first day, the total passenger flow reached 615,000.", [("615,000", 615000.0, "count")]),
    ("At the end of 2022, 5.046 million men were in the city.", [("5.046 million men", 5.046e6, "count")]),
    ("Women accounted for 4,572,000, or 47.5 per cent of the total.",
     [("4,572,000", 4572000.0, "count"), ("47.5 per cent", 47.5, "percent")]),
    ("Hangzhou and Ningbo grew fastest, ranking No.1 and No.2 in all the cities.",
     [("ranking No.1", 1.0, "rank"), ("No.2", 2.0, "rank")]),
    ("People between the ages of 15 to 59 account for 69.63 percent.", [("69.63 percent", 69.63, "percent")]),
    ("The number of graduates out of 100,000 residents rose.", []),
    ("The busiest three stations of each line are in the centre.", []),
    # tune_sites sixth pass (s049-s058): percentage points in a word and with "more" between; "2 points more than";
    # "ten times faster"; a count in words with a scale; "N aged X" and "the population aged 0-14 was N" count
    # people; "seven of the eight categories"; "college or university graduates"; "N being graduates"; "there
    # are N with ..."; "N (or 99%) of them"; "three characteristics" and "passenger traffic"
    ("The city's elderly share is 22 percent, four percentage points higher than the proportion of urban elderly.",
     [("22 percent", 22.0, "percent"), ("four percentage points", 4.0, "percentage_points")]),
    ("It took up 31.46% of the total workforce with 1.67 more percentage points than the year before.",
     [("31.46%", 31.46, "percent"), ("1.67 more percentage points", 1.67, "percentage_points")]),
    ("There are 334 2nd grade provincial kindergartens, accounting for 28% of the total, 2 points more than in 2011.",
     [("334 2nd grade provincial kindergartens", 334.0, "count"), ("28%", 28.0, "percent"),
      ("2", 2.0, "percentage_points")]),
    ("The elderly population grew at over 4% annually, nearly ten times faster than the total population growth.",
     [("4%", 4.0, "percent"), ("ten times", 10.0, "times")]),
    ("Ningbo has an aging population with over one million people aged over 60 for the first time.",
     [("one million people", 1e6, "count")]),
    ("The figure includes 491,000 residents aged 70 or above, 181,000 aged 80 or above, 18,000 aged 90 or above, "
     "and 181 aged 100 years old.", [("491,000 residents", 491000.0, "count"), ("181,000", 181000.0, "count"),
                                     ("18,000", 18000.0, "count"), ("181", 181.0, "count")]),
    ("At the end of 2022, the population aged 0-14 was 1.151 million.", [("1.151 million", 1151000.0, "count")]),
    ("What's noticeably true is that seniors aged over 80 have reached 150,000, represented 14.6% of seniors.",
     [("150,000", 150000.0, "count"), ("14.6%", 14.6, "percent")]),
    ("In terms of the categories, seven of the eight categories witnessed price rise.", [("seven", 7.0, "count")]),
    ("High-tech enterprises account for 59 of the 81 listed companies, or 72.8%.",
     [("59", 59.0, "count"), ("81 listed companies", 81.0, "count"), ("72.8%", 72.8, "percent")]),
    ("By the end of April, Ningbo had received 12,561 college or university graduates.",
     [("12,561 college or university graduates", 12561.0, "count")]),
    ("The proportion has increased, with 8447 being graduates from outside Ningbo.",
     [("8447 being graduates", 8447.0, "count")]),
    ("Among all the graduates received by the city, there are 1050 with a master's degree.",
     [("1050", 1050.0, "count")]),
    ("Last year, 48,300 college students came to Ningbo. 47,900 (or 99%) of them had been employed in Ningbo.",
     [("48,300 college students", 48300.0, "count"), ("47,900", 47900.0, "count"), ("99%", 99.0, "percent")]),
    ("Statistics reveal three characteristics show up in the city as the aging population continued to grow.", []),
    ("Yinzhou Wanda's daily passenger traffic registered about 80,000, up more than 160% from last year.",
     [("80,000", 80000.0, "count"), ("160%", 160.0, "percent")]),
    # the base of a rate is no area ("per 100 mu", s043); "three lists of ..." announces lists, no count (s041)
    ("The average yield per 100 mu was determined to be 984.16 kilograms.", [("984.16 kilograms", 0.98416, "tonnes")]),
    ("The city will establish three lists of high-consumption enterprises and idle land.", []),
])
def test_real_page_phrasings(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    got = [(m.text, m.value, m.unit) for m in extract_metrics(sentence, "2020-06-01")]
    assert got == expected
    for m in extract_metrics(sentence, "2020-06-01"):
        if m.unit == "percent" and m.text in {"9 out of 10", "one third", "half"}:
            assert m.kind == "share"


def test_a_total_counts_the_whole_not_the_new_ones() -> None:
    sentence = "Ningbo had 18 new national-level manufacturing champions, and the total number reached 63."
    total = extract_metrics(sentence, "2020-06-01")[-1]
    assert (total.value, total.subject) == (63.0, "national-level manufacturing champions")
    assert "match.elided_count" in total.rules


# ---------------------------------------------------------------- vocabularies are data
def test_every_qualifier_word_of_the_table_gives_its_qualifier() -> None:
    from transforms.metrics.qualifiers import _qualifier
    from transforms.metrics.vocab import QUALIFIER_WORDS

    for name, words in QUALIFIER_WORDS.items():
        for word in words:
            assert _qualifier(f"Exports of the city {word} ")[0] == name, word


def test_every_currency_mark_of_the_tables_reads_as_money() -> None:
    from transforms.metrics.vocab import CURRENCIES, CURRENCY_PREFIXES, CURRENCY_SUFFIXES

    for mark in CURRENCY_PREFIXES:
        [m] = extract_metrics(f"Sales reached {mark}5 million.", "2020-06-01")
        assert (m.unit, m.value) == (CURRENCIES[mark.lower()], 5e6), mark
    for word in CURRENCY_SUFFIXES:
        [m] = extract_metrics(f"Sales reached 5 million {word}.", "2020-06-01")
        assert (m.unit, m.value) == (CURRENCIES[word.lower()], 5e6), word


def test_change_and_link_verbs_of_the_tables() -> None:
    from transforms.metrics.vocab import DECREASE_VERB_FORMS

    for verb in ("fell", "slipped", "contracted", "dropped"):
        assert verb in DECREASE_VERB_FORMS
        [m] = extract_metrics(f"Exports {verb} 4.6% year-on-year.", "2020-06-01")
        assert (m.kind, m.value, m.subject) == ("change", -4.6, "exports"), verb
    [m] = extract_metrics("Exports edged down 0.4%.", "2020-06-01")
    assert (m.kind, m.value, m.subject) == ("change", -0.4, "exports")


# ---------------------------------------------------------------- parts of a total, "respectively" pairs
def test_parts_counted_by_what_they_are_on_and_their_changes_paired_respectively() -> None:
    """Real page dev 047: a total, its parts ("were on", "were associated with", "were related to"),
    then one change per part, in order, closed by "respectively" or "separately"."""
    sentence = ("In the first half of 2011, patent applications reached 24,365, up 116.3% year-on-year, in which, "
                "1,684 were on invention patents, 8,206 were associated with utility models, 14,475 were related "
                "to designs, increasing by 25.2%, 65.2% and 192.3% respectively; a total of 13,745 applications "
                "were granted, including 780 invention patents, 5,655 utility models and 7,310 design patents, "
                "growing by 85.7%, 20.5% and 8.1% separately.")
    got = [(m.value, m.unit, m.kind, m.subject) for m in extract_metrics(sentence)]
    assert got[2:8] == [
        (1684.0, "count", "level", "invention patents"), (8206.0, "count", "level", "utility models"),
        (14475.0, "count", "level", "designs"), (25.2, "percent", "change", "invention patents"),
        (65.2, "percent", "change", "utility models"), (192.3, "percent", "change", "designs"),
    ]
    assert [m.subject for m in extract_metrics(sentence)][-3:] == ["invention patents", "utility models",
                                                                   "design patents"]
    assert "subject.respectively" in by_text(extract_metrics(sentence), "65.2%").rules


def test_changes_paired_respectively_with_levels_of_several_units() -> None:
    """Real page tune_sites s150 (metrics13): a count and an amount of money, then their two changes in order."""
    sentence = ("During the holiday, Ningbo received 7.1662 million visits, with a tourism income of 5.489 billion "
                "yuan, up by 1.72% and 3.45% respectively over the same period of last year.")
    got = [(m.value, m.unit, m.kind, m.subject) for m in extract_metrics(sentence)]
    assert got == [(7166200.0, "count", "level", "visits"), (5489000000.0, "CNY", "level", "tourism income"),
                   (1.72, "percent", "change", "visits"), (3.45, "percent", "change", "tourism income")]
    assert "subject.respectively" in by_text(extract_metrics(sentence), "1.72%").rules
    # not a share among the quantities before the list: the changes keep their own subjects
    shared = "Exports reached 10 billion yuan, accounting for 30% of the total, up by 5% and 6% respectively."
    assert all("subject.respectively" not in m.rules for m in extract_metrics(shared))


def test_a_list_of_changes_without_respectively_keeps_its_own_subjects() -> None:
    sentence = "Ningbo had 780 invention patents and 5,655 utility models, and exports grew by 8.5% and 4.1%."
    assert {m.subject for m in extract_metrics(sentence) if m.unit == "percent"} == {"exports"}
    # the firms are counted, not the face masks (a count whose noun came before it: count.clause_subject)
    counts = [m for m in extract_metrics("Of the firms, 1,120 are making face masks.") if m.unit == "count"]
    assert [(m.value, m.subject, "count.clause_subject" in m.rules) for m in counts] == [(1120.0, None, True)]


def test_a_change_of_the_number_named_before_is_a_signed_count_change() -> None:
    """Real page dev 019: "the number of D-grade enterprises ... decreased by 1,328 compared with ..."."""
    sentence = ("By accelerating rectification and upgrading, the number of D-grade enterprises with an average "
                "tax per mu of less than 10,000 yuan decreased by 1,328 compared with the previous year.")
    m = by_text(extract_metrics(sentence), "1,328")
    assert (m.value, m.unit, m.kind, m.subject) == (-1328.0, "count", "change", "d-grade enterprises")
    m = by_text(extract_metrics("The number of high-tech enterprises increased by 356 to 2,856."), "356")
    assert (m.value, m.kind, m.subject) == (356.0, "change", "high-tech enterprises")


def test_a_count_the_definite_article_refers_back_to_is_not_a_second_fact() -> None:
    """Real page dev 042: "A total of 50 enterprises ... made the list" then "The 50 companies from
    Ningbo are primarily involved in ...": one fact. A first "the N X" is still a fact."""
    body = ("A total of 50 enterprises in Ningbo made the list.\n\nThe 50 companies from Ningbo are primarily "
            "involved in auto parts. The 30 firms in Cixi grew.")
    assert [(m.value, m.text) for m in extract_metrics(body)] == [(50.0, "50 enterprises"), (30.0, "30 firms")]
    assert [m.value for m in extract_metrics("The city had 12 labs. Another 12 labs opened.")] == [12.0, 12.0]


def test_teu_written_as_its_own_plural_is_a_count() -> None:
    """Real page tune_sites s010: "the latter 7.8 million TEU", "The Zhapu line has completed 270,000 TEU"
    (count.invariant_unit); TEU as a modifier sizes a ship and counts nothing."""
    sentence = ("The former stood at 222 million tons and the latter 7.8 million TEU, up by 6.1% and 10.1% "
                "respectively, both hitting a historic high.")
    m = by_text(extract_metrics(sentence), "7.8 million TEU")
    assert (m.value, m.unit, m.kind) == (7_800_000.0, "count", "level") and "count.invariant_unit" in m.rules
    m = by_text(extract_metrics("The Zhapu line has completed 270,000 TEU, up by 80%."), "270,000 TEU")
    assert (m.value, m.unit) == (270_000.0, "count")
    assert [m for m in extract_metrics("The port berthed a 24,000 TEU vessel.") if m.unit == "count"] == []


def test_the_number_of_x_in_the_present_tense_and_a_count_per_month() -> None:
    """Real page tune_sites s010: "The number of cargo flights reaches 1479 monthly": "reaches" links the
    number to "the number of X" like "reached", and a four-digit number followed by "monthly" is no year
    (count.per_period)."""
    sentence = "The number of cargo flights reaches 1479 monthly, up by 19.7%, 1633 flights at most."
    m = by_text(extract_metrics(sentence), "1479")
    assert (m.value, m.unit, m.subject) == (1479.0, "count", "cargo flights") and "count.per_period" in m.rules
    assert [m for m in extract_metrics("The museum opened in 1998 and welcomed visitors.")] == []


def test_a_precise_figure_said_again_in_its_paragraph_is_one_fact() -> None:
    """Real page tune_sites s016 says the auto industry's 46.21 billion yuan and its drop of 15.3
    percentage points twice, sentence after sentence: one fact each. Imprecise values ("up 7.1%"
    twice) can be two facts and stay."""
    body = ("By improving the service chain, the output value of the automobile industry in the first half of "
            "the year has reached 46.21 billion yuan, with a drop of 15.3 percentage points compared with the "
            "first quarter. In the first half of the year, the output value of the auto industry in the new area "
            "reached 46.21 billion yuan, a significant reduction of 15.3 percentage points from the first quarter.")
    assert [(m.value, m.unit) for m in extract_metrics(body)] == [(46_210_000_000.0, "CNY"),
                                                                  (-15.3, "percentage_points")]
    body = "Output grew by 7.1% year on year. Sales increased by 7.1% over the previous year."
    assert [m.value for m in extract_metrics(body)] == [7.1, 7.1]
    body = "Sales reached 46.21 billion yuan.\n\nIn the next report, sales reached 46.21 billion yuan."
    assert len(extract_metrics(body)) == 2  # another paragraph: not dropped


def test_third_tune_sites_pass_shapes() -> None:
    """Real pages of the third tune_sites pass (s024, s025, s019): a rank with "the" before its ordinal;
    "for 38 times" counts occasions (a multiple without "for" stays one); a currency word after a prefixed
    amount names its currency; a plural that may be a verb ("plans") is counted before "that"; "twice the"
    is a multiple of 2 ("visited twice" is none)."""
    m = by_text(extract_metrics("Ningbo has 55 listed companies and ranked the second (after Shenzhen) among "
                                "the municipalities."), "ranked the second")
    assert (m.value, m.unit, m.kind) == (2.0, "rank", "rank")
    m = by_text(extract_metrics("It amounted to $3.27 billion, ranking the second place in the province."),
                "ranking the second")
    assert (m.value, m.kind) == (2.0, "rank")
    m = by_text(extract_metrics("Over the years, 23 companies raised funds for 38 times."), "38 times")
    assert (m.value, m.unit, m.kind) == (38.0, "count", "level") and "match.times_occasions" in m.rules
    m = by_text(extract_metrics("Exports grew 3 times to 5 billion yuan."), "3 times")
    assert (m.value, m.unit) == (3.0, "times")
    m = by_text(extract_metrics("The country's actual utilization of foreign capital was ¥173.48 billion US "
                                "dollars, up 20.2% year on year."), "¥173.48 billion US dollars")
    assert (m.value, m.unit) == (173_480_000_000.0, "USD")
    assert by_text(extract_metrics("It invested RMB 5 billion yuan."), "RMB 5 billion yuan").unit == "CNY"
    m = by_text(extract_metrics("Cixi finished the review, including 113 initiative projects, 81 plans that "
                                "have been implemented and 2 projects."), "81 plans")
    assert (m.value, m.unit, m.subject) == (81.0, "count", "plans")
    m = by_text(extract_metrics("Ningbo's growth rate is more than twice the average speed of the province."),
                "twice")
    assert (m.value, m.unit, m.qualifier) == (2.0, "times", "at_least")
    assert extract_metrics("He visited Ningbo twice in 2019.") == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # tune_other t265: the comparison's name between the percentage and its change noun
        ("Shanghai port reported a 25% month on month reduction in April.", -25.0),
        # tune_sites s126
        ("Net interest income was 116.52 billion CNY, showing a 1.3% quarter-on-quarter increase.", 1.3),
        # dev 040: "a 30 percent year-on-year decrease" (was +30)
        ("The average processing time was 71 days, a 30 percent year-on-year decrease.", -30.0),
        # tune_sites s097: "gain" is a change noun
        ("The bank posted a 40 percent gain in 2008 profit.", 40.0),
        # tune_sites s315 (China Daily), labelled a growth of 121 percent: read as a level (the rate's period between)
        ("A complete oil and gas industrial chain has now taken shape in Zhoushan, where 7,000 oil and gas companies "
         "are currently operating and trade in oil products saw a 121 percent yearly increase over the past three "
         "years.", 121.0),
        ("Exports saw a 5 percent average annual decline.", -5.0),
    ],
)
def test_a_change_noun_after_a_percentage_past_the_comparisons_name(sentence: str, value: float) -> None:
    """CHANGE_AFTER_RE / DECREASE_AFTER_RE: "a 25% month on month reduction", "a 1.3% quarter-on-quarter increase",
    "a 40 percent gain" are changes (the decrease signed), not levels."""
    found = [m for m in extract_metrics(sentence) if m.unit == "percent"]
    assert [(m.value, m.kind) for m in found] == [(value, "change")]


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # tune_sites s011
        ("Of which the growth rate of industrial investment in June alone reached 31.9%.", ["change"]),
        # tune_other t079: and the list after it
        ("Annual growth rate is 17.8% and 19.8% for passenger traffic and cargo traffic.", ["change", "change"]),
        # tune_other t156
        ("Beds are expected to reach 27000, with the growth rate reaching 41.2%.", ["level", "change"]),
        # a rate that is not a growth rate stays a level
        ("The unemployment rate was 2%.", ["level"]),
    ],
)
def test_a_growth_rate_said_to_be_the_figure_is_a_change(sentence: str, kinds: list[str]) -> None:
    """kind.growth_rate_is: "the growth rate of X reached 31.9%" is a change, not a level."""
    assert [m.kind for m in extract_metrics(sentence)] == kinds


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # tune_other t004, tune_sites s123: a plural change noun before "of"
        ("Trade with the US and ASEAN rose, marking increases of 15.4 percent and 11.6 percent.", [15.4, 11.6]),
        ("Tourists and revenue grew, representing increases of 6.3 percent and 5.9 percent respectively.", [6.3, 5.9]),
        ("Exports and imports saw declines of 3% and 4% respectively.", [-3.0, -4.0]),
    ],
)
def test_plural_change_nouns_make_the_figures_after_them_changes(sentence: str, values: list[float]) -> None:
    """CHANGE_NOUNS / DECREASE_NOUNS hold the plurals: "increases of 15.4 percent and 11.6 percent" are changes."""
    found = [m for m in extract_metrics(sentence) if m.unit == "percent"]
    assert [(m.value, m.kind) for m in found] == [(value, "change") for value in values]


def test_a_middle_dot_between_digits_is_a_decimal_point() -> None:
    """tune_other t110, t304 (a British rail journal's typesetting): "totalling 91·4 km", "an 11·4 km elevated
    section" are 91.4 and 11.4 km (read as "4 km" before); each figure's text stays the body's own."""
    body = "The network has three lines totalling 91·4 km. It includes an 11·4 km elevated section."
    found = [m for m in extract_metrics(body) if m.unit == "km"]
    assert [(m.value, m.text) for m in found] == [(91.4, "91·4 km"), (11.4, "11·4 km")]
    assert all(body[m.char_start:m.char_end] == m.text for m in found)


def test_the_low_end_of_a_span_of_time_counts_nothing() -> None:
    """tune_other t292: "delays of 2 to 4 days", "delays of 12 to 24 hours" are spans of time (no unit of ours), not
    2 and 12 "delays" (match.elided_count read the plural noun before them)."""
    body = ("Hapag-Lloyd warned that delays of 2 to 4 days were expected at Shanghai, while delays of 12 to 24 hours "
            "were reported in Busan. Some 1,041 and 533 patents were applied and granted respectively.")
    assert [(m.value, m.unit) for m in extract_metrics(body)] == [(1041.0, "count"), (533.0, "count")]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Its exports are worth $140m, the bureau said.", [(140e6, "USD", "$140m")]),  # tune_sites s066
        ("It raised US$1.2M last year.", [(1.2e6, "USD", "US$1.2M")]),
        ("It raised US$1.2mn last year.", [(1.2e6, "USD", "US$1.2mn")]),
        ("It cost $140million.", [(140e6, "USD", "$140million")]),
        ("The fee is $5 min.", [(5.0, "USD", "$5")]),  # a spaced "m(in)" is no million
    ],
)
def test_a_prefixed_amount_with_a_glued_m_is_millions(sentence: str, found: list[tuple[float, str, str]]) -> None:
    """money.glued_m: "worth $140m" is 140 million US dollars (the amount matched nothing before)."""
    assert [(m.value, m.unit, m.text) for m in extract_metrics(sentence)] == found


def test_a_change_of_the_count_before_it_and_an_amount_after_a_money_noun() -> None:
    """Real pages tune_sites s025 and s018: "564 foreign-funded enterprises were established, an increase
    of 78 over the previous year" (a signed change of that count); "(at an investment of 137.3 million)"
    with no currency in its sentence is yuan (a population of millions is no money)."""
    body = ("Last year, 564 foreign-funded enterprises were established in Ningbo, an increase of 78 over the "
            "previous year. The city has 120 high-tech parks, a decrease of 5 from 2019.")
    m = by_text(extract_metrics(body), "78")
    assert (m.value, m.unit, m.kind, m.subject) == (78.0, "count", "change", "foreign-funded enterprises")
    assert "count.change_of_count" in m.rules
    assert by_text(extract_metrics(body), "5").value == -5.0
    assert [m.text for m in extract_metrics("There were 300 companies, an increase of 2018.")] == ["300 companies"]
    m = by_text(extract_metrics("Intentions for 83 sci-tech projects (at an investment of 137.3 million) were "
                                "reached."), "137.3 million")
    assert (m.value, m.unit) == (137_300_000.0, "CNY") and "money.currency_omitted" in m.rules
    # no money, a count of people (the fifth tune_sites pass: count.headcount_noun)
    assert [(m.value, m.unit) for m in extract_metrics("The city has a population of 9.4 million.")] == \
        [(9.4e6, "count")]
    # a currency named later in the sentence: not known to be yuan, left out
    assert [m.text for m in extract_metrics("It received funds of 20 million, and loans of 5 million dollars.")] \
        == ["5 million dollars"]


@pytest.mark.parametrize("sentence", [
    "In the firſt half of 2020, exports rose 5%.", "Ningbo ranked fıfth in the province.",
    "Exports reached 5 mıllıon tons.", "The city ranked ſecond nationwide.", "ſeven out of ten companies grew.",
    "In the firſt ſix months of 2020, exports rose 5%.", "an increase of nearly ſix times",
    "From January to ſeptember, exports rose 5%.", "The Hangzhou Bay New Area, the zone's output rose 5%.",
    "The city moved up ſix places to 9th.",  # (rank_move: its number words looked up by vocab_key)
])
def test_a_word_matched_through_ignorecase_letters_is_looked_up_not_lost(sentence: str) -> None:
    """IGNORECASE matches "ſ" (long s), "ı"/"İ" (dotless/dotted i) and the Kelvin sign as s, i and k:
    a matched vocabulary word with one of them was looked up by .lower() in its table, raised KeyError,
    and the transform rejected the page. Now it reads as its ASCII spelling."""
    ascii_sentence = sentence.translate(str.maketrans({"ſ": "s", "ı": "i"}))
    assert [(m.value, m.unit, m.period) for m in extract_metrics(sentence, "2020-09-01")] == \
        [(m.value, m.unit, m.period) for m in extract_metrics(ascii_sentence, "2020-09-01")]
    assert parse_date("ſep 3, 2020") == parse_date("3 ſeptember 2020") == "2020-09-03"


def test_a_change_said_again_of_the_same_subject_is_one_fact() -> None:
    """Real page tune_sites s050: "the food prices decreased by 2.2%" in the first paragraph and "The food prices
    decreased by 2.2%, including a 29.4% drop for vegetables" in the third are one fact; a change that takes its
    subject from a new figure before it (s017: "... amounts to 269.38 billion yuan, increased by 7.1%") is not."""
    body = ("Ningbo's CPI in March increased by 1.3%. To be specific, the food prices decreased by 2.2%.\n\n"
            "The food prices decreased by 2.2%, including a 29.4% drop for vegetables.")
    assert [m.text for m in extract_metrics(body)] == ["1.3%", "2.2%", "29.4%"]
    body = ("The added value of large industrial enterprises amounts to 50.54 billion yuan, increased by 7.1%.\n\n"
            "The added value of large industrial enterprises amounts to 269.38 billion yuan, increased by 7.1%.")
    assert [m.text for m in extract_metrics(body)] == ["50.54 billion yuan", "7.1%", "269.38 billion yuan", "7.1%"]
    # another period: another fact
    body = "In 2019, exports rose 5%.\n\nIn 2020, exports rose 5%."
    assert len(extract_metrics(body)) == 2


def test_a_heading_line_restating_a_figure_is_no_second_fact() -> None:
    """Real page tune_sites s044: the line "40 new first stores were opened in Ningbo in the first half of the year"
    heads the paragraph after the one that said "with 40 new first stores added in the city": one fact. A line a
    hard wrap broke off a sentence (lowercase first) is no heading (tune_other t127: "three rivers")."""
    body = ("Ningbo's first-store economy delivered, with 40 new first stores added in the city in the first half of "
            "the year.\n\n40 new first stores were opened in Ningbo in the first half of the year\n\n"
            "According to statistics, 189 new stores were monitored.")
    assert [m.text for m in extract_metrics(body)] == ["40 new first stores", "189 new stores"]
    body = "It has three counties of Kuaiji Shire.\n\nthree counties joined\n\nand walls were built."
    assert len(extract_metrics(body)) == 2


def test_periods_past_an_age_bound_and_a_comparison_base() -> None:
    """Real pages tune_sites s057, s056, s051 (sixth pass): "aged 60 or above by the end of 2013" is no comparison
    ("or above" bounds the age); "over that of the last year" is the base of a change, not the sentence's time, so
    the paragraph's "This year" dates it; a sentence whose only time is a comparison base ("2 points more than in
    2011") takes the period its paragraph carries."""
    m = extract_metrics("Ningbo had 1,187,000 residents aged 60 or above by the end of 2013, accounting for 20.5 "
                        "percent of the total population.")
    assert [(x.text, x.period) for x in m] == [("1,187,000 residents", "2013"), ("20.5 percent", "2013")]
    m = extract_metrics("This year, graduate employment has made great progress in three aspects. Among all the "
                        "graduates, there are 1050 with a master's degree, an increase of 297 people over that of the "
                        "last year, up by 37%.", "2017-05-17")
    assert [(x.text, x.period) for x in m] == [("1050", "2017"), ("297 people", "2017"), ("37%", "2017")]
    m = extract_metrics("In 2012, the enrollment rate of provincial kindergartens reaches 85%. There are 334 2nd grade "
                        "provincial kindergartens, accounting for 28% of the total, 2 points more than in 2011.")
    assert [x.period for x in m] == ["2012"] * 4 and "period.carried" in m[1].rules
    # "Since the beginning of this year" stays a time
    assert extract_metrics("Since the beginning of this year, the port has handled more than 270 container ships.",
                           "2022-06-01")[0].period == "2022"


def test_taking_up_and_a_bracketed_or_give_shares() -> None:
    """Real pages tune_sites s058, s054 (sixth pass): "taking up 31.46% of the total workforce" is a share (its "up"
    is no change word); "286 million (or 45%)" gives the share in brackets."""
    m = extract_metrics("The number of workers increased by 12.42%, taking up 31.46% of the total workforce.")
    assert [(x.text, x.kind) for x in m] == [("12.42%", "change"), ("31.46%", "share")]
    m = extract_metrics("Last year, 48,300 college students came to Ningbo. 47,900 (or 99%) of them found jobs.")
    assert [(x.text, x.kind) for x in m][-1] == ("99%", "share")


def test_a_scaled_amount_without_currency_takes_the_currency_of_its_sentence() -> None:
    """Real page tune_sites s015: "with the contractual amount reaching 1.88 billion USD, up 41% ..., with
    the actual utilized amount reaching 1.16 bln, up 26%" (money.currency_elided); only after a linking
    word, never in "increased from 20 million to 32 million"."""
    sentence = ("Ningbo has newly approved 148 foreign investments during the first five months, with the "
                "contractual amount reaching 1.88 billion USD, up 41% over the same period last year, with the "
                "actual utilized amount reaching 1.16 bln, up 26%.")
    m = by_text(extract_metrics(sentence), "1.16 bln")
    assert (m.value, m.unit, m.kind) == (1_160_000_000.0, "USD", "level") and "money.currency_elided" in m.rules
    sentence = ("The company increased the total investment from 48.55 mln USD to 84.55 mln USD, with the "
                "registered capital increased from 20 million to 32 million.")
    assert [m.value for m in extract_metrics(sentence)] == [48_550_000.0, 84_550_000.0]
    assert "USD" not in {m.unit for m in extract_metrics("The city has 5 million residents and 2 million.")}


# ------------------------------------------------------------------ gates of the describing stage
# A gate skips a pattern's scan when the sentence lacks what every match of it holds: wherever the
# pattern matches, its gate must pass (texts drawn from the words the patterns look for, with the
# characters IGNORECASE treats specially).
GATE_WORDS = ("since", "Since", "SINCE", "ſince", "in", "In", "by the end of", "from", "to", "between", "and", "-",
              "2019", "2020", "1998", "20190", "12019", "last", "this", "This", "laſt", "thıs", "THİS", "year", "Year",
              "YEAR", "first", "FIRST", "three", "months", "monthſ", "MONTHS", "of", "the", "January", "May", "half",
              "5", ",", ";", "(", ")", "founded", "Set", "up", "took", "place", "OPENED", "launched", "ſtarted")
GATE_SEPARATORS = (" ", " ", "  ", "\t", "\n", "", ", ")
gate_text_strategy = joined_words(GATE_WORDS, GATE_SEPARATORS, max_size=25)


@settings(max_examples=500, deadline=None)
@given(gate_text_strategy)
def test_the_period_cue_gates_pass_wherever_their_patterns_match(text: str) -> None:
    from transforms.context import gate_text
    from transforms.metrics import periods

    years = len(periods.YEAR_DIGITS_RE.findall(text))
    folded = gate_text(text)
    if periods.YEAR_RANGE_RE.search(text):
        assert years >= 2, text
    if periods.SINCE_RE.search(text):
        assert years and "ince" in text, text
    if periods.IN_YEAR_RE.search(text):
        assert years, text
    if periods.RELATIVE_YEAR_RE.search(text):
        assert "year" in text.lower() and periods.RELATIVE_YEAR_GATE_RE.search(folded), text
    if periods.FIRST_MONTHS_RE.search(text):
        assert "months" in folded, text
    if periods.EVENT_BEFORE_YEAR_RE.search(text):
        assert any(word in folded for word in periods.EVENT_GATE_WORDS), text


def test_every_event_passes_the_event_gate() -> None:
    from transforms.context import gate_text
    from transforms.metrics import periods

    for event in periods.EVENT_WORDS:
        for written in (event, event.upper(), event.title(), event.replace(" ", "\n "), event.replace("s", "\u017f")):
            text = f"The park was {written} in 2019"
            cut = text.index(" in 2019")
            assert periods.EVENT_BEFORE_YEAR_RE.search(text, 0, cut), written
            assert any(word in gate_text(text) for word in periods.EVENT_GATE_WORDS), written


BY_WORDS = ("raised", "cut", "reduced", "efficiency", "the number of drivers needed", "by", "BY", "bY", "by5", "nearby",
            "rose", "increasing", "costs", "5%", "(", ",", "ſ", "\u212a", "x_", "’", "&", "-", "é", ".")
by_text_strategy = joined_words(BY_WORDS, GATE_SEPARATORS + ("\u2003",), max_size=12)


@settings(max_examples=500, deadline=None)
@given(by_text_strategy)
def test_verb_object_by_is_the_plain_search(text: str) -> None:
    from transforms.metrics.qualifiers import VERB_OBJECT_BY_RE, verb_object_by

    found, plain = verb_object_by(text), VERB_OBJECT_BY_RE.search(text)
    assert (found and found.span()) == (plain and plain.span()), text


QUOTED_WORDS = ("enterprises", "“", "”", '"', "‘", "’", "high-tech", "firm’s", "5G", "1,200", "(", ",", "and", "x")


@settings(max_examples=300, deadline=None)
@given(joined_words(QUOTED_WORDS, (" ", "", "  "), max_size=40), st.integers(0, 10))
def test_the_words_after_a_number_are_the_quote_filtered_tokens(text: str, pos: int) -> None:
    from itertools import islice

    from transforms.metrics import subjects

    plain = list(islice((t for t in subjects.WORD_RE.finditer(text, pos, min(len(text), pos + 200))
                         if t.group() not in subjects.QUOTES), subjects.NP_AFTER_TOKENS))
    assert subjects._words_after(text, pos) == [(t.group(), t.start()) for t in plain], (text, pos)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(("Ningbo", "SMEs", "TEUs", "R&D", "enterprises", "city's", "hour’s", "GDP", "Belt",
                                 "bus", "class", "iPhones", "data", "USA", "Ningbo-Zhoushan")), max_size=8))
def test_the_cached_word_tests_answer_as_computed(words: list[str]) -> None:
    from transforms.metrics.subjects import _is_name, _is_plural, _word_is_name

    for word in words + words + [chr(code) + "ing" for code in range(1, 384)]:  # the second time from the cache
        assert _is_name(word) == _word_is_name.__wrapped__(word), word  # (its first-character test too)
        assert _is_plural(word) == _is_plural.__wrapped__(word), word


# ------------------------------------------------------------------ tune_sites seventh pass (other sources)
def test_the_top_n_of_a_plural_noun_names_a_list_not_a_rank() -> None:
    """Real pages tune_sites s063, s065 (China Daily county profiles): "ranked 71st among the top 100 districts",
    "listed among the top 100 counties across the nation": the list of the top N of a plural noun, not a rank of
    the subject; "ranked among the top 10 nationwide" stays a rank of at most 10 (rank_top_n)."""
    m = extract_metrics("In October 2019, the district ranked 71st among the top 100 districts in China.")
    assert [(x.text, x.value, x.unit) for x in m] == [("ranked 71st", 71.0, "rank")]
    assert extract_metrics("It was also listed among the top 50 towns across the nation in terms of tourism.") == []
    m = one("Ningbo has ranked among the top 10 nationwide for four years in a row.")
    assert (m.value, m.unit, m.qualifier) == (10.0, "rank", "at_most")


def test_secured_the_nth_spot_and_came_in_nth_are_ranks() -> None:
    """Real pages tune_sites s073, s076: "Ningbo secured the seventh spot among cities ...", "securing the 7th spot
    among 36 jurisdictions", "came in seventh on the 2022 list" (rank_scoped, rank_verb)."""
    assert fields(one("The city secured the seventh spot among the sub-provincial cities.")
                  )[:3] == (7.0, "rank", "rank")
    m = extract_metrics("The province has 512 fund managers, securing the 5th spot among 31 jurisdictions.")
    assert [x.value for x in m if x.unit == "rank"] == [5.0]
    assert fields(one("Hangzhou came in third on the list of the top industrial hubs."))[:2] == (3.0, "rank")


def test_a_count_announcing_its_list_is_the_texts_structure() -> None:
    """Real pages tune_sites s073, s072, s061, s070: "in five key areas: market environment, ...", "three exhibition
    areas: A, B and C", "five traditional industries, knitting, molding, auto parts, aquatic products and power
    transmission", "Yin, Mao and Gouzhang, three areas under the Kuaiji Shire": a count followed by a colon and its
    list, or in apposition to a list of exactly as many items, announces the list (count.list_apposition); "divided
    into three sections: ..." is a fact about the divided thing (dev 032), and a count before "including" is kept."""
    assert extract_metrics("The report assessed the cities in four key areas: market, law, finance and policy.") == []
    assert extract_metrics("It boasts four traditional industries, knitting, molding, auto parts and fishing.") == []
    assert extract_metrics("It encompassed Yin, Mao and Gouzhang, three areas under the old shire.") == []
    assert one("The hall is divided into three sections: science, culture and history.").value == 3.0
    m = one("The college offers programs across nine major disciplines, including Economics, Law and Art.")
    assert (m.value, m.subject) == (9.0, "major disciplines")
    # a count whose list has another size is a fact
    assert one("It boasts four traditional industries, knitting and molding.").value == 4.0


def test_an_amount_said_with_a_scale_after_each_part_is_one_amount() -> None:
    """Real page tune_sites s068 (machine-translated): "estimated at RMB 7 billion 200 million yuan", "has 1 million
    500 thousand garments every 24 hours": the parts are one number, as Chinese numbers are said
    (number.compound_scale); "7 billion yuan and 200 million yuan" stay two."""
    m = one("The maximum investment is estimated at RMB 3 billion 500 million yuan.")
    assert (m.text, m.value, m.unit) == ("RMB 3 billion 500 million yuan", 3_500_000_000.0, "CNY")
    assert "number.compound_scale" in m.rules
    m = one("The factory turns out 2 million 300 thousand garments a year.")
    assert (m.text, m.value, m.unit) == ("2 million 300 thousand garments", 2_300_000.0, "count")
    assert [x.value for x in extract_metrics("Exports were 7 billion yuan and imports 200 million yuan.")] == \
        [7e9, 2e8]


def test_a_fact_box_line_gives_its_label_and_year_and_the_body_restates_it() -> None:
    """Real pages tune_sites s062, s063, s065 (China Daily county profiles): "GDP: 56.3 billion yuan (2020)" and
    "Permanent residents: 549,000 (2019)" are a fact box's lines: the label is the subject (subject.fact_line_label),
    the bracketed year the period (period.fact_line_year), a bare number after a plural label a count
    (match.count_fact_line); the body's "rose 1.6 percent year-on-year to 56.3 billion yuan in 2020" then restates
    the line's figure (one fact)."""
    body = ("GDP: 64.21 billion yuan (2020)\n\nPermanent residents: 538,000 (2019)\n\nArea: 1,277 square kilometers\n\n"
            "The county's GDP rose 2.6 percent year-on-year to 64.21 billion yuan in 2020.")
    m = extract_metrics(body)
    assert [(x.text, x.unit, x.subject, x.period) for x in m] == [
        ("64.21 billion yuan", "CNY", "gdp", "2020"), ("538,000", "count", "permanent residents", "2019"),
        ("1,277 square kilometers", "km2", "area", None), ("2.6 percent", "percent", "gdp", "2020")]
    assert "match.count_fact_line" in m[1].rules and "period.fact_line_year" in m[1].rules
    # without the fact box, the body's figure stands
    assert [x.text for x in extract_metrics(body.split("\n\n")[-1])] == ["2.6 percent", "64.21 billion yuan"]
    # a label of no counted noun gives no count
    assert extract_metrics("Updated: 2020\n\nTel: 87654321") == []


def test_a_headcount_before_including_is_a_count() -> None:
    """Real pages tune_sites s059, s060: "a total student population of 6,000 including 146 post-graduate
    students", "has a population of 540,000 including resident population of 230,000" (ELIDED_FOLLOW_RE)."""
    m = extract_metrics("The campus now has a total student population of 7,000 including 150 post-graduate students.")
    assert [(x.text, x.value, x.unit) for x in m] == [("7,000", 7000.0, "count"),
                                                      ("150 post-graduate students", 150.0, "count")]


def test_a_plural_yuans_is_yuan() -> None:
    """Real page tune_sites s094 (a translated report): "the exported moulds took up RMB\\n1.5 billion Yuans": the
    plural some translations write is the currency (vocab CURRENCY_SUFFIXES), not a count of "Yuans"."""
    m = one("The city's exported machines took up 2.4 billion Yuans last year.")
    assert (m.text, m.value, m.unit) == ("2.4 billion Yuans", 2.4e9, "CNY")
    m = one("Total sales reached RMB 16.2 billion yuans.")
    assert (m.value, m.unit) == (16.2e9, "CNY")


def test_the_first_of_two_percentages_sharing_one_percent_sign() -> None:
    """Real page tune_sites s095: "Its deposits and loans grew respectively 19.9 and 29.9 percent": the first number
    shares the second's percent sign (match.percent_pair); not a year ("in 2019 and 5 percent") nor a range's low
    end ("between 3 and 5 percent")."""
    m = extract_metrics("Its exports and imports rose respectively 12.5 and 8.25 percent last year.")
    assert [(x.text, x.value, x.unit, x.kind) for x in m] == [("12.5", 12.5, "percent", "change"),
                                                              ("8.25 percent", 8.25, "percent", "change")]
    assert "match.percent_pair" in m[0].rules
    assert [x.value for x in extract_metrics("Prices rose 3.1 and 2.8% in the two months.")] == [3.1, 2.8]
    assert [x.value for x in extract_metrics("Growth was between 3 and 5 percent.")] == [5.0]
    assert [x.value for x in extract_metrics("The rate was 4 percent in 2019 and 5 percent in 2020.")] == [4.0, 5.0]


def test_a_number_beside_chinese_script_is_the_translation() -> None:
    """Real page tune_sites s083 (a bilingual report): the English "an increase of approximately 19.4%" and then its
    Chinese "較去年同期增加約 19.4% 或約人民幣": a number with CJK script beside it is the Chinese text's (cjk.beside);
    a Chinese name elsewhere in an English sentence does not stop its figures."""
    body = ("Revenue was approximately RMB5,120.4 million, an increase of approximately 21.3% on last year. "
            "收入約人民幣 5,120,400,000 元,較去年同期增加約 21.3% 或約人民幣 899,000,000 元。")
    assert [x.text for x in extract_metrics(body)] == ["RMB5,120.4 million", "21.3%"]
    m = one("Ningbo City (宁波市) exported goods worth 12.3 billion yuan.")
    assert m.value == 12.3e9
    # kana count as well as ideographs (the class is textutil's CJK_RE and KANA_RE, the language gate's ranges)
    assert [x.text for x in extract_metrics("Sales grew 6.4% this year. 売上は の 6.4% でした。")] == ["6.4%"]


def test_a_life_expectancy_far_before_its_years_in_the_sentence() -> None:
    """Real page tune_sites s092: "The life expectancy of registered residents in Ningbo, East China's Zhejiang
    province stood at 82.4 years in 2021": the lifespan words 90 characters before the number still make "82.4
    years" a metric (YEARS_CONTEXT_WINDOW 120, was 60)."""
    m = one("The average life expectancy of the permanent residents of Yinzhou district in East China's Zhejiang "
            "province reached 81.9 years last year.")
    assert (m.text, m.value, m.unit) == ("81.9 years", 81.9, "years")


# ---------------------------------------------------------------- the subject pass (subjects1)
def test_a_respectively_list_of_changes_takes_the_noun_phrases_of_its_subject_list_in_order() -> None:
    """tune_sites s009/s013/dev 020 shape: "A, B, C, and D grew by a, b, c, and d respectively" gives each change
    its own phrase (was the last phrase for all, and "and" for the last: subject.respectively_list), and "the X of
    A and B" gives "X of A", "X of B"."""
    got = extract_metrics("Sectors such as new energy vehicles, industrial robots, smart appliances, and "
                          "medical devices rose by 9.1%, 7.4%, 5.5%, and 3.2% respectively.")
    assert [m.subject for m in got] == ["new energy vehicles", "industrial robots", "smart appliances",
                                        "medical devices"]
    assert all("subject.respectively_list" in m.rules for m in got)
    got = extract_metrics("In the first quarter, the sales volume of bicycles and electric scooters rose by "
                          "14% and 9% respectively.")
    assert [m.subject for m in got] == ["sales volume of bicycles", "sales volume of electric scooters"]


def test_a_respectively_list_shares_its_last_head_noun_and_pairs_from_and_to_values() -> None:
    """tune_sites s063 / dev 025 shape: "the city's primary, secondary, and tertiary industries reached a, b, and c
    respectively, growing x, y, and z" (the modifiers share "industries"; the changes right after take the same
    list), and "the X of A and the Y of B rose from a and b to c and d respectively" (two phrases, four values)."""
    got = extract_metrics("The output of the district's primary, secondary, and tertiary industries reached 1.2 "
                          "billion yuan, 20.5 billion yuan, and 18.3 billion yuan respectively, growing 1.5 percent, "
                          "3.4 percent, and 5.6 percent.")
    assert [m.subject for m in got] == ["output of primary industries", "output of secondary industries",
                                        "output of tertiary industries"] * 2
    got = extract_metrics("The revenue of the software sector and the profit of the chip sector have increased "
                          "from 12.4 billion yuan and 3.7 billion yuan in 2016 to 45.1 billion yuan and 9.4 billion "
                          "yuan respectively in 2023.")
    assert [m.subject for m in got] == ["revenue of the software sector", "profit of the chip sector"] * 2
    got = extract_metrics("Its savings and credits grew respectively 11.9 and 21.9 percent.")
    assert [m.subject for m in got] == ["savings", "credits"]


def test_a_list_that_does_not_fit_its_values_keeps_the_subjects_it_had() -> None:
    """Five phrases for four values (a heading noun phrase before the list): no pairing is guessed."""
    got = extract_metrics("The remaining four groups, fuel, rent and utilities, clothing, and tools for farm use, "
                          "rose by 2.3%, 2.0%, 1.1% and 0.5% respectively.")
    assert not any("subject.respectively_list" in m.rules for m in got)


def test_a_clause_with_its_verb_left_out_has_its_own_subject() -> None:
    """tune_sites s008/s015 shape: "the X is a, the Y b and the Z c, down by x, y and z respectively": the
    second and third levels are said of Y and Z (subject.gapped), and so are their changes."""
    got = extract_metrics("In the first half, the gross output value is 512 billion yuan, the export value 120 "
                          "billion yuan and the tax revenue 33.6 billion yuan, up by 2.1%, 4.3% and 1.6% "
                          "respectively.")
    assert [m.subject for m in got] == ["gross output value", "export value", "tax revenue"] * 2
    assert "subject.gapped" in by_text(got, "120 billion yuan").rules
    # a count, or a phrase that holds a verb, is no verbless clause
    got = extract_metrics("The firm earned 3 billion yuan, and the board approved 1 billion yuan for research.")
    assert not any("subject.gapped" in m.rules for m in got)


def test_a_place_apposition_and_a_participle_modifier_stay_out_of_and_in_the_subject() -> None:
    """tune_sites s094-like: "the life expectancy of registered residents in Ningbo, East China's Zhejiang
    province stood at ..." is said of the life expectancy (was "province"); "totals" links like "totaled"."""
    m = one("The average wage of contracted workers in Wenzhou, East China's Zhejiang province stood at 9,200 yuan "
            "in 2022.")
    assert m.subject == "average wage of contracted workers"
    m = one("The balance of household deposits in Jiaxing, Zhejiang province surpassed 900 billion yuan.")
    assert m.subject == "balance of household deposits"
    m = one("The amount of port fees totals 8.2 billion yuan.")
    assert m.subject == "amount of port fees"


def test_the_figure_is_said_of_the_quantity_before_it() -> None:
    """tune_sites s060-s063 shape: "Per capita disposable income among urban residents was a, while the figure for
    rural residents was b" ("among" joins the phrase; "the figure for X" is the income for X: subject.refers_back),
    and "the figure" in the next sentence is the quantity of the same unit before it."""
    got = extract_metrics("Per capita disposable income among urban residents was 61,200 yuan, up 4.1 percent "
                          "year-on-year, while the figure for rural residents was 37,400 yuan, a rise of 6.2 percent.")
    assert [m.subject for m in got] == ["per capita disposable income among urban residents"] * 2 + [
        "per capita disposable income for rural residents"] * 2
    assert "subject.refers_back" in by_text(got, "37,400 yuan").rules
    got = extract_metrics("The average wage of nurses was 98,000 yuan in 2022. In the first quarter of this year, "
                          "the figure was 26,500 yuan, a growth of 3.3 percent.")
    assert [m.subject for m in got] == ["average wage of nurses"] * 3
    # the figure of another unit, or "the amount of X" (a phrase of its own), is not resolved
    got = extract_metrics("Exports reached 4 billion yuan. The figure is 2.5 times that of 2010.")
    assert "subject.refers_back" not in by_text(got, "2.5 times").rules


def test_a_month_a_record_or_a_first_time_is_not_the_subject() -> None:
    """tune_sites s008/s019/s023 shapes: "in January container throughput ... totaled" (was "january container
    throughput"), "the home sales amount from January to November reaches" (was "... from january"), "the
    volume hit a record-high of N" (was "record-high"), "N people aged over 60 for the first time, taking up X%"."""
    assert one("Last year, in March cargo throughput in Zhoushan Port totaled 9.2 million tonnes.").subject \
        == "cargo throughput"
    assert one("The retail sales amount from February to October reaches 80.4 billion yuan.").subject \
        == "retail sales amount"
    assert one("The rail freight volume at Zhapu Port hit a record high of 50,000 TEUs in May.").subject \
        == "rail freight volume"
    assert one("Imports reached 8 billion yuan for the first time.").subject == "imports"
    m = by_text(extract_metrics("The city has 800,000 residents aged over 65 for the first time, taking up 15.2% "
                                "of the population."), "15.2%")
    assert m.subject != "first time"


def test_phrasal_and_participle_link_verbs_name_the_subject() -> None:
    """tune_sites s007/s013/s019 shapes: "went up by", "picked up", "take up", "has risen from" link a subject to
    its figure like "rose by"."""
    assert one("The price of household goods went up by 1.8 percent.").subject == "price of household goods"
    assert one("Clothing prices picked up 0.9 percent.").subject == "clothing prices"
    assert one("The online sales of farm products take up 41.5% of the total sales.").subject \
        == "online sales of farm products"
    assert one("The annual output of the mill has risen to 3.1 billion yuan.").subject == "annual output of the mill"


def test_a_respectively_list_is_read_in_its_own_clause_and_and_the_opens_a_clause() -> None:
    """tune_other t508/t279 shapes: the clause before the list's comma holds another figure ("over 40 percent of
    its throughput, with the throughput from A and the B routes rising x and y, respectively": the list is "A" and
    "B routes"); "ranks third globally and the X Index has risen to seventh": not "globally and the x index"."""
    got = extract_metrics("Trade with Asia made up over 30 percent of its exports, with the imports from Korea and "
                          "the Gulf markets rising 12 percent and 7.5 percent, respectively.")
    assert by_text(got, "12 percent").subject != by_text(got, "7.5 percent").subject
    got = extract_metrics("Its bulk throughput ranks fourth globally and the Maritime Silk Road Freight Index has "
                          "risen to ninth worldwide.")
    assert not (by_text(got, "ninth worldwide").subject or "").startswith("globally")
    # after a noun read, "and the" names stay in the phrase (tune_other t236)
    assert one("Buildings from the Ming Dynasty and the Republic of China periods cover 3,000 square meters.").subject \
        == "buildings from the ming dynasty and the republic of china periods"


def test_a_headline_set_again_as_a_body_paragraph_is_the_headlines() -> None:
    """Real page tune_sites s105: a results page whose headline ("... revenue ... increased by 4.2% year-on-year, and
    net profit surged by 52.6% ... | Financial Report Insights") is also the body's first paragraph: its figures are
    the headline's, said again in the text below (restated.headline). A body paragraph of sentences that a page
    without a headline line gave as its title too keeps its figures."""
    title = "ACME's sales in the first quarter rose 6.1% year-on-year, profit up 12.3% | Results Watch"
    body = f"{title}\n\nACME's sales in the first quarter of 2024 rose 6.1% to 8.45 billion yuan."
    assert [m.text for m in extract_metrics(body, title=title)] == ["6.1%", "8.45 billion yuan"]
    assert [m.text for m in extract_metrics(body)][:2] == ["6.1%", "12.3%"]  # (no title given: the paragraph is read)
    sentences = "The bridge is 36 kilometers long. It cost 11.8 billion yuan."
    assert len(extract_metrics(sentences, title=sentences)) == 2


def test_a_value_said_twice_in_one_respectively_list_is_two_facts() -> None:
    """Real page tune_sites s169: "... grow by 14.4 percent, 11.1 percent, 10.5 percent and 10.5 percent,
    respectively": a precise figure said again in its paragraph is a restatement only when an earlier sentence said it
    (restated.not_in_its_sentence); the fourth value was dropped as the third again. A later sentence saying it again
    is still the earlier fact."""
    listed = ("Chemicals, cars, machinery and tobacco saw their added value grow by 14.4 percent, 11.1 percent, "
              "10.5 percent and 10.5 percent, respectively.")
    assert [m.value for m in extract_metrics(listed)] == [14.4, 11.1, 10.5, 10.5]
    again = ("The output value reached 46.21 billion yuan. In the first half, the output value reached 46.21 "
             "billion yuan.")
    assert [m.value for m in extract_metrics(again)] == [46.21e9]


def test_a_number_more_or_less_than_an_earlier_time_after_a_count_changes_that_count() -> None:
    """Real pages tune_sites s164 ("564 foreign-funded companies were set up in Ningbo, 78 more than the previous
    year") and s165 ("153 new foreign-invested enterprises were set up ..., 57 less than that of last year"): a bare
    number after the comma closing a count's clause, then "more/fewer/less than" and an earlier time, is that count's
    change (count.more_than_before; a decrease for "fewer"/"less"). Not a comparison with another thing ("30 more
    than Hangzhou")."""
    up = extract_metrics("Last year, 564 foreign-funded companies were set up in Ningbo, 78 more than the previous "
                         "year.")
    assert [(m.value, m.unit, m.kind) for m in up] == [(564.0, "count", "level"), (78.0, "count", "change")]
    down = extract_metrics("A total of 153 new enterprises were set up in the city, 57 less than that of last year.")
    assert [(m.value, m.kind) for m in down][1:] == [(-57.0, "change")]
    assert [m.value for m in extract_metrics("The city has 120 parks, 30 more than Hangzhou.")] == [120.0]


def test_a_lead_too_long_for_a_headline_given_as_the_title_keeps_its_figures() -> None:
    """Real page tune_sites s168: a research summary whose only paragraph runs its clauses together with dashes and
    citation marks and no full stop ("Core Views - ... reached 34.44 billion yuan, a year-on-year increase of 7.1%
    [4][9] - ...") was given as the title too; a paragraph longer than any headline (HEADLINE_MAX_WORDS) is the
    text, not the headline set again (restated.headline_length): its figures stay."""
    clause = ("Ningbo Bank's revenue for the first half of 2024 reached 34.44 billion yuan, a year-on-year increase of "
              "7.1% [4][9]")
    lead = " - ".join([clause] + ["the bank's asset quality remains stable with its ratios holding steady [4][9]"] * 5)
    assert len(lead.split()) > 60
    assert [m.text for m in extract_metrics(lead, title=lead)][:2] == ["34.44 billion yuan", "7.1%"]


def test_two_figures_of_an_earlier_sentence_said_again_together_are_one_report() -> None:
    """Real page tune_sites s105: "revenue ... increased by 4.2% to 19.65 billion yuan, with net profit soaring by
    52.6%", then in the next paragraph and in a bullet "revenue ... was RMB 19.65 billion, a year-on-year increase of
    4.2%": two or more figures of one earlier sentence said again together are its facts again (restated.pair); a
    new figure beside them stays. One figure said again, or counts and ranks said again, are not dropped by it."""
    body = ("ACME's revenue in the first half of 2024 increased by 3.8% to 27.42 billion yuan, with net profit up "
            "by 41.5%.\n\nIn the first half, ACME's revenue increased by 3.8% to RMB 27.42 billion, gross profit "
            "rose 11.0%, and net profit was up 41.5%.\n\n- Revenue was RMB 27.42 billion, up 3.8%; analysts had "
            "estimated RMB 27.1 billion.")
    metrics = extract_metrics(body)
    assert [m.text for m in metrics] == ["3.8%", "27.42 billion yuan", "41.5%", "11.0%", "RMB 27.1 billion"]
    assert [m.text for m in extract_metrics("Sales reached 46.21 billion yuan.\n\nIn the next report, sales "
                                            "reached 46.21 billion yuan.")] == ["46.21 billion yuan"] * 2
    counts = ("It registered 1,041 companies and 533 factories in May.\n\n"
              "By June it had 1,041 companies and 533 factories.")
    assert [m.value for m in extract_metrics(counts)] == [1041.0, 533.0, 1041.0, 533.0]  # (counts: not a pair)


def test_the_earlier_level_a_count_is_compared_with_counts_the_same_noun() -> None:
    """Real page tune_sites s099: "Foreign investors registered a total of 4,653 market entities in 2021, up from
    3,319 in 2020": the number after "up from" / "down from" is the earlier level of the same count, with its own
    year (count.prior_level)."""
    m = extract_metrics("Overseas investors set up a total of 2,140 companies in 2022, up from 1,870 in 2021.")
    prior = by_text(m, "1,870")
    assert (prior.value, prior.unit, prior.subject, prior.period) == (1870.0, "count", "companies", "2021")
    assert "count.prior_level" in prior.rules
    m = extract_metrics("Closures reached 801,200 individual businesses, down from 643,500 in 2020.")
    assert by_text(m, "643,500").subject == "individual businesses"


def test_a_fraction_with_the_article_is_a_share() -> None:
    """Real pages tune_sites s101 ("the annual output value of about a fifth of the country", "about a quarter of the
    country") and s085 ("made up half of the total weever imports"): a fraction's word after "a"/"an" is a share
    like "one fifth" (fraction.article), and "made up half of" like "accounted for half of"; not a span of time
    ("a quarter of a century")."""
    m = one("The city's exports of pens make up about a third of the national total.")
    assert (m.text, m.value, m.unit, m.kind, m.qualifier) == ("a third", 33.33, "percent", "share", "approx")
    assert "fraction.article" in m.rules
    assert one("Its shrimp made up half of the province's exports.").value == 50.0
    assert extract_metrics("The plant took a quarter of a century and 3 billion yuan to build.")[0].unit == "CNY"
    assert len(extract_metrics("The plant took a quarter of a century and 3 billion yuan to build.")) == 1


def test_a_slash_fraction_over_a_larger_base_before_of_is_a_share() -> None:
    """Real page tune_sites s314 (People's Daily on ehangzhou.gov.cn), labelled 0.25 percent, less than: "1/400" was not
    read, a slash fraction's base being at most 10 (matchers.FRACTION_RE); a larger base is read before "of" its whole,
    not before a year ("1/12 of 2020") nor with no whole ("a 1/100 scale model")."""
    text = ("Last year, the Zhejiang pilot FTZ, occupying less than 1/400 of Zhejiang province's total area, accounted "
            "for 6.5 percent of the newly registered enterprises.")
    m = by_text(extract_metrics(text), "1/400")
    assert (m.value, m.unit, m.kind, m.qualifier) == (0.25, "percent", "share", "at_most")
    assert not [m for m in extract_metrics("On 1/12 of 2020 the port opened.") if m.unit == "percent"]
    assert not extract_metrics("They built a 1/100 scale model.")


def test_half_a_scale_word_is_half_of_it() -> None:
    """Real page tune_sites s099: "Around half a million micro and small-sized companies were established" is a count
    of 500,000 (number.half_scale); "half a billion yuan" an amount."""
    m = one("Nearly half a million tourists visited the old town last year.")
    assert (m.value, m.unit, m.subject, m.qualifier) == (500_000.0, "count", "tourists", "approx")
    assert "number.half_scale" in m.rules
    assert one("The port spent half a billion yuan on new cranes.").value == 500_000_000.0


def test_a_sum_of_occasions_is_a_count() -> None:
    """Real page tune_sites s112: "the total drainage times added up to 49 times" counts occasions, not a multiple,
    and "added up to" is a sum's verb, not the cap "up to" (times_occasions, FILLER_WORDS); "a total of 12 times"
    too, but not a multiple of something ("a total of 3 times the output")."""
    m = one("Since May, the pumping stations' operations added up to 37 times.")
    assert (m.value, m.unit, m.kind, m.qualifier) == (37.0, "count", "level", None)
    assert one("The sluices were opened a total of 12 times in June.").unit == "count"
    assert one("The two projects added up to 9.5 billion yuan.").qualifier is None
    assert one("Exports reached a total of 3 times the output of 2010.").unit == "times"


def test_a_top_hundred_of_a_modified_plural_names_a_list() -> None:
    """Real page tune_sites s113: "Many enterprises are among top 500 competitive enterprises of China's textile and
    garment industry": a top 100 or more before up to two modifiers and a plural noun names a published list, not a
    rank (rank_top_n); a smaller top N stays a rank ("one of China's top 10 robot industry clusters"), and a
    preposition is no modifier ("ranked top 100 in terms of sales")."""
    assert extract_metrics("Five local firms are among top 500 private manufacturing enterprises.")[0].unit == "count"
    assert all(m.unit != "rank" for m in extract_metrics("Five local firms are among top 500 private "
                                                         "manufacturing enterprises."))
    assert one("Cixi is one of the top 10 home appliance clusters.").value == 10.0
    assert one("Yinzhou ranked top 100 in terms of comprehensive strength.").unit == "rank"


def test_the_figure_for_a_plural_noun_counts_it() -> None:
    """Real page tune_sites s099: "The 2021 figure for micro and small-sized companies was 2,826,100" counts micro
    and small-sized companies (count.figure_for); money after "the figure for" keeps its currency."""
    m = extract_metrics("The 2022 figure for small and medium-sized firms was 318,400, up 6 percent.")
    count = by_text(m, "318,400")
    assert (count.value, count.unit, count.subject) == (318_400.0, "count", "small and medium-sized firms")
    assert "count.figure_for" in count.rules
    assert one("The figure for rural residents was 42,946 yuan.").unit == "CNY"


def test_a_percentage_with_its_sign_is_a_change_of_that_sign() -> None:
    """Real page tune_sites s125 (a broker's note): "revenue and net profit were +7.13% and +5.42%, respectively",
    "Net income was -24.90% year-on-year", "(+16.03% year over year)" had no metric (the sign blocked the number):
    a sign standing alone before a percentage makes it a change of that sign (match.percent_signed); a sign glued
    to a word or a number stays out ("1q24+2.57", "2-4%")."""
    found = extract_metrics("Sales and operating profit were +8.4% and -3.25%, respectively.")
    assert [(m.value, m.unit, m.kind) for m in found] == [(8.4, "percent", "change"), (-3.25, "percent", "change")]
    assert all("match.percent_signed" in m.rules for m in found)
    m = one("Fee income was -12.5% year-on-year.")
    assert (m.text, m.value, m.kind) == ("-12.5%", -12.5, "change")
    assert one("Deposits rose (+9.02% year over year) in the quarter.").value == 9.02
    assert extract_metrics("The growth was higher than 2q23+1.5% in the year.") == []
    assert all(m.value >= 0 for m in extract_metrics("Prices rose 2-4% in the year."))


def test_basis_points_are_hundredths_of_a_percentage_point() -> None:
    """Real page tune_sites s126: "The average interest-earning asset yield decreased to 4.05%, down 12 basis points
    year-on-year" and "a 17 basis points rise" were counts of 12 and 17: basis points are hundredths of a percentage
    point (match.basis_points)."""
    m = by_text(extract_metrics("The net interest margin fell to 1.8%, down 15 basis points year-on-year."),
                "15 basis points")
    assert (m.value, m.unit, m.kind) == (-0.15, "percentage_points", "change") and "match.basis_points" in m.rules
    m = one("The ratio saw a 25 basis-point rise since January.")
    assert (m.value, m.unit) == (0.25, "percentage_points")


def test_a_brokers_bp_after_a_whole_number_is_basis_points() -> None:
    """Real page tune_sites s232 (a broker's note on Bank of Ningbo): "It is estimated that the net interest margin
    of Bank Of Ningbo Co.Ltd(002142) single quarter in the fourth quarter of last year was 2%, down 22bp month on month
    and year on year" read no change: "bp"/"bps" in small letters after a whole number are basis points (not after a
    fraction: s166's "(down 0.05 bps)" meant percentage points; not "BP" in capitals)."""
    m = by_text(extract_metrics("The net interest margin was 2%, down 22bp month on month and year on year."), "22bp")
    assert (m.value, m.unit, m.kind) == (-0.22, "percentage_points", "change") and "match.basis_points" in m.rules
    assert by_text(extract_metrics("The margin fell 15 bps to 1.8%."), "15 bps").value == -0.15
    assert not [m for m in extract_metrics("NPL ratio: 0.84% (down 0.05 bps).") if m.unit == "percentage_points"]
    assert not [m for m in extract_metrics("BP opened 5 BP stations.") if m.unit == "percentage_points"]


def test_a_bare_amount_linked_to_a_money_noun_of_its_clause_is_yuan() -> None:
    """Real page tune_sites s127 (a statistics bulletin): "The GDP in Ningbo in 2012 amounted to 652.47 billion",
    "among which, the added value of primary industry was 27.0 billion" had no metric: a bare scaled amount linked
    to a money noun of its clause is yuan when the sentence names no currency (money.currency_clause); not a noun
    of another clause, nor with a currency in the sentence, nor a population."""
    m = one("The regional GDP in 2015 amounted to 802.3 billion, up by 8%.".replace(", up by 8%", ""))
    assert (m.value, m.unit) == (802.3e9, "CNY") and "money.currency_clause" in m.rules
    found = extract_metrics("Of the total, the added value of the tertiary industry was 61.2 billion, up by 9.1%.")
    assert by_text(found, "61.2 billion").unit == "CNY"
    assert [m.unit for m in extract_metrics("The income rose, and the population was 7.2 million.")] == ["count"]
    assert [m.text for m in extract_metrics("The GDP was 5.1 billion, and loans were 2 billion dollars.")] == \
        ["2 billion dollars"]


def test_keeping_the_first_place_is_a_rank() -> None:
    """Real page tune_sites s130 (a district government): "recorded the general financial revenue of RMB 14.22
    billion, up by 23.5% YoY, still keeping the first place in Zhejiang Province" had no rank: a verb that keeps a
    place already held (vocab PLACE_KEEP_LEADS: keep, hold, maintain, retain) leads "the Nth place" as "took" does."""
    found = extract_metrics("The county's output rose 8%, keeping the first place in the province.")
    assert [(m.value, m.unit) for m in found if m.unit == "rank"] == [(1.0, "rank")]
    m = one("The port has held the second place for years.")
    assert (m.value, m.unit, m.kind) == (2.0, "rank", "rank")


def test_a_ton_kilometre_turnover_is_no_mass() -> None:
    """Real page tune_sites s135 (a shipping company's interim digest): "a turnover of 51.48 billion ton-kilometers"
    was read as 51.48 billion tonnes: "ton-" before a distance (vocab TONNE_COMPOUND_TAILS) is a compound unit of
    transport work, not a mass; plain tonnes stay tonnes."""
    found = extract_metrics("The fleet completed a turnover of 12.5 billion ton-kilometres in the year.")
    assert all(m.unit != "tonnes" for m in found)
    assert one("The port handled 45 million tons of coal.").unit == "tonnes"


def test_the_last_digit_of_a_spaced_code_counts_nothing() -> None:
    """Real page tune_sites s136: 'it is not a "2 1 1 engineering" university' gave a count of 1 engineering
    university, twice: a number after two single digits each followed by a space is the last digit of a code
    spelled with spaces (matchers._after_digit_code), not a count; "2 1" alone is no code."""
    assert extract_metrics('The college is not a "2 1 1 engineering" university.') == []
    assert [m.value for m in extract_metrics("The city has 3 universities.")] == [3.0]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Postal Industry Revenue Hits USD 484.6 Million in 2013", [(484_600_000.0, "USD", "USD 484.6 Million")]),
        ("Exports reached 2 Billion Yuan in 2013.", [(2_000_000_000.0, "CNY", "2 Billion Yuan")]),
        ("It has a population of over 7 Million people.", [(7_000_000.0, "count", "7 Million people")]),
    ],
)
def test_a_capitalised_scale_word_scales(sentence: str, found: list[tuple[float, str, str]]) -> None:
    """Headlines write scale words capitalised (tune_other t060: "Revenue Hits USD 484.6 Million in 2013" was
    484.6 dollars; t177: "over ~7 Million people" was no count)."""
    assert [(m.value, m.unit, m.text) for m in extract_metrics(sentence)] == found


def test_a_number_with_a_leading_zero_counts_nothing() -> None:
    """tune_other t391: "a collection of over 300, 000 ancient books" (a thousands group cut off by a space) was a
    count of 0 "ancient books"; a leading zero marks no count ("0574" is Ningbo's dialling code)."""
    body = "The library holds over 300, 000 ancient books. Call 0574 hotlines or visit 12 branches."
    assert [(m.value, m.text) for m in extract_metrics(body)] == [(12.0, "12 branches")]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The deals were worth 2.5 billion yuan (398 million U.S. dollars).",
         [(2.5e9, "CNY", "2.5 billion yuan"), (398e6, "USD", "398 million U.S. dollars")]),
        ("Trade rose to 30.13 billion U.S. Dollars in 2019.", [(30.13e9, "USD", "30.13 billion U.S. Dollars")]),
        ("It cost $5 billion U.S. dollars.", [(5e9, "USD", "$5 billion U.S. dollars")]),
    ],
)
def test_us_dollars_written_with_points_are_money(sentence: str, found: list[tuple[float, str, str]]) -> None:
    """Xinhua writes "U.S. dollars" (tune_other t049, t053, t102, t434): "398 million U.S. dollars" was a count of
    398 million "U.S"."""
    assert [(m.value, m.unit, m.text) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # tune_other t463: two groups or more after plain spaces, a year in brackets after the figure
        ("Ningbo, south of Shanghai, has a population of 7 600 000(2010).", [(7_600_000.0, "count", "7 600 000")]),
        ("Revenue was 12 345 678 yuan, up 3.4%.", [(12_345_678.0, "CNY", "12 345 678 yuan"), (3.4, "percent", "3.4%")]),
        ("A capacity of 1\u2009460 passengers.", [(1460.0, "count", "1\u2009460 passengers")]),  # a thin space
        # one group after a plain space: two numbers
        ("On May 1 100 people came.", [(100.0, "count", "100 people")]),
        ("It gave 60 500-yuan awards.", []),
    ],
)
def test_thousands_set_apart_by_spaces_are_one_number(sentence: str, found: list[tuple[float, str, str]]) -> None:
    """A number written with spaces between its thousands groups is one number, its text the body's own."""
    metrics = extract_metrics(sentence)
    assert [(m.value, m.unit, m.text) for m in metrics] == found
    assert all(sentence[m.char_start:m.char_end] == m.text for m in metrics)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("One out of every three Android smartphones worldwide uses its lenses.",
         [(33.33, "percent", "share", "One out of every three")]),  # tune_other t011
        ("One in every five hair dryers sold worldwide is made in Cixi.",
         [(20.0, "percent", "share", "One in every five")]),  # tune_other t030
        ("There was a Starbucks in every street corner.", []),
    ],
)
def test_one_in_every_n_is_a_share(sentence: str, found: list[tuple[float, str, str, str]]) -> None:
    assert [(m.value, m.unit, m.kind, m.text) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The per capita disposable income among urban residents was 70,074 yuan, up eight percent year-on-year.",
         [(70074.0, "CNY", "level"), (8.0, "percent", "change")]),  # tune_other t069
        ("Its GDP rose seven percent year-on-year.", [(7.0, "percent", "change")]),  # tune_other t069
        ("About twenty-five per cent of the firms export.", [(25.0, "percent", "share")]),
        ("It grew four percentage points.", [(4.0, "percentage_points", "change")]),  # (points, not a percent)
    ],
)
def test_a_percentage_in_words_is_a_percentage(sentence: str, found: list[tuple[float, str, str]]) -> None:
    """ "up eight percent" was no metric: the percent matchers start at a digit (match.percent_spelled)."""
    assert [(m.value, m.unit, m.kind) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("In 2016, the port registered throughput of 23.3m teu.", [(23.3e6, "count", "23.3m teu")]),  # tune_other t076
        ("The port set out to build another 5.6M TEUs of capacity.", [(5.6e6, "count", "5.6M TEUs")]),
        ("The cargo throughput was 353m tons in Q1.", [(353e6, "tonnes", "353m tons")]),  # tune_other t658
        ("The tower is 56.7m tall and 27.7m in width.",  # metres, no million: "m" alone is no scale word
         [(56.7, "m", "56.7m"), (27.7, "m", "27.7m")]),
    ],
)
def test_a_million_glued_as_m_before_containers_or_tons(sentence: str, found: list[tuple[float, str, str]]) -> None:
    """ "23.3m teu" and "353m tons" were no metric (match.million_glued)."""
    assert [(m.value, m.unit, m.text) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The port reaches 600 ports with the help of 300-plus container routes.",  # tune_other t087
         [(600.0, "count", None), (300.0, "count", "at_least")]),
        ("It has 5000 plus invention patents.", [(5000.0, "count", "at_least")]),  # tune_other t464
        ("The city has 40-odd universities.", [(40.0, "count", "at_least")]),
        ("Mandarin is the language of the 70+ societies.", [(70.0, "count", "at_least")]),  # tune_sites s080
        ("It joined the Ningbo 5G Plus program.", []),  # (a name)
    ],
)
def test_a_count_plus_is_at_least_that_many(sentence: str, found: list[tuple[float, str, str | None]]) -> None:
    """ "300-plus container routes" was no metric: the hyphen stopped the count (count.plus)."""
    assert [(m.value, m.unit, m.qualifier) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The airport operates 14 all-cargo routes, with 50 flights per week.",  # tune_sites s078
         [(14.0, "count", "all-cargo routes"), (50.0, "count", "flights")]),
        ("The textile industry churns out 1.5 billion pieces per year.", [(1.5e9, "count", "pieces")]),  # t213
        ("It has 150 units per worker.", []),  # (a rate with no counted base)
    ],
)
def test_a_count_per_stretch_of_time_is_a_count(sentence: str, found: list[tuple[float, str, str]]) -> None:
    """ "per week" made "50 flights" a rate without a base, so no metric; the count names the rule that kept it
    (count.per_time, shown by `newsetl extract --explain`), and only that count."""
    metrics = extract_metrics(sentence)
    assert [(m.value, m.unit, m.subject) for m in metrics] == found
    assert [m.value for m in metrics if "count.per_time" in m.rules] == [value for value, _, _ in found[-1:]]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The park will have 600,000 sq meters of floor area.", [(600000.0, "m2")]),  # tune_other t025
        ("The zone covers 5 sq kilometres.", [(5.0, "km2")]),
        ("Last year the port posted over 600,000 TEU sea-rail cargo volume.", [(600000.0, "count")]),  # t329
        ('The port joined the "40 million TEU club".', []),  # (a club's name)
        # tune_sites s313 (PlasticsToday), labelled 120,000 m2: not read, the unit's words hyphenated
        ("Speaking at a press event at the K trade fair, Haitian's CEO Professor Helmar Franz said the new "
         "120,000-sq-m plant would be operational at the beginning of 2014 with capacity for 10,000 machines annually.",
         [(120000.0, "m2"), (10000.0, "count")]),
        ("The new 3.5-sq-km park opened.", [(3.5, "km2")]),
    ],
)
def test_square_meters_abbreviated_and_teu_before_the_volume_noun(sentence: str,
                                                                  found: list[tuple[float, str]]) -> None:
    """ "sq meters" was no area; "600,000 TEU sea-rail cargo volume" no count (the TEU was trimmed off the phrase)."""
    assert [(m.value, m.unit) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The village covers 8.2 square km.", [(8.2, "km2")]),  # tune_other t486
        ("The construction cost of the airport was 126 million.", [(126e6, "CNY")]),  # tune_other t079
        ("The municipality had a population of 7.6 million - with most in the metro area.",  # tune_other t238
         [(7.6e6, "count")]),
    ],
)
def test_square_km_a_cost_without_currency_and_a_count_before_a_dash(sentence: str,
                                                                     found: list[tuple[float, str]]) -> None:
    """ "8.2 square km" was no area, "cost ... was 126 million" no amount (a cost is money, as an investment is),
    "a population of 7.6 million - with" no count (a dash after the number ends its clause)."""
    assert [(m.value, m.unit) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("It launched 100 routes, including 25 fixed daily scheduled trains.",  # tune_sites s108
         [(100.0, "count", "routes"), (25.0, "count", "fixed daily scheduled trains")]),
        ("It drew 5 million tourists annually.", [(5e6, "count", "tourists")]),
        ("The production lines produce 500 batteries per minute.", [(500.0, "count", "batteries")]),  # t013
    ],
)
def test_frequency_words_inside_or_after_a_counted_phrase(sentence: str, found: list[tuple[float, str, str]]) -> None:
    """ "daily" ended the phrase of "25 fixed daily scheduled trains" before its noun; "per minute" made a rate."""
    assert [(m.value, m.unit, m.subject) for m in extract_metrics(sentence)] == found


# metrics12 (unseen pages of other sources, tune_sites s137-s148): places in brackets after a name, hyphenated money
# adjectives, a climate's seasons.
def test_places_in_brackets_after_a_name_are_ranks() -> None:
    found = extract_metrics("Other cities that made the list in the province included Jiaxing (22nd), "
                            "Wenzhou (36th) and Jinhua (59th).")
    assert [(m.text, m.value, m.unit, m.kind) for m in found] == [
        ("22nd", 22.0, "rank", "rank"), ("36th", 36.0, "rank", "rank"), ("59th", 59.0, "rank", "rank")]
    # no name before the bracket: no rank
    assert extract_metrics("It was held for the year (2nd) in a row.") == []


def test_the_place_reached_after_a_move_in_a_ranking_is_the_rank() -> None:
    """Real page tune_sites s157 (metrics13): "jumped from the 6th to the 5th"."""
    found = extract_metrics("In the ranking of import and export scale of cities in the country, Ningbo jumped from "
                            "the 6th to the 5th.")
    assert [(m.text, m.value, m.unit, m.kind) for m in found] == [("5th", 5.0, "rank", "rank")]
    assert [m.value for m in extract_metrics("The city rose from tenth to eighth place.")] == [8.0]
    # a span of days, or no verb of a move: no rank
    assert extract_metrics("The fair runs from the 1st to the 5th of May.") == []
    assert extract_metrics("Sales jumped from the 1st to the 5th May.") == []


def test_a_count_of_one_beside_a_count_of_its_plural_is_a_count() -> None:
    """Real page tune_sites s129 (a steel paper): "The berths in question include one berth at Dagushan Dockland of
    Dalian Port, two berths in phase three of ..., one berth at Dongjiakou Dockland of Qingdao Port": "one" is no count
    on its own ("one of the ..."), so the labelled counts of one were missed; beside a count of its plural in the
    sentence it is one (count.one_beside_plural, session 28). The noun must be the phrase's head ("one university
    town" is no university), and "one of the two berths" and "no one" stay nothing."""
    found = extract_metrics("The berths in question include one berth at Dagushan Dockland of Dalian Port, two berths "
                            "in phase three of the Caofeidian Dockland of Tangshan Port, one berth at Dongjiakou "
                            "Dockland of Qingdao Port.")
    assert [(m.text, m.value, m.unit) for m in found] == [("one berth", 1.0, "count"), ("two berths", 2.0, "count"),
                                                          ("one berth", 1.0, "count")]
    found = extract_metrics("There are one tourist center and five visitor service centers.")
    assert [(m.text, m.value) for m in found] == [("one tourist center", 1.0), ("five visitor service centers", 5.0)]
    assert [m.text for m in extract_metrics("The city has 12 universities and one university town.")] \
        == ["12 universities"]
    assert [m.text for m in extract_metrics("It is one of the two berths, and no one berth is enough.")] == []


def test_a_move_in_a_ranking_is_a_change_of_rank() -> None:
    """Real pages dev 043 ("Its overall ranking leaps into the 17th, rising 4 rankings compared to the last year"),
    tune_sites s147 ("one spot lower than the previous year") and s264 ("Busan, dropping two spots to No 7"): the
    places moved were labelled (a change of rank) and nothing was read, the count matcher refusing "up 4 places"
    (rank_move, session 28): unit rank, kind change, signed by the move. A count of places won stays a count."""
    found = extract_metrics("Its overall ranking leaps into the 17th, rising 4 rankings compared to the last year.")
    assert [(m.text, m.value, m.unit, m.kind) for m in found] == [("4 rankings", 4.0, "rank", "change")]
    found = extract_metrics("Ningbo ranked 12th, one spot lower than the previous year.")
    assert [(m.text, m.value, m.kind) for m in found] == [("ranked 12th", 12.0, "rank"),
                                                          ("one spot lower", -1.0, "change")]
    found = extract_metrics("Busan, dropping two spots to No 7, handled 21.6 million TEU.")
    assert [(m.value, m.unit, m.kind) for m in found][:2] == [(-2.0, "rank", "change"), (7.0, "rank", "rank")]
    assert [(m.value, m.unit, m.kind) for m in extract_metrics("He won 2 places in the final.")] \
        == [(2.0, "count", "level")]
    # every small number word the pattern takes has its value ("ten" was matched and not in the table: KeyError)
    assert [(m.value, m.kind) for m in extract_metrics("The city moved up ten places.")] == [(10.0, "change")]


def test_a_figure_of_a_heading_line_said_again_in_the_paragraph_it_heads_is_one_fact() -> None:
    """Real page tune_sites s157 (metrics13): a category listing's item heading, then its text saying it again."""
    body = ("Ningbo's total import and export volume in the first two months of this year reached 186.6 billion yuan\n"
            "Ningbo Customs released the data yesterday: In the first two months of this year, the total import and "
            "export volume of Ningbo reached 186.6 billion yuan, the export 119.98 billion yuan and the import 66.62 "
            "billion yuan.")
    found = extract_metrics(body)
    assert [(m.value, m.char_start < body.index("\n")) for m in found] == [(186.6e9, True), (119.98e9, False),
                                                                            (66.62e9, False)]
    # a figure of few digits may be a second fact; and a paragraph not under a heading line keeps its figures
    assert len(extract_metrics("Exports up 7%\nImports rose by 7% this year.")) == 2
    assert len(extract_metrics("Exports reached 186.6 billion yuan.\nIn all, exports reached 186.6 billion yuan.")) == 2


def test_hyphenated_money_adjective() -> None:
    found = extract_metrics("The 21-billion-yuan (about $2.93 billion) project was completed.")
    assert [(m.text, m.value, m.unit) for m in found] == [("21-billion-yuan", 21e9, "CNY"),
                                                          ("$2.93 billion", 2.93e9, "USD")]
    found = extract_metrics("In March, Ningbo exported 23.59-billion-yuan worth of mechanical products.")
    assert [(m.value, m.unit) for m in found] == [(23.59e9, "CNY")]
    # a quoted name holding a threshold is no amount
    assert extract_metrics('In 2018, Ningbo joined the "1-trillion-yuan GDP club".') == []


def test_a_hyphenated_scale_before_currency_words_is_money() -> None:
    """tune_other t030 and t338 hyphenate the scale alone: "14-billion US dollars" was read as nothing."""
    found = extract_metrics("Ningbo became one of the cities to surpass 100 billion yuan in GDP, approximately "
                            "14-billion US dollars.")
    assert [(m.text, m.value, m.unit, m.qualifier) for m in found][-1] == ("14-billion US dollars", 14e9, "USD",
                                                                           "approx")
    found = extract_metrics("Overseas shopping came in at around 240-million US dollars in China last year.")
    assert [(m.text, m.value, m.unit) for m in found] == [("240-million US dollars", 240e6, "USD")]
    assert [(m.value, m.unit) for m in extract_metrics("It is a 14-billion yuan project.")] == [(14e9, "CNY")]


def test_a_climates_seasons_are_no_count() -> None:
    assert extract_metrics("Ningbo is mild and humid, with four distinct seasons.") == []
    assert [m.value for m in extract_metrics("The park has four new gates.")] == [4.0]


def test_a_number_of_hours_is_no_count() -> None:
    assert extract_metrics("The annual average number of sunshine hours is 1,850.") == []
    assert [m.value for m in extract_metrics("The number of visitors is 1,850.")] == [1850.0]


def test_the_first_of_two_areas_takes_the_unit_of_the_second() -> None:
    found = extract_metrics("The site spans a north and a south zone, measuring 4,400 and 3,400 square meters "
                            "respectively.")
    assert [(m.text, m.value, m.unit) for m in found] == [("4,400", 4400.0, "m2"),
                                                          ("3,400 square meters", 3400.0, "m2")]
    assert [(m.value, m.unit) for m in extract_metrics("The parks cover 12.5 and 30 square kilometres.")] == [
        (12.5, "km2"), (30.0, "km2")]
    # a range's low end, a year and a name's number are not areas
    for sentence in ("It covers between 3 and 5 square kilometers.", "In 2019 and 2020 it added 300 square meters.",
                     "Line 4 and 27 square kilometers of parks opened."):
        assert [m.value for m in extract_metrics(sentence) if m.unit in ("m2", "km2")] in ([5.0], [300.0], [27.0])


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("It offers 14 postgraduate courses.By 2015, there were 600 members of staff.",  # tune_sites s079
         [(14.0, "postgraduate courses"), (600.0, "members")]),
        ("Yinzhou district has a solid base of 1.6 million permanent residents.Yinzhou has strong potential.",
         [(1.6e6, "permanent residents")]),  # tune_sites s119
        ("Dr.Li counted 12 new firms in the zone.", [(12.0, "new firms")]),
    ],
)
def test_a_sentence_glued_at_its_period_ends_the_phrase_before_it(sentence: str,
                                                                   found: list[tuple[float, str]]) -> None:
    """ "14 postgraduate courses.By 2015": the period glued to the next sentence kept the noun phrase from ending."""
    assert [(m.value, m.subject) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("In the whole year, more than 6000 cultural shows have been held.", [(6000.0, "cultural shows")]),  # t638
        ("It lists 120,000 technologies and 6,800 technology needs from local enterprises.",  # the ningbolife seed
         [(120000.0, "technologies"), (6800.0, "technology needs")]),
        ("Line 4 serves 25 stations.", [(25.0, "stations")]),  # (a verb after a line's number)
        ("A survey of 1,000 consumers shows that 30 percent buy online.", [(1000.0, "consumers"), (30.0, None)]),
    ],
)
def test_a_plural_that_may_be_a_verb_is_the_counted_noun_after_a_modifier(
        sentence: str, found: list[tuple[float, str | None]]) -> None:
    """ "shows", "needs" (VERB_WORDS) ended the phrase after "cultural", "technology": no count; after a plural
    ("consumers shows") or with an object after it ("serves 25 stations") it is still the verb."""
    assert [(m.value, m.subject) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ('A total of 79 "no waste factories" and 3 provincial "no waste windows" were named.',  # tune_sites s103
         [(79.0, "no waste factories"), (3.0, "provincial no waste windows")]),
        ("It implemented over 120 “sci-tech innovation 2025” projects.",  # dev 002
         [(120.0, "sci-tech innovation 2025 projects")]),
        ('The university has six “Beacons of Excellence” and six "wish trees" stood there.',  # t018, t398
         [(6.0, "beacons"), (6.0, "wish trees")]),
        ('“Today we arranged for 6 volunteers to meet the needs of the audience,” she said.', [(6.0, "volunteers")]),
        ('He said: "We will open 3 new plants and hire" 500 more people.', [(3.0, "new plants"), (500.0, "people")]),
    ],
)
def test_a_short_quoted_name_is_read_whole_in_a_counted_noun_phrase(
        sentence: str, found: list[tuple[float, str | None]]) -> None:
    """Words inside a short quote are a name's: "no" (a stop word) and "2025" (a number) ended the phrase before
    its plural noun, and a spelled count saw no letter after it; quoted speech around the number (or longer than a
    name) is read as before, and an "and" after a closed name ends the phrase."""
    assert [(m.value, m.subject) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("It drops by 3.1 and 2.8 percentage points respectively.", [-3.1, -2.8]),  # (s006 with its unit)
        ("Their shares rose 1.2 and 0.8 percentage points.", [1.2, 0.8]),
        ("They fell 0.9 percentage points and rose 0.5 percentage points.", [-0.9, 0.5]),
        ("The gap narrowed by between 3 and 5 percentage points.", [5.0]),  # (a range's low end is no figure)
    ],
)
def test_the_first_of_two_changes_sharing_percentage_points_is_one_and_shares_the_sign(
        sentence: str, found: list[float]) -> None:
    """ "3.1 and 2.8 percentage points" lost its first figure (a pair sharing "points" needed a comparing word after
    it), and a change in percentage points listed after a decrease kept a plus sign (percentages had both)."""
    assert [(m.value, m.unit) for m in extract_metrics(sentence)] == [(v, "percentage_points") for v in found]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The registered population of Ningbo at the end of 2019 was 6.08 million.", (6.08e6, "population")),
        ("The registered users by the end of June reached 120,000.", (120000.0, "users")),
        ("The turnover of April increased by 4.9% over the same period of last year.", (4.9, "turnover")),
    ],
)
def test_the_end_of_a_time_and_a_month_after_of_are_no_part_of_a_subject(
        sentence: str, found: tuple[float, str]) -> None:
    """ "at the end of 2019" before the verb left "end" as the subject (a headcount noun's figure was then dropped);
    "by the end of June": "of June" was taken for a place, leaving "by the end"."""
    assert [(m.value, m.subject) for m in extract_metrics(sentence)] == [found]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The inbound and outbound flights of Ningbo airport in the first half of 2019 was 5,085.",  # s035, labelled
         [(5085.0, "count", "inbound and outbound flights of ningbo airport")]),
        ("The sales of the company were 5,000 yuan.", [(5000.0, "CNY", "sales of the company")]),
        ("The output of the plant was 5,000.", []),  # (a singular head: nothing counted)
        # tune_sites s036, labelled: the head before a place phrase ("from ... to ...") is the noun counted
        ("And the tourists from Ningbo to Hong Kong have increased from about 10000 to 98200, a growth of 9 times.",
         [(10000.0, "count", "tourists from ningbo"), (98200.0, "count", "tourists from ningbo"),
          (9.0, "times", "tourists from ningbo")]),
        ("Exports to Europe reached 350 last year.", []),  # (a mass plural's head: nothing counted)
        ("The output in the park was 5,000.", []),
    ],
)
def test_a_bare_number_said_of_a_plural_restricted_by_of_counts_it(
        sentence: str, found: list[tuple[float, str, str]]) -> None:
    """ "the flights of Ningbo airport ... was 5,085": the subject's last word ("airport") was asked to be plural;
    its head, before "of", is the noun counted (count.plural_head)."""
    assert [(m.value, m.unit, m.subject) for m in extract_metrics(sentence)] == found


def test_a_number_of_noun_figure_before_as_of_a_date_is_a_count() -> None:
    """ "had risen to 23 as of Jan. 4" (tune_other t287): "as of" was no phrase an elided count may end with."""
    found = extract_metrics("The number of confirmed infections in Beilun had risen to 23 as of Jan. 4.")
    assert [(m.value, m.unit, m.subject) for m in found] == [(23.0, "count", "confirmed infections")]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("20 of our students from secondary 4 to secondary 5 participated.", [(20.0, "students")]),  # t383
        ("Four of the cites are from Guangdong province.", [(4.0, "cites")]),  # tune_sites s076, labelled
        ("So far, the investment in 20 of the projects has been completed.", [(20.0, "projects")]),  # t599
        ("Shanghai and Ningbo, two of the world's top five container ports.", []),  # (their places in a list)
        ("Terminals at two of the world's busiest container ports reopened.", []),
        ("One of the projects is done.", []),
    ],
)
def test_a_part_of_a_plural_whole_after_a_determiner_is_a_count(sentence: str,
                                                                 found: list[tuple[float, str]]) -> None:
    """ "20 of our students" counted nothing: only "26 of the 36 industries" (a numbered whole) was a part of a whole
    (count.part_of_whole); a whole of the best, top or busiest places the things in a list."""
    assert [(m.value, m.subject) for m in extract_metrics(sentence) if m.unit == "count"] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Recently, the leaders of seven top global fabric manufacturers came.",  # tune_sites s091, labelled
         [(7.0, "top global fabric manufacturers")]),
        ("It aims to gather 3,000 researchers, including 100 top scientists.",  # the ningbo_gov seed page
         [(3000.0, "researchers"), (100.0, "top scientists")]),
        ("China's 100 best cities were listed.", []),  # (a list named)
    ],
)
def test_top_before_a_plural_qualifies_the_counted_noun(sentence: str, found: list[tuple[float, str]]) -> None:
    """ "seven top global fabric manufacturers" counted nothing: "top" after a number read as naming a list."""
    assert [(m.value, m.subject) for m in extract_metrics(sentence) if m.unit == "count"] == found


def test_a_count_opening_its_sentence_before_live_or_reside_counts_people() -> None:
    """ "2.8 million reside in urban areas" (tune_sites s070, labelled): "reside" was no verb an elided count may
    take, nor one that makes a number its clause's subject."""
    found = extract_metrics("The city has a population of 7.9 million. 2.8 million reside in urban areas.")
    assert [(m.value, m.unit) for m in found] == [(7.9e6, "count"), (2.8e6, "count")]


def test_pct_and_pcts_in_a_brokers_note_are_percentage_points() -> None:
    """Real page tune_sites s171 (metrics15, a machine-translated broker's note): "compared with the 1H24 growth
    rates of +0.42 and +1.6 pct, respectively", "decreased by 2.5 pcts from 1H24", "higher than 1h24+2.16pcts" were
    no metric: "pcts" is percentage points, "pct" too where its sentence names a rate (match.pct_points), a sign
    glued to the half year before it is the change's; "rose 5 pct" (no rate named) stays unread."""
    found = extract_metrics("Revenue and net profit grew 7.45% and 7.02%, compared with the 1H24 growth rates of "
                            "+0.42 and +1.6 pct, respectively.")
    points = [(m.value, m.unit, m.kind) for m in found if m.unit == "percentage_points"]
    assert points == [(0.42, "percentage_points", "change"), (1.6, "percentage_points", "change")]
    m = by_text(extract_metrics("The cost-income ratio was 33.43%, up 0.66 pcts from 1H24."), "0.66 pcts")
    assert (m.value, m.unit) == (0.66, "percentage_points") and "match.pct_points" in m.rules
    m = by_text(extract_metrics("The growth rate was higher than 1h24-5.35pcts."), "-5.35pcts")
    assert (m.value, m.unit) == (-5.35, "percentage_points")
    assert not [m for m in extract_metrics("Shares of the firm rose 5 pct on Monday.") if m.unit == "percentage_points"]


def test_six_digits_in_brackets_after_a_company_name_are_its_stock_code() -> None:
    """Real page tune_sites s162 (metrics15): "Contemporary Amperex Technology Co.Limited(300750) , Byd Company
    Limited(002594)" and "Ningbo Shanshan Co.Ltd(600884)" were four counts (count.stock_code); a count in brackets
    after a place stays one ("Chongqing (67)")."""
    sentence = ("Its subsidiary signed a strategic investment agreement with four strategic investors \u2013 Ningbo "
                "wending Investment Co., Ltd. (a wholly-owned subsidiary of Contemporary Amperex Technology "
                "Co.Limited(300750) ), Byd Company Limited(002594) , Ningde New Energy Technology Co., Ltd. (ATL) and "
                "Petrochina Company Limited(601857) group Kunlun Capital Co., Ltd, to increase the capital of a "
                "subsidiary of Ningbo Shanshan Co.Ltd(600884) holding.")
    assert [(m.value, m.unit) for m in extract_metrics(sentence)] == [(4.0, "count")]
    found = extract_metrics("Beijing topped the list with 92 enterprises, followed by Chongqing (67) and "
                            "Shanghai (63).")
    assert [m.value for m in found] == [92.0, 67.0, 63.0]


def test_a_prefixed_amounts_range_takes_the_scale_after_its_second_number() -> None:
    """Real page tune_sites s160 (metrics15, a business report): "net income CNY 1.2-1.5 billion" was CNY 1.2: the
    scale after the range's second number scales the first (money.range_scale)."""
    m = one("Full-year net income is expected to be CNY 1.2-1.5 billion.")
    assert (m.value, m.unit) == (1.2e9, "CNY") and "money.range_scale" in m.rules
    assert [(m.value, m.unit) for m in extract_metrics("The fee is $3 - 5 per visit.")] == [(3.0, "USD")]


def test_a_quarter_of_a_scale_is_a_part_of_it() -> None:
    """Real page tune_sites s163 (metrics15, Reuters): "a new plant to produce a quarter of a million bigger-sized
    cars" was no metric: "quarter of a", like "half a", is a part of the scale after it (number.half_scale)."""
    m = one("Geely is building a new plant to produce a quarter of a million bigger-sized cars.")
    assert (m.value, m.unit) == (250000.0, "count") and "number.half_scale" in m.rules
    assert [(m.value, m.unit) for m in extract_metrics("A quarter of the firms left.")] == [(25.0, "percent")]


def test_unnamed_sources_are_no_count() -> None:
    """Real page tune_sites s163 (metrics15, Reuters): "..., two people familiar with the matter said" was a count
    of 2 people (count.sourcing_phrase); "two people died", "300 people familiar with robots" still count."""
    assert extract_metrics("It will power its growth, two people familiar with the matter said.") == []
    assert extract_metrics("Three sources close to the company said so.") == []
    assert [m.value for m in extract_metrics("Two people died in the fire.")] == [2.0]
    assert [m.value for m in extract_metrics("It hired 300 people familiar with robots.")] == [300.0]


def test_a_number_of_quarters_is_a_stretch_of_time_not_a_count() -> None:
    """Real page tune_sites s171 (metrics15): "The interest business grew steadily for four consecutive quarters" was
    a count of 4 quarters: quarters are a time unit (vocab TIME_UNIT_WORDS), like years and months."""
    assert extract_metrics("The interest business grew steadily for four consecutive quarters.") == []
    assert [m.value for m in extract_metrics("It opened four new labs.")] == [4.0]


def test_one_unit_of_a_currency_before_an_equals_sign_is_a_rate_base() -> None:
    """Real page tune_sites s163 (metrics15, Reuters): "($1 = 6.8231 Chinese yuan renminbi)" gave an amount of one
    dollar: the base of an exchange rate is no amount (money.rate_base); "$1 million" and "a ticket is $1" stay.
    (Since extractor .116 "Chinese yuan" is a currency word: the rate's 6.8231 is read, as s163's label allows,
    uncertain, and as "(1 yuan = US$0.125)"'s US$0.125 was.)"""
    found = extract_metrics("It plans to spend 3.4 billion yuan ($498.31 million).\n"
                            "($1 = 6.8231 Chinese yuan renminbi)")
    assert [(m.value, m.unit) for m in found] == [(3.4e9, "CNY"), (498.31e6, "USD"), (6.8231, "CNY")]
    assert [m.value for m in extract_metrics("It costs $1 million.")] == [1e6]
    assert [m.value for m in extract_metrics("A ticket is $1.")] == [1.0]


def test_a_fraction_after_among_them_that_opens_its_clause_is_a_share() -> None:
    """Real page tune_sites s172 (metrics15, a county's development zone): "424 enterprises have settled in the NEDZ
    ... Among them, one third are foreign investments" had no share: a fraction is the clause's subject after
    "among/of them" (fraction.of_them); "One third were sold" names no whole."""
    found = extract_metrics("So far, 424 enterprises have settled here. Among them, one third are foreign investments.")
    shares = [(m.value, m.unit, m.kind) for m in found if m.unit == "percent"]
    assert shares == [(33.33, "percent", "share")]
    assert extract_metrics("One third were sold.") == []


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # tune_sites s111 / s112 / s116 (rainfall, reservoirs, typhoon winds; labelled mm, m3, m/s)
        ("The rainfall in Dalan town reached 951 millimeters.", [(951.0, "mm")]),
        ("The area rainfall in the whole district has been 44.4mm.", [(44.4, "mm")]),
        ("It has a storage capacity of 14 million cubic meters of water.", [(14e6, "m3")]),
        ("It will treat 30,000 m3 of organic waste per day.", [(30000.0, "m3")]),
        ("The storm was packing winds of up to 28 meters per second.", [(28.0, "m/s")]),
        # s071, s059 (areas in hectares and acres, beside mu and m2: as the page gives them)
        ("The plantation now exceeds 8,500 mu (566.67 hectares).", [(8500.0, "mu"), (566.67, "hectares")]),
        ("The campus occupies 144 acres.", [(144.0, "acres")]),
        # s107, s110, s106 (speeds)
        ("It has a designed speed limit of 100km/h.", [(100.0, "km/h")]),
        ("The new line runs at 350 km/h.", [(350.0, "km/h")]),
        ("The train will run at 80 km/h.", [(80.0, "km/h")]),
        ("Cars may drive at 100 kilometers per hour on it.", [(100.0, "km/h")]),
        # lengths, spelled and hyphenated
        ("The port has a maximum depth of 19.5 meters.", [(19.5, "m")]),
        ("The hotel is in the 409-meter-tall tower.", [(409.0, "m")]),
    ],
)
def test_physical_measures_are_read_in_the_unit_the_page_gives(sentence: str, found: list[tuple[float, str]]) -> None:
    """Extractor .73: the record's physical units (core.records.UNITS: mm, m, m3, hectares, acres, km/h, m/s). Before
    them 22 labelled tuned figures (rainfall, reservoirs, speeds, campus areas) had no metric; "100 kilometers per
    hour" was refused as a length and nothing else took it."""
    assert [(m.value, m.unit) for m in extract_metrics(sentence)] == found


def test_a_glued_m_is_metres_only_beside_a_word_of_length() -> None:
    """tune_sites s112: "the control water level ... is 1.01m-1.16m, and the river water level is maintained at about
    1.1m" (metres: a word of length before it in the clause, or right after it: "56.7m tall"); a glued "m" alone may
    be a million ("a population of 8m"), and after a currency mark it is money's."""
    found = extract_metrics("The control water level is 1.01m-1.16m, and the water level is maintained at about 1.1m.")
    assert [(m.value, m.unit, m.qualifier) for m in found] == [(1.01, "m", None), (1.1, "m", "approx")]
    assert [(m.value, m.unit) for m in extract_metrics("The statue is 56.7m tall.")] == [(56.7, "m")]
    assert [m.unit for m in extract_metrics("The city has a population of 8m.")] == []
    assert [m.unit for m in extract_metrics("The firm raised £80m for its new height gauges.")] == []


def test_a_physical_unit_that_a_rate_is_counted_over_is_no_measure() -> None:
    """ "a yield of 7,500 kilograms per hectare": the hectare says what the yield is counted over (as "per 100 mu")."""
    assert [(m.value, m.unit) for m in extract_metrics("It reached a yield of 7,500 kilograms per 1 hectare.")] == [
        (7.5, "tonnes")]


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("In 1Q24, revenue rose 8% year-on-year.", "2024-01..2024-03"),  # tune_sites s125, s171 (brokers' notes)
        ("3Q24 single-quarter revenue were +8.12% year-on-year.", "2024-07..2024-09"),
        ("Revenue for 1-3Q24 rose 8%.", "2024-01..2024-09"),
        ("Its Q3 2023 CAR was 14.5%.", "2023-07..2023-09"),  # s124
        ("Revenue in Q1-Q3 2024 rose 8%.", "2024-01..2024-09"),
        ("Revenue in H1 2024 rose 8% year-on-year.", "2024-01..2024-06"),
        ("Revenue in 2H23 rose 8%.", "2023-07..2023-12"),
        ("Revenue in Q3'24 rose 8%.", "2024-07..2024-09"),
        ("Revenue in FY2023 was 5 billion yuan.", "2023"),
        ("The trade value in Q1 surged 10.9 percent.", "2020-01..2020-03"),  # no year: the publication's (t004)
        ("The H1N1 cases rose 8%.", None),  # a virus, no half-year
    ],
)
def test_a_quarter_or_half_as_reports_abbreviate_it_is_the_period(sentence: str, period: str | None) -> None:
    """Extractor .74: "1Q24", "Q3 2023", "1-3Q24", "H1 2024", "FY2023" (company results, brokers' notes; tune_sites
    s124-s126, s171) named no period; "first quarter of 2024" did (periods.FISCAL_PART_RE)."""
    assert [m.period for m in extract_metrics(sentence, "2020-04-20")] == [period]


def test_has_been_links_a_subject_to_its_figure() -> None:
    """Extractor .75: "been" and "be" link like "is" ("the area rainfall in the whole district has been 44.4mm",
    tune_sites s112; "Full-year sales are expected to be CNY 12 billion", s160): their figures had no subject."""
    assert [m.subject for m in extract_metrics("The area rainfall in the district has been 44.4mm.")] == [
        "area rainfall in the district"]
    assert [m.subject for m in extract_metrics("Full-year sales are expected to be CNY 12 billion.")] == [
        "full-year sales"]


def test_an_abbreviated_quarter_after_the_subject_is_no_part_of_it() -> None:
    """Extractor .76: "Revenue in H1 2024 rose 8%" had no subject and "net interest income for Q2" kept its quarter
    (tune_sites s126): the abbreviated quarters end a subject as "in 2024" does (subjects.TRAILING_TIME_RE)."""
    for sentence, subject in (("Revenue in H1 2024 rose 8% year-on-year.", "revenue"),
                              ("The bank's net interest income for Q2 was 116.52 billion CNY.", "net interest income"),
                              ("Net profit in FY2023 was 5 billion yuan.", "net profit")):
        assert [m.subject for m in extract_metrics(sentence)] == [subject]


def test_a_pipe_table_under_its_unit_line_gives_amounts_and_changes() -> None:
    """Real pages tune_sites s160 and s176 (metrics16, MarkLines' business reports): a pipe table under "(in CNY
    millions) |" had no metric: its cells are amounts in that currency at that scale for the year their column heading
    names, a loss in brackets negative (table.cell); a column headed "Rate of change(%)" holds changes in percent for
    the first column's year (table.change_column). Cells with no unit line above them stay unread."""
    table = ("FY2020 (ended Dec. 31, 2020) | FY2019 (ended Dec. 31, 2019) | Rate of change(%) | Factors | |\n\n"
             "Sales | 6,511.09 | 5,358.95 | 21.50 |\n\n-Sales were strong in each business segment. |\n\n"
             "Net income | 233.26 | (4,535.46) | - |\n\nThe company plans a new plant.")
    found = extract_metrics("(in CNY millions) |\n\n" + table)
    assert [(m.value, m.unit, m.kind, m.period) for m in found] == [
        (6511.09e6, "CNY", "level", "2020"), (5358.95e6, "CNY", "level", "2019"), (21.5, "percent", "change", "2020"),
        (233.26e6, "CNY", "level", "2020"), (-4535.46e6, "CNY", "level", "2019")]
    assert [m.text for m in found][:3] == ["6,511.09", "5,358.95", "21.50"]
    assert all(m.unit != "CNY" for m in extract_metrics(table))


def test_a_sign_written_on_a_number_is_that_numbers_own() -> None:
    """Extractor .79 (tune_sites s171, a machine-translated broker's note): "were -5.67% and 0.38%" gave -0.38 (the
    second number took the first's written minus) and "decreased by +14.88%, 14.91%" gave -14.88 and -14.91 (the
    decrease word beat the written plus). A written sign is its number's; a minus a decrease word gave still
    carries down a list ("fell 3.2% and 4.5%")."""
    def values(sentence: str) -> list[float]:
        return [m.value for m in extract_metrics(sentence)]
    assert values("The growth rates of A and B were -5.67% and 0.38%, respectively.") == [-5.67, 0.38]
    assert values("The discount scale decreased by +14.88%, 14.91%, and 20.29% year-on-year respectively.") == [
        14.88, 14.91, 20.29]
    assert values("Exports fell 3.2% and 4.5% respectively.") == [-3.2, -4.5]
    assert values("Imports decreased by 2.1%.") == [-2.1]


def test_a_part_out_of_a_numbered_set_is_a_count_a_proportion_a_share() -> None:
    """Extractor .79 (tune_sites s027, s079, dev 024): "33 out of 35 categories" was a share of 94.29% (the page gives
    its share itself after it), "28 (out of 31) provinces" and "Nine out of the top ten industries" were nothing. The
    labels count the part, as "seven of the eight categories" (count.part_of_whole); "9 out of 10 patent
    applications" (dev 012) and "one out of every 12" stay shares (a proportion's base, or "every")."""
    def found(sentence: str) -> list[tuple[float, str, str | None]]:
        return [(m.value, m.unit, m.subject) for m in extract_metrics(sentence)]
    assert found("33 out of 35 categories realized the increase of added value growth.") == [
        (33.0, "count", "categories")]
    assert found("Students came from 28 (out of 31) provinces.") == [(28.0, "count", "provinces")]
    assert found("Nine out of the top ten industries witnessed the growth of added value.") == [
        (9.0, "count", "industries")]
    assert found("9 out of 10 patent applications come from enterprises.") == [(90.0, "percent", None)]
    assert found("One out of every 12 residents is over 80.") == [(8.33, "percent", None)]


def test_a_part_of_a_count_after_including_or_with_counts_its_noun() -> None:
    """Extractor .79 (tune_other t010, t203, t280: numbers no metric covered on other sources' pages): "has reached
    300, including 120 with the Belt and Road countries", "22,000 employees worldwide, including 16,000 in Sweden",
    "a capacity of 20,000 participants, including 8,000 for marathon and 12,000 for half marathon" gave only the
    whole: a number after "including", "of which" or "with" that counts no noun of its own counts the count's before
    it, as one after "and" did (match.elided_count)."""
    def counts(sentence: str) -> list[tuple[float, str | None]]:
        return [(m.value, m.subject) for m in extract_metrics(sentence) if m.unit == "count"]
    assert counts("Volvo has 22,000 employees worldwide, including 16,000 in Sweden.") == [
        (22000.0, "employees"), (16000.0, "employees")]
    assert counts("About 15,000 runners will attend, with 3,000 in the full marathon, 6,000 in the half-marathon.") \
        == [(15000.0, "runners"), (3000.0, "runners"), (6000.0, "runners")]
    assert counts("The port has 300 routes, including 120 with the Belt and Road countries.") == [
        (300.0, "routes"), (120.0, "routes")]
    assert counts("The city has 300 routes, including 120 new routes.") == [(300.0, "routes"), (120.0, "new routes")]


def test_a_multiple_written_fold_is_a_multiple() -> None:
    """Extractor .79 (tune_other t022): "NEV production reached 44,800 units, a staggering 5.7-fold increase" gave
    only the count: "5.7-fold", "3 fold", "10fold" are multiples as "5.7 times" is (match.times)."""
    for sentence, value in (("NEV output reached 44,800 units, a staggering 5.7-fold increase.", 5.7),
                            ("Sales rose 3-fold.", 3.0), ("Sales rose 10fold.", 10.0)):
        assert [(m.value, m.unit) for m in extract_metrics(sentence) if m.unit == "times"] == [(value, "times")]


def test_a_part_of_a_hedged_or_plain_whole_counts_its_noun() -> None:
    """Extractor .79 (tune_other t313): "only about 6,000 of more than 20,000 local container truck drivers" gave only
    the whole: "N of M nouns" counts the part as "N of the M nouns" does, M hedged or not, with thousands commas
    (count.part_of_whole)."""
    found = extract_metrics("However, only about 6,000 of more than 20,000 local container truck drivers had passes.")
    assert [(m.value, m.subject, m.qualifier) for m in found] == [
        (6000.0, "local container truck drivers", "approx"), (20000.0, "local container truck drivers", "at_least")]
    assert [m.value for m in extract_metrics("3 of 5 projects were done.")] == [3.0, 5.0]


def test_teu_glued_to_its_number_counts_containers() -> None:
    """Extractor .79 (tune_other t428): "totaling 186,749TEU in capacity" had no metric ("186,749 TEU" had one): TEU
    glued to its number, with or without a glued million ("35.3mTEU"), counts containers (match.million_glued)."""
    for sentence, value in (("The ships at anchor totaled 186,749TEU in capacity.", 186749.0),
                            ("Throughput hit 35.3mTEU.", 35.3e6), ("Throughput hit 23.3m teu.", 23.3e6)):
        assert [(m.value, m.unit) for m in extract_metrics(sentence)] == [(value, "count")]


def test_a_range_of_percentages_or_amounts_is_reported_at_its_low_end() -> None:
    """Extractor .79: "10%-15%" gave 10% and a decline of 15% (the hyphen read as a minus), "10-15%" and "2-3 million
    yuan" nothing. A range is reported at its low end, as a range of a count is ("2-3 national ... centers") and as
    the labels accept either end (match.percent_range, match.money_range_suffixed: the second number's scale scales
    the first)."""
    def found(sentence: str) -> list[tuple[float, str]]:
        return [(m.value, m.unit) for m in extract_metrics(sentence)]
    assert found("Growth is expected at 10%-15% this year.") == [(10.0, "percent")]
    assert found("Growth is expected at 10-15% this year.") == [(10.0, "percent")]
    assert found("Growth was 3~5 percent.") == [(3.0, "percent")]
    assert found("It will cost 2-3 million yuan.") == [(2e6, "CNY")]
    assert found("It costs 3-5 billion US dollars.") == [(3e9, "USD")]
    assert found("The rate was -5%.") == [(-5.0, "percent")]


def test_deadweight_tonnage_is_tonnes() -> None:
    """Extractor .79 (tune_sites s061): "the shipbuilding scale has reached 1.95 million Dead Weight Tonnage (DWT)" and
    "reaching 0.88 million DWT" had no metric: a deadweight is tonnes (match.tonnes); a lowercase "dwt" is none."""
    for sentence, value in (("The shipbuilding scale has reached 1.95 million Dead Weight Tonnage (DWT).", 1.95e6),
                            ("The fleet's scale reached 0.88 million DWT.", 0.88e6),
                            ("A 400,000-DWT ore carrier berthed.", 4e5)):
        assert [(m.value, m.unit) for m in extract_metrics(sentence)] == [(value, "tonnes")]
    assert [m.unit for m in extract_metrics("He wrote 5 dwt notes.")] != ["tonnes"]


def test_deadweight_abbreviated_with_points_is_tonnes() -> None:
    """Real page tune_sites s325 (metrics27, a port guide's entry for Ningbo): "Much of the imported iron ore arrives in
    vessels up to 100,000 d.w.t." and "MAX. SIZE: 5,000 d.w.t., LOA 126 m." had no metric: a deadweight written
    "d.w.t." is tonnes as "DWT" is (match.tonnes)."""
    ms = extract_metrics("Much of the imported iron ore arrives in vessels up to 100,000 d.w.t. At Beilun Harbour, "
                         "half of the cargo is unloaded.")
    assert [(m.value, m.unit) for m in ms if m.unit == "tonnes"] == [(100000.0, "tonnes")]
    m = by_text(extract_metrics("MAX. SIZE: 5,000 d.w.t., LOA 126 m., beam 17.0 m., draft 7.0 m."), "5,000 d.w.t.")
    assert (m.value, m.unit) == (5000.0, "tonnes") and "match.tonnes" in m.rules


def test_a_million_glued_before_dwt_is_tonnes() -> None:
    """Real page tune_sites s335 (metrics28, a Seatrade item on China's shipyards): "For the first eleven months,
    China’s shipbuilding output was 35.88m dwt, an increase of 7.9%" and five more "m dwt" figures had no metric: a
    million glued as "m" before a deadweight in either case is tonnes as before "tonnes" (match.million_glued); a bare
    lowercase "dwt" stays none."""
    ms = extract_metrics("For the first eleven months, China’s shipbuilding output was 35.88m dwt, an increase of "
                         "7.9%; the newly received shipbuilding order was 63.64m dwt, increasing 182.6%.")
    assert [(m.value, m.unit) for m in ms if m.unit == "tonnes"] == [(35.88e6, "tonnes"), (63.64e6, "tonnes")]
    assert "match.million_glued" in ms[0].rules
    assert [(m.value, m.unit) for m in extract_metrics("The yard delivered 1.2M DWT.")] == [(1.2e6, "tonnes")]
    assert [m.unit for m in extract_metrics("He wrote 5 dwt notes.")] != ["tonnes"]


def test_count_in_words_before_a_vessel_size_counts_the_vessels() -> None:
    """Real page tune_sites s336 (metrics28, a Container News item on Zhejiang Seaport's feeders): "an order of four
    1,000TEU feeder ships" and "ordered four 1,868TEU ships" gave the sizes only: a count in words may stand before a
    vessel's size (vocab.VESSEL_SIZE_UNITS: TEU, dwt, ton) and counts the noun after it (match.spelled_count); the size
    is read apart as before."""
    ms = extract_metrics("Zhejiang Seaport Shipping Company has added to its string of newbuilding orders, with an "
                         "order of four 1,000TEU feeder ships from the Singapore-listed Chinese ship builder.")
    assert [(m.value, m.unit, m.subject) for m in ms] == [(4.0, "count", "feeder ships"), (1000.0, "count", None)]
    m = by_text(extract_metrics("The port has two 100,000-ton berths."), "two 100,000-ton berths")
    assert (m.value, m.subject) == (2.0, "berths")
    assert [m.value for m in extract_metrics("He paid four 100 yuan notes.")] == [100.0]


def test_a_bare_count_sizing_a_settlement_counts_its_people() -> None:
    """Real pages tune_sites s337 (metrics28, AFP's 2008 story on Cixi's exporters: "The Cixi zone ... thrives on its
    proximity to Ningbo, a city of six million whose natural harbour makes it a convenient interface") and tune_other
    t912 ("is a town of 84,000 in northeastern Zhejiang"): no metric. A bare count after "a city/town ... of", with
    nothing counted after it, is the place's people (count.place_population); an area or a span of years is not."""
    ms = extract_metrics("The Cixi zone thrives on its proximity to Ningbo, a city of six million whose natural "
                         "harbour makes it a convenient interface with overseas markets.")
    assert [(m.value, m.unit, m.subject) for m in ms] == [(6e6, "count", "population")]
    assert "count.place_population" in ms[0].rules
    assert [(m.value, m.subject) for m in extract_metrics("Xikou is a town of 84,000 in northeastern Zhejiang.")] == [
        (84000.0, "population")]
    assert not extract_metrics("It is a city of 2,000 years of history.")
    assert [m.unit for m in extract_metrics("It is a city of 300 square kilometers.")] == ["km2"]


def test_counts_each_with_its_modifier_before_one_noun() -> None:
    """Real page tune_sites s336 (metrics28, a Container News item on Zhejiang Seaport's feeders): "Alphaliner ranks
    NBOSCO as the world’s 34th largest liner operator, with a current capacity of 35,588TEU, comprised of 29 owned and
    15 chartered ships" read 15 and not 29: a number, its own modifier and "and" before a count of "<modifier> <noun>"
    counts the noun with its modifier (count.modifier_pair); "300 more and 200 new enterprises" does not."""
    ms = extract_metrics("Alphaliner ranks NBOSCO as the world’s 34th largest liner operator, with a current capacity "
                         "of 35,588TEU, comprised of 29 owned and 15 chartered ships.")
    m = by_text(ms, "29")
    assert (m.value, m.unit, m.subject) == (29.0, "count", "owned ships") and "count.modifier_pair" in m.rules
    assert [m.value for m in extract_metrics("It has 300 more and 200 new enterprises.")] == [200.0]


def test_run_of_names_with_counts_in_parentheses() -> None:
    """Real page tune_sites s324 (metrics27, new A-share listings by province): "Guangdong (92), Zhejiang (87) and
    Jiangsu (86) ranked among the “top three”, and Shanghai (48), Beijing (40) and Shandong (36) belong to the “second
    echelon”" had no metric: with no count before them, three or more names each with a count in parentheses are
    counts (count.named_paren_run); years so ("Smith (2019)") and a pair are not."""
    ms = extract_metrics("Guangdong (92), Zhejiang (87) and Jiangsu (86) ranked among the “top three”, and Shanghai "
                         "(48), Beijing (40) and Shandong (36) belong to the “second echelon”.")
    assert [(m.value, m.unit) for m in ms] == [(v, "count") for v in (92.0, 87.0, 86.0, 48.0, 40.0, 36.0)]
    assert "count.named_paren_run" in ms[0].rules
    assert not extract_metrics("Smith (2019), Jones (2020) and Lee (2021) argue so.")
    assert not extract_metrics("Beijing (40) and Shanghai (48) led.")


def test_workforce_of_a_number_counts_people() -> None:
    """Real page tune_sites s327 (metrics27, a moulder's expansion): "Its workforce of 300 is expected to grow about 20
    percent with the new factories" gave the percentage only: a workforce is a body of people as a staff is
    (vocab.PLURAL_NOUNS), so the number after "workforce of" counts it."""
    ms = extract_metrics("Its workforce of 300 is expected to grow about 20 percent with the new factories.")
    m = by_text(ms, "300")
    assert (m.value, m.unit, m.subject) == (300.0, "count", "workforce")
    assert [(x.value, x.unit) for x in ms if x.unit == "percent"] == [(20.0, "percent")]


def test_half_of_opening_a_clause_is_a_share() -> None:
    """Real page tune_sites s325 (metrics27, a port guide's entry for Ningbo): "At Beilun Harbour, half of the cargo is
    unloaded, in order to reduce the vessel's draft" had no metric: "half of" was a share only after a lead word ("more
    than half of"); opening a clause before a determined whole it is one too (match.fraction), not of a time."""
    ms = extract_metrics("At Beilun Harbour, half of the cargo is unloaded, in order to reduce the vessel's draft.")
    assert [(m.value, m.unit, m.kind) for m in ms] == [(50.0, "percent", "share")]
    assert not extract_metrics("By then, half of the year had passed.")
    assert not extract_metrics("Half of them left.")


def test_percentage_range_written_with_to() -> None:
    """Real page tune_sites s327 (metrics27, a moulder's expansion): "Zhang said its domestic sales are expected to
    grow 10 to 20 percent in 2012" gave the high end, 20 percent, as a level: a range written with "to" is read at its
    low end as "10-20%" is (match.percent_range), so the change words before it make it a change; "from 10 to 20
    percent" is a move and "rose 5% to 20%" no range."""
    m = by_text(extract_metrics("Zhang said its domestic sales are expected to grow 10 to 20 percent in 2012, while "
                                "export is most likely to stay flat."), "10 to 20 percent")
    assert (m.value, m.unit, m.kind) == (10.0, "percent", "change") and "match.percent_range" in m.rules
    assert not [x for x in extract_metrics("The share rose from 10 to 20 percent.") if "match.percent_range" in x.rules]
    assert [x.value for x in extract_metrics("Its share rose 5% to 20%.")] == [5.0, 20.0]


def test_pct_glued_to_a_half_year_after_its_four_digit_year() -> None:
    """Real page tune_sites s332 (metrics28, a broker's note on Bank of Ningbo's three quarters): "The net profit growth
    rate of 2024Q1-Q3 company was higher than 2024H1+1.60pct" and "Compared with 2024q2+44.56pct, new retail loans
    accounted for a marked improvement" read nothing ("1h24+2.16pcts" was read): a sign glued to a half year or quarter
    after its four-digit year opens percentage points too (match.pct_points), and the period compared with makes the
    singular "pct" points with no rate word; a bare "rose 5 pct" stays none."""
    ms = extract_metrics("The net profit growth rate of 2024Q1-Q3 company was higher than 2024H1+1.60pct, mainly due "
                         "to the weakening of net interest spreads.")
    assert [(m.value, m.unit, m.kind) for m in ms] == [(1.6, "percentage_points", "change")]
    ms = extract_metrics("Compared with 2024q2+44.56pct, new retail loans accounted for a marked improvement.")
    assert [(m.value, m.unit) for m in ms] == [(44.56, "percentage_points")]
    assert not extract_metrics("It rose 5 pct.")


def test_hedged_share_range_with_the_unit_said_twice() -> None:
    """Real page tune_sites s329 (metrics28, a Yicai item on Cixi's appliance makers): "Only about 15 percent to 20
    percent of the small appliances made in Cixi, known as China's small home appliance hub, are exported to the US"
    gave two figures, 15 a level and 20 a share: after an estimate's word and before "of" a whole, a range with its
    unit said at both ends is read at its low end as "10 to 20 percent" is (match.percent_range); "rose 5% to 20% of
    the market" stays a change and the level it reached."""
    ms = extract_metrics("Only about 15 percent to 20 percent of the small appliances made in Cixi, known as China's "
                         "small home appliance hub, are exported to the US, Yu Xuehui told Yicai.")
    assert [(m.value, m.unit, m.kind, m.qualifier) for m in ms] == [(15.0, "percent", "share", "approx")]
    assert "match.percent_range" in ms[0].rules
    assert [x.value for x in extract_metrics("Its share rose 5% to 20% of the market.")] == [5.0, 20.0]


def test_spelled_count_after_the_above_refers_back() -> None:
    """Real page tune_sites s320 (metrics27, two banks' half year): "The above two banks continued to promote the
    transformation of their business models" gave a count of 2 "at least": "above" after a determiner points back to
    the pair named before (vocab.SPELLED_REFERENCE_ADJECTIVES), it bounds nothing; "above ten new plants" counts."""
    assert not extract_metrics("The above two banks continued to promote the transformation of their business models "
                               "in the first half of the year.")
    assert [(m.value, m.unit) for m in extract_metrics("They built above ten new plants.")] == [(10.0, "count")]


def test_percent_written_pc_glued_to_its_number() -> None:
    """Real page tune_sites s190 (metrics17, a metals desk): "a 51pc majority-owned joint venture", "profits leaped by
    600pc", "a 15.1pc stake" were no metric: "pc" glued to a number is percent (match.percent_pc); a word that goes on
    past it ("5pcs") is not."""
    m = by_text(extract_metrics("BASF has announced a 51pc majority-owned joint venture with Shanshan."), "51pc")
    assert (m.value, m.unit) == (51.0, "percent") and "match.percent_pc" in m.rules
    assert not [m for m in extract_metrics("The kit holds 5pcs of screws.") if m.unit == "percent"]


def test_metric_tonnes_written_mt() -> None:
    """Real pages tune_sites s190 and s195 (metrics17): "a planned CAM capacity of 90,000mt annually", "no less than
    300,000 mt of PCAM" were no metric: a lowercase "mt", glued or after a space, is metric tonnes
    (match.tonnes_mt)."""
    m = by_text(extract_metrics("They have a planned capacity of 90,000mt annually by 2022."), "90,000mt")
    assert (m.value, m.unit) == (90000.0, "tonnes") and "match.tonnes_mt" in m.rules
    m = by_text(extract_metrics("Ronbay expects to purchase no less than 300,000 mt of PCAM."), "300,000 mt")
    assert (m.value, m.unit, m.qualifier) == (300000.0, "tonnes", "at_least")


def test_percentage_points_written_ppts() -> None:
    """Real page tune_sites s186 (metrics17, a broker's note): "gross margin steadily grew by 1.6 ppts yoy", "a yoy
    increase of 0.81 ppts" were no metric: "ppts"/"ppt" is percentage points (match.points_ppts), a sign the
    change's."""
    m = by_text(extract_metrics("The gross margin steadily grew by 1.6 ppts yoy to approximately 15.6%."), "1.6 ppts")
    assert (m.value, m.unit, m.kind) == (1.6, "percentage_points", "change") and "match.points_ppts" in m.rules
    m = by_text(extract_metrics("The net margin moved -0.4ppt from Q2."), "-0.4ppt")
    assert (m.value, m.unit) == (-0.4, "percentage_points")


def test_a_multiple_written_x_glued_to_its_number() -> None:
    """Real page tune_sites s187 (metrics17, a stock site's key figures): "13.7x" above its label line "Asset to
    equity ratio" and "Assets to Equity ratio (13.7x)" were no metric: "x" glued to a number is a multiple
    (match.times_x); a multiple of one ("Select Speed 1.00x", a reader widget on s115) and a dimension ("1920x1080")
    are not."""
    m = by_text(extract_metrics("The bank's Assets to Equity ratio (13.7x) is moderate."), "13.7x")
    assert (m.value, m.unit) == (13.7, "times") and "match.times_x" in m.rules
    assert not [m for m in extract_metrics("Select Voice  Select Speed  1.00x") if m.unit == "times"]
    assert not [m for m in extract_metrics("The screen shows 1920x1080 pixels.") if m.unit == "times"]


def test_a_prefixed_amount_scaled_by_one_letter() -> None:
    """Real page tune_sites s187 (metrics17): "total assets of CN¥3,067.7B", "Total deposits ... CN¥2.01t" were no
    metric: "CN¥" marks yuan, and a "b"/"B" or "t"/"T" glued to a prefixed amount is its scale, billion or trillion
    (money.scale_letter), as "m" is a million ("$140m")."""
    found = extract_metrics("Bank of Ningbo has total assets of CN¥3,067.7B and deposits of CN¥2.01t.")
    assert [(m.text, m.value, m.unit) for m in found] == [("CN¥3,067.7B", 3067.7e9, "CNY"),
                                                          ("CN¥2.01t", 2.01e12, "CNY")]
    assert "money.scale_letter" in found[0].rules
    m = by_text(extract_metrics("It bought two businesses for more than $1.1b."), "$1.1b")
    assert (m.value, m.unit) == (1.1e9, "USD")


def test_a_signed_number_before_year_on_year_is_a_change_in_percent() -> None:
    """Real page tune_sites s189 (metrics17, a machine-translated broker's note): "operating income of 3.814 billion
    yuan, +163 year-on-year" read no change: the translation dropped the percent sign; a number with its own sign right
    before "year-on-year" is a change in percent (match.signed_yoy). A year range before it is not ("2021-2022
    year-on-year")."""
    m = by_text(extract_metrics("2023H1 realized operating income of 3.814 billion yuan, +163 year-on-year."), "+163")
    assert (m.value, m.unit, m.kind) == (163.0, "percent", "change") and "match.signed_yoy" in m.rules
    assert not [m for m in extract_metrics("Sales in 2021-2022 year-on-year were stable.") if m.unit == "percent"]


def test_a_rate_or_share_whose_percent_sign_was_dropped() -> None:
    """Real page tune_sites s189 (metrics17): "the company's gross margin of 35.55, yoy plus 6.38pct", "sales expense
    rate of 5.76", "financial expense rate of -3.11", "accounting for about 73.47, domestic ..." were no metric: a
    number ending its clause right after a rate noun (vocab BARE_RATE_NOUNS) is that rate in percent
    (match.rate_unsigned), after "accounting for" with decimals a share (match.share_unsigned). A count after
    "accounting for" is not ("accounting for 12, Hangzhou 8"), nor a rate with a unit ("gross margin of 35 times")."""
    found = extract_metrics("In 2023H1, the company's gross margin of 35.55, yoy plus 6.38pct; financial expense rate "
                            "of -3.11, YoY -2.81pct.")
    assert [(m.text, m.value, m.unit) for m in found if m.unit == "percent"] == [("35.55", 35.55, "percent"),
                                                                              ("-3.11", -3.11, "percent")]
    m = by_text(extract_metrics("Overseas sales of about 308200 units, accounting for about 73.47, domestic sales of "
                                "about 111300 units."), "73.47")
    assert (m.unit, m.kind, m.qualifier) == ("percent", "share", "approx") and "match.share_unsigned" in m.rules
    assert not [m for m in extract_metrics("Projects were signed, Ningbo accounting for 12, Hangzhou 8.")
                if m.unit == "percent"]


def test_a_markdown_table_flattened_into_one_line_gives_its_cells() -> None:
    """Real page tune_sites s196 (metrics17, a reportify summary of Haitian's interim report): "| Metric | H1 2025
    (RMB million) | H1 2024 (RMB million) | Change (%) | | :--- | :--- | :--- | :--- | | Revenue | 9,018.3 | 8,017.8 |
    12.5 | ..." on one line gave nothing: the headings before the alignment cells name each column's period and, in
    brackets, its currency and scale; the rows follow one after another (table.flat_cell), a change column's cells
    are changes (table.change_column), a row label's own currency ("(RMB)") takes no scale. Headings with no unit
    leave the table unread."""
    text = ("Key Financial Performance | Metric | H1 2025 (RMB million) | H1 2024 (RMB million) | Change (%) | "
            "| :--- | :--- | :--- | :--- | | Revenue | 9,018.3 | 8,017.8 | 12.5 | | Basic Earnings Per Share (RMB) | "
            "1.07 | 0.95 | 12.6 | - The Board resolved not to declare an interim dividend.")
    found = extract_metrics(text)
    assert [(m.value, m.unit, m.kind, m.subject, m.period) for m in found] == [
        (9018.3e6, "CNY", "level", "revenue", "2025-01..2025-06"),
        (8017.8e6, "CNY", "level", "revenue", "2024-01..2024-06"),
        (12.5, "percent", "change", "revenue growth", "2025-01..2025-06"),
        (1.07, "CNY", "level", "basic earnings per share", "2025-01..2025-06"),
        (0.95, "CNY", "level", "basic earnings per share", "2024-01..2024-06"),
        (12.6, "percent", "change", "basic earnings per share growth", "2025-01..2025-06")]
    assert "table.flat_cell" in found[0].rules
    assert not [m for m in extract_metrics(text.replace(" (RMB million)", "")) if m.unit == "CNY"]


def test_a_table_set_apart_by_spaces_under_its_unit_line_gives_its_cells() -> None:
    """Real page tune_sites s185 (metrics17, MarkLines' Joyson FY2017 report): "(in million CNY)" was dropped as a
    source in brackets (boilerplate SOURCE_BRACKETS), and "Sales 26,605.60 18,552.41 43.41%" under "FY ended Dec. 31,
    2017 FY ended Dec. 31, 2016 Rate of change Factors" gave only its percentage: the unit line stays, and a row's
    numbers are amounts for the years its heading line names in order, the change column's a change
    (table.spaced_cell, table.change_column), a dashed note between rows passed over. Rows with no unit line above
    them stay unread."""
    table = ("FY ended Dec. 31, 2017 FY ended Dec. 31, 2016 Rate of change Factors\n"
             "Sales 26,605.60 18,552.41 43.41%\n\n-The Company's businesses maintained growth.\n\n"
             "Net profit 742.63 675.36 9.96% -\n\n-In 2017, the Company obtained new orders.")
    raw = "Joyson Business Report FY ended Dec. 2017\n\nFinancial Overview\n\n(in million CNY)\n" + table
    found = parse_page(raw, url="https://www.example.com/report", template="text").metrics
    assert [(m.value, m.unit, m.kind, m.subject, m.period) for m in found] == [
        (26605.6e6, "CNY", "level", "sales", "2017"), (18552.41e6, "CNY", "level", "sales", "2016"),
        (43.41, "percent", "change", "sales growth", "2017"), (742.63e6, "CNY", "level", "net profit", "2017"),
        (675.36e6, "CNY", "level", "net profit", "2016"), (9.96, "percent", "change", "net profit growth", "2017")]
    assert "table.spaced_cell" in found[0].rules
    assert all(m.unit != "CNY" for m in extract_metrics(table))


def test_a_valuation_ratio_s_numbers_are_multiples() -> None:
    """Real page tune_sites s188 (metrics17, a broker's summary on Deye): "corresponding to PE ratios of 19.9, 15.9, and
    13.5 based on the closing price" gave nothing: the numbers after a valuation ratio (vocab VALUATION_RATIO_NOUNS)
    are multiples (match.valuation_multiple); whole numbers a noun follows count it ("the PE ratio of 12 companies")."""
    found = extract_metrics("The EPS corresponds to PE ratios of 19.9, 15.9, and 13.5 based on the closing price.")
    assert [(m.text, m.value, m.unit) for m in found] == [("19.9", 19.9, "times"), ("15.9", 15.9, "times"),
                                                          ("13.5", 13.5, "times")]
    assert "match.valuation_multiple" in found[0].rules
    assert not [m for m in extract_metrics("The PE ratio of 12 companies rose.") if m.unit == "times"]


def test_a_key_figure_line_in_title_case_is_no_subheading() -> None:
    """Real page tune_sites s187 (metrics17, a stock site): "Market Cap: CN¥158.4b" above the page's heading was a
    Title Case subheading (structure._is_subheading) and gave nothing: a "Label: value" line whose value of at most
    three words holds a digit is a key figure; a heading with a longer subtitle stays one ("Tianyi Pavilion: Ningbo's
    Ancient Treasure of 300,000 Books")."""
    [m] = extract_metrics("Market Cap: CN¥158.4b\n\nBank of Ningbo Balance Sheet Health")
    assert (m.value, m.unit, m.subject) == (158.4e9, "CNY", "market cap")
    assert extract_metrics("Tianyi Pavilion: Ningbo's Ancient Treasure of 300,000 Books") == []


def test_a_footnote_number_glued_to_a_scale_word_leaves_the_scale() -> None:
    """Real page tune_sites s196 (metrics17, a reportify summary): "a net cash position ... of RMB 10,923 million9 -
    The Board ..." gave 10,923 yuan: one or two digits glued to a scale word before a space are a footnote's mark
    (engine.SCALE_FOOTNOTE_RE), the amount keeps its million."""
    [m] = extract_metrics("The group had a net cash position of RMB 10,923 million9 - The Board resolved not to pay.")
    assert (m.text, m.value, m.unit) == ("RMB 10,923 million", 10923e6, "CNY")


def test_an_infobox_line_of_a_plural_label_counts_it() -> None:
    """Real pages tune_sites s204 (metrics18, an older Wikipedia infobox: "Students 5,628 [2]", "Postgraduates 666
    [2]") and s102 ("Passengers11,718,416", the label glued to its figure): a bare number after a label counts nothing
    to the matchers, and a number glued to letters is no quantity. An infobox's line, a plural Title Case label and
    its figure (a thousands comma, or a footnote after it) with nothing else on the line, is a count of the label
    (match.count_infobox_line); a page's counter ("Views 1,234") is none, nor a bare "Line 3"."""
    found = extract_metrics("Established 2004\n\nStudents 5,628 [2]\n\nPostgraduates 666 [2]\n\nPassengers11,718,416")
    assert [(m.text, m.value, m.unit, m.subject) for m in found] == [
        ("5,628", 5628.0, "count", "students"), ("666", 666.0, "count", "postgraduates"),
        ("11,718,416", 11718416.0, "count", "passengers")]
    assert "match.count_infobox_line" in found[0].rules
    assert extract_metrics("Views 1,234\n\nComments 12 [1]\n\nLine 3\n\nPostgraduates 666") == []


def test_a_heading_s_round_figure_said_again_under_it_of_the_same_subject_is_one_fact() -> None:
    """Real page tune_sites s206 (metrics18, a Blogger post on the Hangzhou Bay Bridge): the subheading "Toll fee is 80
    yuan", then "The toll fee is expected to be 80 yuan per vehicle." gave the toll twice: a heading line's figure said
    again in the paragraph right under it with its unit, kind and subject is the heading's fact, however round the
    number (restated.heading_subject); another subject's equal figure stays."""
    found = extract_metrics("Toll fee is 80 yuan\n\nThe toll fee is expected to be 80 yuan per vehicle.")
    assert [(m.text, m.value, m.unit, m.subject) for m in found] == [("80 yuan", 80.0, "CNY", "toll fee")]
    found = extract_metrics("Toll fee is 80 yuan\n\nThe parking fee is 80 yuan per day.")
    assert [m.subject for m in found] == ["toll fee", "parking fee"]


def test_a_dash_after_a_full_stop_opens_the_next_sentence() -> None:
    """Real page tune_sites s199 (metrics18, a reportify summary of Shenzhou's 2023 interim results): its bullets run
    into one paragraph ("...year-on-year[1]. - The profit attributable ..."), and a dash is no capital, so the whole
    list was one sentence: a figure said again in a later bullet was kept as a second fact (a restatement is looked
    for in the paragraph's earlier sentences only). A dash between a full stop and a capital opens a sentence
    (structure.SENTENCE_END_RE)."""
    text = ("Net profit attributable to equity holders of the parent company was approximately RMB 2,126,829,000, a "
            "decrease of about 10.1% year-on-year[1]. - The profit attributable to equity holders of the parent "
            "company for the six months ended June 30, 2023, was approximately RMB 2,126,829,000, down 10.1% from RMB "
            "2,366,616,000 for the same period in 2022[21].")
    assert [(m.text, m.value) for m in extract_metrics(text)] == [
        ("RMB 2,126,829,000", 2126829000.0), ("10.1%", -10.1), ("RMB 2,366,616,000", 2366616000.0)]


S202_TABLE = ("| 2025 | 2024 | 2023 | 2022 | 2021 | 2020 | 2019 | |\n|---|---|---|---|---|---|---|---|\n"
              "| Sales | 31,058.84 | 28,680.53 | 25,789.34 | 25,664.58 | 23,086.62 | 21,238.35 | 24,296.47 |\n"
              "| Change of sales in % | 8.29 | 11.21 | 0.49 | 11.17 | 8.70 | -12.59 | 11.90 |\n"
              "| Gross profit on sales | - | 7,982.02 | 7,122.59 | 7,534.33 | 7,146.83 | 5,789.28 | 5,489.70 |\n"
              "| Gross profit on sales change in % | - | 12.07 | -5.46 | 5.42 | 23.45 | 5.46 | 9.40 |\n"
              "| 2025 | 2024 | 2023 | 2022 | 2021 | 2020 | 2019 | |\n|---|---|---|---|---|---|---|---|\n"
              "| Sales per share | - | 1.47 | 1.33 | 1.54 | 1.46 | 1.49 | 1.84 |\n"
              "| P/E ratio (year end quote, basic EPS) | 13.44 | 15.30 | 14.83 | 14.18 | 14.49 | 16.33 | 14.63 |")


def test_a_pipe_table_headed_by_years_gives_its_percentage_and_ratio_rows() -> None:
    """Real page tune_sites s202 (metrics18, Business Insider's tables for Ningbo Zhoushan Port): a pipe table headed
    by years alone gave nothing (no unit line over it, a leading bar before each label). A row whose label ends
    "in %" holds percentages for its column's year, changes when the label names one (table.year_percent_row),
    "-" no figure; a valuation ratio's row multiples (table.year_multiple_row); the money and per-share rows, with no
    currency or scale named, stay unread."""
    found = extract_metrics(S202_TABLE.replace("\n", "\n\n"))
    percents = [(m.text, m.value, m.kind, m.period) for m in found if m.unit == "percent"]
    assert percents[:7] == [("8.29", 8.29, "change", "2025"), ("11.21", 11.21, "change", "2024"),
                            ("0.49", 0.49, "change", "2023"), ("11.17", 11.17, "change", "2022"),
                            ("8.70", 8.7, "change", "2021"), ("-12.59", -12.59, "change", "2020"),
                            ("11.90", 11.9, "change", "2019")]
    assert percents[7] == ("12.07", 12.07, "change", "2024") and len(percents) == 13
    assert [(m.value, m.period) for m in found if m.unit == "times"][:2] == [(13.44, "2025"), (15.3, "2024")]
    assert "table.year_percent_row" in found[0].rules
    assert not [m for m in found if m.unit not in ("percent", "times")]
    assert {m.subject for m in found} == {"change of sales", "gross profit on sales change", "p/e ratio"}
    # a table of the last century's years is read the same (its gate looked for "| 20" only)
    older = extract_metrics("Key figures\n\n| 1999 | 1998 | 1997 | |\n| Change of sales in % | 8.29 | 11.21 | -12.59 |")
    assert [(m.value, m.period) for m in older] == [(8.29, "1999"), (11.21, "1998"), (-12.59, "1997")]


def test_a_page_of_english_pipe_tables_is_english() -> None:
    """Real page tune_sites s202 (metrics18): a page of pipe tables whose labels are noun phrases held 10 function
    words in 84 (under the 0.12 share English needs) and was refused as "und": a page whose lines are mostly table
    rows is English at half that share (textutil.english_table); German text stays refused."""
    raw = "| Date | Open | Close | Daily High | Daily Low |\n|---|\n| Date | Analyst | Rating | Price |\n|---|\n"
    found = parse_page(raw + S202_TABLE, url="https://markets.example.com/analyst/Ningbo_Port", template="text")
    assert found.language == "en" and len(found.metrics) == 20
    german = "Startseite\n\nGute Nachrichten kamen gestern vom Marktaufsichtsamt von Ningbo: Ningbo gewann 10 Preise."
    with pytest.raises(NotAnArticle):
        parse_page(german + "\n\n| Umsatz | 12 | 13 |", url="https://www.example.de/a", template="text")


def test_wikipedia_s_jump_to_content_link_is_no_headline() -> None:
    """Real page tune_sites s197 (metrics18, a mirror of Wikipedia's Beilun article): the skip link "Jump to content"
    opening the text was taken for its headline, the article's name under it left in the body: it is furniture as
    "Skip to content" is (boilerplate.SITE_WIDGETS)."""
    raw = ("Jump to content\n\nBeilun, Ningbo\n\nBeilun District is a district of Ningbo in Zhejiang province, China. "
           "Beilun district has a land area of 615 square kilometers.")
    page = parse_page(raw, url="https://www.example.org/w/index.php?title=Beilun", template="text")
    assert page.title == "Beilun, Ningbo" and "Jump to content" not in page.body


def test_an_amount_after_down_and_its_percent_after_or_are_one_change() -> None:
    """Real page tune_sites s199 (metrics18, Shenzhou's 2023 interim results): "Sales of sports products were
    approximately RMB 8,560,723,000, down RMB 2,126,467,000 or 19.9% from RMB 10,687,190,000 in the previous year"
    gave the fall as a level and "19.9%" as a level of its own: an amount set after a comma and "down" or "up" is a
    change (kind.apposed_move), and a percentage after " or " right after a change in an amount is that change in
    percent, its sign the amount's (kind.or_percent_of_change); ", or 45%" stays a share."""
    found = extract_metrics("Sales of sports products were approximately RMB 8,560,723,000, down RMB 2,126,467,000 "
                            "or 19.9% from RMB 10,687,190,000 in the previous year.")
    assert [(m.value, m.unit, m.kind) for m in found] == [
        (8560723000.0, "CNY", "level"), (-2126467000.0, "CNY", "change"), (-19.9, "percent", "change"),
        (10687190000.0, "CNY", "level")]
    assert "kind.or_percent_of_change" in found[2].rules
    [_, share] = extract_metrics("Exports reached 286 million yuan, or 45% of the total.")
    assert share.kind == "share"


def test_a_multiple_written_with_a_capital_x_is_a_multiple() -> None:
    """Real page tune_sites s126 (a broker's note on Ningbo Bank, left by the seventeenth pass): "The current stock
    price corresponds to a 2024E price-to-book ratio of 0.70X" gave nothing, as only "13.7x" was read: a capital "X"
    glued to the number is the same multiple (vocab.TIMES_SHORTHANDS, match.times_x); "4X4" stays none."""
    [m] = extract_metrics("The current stock price corresponds to a 2024E price-to-book ratio of 0.70X.")
    assert (m.text, m.value, m.unit) == ("0.70X", 0.7, "times")
    assert not [m for m in extract_metrics("The 4X4 models sold well.") if m.unit == "times"]


def test_an_infobox_bullet_s_label_glued_to_its_figure_leaves_the_figure() -> None:
    """Real page tune_sites s197 (metrics18, a Wikipedia mirror's Beilun infobox): " • Total599.03 km2 (231.29 sq mi)"
    gave nothing, a number glued to letters being no quantity: on a bullet's line, a label glued to its figure is set
    apart by the space after the bullet (engine.BULLET_GLUED_LABEL_RE, the same length), the figure then read with its
    unit, its text the page's own; a bullet's "COVID19" (capitals) stays glued."""
    text = "Area\n\n • Total599.03 km2 (231.29 sq mi)\n\n • COVID19 cases were few."
    [m] = extract_metrics(text)
    assert (m.text, m.value, m.unit) == ("599.03 km2", 599.03, "km2") and text[m.char_start:m.char_end] == m.text


def test_a_million_glued_as_m_before_people_counts_them() -> None:
    """tune_other t481: "home to 9.6m residents" was read as nothing ("m" alone stays a metre: "56.7m tall")."""
    found = extract_metrics("The eastern Chinese port, home to 9.6m residents, contains a sprawling complex.")
    assert [(m.text, m.value, m.unit, m.subject) for m in found] == [("9.6m residents", 9.6e6, "count", "residents")]
    assert [(m.value, m.unit) for m in extract_metrics("The statue is 56.7m tall.")] == [(56.7, "m")]


def test_in_the_year_and_a_year_dates_the_sentence() -> None:
    """Real page tune_sites s211 (metrics19, the Ningbo statistics bureau's 2011 communique): "According to
    preliminary accounting, in the year 2011, the GDP amounted to 601.048 billion yuan, up by 10.0% over the previous
    year" gave no period (only "in the year of 2011" was a cue; "in the year" before digits is none): "in the year"
    with its year is one (periods.IN_YEAR_LEAD; s208's 2004, s209's 2007 and tune_other t088's 2008 as well)."""
    found = extract_metrics("According to preliminary accounting, in the year 2011, the GDP amounted to 601.048 "
                            "billion yuan, up by 10.0% over the previous year, computed by comparable price.")
    assert [(m.value, m.period) for m in found] == [(601048000000.0, "2011"), (10.0, "2011")]


def test_a_round_rate_written_to_one_place_said_again_is_a_second_fact() -> None:
    """Real page tune_sites s211 (metrics19, the 2011 communique): "the GDP amounted to 601.048 billion yuan, up by
    10.0% over the previous year ... The value added of the secondary industry was 333.537 billion yuan, up by 10.0%"
    lost the second 10.0% as a precise figure said again in its paragraph: zeros closing a decimal fraction are no
    precision ("10.0%" is as round as "10%"), so two facts; "46.21 billion yuan" said again stays one."""
    found = extract_metrics("In 2011, the GDP amounted to 601.048 billion yuan, up by 10.0% over the previous year. "
                            "The value added of the secondary industry was 333.537 billion yuan, up by 10.0%.")
    assert [m.value for m in found if m.unit == "percent"] == [10.0, 10.0]
    again = extract_metrics("Output reached 46.21 billion yuan, up 3.5%. In the first half, output reached 46.21 "
                            "billion yuan, with exports up 8%.")
    assert [m.value for m in again if m.unit == "CNY"] == [46210000000.0]


def test_double_before_that_or_the_is_a_multiple() -> None:
    """Real page tune_sites s213 (metrics19, an older China Daily feature): "In 2009, Ningbo's GDP reached 433 billion
    yuan ($66 billion), almost double that of 2005." gave no multiple ("more than twice" was read, "double" not): the
    adjective before "that" or "the" is one (vocab.MULTIPLE_ADJECTIVES, match.times_twice; s182's "more than triple
    the yearly output" too); the verb "double as", "double-digit" and "doubled" stay none."""
    found = extract_metrics("In 2009, Ningbo's GDP reached 433 billion yuan ($66 billion), almost double that of 2005.")
    assert [(m.value, m.unit, m.qualifier) for m in found if m.unit == "times"] == [(2.0, "times", "approx")]
    for text in ("The old hall will double as a museum.", "It kept double-digit growth.", "Exports doubled that year."):
        assert not [m for m in extract_metrics(text) if m.unit == "times"]


def test_a_count_after_proportion_of_names_the_parts_of_a_ratio() -> None:
    """Real page tune_sites s210 (metrics19, the 2010 communique): "The proportion of three industries was
    4.2:55.6:40.2." gave a count of 3 industries: a spelled count right after "proportion(s) of" or "ratio(s) of"
    names what the ratio is of (vocab.RATIO_PARTS_LEADS; tune_other t088's "The proportions of three industries
    changed from ..." too); "Ningbo has three industries of note" stays a count."""
    found = extract_metrics("The proportion of three industries was 4.2:55.6:40.2.")
    assert not [m for m in found if m.unit == "count"]
    [m] = extract_metrics("Ningbo has three industries of note.")
    assert (m.value, m.unit) == (3.0, "count")


def test_a_percent_closed_by_up_or_higher_is_a_change() -> None:
    """Real page tune_sites s208 (metrics19, the statistics bureau's 2004 bulletin): "The value added to Primary
    industry amounted to 12.350 billion RMB, 5.0% higher; the secondary industry’s was 123.021 billion RMB, 16.6% up;"
    gave the growths as levels: a percentage that "up", "higher", "down" or "lower" closes the clause after is a change
    (qualifiers.CHANGE_AFTER_RE, DECREASE_AFTER_RE; s116's "the average rainfall was 60% higher" too), "down" and
    "lower" a fall; "5% higher than" was one already, "up 5%" is read before."""
    found = extract_metrics("The value added to Primary industry amounted to 12.350 billion RMB, 5.0% higher; the "
                            "secondary industry’s was 123.021 billion RMB, 16.6% up; exports were 3.2 billion yuan, "
                            "4.1% down.")
    assert [(m.value, m.kind) for m in found if m.unit == "percent"] == [
        (5.0, "change"), (16.6, "change"), (-4.1, "change")]


def test_a_percent_of_a_subject_ending_in_proportion_or_share_is_a_share() -> None:
    """Real page tune_sites s208 (metrics19, the 2004 bulletin): "The industry proportion was 5.7%, 57.0% and 37.3%
    respectively." gave three levels: a percentage whose subject ends in "proportion" or "share" is a share, as one
    whose subject opens with "share of" was (qualifiers.SHARE_SUBJECT_RE, kind.share_subject; s114's labelled share
    too)."""
    found = extract_metrics("The industry proportion was 5.7%, 57.0% and 37.3% respectively.")
    assert [(m.value, m.kind) for m in found] == [(5.7, "share"), (57.0, "share"), (37.3, "share")]


def test_a_bare_amount_paired_by_and_with_an_amount_of_money_is_money() -> None:
    """Real page tune_sites s125 (a broker's note on Bank of Ningbo, left by the tenth pass): "1H24 loans to the public
    (including discounts) and personal loans added a net increase of 115.4 billion and 16 billion, respectively" gave
    neither amount: a bare scaled amount may be followed by " and " and a second one (matchers.ELIDED_MONEY_FOLLOW_RE),
    and the second, right after an amount of money and " and ", is money in its currency with no link word of its own
    (MONEY_PAIR_GAP_RE, money.currency_elided); "16 billion" alone after "and" with no money before stays none."""
    found = extract_metrics("1H24 loans to the public (including discounts) and personal loans added a net increase "
                            "of 115.4 billion and 16 billion, respectively, with a year-on-year increase of +24.30% "
                            "and +18.64% respectively.")
    assert [(m.value, m.unit) for m in found if m.unit == "CNY"] == [(115400000000.0, "CNY"), (16000000000.0, "CNY")]
    assert not [m for m in extract_metrics("The city and 16 billion people.") if m.unit == "CNY"]


def test_ranking_top_is_first() -> None:
    """Real page tune_sites s069 (an older page of other sources): "the cargo throughput ... exceed 1.25 billion tons in
    2022, ranking top globally for a fourteenth consecutive year" gave no rank: "top" after a rank verb is first
    (matchers.RANK_RE, match.rank_verb); "ranked top 10" stays rank_top_n's, "top ten" and "top-level" no first."""
    found = extract_metrics("The port's cargo throughput exceeded 1.25 billion tons in 2022, ranking top globally for "
                            "a fourteenth consecutive year.")
    assert [(m.value, m.unit) for m in found if m.unit == "rank"] == [(1.0, "rank")]
    for text in ("The city ranked top 10 in Zhejiang.", "It ranks top ten nationwide.", "It ranked top-level."):
        assert not [m for m in extract_metrics(text) if m.unit == "rank" and m.value == 1.0]


def test_a_bare_amount_of_a_money_noun_followed_by_every_year_is_money() -> None:
    """Real page dev 022: "The city will put in a special fund of 100 million every year" gave nothing: a bare scaled
    amount after a money noun ("fund of") may be followed by how often it is paid ("every year", "a year",
    "annually"; matchers.ELIDED_MONEY_FOLLOW_RE, money.currency_omitted), yuan as the labelling convention has it."""
    [m] = extract_metrics("The city will put in a special fund of 100 million every year.")
    assert (m.value, m.unit) == (100000000.0, "CNY")


def test_double_as_a_plans_verb_is_no_multiple() -> None:
    """The ningbolife seed page: "...from 2,300 to 3,500 by 2022, and to double the spending on basic research" read
    "double" as 2 times of "enterprises" (the clause before's subject); the adjective stays ("almost double that")."""
    text = ("The city plans to increase the number of enterprises with their own R&D institutions from 2,300 to 3,500 "
            "by 2022, and to double the spending on basic research.")
    assert [m.unit for m in extract_metrics(text)] == ["count", "count"]
    assert extract_metrics("It will double the capacity of the port by 2025.") == []
    assert [(m.value, m.unit) for m in extract_metrics("Exports were almost double that of 2005.")] == [(2.0, "times")]


def test_a_hedge_mark_glued_to_a_figure_lets_the_words_before_it_reach_the_figure() -> None:
    """tune_other t177: "a population of over ~7 Million people" lost its "over" (the tilde stood between); t486's
    fact line "Population: ~800" was read as nothing (a fact line's count opens with its digit). A tilde or "c."
    glued to a figure is read as spaces: the words before it qualify the figure, and a figure with no qualifier of
    its own is approximate (qualifier.hedge_mark). A tilde between two figures is a range, no hedge (t141's
    "29 25' ~ 29 47' north", "of12103' ~12146' east"; t191's "37F ~ 54F")."""
    found = extract_metrics("That is interesting because it has a population of over ~7 Million people and one of "
                            "the busiest harbors in the worlds.")
    assert [(m.text, m.value, m.unit, m.qualifier) for m in found] == [("7 Million people", 7e6, "count", "at_least")]
    found = extract_metrics("Village Area: 8.2 square km,\nPopulation: ~800\nMoutain forest area: 3700 mu.")
    hedged = [(m.text, m.value, m.subject, m.qualifier, "qualifier.hedge_mark" in m.rules) for m in found
              if m.value == 800]
    assert hedged == [("800", 800.0, "population", "approx", True)]
    found = extract_metrics("Sales rose ~12% to $5 million, about ~$2 million of it abroad.")
    assert [(m.text, m.kind, m.qualifier) for m in found if m.unit == "percent"] == [("12%", "change", "approx")]
    assert [(m.text, m.qualifier) for m in found if m.value == 2e6] == [("$2 million", "approx")]
    for ranged in ("with the latitude of 29 25' ~ 29 47' north and the longitude of12103' ~12146' east.",
                   "Today 37F ~ 54F Cloudy To Sunny"):
        assert [m for m in extract_metrics(ranged) if m.qualifier == "approx"] == []


def test_chinese_yuan_after_an_amount_is_its_currency() -> None:
    """Real page tune_sites s222 (en.portnews.ru's copy of a 2007 Times story on Ningbo Port Group): "Ningbo Ports
    raked in revenues totalling at least 1.5 billion Chinese yuan (£100 million), executives indicated." gave
    nothing: "Chinese yuan" after an amount names its currency as "yuan" does (vocab.CURRENCY_SUFFIXES)."""
    found = extract_metrics("Ningbo Ports raked in revenues totalling at least 1.5 billion Chinese yuan (£100 "
                            "million), executives indicated.")
    assert [(m.value, m.unit, m.qualifier) for m in found] == [(1500000000.0, "CNY", "at_least")]


def test_one_unit_of_a_currency_word_before_equals_is_a_rate_base() -> None:
    """Real page tune_sites s220 (China Daily, 2006): "After the works are finished, the output value of the zone is
    estimated to mount to hundreds of billions of yuan (1 yuan = US$0.125)." gave a CNY 1: one unit of a currency
    word before "=" is an exchange rate's base, as "$1 =" was (matchers._rate_base); the rate itself stays, and so
    does "1 yuan" that no "=" follows."""
    found = extract_metrics("After the works are finished, the output value of the zone is estimated to mount to "
                            "hundreds of billions of yuan (1 yuan = US$0.125).")
    assert [(m.value, m.unit) for m in found] == [(0.125, "USD")]
    assert [(m.value, m.unit) for m in extract_metrics("A bus ticket costs 1 yuan.")] == [(1.0, "CNY")]


def test_a_spelled_ordinal_past_tenth_before_a_superlative_is_a_rank() -> None:
    """Real page tune_sites s222 (The Times, 2007, via en.portnews.ru): "the port's container throughput also up by
    more than 35 per cent to the thirteenth-highest figure for any port in the world" gave no rank: the ordinal
    superlative's spelled ordinals are vocab.ORDINAL_WORDS's (but "first"), no longer second to tenth alone."""
    found = extract_metrics("With the volume of cargo handled rising by 14.2 per cent in 2006 alone and the port's "
                            "container throughput also up by more than 35 per cent to the thirteenth-highest figure "
                            "for any port in the world, management said that they were eager.")
    assert [(m.value, m.unit) for m in found if m.unit == "rank"] == [(13.0, "rank")]
    assert [m.value for m in extract_metrics("It is the third-largest port.")] == [3.0]


def test_a_ranges_two_ends_are_one_figure() -> None:
    """Real page tune_sites s219 (an expat agency's FAQ): "The monthly rental can range from RMB 1500/month to RMB
    30000/month accordingly." gave two amounts, the range's high end an extra (labelled as one figure, value_high):
    after a range word and "from" or "between", the next amount of the same unit after "to" or "and" is the range's
    top (engine._range_ends, range.low_end); a change from one amount to another keeps both."""
    found = extract_metrics("The monthly rental can range from RMB 1500/month to RMB 30000/month accordingly.")
    assert [(m.value, m.unit) for m in found] == [(1500.0, "CNY")]
    found = extract_metrics("Ningbo's annual foreign trade volume rose from $10 billion to nearly $100 billion.")
    assert [m.value for m in found] == [1e10, 1e11]


def test_rmb_in_small_letters_before_an_amount_is_yuan() -> None:
    """Real page tune_sites s218 (an expat agency's leasing guide): "The monthly rental will be from rmb1500/month to
    rmb30000/month different." gave nothing: "rmb" in small letters marks yuan as "RMB" does
    (vocab.CURRENCY_PREFIXES), and the range is one figure, its low end (.119's range.low_end)."""
    found = extract_metrics("The monthly rental will be from rmb1500/month to rmb30000/month different.")
    assert [(m.value, m.unit) for m in found] == [(1500.0, "CNY")]


def test_a_dwellings_bedrooms_describe_its_layout() -> None:
    """Real page tune_sites s218 (an expat agency's rent table in plain lines): "Apartment with 2 or 3 bedrooms
    60<size<130 4000~6000" and "... Or duplex with two bedrooms" gave counts of 2, 3 and 2 bedrooms: a dwelling's
    rooms describe its layout, as "four distinct seasons" describe a climate (vocab.DESCRIPTIVE_COUNT_NOUNS, asked of
    counts in digits too); a hotel's "300 rooms" stays a count."""
    assert extract_metrics("Apartment with 2 or 3 bedrooms 60<size<130 4000~6000") == []
    assert extract_metrics("One bathroom, one living room and one 1bedroom Or duplex with two bedrooms") == []
    assert [m.value for m in extract_metrics("The hotel has 300 rooms.")] == [300.0]


def test_a_paragraph_printed_again_word_for_word_says_its_figures_once() -> None:
    """Real page tune_sites s228 (eworksglobal.com, a page body doubled by the site): "The plant will build as many as
    120,000 vehicles a year after reaching full capacity, according to the city government." and "In the first five
    months, Geely Auto deliveries jumped 40 percent year on year to 219,038 vehicles." were printed twice, each count
    read twice: the second copy of a paragraph is no new fact (restated.paragraph). A short line said again ("- 5
    projects") may be a list's item of another thing, and stays."""
    plant = ("The plant will build as many as 120,000 vehicles a year after reaching full capacity, according to the "
             "city.")
    text = f"{plant}\n\nGeely Auto has production sites in Taizhou, Ningbo and Jinan.\n\n{plant}"
    assert [m.value for m in extract_metrics(text)] == [120000.0]
    assert [m.value for m in extract_metrics("- 5 projects\n\nIn Beilun:\n\n- 5 projects")] == [5.0, 5.0]


def test_a_part_of_a_whole_after_a_possessive_counts_the_wholes_noun() -> None:
    """Real page tune_sites s236 (China Daily's ezhejiang overview): "The GDP of two of Zhejiang's 11 cities — Hangzhou
    and Ningbo — surpassed 1 trillion yuan last year" read 11 cities and not the two: a part before "of" a
    possessive and a number counts the whole's noun, as before "of the" and a number (count.part_of_whole)."""
    found = extract_metrics("The GDP of two of Zhejiang's 11 cities — Hangzhou and Ningbo — surpassed 1 trillion "
                            "yuan last year.")
    two = [m for m in found if m.value == 2.0]
    assert len(two) == 1 and (two[0].unit, two[0].subject) == ("count", "cities")
    assert "count.part_of_whole" in two[0].rules
    assert 11.0 in [m.value for m in found if m.unit == "count"]


def test_an_infobox_rows_figure_with_a_glued_k_is_thousands_of_its_label() -> None:
    """Real page tune_sites s233 (markets.ft.com's tearsheet of Ningbo Joyson Electronic): the profile row
    "  • Employees47.79k" read nothing, while "Passengers11,718,416" (s102) counts its label: a figure glued to "k"
    closing an infobox's row is thousands of the label (count.glued_thousand); a page's counter is still none."""
    m = one("• Employees47.79k")
    assert (m.value, m.unit, m.subject) == (47790.0, "count", "employees") and "count.glued_thousand" in m.rules
    assert extract_metrics("• Followers 12k") == []


def test_a_stake_held_by_its_holder_is_a_share() -> None:
    """Real page tune_sites s239 (a CargonewsAsia item on Daxie's Port Zone C): "China Merchants will hold 20 percent
    of the joint venture, while Shanghai Citic Port Investment will hold 41 per cent." read 41 as a level: a percent
    after "hold" and its forms (vocab.SHARE_VERBS) is a stake, a share."""
    found = extract_metrics("China Merchants will hold 20 percent of the joint venture, while Shanghai Citic Port "
                            "Investment will hold 41 per cent.")
    assert [(m.value, m.kind) for m in found] == [(20.0, "share"), (41.0, "share")]


def test_a_pager_with_an_ellipsis_before_its_last_page_is_furniture() -> None:
    """Real page tune_sites s236 (China Daily's ezhejiang subsite, page 1 of 5): the pager "1 2 3 ... 5 >" under the
    text was left in it: a pager's last page may follow an ellipsis (boilerplate.PAGER)."""
    text = ("Zhejiang, a tide rider\n\nezhejiang.gov.cn| Updated: May 1, 2024 L M S\n\n"
            "Zhejiang's GDP was 8.26 trillion yuan ($1.14 trillion) in 2023 and its per capita GDP was "
            "125,043 yuan — compared with the national average of 89,358 yuan.\n\n1 2 3 ... 5 >")
    page = parse_page(text, url="http://subsites.chinadaily.com.cn/ezhejiang/2024-05/01/c_392860.htm", template="text")
    assert "1 2 3" not in page.body and page.body.endswith("89,358 yuan.")



def test_a_spelled_count_per_a_stretch_of_time_is_a_count() -> None:
    """Real page tune_sites s230 (an intercity train's first day): "Initially, there will be two round trips per day
    between Ningbo Railway Station and Hangzhou South Railway Station." read nothing, while "2 round trips per day"
    was a count: a spelled count before "per <a stretch of time>" is one too (count.per_time); not money per day."""
    m = one("Initially, there will be two round trips per day between Ningbo Railway Station and Hangzhou South "
            "Railway Station.")
    assert (m.value, m.unit, m.subject) == (2.0, "count", "round trips") and "count.per_time" in m.rules
    assert [m.unit for m in extract_metrics("He earns five yuan per day.") if m.unit == "count"] == []


def test_a_related_box_of_headlines_with_one_sentence_teasers_is_no_text() -> None:
    """Real page tune_sites s226 (www.gardnerweb.com): under "RELATED CONTENT" each item is a headline with a
    one-sentence teaser ("Rage Against the Machine" / "There have been more than 20 reported attacks against Waymo’s
    self-driving fleet in Chandler, Ariz., since the company began testing the technology on public roads there two
    years ago."): the teasers were read as text (a count of 20 attacks). Two items or more, each a headline and at most
    one sentence under it, go with the box."""
    text = ("Key Safety Systems Sold to Chinese Conglomerate\n"
            "Airbag and seatbelt supplier Key Safety Systems Inc. has agreed to be acquired by China’s Ningbo Joyson "
            "Electronic Corp. in a $920 million deal expected to close by June.\n"
            "RELATED CONTENT\n-\nBMW Granted License to Test Self-Driving Cars in Shanghai\n"
            "BMW AG has become the first foreign carmaker to win permission to test autonomous vehicles on public "
            "roads in China, according to the Shanghai Daily.\n-\nRage Against the Machine\n"
            "There have been more than 20 reported attacks against Waymo’s self-driving fleet in Chandler, Ariz., "
            "since the company began testing the technology on public roads there two years ago.")
    page = parse_page(text, url="https://www.example.com/news/key-safety", template="text")
    assert "BMW" not in page.body and "Waymo" not in page.body and page.body.endswith("close by June.")
    assert [m.value for m in page.metrics] == [920e6]


def test_formed_in_a_year_dates_an_event_not_the_figures_after_it() -> None:
    """Real page tune_sites s226: "Sterling Heights, Mich.-based Key Safety was formed in 2003 when private equity
    firm Carlyle Group bought the assets of Florida-based Breed Technologies Inc. The company makes airbag and seatbelt
    systems that generate about $1.5 billion in revenue annually." dated the revenue 2003: "formed in" dates an event,
    as "founded in" does (periods.EVENT_WORDS)."""
    m = one("Key Safety was formed in 2003 when Carlyle Group bought the assets of Breed Technologies Inc. The "
            "company makes airbag and seatbelt systems that generate about $1.5 billion in revenue annually.")
    assert (m.value, m.unit, m.period) == (1.5e9, "USD", None)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # tune_sites s040, labelled (2.21 people, "average household size")
        ("Each household from the city has an average 2.21 people, 0.26 less than in the previous census in 2010.",
         [(2.21, "count")]),
        ("Family households had 2.62 persons per household.", [(2.62, "count")]),
        ("The team has 2.5 people.", []),  # (no average: a decimal counts nobody)
        ("Each household has an average 2.21 rooms.", []),  # (not a headcount)
    ],
)
def test_a_decimal_headcount_said_as_an_average_is_read(sentence: str, found: list[tuple[float, str]]) -> None:
    """ "an average 2.21 people" (a census's household size): an unscaled decimal counted nothing unless a rate's
    base followed it; an average headcount is a figure of its own (count.average_headcount)."""
    assert [(m.value, m.unit) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # tune_sites s002, labelled (7 and 2)
        ("It ranks seventh in the China's top 100 cities of foreign trade, and second for its structural "
         "competitiveness.", [7.0, 2.0]),
        ("The port ranks third in the world and first in China.", [3.0, 1.0]),
        ("The city ranked 5th in innovation and 12th in talent.", [5.0, 12.0]),
        ("Ningbo ranked first and the second-hand market grew.", [1.0]),  # (no ordinal opening a scope)
        ("Ningbo ranked first in exports. Cixi and third parties in Yuyao followed.", [1.0]),  # (a sentence apart)
    ],
)
def test_a_second_ordinal_joined_to_a_ranking_verb_with_a_scope_of_its_own_is_a_rank(
        sentence: str, found: list[float]) -> None:
    """ "ranks seventh in ..., and second for ...": only the first ordinal was read (rank_verb_and)."""
    assert [m.value for m in extract_metrics(sentence) if m.unit == "rank"] == found


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # tune_sites s009, s050, s006: labelled changes
        ("The three sectors posted growth rates of 16.5%, 13.5%, and 11.4%, respectively.",
         ["change", "change", "change"]),
        ("Prices rose, with the increase rates of 4.6%, 3.7% and 2.6% respectively.", ["change", "change", "change"]),
        ("The growth rate of these non-productive incomes is as high as 21.2%.", ["change"]),
        ("The survival rate of 95% was high.", ["level"]),  # (not a growth rate)
    ],
)
def test_growth_rates_of_a_figure_and_a_growth_rate_as_high_as_it_are_changes(
        sentence: str, kinds: list[str]) -> None:
    """ "growth rates of 16.5%, ...", "the increase rates of 4.6%", "is as high as 21.2%": a growth rate was a change
    only after a link verb ("the growth rate was 7.8%"), singular, with a hedge at most (kind.growth_rate_is)."""
    assert [m.kind for m in extract_metrics(sentence)] == kinds


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # tune_sites s190, s195, s160, s124, s044, s060: labelled shares
        ("Joyson acquired a 15.1pc stake in the firm.", ["share"]),
        ("It set up a 51pc majority-owned joint venture.", ["share"]),
        ("The firm is 100% controlled by Tuopu Group.", ["share"]),
        ("The company has a 11.46% market share in Ningbo City and 3.99% in Zhejiang Province.", ["share", "share"]),
        ("Catering and retail accounted for 48% and 37% respectively.", ["share", "share"]),
        ("The island takes up 80% of Ningbo and 21.4% in Zhejiang Province.", ["share", "share"]),
        ("The bank cut its 5% interest rate.", ["level"]),  # (no part held)
        ("Exports accounted for 30% of sales, and prices rose 5%.", ["share", "change"]),  # (a clause of its own)
    ],
)
def test_a_stake_and_a_percentage_listed_after_a_share_are_shares(sentence: str, kinds: list[str]) -> None:
    """ "a 15.1pc stake", "100% controlled by", "a 11.46% market share" (kind.share_noun_after), and the percentage
    listed after a share ("48% and 37% respectively", "80% of Ningbo and 21.4% in Zhejiang": kind.listed_after_share)
    were levels."""
    assert [m.kind for m in extract_metrics(sentence)] == kinds


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("The economy has been growing at 8.1 percent annually since 2012.", ["change"]),  # tune_sites s072, labelled
        ("The export delivery rate of November increases at 9.8%.", ["change"]),  # tune_sites s008, labelled
        ("Its stake stood at 5%.", ["level"]),  # (no rise)
    ],
)
def test_a_rise_said_to_run_at_a_percentage_is_a_change(sentence: str, kinds: list[str]) -> None:
    """ "growing at 8.1 percent", "increases at 9.8%": only "at a rate of" made a change (kind.growth_at)."""
    assert [m.kind for m in extract_metrics(sentence)] == kinds


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        # tune_sites s200, labelled a share
        ("For the year, the percentage of sports wear products sales to total sales was approximately 69.2%.",
         ["share"]),
        ("The percentage of sales from exports was 30%.", ["share"]),
        ("The share of exports rose 5%.", ["change"]),  # (the share changed: no link verb)
    ],
)
def test_a_percentage_of_a_part_linked_to_its_figure_is_a_share(sentence: str, kinds: list[str]) -> None:
    """ "the percentage of ... sales to total sales was approximately 69.2%": the subject read ("sales") lost the share
    word, so kind.share_subject did not see it (kind.share_is)."""
    assert [m.kind for m in extract_metrics(sentence)] == kinds


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # dev 019, labelled (127 and 182: the issue's "with a total of 182")
        ('There were also 127 new national-level special "little giant", with a total of 182, ranking third in the '
         'country.', [(127.0, "count"), (182.0, "count"), (3.0, "rank")]),
        ("Ningbo has 3 “single champion”.", [(3.0, "count")]),
        ('7 projects of Ningbo "3115 team", 9 of "3115 individual plan" and 1 of "3115 e-commerce team".',
         [(7.0, "count")]),  # (a number inside the quoted name names it)
        ('It is a "national 100 patriotism education demonstration base".', []),
        ("Ningbo has 3 single champion.", []),  # (a singular noun unquoted: nothing counted)
    ],
)
def test_a_count_of_a_class_named_in_quotes_is_read(sentence: str, found: list[tuple[float, str]]) -> None:
    """ '127 new national-level special "little giant"': a singular name in quotes after the number was no noun a
    count could have, and the total after it ("with a total of 182") had no count to follow (count.quoted_name)."""
    assert [(m.value, m.unit) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # tune_sites s031, s033, s004: labelled at least
        ("When the per capita GDP surpasses $3,000, consumption grows.", [("at_least", "per capita gdp")]),
        ("Its revenue, topping 40 million yuan, rose.", [("at_least", "revenue")]),
        ("The volume will break through 1.2 million TEUs.", [("at_least", "volume")]),
        ("The firm is among the top 10 exporters with 300 staff.", [(None, "staff")]),  # ("top" alone is no bound)
    ],
)
def test_surpasses_topping_and_break_through_bound_a_figure_from_below(
        sentence: str, found: list[tuple[str | None, str]]) -> None:
    """ "surpasses", "topping" and "break through" before a figure gave no qualifier (only "surpassed", "topped",
    "to top" did); as verbs they leave the subject before them readable (VERB_QUALIFIER_RE)."""
    assert [(m.qualifier, m.subject) for m in extract_metrics(sentence)] == found

S261_KEY_FIGURES = ("Company Financials\n\nNingbo Zhoushan Port Company Ltd Financials\n\nRenminbi\n\n"
                    "Valuations Metrics as of Jul. 4, 2025\n\nTrailing PE 14.88\nForward PE 16.17\n"
                    "Financial Reports as of Mar. 31, 2025\n\nFinancials\n\nProfit Margin 17.16%\n"
                    "Operating Margin 20.93%\nReturn on Assets TTM 2.79%\nReturn on Equity TTM 6.46%\n\n"
                    "Income Statement\n\nRevenue TTM CN¥28,833,814,528\nRevenue per Share TTM CN¥1.47\n"
                    "Quarterly Revenue Growth 1.90%\nGross Profit TTM CN¥8,462,992,896\nEBITDA CN¥7,226,407,000")


def test_a_page_of_figures_with_english_labels_is_english() -> None:
    """Real pages tune_sites s261 (metrics23, disfold.com's key figures for Ningbo Zhoushan Port: "Profit Margin
    17.16%", "Revenue TTM CN¥28,833,814,528") and s260 (a stock site's income statement, "| Operating Revenue |
    60,134 |"): their labels are noun phrases, 4 to 8 function words in 100, and the pages were refused as "und" with
    every figure on them. A page whose lines mostly carry a figure is English when its function words and its words of
    accounts (textutil.EN_FIGURE_LABEL_WORDS) make up the share English needs; German figures stay refused."""
    page = parse_page(S261_KEY_FIGURES, url="https://www.example.com/company/port/financials", template="text")
    assert page.language == "en" and "Profit Margin 17.16%" in page.body
    german = ("Startseite\n\nUmsatz im Jahr 2024 12,5 Mrd.\nGewinn je Aktie 1,47\nDividende pro Aktie 0,43\n"
              "Eigenkapitalquote 41 %\nMitarbeiter 17.200")
    with pytest.raises(NotAnArticle):
        parse_page(german, url="https://www.example.de/firma/kennzahlen", template="text")


def test_a_pipe_table_under_a_unit_sentence_is_read_with_its_trailing_column() -> None:
    """Real page tune_sites s260 (metrics23, a stock site's income statement for Ningbo Joyson Electronic): the unit
    line is a sentence ("Millions CNY. Fiscal year is Jan - Dec."), the heading row opens with its label column's
    heading ("Fiscal Year | TTM | FY 2024 | ..."), each row with a bar ("| Operating Revenue | 60,134 | ..."): none of
    its 100 cells was read. Now the cells are amounts at the unit line's scale for their column's year, the
    trailing-twelve-months column's with no year, and a row's cells in percent percentages, changes when the label
    names growth (table.cell, table.percent_cell)."""
    text = ("Millions CNY. Fiscal year is Jan - Dec.\n"
            "Fiscal Year | TTM | FY 2024 | FY 2023 | 2019 - 2015 |\n|---|---|---|---|---|\n"
            "| Operating Revenue | 60,134 | 55,424 | 55,317 | Upgrade\n|\n"
            "| Other Revenue | 439.27 | 439.27 | - | Upgrade\n|\n"
            "| Revenue Growth (YoY) | 9.04% | 0.24% | 11.92% | Upgrade\n|\n"
            "| Operating Income | 3,546 | 3,173 | -989.9 | Upgrade\n|")
    found = [(m.value, m.unit, m.kind, m.period) for m in extract_metrics(text)]
    assert found == [(60134e6, "CNY", "level", None), (55424e6, "CNY", "level", "2024"),
                     (55317e6, "CNY", "level", "2023"), (439.27e6, "CNY", "level", None),
                     (439.27e6, "CNY", "level", "2024"), (9.04, "percent", "change", None),
                     (0.24, "percent", "change", "2024"), (11.92, "percent", "change", "2023"),
                     (3546e6, "CNY", "level", None), (3173e6, "CNY", "level", "2024"),
                     (-989.9e6, "CNY", "level", "2023")]


def test_a_key_figure_line_without_a_colon_is_read_and_its_restatement_is_not() -> None:
    """Real pages tune_sites s261 (metrics23, disfold.com: "Profit Margin 17.16%", "Revenue TTM CN¥28,833,814,528")
    and s262 (stockanalysis.com's statistics: "Return on equity (ROE) is 5.98% and return on invested capital (ROIC) is
    5.75%." over "Return on Equity (ROE) 5.98%"): a Title Case line with its figure last, the unit's mark glued to it,
    was taken for a subheading and nothing read. It is a key figure's line: read, its label the subject
    (subject.key_figure_label); the figure of a sentence said again on such a line is one fact. A bare number last
    ("Top 10") still makes a subheading."""
    found = extract_metrics("Profit Margin 17.16%\n\nRevenue TTM CN¥28,833,814,528\n\nTop 10 Container Ports")
    assert [(m.value, m.unit, m.subject) for m in found] == [(17.16, "percent", "profit margin"),
                                                               (28833814528.0, "CNY", "revenue ttm")]
    assert "subject.key_figure_label" in found[0].rules
    text = ("Return on equity (ROE) is 5.98% and return on invested capital (ROIC) is 5.75%.\n\n"
            "Return on Equity (ROE) 5.98%\n\nEffective Tax Rate 28.23%")
    assert [m.value for m in extract_metrics(text)] == [5.98, 5.75, 28.23]


def test_a_closing_list_of_names_and_numbers_is_read_at_the_sentence_s_unit() -> None:
    """Real page tune_sites s263 (metrics23, www.marinelink.com's "Top 10 Container Ports by Volume"): "... with
    Shanghai leading the way with 36.54 million TEU in 2015, ..." over a dash list "- Shanghai, China: 36.54" /
    "- Singapore: 30.92" / ... closing the page was dropped as a list of related headlines, and its bare numbers read
    nothing. Half its items a name and a number after a colon, it is the text's list (templates.text.FIGURE_ITEM_RE);
    each item after the first (which says the sentence's figure again) is a figure of that unit and scale
    (list.figure_item)."""
    text = ("Top 10 Container Ports by Volume\nSeven of those top ports are Chinese, with Shanghai leading the way "
            "with 36.54 million TEU in 2015, according to data compiled by the World Shipping Council.\n"
            "- Shanghai, China: 36.54\n- Singapore: 30.92\n- Shenzhen, China: 24.2\n- Ningbo-Zhoushan, China: 20.63")
    page = parse_page(text, url="https://www.example.com/news/container-volume-ports", template="text")
    assert "- Singapore: 30.92" in page.body
    items = [(m.value, m.unit, m.subject, m.period) for m in page.metrics if "list.figure_item" in m.rules]
    assert items == [(30.92e6, "count", "singapore", "2015"), (24.2e6, "count", "shenzhen, china", "2015"),
                     (20.63e6, "count", "ningbo-zhoushan, china", "2015")]
    headlines = (text.split("\n", 2)[0] + "\nThe port grew fast in 2015, officials said.\n"
                 "- China launches new railway\n- Ningbo port sets record\n- Trade fair opens in Ningbo")
    assert "railway" not in parse_page(headlines, url="https://www.example.com/a", template="text").body


def test_a_scale_letter_before_a_currency_code_is_an_amount() -> None:
    """Real page tune_sites s268 (metrics23, alphaspread.com's earnings waterfall for Ningbo Joyson Electronic): label
    lines over value lines "55.7B CNY", "-47.4B CNY" read nothing (a scale letter was read only after a currency's
    mark, "CN¥3,067.7B"): a number, a scale letter, then the currency's code is an amount, a minus its sign
    (money.letter_suffixed)."""
    found = extract_metrics("Revenue\n\n55.7B CNY\n\nCost of Revenue\n\n-47.4B CNY\n\nNet Income\n\n1.1B CNY")
    assert [(m.value, m.unit) for m in found] == [(55.7e9, "CNY"), (-47.4e9, "CNY"), (1.1e9, "CNY")]
    assert "money.letter_suffixed" in found[0].rules


def test_a_valuation_multiple_s_line_with_a_bare_decimal_is_a_multiple() -> None:
    """Real pages tune_sites s261 and s262 (metrics23, stock sites' key figures for Ningbo Zhoushan Port: "Trailing PE
    14.88", "Enterprise to Revenue 2.74", "PS Ratio 2.57", "EV / EBITDA 7.96"): Title Case lines taken for
    subheadings, their bare decimals no quantity. A line of a valuation multiple's label (vocab
    VALUATION_LINE_LABEL_ENDS, VALUATION_LINE_LABEL_LEADS) and a decimal is a multiple (match.valuation_line); one
    saying a sentence's ratio again ("The trailing PE ratio is 15.19." over "PE Ratio 15.19") is one fact; "Windows
    3.1" is none."""
    found = extract_metrics("Trailing PE 14.88\n\nEnterprise to Revenue 2.74\n\nPS Ratio 2.57\n\nEV / EBITDA 7.96\n\n"
                            "Windows 3.1")
    assert [(m.value, m.unit, m.subject) for m in found] == [
        (14.88, "times", "trailing pe"), (2.74, "times", "enterprise to revenue"), (2.57, "times", "ps ratio"),
        (7.96, "times", "ev / ebitda")]
    assert [m.value for m in extract_metrics("The trailing PE ratio is 15.19.\n\nPE Ratio 15.19")] == [15.19]


def test_no_and_a_place_without_its_full_stop_is_a_rank() -> None:
    """Real page tune_sites s264 (metrics23, a box-port ranking: "Coming in at No 2 was the Port of Singapore",
    "Busan, which fell to No 6 despite a 5.8 per cent volume increase", "dropping two spots to No 7"): "No" and a
    place without its full stop read nothing, and "two spots" was a count. After "at", "to" or "it" it is a rank
    (match.rank_no_bare); "dropping" moves a ranking as "dropped" does (vocab.RANK_MOVE_WORDS). A house number
    ("at No 10 Downing Street") is none."""
    ranks = [(m.value, m.unit) for m in extract_metrics("Busan, which fell to No 6 despite a 5.8 per cent volume "
                                                        "increase.") if m.unit == "rank"]
    assert ranks == [(6.0, "rank")]
    found = extract_metrics("Meanwhile, the flagging Port of Hong Kong continued to slide down the list, dropping two "
                            "spots to No 7 as its throughput dipped 5.6 per cent to 19.6 million TEU.")
    # ("two spots", labelled a change of rank, is one since session 28: rank_move)
    assert [(m.value, m.unit, m.kind) for m in found] == [(-2.0, "rank", "change"), (7.0, "rank", "rank"),
                                                          (-5.6, "percent", "change"), (19.6e6, "count", "level")]
    assert extract_metrics("He lives at No 10 Downing Street.") == []


def test_a_pageviews_counter_is_furniture() -> None:
    """Real page tune_sites s264 (metrics23, en.transways.com.cn): the counter line "Pageviews: 1" under the release
    date stayed in the text and gave a count of 1: a hit counter written as one word is furniture, as "Page views: 1"
    is (boilerplate.HIT_COUNTER)."""
    raw = ("Shanghai tops all, Singapore No 2, HK now No 7 box port\n\nRelease date: 2020-06-24\nPageviews: 1\n"
           "share to:\n\nTHE Port of Shanghai maintained its top ranking at the busiest container port in the world, "
           "reporting a 4.4 per cent increase volume to 42 million TEU.")
    page = parse_page(raw, url="http://en.example.com.cn/news_view.aspx?id=456", template="text")
    assert "Pageviews" not in page.body and [m.value for m in page.metrics] == [4.4, 42e6]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # tune_sites s281 (machine-translated), labelled 312,700 yuan
        ("In 2010, the per capita output value of Ningbo's textile and garment industry was 312 thousand and 700 yuan, "
         "which was higher than the development level of similar areas in China.", [(312700.0, "CNY")]),
        ("The plant made 2 thousand 500 tons of yarn.", [(2500.0, "tonnes")]),
        ("The two reached 3 thousand and 700 yuan respectively.", [(700.0, "CNY")]),  # (two amounts: not joined)
    ],
)
def test_a_number_of_thousands_before_a_bare_number_below_a_thousand_is_one_amount(
        sentence: str, found: list[tuple[float, str]]) -> None:
    """ "312 thousand and 700 yuan" (a number said in parts, as Chinese says it): only "700 yuan" was read
    (number.compound_scale, engine.COMPOUND_THOUSAND_LEAD_RE)."""
    assert [(m.value, m.unit) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # tune_sites s289 (China Daily), labelled 17 ports (the 20 names a list)
        ("Asian ports such as Shenzhen, Hong Kong and Busan accounted for 17 of the world's largest 20 ports last "
         "year, mainly boosted by the fast infrastructure development of Chinese ports.", [(17.0, "ports")]),
        ("Ningbo is among the world's busiest 10 ports.", []),  # (a list's name, as "the top 10 ports")
        ("The city has 5 of the country's 20 ports.", [(5.0, "ports"), (20.0, "ports")]),
        ("It has at most 10 people.", [(10.0, "people")]),
        # tune_sites s317 (JW Insights), labelled 5 companies: nothing was read ("top" names the list)
        ("The city of Yiwu in eastern China’s Zhejiang Province is vigorously developing its photovoltaic industry "
         "thanks to firm government support, with five of the world’s top 10 solar companies by shipments setting up "
         "production hubs in the global capital of small commodities, reported Yicai Global on August 21.",
         [(5.0, "solar companies")]),
        ("Three of China's top 10 ports are in Zhejiang.", [(3.0, "ports")]),
    ],
)
def test_a_superlative_before_a_number_names_a_list_and_a_part_of_it_is_counted(
        sentence: str, found: list[tuple[float, str]]) -> None:
    """ "17 of the world's largest 20 ports": only "20 ports" was read, a count, where a superlative before the number
    names a list as "top" does (matchers._count_blocked); the part before "of the world's" counts the whole's noun
    (count.part_of_whole, matchers.PART_OF_WHOLE_RE)."""
    assert [(m.value, m.subject) for m in extract_metrics(sentence)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # tune_sites s285 (an excerpt cut there), labelled 100 billion dollars (uncertain)
        ("Total trade between China and the 17 Central and Eastern European countries surged by 8.4% on a yearly basis "
         "to USD103.45 billion last year, exceeding USD100 bill", [103.45e9, 100e9]),
        ("Exports were $40 mill", [40e6]),
        ("Exports were $40 billion", [40e9]),  # (a whole scale word: as before)
        ("The paper mill was sold for $40 million, a mill", [40e6]),  # (the amount has its scale)
    ],
)
def test_an_amount_before_a_scale_word_cut_at_the_text_end_takes_its_scale(text: str, found: list[float]) -> None:
    """ "exceeding USD100 bill": the excerpt ends inside the scale word, and "USD100" was read as 100 dollars
    (number.cut_scale, engine.CUT_SCALE_RE)."""
    assert [m.value for m in extract_metrics(text) if m.unit == "USD"] == found


S290_KEY_STATS = ("CN Stock MarketDetailed Quotes\n\n002142 Bank Of Ningbo\n\nWatchlist\n  • 18.43\n  • -0.23-1.23%\n"
                  "Market Closed Sep 13 15:00 CST\n121.70BMarket Cap4.64P/E (TTM)\n\nBank Of Ningbo Key Stats\n\nAll\n"
                  "YOY yoy\nHide blank lines yoy\n(Q6)Jun 30, 2024\n(Q3)Mar 31, 2024\n(FY)Dec 31, 2023\n"
                  "Operating revenue\n7.13%34.44B\n5.78%17.51B\n6.40%61.59B\n"
                  "Net interest income\n14.75%23.15B\n12.18%11.5B\n9.02%40.91B\n10.89%30.21B\n16.62%20.18B\n"
                  "7.99%10.25B\n14.75%37.52B\n11.32%27.24B\n8.26%17.3B\n12.59%9.49B\n-Interest income\n"
                  "14.64%50.04B\n15.81%24.84B\n15.29%90.77B\n15.09%66.63B\n15.89%43.65B\n12.19%21.45B\n"
                  "16.19%78.73B\n16.88%57.9B\n17.09%37.67B\n19.56%19.12B\n-Less:Interest expense\n14.55%26.89B\n"
                  "19.14%13.34B\n20.99%49.86B\n18.82%36.42B\n15.27%23.47B\n16.33%11.19B\n17.52%41.21B\n"
                  "22.30%30.65B\n25.81%20.36B\n27.33%9.62B\n"
                  "Net commission income\n-24.90%2.7B\n-22.84%1.44B\n-22.76%5.77B\n"
                  "-Less:Commission expense\n20.24%802M\n9.77%337M\n30.07%1.58B\n"
                  "Exchange income\n27.69%-175M\n-129.46%-257M\n-28.29%-390M\n"
                  "Asset deal income\n-103.51%-10M\n-99.65%1M\n2,053.85%280M\n----\n--285M\n")


def test_a_statement_of_glued_change_and_amount_cells_is_english_and_read() -> None:
    """Real page tune_sites s290 (metrics25, moomoo.com's key stats for Bank of Ningbo): a statement flattened one
    cell a line, each cell the change on the year before glued to the amount and its scale letter ("7.13%34.44B",
    "-22.84%1.44B", "27.69%-175M"), under its row's label line. The page was refused as "und" (its 117 scale letters
    counted as words: textutil.FIGURE_SCALE_LETTER_RE now leaves them out), and read, the cells gave percentages as
    levels and no amount. Now each cell is a change in percent and, under a label naming money (vocab
    STATEMENT_MONEY_LABEL_WORDS), an amount in yuan (table.glued_change_cell); "----" is an empty cell. The columns'
    headings above the first label ("(Q6)Jun 30, 2024": the first six months to that date; "(FY)Dec 31, 2023") give
    each cell its column's period when there is one for every cell (period.glued_cell_column, .224)."""
    whole = json.loads((Path(__file__).parent / "realgold/tune_sites/pages/s290.json").read_text())["raw_text"]
    assert parse_page(whole, url="https://www.example.com/stock/002142-SZ", template="text").language == "en"
    page = parse_page(S290_KEY_STATS, url="https://www.example.com/stock/002142-SZ/financial/income-statement",
                      template="text")
    found = [(m.value, m.unit, m.kind, m.subject) for m in page.metrics if "table.glued_change_cell" in m.rules]
    assert found[:4] == [(7.13, "percent", "change", "operating revenue growth"),
                         (34.44e9, "CNY", "level", "operating revenue"),
                         (5.78, "percent", "change", "operating revenue growth"),
                         (17.51e9, "CNY", "level", "operating revenue")]
    assert (-22.84, "percent", "change", "net commission income growth") in found
    assert (802e6, "CNY", "level", "less:commission expense") in found
    assert (-175e6, "CNY", "level", "exchange income") in found
    assert (2053.85, "percent", "change", "asset deal income growth") in found
    assert (285e6, "CNY", "level", "asset deal income") in found
    assert len(found) == 91
    dated = [m.period for m in page.metrics if "period.glued_cell_column" in m.rules]
    assert dated[:6] == ["2024-01..2024-06", "2024-01..2024-06", "2024-01..2024-03", "2024-01..2024-03", "2023", "2023"]


def test_a_table_s_row_labels_on_lines_of_their_own_are_read_under_a_unit_sentence_with_an_aside() -> None:
    """Real page tune_sites s291 (metrics25, investcroc.com's income statement for Bank of Ningbo): the unit sentence
    holds an aside in brackets ("Numbers are in millions (except for per share data and ratios) CNY."), the heading row
    is years alone, and each row's label stands on a line of its own over its cells ("Revenue" / "| 110,250 | 57,866 |
    ..."): none of its 100 amounts was read. Now the cells under a label line are the label's, for their column's year
    (table.cell); a row of 0 cells is empty, and a ratio's row ("Gross Profit Ratio", the aside's exception) holds no
    amounts at the table's scale."""
    text = ("Numbers are in millions (except for per share data and ratios) CNY.\n\n"
            "2023 | 2022 | 2021 | |\n\nRevenue\n\n| 110,250 | 57,866 | 52,767 |\n\nCost of Revenue\n\n| 0 | 0 | 0 |\n\n"
            "Gross Profit Ratio\n\n| 1 | 1 | 1 |\n\nOther Expenses\n\n| -8,988 | 474 | 419 |\n\nOperating")
    found = [(m.value, m.unit, m.subject, m.period) for m in extract_metrics(text)]
    assert found == [(110250e6, "CNY", "revenue", "2023"), (57866e6, "CNY", "revenue", "2022"),
                     (52767e6, "CNY", "revenue", "2021"), (-8988e6, "CNY", "other expenses", "2023"),
                     (474e6, "CNY", "other expenses", "2022"), (419e6, "CNY", "other expenses", "2021")]


def test_a_pipe_row_of_a_label_and_its_figure_is_a_key_figure_not_a_subheading() -> None:
    """Real page tune_sites s292 (metrics25, stockanalysis.com's statistics for Ningbo Joyson Electronic): key figures
    as pipe rows of two cells ("| Return on Assets (ROA) | 3.47% |", "| PS Ratio | 0.69 |", "| EV / Sales | 1.11 |")
    were taken for subheadings and nothing read. Such a row is read as the same line without its bars: a key
    figure's line, its label the subject (subject.key_figure_label), or a valuation multiple's (match.valuation_line);
    "| Earnings Date | Oct 30, 2025 |" stays none."""
    text = ("| Owned by Insiders (%) | 2.30% |\n\n| PS Ratio | 0.69 |\n\n| EV / Sales | 1.11 |\n\n"
            "| Return on Assets (ROA) | 3.47% |\n\n| Earnings Date | Oct 30, 2025 |\n\n| Effective Tax Rate | 31.04% |")
    found = [(m.value, m.unit, m.subject) for m in extract_metrics(text)]
    assert found == [(2.3, "percent", "owned by insiders (%)"), (0.69, "times", "ps ratio"),
                     (1.11, "times", "ev / sales"), (3.47, "percent", "return on assets (roa)"),
                     (31.04, "percent", "effective tax rate")]


def test_a_pipe_table_headed_by_a_rank_column_reads_ranks_scaled_counts_and_changes() -> None:
    """Real page tune_sites s295 (metrics25, bts.gov's "Top 10 World Container Ports: 2013"): a pipe table headed
    "Rank | Port | '12-'13 change | Millions of TEUs |" over rows "6 | Ningbo | 3.2% | 17.3 |": only the percentages
    were read, as levels. Now the rank column's cells are ranks of the row's name (table.rank_cell), the column headed
    by a scale "of" a plural noun counts it at that scale (table.scaled_count_cell), the change column's cells are
    changes (table.change_column); a table with a rank column and no such measure is left alone."""
    text = ("Rank | Port | '12-'13 change | Millions of TEUs |\n\n1 | Shanghai | 3.3% | 33.6 |\n\n"
            "4 | Hong Kong | -3.3% | 22.4 |\n\n6 | Ningbo | 3.2% | 17.3 |\n\nKey: TEU = twenty-foot equivalent unit.")
    found = [(m.value, m.unit, m.kind, m.subject) for m in extract_metrics(text)]
    assert found[:3] == [(1.0, "rank", "rank", "shanghai rank"), (3.3, "percent", "change", "shanghai growth"),
                         (33.6e6, "count", "level", "shanghai")]
    assert (-3.3, "percent", "change", "hong kong growth") in found and (17.3e6, "count", "level", "ningbo") in found
    assert len(found) == 9
    assert [m.unit for m in extract_metrics("Rank | Port | Country |\n\n1 | Shanghai | China |")] == []


def test_peg_and_enterprise_value_ratios_in_a_sentence_are_multiples() -> None:
    """Real page tune_sites s292 (metrics25, stockanalysis.com's statistics for Ningbo Joyson Electronic): "SHA:600699's
    PEG ratio is 0.82." and "The stock's EV/EBITDA ratio is 13.32, with an EV/FCF ratio of 48.29." read nothing (the
    table rows restating them were read instead, away from the labelled sentence). A PEG ratio and an enterprise
    value's ratios are valuation multiples as a PE ratio is (vocab VALUATION_RATIO_NOUNS, match.valuation_multiple)."""
    text = "SHA:600699's PEG ratio is 0.82. The stock's EV/EBITDA ratio is 13.32, with an EV/FCF ratio of 48.29."
    found = extract_metrics(text)
    assert [(m.value, m.unit) for m in found] == [(0.82, "times"), (13.32, "times"), (48.29, "times")]
    assert all("match.valuation_multiple" in m.rules for m in found)


def test_a_key_figure_s_label_that_names_its_unit_reads_its_bare_figure() -> None:
    """Real pages tune_sites s292 (metrics25, stockanalysis.com's statistics for Ningbo Joyson Electronic: "| Float |
    817.90M |", "| Employee Count | 47,789 |", "| Revenue Per Employee | 1.27M |") and s262 ("Employee Count17,200",
    "Profits Per Employee 300,448"): bare figures whose label says what they count, or that they are money, read
    nothing. A key figure's label naming its unit (vocab KEY_LABEL_UNITS) makes its figure a count, or an amount in
    the currency the text names (match.key_label_unit); a figure a sentence already gave is not read twice."""
    text = ("SHA:600699 has a market cap or net worth of CNY 41.54 billion.\n\n"
            "SHA:600699 has 1.54 billion shares outstanding.\n\n| Shares Outstanding | 1.54B |\n\n"
            "| Float | 817.90M |\n\n| Revenue Per Employee | 1.27M |\n\n| Employee Count | 47,789 |\n\n"
            "Profits Per Employee 300,448\n\n"
            "Employee Count17,200")
    found = [(m.value, m.unit, m.subject) for m in extract_metrics(text) if "match.key_label_unit" in m.rules]
    assert found == [(817.9e6, "count", "float"), (1.27e6, "CNY", "revenue per employee"),
                     (47789.0, "count", "employee count"), (300448.0, "CNY", "profits per employee"),
                     (17200.0, "count", "employee count")]
    assert [m.unit for m in extract_metrics("Revenue Per Employee 1.27M")] == []  # no currency named


def test_a_money_noun_moving_between_bare_scaled_amounts_is_yuan() -> None:
    """Real page tune_sites s334 (metrics28, Joyson's news page copying a China Securities Journal story): "the revenue
    of Joyson Electronic has been increased from 200 million in 2006 to 18.6 billion in 2016" read nothing (each amount
    followed by its year, neither after a link word). A move "from" one bare scaled amount "to" another, each maybe
    with its year, in a clause naming money and a sentence naming no currency, is in yuan (money.currency_clause);
    with a currency elsewhere in the sentence (s015's "84.55 mln USD, with the registered capital increased from 20
    million to 32 million") it stays unread, and a count's move stays a count."""
    ms = extract_metrics("In recent years, through a series of oversea acquisition, the revenue of Joyson Electronic "
                         "has been increased from 200 million in 2006 to 18.6 billion in 2016.")
    assert [(m.value, m.unit, m.period) for m in ms] == [(200e6, "CNY", "2006"), (18.6e9, "CNY", "2016")]
    assert not [m for m in extract_metrics("It increased the total investment from 48.55 mln UD to 84.55 mln USD, "
                                           "with the registered capital increased from 20 million to 32 million.")
                if m.value in (20e6, 32e6)]
    assert [m.unit for m in extract_metrics("Visitors rose from 2 million in 2010 to 3 million in 2015.")] == [
        "count", "count"]


def test_a_bare_scaled_amount_in_taxes_is_yuan() -> None:
    """Real pages tune_sites s262 and s292 (metrics23 and metrics25, stockanalysis.com's statistics for Ningbo Zhoushan
    Port and Joyson): "In the past 12 months, SHA:601018 has paid 2.03 billion in taxes." read nothing (no link word
    before the amount, its money noun after it). A bare scaled amount followed by "in" and a money noun (vocab
    MONEY_IN_NOUNS) is yuan where its sentence names no currency (money.in_noun); "£80 million in income" (s059) is no
    yuan, "2 million in visitors" no money."""
    ms = extract_metrics("In the past 12 months, SHA:601018 has paid 2.03 billion in taxes.")
    assert [(m.value, m.unit) for m in ms] == [(2.03e9, "CNY")] and "money.in_noun" in ms[0].rules
    assert not [m for m in extract_metrics("The University generates an estimated £80 million in income per annum.")
                if m.unit == "CNY"]
    assert not extract_metrics("It drew 2 million in visitors.")


def test_an_enterprise_value_with_no_currency_is_yuan() -> None:
    """Real pages tune_sites s292 and s262 (metrics25 and metrics23, stockanalysis.com's statistics for Joyson and for
    Ningbo Zhoushan Port): "The enterprise value is 67.53 billion." read nothing (its currency only in the sentence
    before). An enterprise value is money as an investment or a profit is: a bare scaled amount in its clause is yuan
    (vocab MONEY_CLAUSE_NOUNS, money.currency_clause)."""
    found = extract_metrics("The enterprise value is 67.53 billion.")
    assert [(m.value, m.unit, m.subject) for m in found] == [(67.53e9, "CNY", "enterprise value")]


def test_teu_ends_its_phrase_before_and_or_a_participle() -> None:
    """Real page tune_sites s339 (metrics29, a shippingchina.com port item on the first quarter of 2010): "with
    Shenzhen's volume up 27 per cent to 4.9 million TEU, Ningbo's up by 22 per cent to 2.76 million TEU and Guangzhou's
    throughput rising by 28 per cent to 2.79 million TEU compared to the same period a year earlier" read 4.9 million
    only: TEU, a unit noun the same in the plural, did not end the phrase before "and" or "compared", and the phrase
    "TEU and Guangzhou's throughput rising" ended in no plural. TEU ends its phrase there as a plural noun does."""
    sentence = ("During the first quarter, the South China ports of Shenzhen, Ningbo and Guangzhou also saw their "
                "volumes rebound strongly, with Shenzhen's volume up 27 per cent to 4.9 million TEU, Ningbo's up by 22 "
                "per cent to 2.76 million TEU and Guangzhou's throughput rising by 28 per cent to 2.79 million TEU "
                "compared to the same period a year earlier.")
    assert [m.value for m in extract_metrics(sentence) if m.unit == "count"] == [4.9e6, 2.76e6, 2.79e6]
    found = extract_metrics("Exports rose 5 per cent to 2.76 million TEU and imports rose 3 per cent to 1.2 million "
                            "TEU.")
    assert [(m.value, m.subject) for m in found if m.unit == "count"] == [(2.76e6, None), (1.2e6, None)]


def test_ranking_the_first_three_is_no_first_place() -> None:
    """Real page tune_sites s341 (metrics29, ninghai.gov.cn): "The fixed asset investment had increased by 13.6% by the
    end of August, ranking the first three of Ningbo for 56 months in a row." gave a rank of 1 ("ranking the first"):
    "the first three" is a band of the first N, no place (match.rank_verb); "ranked first three years in a row" and
    "ranked the second in China" stay places."""
    found = extract_metrics("The fixed asset investment had increased by 13.6% by the end of August, ranking the first "
                            "three of Ningbo for 56 months in a row.")
    assert not [m for m in found if m.unit == "rank"]
    assert [m.value for m in extract_metrics("Its exports ranked first three years in a row.") if m.unit == "rank"] == [
        1.0]
    assert [m.value for m in extract_metrics("It ranked the second in China.") if m.unit == "rank"] == [2.0]


def test_a_duration_that_is_a_periods_value_is_a_metric() -> None:
    """Real page tune_sites s348 (metrics30, a talent-subsidy summary): "the housing subsidy is 80,000 yuan per person
    per year, and the longest payment period is 10 year, and the accumulated amount does not exceed 800,000 yuan" read
    no 10 years: "N years" was read only near a lifespan's words (YEARS_CONTEXT_RE). A duration just after "period is /
    of" is that period's length (matchers.PERIOD_VALUE_BEFORE_RE; s172's "in a period of 12 years" too); "the same
    period of" is a comparison's base, no period's value."""
    sentence = ("2. Class B talents: the housing subsidy is 80,000 yuan per person per year, and the longest payment "
                "period is 10 year, and the accumulated amount does not exceed 800,000 yuan;")
    years = [(m.value, m.subject) for m in extract_metrics(sentence) if m.unit == "years"]
    assert years == [(10.0, "longest payment period")]
    assert [m.value for m in extract_metrics("The bridge was built in a period of 12 years.") if m.unit == "years"] == [
        12.0]
    assert not [m for m in extract_metrics("Exports rose 5% over the same period of 2 years before.")
                if m.unit == "years"]


def test_does_not_exceed_caps_and_mounted_up_to_reaches() -> None:
    """Real pages tune_sites s348 and s349 (metrics30): "the accumulated amount does not exceed 800,000 yuan" gave at
    least (its "exceed" read alone) and "Overall exported turnover in 2010 mounted up to 7.33 billion USD" (texleader)
    gave at most ("up to"). The negated verb caps (vocab QUALIFIER_WORDS at_most "not exceed"); "mounted up to" is a
    total reached, as "added up to" is (FILLER_WORDS)."""
    capped = one("The accumulated amount does not exceed 800,000 yuan.")
    assert (capped.value, capped.qualifier) == (800000.0, "at_most")
    reached = one("Overall exported turnover in 2010 mounted up to 7.33 billion USD.")
    assert (reached.value, reached.unit, reached.qualifier) == (7.33e9, "USD", None)
    assert one("Exports exceed 800,000 yuan.").qualifier == "at_least"


def test_a_part_of_a_spelled_whole_after_a_possessive_counts() -> None:
    """Real page tune_sites s346 (metrics30, a Yicai Global item on home prices): "the average price of a pre-owned home
    in five of Shenzhen's nine districts was more than CNY50,000" read no 5: the whole after a possessive had to be in
    digits ("two of Zhejiang's 11 cities"). A spelled whole right after it counts the part too
    (matchers.PART_OF_WHOLE_RE); "two of the world's top five container ports" (tune_other t293) stays a list's
    place."""
    sentence = ("Last month, the average price of a pre-owned home in five of Shenzhen's nine districts was more than "
                "CNY50,000 (USD7,695) per square meter, according to data from China Real Estate Value.")
    assert [(m.value, m.subject) for m in extract_metrics(sentence) if m.unit == "count"] == [(5.0, "districts")]
    assert not [m for m in extract_metrics("The area is a major shipping hub; including Shanghai and Ningbo, two of "
                                           "the world's top five container ports.") if m.unit == "count"]


def test_a_count_after_where_opens_its_clause() -> None:
    """Real page tune_sites s347 (metrics30, a wire story on Typhoon Haikui): "Another person was killed in neighbouring
    Anhui province, where 26,000 were evacuated, local authorities said." read nothing: a bare count with a plural verb
    after it counts when it opens its clause (count.clause_subject), and "where" did not open one
    (matchers.CLAUSE_OPENING_RE)."""
    found = extract_metrics("Another person was killed in neighbouring Anhui province, where 26,000 were evacuated, "
                            "local authorities said.")
    assert [(m.value, m.unit) for m in found] == [(26000.0, "count")]
