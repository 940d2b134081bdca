"""Build the listing pages of the offline snapshot (seeds/pages/) from its article files.

The article files are hand-written; everything that lists them is generated here so the
listings can never drift from the articles:

ningbo_gov (Hanweb JCMS)
  col/col<id>/index.html   column page embedding the FIRST group of records in a
                           <datastore> plus the jpage JavaScript (perPage, groupSize,
                           totalRecord); later groups come from dataproxy.jsp
  col/col<id>/records.xml  the column's full <datastore> recordset: what the mirror
                           slices to answer /module/web/jpage/dataproxy.jsp
ningbolife (Joomla 3, Beez3)
  index.php/<cat>.html                 category blog, page 1
  index.php/<cat>.html@start=5, ...    later pages (the mirror maps ?query to <path>@<query>)
  index.php/<cat>.html@format=feed&type=rss   RSS 2.0, newest FEED_LENGTH items

Output is deterministic (no clock, sorted input), so re-running reproduces the committed
files byte for byte. Usage:

    .venv/bin/python scripts/build_listings.py           # (re)write the listings
    .venv/bin/python scripts/build_listings.py --check   # exit 1 if any is stale
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import math
import re
import sys
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path

import lxml.html

from devtools import PAGES_DIR
from transforms.page import decode_content

GOV_SOURCE = "ningbo_gov"
LIFE_SOURCE = "ningbolife"

# ---- ningbo_gov ------------------------------------------------------------------
GOV_ARTICLE_GLOB = "art/*/*/*/art_*_*.html"
GOV_ARTICLE_NAME_RE = re.compile(r"^art_(?P<col>\d+)_(?P<id>\d+)\.html$")
GOV_PUBDATE_RE = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})\s+\d{1,2}:\d{2}")
GOV_WEB_ID = 6
# "宁波英文网", URL-encoded as Hanweb puts it in the nextgroup link.
GOV_WEBNAME = "%E5%AE%81%E6%B3%A2%E8%8B%B1%E6%96%87%E7%BD%91"
GOV_SITE_NAME = "Ningbo China"
DATAPROXY_PATH = "/module/web/jpage/dataproxy.jsp"
# Older JCMS builds' path; column templates made then still point at it (newer builds
# keep serving it), so one site can use both.
OLD_DATAPROXY_PATH = "/module/jpage/dataproxy.jsp"


@dataclass(frozen=True)
class GovColumn:
    """One Hanweb column: paging settings and the record markup its template uses."""

    col_id: int
    unit_id: int
    name: str
    crumbs: tuple[tuple[str, int], ...]
    per_page: int
    group_size: int
    record_style: str  # "li" (<li>..<span>date</span>) | "tr" (<tr><td>..</td><td>[date]</td></tr>)
    title_cut: int  # link text is cut to this many characters + "..."
    proxy_path: str = DATAPROXY_PATH  # the dataproxy the column template's jpage script calls


GOV_COLUMNS: dict[int, GovColumn] = {
    933: GovColumn(933, 4375, "Hot Topic", (("News", 928), ("In the City", 932), ("Hot Topic", 933)),
                   per_page=5, group_size=3, record_style="li", title_cut=36),
    934: GovColumn(934, 4376, "Sci-Tech", (("News", 928), ("Sci-Tech", 934)),
                   per_page=4, group_size=2, record_style="tr", title_cut=28,
                   proxy_path=OLD_DATAPROXY_PATH),
}

# ---- ningbolife -------------------------------------------------------------------
LIFE_LIVE_BASE = "http://www.ningbolife.com"
LIFE_ARTICLE_RE = re.compile(r"^index\.php/(?P<cat>[\w-]+)/(?P<id>\d+)-(?P<slug>[^/]+)\.html$")
LIFE_CATEGORIES: dict[str, tuple[str, int]] = {  # slug -> (title, Itemid)
    "ningbo-news": ("Ningbo News", 102),
    "business-news": ("Business News", 103),
}
LIFE_PER_PAGE = 5
LIFE_LEADING = 1  # Beez3 blog: 1 leading item, the rest in rows of LIFE_COLUMNS
LIFE_COLUMNS = 2
READMORE_CUT = 40
FEED_LENGTH = 10
FEED_QUERY = "format=feed&type=rss"
PUBLISHED_RE = re.compile(r"Published:\s*(?P<text>\w+,\s*\d{1,2}\s+\w+\s+\d{4}\s+\d{1,2}:\d{2})")
PUBLISHED_FORMAT = "%A, %d %B %Y %H:%M"
# Joomla shows local time (Asia/Shanghai); feeds carry UTC.
SITE_UTC_OFFSET = dt.timedelta(hours=8)
ARTICLE_ROOT_XPATH = '//div[contains(concat(" ", normalize-space(@class), " "), " item-page ")]'
ARTICLE_TITLE_XPATH = ARTICLE_ROOT_XPATH + "//h2"
ARTICLE_PUBLISHED_XPATH = ARTICLE_ROOT_XPATH + '//dd[contains(@class, "published")]'
ARTICLE_PARAGRAPHS_XPATH = ARTICLE_ROOT_XPATH + "//p[not(ancestor::dl) and not(@class)]"
CENTERED_STYLE_RE = re.compile(r"text-align:\s*center", re.I)

ALT_SEP = "@"  # the mirror serves <path>@<query> for <path>?<query>


# ================================================================== reading articles
def decode_page(data: bytes) -> str:
    """Decode an HTML file as the crawl and the transform do (transforms.charset)."""
    return decode_content(data)


@dataclass(frozen=True)
class GovArticle:
    """What a Hanweb column record needs to know about one article file."""

    url: str
    col_id: int
    art_id: int
    title: str
    date: dt.date


@dataclass(frozen=True)
class LifeArticle:
    """What a Joomla blog item and feed entry need to know about one article file."""

    url: str
    category: str
    art_id: int
    title: str
    published: dt.datetime  # site-local time
    intro: str  # plain text of the first body paragraph


def _meta(doc: lxml.html.HtmlElement, name: str) -> str:
    for el in doc.iter("meta"):
        if (el.get("name") or "").lower() == name.lower():
            return el.get("content") or ""
    raise ValueError(f"no <meta name={name}>")


def scan_gov(pages_dir: Path = PAGES_DIR) -> list[GovArticle]:
    """All Hanweb article files under pages_dir/ningbo_gov, from their head metas."""
    root = pages_dir / GOV_SOURCE
    out: list[GovArticle] = []
    for path in sorted(root.glob(GOV_ARTICLE_GLOB)):
        m = GOV_ARTICLE_NAME_RE.match(path.name)
        if not m:
            continue
        doc = lxml.html.fromstring(decode_page(path.read_bytes()))
        pub = GOV_PUBDATE_RE.match(_meta(doc, "PubDate").strip())
        if not pub:
            raise ValueError(f"{path}: bad PubDate")
        date = dt.date.fromisoformat(pub.group("date"))
        url = "/" + path.relative_to(root).as_posix()
        expected = f"/art/{date.year}/{date.month}/{date.day}/"
        if not url.startswith(expected):
            raise ValueError(f"{path}: PubDate {date} does not match the URL")
        out.append(GovArticle(url, int(m.group("col")), int(m.group("id")),
                              _meta(doc, "ArticleTitle").strip(), date))
    return out


def _published(doc: lxml.html.HtmlElement, path: Path) -> dt.datetime:
    for dd in doc.xpath(ARTICLE_PUBLISHED_XPATH):
        m = PUBLISHED_RE.search(" ".join(dd.text_content().split()))
        if m:
            return dt.datetime.strptime(m.group("text"), PUBLISHED_FORMAT)
        for time_el in dd.iter("time"):
            stamp = time_el.get("datetime")
            if stamp:
                return dt.datetime.fromisoformat(stamp).replace(tzinfo=None)
    raise ValueError(f"{path}: no publication date")


def scan_life(pages_dir: Path = PAGES_DIR) -> list[LifeArticle]:
    """All Joomla article files under pages_dir/ningbolife/index.php/<category>/."""
    root = pages_dir / LIFE_SOURCE
    out: list[LifeArticle] = []
    for path in sorted(root.glob("index.php/*/*.html")):
        rel = path.relative_to(root).as_posix()
        m = LIFE_ARTICLE_RE.match(rel)
        if not m:
            continue
        doc = lxml.html.fromstring(decode_page(path.read_bytes()))
        title = " ".join(doc.xpath(ARTICLE_TITLE_XPATH)[0].text_content().split())
        intro = ""
        for p in doc.xpath(ARTICLE_PARAGRAPHS_XPATH):
            text = p.text_content().strip()
            if text.strip("\xa0 ") and not CENTERED_STYLE_RE.search(p.get("style") or ""):
                intro = text
                break
        out.append(LifeArticle("/" + rel, m.group("cat"), int(m.group("id")), title,
                               _published(doc, path), intro))
    return out


# ================================================================== Hanweb columns
def _attr(text: str) -> str:
    """Escape for a double-quoted attribute, leaving apostrophes as the CMSs do."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def _cut(title: str, limit: int) -> str:
    return title if len(title) <= limit else title[:limit] + "..."


def gov_record(col: GovColumn, art: GovArticle) -> str:
    """One record's HTML as the column's template renders it."""
    link = (f'<a href="{art.url}" title="{_attr(art.title)}" target="_blank">'
            f"{html.escape(_cut(art.title, col.title_cut), quote=False)}</a>")
    if col.record_style == "li":
        return f"<li>{link}<span>{art.date:%Y-%m-%d}</span></li>"
    return f'<tr><td class="bt_link">{link}</td><td class="bt_time" width="90">[{art.date:%Y-%m-%d}]</td></tr>'


def _records_xml(records: list[str]) -> str:
    return "".join(f"<record><![CDATA[\n{r}\n]]></record>\n" for r in records)


def gov_records_file(col: GovColumn, records: list[str]) -> str:
    """records.xml: the column's whole recordset (the mirror's dataproxy database)."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"<datastore>\n<columnid>{col.col_id}</columnid>\n"
        f"<totalrecord>{len(records)}</totalrecord>\n<recordset>\n"
        f"{_records_xml(records)}</recordset>\n</datastore>\n"
    )


GOV_COLUMN_TEMPLATE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<title>{site} - {name}</title>
<meta name="SiteName" content="{site}">
<meta name="SiteDomain" content="english.ningbo.gov.cn">
<meta name="SiteIDCode" content="3302000044">
<meta name="ColumnName" content="{name}">
<meta name="ColumnType" content="{name}">
<meta name="Generator" content="大汉版通">
<link href="/images/english2019/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
<script type="text/javascript" src="/module/web/jpage/jpage.js"></script>
</head>
<body>
<div class="header">
<div class="logo"><a href="/index.html"><img src="/images/english2019/logo.png" alt="Ningbo China" /></a></div>
<form class="search" action="/jrobot/search.do" method="get"><input type="hidden" name="webid" value="{webid}" /><input type="text" name="q" value="" /><input type="submit" value="Search" /></form>
</div>
<div class="nav">
<ul class="menu">
<li><a href="/index.html">Home</a></li>
<li><a href="/col/col928/index.html">News</a></li>
<li><a href="/col/col940/index.html">About Ningbo</a></li>
<li><a href="/col/col950/index.html">Government</a></li>
<li><a href="/col/col960/index.html">Business</a></li>
<li><a href="/col/col970/index.html">Travel</a></li>
<li><a href="/col/col980/index.html">Living</a></li>
<li><a href="http://www.ningbo.gov.cn" target="_blank">中文</a></li>
</ul>
</div>
<div class="main">
<div class="left">
<ul class="subnav">
<li><a href="/col/col933/index.html">Hot Topic</a></li>
<li><a href="/col/col934/index.html">Sci-Tech</a></li>
<li><a href="/col/col935/index.html">Business</a></li>
<li><a href="/col/col936/index.html">Culture</a></li>
<li><a href="/col/col937/index.html">Photo News</a></li>
</ul>
</div>
<div class="right">
<table class="position" width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td><a href="/index.html"><img src="/images/english2019/home.png" border="0" /></a> &gt; {crumbs}</td></tr>
</table>
<div class="list-title">{name}</div>
{listing}
</div>
</div>
<div class="footer">
<div class="footer-links"><a href="/col/col990/index.html">About Us</a> | <a href="/col/col991/index.html">Contact Us</a> | <a href="/col/col992/index.html">Site Map</a></div>
<p>Copyright &copy; Information Office of Ningbo Municipal People's Government. All Rights Reserved.</p>
<p>Sponsored by the Information Office of Ningbo Municipal People's Government&nbsp;&nbsp;浙ICP备05015023号</p>
<p>Tel: 0574-89186530&nbsp;&nbsp;Address: No.1 Ningchuan Road, Ningbo, Zhejiang 315066</p>
<iframe src="/module/visitcount/visit.jsp?type=1&amp;i_webid={webid}&amp;i_columnid={col_id}" frameborder="0" width="0" height="0" scrolling="no" style="display:none"></iframe>
<a href="http://www.hanweb.com" style="display:none">Produced By 大汉网络 大汉版通发布系统</a>
</div>
</body>
</html>
"""

GOV_JPAGE_SCRIPT = """<script type="text/javascript">
$(document).ready(function() {{
    $('#{unit_id}').jpage({{
        dataStore: '{unit_id}',
        proxyUrl: '{proxy}',
        ajaxParam: {{col:1, appid:1, webid:{webid}, path:'/', columnid:{col_id}, sourceContentType:1, unitid:{unit_id}, webname:'{webname}', permissiontype:0}},
        perPage:{per_page},
        groupSize:{group_size},
        totalRecord:{total},
        barPosition: 'bottom',
        showMode: 'full',
        themeName: 'default',
        pageBar: '<div class="pagebar">{{prev}} {{pages}} {{next}} Total {{totalRecord}} records</div>'
    }});
}});
</script>"""


def gov_column_page(col: GovColumn, records: list[str]) -> str:
    """The column page: first group of records embedded in a <datastore> script + jpage JS."""
    first_group = records[: col.per_page * col.group_size]
    nextgroup = (f'<a href="{col.proxy_path}?page=1&appid=1&webid={GOV_WEB_ID}&path=/'
                 f"&columnid={col.col_id}&unitid={col.unit_id}&webname={GOV_WEBNAME}"
                 '&permissiontype=0"></a>')
    store = (f'<div id="{col.unit_id}"><script type="text/xml"><datastore>\n'
             f"<nextgroup><![CDATA[{nextgroup}]]></nextgroup>\n<recordset>\n"
             f"{_records_xml(first_group)}</recordset>\n</datastore></script></div>")
    if col.record_style == "tr":
        store = f'<table class="list" width="100%" border="0" cellspacing="0" cellpadding="0">\n<tr><td>\n{store}\n</td></tr>\n</table>'
    else:
        store = f'<div class="list">\n{store}\n</div>'
    script = GOV_JPAGE_SCRIPT.format(unit_id=col.unit_id, proxy=col.proxy_path, webid=GOV_WEB_ID,
                                     col_id=col.col_id, webname=GOV_WEBNAME, per_page=col.per_page,
                                     group_size=col.group_size, total=len(records))
    crumbs = " &gt; ".join(f'<a href="/col/col{c}/index.html">{html.escape(n)}</a>' for n, c in col.crumbs)
    return GOV_COLUMN_TEMPLATE.format(site=GOV_SITE_NAME, name=html.escape(col.name), webid=GOV_WEB_ID,
                                      crumbs=crumbs, listing=store + "\n" + script, col_id=col.col_id)


def build_gov(pages_dir: Path = PAGES_DIR) -> dict[Path, bytes]:
    """Column pages and records.xml for every column in GOV_COLUMNS (newest first)."""
    articles = scan_gov(pages_dir)
    unknown = {a.col_id for a in articles} - set(GOV_COLUMNS)
    if unknown:
        raise ValueError(f"gov articles in unconfigured columns {sorted(unknown)}")
    out: dict[Path, bytes] = {}
    for col in GOV_COLUMNS.values():
        arts = sorted((a for a in articles if a.col_id == col.col_id),
                      key=lambda a: (a.date, a.art_id), reverse=True)
        records = [gov_record(col, a) for a in arts]
        folder = pages_dir / GOV_SOURCE / "col" / f"col{col.col_id}"
        out[folder / "index.html"] = gov_column_page(col, records).encode("utf-8")
        out[folder / "records.xml"] = gov_records_file(col, records).encode("utf-8")
    return out


# ================================================================== Joomla blogs + feeds
def readmore_title(title: str, limit: int = READMORE_CUT) -> str:
    """Joomla's string.truncate: cut at a word boundary before `limit`, then "..."."""
    if len(title) <= limit:
        return title
    cut = title[:limit]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "..."


def _blog_item(art: LifeArticle) -> str:
    href = _attr(art.url)
    return (f'<h2>\n<a href="{href}">\n{html.escape(art.title, quote=False)}</a>\n</h2>\n'
            f"<p>{html.escape(art.intro, quote=False)}</p>\n"
            f'<p class="readmore">\n<a href="{href}">\nRead more: {html.escape(readmore_title(art.title), quote=False)}</a>\n</p>\n'
            '<div class="item-separator"></div>\n')


def _page_href(base: str, start: int) -> str:
    return base if start == 0 else f"{base}?start={start}"


def _pagination(base: str, page: int, pages: int) -> str:
    def li(label: str, start: int | None, cls: str = "") -> str:
        cls_attr = f' class="{cls}"' if cls else ""
        if start is None:
            return f'<li{cls_attr}><span class="pagenav">{label}</span></li>'
        return f'<li{cls_attr}><a title="{label}" href="{_page_href(base, start)}" class="pagenav">{label}</a></li>'

    last_start = (pages - 1) * LIFE_PER_PAGE
    items = [li("Start", None if page == 1 else 0, "pagination-start"),
             li("Prev", None if page == 1 else (page - 2) * LIFE_PER_PAGE, "pagination-prev")]
    for n in range(1, pages + 1):
        items.append(li(str(n), None if n == page else (n - 1) * LIFE_PER_PAGE))
    items.append(li("Next", None if page == pages else page * LIFE_PER_PAGE, "pagination-next"))
    items.append(li("End", None if page == pages else last_start, "pagination-end"))
    return (f'<div class="pagination">\n<p class="counter">Page {page} of {pages}</p>\n'
            f"<ul>{''.join(items)}</ul>\n</div>")


def blog_body(category: str, arts: list[LifeArticle], page: int, pages: int) -> str:
    """div.blog for one page: one leading item, the rest in rows of LIFE_COLUMNS."""
    title = LIFE_CATEGORIES[category][0]
    parts = [f'<div class="blog">\n<h2>\n<span class="subheading-category">{html.escape(title)}</span>\n</h2>']
    leading, rest = arts[:LIFE_LEADING], arts[LIFE_LEADING:]
    if leading:
        parts.append('<div class="items-leading">')
        for i, art in enumerate(leading):
            parts.append(f'<div class="leading-{i}">\n{_blog_item(art)}</div>')
        parts.append("</div>")
    for row in range(math.ceil(len(rest) / LIFE_COLUMNS)):
        chunk = rest[row * LIFE_COLUMNS:(row + 1) * LIFE_COLUMNS]
        parts.append(f'<div class="items-row cols-{LIFE_COLUMNS} row-{row}">')
        for col, art in enumerate(chunk, start=1):
            parts.append(f'<div class="item column-{col}">\n{_blog_item(art)}</div>')
        parts.append('<span class="row-separator"></span>\n</div>')
    parts.append(_pagination(f"/index.php/{category}.html", page, pages))
    parts.append("</div>")
    return "\n".join(parts)


LIFE_MENU = [("Home", "/index.php"), ("Ningbo News", "/index.php/ningbo-news.html"),
             ("Business News", "/index.php/business-news.html"),
             ("Picture Stories", "/index.php/picture-stories.html"),
             ("District News", "/index.php/distrct-news.html"),
             ("On the Campus", "/index.php/on-the-campus.html"),
             ("Governmental News", "/index.php/governmental-news.html")]

LIFE_BLOG_TEMPLATE = """<!DOCTYPE html>
<html lang="en-gb" dir="ltr">
<head>
<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=3.0, user-scalable=yes"/>
<meta name="HandheldFriendly" content="true" />
<meta name="apple-mobile-web-app-capable" content="YES" />
<meta charset="utf-8" />
<base href="{live}{path}{query}" />
<meta name="keywords" content="Ningbo, expat, news" />
<meta name="description" content="Ningbo Life - news and living guide for expats in Ningbo" />
<meta name="generator" content="Joomla! - Open Source Content Management" />
<title>{title}</title>
<link href="{path}?format=feed&amp;type=rss" rel="alternate" type="application/rss+xml" title="RSS 2.0" />
<link href="{path}?format=feed&amp;type=atom" rel="alternate" type="application/atom+xml" title="Atom 1.0" />
<link href="/templates/beez3/favicon.ico" rel="shortcut icon" type="image/vnd.microsoft.icon" />
<link href="/templates/system/css/system.css" rel="stylesheet" />
<link href="/templates/beez3/css/position.css" rel="stylesheet" />
<link href="/templates/beez3/css/layout.css" rel="stylesheet" />
<link href="/templates/beez3/css/general.css" rel="stylesheet" />
<link href="/templates/beez3/css/personal.css" rel="stylesheet" />
<script src="/media/jui/js/jquery.min.js?3b1e5f0a"></script>
<script src="/templates/beez3/javascript/md_stylechanger.js"></script>
<script src="/templates/beez3/javascript/hide.js"></script>
</head>
<body id="shadow">
<div id="all">
<div id="back">
<header id="header">
<div class="logoheader">
<h1 id="logo">
<img src="/images/ningbolife-logo.png" alt="Ningbo Life" />
<span class="header1"></span></h1>
</div>
<div class="moduletable">
<div class="custom">
<p>Copyright 2020 - Custom text here</p>
</div>
</div>
<ul class="skiplinks">
<li><a href="#main" class="u2">Skip to content</a></li>
<li><a href="#nav" class="u2">Jump to main navigation and login</a></li>
</ul>
<h2 class="unseen">Nav view search</h2>
<h3 class="unseen">Navigation</h3>
{menu}
</header>
<div id="contentarea">
<div id="breadcrumbs">
<div class="breadcrumbs">
<span class="showHere">You are here: </span><a href="/index.php" class="pathway">Home</a> <img src="/media/system/images/arrow.png" alt="" /> <span>{title}</span>
</div>
</div>
<div id="wrapper2">
<div id="main">
<div id="system-message-container">
</div>
{blog}
</div>
</div>
<div id="right">
<a id="additional"></a>
<div class="moduletable_charity">
<div class="custom_charity">
<p><a href="http://www.ningbolife.com/index.php/charity-shop.html"><img src="/images/charity/charity-shop-banner.jpg" alt="" /></a></p>
<p><a href="http://www.ningbolife.com/index.php/charity-shop.html">Visit Charity Shop</a></p>
</div>
</div>
</div>
<div class="wrap"></div>
</div>
</div>
</div>
<div id="footer-outer">
<div id="footer-sub">
<footer id="footer">
<p>
<a href="#" id="back-top">Back to Top</a>
</p>
</footer>
</div>
</div>
</body>
</html>
"""


def _menu(category: str) -> str:
    lis = []
    for i, (label, href) in enumerate(LIFE_MENU):
        cls = f"item-{101 + i}" + (" current active" if href == f"/index.php/{category}.html" else "")
        lis.append(f'<li class="{cls}"><a href="{href}">{label}</a></li>')
    return '<ul class="nav menu">\n' + "\n".join(lis) + "\n</ul>"


def blog_page(category: str, arts: list[LifeArticle], page: int, pages: int) -> str:
    """A whole Beez3 category-blog page (page is 1-based)."""
    path = f"/index.php/{category}.html"
    start = (page - 1) * LIFE_PER_PAGE
    return LIFE_BLOG_TEMPLATE.format(
        live=LIFE_LIVE_BASE, path=path, query=f"?start={start}" if start else "",
        title=html.escape(LIFE_CATEGORIES[category][0], quote=False), menu=_menu(category),
        blog=blog_body(category, arts, page, pages))


def _rfc822(local: dt.datetime) -> str:
    return format_datetime((local - SITE_UTC_OFFSET).replace(tzinfo=dt.UTC))


def feed(category: str, arts: list[LifeArticle]) -> str:
    """RSS 2.0 of the newest FEED_LENGTH articles, as Joomla's category feed renders it."""
    title = LIFE_CATEGORIES[category][0]
    link = f"{LIFE_LIVE_BASE}/index.php/{category}.html"
    newest = arts[:FEED_LENGTH]
    items = []
    for art in newest:
        url = LIFE_LIVE_BASE + art.url
        items.append(
            "\t\t<item>\n"
            f"\t\t\t<title>{html.escape(art.title, quote=False)}</title>\n"
            f"\t\t\t<link>{html.escape(url, quote=False)}</link>\n"
            f'\t\t\t<guid isPermaLink="true">{html.escape(url, quote=False)}</guid>\n'
            f"\t\t\t<description><![CDATA[<p>{html.escape(art.intro, quote=False)}</p>]]></description>\n"
            "\t\t\t<author>webmaster@ningbolife.com (Super User)</author>\n"
            f"\t\t\t<category>{html.escape(title, quote=False)}</category>\n"
            f"\t\t\t<pubDate>{_rfc822(art.published)}</pubDate>\n"
            "\t\t</item>\n")
    last_build = _rfc822(newest[0].published) if newest else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!-- generator="Joomla! - Open Source Content Management" -->\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n'
        "\t<channel>\n"
        f"\t\t<title>{html.escape(title, quote=False)}</title>\n"
        "\t\t<description><![CDATA[Ningbo Life - news and living guide for expats in Ningbo]]></description>\n"
        f"\t\t<link>{link}</link>\n"
        f"\t\t<lastBuildDate>{last_build}</lastBuildDate>\n"
        "\t\t<generator>Joomla! - Open Source Content Management</generator>\n"
        f'\t\t<atom:link rel="self" type="application/rss+xml" href="{link}?format=feed&amp;type=rss"/>\n'
        "\t\t<language>en-gb</language>\n"
        f"{''.join(items)}"
        "\t</channel>\n</rss>\n")


def build_life(pages_dir: Path = PAGES_DIR) -> dict[Path, bytes]:
    """Blog pages (?start= files) and RSS feeds for every category in LIFE_CATEGORIES."""
    articles = scan_life(pages_dir)
    unknown = {a.category for a in articles} - set(LIFE_CATEGORIES)
    if unknown:
        raise ValueError(f"ningbolife articles in unconfigured categories {sorted(unknown)}")
    out: dict[Path, bytes] = {}
    folder = pages_dir / LIFE_SOURCE / "index.php"
    for category in LIFE_CATEGORIES:
        arts = sorted((a for a in articles if a.category == category),
                      key=lambda a: (a.published, a.art_id), reverse=True)
        pages = max(1, math.ceil(len(arts) / LIFE_PER_PAGE))
        for page in range(1, pages + 1):
            start = (page - 1) * LIFE_PER_PAGE
            name = f"{category}.html" + (f"{ALT_SEP}start={start}" if start else "")
            out[folder / name] = blog_page(category, arts[start:start + LIFE_PER_PAGE], page,
                                           pages).encode("utf-8")
        out[folder / f"{category}.html{ALT_SEP}{FEED_QUERY}"] = feed(category, arts).encode("utf-8")
    return out


# ================================================================== entry point
def build(pages_dir: Path = PAGES_DIR) -> dict[Path, bytes]:
    """Every generated listing file (path -> exact bytes) for the snapshot in pages_dir."""
    return {**build_gov(pages_dir), **build_life(pages_dir)}


def stale_files(pages_dir: Path = PAGES_DIR) -> list[Path]:
    """Generated files whose committed bytes differ from a fresh build (or are missing)."""
    return [p for p, data in sorted(build(pages_dir).items())
            if not p.is_file() or p.read_bytes() != data]


def main(argv: list[str] | None = None) -> int:
    """CLI: write the listings, or with --check report stale ones (exit 1)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages-dir", type=Path, default=PAGES_DIR)
    parser.add_argument("--check", action="store_true", help="only check that the files are up to date")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files(args.pages_dir)
        for path in stale:
            print(f"stale: {path}", file=sys.stderr)
        return 1 if stale else 0
    for path, data in sorted(build(args.pages_dir).items()):
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(args.pages_dir)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
