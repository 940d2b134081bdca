"""Seed-format text pages: the text of an article page as a browser shows it.

One line per block, blank lines between paragraphs (see seeds/text/*.txt). Header lines
before the body carry the metadata:
- ningbo_gov: "> News > In the City > Hot Topic" (breadcrumb), the title, then
  "2019-08-18Text Size: A A A" (date cell glued to the text-size links).
- ningbolife: "Copyright 2020 - Custom text here" (a footer-ish header: boilerplate,
  never a date), the title, and where present "Category: ..." / "Published: ...".
Section = the LAST breadcrumb item ("Hot Topic"), the narrowest column the article is
filed under, which is what the Hanweb ColumnName meta holds for the same page; the
Joomla category otherwise. Title = the last plain line above the page's date line when
one sits in the header (a field label ending in a colon is never it); else, among the plain
header lines above the lead paragraph, the first that is not a site menu (a block of plain lines,
or bulleted lines one after another), a site name or section label (also one in the headline's
own block), a field label ending in a colon, or a pull quote; else the
first line that is neither boilerplate nor metadata; when that line is a paragraph (a page without a
headline, its lead first) it stands for the title and stays in the body. A line printed twice in a row (an image's
alt text and caption) is the title only when nothing else is; a headline with an ISO date glued
after it gives that date. Everything after the header is body (captions split off by wording).
"""
from __future__ import annotations

import re
from functools import lru_cache

from transforms.boilerplate import (
    DATE_BYLINE,
    DATE_LINE,
    DATED_LINE_PATTERNS,
    IMAGE_FILE,
    RELEASE_CREDIT,
    is_boilerplate_line,
)
from transforms.templates.joomla import parse_published
from transforms.textutil import CUT_ENDS, Block, Content, is_caption, make_date, normalize_space, parse_date

NAME = "text"

BREADCRUMB_LINE_RE = re.compile(r"^(?:home\s*)?[>»›]\s*\S", re.IGNORECASE)
BREADCRUMB_SPLIT_RE = re.compile(r"\s*[>»›]\s*")
DATE_TEXT_SIZE_RE = re.compile(r"^(?P<date>[0-9][0-9 :./-]{7,})\s*(?:text|font)\s+size\b", re.IGNORECASE)
CATEGORY_LINE_RE = re.compile(r"^(?:parent\s+)?category\s*[:：]\s*(?P<value>.+)$", re.IGNORECASE)
PUBLISHED_LINE_RE = re.compile(r"^(?:published|written on|created)\s*(?:on)?\s*[:：]?\s*(?P<value>.+)$",
                               re.IGNORECASE)
# Text input that looks like markup is not a seed-format page.
# Text saved as Markdown (a converter's rendering of the page): "## Title", and the article-info
# list as "- Published: Monday, 06 February 2012 09:54" (Joomla's <dd> items). Heading marks are
# dropped from every line; a list mark only where the rest is a header line.
MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s+(?=\S)")
# A title in wiki markup, "= Tianyi Ge Museum =" (a wiki page's text; tune_sites s143, s170), is its words.
WIKI_HEADING_RE = re.compile(r"^(=+)\s*(?P<text>[^=\s](?:.*?[^=\s])?)\s*\1$")
LIST_MARK_RE = re.compile(r"^[-*•·]\s+(?=\S)")
# Header lines that are neither title nor body ("Written by Administrator", "Details").
SKIP_HEADER_RE = re.compile(r"^(?:written by\b.{0,60}|details|hits\s*[:：]?\s*\d*)$", re.IGNORECASE)
# Page furniture that tells which site template rendered the text (for the source when
# no URL is given).
SITE_MARKER_FLAGS = re.IGNORECASE | re.MULTILINE
SITE_MARKER_ALTERNATIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hanweb", (r"^[0-9 :./-]*text size\s*[:：]?(\s*a){1,3}\s*$", r"【\s*print\s*】", r"【\s*close\s*】")),
    ("joomla", (r"^\s*(visit charity shop|f t g m|copyright \d{4} - (custom text here|ningbo life))",)),
)
SITE_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile("|".join(alternatives), SITE_MARKER_FLAGS)) for name, alternatives in SITE_MARKER_ALTERNATIVES
)
# What site_template asks instead of SITE_MARKERS' search, which tries every position of the page (each try
# a call of the regex engine: a quarter of the text template's instructions). An alternative that opens with
# a multiline ^ matches only where a line starts: those are tried at the line starts alone. The others open
# with "【" (uncased: IGNORECASE matches it alone), searched for only in a text that holds one.
# tests/test_page_shortcuts.py compares it with the plain search.
MARKER_BRACKET = "【"
assert all(a.startswith(("^", MARKER_BRACKET)) for _, alternatives in SITE_MARKER_ALTERNATIVES for a in alternatives)


def _joined_markers(alternatives: tuple[str, ...], at_line_start: bool) -> re.Pattern[str] | None:
    """The alternatives that open with a multiline ^ (or, at_line_start False, the others) as one pattern."""
    chosen = [a for a in alternatives if a.startswith("^") == at_line_start]
    return re.compile("|".join(chosen), SITE_MARKER_FLAGS) if chosen else None


SITE_MARKER_PARTS: tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None], ...] = tuple(
    (name, _joined_markers(alternatives, True), _joined_markers(alternatives, False))
    for name, alternatives in SITE_MARKER_ALTERNATIVES
)


MARKUP_RE = re.compile(
    r"<\s*(?:!doctype|html|head|body|div|p|meta|table|span|a|br|rss|feed|channel|\?xml)\b", re.IGNORECASE
)
MARKUP_SCAN_CHARS = 4096
DATE_LINE_RE = re.compile(DATE_LINE)
RELEASE_CREDIT_RE = re.compile(RELEASE_CREDIT)
# Header lines that carry the page's own date among other furniture ("Updated: ...",
# "By X (site) Updated: ...", "(Xinhua) 08:26, February 02, 2023", "Text Size:A A A 2020-01-09",
# "Source: Xinhua| 2019-03-10 17:06:24|Editor: ZX").
DATED_HEADER_RES: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in DATED_LINE_PATTERNS)
# A page's own date line sits right under its title within the first lines (site menus,
# portal links and the site name may come before the title).
HEADER_SCAN_LINES = 25
# A bulleted header line above a line of site furniture is an item of the site's menu ("• See More Than You Might
# Expect" / "• Linked To The World", one item a block, above "Copyright 2024 - Ningbo Life / Ningbo Expat" on the
# ningbolife pages that print the menu: tune_sites s057), never the title (a bulleted headline below the furniture,
# or on a page with none, still is: tune_other t057).
MENU_BULLET_RE = re.compile(r"^[•·▪►]\s")
HEADER_LINE_MAX_CHARS = 160
# A header line is never a full sentence: this many words ending in a full stop is the lead
# paragraph (a headline may end in "?", never in ".").
PARAGRAPH_MIN_WORDS = 12
SENTENCE_END_RE = re.compile(r"[.!。！][\"”’')）]?$")
# A blog's date header opening with its weekday (_title_under_day), and the ends of a letter's salutation under it.
WEEKDAY_DATE_RE = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),? ", re.IGNORECASE)
SALUTATION_END = (",", "，", ";", ":", "：")
# A blog archive's post stamps (_later_post): a day and a month's abbreviation alone, the names a stamp's shape reads.
STAMP_MAX_CHARS = 40
DAY_MONTH_RE = re.compile(r"^\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$", re.IGNORECASE)
STAMP_NAME_RE = re.compile(r"\b(?:(mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
                           r"|nov|dec)[a-z]*)\b")
DIGITS_RE = re.compile(r"\d+")
# A pull quote or a sentence set alone above the lead ends with a full stop; a headline may end with an exclamation
# mark ("Dongqian Lake- A Scenic Escape close to Ningbo!" over its picture's line "Dongqian Lake",
# wanderingbrowns.wordpress.com t485; "Ningbo, Let's go!", t468, the sixteenth tune_other pass).
PULL_QUOTE_END_RE = re.compile(r"[.。][\"”’')）]?$")
# A line set wholly in quotation marks, maybe a full stop after them, is a blog's motto above the posts, not a headline
# ('"Short stories and travel reports from my life adventures around the globe".' over a category page's first
# teaser "Travel Report: Beijian Bridge, Taishun County.", leightontravels.com t860, the thirtieth tune_other pass).
QUOTED_MOTTO_RE = re.compile(r'^["“][^"“”]{10,200}["”][.。]?$')
QUOTE_OPENERS = ('"', "“")
SENTENCE_BREAK_RE = re.compile(r"[a-z0-9%)\"”’][.!?。！？][\"”’')）]?(?:\s|$)|[,;，；] ")
MENU_LINE_MAX_CHARS = 600  # longer than this, a line without a sentence break is still text
# A lead paragraph that opens with its own posting stamp ("Posted in Seaport - 9 Aug 2021, 9:43 AMAs the
# world's ...": a date line glued to the first sentence) dates the page when nothing above it does.
DATED_LEAD_RE = re.compile(r"^(?:posted|published|updated)\b", re.IGNORECASE)
DATED_LEAD_CHARS = 80
# A press-release dateline that opens the lead with a full date ("NINGBO, China, March 28, 2024 /PRNewswire/
# -- For many people ..."): the place in capitals, up to two more place names, then the date with its year.
# A dateline without a year ("NINGBO, July 29 -", "HANGZHOU, Dec. 29 (Xinhua)") dates nothing.
# An agency's numeric date joined by full stops, day first ("DUSHANBE, 20.12.2024 (NIAT Khovar) – Since ...",
# eng.khovar.tj t549, the eighteenth tune_other pass): parse_date reads it only when one part cannot be a month.
# A news video's script sets the date in brackets after the last place name, the source after it ("XIANGSHAN COUNTY,
# ZHEJIANG PROVINCE, CHINA (JULY 11, 2015) (CCTV) – Rescuers evacuated ...", a video aggregator's typhoon story,
# t685, the twenty-third tune_other pass; read by the twenty-fifth): the same date, its year required as above.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATELINE_DATE = (r"(?i:" + _MONTH + r" \d{1,2},? (?:19|20)\d{2}|\d{1,2} " + _MONTH + r",? (?:19|20)\d{2}"
                  r"|\d{1,2}\.\d{1,2}\.(?:19|20)\d{2})")
DATELINE_LEAD_RE = re.compile(
    r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*,(?: [A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)*,){0,2}"
    r"(?: " + _DATELINE_DATE + r"\b|(?: [A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*)? [(（]" + _DATELINE_DATE + r"[)）])"
)
# A wire's dateline whose place is not set in capitals, the wire's name between slashes after the date ("Beijing,
# October 21, 2021 / PRNewswire / – The Silk Road ...", an aggregator's one-line copy of a release, exbulletin.com
# t753, the twenty-sixth tune_other pass): the place names as above in any case, the date with its year, then
# "/ Name /" (spaces around the slashes or not). The slashes make it a dateline; without them a place and a date
# open sentences too.
DATELINE_WIRE_RE = re.compile(
    r"^[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)*,(?: [A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)*,){0,2} "
    + _DATELINE_DATE + r" ?/ ?[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3} ?/"
)
# Numeric dates whose day and month the line alone does not tell apart (the twenty-sixth tune_other pass). A bare
# date line of three numbers, both first parts 12 or less ("5 11 2016" under a blog post's headline over "November 5,
# 6 AM, 6 people, ...", jlavision.wordpress.com t377): the page's own words decide, when the text under it names the
# month and day of exactly one reading ("November 5", "5th November"); else it dates nothing (t067's "China
# 01/09/2021" over a text that names no day stays undated). A headline opening with a month-day-year date in numbers
# with a two-digit year, its day above 12 ("09.13.22 Client Advisory – Typhoon Updates ...", a forwarder's market
# letter, lgi.laufer.com t716): that date, in this century; with both parts 12 or less it dates nothing.
NUMERIC_DATE_LINE_RE = re.compile(r"(\d{1,2})([ ./-])(\d{1,2})\2((?:19|20)\d{2})")
NUMERIC_DATE_CONFIRM_LINES = 3
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
HEADLINE_SHORT_DATE_RE = re.compile(r"^(\d{2})([./-])(\d{2})\2(\d{2}) +\S")
# A full date opening a lead (month first or day first, or ISO), for the two datelines below.
LEAD_DATE = (r"^(?i:" + _MONTH + r" \d{1,2},? (?:19|20)\d{2}|\d{1,2} " + _MONTH + r",? (?:19|20)\d{2}"
             r"|(?:19|20)\d{2}-\d{1,2}-\d{1,2})")
# A release's dateline that opens with its date and the wire's name ("April 29, 2009 - PRLog -- The 8th China
# International Consumer Goods Fair ...", prlog.org t221): the date with its year, a dash, a name of up to five words,
# a dash. Read, like DATELINE_LEAD_RE's, from the lead or from the paragraph under it when only page furniture (a
# byline) stands between them: a release's summary may open the text above its dateline.
DATE_FIRST_DATELINE_RE = re.compile(LEAD_DATE + r" +[-–—]{1,2} +[A-Za-z][\w.&'-]*(?: [\w.&'-]+){0,4} +[-–—]{1,2} ")
# A lead that opens with its full date and a dash ("September 12, 2021 – Ports in Shanghai and Ningbo ...",
# www.canaantransport.com t295, eleventh pass): a dateline without a place, the date the page's; or with no dash, the
# first sentence's capital after spaces ("September 27, 2017  Hybrid Kinetic Group, Ningbo Fenghua Government and ...
# signed an agreement", a company's release under its picture's caption, www.hkmotors.com t714, the twenty-fourth
# tune_other pass); or a bar for the dash ("May 18, 2010 | Ningbo is located 138 miles south of Shanghai", a magazine's
# feature under its byline, www.bio-itworld.com, tune_sites s319, metrics26).
DATE_DASH_LEAD_RE = re.compile(LEAD_DATE + r"(?: +(?:[-–—]{1,2}|[|｜]) +[A-Za-z]| +[A-Z][a-z])")
# Category tags printed without separators ("Greater ChinaMaritime CEOPorts and Logistics" over the headline,
# splash247.com t286, eleventh pass): two or more words glued at a case change (a capitalised word after three lower
# case letters, or after an acronym) make a tag line, never the headline (one glued brand, "PetroChina", may be).
GLUED_WORD_RE = re.compile(r"[a-z]{3}[A-Z][a-z]{2}|[A-Z]{2}[A-Z][a-z]{3}")
GLUED_TAGS_MIN = 2
# A line that ends in a web address ("... Technology Co., Ltd , https://www.opretailtech.com") is a link or an
# advertisement: in the header it is neither the headline nor the lead.
WEB_ADDRESS_END_RE = re.compile(r"(?:\bhttps?://|\bwww\.)\S+$", re.IGNORECASE)
# Issuing bodies on lines of their own between a document's title and its date line, or right under the
# date line ("Ningbo Municipal Statistics Bureau   State Statistical Bureau", "Ningbo Investigation Team",
# "Bureau of Statistics of Ningbo"): like a byline, they are not the title and not the body.
ISSUING_BODY_NOUNS: frozenset[str] = frozenset({
    "bureau", "office", "committee", "commission", "department", "team", "government", "administration",
    "council", "association", "federation", "institute", "agency", "ministry", "center", "centre",
})
ISSUER_CONNECTORS: frozenset[str] = frozenset({"of", "and", "for", "the", "&"})
ISSUER_MAX_WORDS = 10
# A headline with the posting date glued after it, as news lists print them ("CCTV "Happy Chinese" focuses on
# Ningbo style 2014-04-15"): the date is the page's, the rest the headline. Also with the posting time after the date
# ("Ningbo-Zhoushan port set to expand box throughput by 5.6m TEU xinde marine news 2020-03-06 10:22", a maritime news
# site's mobile page, www.xindemarinenews.com t372, a known miss read in the eighteenth tune_other pass).
TITLE_DATE_RE = re.compile(r"^(?P<title>\S.{8,}?) +(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})"
                           r"(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
# A headline whose last part, after a dash, is its date ("Ningbo Terminal Update – COVID shutdown – Aug-13-2021", a
# forwarder's notice, uspti.com t428, fifteenth pass): the date is the page's, the headline stays whole (the date is
# part of it, as the notice names itself).
TITLE_DASH_DATE_RE = re.compile(r"^.+ [-–—] (?P<date>.{6,40})$")
# A site's top bar shows the day's date above its navigation ("Saturday, September 30, 2023" over "HomeHeadlines...",
# a breadcrumb glued to the headline, www.shippingherald.com t415, fifteenth pass): a header date line directly above
# a breadcrumb that opens with "Home" is the crawl's day, not the page's.
TOP_BAR_HOME_RE = re.compile(r"^Home(?:[A-Z]|\s*[>»›/|]|$)")
# An image's alt text left between the headline and the lead: lower-case words alone, no punctuation ("ningbo
# terminal", glc-inc.com t416, fifteenth pass), up to three words. A subtitle or a standfirst has capitals or
# punctuation, and a headline's second line more words ("theme activity was launched", ningbolife t173).
ALT_TEXT_RE = re.compile(r"^[a-z][a-z0-9]*(?: [a-z0-9]+){0,2}$")
# The excerpt's cut leaving a word's first letters as the page's last line ("T", www.globaltimes.cn t433; "No",
# yummymalaysiana.blogspot.com t392): one or two letters alone closing the text are no paragraph.
CUT_WORD_RE = re.compile(r"^[A-Za-z]{1,2}$")
# A place line under the headline, a listing's location tag: two or three capitalised names joined by commas, the
# last a country's or a province's (PLACE_LINE_TAILS): "Ningbo, China" under an attraction's name
# (china-travel-guide.net t367, t825), "Zhejiang, China" (t703), "Ningbo, Zhejiang, China" under a travel blog's date
# (t743), "Ningbo City, Zhejiang Province" under a school's name (teachenglishinchina.com t808, the twenty-eighth
# tune_other pass). Not text: the first body line after a headline, when it is one, is dropped.
PLACE_LINE_RE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?:, [A-Z][A-Za-z.]*(?: [A-Z][a-z]+){0,2}){1,2}$")
PLACE_LINE_TAILS = ("china", "province", "prc")
# A menu set out by runs of spaces, the text's rendering of a table of links: four short items or more (up to three
# words, no sentence's or figure's end) apart by two spaces or more ("zhejiang   Hangzhou    Suzhou     Jinhua  Jiaxing
# Wenzhou" under a tour agency's headline, www.chinauniquetour.com t829, the twenty-eighth tune_other pass;
# "News&Events             Travel&Tourist ..." on en.gotoningbo.com, "Home      China Vacation       Yangtze Cruise ..."
# on sinowaytravel.com t700, a stock page's tabs, s201: every such line on a tuned page is labelled chrome). The text
# template reads lines with their spaces collapsed, where it looks like a headline: it is blanked before, in the header
# (above the first paragraph) and when it is a block of its own only (in a block of menu lines it already marks the
# block a menu: blanked, it would leave the other line alone, "FAQ            Testimonials            Contact Us" over
# t700's, to be taken for a headline).
SPACED_MENU_SPLIT_RE = re.compile(r"\s{2,}")
SPACED_MENU_MIN_ITEMS = 4
SPACED_MENU_ITEM_MAX_WORDS = 3
SPACED_MENU_ITEM_MAX_CHARS = 30
SPACED_MENU_ITEM_END_RE = re.compile(r"[.!?,;:0-9]$")
# A person's name alone over the date line, a byline without "By" ("Muyu Xu" under the headline, a blank line between
# them, www.maritimeprofessional.com t437, after the fifteenth pass's rules): two or three capitalised words of
# letters. The headline above it, twice its words or more, is the title.
# A lone section word in capitals ("NEWS") under a site's name and tag line ("starsoftonline News" / "Seattle News
# Central: Discover What's Happening in the Pacific Northwest" / "NEWS" / the headline, starsoftonline.com t498, the
# seventeenth pass): the headline is below it.
SECTION_WORD_RE = re.compile(r"^[A-Z]{3,12}$")
# A list of related headlines closing the text, each opened by "- " and not closed by a sentence's end ("- China
# launches new high-speed railway", covid-19.chinadaily.com.cn t515, the seventeenth pass): three or more, not under a
# line ending with a colon (which introduces the body's own list).
RELATED_ITEM_RE = re.compile(r"^- [A-Z0-9\"“'‘][^\n]*[^.!?。:：;,\s]$")
# Not a list of figures, each a name and its number after a colon ("- Singapore: 30.92" / "- Shenzhen, China: 24.2",
# a ranking under the sentence giving its first item's unit, www.marinelink.com, tune_sites s263, metrics23): half its
# items such or more, it is the text's own list.
FIGURE_ITEM_RE = re.compile(r"^- [^:\n]+:[ \t]*[-+]?\d[\d,]*(?:\.\d+)?%?$")
# A picture's alt text that is the headline numbered, the number after a space, a hyphen or an underscore ("Fenghua
# White Peach-1" under a product page's headline, tasteallchina.com t932; "Meeting Chinese Suppliers & “Factory
# Visits”- My Experiences 2" between a blog post's paragraphs, www.wedoimport.com t942, the thirty-fourth tune_other
# pass): the site named the pictures after the post, no text.
TITLE_ALT_NUMBER_RE = re.compile(r"[-_ ]?[0-9]{1,2}")
TITLE_ALT_NUMBER_MAX_CHARS = 3
# A post's continuation link alone on its line ("Read More", "Continue reading →", "Read more »"). On an archive page
# each post's teaser is followed by the same link: the first teaser is the page's text, the rest later posts
# ("New Old Street" / "Stinky tofu ... I […]" / "Read More" / "Old Ningbo" / ..., www.jizzaroundtheworld.com t564, the
# nineteenth tune_other pass).
CONTINUE_LINK_RE = re.compile(
    r"(?i)^(read +(more|the +full +(story|post|article))|continue +reading|keep +reading)( *(»|›|>|→|\.\.\.|…))?$")
# Or each post's teaser closes with the same cut mark: "[…]" (a WordPress excerpt: "... taxi drivers are generally
# pretty courteous, work with your terrible Chinese, and […]", a category archive of two teasers, nottinghamchina.com
# t783) or a count of the words left ("... 1,325 more words", WordPress.com's tag reader, en.wordpress.com t799; the
# twenty-seventh tune_other pass): when the text's first block is such a teaser and a later block closes the same way,
# the first teaser is the page's text (see _later_cut_teasers).
TEASER_MARK_ENDS = ("[…]", "[...]", " more words")
TEASER_WORDS_RE = re.compile(r"\d[\d,]* more words$")
RELATED_ITEMS_MIN = 3
# Or the headlines set without the dashes, one a line under the text's last sentence ("Fire brigade in Shanghai holds
# group wedding" / "Tourists enjoy ice sculptures in Datan Town, north China" / ... / "Top 10 media buzzwords of 2",
# twelve under a Xinhua story on en.people.cn, tune_sites s316, metrics26: they leaked, and the cut last one's "2" was
# read as a count): PLAIN_RELATED_ITEMS_MIN or more lines of PLAIN_RELATED_ITEM_MIN_WORDS to RELATED_ITEM_MAX_WORDS
# words, each opening with a capital (or a quotation mark) and closed by no sentence's stop, under a paragraph that
# is (see _drop_plain_related).
PLAIN_RELATED_ITEMS_MIN = 6
PLAIN_RELATED_ITEM_MIN_WORDS = 3
PARAGRAPH_STOPS = (".", "!", "?", "。", "！", "？", "”", '"')
PLAIN_RELATED_ITEM_RE = re.compile(r"^[A-Z\"“'‘][^\n|]*[^.!?。:：;,\s|]$")
# A related box whose bulleted headlines each stand over a teaser cut with "…" (_drop_related_teasers): two such
# teasers make it.
RELATED_TEASERS_MIN = 2
RELATED_ITEM_MAX_WORDS = 16
# After such a list a page may close with its widgets ("Most Viewed", "Editor's Picks", a box of links closed by " |",
# "Today's Top News" and its headlines: global.chinadaily.com.cn t568, the nineteenth tune_other pass): furniture
# lines and up to this many short lines without a sentence's stop (RELATED_TAIL_MAX_WORDS words at most) after the
# list go with it.
RELATED_TAIL_MAX_LINES = 4
RELATED_TAIL_MAX_WORDS = 8
SENTENCE_STOPS = (".", "!", "?", "。", "！", "？", ":", "：", '"', "”", ")")
# An editor's credit closes the article ("Editor: Feng Hui", en.chinaculture.org t611, the twentieth tune_other pass):
# up to SIGNOFF_TAIL_MAX_LINES short lines without a sentence's stop after it (RELATED_TAIL_MAX_WORDS words at most)
# are the page's next widgets, not text ("New Year C", the next menu cut by the excerpt).
EDITOR_SIGNOFF_RE = re.compile(r"(?i)^(?:editors?|edited +by|editor +in +charge|responsible +editor) *[:：]")
SIGNOFF_TAIL_MAX_LINES = 2
# Reporters' names alone closing the text, repeated from the dateline's credit ("Newspaper, Hangzhou, May 31 (Dou
# Hanyang, Shen Zhaohui) On May 30, ..." ... "Dou Hanyang, Shen Zhaohui", tellerreport.com t502, the seventeenth pass).
NAMES_LINE_RE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}(?:, [A-Z][a-z]+(?: [A-Z][a-z]+){1,2}){1,3}$")
PERSON_NAME_RE = re.compile(r"^[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?(?: [A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?){1,2}$")
# A line made of the same words twice (a site name glued to its logo's alt text: "Xinhua Silk Road - ... Website
# Xinhua Silk Road - ... Website") is page furniture, neither the headline nor a paragraph.
DOUBLED_MIN_WORDS = 3
# A header line that is a later header line plus a byline or a site name ("Ningbo Ports by SCcouncil" above
# "Ningbo Ports", "Ningbo Ports | Docstoc" above "Ningbo Ports"): the later line is the headline.
TITLE_AFFIX_SEPARATORS: tuple[str, ...] = (" by ", " | ", " - ", " – ", " — ", ": ")
TITLE_AFFIX_MIN_WORDS = 2
# A document title above the headline it opens with, more words and the site's name after a bar closing it ("Moon
# Lake (Yue Hu), Ningbo: Address & how to get to Moon Lake (Yue Hu) | Bamboo Compass" over "Moon Lake (Yue Hu)",
# www.bamboocompass.com t346, thirteenth pass): the headline ends where punctuation follows it, and the site's name
# is a few words (SITE_NAME_MAX_CHARS) after the last bar.
DOCUMENT_TITLE_JOINS = (",", ":", "：", " (", " -", " –", " —")
SITE_NAME_SUFFIX_RE = re.compile(r" [|｜] [^|｜]{1,40}$")
# A site's menu bar set on one line: three or more items of one to three words joined by " | " ("About us | Add to
# Favorites | Chinese" above a trail and the headline, 7hips.com t758, the twenty-sixth tune_other pass) is never
# the title; a headline with its site's name or sections after " | " has a longer first part.
MENU_BAR_SPLIT_RE = re.compile(r" +[|｜] +")
MENU_BAR_MIN_ITEMS = 3
# A bar closing the line as well marks a menu of two items already ("Videos | ? Latest |" and "? Feature | ? Sports |
# ? Your Videos |", the icons mis-decoded as "?", a video page's menu over its lead,
# formacion-profesional-a-distancia.com t779, the twenty-seventh tune_other pass); only menu bars and lines without a
# letter above the lead: no headline.
MENU_BAR_CLOSED_MIN_ITEMS = 2
MENU_BAR_ITEM_MAX_WORDS = 3
# A field's label glued to its value by a colon ("Geographic location:Xikou Town, Fenghua, Ningbo", "Famous
# scenery:Wushan Temple, Wulingmen, ...", a guide's facts under its headline, hanjourney.com t366, thirteenth pass): a
# capitalised word and up to four lower-case ones, the colon, the value's first character without a space. Neither
# the headline nor a yardstick for it (a long list of sights dwarfed the headline).
GLUED_FIELD_RE = re.compile(r"^[A-Z][a-z]+(?: [a-z]+){0,4}[:：][^\s:：/]")
# A key figure's line, a label of up to four words and one amount with its currency or unit ("Market Cap: CN¥176.7b"
# between a stock page's code line and its heading, simplywall.st t795, the twenty-seventh tune_other pass; tune_sites
# s187): never the headline, and its figure stays in the text. (A bare number is no amount: "Line Number: 341" of a
# PHP error over a headline, t346, is furniture.)
KEY_FIGURE_RE = re.compile(
    r"^[A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}[:：] ?(?:[^\s\d]{1,4}\d[\d.,]*[A-Za-z%]{0,3}|\d[\d.,]*[A-Za-z%]{1,3})$")
# A numbered line ("1. How old is the Tianyi Pavilion and what is its significance in Chinese history?", the first
# question of a guide under its headline, koreatripguide.com t194) is an item of the article's own list or one of its
# numbered subheadings: never the headline, and no yardstick for the header lines above it (a long numbered
# question dwarfs the headline as a long line dwarfs a section label).
NUMBERED_ITEM_RE = re.compile(r"^\d{1,2}[.)、]\s+\S")
# A breadcrumb ending with the headline (see _crumb_end): the words before it, and the headline's least words.
CRUMB_PREFIX_MAX_WORDS = 4
LATIN_LETTER_RE = re.compile(r"[A-Za-z]")
# A picture's file name or numbered placeholder under a paragraph ("图片 1" under a post's first paragraph,
# www.sunmmit.com t867, the thirtieth tune_other pass) is the text's picture, not a widget after a widget's text:
# the paragraph above it still leads the body (_is_lead).
IMAGE_FILE_RE = re.compile(IMAGE_FILE)
# An infobox's locator map labels the place and the map's area, each label printed twice in a row ("Zhenhai District in
# Ningbo Municipality" twice, then "Ningbo Municipality in China" twice, en.wikipedia.org t864, the thirtieth tune_other
# pass; "Beilun District in Ningbo Municipality", "Ningbo in Zhejiang province", tune_sites s197): a name of up to five
# words, "in", a place of up to four; the pair is furniture (_blank_map_labels).
MAP_LABEL_RE = re.compile(r"^[A-Z][\w'’.-]*(?: [\w'’.-]+){0,4} in [A-Z][\w'’.-]*(?: [\w'’.-]+){0,3}$")
# A picture's tag line printed under each of a post's pictures ("Tian Yi Ge, China, architecture, Ningbo, travel, Leon
# Kaye" five times, each over the picture's caption, greengopost.com t896, the thirty-second tune_other pass): a list of
# TAG_LINE_MIN_ITEMS items or more, each of up to three words without a stop, joined by commas, the same line printed
# TAG_LINE_MIN_REPEATS times or more on the page, is furniture (_blank_tag_lines; a sentence's items are longer).
TAG_LINE_RE = re.compile(r"^[^\s,.!?;:]+(?: [^\s,.!?;:]+){0,2}(?:, [^\s,.!?;:]+(?: [^\s,.!?;:]+){0,2})+$")
TAG_LINE_MIN_ITEMS = 4
TAG_LINE_MIN_REPEATS = 2
# A header's tab labels glued into one word ("XikouXikouMain" under a hub's logo, www.hubbry.com t912, the thirty-second
# tune_other pass): three capitalised words or more without a space, no headline.
GLUED_TABS_RE = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+){2,}$")
# Wikipedia's tagline under the article's name, which its mirrors and extractions keep ("Zhenhai District" /
# "From Wikipedia, the free encyclopedia", en.wikipedia.org t864, the thirtieth tune_other pass; the map's coordinates
# may stand between them: "Beilun, Ningbo" / "Coordinates: 29°55′25″N ..." / the tagline, tune_sites s197): the header
# line above it is the headline, however long the infobox's lines under it (_above_encyclopedia_tagline).
# A mirror's bare source label "from Wikipedia" over the infobox is the tagline too ("Xikou" / "from Wikipedia" /
# "Key Information", www.hubbry.com t912, the thirty-second tune_other pass; "From Wikipedia" introducing a quoted
# paragraph in a post's text, t730, stands under the lead, out of the header).
ENCYCLOPEDIA_TAGLINE = "ikipedia"
ENCYCLOPEDIA_TAGLINE_RE = re.compile(r"^from +wikipedia( *, +the +free +encyclopedia)? *$", re.IGNORECASE)
COORDINATES_LINE_RE = re.compile(r"^coordinates *[:：]", re.IGNORECASE)
# The names of Wikipedia's pages outside its articles open with their namespace (lowercase, colon included).
WIKI_NAMESPACES = ("user:", "user talk:", "talk:", "wikipedia:", "template:", "category:", "portal:", "draft:",
                   "help:", "file:")
CRUMB_TITLE_MIN_WORDS = 3
# A headline of fewer words ends a trail only after the trail's mark ("> Service > Residence permit" over "Residence
# Permit", a district government's service page, www.bl.gov.cn t631, the twenty-first tune_other pass).
CRUMB_MARKED_TITLE_MIN_WORDS = 2
CRUMB_MARKS = (">", "»", "›", "/", "|")
# A header line ending with the lead after one of these names it the headline (_trail_ends_with), when the lead has at
# most TRAIL_HEADLINE_MAX_WORDS words.
TRAIL_JOINS = (" -", " –", " —", ">", "»", "›", "/", "|")
TRAIL_HEADLINE_MAX_WORDS = 30
# A later header line printed again further down is the headline (_printed_again) when it has this many words.
PRINTED_AGAIN_MIN_WORDS = 2
# A header line closed by a comma runs on into the next line (a post's hard-wrapped first sentence: "IT is not holi,
# its colourful powder running, it is dangerous and prohibited now," under a forum thread's title, defence.pk t634,
# the twenty-first tune_other pass): never the headline, and no yardstick for the lines above it.
RUN_ON_END = (",", "，", ";", "；")
# A header line ending in a colon is a field's label whose value is elsewhere or empty ("Eyesight Protection:",
# "• 文字:"): never the headline.
LABEL_END = (":", "：")
# A header line ending in a table's cell separator, the line above or below it ending in one too, is a row of a pipe
# table set above the text ("Financial Overview |", "(in CNY millions) |", "Sales | 6,511.09 | 5,358.95 | 21.50 |"
# under a company report's headline, tune_sites s160 and s176): never the headline (_is_table_row). One such line
# alone is a headline with its site's name ("Baoguo Temple [nbtravel.gov.cn] |", tune_other t724).
TABLE_CELL_END = ("|",)
# Bulleted header lines one after another (blank lines between them, nothing else) are a menu ("• See More Than You
# Might Expect" / "• Ningbo, A Modern City Full Of Life--NingboLife" / ...), not the headline; a bulleted headline
# stands alone (t057's "• Ningbo Polytechnic is ..." under a poll's bulleted question and its answers). The bullets
# are MENU_BULLET_RE's.
BULLET_MENU_MIN_LINES = 2
# A side menu of dashed items ("- Newsletter" / "- Online Community" / ... / "- Selected Works of Deng Xiaoping", 24
# items in three runs over the date line and the headline, en.people.cn's 2006 layout t624, the twenty-first tune_other
# pass): a run of DASH_MENU_MIN_LINES or more short dashed lines (the dash and up to DASH_MENU_ITEM_MAX_WORDS words, no
# sentence's stop closing them) holds no header line, and the header scan (HEADER_SCAN_LINES) counts the lines past it.
DASH_MENU_MARK = "- "
# A post's category over its date line (_title_under_label): a label of at most this many words ("China Film").
CATEGORY_MAX_WORDS = 3
DASH_MENU_MIN_LINES = 3
DASH_MENU_ITEM_MAX_WORDS = 5
# A posting stamp under a post's text: "Posted: Apr 24, 2024", "Published on 2019-08-18" (POSTED_UNDER), "Post time:
# Aug-04-2021" (a company's news page, www.nbcsj-mr.com t359, thirteenth pass).
# A date line with a label: a colon before its first digit ("Updated: ...", "Date:2019-10-31"); "April 22nd 2014" and
# "2019-08-18 10:21" have none.
LABELLED_DATE_RE = re.compile(r"^[^0-9:：]*[:：]")
# A label glued to a date line, its space lost: a one-word label glued to the day of a day-month-year date, the time
# maybe after it ("China19 Mar 2010 07:21 pm": a blog post's category and its posting stamp, the post's headline not
# in the text, mattisonthompson.net t741), or a source's name of up to five words glued to the weekday before a date
# in words ("Global TimesThursday 24th January, 2013" under an aggregator's headline, www.bignewsnetwork.com t733;
# both the twenty-fifth tune_other pass): date lines (DATE_LINE wants the date at the line's start or after a space).
_DAY_FIRST = r"\d{1,2}(?:st|nd|rd|th)? (?:of )?(?i:" + _MONTH + r"),? (?:19|20)\d{2}"
GLUED_LABEL_DATE_RE = re.compile(
    r"^(?:[A-Za-z]{3,20}(?P<day>" + _DAY_FIRST + r")|[A-Za-z][A-Za-z.'&-]*(?: [A-Za-z.'&-]+){0,4}"
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?P<date>" + _DAY_FIRST
    + r"|(?i:" + _MONTH + r") \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d{2}))"
    r"(?:,? +\d{1,2}:\d{2}(?::\d{2})?(?: *(?i:am|pm))?)?$"
)
# A stamp line whose ISO date is glued to a closing bracket: "HAITIAN INT'LHAITIAN INT'L(HK:01882)2025-09-12 09:28" (a
# reports site's company name and stock code over its summary, reportify.ai s196, metrics17): a date line, never the
# headline.
GLUED_BRACKET_DATE_RE = re.compile(
    r"^[^\n]{1,80}?\)(?P<iso>(?:19|20)\d{2}-\d{1,2}-\d{1,2})(?: +\d{1,2}:\d{2}(?::\d{2})?)?$")
POSTED_STAMP_RE = re.compile(r"^(?:posted|published|post\s*(?:time|date))(?: on)?\s*[:：]?\s*\S", re.IGNORECASE)
# Under the text, also a "Last Updated:" stamp closing a profile page, the only date it states for itself ("Last
# Updated: Dec 14, 2018" over the copyright line, www.chinadaily.com.cn's copy of a govt.chinadaily.com.cn museum page
# under a 2020 URL, t827, the twenty-eighth tune_other pass; every "Last Updated" line on a tuned page is labelled
# its page's date).
UNDER_STAMP_RE = re.compile(r"^(?:posted|published|post\s*(?:time|date)|last\s+updated)(?: on)?\s*[:：]?\s*\S",
                            re.IGNORECASE)
# ... or the stamp with its byline after the date ("Posted: Jun 06,2014 by Ron Mertens" under a news post,
# www.graphene-info.com, tune_sites s345, the thirty-fifth tune_other pass).
DATE_BYLINE_RE = re.compile(DATE_BYLINE)
# A bare date line among a page's last lines, right under a source or editor line ("信息来源:Sinopecnews.com" /
# "2017-03-02"), is the date the page states for itself (a closing stamp instead of a header one).
CLOSING_DATE_LINES = 2
# Also right under a notice's closing formula ("Is hereby announced." / "October 20, 2009" closing a customs notice,
# www.sourcejuice.com t818, the twenty-eighth tune_other pass): the notice's signing date. A formula is a short line
# holding one of NOTICE_CLOSINGS.
NOTICE_CLOSINGS = ("hereby announced", "hereby notified", "hereby given", "hereby published", "hereby notice")
NOTICE_CLOSE_MAX_WORDS = 6
# A date stamp in brackets closing the text's last paragraph ("... the fifth largest container port for the year of
# 2014.  [15/01/15]", splash247.com t286, eleventh pass): two-digit parts, read only when every order (day first,
# year first, month first) that gives a real date gives the same one; ISO and four-digit years as parse_date reads them.
# Slashes join a day-first or a month-first stamp, never a year-first one (that order is ISO's, with hyphens or dots:
# "[14/09/10]" closing a Seatrade story, www.seatrade-maritime.com t421, fifteenth pass, is 14 September 2010).
SLASH_STAMP_JOIN = "/"
CLOSING_STAMP_RE = re.compile(r"\s\[(?P<stamp>\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})\]$")
SHORT_STAMP_RE = re.compile(r"^(\d{2})[-/.](\d{2})[-/.](\d{2})$")
SHORT_YEAR_BASE = 2000
# The site's banner over a widget's link (see _is_banner): the link's most words; a byline ("By Jin Lu") is no link.
BANNER_WIDGET_MAX_WORDS = 4
BANNER_BYLINE_RE = re.compile(r"^by\b", re.IGNORECASE)
# A photo caption whose credit closes it in square brackets ("Hemudu site. [Photo by Wang Peng]" between the headline
# and the byline, daily.cnnb.com.cn t335, twelfth pass; "[Photo/Xinhua]", "[Photo provided to chinadaily.com.cn]"):
# like a caption with its credit in parentheses (textutil.is_caption), neither the title nor a yardstick for it.
BRACKET_CREDIT_RE = re.compile(
    r"\[\s*(?:photos?|pictures?|images?|video)\s*(?:by\b|from\b|courtesy\b|provided\b|supplied\b|/|:|：)[^\[\]]{0,120}\]"
    r"\s*[.。]?$", re.IGNORECASE)


def looks_like_text_page(text: str) -> bool:
    """True if `text` is plain text (no HTML/XML markup near the top)."""
    return not MARKUP_RE.search(text[:MARKUP_SCAN_CHARS])


def drop_heading_mark(line: str) -> str:
    """MARKDOWN_HEADING_RE.sub("", line): its ^ (not multiline) matches only at the start, where the pattern
    needs a "#"; a line opening with anything else (nearly all) is not handed to the substitution."""
    return MARKDOWN_HEADING_RE.sub("", line) if line[:1] == "#" else line


def parse(text: str) -> Content:
    """Title, date, section and paragraph blocks of a seed-format text page.

    When a date line ("2019-08-18Text Size: A A A", "Published: ...", "Updated: ...",
    "Release date: ...") appears among the first lines, the title is the last plain line
    before it and everything above the title is page header (menus, site name, portal
    links); otherwise the title is the first plain line (a lead paragraph standing for a missing
    headline stays in the body too).
    """
    _header_line.cache_clear()  # this page's header lines only (see HEADER_LINE_CACHE)
    lines = [drop_heading_mark(normalize_space(line)) for line in text.splitlines()]
    _blank_spaced_menus(text.splitlines(), lines)
    _blank_map_labels(lines)
    _blank_tag_lines(lines)
    found = _parse_lines(text, lines)
    wiki = WIKI_HEADING_RE.match(found.title) if found.title and found.title[:1] == "=" else None
    if wiki is not None:
        found.title = wiki.group("text")  # (the marks stay on the lines: they tell a heading from the text under it)
    if len(found.blocks) > 1 and CUT_WORD_RE.match(found.blocks[-1].text):
        found.blocks.pop()
    if found.title and not found.title_in_body and len(found.blocks) > 1 and _is_place_line(found.blocks[0].text):
        found.blocks.pop(0)
    _drop_closing_credits(found.blocks, lines)
    if found.published is None:
        found.published = closing_date(lines) or posted_under(lines) or closing_stamp(lines)
    if found.published is None:
        found.published = _headline_short_date(found.title) or _confirmed_numeric_date(lines)
    later = _later_post(lines, found)
    if later is not None:
        del found.blocks[later:]
    teasers = _later_teasers(found.blocks)
    if teasers is None:
        teasers = _later_cut_teasers(found.blocks)
    if teasers is not None:
        del found.blocks[teasers:]
    if found.title and not found.title_in_body:
        title = found.title
        found.blocks = [block for block in found.blocks
                        if not _is_title_link(block.text, title) and not _is_title_alt(block.text, title)]
    return found


def _blank_spaced_menus(raw: list[str], lines: list[str]) -> None:
    """Blank the header's menus set out by runs of spaces (SPACED_MENU_*) in `lines` (the normalized `raw`), each a
    block of its own: above the first paragraph only, where a table's heading row is not. (A count of double spaces
    finds the few candidates; most pages have none and cost no more.)"""
    candidates = [i for i, line in enumerate(raw) if line.count("  ") >= SPACED_MENU_MIN_ITEMS - 1]
    if not candidates:
        return
    last = candidates[-1]
    first_paragraph = next((i for i in range(last + 1) if _is_paragraph(lines[i])), last + 1)
    for index in candidates:
        if index < first_paragraph and _stands_alone(lines, index) and _is_spaced_menu(raw[index]):
            lines[index] = ""


def _blank_map_labels(lines: list[str]) -> None:
    """Blank an infobox's map labels, each printed twice in a row (MAP_LABEL_RE). (A comparison of each line with the
    next finds the few candidates.)"""
    for index in range(len(lines) - 1):
        line = lines[index]
        if line and line == lines[index + 1] and " in " in line and MAP_LABEL_RE.match(line):
            lines[index] = lines[index + 1] = ""


def _blank_tag_lines(lines: list[str]) -> None:
    """Blank a picture's tag line printed again and again (TAG_LINE_RE). (A count of the commas finds the few
    candidates.)"""
    counts: dict[str, int] = {}
    for line in lines:
        if line.count(", ") >= TAG_LINE_MIN_ITEMS - 1:
            counts[line] = counts.get(line, 0) + 1
    tags = {line for line, count in counts.items() if count >= TAG_LINE_MIN_REPEATS and TAG_LINE_RE.match(line)}
    if tags:
        lines[:] = ["" if line in tags else line for line in lines]


def _stands_alone(lines: list[str], index: int) -> bool:
    """Whether a line is a block of its own (blank lines, or the page's edge, above and below it)."""
    return (index == 0 or not lines[index - 1]) and (index + 1 == len(lines) or not lines[index + 1])


def _is_spaced_menu(line: str) -> bool:
    items = SPACED_MENU_SPLIT_RE.split(line.strip())
    return len(items) >= SPACED_MENU_MIN_ITEMS and all(
        len(item) <= SPACED_MENU_ITEM_MAX_CHARS and len(item.split()) <= SPACED_MENU_ITEM_MAX_WORDS
        and not SPACED_MENU_ITEM_END_RE.search(item) for item in items)


def _is_place_line(line: str) -> bool:
    """Whether a line is a location tag alone (see PLACE_LINE_RE)."""
    return ", " in line and line.casefold().endswith(PLACE_LINE_TAILS) and PLACE_LINE_RE.match(line) is not None


def _is_title_link(text: str, title: str) -> bool:
    """Whether a block is the headline again with a continuation link glued after it ("First Container Ship Sets Sail
    on “Polar Silk Road” Read More »" under its teaser, an author archive of one post, emsstrom.com t804, gathered after
    the twenty-seventh tune_other pass's first rules): the teaser's link, not text."""
    return len(text) > len(title) and text.startswith(title) \
        and CONTINUE_LINK_RE.match(text[len(title):].strip()) is not None


def _is_title_alt(text: str, title: str) -> bool:
    """Whether a block is the headline numbered as a picture's alt text (TITLE_ALT_NUMBER_RE)."""
    return 0 < len(text) - len(title) <= TITLE_ALT_NUMBER_MAX_CHARS and text.startswith(title) \
        and TITLE_ALT_NUMBER_RE.fullmatch(text, len(title)) is not None


def _headline_short_date(title: str | None) -> str | None:
    """The date a headline opens with in numbers, month first, a two-digit year, its day above 12 (see
    NUMERIC_DATE_LINE_RE's comment), else None."""
    dated = HEADLINE_SHORT_DATE_RE.match(title) if title else None
    if dated is None:
        return None
    month, day = int(dated.group(1)), int(dated.group(3))
    if month > 12 or day <= 12:
        return None
    return make_date(2000 + int(dated.group(4)), month, day)


def _names_month_day(text: str, month: int, day: int) -> bool:
    """Whether `text` names a month's day in words: "November 5", "Nov. 5th", "5 November", "5th of November"."""
    name = MONTH_NAMES[month - 1]
    month_re = "(?:" + name + "|" + name[:3] + r"\.?)"
    return re.search(r"(?i)\b" + month_re + r" +0?" + str(day) + r"(?:st|nd|rd|th)?\b|\b0?" + str(day)
                     + r"(?:st|nd|rd|th)?(?: +of)? +" + month_re + r"\b", text) is not None


def _confirmed_numeric_date(lines: list[str]) -> str | None:
    """The date of a bare numeric date line among the first lines whose day/month order the text under it settles
    (see NUMERIC_DATE_LINE_RE's comment), else None."""
    texts = [i for i, line in enumerate(lines) if line][:HEADER_SCAN_LINES]
    for n, i in enumerate(texts):
        numbers = NUMERIC_DATE_LINE_RE.fullmatch(lines[i])
        if numbers is None:
            continue
        first, second, year = int(numbers.group(1)), int(numbers.group(3)), int(numbers.group(4))
        if not (0 < first <= 12 and 0 < second <= 12) or first == second:
            return None
        under = " ".join(lines[j] for j in texts[n + 1:n + 1 + NUMERIC_DATE_CONFIRM_LINES])
        readings = [(month, day) for month, day in ((first, second), (second, first))
                    if _names_month_day(under, month, day)]
        return make_date(year, *readings[0]) if len(readings) == 1 else None
    return None


def _later_teasers(blocks: list[Block]) -> int | None:
    """The index of the first post's continuation link on an archive of teasers, else None: a link (CONTINUE_LINK_RE)
    that comes again, the same, after a later paragraph, each post's teaser followed by it."""
    for k in range(1, len(blocks)):
        link = blocks[k].text
        if CONTINUE_LINK_RE.match(link):
            later = [j for j in range(k + 1, len(blocks)) if blocks[j].text == link]
            if later and any(_is_paragraph(blocks[j].text) for j in range(k + 1, later[0])):
                return k
            return None
    return None


def _teaser_mark(text: str) -> str | None:
    """The cut mark closing a teaser (TEASER_MARK_ENDS; a count of words left only with its number), else None."""
    mark = next((end for end in TEASER_MARK_ENDS if text.endswith(end)), None)
    if mark == " more words" and not TEASER_WORDS_RE.search(text):
        return None
    return mark


def _later_cut_teasers(blocks: list[Block]) -> int | None:
    """1 when the first block is a teaser closed by a cut mark (TEASER_MARK_ENDS), the next one a headline (short
    enough, HEADER_LINE_MAX_CHARS, and closed by no full stop but a cut one's "...": "Taxis in Ningbo", "It takes 3
    weeks to find Chinese friends...") and a later block closes with the same mark (an archive's later teasers: the
    page is the first), else None. (An article quoting passages cut with "[…]" goes on in sentences.)"""
    if len(blocks) < 3:
        return None
    following = blocks[1].text
    if len(following) > HEADER_LINE_MAX_CHARS or SENTENCE_END_RE.search(following) and not following.endswith(CUT_ENDS):
        return None
    mark = _teaser_mark(blocks[0].text)
    if mark is None or not any(block.text.endswith(mark) and _teaser_mark(block.text) == mark for block in blocks[2:]):
        return None
    return 1


def _later_post(lines: list[str], found: Content) -> int | None:
    """The index of the block where a later post starts on an archive page, else None.

    A blog's archive (a month's or a tag's page) prints each post as the first one: its date stamp (a date line alone,
    or a day and a month's abbreviation: "Saturday, February 25, 2006", "30 Apr"), maybe under its headline. When the
    header's last stamp line (above the body) comes again among the body's blocks, in the same shape (its digits, its
    weekday and its month aside), a later post starts there, or at the block above it when the header's stamp is
    directly under the title ("Life Lately." / "30 Apr" ... "Ruth and Kenny in China ..." / "16 Apr",
    ningbonights.wordpress.com t472; the next post's date header, grazulis.blogspot.com t470, the sixteenth tune_other
    pass): the page is the first post."""
    blocks = found.blocks
    if len(blocks) < 2:
        return None
    first = blocks[0].text
    start = next((i for i, line in enumerate(lines) if line == first), None)
    if start is None:
        return None
    header = [i for i in range(min(start, HEADER_SCAN_LINES * 2)) if lines[i]]
    stamps = [i for i in header if len(lines[i]) <= STAMP_MAX_CHARS and _is_stamp(lines[i])]
    if not stamps:
        return None
    stamp = stamps[-1]
    shape = _stamp_shape(lines[stamp])
    at = header.index(stamp)
    titled = found.title is not None and at > 0 and lines[header[at - 1]] == found.title
    for b in range(1, len(blocks)):
        text = blocks[b].text
        if len(text) <= STAMP_MAX_CHARS and _is_stamp(text) and _stamp_shape(text) == shape:
            return b - 1 if titled and b > 1 and not _is_lead_text(blocks[b - 1].text) else b
    return None


def _is_stamp(line: str) -> bool:
    """A date stamp alone on a line: a date line, or a day and a month's abbreviation ("30 Apr")."""
    return DAY_MONTH_RE.match(line) is not None or DATE_LINE_RE.match(line) is not None


def _stamp_shape(line: str) -> str:
    """A stamp's shape: lower case, its weekday and month names as "w" and "m", each run of digits as "0"."""
    return DIGITS_RE.sub("0", STAMP_NAME_RE.sub(lambda m: "w" if m.group(1) else "m", line.casefold()))


def _is_lead_text(line: str) -> bool:
    """A block too long to be a post's headline: longer than a header line."""
    return len(line) > HEADER_LINE_MAX_CHARS


def _drop_closing_credits(blocks: list[Block], lines: list[str]) -> None:
    """Drop a list of related headlines closing the text (RELATED_ITEM_RE), with the furniture and the few short lines
    without a sentence's stop after it (RELATED_TAIL_MAX_LINES), and reporters' names alone on the last line when an
    earlier paragraph credits them in the same words (NAMES_LINE_RE), and the short lines after an editor's credit
    (_drop_after_signoff)."""
    _drop_after_signoff(blocks)
    _drop_related_teasers(blocks)
    _drop_plain_related(blocks, lines)
    end = len(blocks)
    short = 0
    while end > 1 and not RELATED_ITEM_RE.match(blocks[end - 1].text):
        text = blocks[end - 1].text
        if not is_boilerplate_line(text):
            if short == RELATED_TAIL_MAX_LINES or len(text.split()) > RELATED_TAIL_MAX_WORDS \
                    or text.endswith(SENTENCE_STOPS):
                end = len(blocks)  # no list's widgets: what closes the text is text
                break
            short += 1
        end -= 1
    start = end
    while start > 1 and RELATED_ITEM_RE.match(blocks[start - 1].text) \
            and len(blocks[start - 1].text.split()) <= RELATED_ITEM_MAX_WORDS:
        start -= 1
    if end - start >= RELATED_ITEMS_MIN and not blocks[start - 1].text.endswith((":", "：")) \
            and 2 * sum(1 for block in blocks[start:end] if FIGURE_ITEM_RE.match(block.text)) < end - start:
        del blocks[start:]
    if len(blocks) > 1 and NAMES_LINE_RE.match(blocks[-1].text) \
            and any(blocks[-1].text in block.text for block in blocks[:-1]):
        blocks.pop()


def _is_plain_related_item(text: str) -> bool:
    """A headline alone on its line, without a list's dash (PLAIN_RELATED_ITEM_RE)."""
    return PLAIN_RELATED_ITEM_RE.match(text) is not None \
        and PLAIN_RELATED_ITEM_MIN_WORDS <= len(text.split()) <= RELATED_ITEM_MAX_WORDS


def _drop_plain_related(blocks: list[Block], lines: list[str]) -> None:
    """Drop PLAIN_RELATED_ITEMS_MIN or more headlines without dashes closing the text (_is_plain_related_item) under a
    paragraph closed by a sentence's stop (not a colon: that introduces the text's own list); not a list of figures,
    and one a line with no blank line between (`lines`, the page's): pictures' captions, each a block of its own under
    its picture, stay ("A landscaper's dream", ..., five under a travel post's pictures, greengopost.com t896)."""
    start = len(blocks)
    while start > 1 and _is_plain_related_item(blocks[start - 1].text):
        start -= 1
    if len(blocks) - start >= PLAIN_RELATED_ITEMS_MIN and blocks[start - 1].text.endswith(PARAGRAPH_STOPS) \
            and not any(FIGURE_ITEM_RE.match(block.text) for block in blocks[start:]) \
            and _one_a_line([block.text for block in blocks[start:]], lines):
        del blocks[start:]


def _one_a_line(items: list[str], lines: list[str]) -> bool:
    """Whether the last lines of `lines` that hold `items`, in their order, follow one another with no blank line
    between (an item not found as a line: True, as before this was asked)."""
    positions: list[int] = []
    at = len(lines)
    for text in reversed(items):
        at -= 1
        while at >= 0 and lines[at] != text:
            at -= 1
        if at < 0:
            return True
        positions.append(at)
    return all(later - earlier == 1 for later, earlier in zip(positions, positions[1:]))


def _drop_related_teasers(blocks: list[Block]) -> None:
    """Drop a related-entries box closing the text: bulleted headlines (MENU_BULLET_RE, RELATED_ITEM_MAX_WORDS words at
    most), each over its teaser, every teaser but the last closed by a cut mark (CUT_ENDS), RELATED_TEASERS_MIN of
    them at least ("• An interesting comment from a student" / "One of the things I've got to teach ... It was…" /
    "• Shanghai taxi drivers aren't good either" / "... where I live.…" / "• I hate....." / "working in the run u",
    LiveJournal's box under a post, jamiebowen0306.livejournal.com t782, the twenty-seventh tune_other pass)."""
    start = len(blocks)
    marked = 0
    while start >= 3 and MENU_BULLET_RE.match(blocks[start - 2].text) \
            and len(blocks[start - 2].text.split()) <= RELATED_ITEM_MAX_WORDS + 1 \
            and not MENU_BULLET_RE.match(blocks[start - 1].text):
        if blocks[start - 1].text.endswith(CUT_ENDS):
            marked += 1
        elif start < len(blocks):
            break  # only the last teaser may have been cut by the excerpt
        start -= 2
    if marked >= RELATED_TEASERS_MIN:
        del blocks[start:]


def _drop_after_signoff(blocks: list[Block]) -> None:
    """Drop up to SIGNOFF_TAIL_MAX_LINES short lines without a sentence's stop closing the text right after an editor's
    short credit (EDITOR_SIGNOFF_RE), a paragraph above it."""
    tail = 0
    while tail <= SIGNOFF_TAIL_MAX_LINES and len(blocks) - tail > 2:
        text = blocks[-1 - tail].text
        if len(text.split()) > RELATED_TAIL_MAX_WORDS:
            return
        if tail and EDITOR_SIGNOFF_RE.match(text):
            del blocks[-tail:]
            return
        if text.endswith(SENTENCE_STOPS):
            return
        tail += 1


def _parse_lines(text: str, lines: list[str]) -> Content:
    seen = _header_seen(lines)
    dated = _title_above_date(lines, seen)
    if dated is not None:
        return dated
    headed = _title_above_lead(lines, seen)
    if headed is not None:
        return headed
    title: str | None = None
    published: str | None = None
    section: str | None = None
    body_start = len(lines)
    lead_title = False
    for index, line in enumerate(lines):
        if not line:
            continue
        meta = _header_line(line)
        if meta is not None:
            key, value = meta
            if key == "section" and value and section is None:
                section = value
            elif key == "published" and value and published is None:
                published = value
            continue
        if is_boilerplate_line(line) or (title is not None and SKIP_HEADER_RE.match(line)):
            continue
        if title is None and GLUED_TABS_RE.match(line):
            continue
        if title is None:
            title = line
            if _is_paragraph(line):  # no headline: the lead stands for the title and stays in the body
                lead_title = True
                body_start = index
                break
            continue
        body_start = index
        break
    if published is None and lead_title:  # no header: the lead may open with its dateline
        published = _dateline_date(lines, body_start)
    blocks = [Block(text=line) for line in lines[body_start:] if line]
    return Content(title=title, published=published, section=section, blocks=blocks,
                   site_template=site_template(text), title_in_body=lead_title)


def _header_seen(lines: list[str]) -> list[int]:
    """The indices of the first HEADER_SCAN_LINES lines with text, the items of a dashed side menu aside (see
    DASH_MENU_MIN_LINES)."""
    seen: list[int] = []
    run: list[int] = []
    for i, line in enumerate(lines):
        if not line:
            continue
        if line.startswith(DASH_MENU_MARK) and _is_dash_menu_item(line):
            run.append(i)
            continue
        if run:
            if len(run) < DASH_MENU_MIN_LINES:
                seen.extend(run)
            run = []
        if len(seen) >= HEADER_SCAN_LINES:
            break
        seen.append(i)
    if len(run) < DASH_MENU_MIN_LINES:
        seen.extend(run)
    return seen[:HEADER_SCAN_LINES]


def _is_dash_menu_item(line: str) -> bool:
    words = line.split()
    return len(words) <= DASH_MENU_ITEM_MAX_WORDS + 1 and not line.rstrip().endswith(SENTENCE_STOPS)


def _title_above_date(lines: list[str], seen: list[int]) -> Content | None:
    """The page's Content when a header date line follows its title, else None (`seen`: _header_seen(lines))."""
    for k in seen:
        line = lines[k]
        if _is_lead(lines, k):
            break  # a paragraph: the header is over
        meta = _header_line(line)
        if meta is None or meta[0] != "published" or not meta[1]:
            continue
        plain = [i for i in seen if i < k and _is_plain_header_line(lines[i])]
        if not plain:
            opening = _title_under_opening_day(lines, k)
            return None if opening is None else _dated_content(lines, k, meta[1], opening, opening, None)
        titled = [i for i in plain if not is_issuer_line(lines[i])] or plain
        titled = [i for i in titled if not lines[i].endswith(LABEL_END)] or titled
        titled = [i for i in titled if not _is_repeated(lines, i)] or titled
        # the headline printed again as the text's own heading, its case changed ("NEOLINK Announcement - ..."
        # under "Neolink Announcement - ...", neolink.au t294): the first is the title
        titled = [i for i in titled if not any(lines[j].casefold() == lines[i].casefold() for j in titled if j < i)]
        title_index = _named_under(lines, titled)
        section = next((m[1] for i in seen if i < k for m in [_header_line(lines[i])]
                        if m is not None and m[0] == "section" and m[1]), None)
        below = _title_below_date(lines, k, title_index)
        if below is None:
            below = _title_under_day(lines, k, plain)
        if below is None and all(is_issuer_line(lines[i]) for i in plain):
            below = _title_under_issuer(lines, k)
        if below is None and (len(plain) == 1 or _heads_its_block(lines, k)):
            below = _title_under_label(lines, k, title_index)
        after = k if below is None else below
        title_index = title_index if below is None else below
        return _dated_content(lines, k, meta[1], title_index, after, section)
    return None


def _dated_content(lines: list[str], date_index: int, date: str, title_index: int, after: int,
                   section: str | None) -> Content:
    """The Content of a page whose header date line is lines[date_index] (its date `date`) and whose title is
    lines[title_index]: the body is the lines from the first under lines[after] that is neither a header line nor
    furniture."""
    body_start = len(lines)
    for index in range(after + 1, len(lines)):
        line = lines[index]
        if not line:
            continue
        meta_after = _header_line(line)
        if meta_after is not None:
            section = section or (meta_after[1] if meta_after[0] == "section" else None)
            continue
        if is_boilerplate_line(line) or SKIP_HEADER_RE.match(line) or is_issuer_line(line):
            continue
        body_start = index
        break
    blocks = [Block(text=line) for line in lines[body_start:] if line]
    return Content(title=lines[title_index], published=_posted_under(lines, date_index) or date, section=section,
                   blocks=blocks, site_template=site_template("\n".join(lines)))


def _title_under_opening_day(lines: list[str], date_index: int) -> int | None:
    """The title's index when a blog's day heading opens the page, only furniture above it (a label archive's notice:
    "Showing posts with label Ningbo. Show all posts" / "Thursday, 11 December 2008" / "Ningbo" / photo captions /
    the text, theadventurelady.blogspot.com t817, the twenty-eighth tune_other pass): the first line under a weekday's
    date when it is a short header line (no paragraph, no full stop, comma or colon closing it), however short (a
    caption under it is no yardstick), set apart from the date by a blank line, else None. A theme's top-bar date
    (the day of the crawl) has the site's bar in its own block under it ("Saturday, September 30, 2023" /
    "HomeHeadlinesNingbo port congestion risk grows ...", www.shippingherald.com t415): no headline under it."""
    if not WEEKDAY_DATE_RE.match(lines[date_index]) or date_index + 1 >= len(lines) or lines[date_index + 1]:
        return None
    under = next((i for i in range(date_index + 1, len(lines)) if lines[i]), None)
    if under is None:
        return None
    first = lines[under]
    if not _is_plain_header_line(first) or _is_paragraph(first) or PULL_QUOTE_END_RE.search(first) \
            or first.endswith(SALUTATION_END) or first.endswith(LABEL_END) or TOP_BAR_HOME_RE.match(first):
        return None
    return under


def _posted_under(lines: list[str], date_index: int) -> str | None:
    """The date of a labelled posting line ("Published: May 12th 2014") directly under a bare date line ("April 22nd
    2014": no label before its first digit), else None: the bare date is the day the entry tells of (a trip's, a
    diary's), the labelled one the day the site posted it (www.travelblog.org t380, the fourteenth tune_other pass)."""
    under = date_index + 1
    if under >= len(lines) or not POSTED_STAMP_RE.match(lines[under]) or LABELLED_DATE_RE.match(lines[date_index]):
        return None
    meta = _header_line(lines[under])
    return meta[1] if meta is not None and meta[0] == "published" else None


def _named_under(lines: list[str], titled: list[int]) -> int:
    """The last of the plain header lines above the date line, or the line right above it when the last is a
    site or author name printed under the headline ("Enjoy an ancient feast that spans thousands of years in Cicheng,
    Ningbo" / "UP ChinaTravel" / "2024-07-25 12:45:30", upchinatravel.com t207): a line with less than half as many
    words as the headline-sized line directly above it (no blank line between them)."""
    last = titled[-1]
    if len(titled) >= 2 and PERSON_NAME_RE.match(lines[last]) \
            and len(lines[titled[-2]].split()) >= 2 * len(lines[last].split()) \
            and not SENTENCE_END_RE.search(lines[titled[-2]]):
        return titled[-2]
    if len(titled) < 2 or titled[-2] != last - 1:
        return last
    above = titled[-2]
    if 2 * len(lines[last].split()) < len(lines[above].split()) and not SENTENCE_END_RE.search(lines[above]) \
            and len(lines[above].split()) < PARAGRAPH_MIN_WORDS * 2:
        return above
    return last


def _title_below_date(lines: list[str], date_index: int, above: int) -> int | None:
    """The title's index when the date line heads the article instead of closing its header, else None.

    That is when the plain line above the date is part of a site menu (a block of two or more plain
    lines: "The University of Nottingham, Ningbo China" / "University of Dundee", an e-paper's page
    bar) and a blank line sets the date line apart from it ("Date:2019-10-31Read:279", "2021年03月29日
    星期一"), and the first plain line under the date is a header line directly followed by the lead.
    """
    block_of = _block_numbers(lines)
    if block_of[above] == block_of[date_index]:
        return None
    if sum(1 for i, line in enumerate(lines) if block_of[i] == block_of[above] and _is_plain_header_line(line)) < 2:
        return None
    following = [i for i in range(date_index + 1, len(lines)) if lines[i] and _header_line(lines[i]) is None
                 and not is_boilerplate_line(lines[i]) and not SKIP_HEADER_RE.match(lines[i])
                 and not is_issuer_line(lines[i])]
    if len(following) < 2 or _is_paragraph(lines[following[0]]) or not _is_lead(lines, following[1]):
        return None
    return following[0]


def _title_under_day(lines: list[str], date_index: int, plain: list[int]) -> int | None:
    """The title's index when the date line is a blog's date header over the post's headline, else None: a weekday's
    date alone ("Sunday, December 9, 2012") under two or more plain lines (the blog's name and tag line: "My Adventures
    in Bengbu China" / "Teaching English with ILP"), and under it a short header line (no paragraph, no full stop
    closing it, nor a comma: a letter's "Dear Valued Clients,", neolink.au t294) directly followed by the lead ("City
    Change", brittsadventuresinchina.blogspot.com t471, the sixteenth tune_other pass). A headline over the date has the
    lead, not a headline, under the date."""
    if len(plain) < 2 or not WEEKDAY_DATE_RE.match(lines[date_index]):
        return None
    following = [i for i in range(date_index + 1, len(lines)) if lines[i]][:2]
    if len(following) < 2 or not _is_plain_header_line(lines[following[0]]) or _is_paragraph(lines[following[0]]) \
            or PULL_QUOTE_END_RE.search(lines[following[0]]) or lines[following[0]].endswith(SALUTATION_END) \
            or not _is_lead(lines, following[1]):
        return None
    return following[0]


def _title_under_label(lines: list[str], date_index: int, above: int) -> int | None:
    """The title's index when the one plain line over the date line is the post's category and the headline is under
    the date: the line directly above the date (no blank line between them), and under the date a header line (no
    paragraph, no full stop or colon closing it) directly followed by the lead, with more than twice as many words as
    the line above, a label less than half a headline's size as in _title_above_lead ("China Film" / "Feb 16, 2020" /
    "Xiangshan Film and TV City" / the teaser, a tag archive's post, www.parascandola.com t645, the twenty-first
    tune_other pass); else None. Also when a blank line sets the label apart and the date line heads the headline's
    block, the headline directly under it ("Archaeo News " / "" / "22 May 2013" / "Neolithic site revealed in China" /
    "" / the lead, under a news service's sidebar of editors' names, www.stonepages.com t948, the thirty-fourth
    tune_other pass): the date is the headline's, the label the section's."""
    if (above != date_index - 1 and not _heads_its_block(lines, date_index)) \
            or len(lines[above].split()) > CATEGORY_MAX_WORDS:
        return None
    following = [i for i in range(date_index + 1, len(lines)) if lines[i]][:2]
    if len(following) < 2:
        return None
    first = lines[following[0]]
    # a photo caption under a gov page's date line ("Workers monitor production at a digital workshop in Yuyao. (Photo
    # by Xu Neng)", tests/gold txt_gov_smart_manufacturing_2019) is no headline: no sentence break inside a headline
    if not _is_plain_header_line(first) or _is_paragraph(first) or PULL_QUOTE_END_RE.search(first) \
            or first.rstrip().endswith(LABEL_END) or _is_captioned(first) or SENTENCE_BREAK_RE.search(first) \
            or not _is_lead(lines, following[1]):
        return None
    return following[0] if len(first.split()) > 2 * len(lines[above].split()) else None


def _heads_its_block(lines: list[str], index: int) -> bool:
    """Whether lines[index] opens a block of two lines or more: a blank line above it, a line with text under it."""
    return 0 < index < len(lines) - 1 and not lines[index - 1] and bool(lines[index + 1])


def _title_under_issuer(lines: list[str], date_index: int) -> int | None:
    """The title's index when only issuing bodies stand above the date line: a release's issuer, its date line, then
    its headline ("Ningbo Municipal Government" / "07/17/2023 | News release | Distributed by Public on 07/17/2023
    03:07" / "Surge in visitors to museums ...", www.publicnow.com t291): the first header line under the date that
    is neither a paragraph (a headline the site cut, ending in "...", is none) nor a caption, with a paragraph further
    down; else None."""
    following = [i for i in range(date_index + 1, len(lines)) if lines[i] and _is_plain_header_line(lines[i])]
    if not following or is_caption(lines[following[0]]):
        return None
    first = lines[following[0]]
    if _is_paragraph(first) and not (first.endswith(CUT_ENDS) and len(first) <= HEADER_LINE_MAX_CHARS):
        return None
    if not any(_is_paragraph(lines[i]) for i in following[1:]):
        return None
    return following[0]


def is_issuer_line(line: str) -> bool:
    """An issuing body alone on a line: up to ISSUER_MAX_WORDS capitalised words (connectors aside),
    one of them an ISSUING_BODY_NOUNS word followed by nothing or by an "of ..." phrase
    ("Ningbo Investigation Team", "Bureau of Statistics of Ningbo")."""
    words = line.split()
    if not words or len(words) > ISSUER_MAX_WORDS:
        return False
    if not all(w[0].isupper() or w in ISSUER_CONNECTORS for w in words):
        return False
    nouns = [i for i, w in enumerate(words) if w.casefold() in ISSUING_BODY_NOUNS]
    return bool(nouns) and (nouns[-1] == len(words) - 1 or words[nouns[-1] + 1] == "of")


def _is_captioned(line: str) -> bool:
    """A photo caption by its wording: textutil.is_caption, or a credit in square brackets closing it."""
    return is_caption(line) or (line.endswith(("]", "].", "]。")) and BRACKET_CREDIT_RE.search(line) is not None)


def _title_above_lead(lines: list[str], seen: list[int]) -> Content | None:
    """The page's Content when its header (the lines above the first paragraph) holds the title.

    With no date line to anchor it, the title is the first plain header line that is neither
    a site menu (two or more plain lines in one block, no blank line between them: "The
    University of Nottingham, Ningbo China" / "University of Dundee") nor a site name or
    section label (less than half as many words as a later header line: "Industry
    dynamics", "Ningbo University"). A line ending in a full stop (a pull quote) is a
    title only when nothing else is. None when no paragraph starts within the first lines.
    `seen`: _header_seen(lines).
    """
    lead = next((i for i in seen if _is_lead(lines, i)), None)
    if lead is not None:
        under = next((i for i in range(lead + 1, len(lines)) if lines[i]), None)
        if under is not None and _trail_ends_with(lines[lead], lines[under]):
            lead = next((i for i in seen if i > under and _is_lead(lines, i)), None)  # the lead was the trail
        elif any(_trail_ends_with(lines[i], lines[lead]) for i in seen if i < lead):
            lead = next((i for i in seen if i > lead and _is_lead(lines, i)), None)  # the lead was the headline
    if lead is None:
        return None
    plain = [i for i in seen if i < lead and _is_plain_header_line(lines[i])]
    if not plain:
        return None
    furniture = [i for i in seen if i < lead and lines[i] and is_boilerplate_line(lines[i])]
    if furniture:  # bulleted lines above the site's furniture are its menu's items, never the title
        plain = [i for i in plain if not (i < furniture[-1] and MENU_BULLET_RE.match(lines[i]))] or plain
    menu = _bullet_menu(lines, seen[:seen.index(lead)])
    named = [i for i in plain if not lines[i].endswith(LABEL_END) and i not in menu
             and not NUMBERED_ITEM_RE.match(lines[i])] or plain
    # a line without a Latin letter ("测试", a test page's leftover over an English heading, t273) heads no English page
    named = [i for i in named if LATIN_LETTER_RE.search(lines[i])] or named
    named = [i for i in named if len(GLUED_WORD_RE.findall(lines[i])) < GLUED_TAGS_MIN] or named
    named = [i for i in named if not GLUED_FIELD_RE.match(lines[i]) and not KEY_FIGURE_RE.match(lines[i])] or named
    named = [i for i in named if not _is_menu_bar(lines[i])] or named
    named = [i for i in named if not lines[i].endswith(RUN_ON_END)] or named
    named = [i for i in named if not (lines[i][:1] in QUOTE_OPENERS and QUOTED_MOTTO_RE.match(lines[i]))] or named
    named = [i for i in named if not _is_table_row(lines, i)] or named
    unquoted = [i for i in named if not _is_quoted(lines[i])] or named
    unquoted = [i for i in unquoted if not _is_repeated(lines, i)] or unquoted
    # a photo caption under the headline ("On June 30th, passengers rushed to try Line 3. ... (Photo by Liu Bo)",
    # ningbolife t234) is neither the title nor a yardstick for it: a long caption dwarfs the headline
    unquoted = [i for i in unquoted if not _is_captioned(lines[i])] or unquoted
    marks = [i for i in plain if SECTION_WORD_RE.match(lines[i])]
    if marks:
        unquoted = [i for i in unquoted if i > marks[-1]] or unquoted
    # the text's first numbered heading ("1. Scheme" over a day's schedule, bica2023.org t662, the twenty-second
    # tune_other pass): the header lines under it are the text's, neither the headline nor a yardstick for it
    numbered = next((i for i in plain if NUMBERED_ITEM_RE.match(lines[i])), None)
    if numbered is not None:
        unquoted = [i for i in unquoted if i < numbered] or unquoted
    if furniture and _is_banner(lines, seen, lead, unquoted):
        unquoted = unquoted[1:]
    block_of = _block_numbers(lines)
    words = {i: len(lines[i].split()) for i in unquoted}
    title_index = next(
        (i for i in unquoted
         if sum(1 for j in unquoted if block_of[j] == block_of[i]) < 2
         and not any(words[j] > 2 * words[i] for j in unquoted if j > i)),
        None,
    )
    if title_index is None:
        # no line stands alone: a section label may sit right above the headline in one block ("Special
        # Exhibitions" / "Precious Antiques of Ningbo Museum"). Among the lines short enough to be a headline
        # (no caption, no hard-wrapped text), the first that no later one dwarfs.
        short = [i for i in unquoted if words[i] < PARAGRAPH_MIN_WORDS and not _is_captioned(lines[i])]
        title_index = next((i for i in short if not any(words[j] > 2 * words[i] for j in short if j > i)),
                           unquoted[0])
    section: str | None = None
    published: str | None = None
    for i in seen:
        if i >= lead:
            break
        meta = _header_line(lines[i])
        if meta is not None and meta[1]:
            if meta[0] == "section" and section is None:
                section = meta[1]
            elif meta[0] == "published" and published is None and not _above_home_link(lines, i):
                published = meta[1]
    if published is None and DATED_LEAD_RE.match(lines[lead]):
        published = parse_date(lines[lead][:DATED_LEAD_CHARS])
    if published is None:
        published = _dateline_date(lines, lead)
    title_index = _affix_free(lines, title_index, [i for i in plain if i > title_index])
    title_index = _crumb_end(lines, title_index, plain)
    title_index = _printed_again(lines, title_index, [i for i in unquoted if i > title_index])
    title_index = _printed_twice_above(lines, title_index, plain)
    title_index = _above_encyclopedia_tagline(lines, title_index, plain, seen, lead)
    if plain and all(i in menu for i in plain):  # only a bulleted menu above the lead: no headline
        title_index = lead
    # only lines without a letter above the lead (a template's residue "} ?>" over a dateline, yicaiglobal.com t767,
    # the twenty-sixth tune_other pass): no headline, the lead stands for it
    if not any(_has_letter(lines[i]) and not _is_menu_bar(lines[i]) for i in plain):
        title_index = lead
    title = lines[title_index]
    dated_title = TITLE_DATE_RE.match(title) if published is None else None
    if dated_title:
        title, published = dated_title.group("title"), parse_date(dated_title.group("date"))
    dashed = TITLE_DASH_DATE_RE.match(title) if published is None else None
    if dashed and DATE_LINE_RE.fullmatch(dashed.group("date")):
        published = parse_date(dashed.group("date"))
    if published is None:  # the headline with its date glued, set in one block under a site's name taken instead
        published = next((date for i in plain if i != title_index for date in [_dated_headline(lines[i])] if date),
                         None)
    body_start = lead
    if title_index == lead:
        blocks = [Block(text=line) for line in lines[lead:] if line]
        return Content(title=title, published=published, section=section, blocks=blocks,
                       site_template=site_template("\n".join(lines)), title_in_body=True)
    for index in range(title_index + 1, lead):
        line = lines[index]
        if line and _header_line(line) is None and not is_boilerplate_line(line) and not SKIP_HEADER_RE.match(line) \
                and not ALT_TEXT_RE.match(line):
            body_start = index
            break
    blocks = [Block(text=line) for line in lines[body_start:] if line]
    # a key figure's line above the headline (see KEY_FIGURE_RE) is the text's, not the header's
    figures = [Block(text=lines[i]) for i in plain if i < title_index and KEY_FIGURE_RE.match(lines[i])]
    return Content(title=title, published=published, section=section, blocks=figures + blocks,
                   site_template=site_template("\n".join(lines)))


def _above_encyclopedia_tagline(lines: list[str], title_index: int, plain: list[int], seen: list[int],
                                lead: int) -> int:
    """The header line above Wikipedia's tagline (a coordinates line between them aside) when the tagline stands
    above the lead (ENCYCLOPEDIA_TAGLINE_RE); else `title_index`."""
    tagline = next((i for i in seen if i < lead and ENCYCLOPEDIA_TAGLINE in lines[i]
                    and ENCYCLOPEDIA_TAGLINE_RE.match(lines[i].strip())), None)
    if tagline is None:
        return title_index
    above = [i for i in plain if i < tagline and not COORDINATES_LINE_RE.match(lines[i].strip())]
    if not above or lines[above[-1]].lstrip().lower().startswith(WIKI_NAMESPACES):
        return title_index  # a user's or a talk page ("User:Eckhard Goessl", t473): its own heading is the title
    return above[-1]


def _has_letter(line: str) -> bool:
    """Whether a line holds a letter of any script (a headline does; "} ?>" does not)."""
    return any(char.isalpha() for char in line)


def _is_menu_bar(line: str) -> bool:
    """Whether a line is a menu bar (MENU_BAR_MIN_ITEMS or more short items joined by " | ", see MENU_BAR_SPLIT_RE;
    two are enough when a bar closes the line too: "Videos | ? Latest |"). A token without a letter or digit (a
    mis-decoded icon "?") is no word of an item."""
    closed = line.endswith((" |", " ｜"))
    items = MENU_BAR_SPLIT_RE.split(line.rstrip(" |｜") if closed else line)
    return len(items) >= (MENU_BAR_CLOSED_MIN_ITEMS if closed else MENU_BAR_MIN_ITEMS) and all(
        0 < sum(1 for word in item.split() if any(char.isalnum() for char in word)) <= MENU_BAR_ITEM_MAX_WORDS
        for item in items)


def _is_table_row(lines: list[str], index: int) -> bool:
    """Whether lines[index] is a row of a pipe table: it ends in a cell separator, and so does a line next to it."""
    return lines[index].endswith(TABLE_CELL_END) and any(
        lines[j].endswith(TABLE_CELL_END) for j in (index - 1, index + 1) if 0 <= j < len(lines))


def _trail_ends_with(trail: str, line: str) -> bool:
    """Whether `trail` ends with `line` after one of TRAIL_JOINS, the case aside: a trail or a document title naming
    the headline, which is closed by a full stop and long enough to pass for a sentence, or the trail long enough to
    pass for a paragraph ("Traditional Culture Encyclopedia - Travel guide - Travel notes of Cicheng, Ningbo, an eternal
    thousand-year-old city with charm inheritance." over that headline, lfasc.com t722, the twenty-fourth tune_other
    pass): neither is the lead. A headline has at most TRAIL_HEADLINE_MAX_WORDS words."""
    if len(line.split()) > TRAIL_HEADLINE_MAX_WORDS or len(trail) <= len(line):
        return False
    trail, line = trail.casefold(), line.casefold()
    return trail.endswith(line) and trail[:-len(line)].rstrip().endswith(TRAIL_JOINS)


def _above_home_link(lines: list[str], index: int) -> bool:
    """Whether the next line with text under `index` is a breadcrumb opening with "Home" (TOP_BAR_HOME_RE)."""
    following = next((line for line in lines[index + 1:] if line), "")
    return TOP_BAR_HOME_RE.match(following) is not None


def _is_quoted(line: str) -> bool:
    """A pull quote or a sentence set alone, not a headline: a line closed by a full stop, or by an exclamation mark
    when it is a sentence's length (PARAGRAPH_MIN_WORDS words or more: "We took a 2 hour trip ... and boy, did it!"
    under "To Ningbo and Back Again", t408); a short line closed by "!" is a headline ("Ningbo, Let's go!", t468)."""
    return PULL_QUOTE_END_RE.search(line) is not None or is_sentence(line)


def _is_banner(lines: list[str], seen: list[int], lead: int, candidates: list[int]) -> bool:
    """Whether the first candidate is the site's banner over a widget's link, the post's title under them: the page's
    first line, the next one a short furniture line that is neither a byline nor a dated line (a link such as "View
    Original", an AMP page's), and a later candidate directly above the lead ("Journey of Our Dreams (追梦)" / "View
    Original" / "Ningbo/ Shaoxing 宁波/绍兴" / "May 16: We took the subway ...", journeyofourdreams.com t337, twelfth
    pass). A standfirst with its byline ("... By: Gary Bowerman & Janet Martin", t197) or a date line under the
    first line leaves it the title."""
    if len(seen) < 3 or not candidates or candidates[0] != seen[0]:
        return False
    widget = lines[seen[1]]
    if len(widget.split()) > BANNER_WIDGET_MAX_WORDS or not is_boilerplate_line(widget) \
            or _header_line(widget) is not None or BANNER_BYLINE_RE.match(widget):
        return False
    return any(i > seen[1] and seen[seen.index(i) + 1] == lead for i in candidates[1:])


def _dateline_date(lines: list[str], lead: int) -> str | None:
    """The date of a press-release dateline opening the lead, or the paragraph under the lead when only blank lines
    and page furniture separate them (a summary above "By: Sarah Yardley" / "April 29, 2009 - PRLog -- ..."), else
    None."""
    dated = [lead]
    following = next((i for i in range(lead + 1, len(lines)) if lines[i] and not is_boilerplate_line(lines[i])), None)
    if following is not None and _is_paragraph(lines[following]):
        dated.append(following)
    for index in dated:
        if DATELINE_LEAD_RE.match(lines[index]) or DATE_FIRST_DATELINE_RE.match(lines[index]) \
                or DATE_DASH_LEAD_RE.match(lines[index]) or DATELINE_WIRE_RE.match(lines[index]):
            return parse_date(lines[index][:DATED_LEAD_CHARS])
    return None


def _dated_headline(line: str) -> str | None:
    """The date of a header line that closes with its ISO posting date, maybe its time after it (TITLE_DATE_RE), no
    sentence break before the date (a headline with its date glued: "... by 5.6m TEU xinde marine news 2020-03-06
    10:22" under the site's name "XINDE MARINE NEWS" in one block, www.xindemarinenews.com t372), else None."""
    dated = TITLE_DATE_RE.match(line)
    if dated is None or SENTENCE_BREAK_RE.search(dated.group("title")):
        return None
    return parse_date(dated.group("date"))


def _bullet_menu(lines: list[str], header: list[int]) -> set[int]:
    """The header lines (indices of non-blank lines, in order) that are in a run of BULLET_MENU_MIN_LINES or more
    bulleted lines following one another."""
    menu: set[int] = set()
    run: list[int] = []
    for i in header + [-1]:
        if i >= 0 and MENU_BULLET_RE.match(lines[i]):
            run.append(i)
            continue
        if len(run) >= BULLET_MENU_MIN_LINES:
            menu.update(run)
        run = []
    return menu


def _affix_free(lines: list[str], title_index: int, later: list[int]) -> int:
    """The index of the later header line that the title line is made of plus a byline or a site name
    (TITLE_AFFIX_SEPARATORS on either side), else title_index."""
    title = lines[title_index]
    for index in later:
        line = lines[index]
        if line == title or len(line.split()) < TITLE_AFFIX_MIN_WORDS:
            continue
        if any(title.startswith(line + sep) or title.endswith(sep + line) for sep in TITLE_AFFIX_SEPARATORS):
            return index
        if title.startswith(line) and title[len(line):].startswith(DOCUMENT_TITLE_JOINS) \
                and SITE_NAME_SUFFIX_RE.search(title, len(line)):
            return index
    return title_index


def _printed_again(lines: list[str], title_index: int, later: list[int]) -> int:
    """The index of the one later header line printed again further down the page, apart from it (a picture's label
    under the headline: "Tiantong Temple" over "Zoom in" / "enlarge   reduce" / "Tiantong Temple", www.sinowaytravel.com
    t700, the twenty-fourth tune_other pass), when the title line is printed once, else title_index: the line taken
    was a section's name over the headline ("Ningbo Attractions" / "Sightseeing Ningbo"). A caption printed twice (a
    picture's alt text and its caption: a long line, or one with a photo credit, www.bostonglobe.com t431) is no
    headline."""
    if lines.count(lines[title_index]) > 1:
        return title_index
    again = [i for i in later if PRINTED_AGAIN_MIN_WORDS <= len(lines[i].split()) < PARAGRAPH_MIN_WORDS
             and not _is_captioned(lines[i]) and any(lines[j] == lines[i] for j in range(i + 2, len(lines)))]
    return again[0] if len(again) == 1 else title_index


def _printed_twice_above(lines: list[str], title_index: int, plain: list[int]) -> int:
    """The index of the second copy of the one header line printed twice above the title line, apart (a blank line
    or furniture between them), its first copy alone in its block, when the title line is printed once, else
    title_index: the page's title and its heading again under the share bar ("Ningbo Museum" / "govt.chinadaily.com.cn
    Print" / "Share - WeChat" / "Ningbo Museum" over a profile's "Address:" and "Hours:" lines, a China Daily museum
    page, t827, the twenty-eighth tune_other pass). A menu's item said again as the section's name is in a block of
    menu lines (" Student Affairs Post " among " Latest News " / " Teaching Affairs post ", t813)."""
    if lines.count(lines[title_index]) > 1:
        return title_index
    above = [i for i in plain if i < title_index]
    block_of = _block_numbers(lines)
    twice = {j for i in above for j in above
             if j > i + 1 and lines[j] == lines[i]
             and PRINTED_AGAIN_MIN_WORDS <= len(lines[i].split()) < PARAGRAPH_MIN_WORDS and not _is_captioned(lines[i])
             and sum(1 for k in plain if block_of[k] == block_of[i]) == 1}
    return twice.pop() if len(twice) == 1 else title_index


def _crumb_end(lines: list[str], title_index: int, plain: list[int]) -> int:
    """The index of the first plain header line that a line above it ends with after at most
    CRUMB_PREFIX_MAX_WORDS words, else title_index: the line ending with it is a breadcrumb whose last item is the
    headline ("Home ASIA Unlocking the Rich Tapestry ...: What is Ningbo Famous For?" over that headline,
    www.funplacetotravel.com t270; "5. Important Shipping Update" over "Important Shipping Update", the numbered
    trail of harders.co.nz t268, above a long subtitle that would dwarf the headline; "Home > Ningbo Travel Guide" over
    "ningbo Travel Guide", www.shanghaifocus.com t277, gathered after the pass: the case aside)."""
    for index in plain:
        line = lines[index]
        words = len(line.split())
        if words < CRUMB_MARKED_TITLE_MIN_WORDS:
            continue
        for above in range(index):
            crumb = lines[above]
            if len(crumb) > len(line) and crumb.casefold().endswith(" " + line.casefold()) \
                    and len(crumb[:-len(line)].split()) <= CRUMB_PREFIX_MAX_WORDS \
                    and (words >= CRUMB_TITLE_MIN_WORDS or crumb[:-len(line)].rstrip().endswith(CRUMB_MARKS)):
                return index
    return title_index


def closing_date(lines: list[str]) -> str | None:
    """The date of a bare date line among the page's last CLOSING_DATE_LINES lines whose line above is
    page furniture (a source or editor line) or a notice's closing formula (_is_notice_close) and under which there
    is only furniture, else None; or of a release credit with its date (RELEASE_CREDIT_RE: "CAS news release,
    November 9, 2016") closing the page."""
    filled = [line for line in lines if line]
    if filled and " release" in filled[-1] and RELEASE_CREDIT_RE.match(filled[-1]):
        return parse_date(filled[-1])
    for position in range(max(1, len(filled) - CLOSING_DATE_LINES), len(filled)):
        line = filled[position]
        above = filled[position - 1]
        if DATE_LINE_RE.fullmatch(line) \
                and (_is_notice_close(above) or is_boilerplate_line(above) and not DATE_LINE_RE.fullmatch(above)) \
                and all(is_boilerplate_line(after) for after in filled[position + 1:]):
            return parse_date(line)
    return None


def _is_notice_close(line: str) -> bool:
    """Whether a line is a notice's closing formula ("Is hereby announced.", see NOTICE_CLOSINGS)."""
    if "ereby" not in line or len(line.split()) > NOTICE_CLOSE_MAX_WORDS:
        return False
    folded = line.casefold()
    return any(closing in folded for closing in NOTICE_CLOSINGS)


def closing_stamp(lines: list[str]) -> str | None:
    """The date of a bracketed stamp closing the page's last paragraph (CLOSING_STAMP_RE), else None."""
    last = next((line for line in reversed(lines) if line and not is_boilerplate_line(line)), None)
    if last is None or not last.endswith("]"):
        return None
    found = CLOSING_STAMP_RE.search(last)
    if found is None or not _is_paragraph(last[:found.start()]):
        return None
    short = SHORT_STAMP_RE.match(found.group("stamp"))
    if short is None:
        return parse_date(found.group("stamp"))
    a, b, c = (int(part) for part in short.groups())
    readings = {make_date(SHORT_YEAR_BASE + c, b, a), make_date(SHORT_YEAR_BASE + c, a, b)} - {None}
    if SLASH_STAMP_JOIN not in found.group("stamp"):
        readings |= {make_date(SHORT_YEAR_BASE + a, b, c)} - {None}
    return readings.pop() if len(readings) == 1 else None


def posted_under(lines: list[str]) -> str | None:
    """The date of the page's one posting stamp when it sits under the text ("Posted: Apr 24, 2024" under a
    user's post and above its widgets, au.trip.com t208): a date line labelled "Posted" or "Published" below a
    paragraph, the only such line on the page (several are a list's or a sidebar's), else None; also one labelled
    "Last Updated" (UNDER_STAMP_RE), and one with a byline after the date (DATE_BYLINE_RE)."""
    stamps = [i for i, line in enumerate(lines)
              if line and UNDER_STAMP_RE.match(line)
              and (DATE_LINE_RE.fullmatch(line) or " by " in line and DATE_BYLINE_RE.fullmatch(line))]
    if len(stamps) != 1 or not any(_is_paragraph(line) for line in lines[:stamps[0]] if line):
        return None
    return parse_date(lines[stamps[0]])


def _is_repeated(lines: list[str], index: int) -> bool:
    """The line is printed again right above or below it: an image's alt text and its caption, not a headline."""
    return (index > 0 and lines[index - 1] == lines[index]) or \
        (index + 1 < len(lines) and lines[index + 1] == lines[index])


def _is_doubled(line: str) -> bool:
    """The same words twice in a row make up the whole line (a site name and its logo's alt text)."""
    words = line.split()
    half = len(words) // 2
    return half >= DOUBLED_MIN_WORDS and len(words) % 2 == 0 and words[:half] == words[half:]


def _block_numbers(lines: list[str]) -> list[int]:
    """For each line, the number of its block (blocks are separated by blank lines)."""
    numbers: list[int] = []
    block = 0
    for line in lines:
        if not line:
            block += 1
        numbers.append(block)
    return numbers


def is_sentence(line: str) -> bool:
    """A sentence of the text: PARAGRAPH_MIN_WORDS words or more, closed by a full stop or an exclamation mark
    (SENTENCE_END_RE). The text's rules (`_is_paragraph`, `_is_quoted`) and the dated line beside the headline
    (transforms/neardate.py) stop at one. A list item's mark is no word: "• Congestion all around, from COVID in China
    to gridlocks in L.A.", a breadcrumb's last item closed by an abbreviation's full stop, is eleven words, no lead
    (www.freightright.com t766, the twenty-sixth tune_other pass)."""
    return len(LIST_MARK_RE.sub("", line, count=1).split()) >= PARAGRAPH_MIN_WORDS \
        and SENTENCE_END_RE.search(line) is not None


def _is_paragraph(line: str) -> bool:
    """A body paragraph, not a header line: long with a sentence in it (a long line of menu
    items glued together has none), or a sentence of PARAGRAPH_MIN_WORDS words or more; a doubled line is neither."""
    if _is_doubled(line):
        return False
    if len(line) > HEADER_LINE_MAX_CHARS:
        return bool(SENTENCE_BREAK_RE.search(line)) or len(line) > MENU_LINE_MAX_CHARS
    return is_sentence(line)


def _is_lead(lines: list[str], index: int) -> bool:
    """A paragraph that starts the body: one directly followed by page furniture ("Dear Customers,
    if you wish to receive a quotation, ..." above "Skip to Content") is a widget's text instead when a
    paragraph follows further down, and one ending in a web address is an advertisement."""
    if not _is_paragraph(lines[index]) or WEB_ADDRESS_END_RE.search(lines[index]):
        return False
    following = next((line for line in lines[index + 1:] if line), "")
    if not is_boilerplate_line(following) or IMAGE_FILE_RE.match(following):
        return True
    if CONTINUE_LINK_RE.match(following) and lines.count(following) > 1:
        return True  # an archive's first teaser (see CONTINUE_LINK_RE): the page's text
    # a widget's text sits above the page's own paragraphs: a post whose only paragraph is followed by its widgets
    # ("View Original Text", "Posted: Apr 24, 2024", "Submit", au.trip.com t208) keeps it as its lead
    return not any(_is_paragraph(line) for line in lines[index + 1:] if line)


def _is_plain_header_line(line: str) -> bool:
    return bool(line) and _header_line(line) is None and not is_boilerplate_line(line) \
        and not SKIP_HEADER_RE.match(line) and not WEB_ADDRESS_END_RE.search(line) and not _is_doubled(line)


def site_template(text: str) -> str | None:
    """"hanweb" or "joomla" when the text carries that site's page furniture, else None: the first
    SITE_MARKERS pattern that `search` finds in `text`, asked as SITE_MARKER_PARTS say."""
    for name, at_line_start, bracketed in SITE_MARKER_PARTS:
        if at_line_start is not None and _matches_at_a_line_start(at_line_start, text):
            return name
        if bracketed is not None and MARKER_BRACKET in text and bracketed.search(text):
            return name
    return None


def _matches_at_a_line_start(pattern: re.Pattern[str], text: str) -> bool:
    """pattern.search(text) is not None, for a pattern whose every alternative opens with a multiline ^:
    a match starts at 0 or right after a newline, and `match` from there sees the newline before it."""
    if pattern.match(text):
        return True
    newline = text.find("\n")
    while newline >= 0:
        if pattern.match(text, newline + 1):
            return True
        newline = text.find("\n", newline + 1)
    return False


# The title searches ask about the same header lines again and again (each date line candidate, each plain
# line, the section, the lines under the date: about two and a half times per line): _header_line is a pure
# function of the line, its answer (an immutable tuple) computed once per page. parse empties the cache
# first: it holds one page's lines (a page's header is far shorter than this), and a benchmark passing the
# same pages again gets no answer from an earlier pass. Another thread's clearing only costs a recomputation.
HEADER_LINE_CACHE = 1024


@lru_cache(maxsize=HEADER_LINE_CACHE)
def _header_line(line: str) -> tuple[str, str | None] | None:
    """("section"|"published", value) for a metadata line of the header, else None. One list mark
    is read past ("- Published: ..."); a line marked twice is not a header line."""
    marked = LIST_MARK_RE.match(line)
    if marked:
        line = line[marked.end():]
        if LIST_MARK_RE.match(line):
            return None
    return _unmarked_header_line(line)


def _unmarked_header_line(line: str) -> tuple[str, str | None] | None:
    if BREADCRUMB_LINE_RE.match(line):
        items = [i for i in BREADCRUMB_SPLIT_RE.split(line) if i]
        return "section", items[-1] if items else None
    match = DATE_TEXT_SIZE_RE.match(line)
    if match:
        return "published", parse_date(match.group("date"))
    # The dated-line patterns open with a multiline ^ and a page line holds no newline: they can only
    # match at its start, so match finds what search would without trying every position.
    if any(regex.match(line) for regex in DATED_HEADER_RES):  # "Updated:2020-01-21 (chinadaily.com.cn)"
        return "published", parse_date(line)
    if DATE_LINE_RE.match(line):  # "2019-08-18 10:21", "Release date: 2019/8/18", "May 24, 2019"
        return "published", parse_date(line)
    match = GLUED_LABEL_DATE_RE.match(line)
    if match:
        return "published", parse_date(match.group("day") or match.group("date"))
    match = GLUED_BRACKET_DATE_RE.match(line)
    if match:
        return "published", parse_date(match.group("iso"))
    match = CATEGORY_LINE_RE.match(line)
    if match and len(line) <= 120:
        return "section", normalize_space(match.group("value"))
    match = PUBLISHED_LINE_RE.match(line)
    if match and len(line) <= 120:
        value = parse_published(match.group("value"))
        if value:
            return "published", value
    return None
