"""Joomla 3's documented front-end chrome inserted into real ningbolife text pages: what leaks.

    python -m devtools.joomla_chrome [--pages s010,s005,...] [--leaks-only]

Each probe is a string Joomla 3 (or 1.6, where named) prints on an article page, from its own
language files and layouts, with its %s filled with a realistic value. It is inserted as a line of
its own into real ningbolife pages of tests/realgold/tune_sites (the realgold text format, parsed as
`parse_page(raw_text, url=..., template="text")`) at three places: under the headline, between the
first two paragraphs of the text, and at the end. A probe leaks where its line is a line of the
article's body, or where the title differs from the page's own without it; a date that changes is
shown beside (a dated info line under the headline is the page's date line: the parse reads it, by
design), not counted. Printed: each probe that leaks anywhere (with where), then a count of probes
leaking and of leaked placements.

Sources (read with the project's code search on 2026-12-06): joomla/joomla-cms
language/en-GB/en-GB.com_content.ini at 00a7ff24 (a 3.9 release); the Joomla 3.x tree of
raramuridesign/joomla-3.x (f69c581b / 8d2dc2f1) for language/en-GB/en-GB.ini, en-GB.lib_joomla.ini,
en-GB.mod_login.ini, en-GB.mod_search.ini, en-GB.mod_footer.ini, en-GB.mod_breadcrumbs.ini,
en-GB.tpl_protostar.ini and administrator/language/en-GB/en-GB.plg_content_vote.ini (the stored
joomla/joomla-cms copies of those are 1.6 or 4.x versions); joomla/joomla-cms
language/en-GB/en-GB.tpl_beez3.ini (2013, 3.x) and administrator/language/en-GB/
en-GB.plg_content_pagebreak.ini (2018, 3.9).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from transforms.errors import NotAnArticle
from transforms.page import parse_page
from transforms.textutil import normalize_space

ROOT = Path(__file__).resolve().parents[1]
PAGES_DIR = ROOT / "tests" / "realgold" / "tune_sites" / "pages"
# ningbolife pages of tune_sites: one undated (the lead's s010) and four with a date the parse finds.
DEFAULT_PAGES = ("s010", "s005", "s007", "s016", "s018")

# (the line as Joomla prints it, %s filled; file and key)
PROBES: tuple[tuple[str, str], ...] = (
    # en-GB.com_content.ini (3.9)
    ("Details", "com_content COM_CONTENT_ARTICLE_INFO"),
    ("Hits: 2417", "com_content COM_CONTENT_ARTICLE_HITS"),
    ("Category: Ningbo Port News", "com_content COM_CONTENT_CATEGORY"),
    ("Parent Category: News", "com_content COM_CONTENT_PARENT"),
    ("Created: Thursday, 12 July 2012 10:30", "com_content COM_CONTENT_CREATED_DATE_ON"),
    ("Last Updated: Thursday, 12 July 2012 10:31", "com_content COM_CONTENT_LAST_UPDATED"),
    ("Published: Thursday, 12 July 2012 10:30", "com_content COM_CONTENT_PUBLISHED_DATE_ON"),
    ("Written by Ningbo Life", "com_content COM_CONTENT_WRITTEN_BY"),
    ("Read more: Ningbo Port grows", "com_content COM_CONTENT_READ_MORE"),
    ("Read more ...", "com_content COM_CONTENT_READ_MORE_TITLE"),
    ("Register to read more ...", "com_content COM_CONTENT_REGISTER_TO_READ_MORE"),
    ("More Articles ...", "com_content COM_CONTENT_MORE_ARTICLES"),
    ("More Articles...", "com_content (1.6) COM_CONTENT_MORE_ARTICLES"),
    ("Rating: 4", "com_content COM_CONTENT_RATINGS_COUNT"),
    ("Vote: 12", "com_content COM_CONTENT_VOTES_COUNT"),
    ("You already rated this Article today!", "com_content COM_CONTENT_ARTICLE_VOTE_FAILURE"),
    ("Thank You for rating this Article.", "com_content COM_CONTENT_ARTICLE_VOTE_SUCCESS"),
    ("Please login to view the article", "com_content COM_CONTENT_ERROR_LOGIN_TO_VIEW_ARTICLE"),
    # the older info block's wording (Joomla 1.6's en-GB.com_content.ini, marcobarbosa/minima cfe2266, 2010:
    # COM_CONTENT_LAST_UPDATED "Last Updated on %s", COM_CONTENT_PUBLISHED_DATE "Published on %s"), and the author and
    # date items glued on one line as the lead saw them
    ("Last Updated on Thursday, 12 July 2012 10:31", "com_content (1.6) COM_CONTENT_LAST_UPDATED"),
    ("Published on Thursday, 12 July 2012 10:30", "com_content (1.6) COM_CONTENT_PUBLISHED_DATE"),
    ("Written by Ningbo Life Thursday, 12 July 2012 10:30", "com_content WRITTEN_BY + en-GB.ini DATE_FORMAT_LC2"),
    # en-GB.ini (3.x)
    ("Prev", "en-GB.ini JPREV"),
    ("Next", "en-GB.ini JNEXT"),
    ("Prev Next", "en-GB.ini JPREV JNEXT (pagenavigation plugin)"),
    ("Next article: Ningbo Port grows", "en-GB.ini JNEXT_TITLE"),
    ("Previous article: Ningbo Port grows", "en-GB.ini JPREVIOUS_TITLE"),
    ("Print", "en-GB.ini JGLOBAL_PRINT"),
    ("Email", "en-GB.ini JGLOBAL_EMAIL"),
    ("Print Email", "en-GB.ini JGLOBAL_PRINT JGLOBAL_EMAIL (icons)"),
    ("Email this link to a friend", "en-GB.ini JGLOBAL_EMAIL_TITLE"),
    ("Created on Thursday, 12 July 2012 10:30", "en-GB.ini JGLOBAL_CREATED_DATE_ON"),
    ("Also available:", "en-GB.ini JASSOCIATIONS"),
    ("Remember me", "en-GB.ini JGLOBAL_REMEMBER_ME"),
    ("Log in", "en-GB.ini JLOGIN"),
    ("Log out", "en-GB.ini JLOGOUT"),
    ("Username", "en-GB.ini JGLOBAL_USERNAME"),
    ("Password", "en-GB.ini JGLOBAL_PASSWORD"),
    ("Secret Key", "en-GB.ini JGLOBAL_SECRETKEY"),
    ("Please login first", "en-GB.ini JGLOBAL_YOU_MUST_LOGIN_FIRST"),
    # en-GB.lib_joomla.ini (3.x)
    ("Start Prev 1 2 Next End", "lib_joomla JLIB_HTML_START/END + JPREV/JNEXT (pagination)"),
    ("Start", "lib_joomla JLIB_HTML_START"),
    ("End", "lib_joomla JLIB_HTML_END"),
    ("Page 1 of 2", "lib_joomla JLIB_HTML_PAGE_CURRENT_OF_TOTAL"),
    ("Results 1 - 10 of 24", "lib_joomla JLIB_HTML_RESULTS_OF"),
    ("View All", "lib_joomla JLIB_HTML_VIEW_ALL"),
    ("This email address is being protected from spambots. You need JavaScript enabled to view it.",
     "lib_joomla JLIB_HTML_CLOAKING"),
    # en-GB.plg_content_pagebreak.ini (3.9)
    ("Article Index", "plg_content_pagebreak PLG_CONTENT_PAGEBREAK_ARTICLE_INDEX"),
    ("All Pages", "plg_content_pagebreak PLG_CONTENT_PAGEBREAK_ALL_PAGES"),
    ("Page 2", "plg_content_pagebreak PLG_CONTENT_PAGEBREAK_PAGE_NUM"),
    # en-GB.plg_content_vote.ini (3.x) and plugins/content/vote/tmpl/{rating,vote}.php
    ("User Rating: 4 / 5", "plg_content_vote PLG_VOTE_USER_RATING"),
    ("Please Rate", "plg_content_vote PLG_VOTE_LABEL"),
    ("Rate", "plg_content_vote PLG_VOTE_RATE"),
    ("Vote 1 Vote 2 Vote 3 Vote 4 Vote 5", "plg_content_vote PLG_VOTE_VOTE (the select's options)"),
    ("Vote 5", "plg_content_vote PLG_VOTE_VOTE"),
    ("Please Rate Vote 1 Vote 2 Vote 3 Vote 4 Vote 5 Rate", "vote.php's form as one line"),
    # en-GB.mod_login.ini (3.x)
    ("Login", "mod_login MOD_LOGIN"),
    ("Forgot your password?", "mod_login MOD_LOGIN_FORGOT_YOUR_PASSWORD"),
    ("Forgot your username?", "mod_login MOD_LOGIN_FORGOT_YOUR_USERNAME"),
    ("Create an account", "mod_login MOD_LOGIN_REGISTER"),
    ("Remember Me", "mod_login MOD_LOGIN_REMEMBER_ME"),
    ("View Profile", "mod_login MOD_LOGIN_PROFILE"),
    # en-GB.mod_search.ini (3.x)
    ("Search ...", "mod_search MOD_SEARCH_SEARCHBOX_TEXT"),
    ("Search...", "mod_search MOD_SEARCH_SEARCHBOX_TEXT (as the lead typed it)"),
    ("Search", "mod_search MOD_SEARCH_SEARCHBUTTON_TEXT"),
    # en-GB.mod_breadcrumbs.ini (3.x)
    ("You are here: Home Ningbo Port News", "mod_breadcrumbs MOD_BREADCRUMBS_HERE (no separator kept)"),
    ("You are here:", "mod_breadcrumbs MOD_BREADCRUMBS_HERE"),
    # en-GB.mod_footer.ini (3.x)
    ("Copyright © 2021 Ningbo Life. All Rights Reserved.", "mod_footer MOD_FOOTER_LINE1"),
    ("Joomla! is Free Software released under the GNU General Public License.", "mod_footer MOD_FOOTER_LINE2"),
    # en-GB.tpl_beez3.ini (3.x) and templates/beez3/index.php
    ("Font size", "tpl_beez3 TPL_BEEZ3_FONTSIZE"),
    ("Bigger Reset Smaller", "tpl_beez3 TPL_BEEZ3_BIGGER/RESET/SMALLER (the font-size switcher)"),
    ("Bigger Smaller Reset", "tpl_beez3 (the lead's order)"),
    ("Powered by Joomla!", "tpl_beez3 TPL_BEEZ3_POWERED_BY + Joomla!"),
    ("Skip to content", "tpl_beez3 TPL_BEEZ3_SKIP_TO_CONTENT"),
    ("Jump to main navigation and login", "tpl_beez3 TPL_BEEZ3_JUMP_TO_NAV"),
    ("Jump to additional information", "tpl_beez3 TPL_BEEZ3_JUMP_TO_INFO"),
    ("Nav view search", "tpl_beez3 TPL_BEEZ3_NAV_VIEW_SEARCH"),
    ("Navigation", "tpl_beez3 TPL_BEEZ3_NAVIGATION"),
    ("Additional information", "tpl_beez3 TPL_BEEZ3_ADDITIONAL_INFORMATION"),
    ("Close info", "tpl_beez3 TPL_BEEZ3_TEXTRIGHTCLOSE"),
    ("Open info", "tpl_beez3 TPL_BEEZ3_TEXTRIGHTOPEN"),
    # en-GB.tpl_protostar.ini (3.x)
    ("Back to Top", "tpl_protostar TPL_PROTOSTAR_BACKTOTOP"),
    ("Toggle Navigation", "tpl_protostar TPL_PROTOSTAR_TOGGLE_MENU"),
    # the lead's guesses not found in those files (no "Tags:" label in 3.x layouts/joomla/content/tags.php)
    ("Tags:", "(lead's guess; not in Joomla 3's layouts)"),
    ("Rating: 4 / 5", "(lead's guess; cf. PLG_VOTE_USER_RATING)"),
)
PLACES = ("under the headline", "between paragraphs", "at the end")


def _insert(raw: str, title: str, body: str, probe: str, place: str) -> str | None:
    """The page's text with `probe` as a line of its own at `place` (None: no such place found)."""
    lines = raw.split("\n")
    norm = [normalize_space(line) for line in lines]
    if place == "at the end":
        return raw.rstrip("\n") + "\n" + probe + "\n"
    if place == "under the headline":
        anchor = normalize_space(title)
        index = next((i for i, line in enumerate(norm) if line.lstrip("#* ") == anchor), None)
    else:
        first = normalize_space(body.split("\n")[0])[:60]
        index = next((i for i, line in enumerate(norm) if first and line.startswith(first)), None)
    if index is None:
        return None
    return "\n".join(lines[:index + 1] + [probe] + lines[index + 1:])


def measure(page_ids: tuple[str, ...]) -> list[tuple[str, str, list[str], list[str]]]:
    """(probe, source, the placements where it leaks: "s010 under the headline: body" ..., those where it changes
    the date only) for every probe."""
    pages = []
    for page_id in page_ids:
        data = json.loads((PAGES_DIR / f"{page_id}.json").read_text(encoding="utf-8"))
        article = parse_page(data["raw_text"], url=data["url"], template="text")
        pages.append((page_id, data, article))
    rows = []
    for probe, source in PROBES:
        wanted = normalize_space(probe)
        leaks: list[str] = []
        dated: list[str] = []
        for page_id, data, base in pages:
            for place in PLACES:
                text = _insert(data["raw_text"], base.title, base.body, probe, place)
                if text is None:
                    leaks.append(f"{page_id} {place}: no place")
                    continue
                try:
                    article = parse_page(text, url=data["url"], template="text")
                except NotAnArticle as error:
                    leaks.append(f"{page_id} {place}: not an article ({error})")
                    continue
                what = []
                if wanted in (normalize_space(line) for line in article.body.split("\n")):
                    what.append("body")
                if article.title != base.title:
                    what.append(f"title {article.title[:40]!r}")
                note = (f" (date {article.published}, was {base.published})"
                        if article.published != base.published else "")
                if what:
                    leaks.append(f"{page_id} {place}: {', '.join(what)}{note}")
                elif note:
                    dated.append(f"{page_id} {place}:{note}")
        rows.append((probe, source, leaks, dated))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", default=",".join(DEFAULT_PAGES))
    parser.add_argument("--leaks-only", action="store_true", help="print only the probes that leak")
    args = parser.parse_args(argv)
    rows = measure(tuple(args.pages.split(",")))
    placements = len(args.pages.split(",")) * len(PLACES)
    leaking = 0
    leaked = 0
    for probe, source, leaks, dated in rows:
        if leaks:
            leaking += 1
            leaked += len(leaks)
        if leaks or not args.leaks_only:
            print(f"{len(leaks):2d}/{placements}  {probe!r}  [{source}]")
            for leak in leaks:
                print(f"        {leak}")
            for line in dated:
                print(f"        dated, not a leak: {line}")
    print(f"{leaking}/{len(rows)} probes leak, {leaked}/{len(rows) * placements} placements")


if __name__ == "__main__":
    main()
