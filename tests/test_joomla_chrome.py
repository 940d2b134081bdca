"""Joomla 3's documented front-end chrome (transforms.boilerplate.JOOMLA_STRINGS): each row's line is dropped, and
none of them is caught by another pattern (each row is needed); body sentences that merely hold the same words stay;
on a real ningbolife text page only the strings left out on purpose still leak (devtools.joomla_chrome)."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import transforms.boilerplate as bp
from devtools.joomla_chrome import measure
from transforms.boilerplate import JOOMLA_CHROME, JOOMLA_CLOAKING, JOOMLA_STRINGS, is_boilerplate_line
from transforms.page import parse_page

# A realistic value for each placeholder (the strings' %s as Joomla fills them).
SAMPLES = {
    "{n}": "12",
    "{rating}": "4 / 5",
    "{name}": "Ningbo Life",
    "{date}": "Thursday, 12 July 2012 10:30",
    "{pages}": "1 2",
    "{votes}": "Vote 1 Vote 2 Vote 3 Vote 4 Vote 5",
    "{sizes}": "Bigger Smaller Reset",
}


def _filled(string: str) -> str:
    for key, value in SAMPLES.items():
        string = string.replace(key, value)
    return string


ROWS = [(_filled(string), source) for string, source in JOOMLA_STRINGS]
# The same lines as pages print them otherwise: other case, "…", no space before the ellipsis, no closing stop.
VARIANTS = ["REGISTER TO READ MORE…", "More Articles...", "Register to read more...", "Search...", "search …",
            "Thank You for rating this Article", "Forgot your password", "Remember Me", "Rating: 3.5",
            "User Rating: 4 / 5", "User Rating: 5", "Vote 5", "Vote 1 Vote 2 Vote 3 Rate",
            "Please Rate Vote 1 Vote 2 Vote 3 Vote 4 Vote 5 Rate", "Start Prev 1 2 3 4 5 6 7 8 9 10 Next End",
            "Page 12 of 130", "Results 11 - 20 of 245", "Bigger Reset Smaller", "Smaller Bigger",
            "Written by Ningbo Life Monday, 06 February 2012 09:54", "Last Updated on Friday, 24 May 2019",
            "  Powered by Joomla!  "]
# Body sentences holding the rows' words: a whole-line match only.
SENTENCES = [
    "Next year the port will grow by 5%.",
    "Rating agencies upgraded Ningbo's bonds.",
    "Rating: the agency gave Ningbo an AA score.",
    "Vote: the council approved the plan by 12 votes to 3.",
    "Search for talent continues in Ningbo.",
    "Page 1 of the report shows the growth.",
    "More articles on the port will follow next week.",
    "Start and end dates of the fair were set.",
    "Please rate the service of the hall on its website.",
    "Thank you for rating this article, said the editor, who read every reply.",
    "Written by Ningbo Life staff, the guide lists 30 museums.",
    "Created on Thursday, 12 July 2012, the fund has grown tenfold.",
    "Remember me to the people of Ningbo, he wrote.",
    "Article Index of the statistics bureau lists 12 tables.",
    "Powered by Joomla! and hosted in Ningbo, the site serves 5,000 readers.",
    "All pages of the yearbook were scanned.",
    "Bigger, smaller and reset prices were announced.",
    "Log out of the app before you leave.",
]


@cache
def _others() -> bp.LineChecks:
    """Every pattern but JOOMLA_CHROME."""
    return bp.LineChecks([p for p in bp.BOILERPLATE_PATTERNS if p != JOOMLA_CHROME], bp._NEEDS)


@pytest.mark.parametrize("line, source", ROWS)
def test_each_documented_string_is_dropped_and_no_other_pattern_drops_it(line: str, source: str) -> None:
    assert is_boilerplate_line(line), (line, source)
    assert not _others().matches(bp.normalize_space(line)), (line, source)  # the row is needed


@pytest.mark.parametrize("line", VARIANTS)
def test_the_strings_as_pages_print_them_otherwise_are_dropped(line: str) -> None:
    assert is_boilerplate_line(line)
    assert bp._NEEDS[JOOMLA_CHROME](bp.normalize_space(line))


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_body_sentence_holding_the_words_stays(sentence: str) -> None:
    assert not is_boilerplate_line(sentence)


def test_the_need_passes_every_line_the_pattern_matches_and_opens_with_a_row_word() -> None:
    """The need (a row's first word opens the line) lets through every row's line and variant; it stops a body line."""
    need = bp._NEEDS[JOOMLA_CHROME]
    for line in [line for line, _ in ROWS] + VARIANTS:
        assert need(bp.normalize_space(line)), line
    assert not need("In the first half of this year, the cargo throughput grew.")
    assert need("ſearch ...")  # a non-ASCII opening: the pattern decides (IGNORECASE's long s)


# What still leaks on purpose: single generic words a body line may be, a heading a press release may have, and the
# lead's "Tags:" (no such label in Joomla 3's layouts/joomla/content/tags.php).
LEFT = {"Username", "Password", "Secret Key", "Start", "End", "Rate", "Navigation", "Additional information", "Tags:"}


def test_on_a_real_ningbolife_page_only_the_strings_left_out_leak() -> None:
    """devtools.joomla_chrome on tune_sites s010 (the lead's page): each probe under the headline, between paragraphs
    and at the end; before the rows 53 probes leaked into the body."""
    leaking = {probe for probe, _, leaks, _ in measure(("s010",)) if leaks}
    assert leaking == LEFT


CLOAK_FIXTURE = "tests/fixtures/html/articles/joomla3_core_vote_cloak.html"
CLOAK_SENTENCE = "For details of the programme, write to the office at {} or call the hotline."


def test_the_email_cloaks_notice_inside_a_sentence_is_cut_from_it_on_html_and_text_pages() -> None:
    """JHtmlEmail::cloak's span read without its script leaves JLIB_HTML_CLOAKING where the address stood; inside a
    sentence (ningbolife, tune_other t398: "please send to our email This email address is being protected ...")
    the line is the body's, so the notice is cut out of it, on the Joomla HTML page and on a text page alike."""
    html = Path(CLOAK_FIXTURE).read_text(encoding="utf-8")
    start = html.index('<p><span id="cloak')
    end = html.index("</p>", start) + len("</p>")
    cloak = html[start + len("<p>"):end - len("</p>")]
    page = html[:start] + "<p>" + CLOAK_SENTENCE.format(cloak) + "</p>" + html[end:]
    article = parse_page(page, url="https://ningbolife.com/index.php/business-news/1234-test")
    assert CLOAK_SENTENCE.format("").replace("  ", " ") in article.body.split("\n")
    text = ("Ningbo opens a new port\n\nThe port of Ningbo handled 2.9 million containers in May, up 8 percent from a "
            "year earlier, the port group said on Tuesday.\n\n" + CLOAK_SENTENCE.format(JOOMLA_CLOAKING) + "\n\n"
            "Shipping lines added three services to Europe during the month.\n")
    article = parse_page(text.encode(), url="https://example.com/a/1", content_type="text/plain")
    assert CLOAK_SENTENCE.format("").replace("  ", " ") in article.body.split("\n")
    assert "spambots" not in article.body
