"""`newsetl report --from DATE --to DATE [--out DIR]`: a static HTML report for analysts.

One self-contained `index.html` (charts as inline SVG from newsetl.charts; no script, no
file or font from anywhere; a Content-Security-Policy that forbids both): articles per
source over time, the top indicators as series (counted by stories, not copies), the
disagreements between articles on one indicator and period, the latest validation results,
the quarantine, and the articles with links. The data comes from
`warehouse.queries.report_data` (read-only, as news_analyst). Every scraped string (titles,
URLs, sources, reasons) is escaped with `html.escape`; only http(s) URLs become links.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

from core.wording import counted, plural
from newsetl import charts

DAILY_SPAN_DAYS = 62   # a window up to this long is drawn per day, a longer one per month
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
body { font-family: sans-serif; margin: 24px auto; max-width: 1100px; color: #222; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ccc; }
h3 { font-size: 15px; margin-bottom: 4px; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0 16px; }
th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
td.num { text-align: right; } .bad { color: #b00; font-weight: bold; } .ok { color: #070; }
.muted { color: #666; font-size: 13px; } svg.chart { display: block; margin: 8px 0; }
"""


def _e(value: Any) -> str:
    """Escaped text of a value ("" for None)."""
    return "" if value is None else escape(str(value))


def _link(url: Any, text: Any) -> str:
    """A link when `url` is http(s) (a scraped javascript: or data: URL stays text)."""
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{_e(text)}</a>'
    return _e(text)


def _count(n: Any, one: str, many: str) -> str:
    """A bold count and its noun: "<b>1</b> article", "<b>48</b> articles"."""
    return f"<b>{_e(n)}</b> {plural(n, one, many)}"


# validation_runs.statistics: GX's counts of a suite, or (a summary without suites) the run's row counts
EXPECTATION_COUNTS = (("evaluated_expectations", "evaluated"), ("successful_expectations", "successful"),
                      ("unsuccessful_expectations", "unsuccessful"))


def _statistics(stats: Any) -> str:
    """A suite's statistics for a reader: "18 expectations evaluated: 17 successful, 1 unsuccessful"
    (not its JSON); other counts as "articles total 5"; escaped."""
    if not stats:
        return ""
    if not isinstance(stats, dict):
        return _e(stats)
    parts = []
    if "evaluated_expectations" in stats:
        evaluated = stats["evaluated_expectations"]
        head = f"{_e(evaluated)} {plural(evaluated, 'expectation', 'expectations')} evaluated"
        rest = [f"{_e(stats[key])} {word}" for key, word in EXPECTATION_COUNTS[1:] if key in stats]
        parts.append(head + (": " + ", ".join(rest) if rest and evaluated else ""))
    known = {key for key, _ in EXPECTATION_COUNTS} | {"success_percent"}
    parts += [f"{_e(str(key).replace('_', ' '))} {_e(value)}" for key, value in stats.items() if key not in known]
    return "; ".join(parts)


def _table(headers: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset()) -> str:
    """A table from already-escaped cells."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
                                    for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _buckets(days: list[date], date_from: date, date_to: date) -> tuple[list[str], Any]:
    """Bucket labels over the span the data covers, and the function day -> label."""
    if (date_to - date_from).days <= DAILY_SPAN_DAYS:
        def key(d: date) -> str:
            return d.isoformat()
        start, end = (min(days), max(days)) if days else (date_from, date_to)
        labels = [(start + timedelta(n)).isoformat() for n in range((end - start).days + 1)]
        return labels, key

    def month(d: date) -> str:
        return f"{d.year:04d}-{d.month:02d}"
    if not days:
        return [], month
    labels = []
    y, m = min(days).year, min(days).month
    last = (max(days).year, max(days).month)
    while (y, m) <= last:
        labels.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return labels, month


def source_chart(rows: list[dict[str, Any]], date_from: date, date_to: date) -> tuple[str, str]:
    """Articles per source over time (stacked bars) and its table."""
    days = [r["day"] for r in rows if r["day"] is not None]
    labels, key = _buckets(days, date_from, date_to)
    sources = sorted({r["source"] for r in rows})
    series = {s: [0.0] * len(labels) for s in sources}
    position = {label: i for i, label in enumerate(labels)}
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in rows:
        if r["day"] is None:
            continue
        series[r["source"]][position[key(r["day"])]] += r["articles"]
        t = totals[r["source"]]
        t[0] += r["articles"]
        t[1] += r["stories"]
        t[2] += r["scitech_articles"]
    chart = charts.stacked_bars("Articles per source over time", labels, series) if labels else ""
    table = _table(["source", "articles", "sci-tech articles"],
                   [[_e(s), str(totals[s][0]), str(totals[s][2])] for s in sources], frozenset({1, 2}))
    return chart, table


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Span:
    """What kind of period a figure is for, and how the report names it. Figures of one kind are
    comparable and joined by a line: full years; quarters (three months from Jan, Apr, Jul or Oct, so
    Jan..Mar is Q1); Jan..N of a year for one N (year to date: Jan..Apr 2019 with Jan..Apr 2020, never
    with Jan..Jun: a cumulative level grows with N and a growth rate covers other months); single
    months; spans of the same number of years or months. Never across kinds: 549 bn for 2018 next to
    188 bn for Jan..Apr 2019 is not a fall."""

    key: str     # the line: "year", "quarter", "ytd-4", "month", "years-10", "months-5"
    legend: str  # the legend entry: "full years", "quarters", "Jan–Apr (YTD)", "months", "10-year spans"
    rank: int    # legend order: years, quarters, year to date (by N), months, longer spans
    short: str   # the axis label: "2018", "2020 Q1", "2019 Jan–Apr", "2020-04", "2011–2019"
    long: str    # the table's: "2018 (full year)", "Jan–Apr 2019 (year to date)", "Apr 2020 (month)"


def period_span(start: date, end: date) -> Span:
    """The kind of the period from `start` to `end`: whole months (`start` a month's first day, `end` a
    month's last day) as above; a period of days ("from June 1 to June 19": 013's day periods) is its own
    kind by its length, never joined with months (19 days of June next to the whole of June is no fall)."""
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        days = (end - start).days + 1
        first_day = f"{start.day} {MONTHS[start.month - 1]} {start.year}"
        last_day = f"{end.day} {MONTHS[end.month - 1]} {end.year}"
        if days == 1:
            return Span("day", "single days", 2000, start.isoformat(), f"{first_day} (day)")
        return Span(f"days-{days}", f"{days}-day spans", 2000 + days, f"{start.isoformat()}–{end.isoformat()}",
                    f"{first_day}–{last_day} ({days} days)")
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    first, last = MONTHS[start.month - 1], MONTHS[end.month - 1]
    if months == 1:
        return Span("month", "months", 40, f"{start.year}-{start.month:02d}", f"{first} {start.year} (month)")
    if months == 12 and start.month == 1:
        return Span("year", "full years", 0, str(start.year), f"{start.year} (full year)")
    if months == 3 and start.month in (1, 4, 7, 10):
        q = (start.month - 1) // 3 + 1
        return Span("quarter", "quarters", 10, f"{start.year} Q{q}", f"Q{q} {start.year} ({first}–{last})")
    if start.month == 1 and months < 12:
        return Span(f"ytd-{months}", f"Jan–{last} (YTD)", 20 + months, f"{start.year} Jan–{last}",
                    f"Jan–{last} {start.year} (year to date)")
    if start.month == 1 and months % 12 == 0:
        years = months // 12
        return Span(f"years-{years}", f"{years}-year spans", 100 + years, f"{start.year}–{end.year}",
                    f"{start.year}–{end.year} ({years} years)")
    return Span(f"months-{months}", f"{months}-month spans", 1000 + months,
                f"{start.year}-{start.month:02d}–{end.year}-{end.month:02d}",
                f"{first} {start.year}–{last} {end.year} ({months} months)")


def series_sections(rows: list[dict[str, Any]]) -> tuple[list[str], int]:
    """One line chart and table per top indicator; and how many charts. A chart joins only periods of
    one kind (`period_span`): one line per kind, each with its legend entry, its points in order of
    period end; the x axis lists every period by its end (then start)."""
    by_indicator: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_indicator[(r["indicator"], r["unit"])].append(r)
    out = []
    for (indicator, unit), points in by_indicator.items():
        label = points[0]["label"] or indicator
        spans = {id(p): period_span(p["period_start"], p["period_end"]) for p in points}
        points = sorted(points, key=lambda p: (p["period_end"], p["period_start"], p["period"]))
        order = sorted({spans[id(p)].key: spans[id(p)] for p in points}.values(), key=lambda s: (s.rank, s.key))
        chart = charts.line_chart(
            f"{label} ({unit}) by period",
            [charts.Point(spans[id(p)].short, float(p["value"]), bool(p["disagree"]),
                          f"{spans[id(p)].long}; {p['stories']} {plural(p['stories'], 'story', 'stories')}"
                          + (", articles disagree" if p["disagree"] else ""), spans[id(p)].legend)
             for p in points], unit, [s.legend for s in order])
        rank = {s.key: i for i, s in enumerate(order)}
        table = _table(["line", "period", "value", "stories", "articles", "min", "max", "disagree"],
                       [[_e(spans[id(p)].legend),
                         f'{_e(spans[id(p)].long)} <span class="muted">{_e(p["period"])}</span>',
                         _e(charts.fmt_number(float(p["value"]))), str(p["stories"]),
                         str(p["articles"]), _e(charts.fmt_number(float(p["min_value"]))),
                         _e(charts.fmt_number(float(p["max_value"]))),
                         '<span class="bad">yes</span>' if p["disagree"] else "no"]
                        for p in sorted(points, key=lambda p: rank[spans[id(p)].key])],
                       frozenset({2, 3, 4, 5, 6}))
        stories = points[0]["indicator_stories"]
        out.append(f'<section class="series"><h3>{_e(label)} <span class="muted">({_e(indicator)}, {_e(unit)}; '
                   f'{stories} {plural(stories, "story", "stories")})</span></h3>{chart}{table}</section>')
    return out, len(out)


def disagreement_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return '<p class="muted">No two articles disagree on an indicator and period in this window.</p>'
    return _table(["indicator", "period", "value", "unit", "article", "source", "published", "story"],
                  [[_e(r["label"] or r["indicator"]), _e(r["period"]), _e(charts.fmt_number(float(r["value"]))),
                    _e(r["unit"]), _link(r["url"], r["title"]), _e(r["source"]), _e(r["published"]),
                    _e(r["story_id"])] for r in rows], frozenset({2}))


def _time(value: Any) -> str:
    """A stored time for a reader, escaped: "2026-12-03 22:48:26 UTC" (no microseconds); "unknown" for None."""
    if value is None:
        return "unknown"
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return _e(value.strftime("%Y-%m-%d %H:%M:%S") + (" UTC" if value.tzinfo is not None else ""))
    return _e(value)


UNKNOWN_VALIDATION_TIME = ("When it was validated is not stored: its validation/summary.json predates "
                           "validated_at, or the warehouse predates migration 011.")


def _validated(row: dict[str, Any]) -> str:
    """When a run's validation ran (summary.json validated_at, stored from migration 011), else when its
    results were stored, labelled as that: a result's storing is the load, not the validation."""
    if row.get("validated_at") is not None:
        return f"validated {_time(row['validated_at'])}"
    return f"results recorded {_time(row.get('recorded_at'))}"


def validation_section(rows: list[dict[str, Any]], later_empty: list[dict[str, Any]] | None = None) -> str:
    """The latest validation that evaluated something (by when its results were recorded, not when
    its crawl started), and a line on the runs after it that had nothing to validate. It says when the
    validation ran (validated_at) and, apart, when its results were recorded and the run loaded."""
    if not rows:
        return '<p class="muted">No validation results stored yet.</p>'
    first = rows[0]
    stored = (f"results recorded {_time(first.get('recorded_at'))}, "
              if first.get("validated_at") is not None else "")
    # a blocked run's loaded_at is when its blocked record was stored: nothing of it was loaded
    loaded = ("nothing loaded (load blocked)" if first.get("status") == "blocked"
              else f"loaded {_time(first['loaded_at'])}")
    head = (f"<p>Run <code>{_e(first['run_id'])}</code>, status <b>{_e(first['status'])}</b>, {_validated(first)} "
            f"(crawl started {_time(first['started_at'])}, {stored}{loaded}).</p>")
    if first.get("validated_at") is None:
        head += f'<p class="muted">{UNKNOWN_VALIDATION_TIME}</p>'

    if first.get("evaluated") is False:
        head += '<p class="muted">No run stored so far had anything to validate (0 expectations evaluated).</p>'
    for empty in later_empty or []:
        runs = empty["runs"]
        head += (f'<p class="muted">{_e(runs)} later {plural(runs, "run", "runs")} had nothing to validate '
                 f'(0 expectations evaluated) and {plural(runs, "is", "are")} not shown; the latest: '
                 f'<code>{_e(empty["run_id"])}</code>, {_validated(empty)}.</p>')
    table = _table(["suite", "result", "failed or warned expectations", "statistics"],
                   [[_e(r["suite"]),
                     '<span class="ok">passed</span>' if r["success"] else
                     ('<span class="bad">failed</span>' if r["success"] is False else "n/a"),
                     _failed(r), _statistics(r["statistics"])]
                    for r in rows], frozenset({2}))
    return head + table


def _failed(row: dict[str, Any]) -> str:
    """How many expectations failed or warned, and which ("1: transform_rejects (6 rows)"): the
    project's own checks (transform_rejects, article_quarantined) are not in GX's counts beside it."""
    names = []
    for entry in row.get("failed_expectations") or []:
        if isinstance(entry, dict) and entry.get("expectation"):
            count = entry.get("unexpected_count")
            rows = f" ({counted(count, 'row')})" if isinstance(count, int) else ""
            names.append(f"{_e(entry['expectation'])}{rows}")
    return f"{row['failed']}: {', '.join(names)}" if names else str(row["failed"])


def quarantine_section(states: dict[str, int], rows: list[dict[str, Any]]) -> str:
    counts = ", ".join(f"{_e(state)}: {n}" for state, n in sorted(states.items())) or "empty"
    table = _table(["url", "source", "stage", "reasons", "quarantined at", "run"],
                   [[_link(r["url"], r["url"]), _e(r["source"]), _e(r["stage"]),
                     _e("; ".join(str(x) for x in (r["reasons"] or []))), _e(r["quarantined_at"]), _e(r["run_id"])]
                    for r in rows]) if rows else ""
    return f"<p>Quarantined article URLs by state: {counts}.</p>{table}"


def article_table(rows: list[dict[str, Any]]) -> str:
    return _table(["published", "source", "title", "story (articles)", "metrics"],
                  [[_e(r["published"]), _e(r["source"]), _link(r["url"], r["title"]),
                    f"{_e(r['story_id'])} ({r['story_articles']})", str(r["metrics"])] for r in rows],
                  frozenset({4}))


def render(data: dict[str, Any], date_from: date, date_to: date, generated: datetime | None = None) -> tuple[str, int]:
    """The report page and the number of charts in it."""
    generated = generated or datetime.now(UTC)
    totals = data["totals"]
    source_svg, source_table = source_chart(data["source_daily"], date_from, date_to)
    series, series_charts = series_sections(data["series"])
    n_charts = series_charts + (1 if source_svg else 0)
    title = f"newsetl report {date_from.isoformat()} to {date_to.isoformat()}"
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><style>{STYLE}</style></head>
<body>
<h1>{_e(title)}</h1>
<p class="muted">Articles published from {_e(date_from)} to {_e(date_to)};
generated {_e(generated.isoformat(timespec="seconds"))} as database role <code>{_e(data["as_role"])}</code>.
Stories group copies (print views, republications, rewrites stating the same figures): series count each
story's figure once.</p>
<p>{_count(totals["articles"], "article", "articles")}, {_count(totals["stories"], "story", "stories")},
{_count(totals["metrics"], "metric", "metrics")}.</p>
<h2 id="sources">Articles per source over time</h2>
{source_svg or '<p class="muted">No article published in this window.</p>'}
{source_table}
<h2 id="series">Top indicators</h2>
<p class="muted">The Ningbo figures (place unset) reported as facts (not targets or forecasts) with a period, for the
indicators the most stories state; a period's value is the one the most stories give, red where articles disagree
(by more than 1%).</p>
{"".join(series) or '<p class="muted">No indicator figure in this window.</p>'}
<h2 id="disagreements">Disagreements</h2>
{disagreement_table(data["disagreements"])}
<h2 id="validation">Latest validation</h2>
{validation_section(data["validation"], data.get("later_empty_validations"))}
<h2 id="quarantine">Quarantine</h2>
{quarantine_section(data["quarantine_states"], data["quarantined"])}
<h2 id="articles">Articles</h2>
{article_table(data["articles"])}
</body></html>
"""
    return page, n_charts


def write_report(url: str, date_from: date, date_to: date, out_dir: Path) -> dict[str, Any]:
    """Query the warehouse and write `out_dir/index.html`; returns what was written."""
    from warehouse.queries import report_data

    if date_from > date_to:
        raise ValueError(f"--from {date_from} is after --to {date_to}")
    data = report_data(url, date_from, date_to)
    page, n_charts = render(data, date_from, date_to)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "index.html"
    tmp = path.with_suffix(".html.tmp")
    try:
        tmp.write_text(page, encoding="utf-8")
        tmp.replace(path)  # IsADirectoryError when index.html is a directory: no page left half-written
    finally:
        tmp.unlink(missing_ok=True)
    return {"report": str(path), "from": date_from.isoformat(), "to": date_to.isoformat(),
            "as_role": data["as_role"], **data["totals"], "charts": n_charts,
            "indicators": len({r["indicator"] for r in data["series"]}),
            "disagreements": len({(r["indicator"], r["period"]) for r in data["disagreements"]}),
            "quarantined": len(data["quarantined"])}
