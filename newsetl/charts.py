"""Charts as inline SVG, drawn here: no JavaScript, no fonts or files from anywhere.

Every piece of text that reaches the markup (labels, titles, tooltips) goes through
`html.escape`; numbers are formatted here. Each chart is an `<svg class="chart">` whose data
marks (bars, points) carry `class="mark"`, so a test can count what was drawn.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 860
HEIGHT = 260
MARGIN_LEFT = 70
MARGIN_RIGHT = 150   # the legend
MARGIN_TOP = 16
MARGIN_BOTTOM = 46
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
DISAGREE_COLOR = "#d62728"
SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k"))
MAX_STEPS = 5  # at most this many steps between the value axis' tick labels (counts)
# The width an x-axis label takes at font-size 11 (Chromium's sans-serif: "2026-10-01" 64 px,
# "2026-01" 46 px; tests/test_charts.py measures them), and the space kept between two labels.
LABEL_CHAR_PX = 6.7
LABEL_GAP_PX = 4


def fmt_number(value: float) -> str:
    """A short figure: 37541000000 -> "37.5 bn", 2.62 -> "2.62", 1110 -> "1.11 k"."""
    magnitude = abs(value)
    for size, suffix in SCALES:
        if magnitude >= size:
            return f"{value / size:.3g} {suffix}"
    return f"{value:.3g}" if magnitude < 1000 else f"{value:,.0f}"


def _nice_max(value: float) -> float:
    """The axis top: 1, 2, 2.5 or 5 times a power of ten, at least `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def _whole_axis(value: float) -> tuple[float, int]:
    """The axis top and its number of steps for whole-number data (counts): steps of 1, 2 or 5 times a
    power of ten, at most MAX_STEPS of them, so every tick label is a whole number (0 1 2 3, not 0 0.75
    1.5 2.25 3)."""
    value = max(value, 1.0)
    power = 1
    while True:
        for m in (1, 2, 5):
            step = m * power
            steps = math.ceil(value / step)
            if steps <= MAX_STEPS:
                return float(step * steps), steps
        power *= 10


def _svg_open(label: str, height: int = HEIGHT) -> str:
    return (f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(label)}" '
            f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}">'
            f'<title>{escape(label)}</title>')


def _y_axis(lo: float, hi: float, plot_h: float, steps: int = 4) -> list[str]:
    parts = []
    for i in range(steps + 1):
        value = lo + (hi - lo) * i / steps
        y = MARGIN_TOP + plot_h - plot_h * i / steps
        parts.append(f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#ddd"/>')
        parts.append(f'<text x="{MARGIN_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">'
                     f'{escape(fmt_number(value))}</text>')
    return parts


def _x_labels(labels: Sequence[str], xs: Sequence[float], plot_bottom: float) -> list[str]:
    """Every n-th label under the axis, n such that the widest label fits its share of the axis
    (62 daily labels "2026-12-03" show every 7th; 12 months all)."""
    widest = max((len(label) for label in labels), default=0) * LABEL_CHAR_PX + LABEL_GAP_PX
    slot = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / max(1, len(labels))
    every = max(1, math.ceil(widest / slot))
    return [f'<text x="{x:.1f}" y="{plot_bottom + 16:.1f}" text-anchor="middle" font-size="11">{escape(label)}</text>'
            for i, (label, x) in enumerate(zip(labels, xs)) if i % every == 0]


def _legend(names: Sequence[str], colors: Sequence[str]) -> list[str]:
    x = WIDTH - MARGIN_RIGHT + 14
    parts = []
    for i, (name, color) in enumerate(zip(names, colors)):
        y = MARGIN_TOP + 14 + 18 * i
        parts.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{color}"/>'
                     f'<text x="{x + 18}" y="{y}" font-size="12">{escape(name)}</text>')
    return parts


def stacked_bars(label: str, categories: Sequence[str], series: Mapping[str, Sequence[float]]) -> str:
    """A stacked bar chart: one bar per category, one colored segment per series (its legend); whole
    numbers (article counts) get whole-number ticks."""
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    totals = [sum(values[i] for values in series.values()) for i in range(len(categories))]
    whole = all(float(v).is_integer() for values in series.values() for v in values)
    top, steps = _whole_axis(max(totals, default=0)) if whole else (_nice_max(max(totals, default=0)), 4)
    slot = plot_w / max(1, len(categories))
    bar = max(1.0, slot * 0.8)
    parts = [_svg_open(label), *_y_axis(0, top, plot_h, steps)]
    names = list(series)
    colors = [PALETTE[i % len(PALETTE)] for i in range(len(names))]
    for i, category in enumerate(categories):
        x = MARGIN_LEFT + slot * i + (slot - bar) / 2
        base = MARGIN_TOP + plot_h
        for name, color in zip(names, colors):
            value = series[name][i]
            if value <= 0:
                continue
            h = plot_h * value / top
            base -= h
            parts.append(f'<rect class="mark" x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                         f'fill="{color}"><title>{escape(f"{category} {name}: {value:g}")}</title></rect>')
    parts += _x_labels(categories, [MARGIN_LEFT + slot * (i + 0.5) for i in range(len(categories))],
                       MARGIN_TOP + plot_h)
    parts += _legend(names, colors)
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Point:
    """One period of a series: its label, value, whether its articles disagree, and the line it belongs to
    (`series`: points of one name are joined, never points of two; "" for a chart of one line)."""

    label: str
    value: float
    disagree: bool = False
    note: str = ""
    series: str = ""


def line_chart(label: str, points: Sequence[Point], unit: str, series_order: Sequence[str] = ()) -> str:
    """Values over periods, one x slot per point in the order given; a line through the points of each
    `series` (in their order), each in its own color with its legend entry (`series_order` first, then the
    others as they come); a series of one point is a lone point. Disagreeing periods in red. Each line is a
    `<path class="line" data-series=...>` and each point a `<circle class="mark" data-series=...>`."""
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    values = [p.value for p in points]
    low = min(0.0, min(values, default=0.0))
    lo = -_nice_max(-low) if low < 0 else 0.0
    hi = _nice_max(max(values, default=0.0))
    if hi <= lo:
        hi = lo + 1
    slot = plot_w / max(1, len(points))
    xs = [MARGIN_LEFT + slot * (i + 0.5) for i in range(len(points))]
    ys = [MARGIN_TOP + plot_h - plot_h * (p.value - lo) / (hi - lo) for p in points]
    names = [n for n in series_order if any(p.series == n for p in points)]
    names += [n for n in dict.fromkeys(p.series for p in points) if n not in names]
    colors = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}
    parts = [_svg_open(label), *_y_axis(lo, hi, plot_h)]
    for name in names:
        line = [(x, y) for p, x, y in zip(points, xs, ys) if p.series == name]
        if len(line) > 1:
            path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(line))
            parts.append(f'<path class="line" data-series="{escape(name)}" d="{path}" fill="none" '
                         f'stroke="{colors[name]}" stroke-width="2"/>')
    for point, x, y in zip(points, xs, ys):
        color = DISAGREE_COLOR if point.disagree else colors[point.series]
        tip = f"{point.label}: {fmt_number(point.value)} {unit}" + (f" ({point.note})" if point.note else "")
        parts.append(f'<circle class="mark" data-series="{escape(point.series)}" cx="{x:.1f}" cy="{y:.1f}" r="5" '
                     f'fill="{color}"><title>{escape(tip)}</title></circle>')
    parts += _x_labels([p.label for p in points], xs, MARGIN_TOP + plot_h)
    names = names or [""]
    parts += _legend([*(name or f"value ({unit})" for name in names), "articles disagree"],
                     [*(colors.get(name, PALETTE[0]) for name in names), DISAGREE_COLOR])
    parts.append("</svg>")
    return "".join(parts)
