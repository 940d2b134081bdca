"""Data Docs as on-call sees them: real GX suites build the site, a real headless Chromium
(Debian's, installed by `make test` through devtools/install-chromium.sh) opens it from disk
with every network request routed to a recording proxy on loopback.

Checked: the index lists the run's suites (its table is drawn by jQuery + bootstrap-table, so
the local copies of GX's CDN files loaded and ran); the failing page shows the failing body
cut to its boilerplate match with context; the `<script>` and event-handler payloads of a
scraped title did not run; the pages made no request beyond the disk (the proxy on loopback
does see one when a page asks for it; Chromium's own service calls, which no flag stops, are
told apart by host and go no further either); no built page refers to an external script,
stylesheet, image or url().
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from browser import dump_dom, host, page_requests, recording_proxy
from test_expectations import PARAGRAPHS, TODAY, _write_run, article, metric

from expectations.datadocs import ASSETS_DIR, external_assets, fragment, localize_site, manifest
from expectations.runner import SUITE_NAMES, validate_run

PWNED = "pwn3d"
# a scraped title: a script that would retitle the page, handlers that would mark <body>
PAYLOAD = (f"Evil <script>document.title='{PWNED}'</script> <img src=x onerror=\"document.body.id='{PWNED}'\"> "
           f"<b onmouseover=\"document.body.id='{PWNED}'\">hover</b> 【Print】")
BEFORE = "Officials from the municipal science bureau then thanked every participating enterprise."
AFTER = "The next round of applications opens in March and closes at the end of April this year."
LEAK = "【Print】 【Close】"
# what would load something from elsewhere, written here apart from expectations.datadocs
OFF_MACHINE = (r"""\bsrc\s*=\s*["']?(?:https?:)?//""", r"""<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//""",
               r"""url\(\s*["']?(?:https?:)?//""", r"""@import\s+(?:url\()?\s*["']?(?:https?:)?//""")


@pytest.fixture(scope="module")
def proxy() -> Iterator[Any]:
    with recording_proxy() as server:
        yield server


def _cells(doc: lxml.html.HtmlElement) -> list[str]:
    return [re.sub(r"\s+", " ", td.text_content()).strip() for td in doc.iter("td")]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, Any]:
    """A validated run: 10 good articles, one with print/close furniture mid-body, one hostile title."""
    body = "\n\n".join([*PARAGRAPHS, BEFORE, LEAK, AFTER, PARAGRAPHS[2]])
    arts = [article(i) for i in range(10)] + [article(98, body=body), article(99, title=PAYLOAD)]
    run_dir = _write_run(tmp_path_factory.mktemp("docs") / "run", arts, [metric(a, 0) for a in arts[:10]])
    summary = validate_run(run_dir, today=TODAY)
    assert summary.articles_quarantined == 2
    docs = run_dir / "validation" / "data_docs"
    [failing] = (docs / "validations" / "articles" / "critical").rglob("*.html")
    return {"docs": docs, "index": docs / "index.html", "failing": failing, "body": body,
            "profile": tmp_path_factory.mktemp("chromium-profile")}


def test_no_built_page_loads_anything_from_the_network(site):
    pages = list(site["docs"].rglob("*.html"))
    assert len(pages) == 1 + 2 * len(SUITE_NAMES)  # index, one page per suite, one per validation
    assert external_assets(site["docs"]) == []
    for page in [*pages, *site["docs"].rglob("*.css")]:
        text = page.read_text(encoding="utf-8")
        for pattern in OFF_MACHINE:
            found = re.findall(pattern + r"[^\s\"')>]*", text, re.I | re.S)
            assert found == [], (page, found)
        assert "vegaEmbed(" not in text  # charts would need the dropped vega files
    failing = site["failing"].read_text(encoding="utf-8")
    assert '<script src="../../../../../static/vendor/jquery/jquery.min.js"></script>' in failing
    assert 'src="../../../../../static/images/logo-long.png"' in failing  # not GX's S3 beacon


def test_every_local_link_and_asset_of_the_site_is_a_file_in_it(site):
    # GX's favicon on a validation page was "../../../../static/images/favicon.ico", one "../" short
    # of its depth: it pointed outside the site, and the browser asked for a file that is not there
    docs = site["docs"].resolve()
    vendor = docs / "static" / "vendor"  # npm files as published: Font Awesome's CSS also names the
    checked, broken = 0, []              # fonts not vendored (brands, ttf), which no page uses
    for page in sorted([*docs.rglob("*.html"), *(p for p in docs.rglob("*.css") if vendor not in p.parents)]):
        if page.suffix == ".css":
            links = [m.group(1) for m in re.finditer(r"""url\(\s*["']?([^"')\s]+)""", page.read_text(encoding="utf-8"))]
        else:
            links = [link for _, _, link, _ in lxml.html.fromstring(page.read_bytes()).iterlinks()]
        for link in links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path:  # data:, an anchor: nothing on disk
                continue
            checked += 1
            target = (page.parent / unquote(parts.path)).resolve()
            if docs not in target.parents or not target.is_file():
                broken.append(f"{page.relative_to(docs)}: {link}")
    assert checked > 100 and broken == []
    assert 'href="../../../../../static/images/favicon.ico"' in site["failing"].read_text(encoding="utf-8")


def test_vendored_files_are_the_npm_files_the_manifest_names():
    entries = manifest()["files"]
    assert entries and all(e["npm"].rsplit("@", 1)[1][0].isdigit() for e in entries)  # pinned versions
    for entry in entries:
        data = (ASSETS_DIR / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["path"]


def test_the_site_carries_the_vendored_files(site):
    for entry in manifest()["files"]:
        copy = site["docs"] / "static" / "vendor" / entry["path"]
        assert copy.read_bytes() == (ASSETS_DIR / entry["path"]).read_bytes(), entry["path"]


def test_the_failing_body_is_cut_to_its_match_with_context():
    text = "x" * 100 + " tail of a sentence here. 【Print】 【Close】 And the next one starts. " + "y" * 100
    cut = fragment(text, [r"(?i)【 *(print|close) *】"])
    assert cut == "…" + text[text.index("【Print】") - 40:text.index("【Print】") + len("【Print】") + 40] + "…"
    assert fragment("no furniture here", [r"【Print】"]) is None
    assert fragment("【Print】 at the start", [r"【Print】"]) == "【Print】 at the start"


@pytest.mark.slow
def test_index_lists_the_runs_suites_offline(site, proxy):
    doc = dump_dom(site["index"].as_uri(), proxy, site["profile"] / "index")
    cells = " | ".join(_cells(doc))
    # the table is drawn by bootstrap-table from data in a script: only there if the local JS ran
    for name in SUITE_NAMES:
        assert name in cells, cells[:2000]
    assert page_requests(proxy) == []


@pytest.mark.slow
def test_failing_page_shows_the_fragment_and_the_payload_never_runs(site, proxy):
    doc = dump_dom(site["failing"].as_uri(), proxy, site["profile"] / "failing")
    cells = _cells(doc)
    body = site["body"]
    at = body.index(LEAK)
    expected = "…" + re.sub(r"\s+", " ", body[at - 40:at + len(LEAK) + 40]).strip() + "…"
    assert expected in cells, [c for c in cells if "Print" in c]
    assert not any(PARAGRAPHS[0][:60] in c for c in cells)  # the whole body is not on the page
    # the hostile title is there as text ...
    assert any(f"<script>document.title='{PWNED}'</script>" in c for c in cells)
    # ... and none of it ran or became markup
    assert PWNED not in (doc.findtext(".//title") or "")
    body_el = doc.find(".//body")
    assert body_el is not None and body_el.get("id") != PWNED
    for element in doc.iter():
        if isinstance(element.tag, str):
            assert not any(name.startswith("on") for name in element.attrib if PWNED in element.get(name, ""))
            assert element.tag != "img" or element.get("src") != "x"
    assert page_requests(proxy) == []


@pytest.mark.slow
def test_the_proxy_sees_a_request_that_leaves_the_machine(tmp_path, proxy):
    """The control for the two tests above: a page that loads from a CDN is caught."""
    page = tmp_path / "cdn.html"
    page.write_text('<html><body><img src="http://cdn.example.com/logo.png"></body></html>', encoding="utf-8")
    before = len(proxy.requests)
    dump_dom(page.as_uri(), proxy, tmp_path / "profile")
    seen = proxy.requests[before:]
    assert [r for r in seen if host(r) == "cdn.example.com"] == ["GET http://cdn.example.com/logo.png HTTP/1.1"]
    del proxy.requests[before:]


def test_localize_rewrites_cdn_links_removes_unknown_ones_and_leaves_page_text_alone(tmp_path):
    docs = tmp_path / "site"
    page = docs / "validations" / "a" / "b.html"
    page.parent.mkdir(parents=True)
    (docs / "static" / "images").mkdir(parents=True)
    (docs / "static" / "images" / "logo-long.png").write_bytes(b"png")
    page.write_text(
        '<html><head><link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css"/>'
        '<script src="https://code.jquery.com/jquery-3.7.1.min.js" integrity="sha384-x" crossorigin="anonymous">'
        '</script><script src="https://cdn.jsdelivr.net/npm/vega@5"></script>'
        '<script src="https://tracker.example/t.js"></script>'
        '<link rel="shortcut icon" href="../static/images/favicon.ico" type="image/x-icon"/>'
        "<style>.logo { background: url('https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/"
        "full_logo_dark.png') }</style></head><body>"
        '<img src="https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/logo-long.png?d=1&dataContextId=2">'
        "<p>scraped: url(https://example.com/x.png) and src=&quot;https://example.com/y.js&quot;</p></body></html>",
        encoding="utf-8")
    removed = localize_site(docs)
    text = page.read_text(encoding="utf-8")
    assert removed == ["validations/a/b.html: https://tracker.example/t.js"]  # vega is dropped by design
    assert '<link rel="stylesheet" href="../../static/vendor/bootstrap/css/bootstrap.min.css">' in text
    assert '<script src="../../static/vendor/jquery/jquery.min.js"></script>' in text
    assert "vega" not in text and "tracker.example" not in text and "integrity" not in text
    assert "url('../../static/images/logo-long.png')" in text and 'src="../../static/images/logo-long.png"' in text
    assert "<p>scraped: url(https://example.com/x.png) and src=&quot;https://example.com/y.js&quot;</p>" in text
    assert '<link rel="shortcut icon" href="../../static/images/favicon.ico"' in text  # GX wrote "../static/..."
    assert (docs / "static" / "vendor" / "jquery" / "jquery.min.js").is_file()


def test_manifest_maps_every_cdn_address_once():
    urls = [u for e in manifest()["files"] for u in e.get("urls", [])]
    assert len(urls) == len(set(urls)) and all(u.startswith("https://") for u in urls)
    assert json.dumps(manifest())  # plain JSON
