"""Indicator catalog (seeds/indicators.csv), the mapping at load, and the analyst views of
migration 007 (v_metric_facts, v_metric_series, v_source_daily, v_articles, search_articles)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import psycopg2
import psycopg2.errors
import pytest
from helpers import make_article, make_metric, make_run_dir
from helpers import query as rows

from newsetl import cli
from transforms.indicators import CatalogError, load_catalog, map_indicator, parse_catalog
from transforms.metrics import extract_metrics
from warehouse import db
from warehouse.indicators import sync_catalog
from warehouse.load import load_run

ROOT = Path(__file__).resolve().parents[1]
BASE = "http://www.ningbolife.com/index.php/ningbo-news/"
HEADER = "key,label,unit,kind,denominator,patterns\n"


# --------------------------------------------------------------------------- the catalog (pure)
@pytest.mark.parametrize(("subject", "unit", "kind", "denominator", "key"), [
    # subjects as the extractor writes them on the snapshot and real-gold pages
    ("r&d expenditures", "percent", "share", "gdp", "rd_share_gdp"),
    ("nthe r&d expenditure", "percent", "share", "district's gdp", "rd_share_gdp"),
    ("r&d spending", "percent", "share", "revenue", "rd_share_revenue"),
    ("r&d spending intensity", "percent", "level", None, "rd_intensity"),
    ("r&d spending", "CNY", "level", None, "rd_expenditure"),
    ("research and development", "percent", "change", None, "rd_expenditure_growth"),
    ("r&d personnel", "count", "level", None, "rd_personnel"),
    ("high-tech enterprises", "count", "level", None, "hightech_enterprises"),
    ("national high-tech enterprises", "percent", "change", None, "hightech_enterprises_growth"),
    ("provincial high-growth and technology smes", "count", "level", None, "tech_smes"),
    ("value added of high-tech industries", "percent", "share", "industry's added value", "hightech_added_value_share"),
    ("added value of high-tech manufacturing", "percent", "change", None, "hightech_added_value_growth"),
    ("investment in high-tech industries", "percent", "change", None, "hightech_investment_growth"),
    ("exports of high-tech products", "percent", "change", None, "hightech_exports_growth"),
    ("invention patents", "count", "level", None, "invention_patents"),
    ("valid invention patents", "count", "level", None, "invention_patents"),
    ("invention patents per 10,000 people", "count", "level", None, "invention_patents_per_10k"),
    ("invention patent applications", "count", "level", None, "invention_patent_applications"),
    ("pct international patent applications", "count", "level", None, "pct_patent_applications"),
    ("patents", "count", "level", None, "patents"),
    ("technical transaction volume", "CNY", "level", None, "tech_market_turnover"),
    ("technology transaction volume", "percent", "change", None, "tech_market_turnover_growth"),
    ("high-level talents", "count", "level", None, "talents"),
    ("provincial leading innovative and entrepreneurial teams", "count", "level", None, "innovation_teams"),
    ("industrial technology research institutes", "count", "level", None, "research_institutes"),
    # research institutes counted together with something else are not the institutes' count (demo: the Science
    # Week's "86 research institutes and companies" beside the city's 69 institutes was a false disagreement)
    ("research institutes and companies", "count", "level", None, None),
    ("universities and scientific research institutes", "count", "level", None, None),
    ("research and development institutes", "count", "level", None, "research_institutes"),
    ("national key labs", "count", "level", None, "key_laboratories"),
    ("state-level business incubators", "count", "level", None, "innovation_platforms"),
    ("gross domestic product", "CNY", "level", None, "gdp"),
    # "Ningbo added 1,110 national high-tech enterprises": the year's new ones, not the stock
    ("new national high-tech enterprises", "count", "level", None, "hightech_enterprises_new"),
    ("national high-tech enterprises", "count", "level", None, "hightech_enterprises"),
    ("gdp", "percent", "change", None, "gdp_growth"),
    ("gdp per capita", "USD", "level", None, "gdp_per_capita"),
    ("industrial added value above designated size", "percent", "change", None, "industrial_added_value_growth"),
    ("added value of industries above designated size", "CNY", "level", None, "industrial_added_value"),
    ("nthe industrial added value of strategic emerging industries", "CNY", "level", None,
     "strategic_emerging_added_value"),
    ("added value of the digital economy core industries", "percent", "change", None, "digital_economy_core_growth"),
    ("digital economy", "percent", "share", "city's gross domestic product", "digital_economy_share_gdp"),
    ("imports and exports", "CNY", "level", None, "foreign_trade"),
    ("exports", "percent", "change", None, "exports_growth"),
    ("exports", "USD", "level", None, "exports"),
    # what must NOT map
    ("r&d expenditures", "percent", "share", None, None),        # a share of an unnamed base is no GDP share
    ("high-tech enterprises", "km2", "level", None, None),       # wrong unit
    ("patent infringement disputes", "count", "level", None, None),
    ("enterprises", "count", "level", None, None),
    ("investment", "CNY", "level", None, None),
    ("industrial robots", "count", "level", None, None),
    (None, "CNY", "level", None, None),
    ("   ", "CNY", "level", None, None),
])
def test_the_shipped_catalog_maps_real_subjects(subject, unit, kind, denominator, key) -> None:
    match = map_indicator(subject, unit, kind, denominator)
    assert (match.key if match else None) == key
    if match:
        assert match.rule in load_catalog().get(match.key).patterns  # the rule is the catalog's pattern


def test_the_shipped_catalog_covers_the_issue_and_its_keys_are_unique() -> None:
    catalog = load_catalog()
    keys = catalog.keys()
    assert len(keys) == len(set(keys)) >= 40
    for wanted in ("rd_expenditure", "rd_share_gdp", "hightech_enterprises", "hightech_added_value",
                   "hightech_added_value_share", "patents", "invention_patents", "invention_patents_per_10k",
                   "patents_per_10k", "tech_market_turnover", "talents", "innovation_teams",
                   "research_institutes", "innovation_platforms", "gdp", "industrial_output",
                   "industrial_added_value", "digital_economy_core_added_value", "exports", "imports"):
        assert wanted in keys, wanted


def test_first_fitting_row_wins_exclusions_and_denominators() -> None:
    catalog = parse_catalog(HEADER +
                            "inv,Invention patents,count,level,,invention patents?;!applications\n"
                            "pat,Patents,count|rank,level,,patents?\n"
                            "share,Share of GDP,percent,share,gdp|gross domestic product,\\bsomething\\b\n")
    assert catalog.map("Valid  INVENTION patents", "count", "level") .key == "inv"
    assert catalog.map("invention patent applications", "count", "level").key == "pat"  # excluded from inv
    assert catalog.map("invention patent applications", "count", "level").rule == "patents?"
    assert catalog.map("patents", "percent", "level") is None
    assert catalog.map("something", "percent", "share", "the city's GDP").key == "share"
    assert catalog.map("something", "percent", "share", "revenue") is None
    assert catalog.map("something", "percent", "share", None) is None
    assert catalog.get("pat").unit == "count|rank"


def test_a_rate_of_a_counted_base_fits_only_a_rate_pattern() -> None:
    catalog = parse_catalog(HEADER +
                            "talents,Talents,count,level,,\\btalents?\\b\n"
                            "per10k,Talents per 10k,count,level,,\"talents? (per|for every) 10,000\"\n")
    assert catalog.map("talents", "count", "level").key == "talents"
    assert catalog.map("talents per 10,000 people", "count", "level").key == "per10k"  # not the stock row
    assert catalog.map("talents for every 10,000 residents", "count", "level").key == "per10k"
    assert catalog.map("talents for each 1,000 people", "count", "level") is None  # no row states it
    assert catalog.map("talents per thousand people", "count", "level") is None
    assert catalog.map("talents per year", "count", "level").key == "talents"  # not a counted base


@pytest.mark.parametrize(("text", "error"), [
    ("key,label\nx,X\n", "header"),
    (HEADER + "Bad-Key,X,count,level,,x\n", "key"),
    (HEADER + "a,A,furlongs,level,,x\n", "unit"),
    (HEADER + "a,A,count,guess,,x\n", "kind"),
    (HEADER + "a,A,count,level,,(unclosed\n", "not a regular expression"),
    (HEADER + "a,A,count,level,,!only-exclusion\n", "no pattern"),
    (HEADER + "a,A,count,level,,x\na,B,count,level,,y\n", "twice"),
    (HEADER + "a,A,count,level,x\n", "5 fields"),
    (HEADER, "no indicator"),
])
def test_a_malformed_catalog_names_line_and_field(text: str, error: str) -> None:
    with pytest.raises(CatalogError, match=error):
        parse_catalog(text)


def test_catalog_ships_as_package_data() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^seeds = \[.*"indicators\.csv".*\]', pyproject, re.M)
    assert load_catalog().text == (ROOT / "seeds" / "indicators.csv").read_text(encoding="utf-8")


# "this year" / "last year" are resolved from the article's publication date.
@pytest.mark.parametrize(("sentence", "published", "period"), [
    ("Last year, exports rose by 5.2%.", "2021-03-10", "2020"),
    ("This year, the city's R&D expenditure will reach 3% of GDP.", "2021-03-10", "2021"),
    ("Last year, exports rose by 5.2%.", "2019-12-30", "2018"),
    ("In 2019, exports rose by 5.2% over last year.", "2021-03-10", "2019"),  # a comparison base is no period
])
def test_relative_periods_resolve_from_the_publication_date(sentence: str, published: str, period: str) -> None:
    metrics = extract_metrics(sentence, published=published)
    assert [m.period for m in metrics] == [period]


# A relative year inside a longer cue (found while building the catalog): "by the end of last year"
# is the figure's time, not a comparison base; "this year" after a month range dates the months.
@pytest.mark.parametrize(("sentence", "period"), [
    ("The number of high-tech enterprises reached 3,000 by the end of last year.", "2020"),
    ("From January to May this year, exports rose by 5.2%.", "2021-01..2021-05"),
    ("From January to May last year, exports rose by 5.2%.", "2020-01..2020-05"),
    ("Exports rose 5% from the end of last year.", None),  # a comparison base stays one
])
def test_relative_year_inside_a_longer_cue(sentence: str, period: str) -> None:
    metrics = extract_metrics(sentence, published="2021-06-15")
    assert [m.period for m in metrics] == [period]


# --------------------------------------------------------------------------- in Postgres
def _facts_run(tmp_path: Path, run_id: str = "run-ind") -> Path:
    one, two, three = BASE + "1.html", BASE + "2.html", BASE + "3.html"
    body = ("Ningbo's economy grew fast. In 2019, Ningbo R&D expenditures accounted for nearly 2.8% of GDP. "
            "The city also had 2,900 high-tech enterprises.\n\nRobots were built.")
    start = body.index("2.8%")
    articles = [
        make_article(one, title="Robots and R&D in Ningbo", body=body, published="2020-01-05", scitech=True),
        make_article(two, title="Port news", body="GDP facts. R&D share was 2.9% of GDP.", published="2020-01-05",
                     scitech=False),
        make_article(three, title="Another R&D story", body="R&D share was 2.8% of GDP.", published="2020-02-01",
                     source="ningbo_gov"),
    ]
    metrics = [
        make_metric(one, 0, 2.8, kind="share", subject="r&d expenditures", denominator="gdp", text="2.8%",
                    char_start=start, char_end=start + 4, qualifier="approx"),
        make_metric(one, 1, 2900, unit="count", kind="level", subject="high-tech enterprises",
                    text="2,900 high-tech enterprises", char_start=body.index("2,900"),
                    char_end=body.index("2,900") + len("2,900 high-tech enterprises"), period=None),
        make_metric(one, 2, 12, unit="count", kind="level", subject="robots", text="12 robots",
                    char_start=0, char_end=5, period=None),
        make_metric(two, 0, 2.9, kind="share", subject="r&d share", denominator="city's gdp", text="2.9%",
                    char_start=26, char_end=30),
        make_metric(three, 0, 2.8, kind="share", subject="r&d share", denominator="gdp", text="2.8%",
                    char_start=16, char_end=20),
        make_metric(three, 1, 3.5, kind="share", subject="r&d share", denominator="gdp", text="3.5%",
                    char_start=16, char_end=20, modality="target"),
    ]
    return make_run_dir(tmp_path, articles, metrics, run_id=run_id)


def test_load_maps_each_metric_and_the_views_answer(pg_url: str, tmp_path: Path) -> None:
    load_run(_facts_run(tmp_path), pg_url)
    assert rows(pg_url, "SELECT a.url, m.position, m.indicator, m.indicator_rule FROM news.metrics m "
                        "JOIN news.articles a USING (article_id) ORDER BY 1, 2") == [
        (BASE + "1.html", 0, "rd_share_gdp", "(r&d|r & d|research and development)"),
        (BASE + "1.html", 1, "hightech_enterprises", "(high-tech|hi-tech|high tech|high and new tech) "
                                                      "(enterprises|firms|companies)"),
        (BASE + "1.html", 2, None, None),
        (BASE + "2.html", 0, "rd_share_gdp", "(r&d|r & d|research and development)"),
        (BASE + "3.html", 0, "rd_share_gdp", "(r&d|r & d|research and development)"),
        (BASE + "3.html", 1, "rd_share_gdp", "(r&d|r & d|research and development)"),
    ]
    # the catalog is in news.indicators, and which one it is in news.indicator_catalog
    assert rows(pg_url, "SELECT count(*), min(position) FROM news.indicators") == [(len(load_catalog().keys()), 0)]
    assert rows(pg_url, "SELECT checksum FROM news.indicator_catalog") == [(load_catalog().checksum,)]

    # v_metric_facts: one row per metric, with its sentence
    facts = rows(pg_url, "SELECT title, source, published::text, indicator, indicator_label, value::float, unit,"
                         " kind, denominator, modality, qualifier, text, sentence FROM news.v_metric_facts "
                         "WHERE url = %s AND position = 0", (BASE + "1.html",))
    assert facts == [("Robots and R&D in Ningbo", "ningbolife", "2020-01-05", "rd_share_gdp",
                      "R&D expenditure as a share of GDP", 2.8, "percent", "share", "gdp", "actual", "approx",
                      "2.8%", "In 2019, Ningbo R&D expenditures accounted for nearly 2.8% of GDP.")]
    assert rows(pg_url, "SELECT sentence FROM news.v_metric_facts WHERE subject = 'high-tech enterprises'") == [
        ("The city also had 2,900 high-tech enterprises.",)]
    assert rows(pg_url, "SELECT count(*) FROM news.v_metric_facts") == [(6,)]

    # v_metric_series: three articles state the 2019 GDP share, two say 2.8, one 2.9 (the target is left out)
    assert rows(pg_url, "SELECT indicator, place, period, period_start::text, unit, value::float, articles, metrics,"
                        " distinct_values, disagree FROM news.v_metric_series") == [
        ("rd_share_gdp", None, "2019", "2019-01-01", "percent", 2.8, 3, 3, 2, True)]

    # v_source_daily: per source and publication day
    assert rows(pg_url, "SELECT source, day::text, articles, scitech_articles, metrics, indicator_metrics "
                        "FROM news.v_source_daily ORDER BY 1, 2") == [
        ("ningbo_gov", "2020-02-01", 1, 0, 2, 2),
        ("ningbolife", "2020-01-05", 2, 1, 4, 3)]

    # v_articles keeps its columns in order and gains indicator_metric_count and search at the end
    # (and story_id after them, migration 008)
    cols = [r[0] for r in rows(pg_url, "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                       "'news' AND table_name = 'v_articles' ORDER BY ordinal_position")]
    assert cols[:19] == ["article_id", "url", "source", "site", "title", "published", "section", "language",
                         "word_count", "scitech", "captions", "content_hash", "fetched_at", "first_seen_run",
                         "last_seen_run", "loaded_run", "updated_at", "metric_count", "earlier_versions"]
    assert cols[19:] == ["indicator_metric_count", "search", "story_id"]
    assert rows(pg_url, "SELECT url, metric_count, indicator_metric_count FROM news.v_articles "
                        "WHERE search @@ websearch_to_tsquery('english', 'robots') ORDER BY url") == [
        (BASE + "1.html", 3, 2)]


ZONE_PAGE = """Ningbo National High-tech Zone draws more firms
2020-01-15

By the end of 2019, Ningbo had 2,851 high-tech enterprises, the city's science bureau said.

The zone was home to 637 high-tech enterprises by the end of 2019.

By the end of 2019, Beilun district had 512 high-tech enterprises, more than any other district in Ningbo.
"""


def test_a_district_or_zone_count_is_not_in_the_city_series(pg_url: str, tmp_path: Path) -> None:
    """Extracted, loaded, and read back: a zone's and a district's figures are series of their own,
    the city's series (place IS NULL) holds only the city's count."""
    from newsetl.steps import transform_page

    page = {"url": BASE + "9001-zone.html", "source": "ningbolife", "html": ZONE_PAGE,
            "fetched_at": "2020-01-16T00:00:00+00:00"}
    article, metrics = transform_page(page, "run-zone")
    load_run(make_run_dir(tmp_path, [article], metrics, run_id="run-zone"), pg_url)
    assert rows(pg_url, "SELECT place, period, value::float, articles, distinct_values, disagree "
                        "FROM news.v_metric_series WHERE indicator = 'hightech_enterprises' "
                        "ORDER BY place NULLS FIRST") == [
        (None, "2019", 2851.0, 1, 1, False),
        ("Beilun", "2019", 512.0, 1, 1, False),
        ("Ningbo National Hi-Tech Zone", "2019", 637.0, 1, 1, False)]
    assert rows(pg_url, "SELECT value::float FROM news.v_metric_facts WHERE indicator = 'hightech_enterprises' "
                        "AND place IS NULL") == [(2851.0,)]


def test_search_ranks_title_hits_first_and_highlights(pg_url: str, tmp_path: Path) -> None:
    load_run(_facts_run(tmp_path), pg_url)
    hits = rows(pg_url, "SELECT url, rank > 0, headline FROM news.search_articles(%s, %s)", ("R&D", 10))
    # a title hit (weight A) outranks body-only hits (weight B)
    assert [h[0] for h in hits][:1] in ([BASE + "1.html"], [BASE + "3.html"])
    assert {h[0] for h in hits} == {BASE + "1.html", BASE + "2.html", BASE + "3.html"}
    assert all(h[1] for h in hits)
    assert rows(pg_url, "SELECT url FROM news.search_articles('robots -port', 10)") == [(BASE + "1.html",)]
    assert rows(pg_url, "SELECT count(*) FROM news.search_articles('quantum', 10)") == [(0,)]
    assert rows(pg_url, "SELECT count(*) FROM news.search_articles('R&D', 1)") == [(1,)]
    assert "[" in rows(pg_url, "SELECT headline FROM news.search_articles('robots', 1)")[0][0]


def test_a_catalog_edit_remaps_the_stored_metrics(pg_url: str, tmp_path: Path) -> None:
    load_run(_facts_run(tmp_path), pg_url)
    edited = parse_catalog(HEADER + "robots,Robots,count,level,,^robots$\n")
    conn = psycopg2.connect(pg_url)
    try:
        with conn.cursor() as cur:
            result = sync_catalog(cur, edited)
            again = sync_catalog(cur, edited)
        conn.commit()
    finally:
        conn.close()
    assert result == {"indicators": 1, "metrics_remapped": 6, "changed": True}
    assert again == {"indicators": 1, "metrics_remapped": 0, "changed": False}
    assert rows(pg_url, "SELECT subject, indicator FROM news.metrics WHERE indicator IS NOT NULL") == [
        ("robots", "robots")]
    assert rows(pg_url, "SELECT key FROM news.indicators") == [("robots",)]
    # `db upgrade` (every load runs it) brings the shipped catalog back
    db.upgrade(pg_url)
    assert rows(pg_url, "SELECT count(*) FROM news.metrics WHERE indicator = 'rd_share_gdp'") == [(4,)]
    # 5 mapped again + robots back to none
    assert rows(pg_url, "SELECT metrics_remapped FROM news.indicator_catalog") == [(6,)]


def test_analyst_reads_views_and_catalog_but_cannot_write_them(pg_url: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(db.ENV_ANALYST_PASSWORD, "analyst-Secret-7")
    load_run(_facts_run(tmp_path), pg_url)
    conn = psycopg2.connect(pg_url, user="news_analyst", password="analyst-Secret-7")
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            for relation in ("news.v_metric_facts", "news.v_metric_series", "news.v_source_daily",
                             "news.v_articles", "news.indicators", "news.indicator_catalog",
                             "news.search_articles('robots')"):
                cur.execute(f"SELECT count(*) FROM {relation}")  # noqa: S608 - fixed names
                assert cur.fetchone()[0] >= 1, relation
            for statement in ("DELETE FROM news.indicators", "UPDATE news.metrics SET indicator = 'x'",
                              "INSERT INTO news.indicator_catalog (checksum, indicators) VALUES ('x', 0)",
                              "DROP VIEW news.v_metric_series"):
                with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                    cur.execute(statement)
    finally:
        conn.close()


def test_cli_lists_unmapped_subjects_most_frequent_first(pg_url: str, tmp_path: Path, capsys,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSETL_DATABASE_URL", pg_url)
    url = BASE + "u.html"
    metrics = [make_metric(url, i, i + 1.0, unit="count", kind="level", subject=s, text=f"{i} {s}")
               for i, s in enumerate(["cranes", "berths", "cranes", "high-tech enterprises", "cranes", "berths"])]
    load_run(make_run_dir(tmp_path, [make_article(url)], metrics), pg_url)
    assert cli.main(["indicators", "unmapped", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(r["subject"], r["metrics"], r["articles"], r["units"]) for r in out] == [
        ("cranes", 3, 1, ["count"]), ("berths", 2, 1, ["count"])]
    assert [r["unmapped_subjects"] for r in out] == [2, 2]
    assert cli.main(["indicators", "unmapped", "--limit", "1"]) == 0
    text = capsys.readouterr().out
    assert "cranes" in text and "berths" not in text and not text.lstrip().startswith("[")
    # the header counts every unmapped subject, not the rows shown (it said "1 unmapped subject(s)")
    assert text.splitlines()[0] == "2 unmapped subjects, the 1 most frequent (metrics / articles, units):"
