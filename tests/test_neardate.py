"""The dated line beside a text page's headline (transforms/neardate.py): which lines date the page,
which do not (spans of days, paragraphs, long lines), and that a text page takes it only when its rules
found no date."""
from __future__ import annotations

import pytest

from transforms.neardate import date_near_title, dated_line, is_date_span
from transforms.page import parse_page
from transforms.templates.text import is_sentence


@pytest.mark.parametrize(("line", "date"), [
    # shapes the unseen tune_other pages showed (each a different site), and variants of them
    ("31 Mar 2014 by Clement Huang", "2014-03-31"),
    ("(People’s Daily Online) 15:42, January 21, 2019", "2019-01-21"),
    ("2014-04-10 14:57 Shanghai Daily Web Editor: Wang YuXia", "2014-04-10"),
    ("Pubdate:2023.11.30 Source: Hit:653", "2023-11-30"),
    ("pubtime:2014-03-25   hits: 6678", "2014-03-25"),  # (a numeric date's month and day before a word: no span)
    ("in Port News 19/08/2021", "2021-08-19"),
    ("Tuesday 14th of September 2021", "2021-09-14"),
    ("USA, Bethesda, Maryland. June 30, 2021", "2021-06-30"),
    ("March 18, 2017 | Teach English in China", "2017-03-18"),
    ("Posted: May 9, 2024", "2024-05-09"),
    ("October 28, 2012 7:45 pm Last Updated: October 1, 2015 11:59 am", "2012-10-28"),  # two dates, no span
])
def test_a_short_line_with_one_date_dates_the_page(line: str, date: str) -> None:
    assert dated_line(line) == date


@pytest.mark.parametrize("line", [
    "Time: 22 July - 28 August, 2022",  # an exhibition's run
    "Date: 28-31 March 2018",  # a trip's days
    "Date: 2016/06/30 to 2016/07/03",
    "Travel time: February 5th to February 7th, 2011 (3 days)",
])
def test_a_span_of_days_dates_no_page(line: str) -> None:
    assert is_date_span(line)
    assert dated_line(line) is None


def test_long_or_wordy_lines_and_dateless_lines_date_no_page() -> None:
    assert dated_line("On June 11, 2021, the company organized everyone to pick Yangmei in Zhangting, the capital of "
                      "Meixiang in Yuyao, and the staff enjoyed the fruit") is None  # a paragraph (over 120 chars)
    assert dated_line("The fair opened on May 6, 2023 with more than two thousand exhibitors from forty countries") \
        is None  # nine words besides the date's
    assert dated_line("Posted by the editors") is None
    assert not is_date_span("Ningbo Terminal Update – COVID shutdown – Aug-13-2021")
    assert dated_line("Ningbo Terminal Update – COVID shutdown – Aug-13-2021") == "2021-08-13"


def test_the_line_under_the_headline_first_then_above_nearest_first() -> None:
    lines = ["Home | News", "May 2, 2020", "Ningbo opens a new port", "", "By A Reporter",
             "Posted: May 9, 2024", "The port opened on Monday."]
    assert date_near_title(lines, "Ningbo opens a new port") == "2024-05-09"
    assert date_near_title(lines[:5], "Ningbo opens a new port") == "2020-05-02"  # none under: above
    assert date_near_title(["## Ningbo opens a new port", "Posted: May 9, 2024"], "Ningbo opens a new port") \
        == "2024-05-09"
    assert date_near_title(lines, "A headline the page does not print") is None
    assert date_near_title(lines, None) is None
    far = ["Ningbo opens a new port"] + ["A line of text."] * 6 + ["Posted: May 9, 2024"]
    assert date_near_title(far, "Ningbo opens a new port") is None  # seven lines under: not beside it



def test_a_sentence_of_the_text_ends_the_search_as_the_text_template_reads_one() -> None:
    """The search stops at a line the text template calls a sentence of the text (`templates.text.is_sentence`,
    the one definition both use): a date past it is the text's, not the headline's."""
    sentence = "The port opened a new terminal on Monday after three years of building work."
    assert is_sentence(sentence)
    lines = ["Ningbo opens a new port", sentence, "Posted: May 9, 2024"]
    assert date_near_title(lines, "Ningbo opens a new port") is None
    # a short line closed by a full stop, or a long one closed by none, is no sentence of the text: passed over
    # (eleven words under PARAGRAPH_MIN_WORDS: neardate's own twin of the definition counted ten)
    for line in ("Photo by A Reporter.", "The port opened a new terminal on Monday after three years of building",
                 "The port opened a new terminal on Monday after three years."):
        assert not is_sentence(line)
        assert date_near_title(["Ningbo opens a new port", line, "Posted: May 9, 2024"], "Ningbo opens a new port") \
            == "2024-05-09"
    above = ["Posted: May 9, 2024", sentence, "Ningbo opens a new port"]
    assert date_near_title(above, "Ningbo opens a new port") is None

PAGE = """Ningbo port volume rises in May
{}
The port of Ningbo handled 2.9 million containers in May, up 8 percent from a year earlier, the port group said \
on Tuesday. Exports of machinery and electronics led the rise.
Shipping lines added three services to Europe during the month.
"""


# dated lines of shapes no rule of the text template lists (each page's date is None without the fallback)
@pytest.mark.parametrize(("line", "date"), [
    ("Filed under Port News on 7 May 2019", "2019-05-07"),
    ("Views: 312 | 2019-05-07", "2019-05-07"),
    ("From the port desk · May 7, 2019", "2019-05-07"),
    ("Issue 212 (May 7, 2019)", "2019-05-07"),
])
def test_text_page_takes_the_dated_line_beside_its_headline(line: str, date: str) -> None:
    page = parse_page(PAGE.format(line), template="text")
    assert page.title == "Ningbo port volume rises in May"
    assert page.published == date


def test_text_page_takes_the_dated_line_only_when_its_rules_found_no_date() -> None:
    # a page whose rules find a date keeps it (a "Published:" line), the line beside the headline aside
    text = PAGE.format("Views: 312 | 2019-05-07").replace("\nThe port", "\nPublished: 2019-05-09\nThe port", 1)
    assert parse_page(text, template="text").published == "2019-05-09"
    # an event's span beside the headline dates nothing: the URL's date then
    span = PAGE.format("Time: 22 July - 28 August, 2022")
    assert parse_page(span, template="text").published is None
    assert parse_page(span, url="https://example.com/2014/04/05/ningbo-port-volume-rises/",
                      template="text").published == "2014-04-05"


def test_a_table_s_column_headings_date_no_page() -> None:
    """Real pages tune_sites s160 and s176 (metrics16, MarkLines' business reports, labelled without a date): the column
    headings "FY ended Dec. 31, 2022 | FY ended Dec. 31, 2021 | Rate of change (%) | Factors | |" under the headline
    gave the page 2022-12-31: a line with a date in two of its cells is a table's headings (is_table_headings), the
    fiscal years of its columns; one date beside a bar still dates the page."""
    assert dated_line("FY ended Dec. 31, 2022 | FY ended Dec. 31, 2021 | Rate of change (%) | Factors | |") is None
    assert dated_line("FY2020 (ended Dec. 31, 2020) | FY2019 (ended Dec. 31, 2019) | Rate of change(%) |") is None
    assert dated_line("Updated: March 17, 2021 | chinadaily.com.cn") == "2021-03-17"


def test_two_fiscal_year_ends_with_no_bars_are_a_table_s_headings() -> None:
    """Real page tune_sites s185 (metrics17, MarkLines' FY2017 report, labelled without a date): the headings of a
    table set apart by spaces, "FY ended Dec. 31, 2017 FY ended Dec. 31, 2016 Rate of change Factors", gave the page
    2017-12-31: two dates each after "ended" are the fiscal years of its columns (is_table_headings); one stays a
    date line."""
    assert dated_line("FY ended Dec. 31, 2017 FY ended Dec. 31, 2016 Rate of change Factors") is None
    assert dated_line("Year ended Dec. 31, 2017") == "2017-12-31"
