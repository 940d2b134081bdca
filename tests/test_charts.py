"""The report's charts (newsetl/charts.py) as a reader sees them: tick labels a count can take,
and axis labels that do not run into each other, measured in headless Chromium (tests/browser.py).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from browser import dump_dom, recording_proxy

from newsetl import charts


def _tick_labels(svg: str) -> list[str]:
    """The value axis' labels (right-aligned at the axis)."""
    return [t.text_content() for t in lxml.html.fromstring(svg).iter("text") if t.get("text-anchor") == "end"]


@pytest.mark.parametrize("counts", [[1, 2, 3], [0, 7, 1], [9], [13, 0], [26, 4], [1234]])
def test_article_counts_get_whole_number_ticks_that_cover_the_tallest_bar(counts: list[int]) -> None:
    svg = charts.stacked_bars("Articles", [f"2026-0{i + 1}" for i in range(len(counts))],
                              {"a": [float(c) for c in counts]})
    ticks = _tick_labels(svg)
    assert ticks[0] == "0" and len(ticks) >= 2, ticks
    values = [float(t.replace(",", "").replace(" k", "e3")) for t in ticks]
    assert all(v.is_integer() for v in values), ticks  # not 0 1.25 2.5 3.75 5
    assert max(counts) <= values[-1] <= 2 * max(counts), ticks  # the top is near the tallest bar


def test_fractional_data_keeps_fractional_ticks() -> None:
    ticks = _tick_labels(charts.stacked_bars("Shares", ["a", "b"], {"x": [0.5, 2.25]}))
    assert ticks == ["0", "0.625", "1.25", "1.88", "2.5"]


def test_a_line_joins_only_the_points_of_its_series() -> None:
    points = [charts.Point("2018", 549.0, series="years"), charts.Point("2019 Jan–Apr", 188.0, series="Jan–Apr"),
              charts.Point("2019", 600.0, series="years"), charts.Point("2020 Q1", 129.0, True, series="quarters"),
              charts.Point("2020 Jan–Apr", 184.0, series="Jan–Apr")]
    doc = lxml.html.fromstring(charts.line_chart("Exports", points, "CNY", ["years", "quarters", "Jan–Apr"]))
    marks = [e for e in doc.iter() if e.get("class") == "mark"]
    paths = {p.get("data-series"): p.get("d").split() for p in doc.iter() if p.get("class") == "line"}
    assert set(paths) == {"years", "Jan–Apr"}  # "quarters" has one point: no line
    for name, vertices in paths.items():
        assert vertices == [f"{'M' if i == 0 else 'L'}{m.get('cx')},{m.get('cy')}"
                            for i, m in enumerate(m for m in marks if m.get("data-series") == name)]
    assert [float(m.get("cx")) for m in marks] == sorted(float(m.get("cx")) for m in marks)
    legend = [t.text_content() for t in doc.iter("text") if t.get("font-size") == "12"]
    assert legend == ["years", "quarters", "Jan–Apr", "articles disagree"]
    colors = {m.get("data-series"): m.get("fill") for m in marks if m.get("fill") != charts.DISAGREE_COLOR}
    assert len(set(colors.values())) == 2 and charts.DISAGREE_COLOR not in colors.values()
    assert [m.get("fill") for m in marks if m.get("data-series") == "quarters"] == [charts.DISAGREE_COLOR]


def test_a_chart_of_one_unnamed_series_is_one_line() -> None:
    doc = lxml.html.fromstring(charts.line_chart("x", [charts.Point("a", 1.0), charts.Point("b", 2.0)], "yuan"))
    assert len([p for p in doc.iter() if p.get("class") == "line"]) == 1
    assert [t.text_content() for t in doc.iter("text") if t.get("font-size") == "12"] == [
        "value (yuan)", "articles disagree"]


def _days(n: int) -> list[str]:
    return [(date(2026, 10, 1) + timedelta(i)).isoformat() for i in range(n)]


# The page measures, in the browser's own layout, each chart's x-axis labels (centred text) and
# writes what it found into the body: how many labels, and the pairs whose boxes overlap.
MEASURE = """<script>
const found = [...document.querySelectorAll("svg.chart")].map(svg => {
  const boxes = [...svg.querySelectorAll('text[text-anchor="middle"]')].map(t => t.getBBox());
  const overlaps = boxes.slice(1).filter((b, i) => b.x < boxes[i].x + boxes[i].width).length;
  return {label: svg.getAttribute("aria-label"), labels: boxes.length, overlaps: overlaps,
          widest: Math.max(0, ...boxes.map(b => b.width))};
});
document.body.setAttribute("data-found", JSON.stringify(found));
</script>"""


@pytest.fixture(scope="module")
def proxy() -> Iterator[Any]:
    with recording_proxy() as server:
        yield server


@pytest.mark.slow
def test_axis_labels_do_not_overlap_in_the_browser(tmp_path: Path, proxy: Any) -> None:
    """The report draws days for windows up to 62 days and months beyond: the longest runs of both."""
    daily, months = _days(62), [f"{2016 + i // 12}-{i % 12 + 1:02d}" for i in range(120)]
    svgs = [charts.stacked_bars("62 days", daily, {"a": [float(i % 4) for i in range(62)]}),
            charts.line_chart("45 days", [charts.Point(d, float(i)) for i, d in enumerate(_days(45))], "yuan"),
            charts.stacked_bars("120 months", months, {"a": [1.0] * 120}),
            charts.stacked_bars("12 months", months[:12], {"a": [1.0] * 12})]
    page = tmp_path / "charts.html"
    page.write_text("<!doctype html><html><body>" + "".join(svgs) + MEASURE + "</body></html>", encoding="utf-8")
    body = dump_dom(page.as_uri(), proxy, tmp_path / "profile").find(".//body")
    assert body is not None and body.get("data-found"), "the measuring script did not run"
    found = {f["label"]: f for f in json.loads(body.get("data-found"))}
    assert [f["overlaps"] for f in found.values()] == [0, 0, 0, 0], found
    assert found["12 months"]["labels"] == 12, found  # all of them when they fit
    for name, f in found.items():  # and still several on the longest runs
        assert f["labels"] >= 6, (name, f)
