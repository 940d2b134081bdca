"""URL normalization (transforms.urls): the key articles are deduplicated and stored under."""
from __future__ import annotations

import pytest

from transforms.urls import is_ignored_param, normalize_url

ART = "http://www.ningbolife.com/index.php/ningbo-news/5605-ningbo-science-and-technology-week-kicks-off.html"
GOV = "http://english.ningbo.gov.cn/art/2019/8/18/art_933_1016946.html"


@pytest.mark.parametrize("url", [
    ART,
    ART.replace("http://www.ningbolife.com", "HTTP://WWW.NingboLife.COM"),
    ART.replace("www.ningbolife.com", "www.ningbolife.com:80"),
    ART.replace("www.ningbolife.com", "www.ningbolife.com."),
    ART + "#comments",
    ART + "?",
    ART + "?tmpl=component&print=1&layout=default",
    ART + "?siteversion=2",
    ART + "?type=rss",
    ART + "?type=atom&siteversion=1",
    ART + "?Itemid=102",
    ART + "?utm_source=wechat&utm_medium=social&utm_campaign=x",
    ART + "?fbclid=abc123&from=timeline&isappinstalled=0&spm=a.b.c",
    ART + "?print=1&tmpl=component&layout=default#top",
    "  " + ART + "  ",
    ART.replace("/ningbo-news/", "/ningbo-news/./"),
    ART.replace("/ningbo-news/", "/business-news/../ningbo-news/"),
    ART.replace("5605-ningbo", "5605-%6Eingbo"),  # %6E is "n": an unreserved character
])
def test_views_tracking_and_spelling_variants_normalize_to_the_article(url: str) -> None:
    assert normalize_url(url) == ART


@pytest.mark.parametrize("url, expected", [
    # https keeps its own default port rule; another port is kept
    ("HTTPS://Example.org:443/a", "https://example.org/a"),
    ("http://example.org:443/a", "http://example.org:443/a"),
    ("http://127.0.0.1:8931/art/x.html", "http://127.0.0.1:8931/art/x.html"),
    ("https://[::1]:443/x", "https://[::1]/x"),
    ("http://[::1]:8080/x", "http://[::1]:8080/x"),
    # an empty path is "/", user info is dropped
    ("http://english.ningbo.gov.cn", "http://english.ningbo.gov.cn/"),
    ("http://user:pw@example.org/a", "http://example.org/a"),
    # remaining parameters are kept and sorted; blank values survive
    ("http://x.org/p?b=2&a=1&utm_term=z", "http://x.org/p?a=1&b=2"),
    ("http://x.org/p?a=&tmpl=component", "http://x.org/p?a="),
    # reserved escapes stay escaped (uppercased); "/" is not unescaped into the path
    ("http://x.org/a%2fb%7e", "http://x.org/a%2Fb~"),
    # dot segments never climb above the root
    ("http://x.org/../../a/./b/", "http://x.org/a/b/"),
    # a port that is not a number: the netloc is kept as given (lowercased)
    ("http://X.org:abc/p", "http://x.org:abc/p"),
])
def test_normalization_rules(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


@pytest.mark.parametrize("url", [
    # another document: must NOT collapse onto the article or each other
    ART.replace(".html", "-2.html"),
    ART.replace("http://", "https://"),
    ART.replace("www.", ""),
    ART + "?start=5",
    ART + "?format=feed",        # a feed/JSON view is another document
    ART + "?id=5606",
    ART.lower().replace("ningbo-news", "Ningbo-News"),  # paths are case-sensitive
])
def test_different_documents_stay_different(url: str) -> None:
    assert normalize_url(url) != ART


def test_feed_url_keeps_its_format_but_loses_the_view_type() -> None:
    blog = "http://www.ningbolife.com/index.php/ningbo-news.html"
    feed = normalize_url(blog + "?format=feed&type=rss")
    assert feed == blog + "?format=feed"
    assert feed != normalize_url(blog)
    assert normalize_url(blog + "?type=rss&format=feed&siteversion=2") == feed


def test_type_is_only_a_view_param_for_feed_values() -> None:
    counter = "http://english.ningbo.gov.cn/module/visitcount/visit.jsp?type=3&i_webid=6"
    assert normalize_url(counter) == "http://english.ningbo.gov.cn/module/visitcount/visit.jsp?i_webid=6&type=3"
    assert is_ignored_param("type", "RSS") and not is_ignored_param("type", "3")
    assert is_ignored_param("UTM_Source", "x") and is_ignored_param("Itemid", "102")
    assert not is_ignored_param("start", "5") and not is_ignored_param("columnid", "933")


@pytest.mark.parametrize("url", [ART, GOV, ART + "?b=2&a=1#x", "HTTP://X.ORG:80/a/../b%7e?utm_x=1&z=", "http://x.org"])
def test_normalization_is_idempotent(url: str) -> None:
    once = normalize_url(url)
    assert normalize_url(once) == once


def test_gov_article_urls_are_unchanged() -> None:
    assert normalize_url(GOV) == GOV
    assert normalize_url(GOV + "?from=singlemessage") == GOV
