"""Plots as inline SVG, rendered on the server. Pure: numbers in, markup out.

No JavaScript, no CDN, no build step: the pages must work offline and without scripts. Colours are
set with SVG presentation attributes (not ``style``), so a strict Content-Security-Policy holds.
Every figure carries a ``<title>`` and a ``<desc>`` (screen readers) and a legend in HTML (it wraps
on a phone where SVG text would not). The palette is Okabe–Ito, readable with colour blindness.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass
from typing import Callable, Sequence

from markupsafe import Markup, escape

PALETTE: tuple[str, ...] = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
                            "#000000", "#999999")
_W, _H = 640.0, 240.0
_LEFT, _RIGHT, _TOP, _BOTTOM = 46.0, 14.0, 12.0, 30.0
_GRID = "#d9dde3"
_INK = "#4a5160"


@dataclass(frozen=True)
class Series:
    """One line. ``points`` are (x, y) pairs; x is Unix seconds on time axes."""

    label: str
    points: tuple[tuple[float, float], ...]
    color: str
    key: str = ""


@dataclass(frozen=True)
class Marker:
    """A labelled point drawn on top of the lines (e.g. "pinned by the user")."""

    x: float
    y: float
    label: str
    color: str


@dataclass(frozen=True)
class Stack:
    """One layer of a stacked bar chart: a value per category."""

    label: str
    values: tuple[float, ...]
    color: str


def color(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def day_label(ts: float) -> str:
    return time.strftime("%b %d", time.gmtime(ts)).replace(" 0", " ")


def percent_label(value: float) -> str:
    return f"{value * 100:.0f}%"


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _legend(items: Sequence[tuple[str, str, bool]]) -> str:
    """HTML legend: (label, colour, dashed)."""
    parts = []
    for label, colour, dashed in items:
        dash = ' stroke-dasharray="4 3"' if dashed else ""
        swatch = (f'<svg width="18" height="10" aria-hidden="true" focusable="false">'
                  f'<line x1="0" y1="5" x2="18" y2="5" stroke="{colour}" stroke-width="3"{dash}/></svg>')
        parts.append(f"<li>{swatch}<span>{escape(label)}</span></li>")
    return f'<ul class="legend">{"".join(parts)}</ul>' if parts else ""


def _frame(plot: str, title: str, description: str, body: str, legend: str) -> Markup:
    # Deterministic ids (same page, same markup) that stay unique when a page holds several plots.
    uid = "plot-" + hashlib.sha1(f"{plot}|{title}|{description}".encode()).hexdigest()[:10]
    return Markup(
        f'<figure class="plot" data-plot="{escape(plot)}">'
        f'<svg viewBox="0 0 {_fmt(_W)} {_fmt(_H)}" role="img" aria-labelledby="{uid}-t {uid}-d" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(description)}</desc>'
        f"{body}</svg>{legend}</figure>"
    )


def _y_axis(y_min: float, y_max: float, ticks: Sequence[float], fmt: Callable[[float], str]) -> tuple[str, Callable[[float], float]]:
    height = _H - _TOP - _BOTTOM

    def y_of(value: float) -> float:
        span = (y_max - y_min) or 1.0
        return _TOP + height * (1.0 - (min(max(value, y_min), y_max) - y_min) / span)

    parts = []
    for tick in ticks:
        y = y_of(tick)
        parts.append(f'<line x1="{_fmt(_LEFT)}" y1="{_fmt(y)}" x2="{_fmt(_W - _RIGHT)}" y2="{_fmt(y)}" '
                     f'stroke="{_GRID}" stroke-width="1"/>')
        parts.append(f'<text x="{_fmt(_LEFT - 6)}" y="{_fmt(y + 4)}" text-anchor="end" font-size="11" '
                     f'fill="{_INK}">{escape(fmt(tick))}</text>')
    return "".join(parts), y_of


def _nice_ticks(top: float) -> tuple[float, list[float]]:
    """A rounded axis maximum >= ``top`` and 3-5 evenly spaced ticks from 0."""
    if top <= 0:
        return 1.0, [0.0, 1.0]
    raw = top / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if step < 1 and top >= 1:
        step = 1.0
    count = math.ceil(top / step)
    return round(step * count, 10), [round(step * i, 10) for i in range(count + 1)]


def line_chart(series: Sequence[Series], *, plot: str, title: str, description: str,
               y_min: float = 0.0, y_max: float = 1.0,
               y_ticks: Sequence[float] = (0.0, 0.25, 0.5, 0.75, 1.0),
               y_format: Callable[[float], str] = percent_label,
               x_format: Callable[[float], str] = day_label,
               threshold: float | None = None, threshold_label: str = "",
               markers: Sequence[Marker] = (), x_ticks: Sequence[float] | None = None) -> Markup:
    """Lines over a shared x axis (time by default), with an optional dashed threshold line.

    Lines are drawn widest first, so series that coincide (beliefs fed by the same signals) show
    as nested stripes instead of hiding each other.
    """
    xs = [x for s in series for x, _ in s.points] + [m.x for m in markers]
    if not xs:
        return _frame(plot, title, description, _empty(), "")
    x_lo, x_hi = min(xs), max(xs)
    if x_hi - x_lo < 1.0:
        x_lo, x_hi = x_lo - 43_200.0, x_hi + 43_200.0
    width = _W - _LEFT - _RIGHT

    def x_of(x: float) -> float:
        return _LEFT + width * (x - x_lo) / (x_hi - x_lo)

    grid, y_of = _y_axis(y_min, y_max, y_ticks, y_format)
    parts = [grid, _x_ticks(x_lo, x_hi, x_of, x_format, x_ticks)]
    if threshold is not None:
        y = y_of(threshold)
        parts.append(f'<line class="threshold" x1="{_fmt(_LEFT)}" y1="{_fmt(y)}" x2="{_fmt(_W - _RIGHT)}" '
                     f'y2="{_fmt(y)}" stroke="{_INK}" stroke-width="1.2" stroke-dasharray="5 4"/>')
        if threshold_label:
            parts.append(f'<text x="{_fmt(_W - _RIGHT - 4)}" y="{_fmt(y - 5)}" text-anchor="end" '
                         f'font-size="11" fill="{_INK}">{escape(threshold_label)}</text>')
    for index, s in enumerate(series):
        if not s.points:
            continue
        coords = " ".join(f"{_fmt(x_of(x))},{_fmt(y_of(y))}" for x, y in s.points)
        stroke = max(1.6, 4.6 - 0.8 * index) if len(series) > 1 else 2.4
        parts.append(f'<polyline class="series" data-series="{escape(s.key or s.label)}" points="{coords}" '
                     f'fill="none" stroke="{s.color}" stroke-width="{_fmt(stroke)}" stroke-linejoin="round" '
                     f'stroke-linecap="round"/>')
        for x, y in s.points:
            parts.append(f'<circle cx="{_fmt(x_of(x))}" cy="{_fmt(y_of(y))}" r="3" fill="{s.color}">'
                         f"<title>{escape(s.label)}: {escape(y_format(y))} on {escape(x_format(x))}</title>"
                         "</circle>")
    for m in markers:
        cx, cy = x_of(m.x), y_of(m.y)
        parts.append(f'<path class="marker" d="M{_fmt(cx)} {_fmt(cy - 6)} L{_fmt(cx + 6)} {_fmt(cy)} '
                     f'L{_fmt(cx)} {_fmt(cy + 6)} L{_fmt(cx - 6)} {_fmt(cy)} Z" fill="#fff" '
                     f'stroke="{m.color}" stroke-width="2"><title>{escape(m.label)}</title></path>')
    legend = _legend([(s.label, s.color, False) for s in series if s.points]
                     + ([(threshold_label, _INK, True)] if threshold is not None and threshold_label else []))
    return _frame(plot, title, description, "".join(parts), legend)


def stacked_bars(categories: Sequence[float], stacks: Sequence[Stack], *, plot: str, title: str,
                 description: str, y_format: Callable[[float], str] = lambda v: _fmt(v),
                 x_format: Callable[[float], str] = day_label) -> Markup:
    """One bar per category (e.g. a day's start, Unix seconds), its layers stacked bottom-up."""
    if not categories:
        return _frame(plot, title, description, _empty(), "")
    totals = [sum(s.values[i] for s in stacks) for i in range(len(categories))]
    top, ticks = _nice_ticks(max(totals, default=0.0))
    grid, y_of = _y_axis(0.0, top, ticks, y_format)
    width = _W - _LEFT - _RIGHT
    slot = width / len(categories)
    bar = max(slot * 0.72, 1.0)
    parts = [grid]
    for i, category in enumerate(categories):
        x = _LEFT + slot * i + (slot - bar) / 2
        base = 0.0
        for s in stacks:
            value = s.values[i]
            if value <= 0:
                continue
            y0, y1 = y_of(base), y_of(base + value)
            parts.append(f'<rect class="bar" data-series="{escape(s.label)}" x="{_fmt(x)}" y="{_fmt(y1)}" '
                         f'width="{_fmt(bar)}" height="{_fmt(max(y0 - y1, 0.5))}" fill="{s.color}">'
                         f"<title>{escape(x_format(category))}: {escape(y_format(value))} {escape(s.label)}"
                         "</title></rect>")
            base += value
    every = max(1, math.ceil(len(categories) / 6))
    for i in range(0, len(categories), every):
        x = _LEFT + slot * (i + 0.5)
        parts.append(f'<text x="{_fmt(x)}" y="{_fmt(_H - 10)}" text-anchor="middle" font-size="11" '
                     f'fill="{_INK}">{escape(x_format(categories[i]))}</text>')
    legend = _legend([(s.label, s.color, False) for s in stacks if any(v > 0 for v in s.values)])
    return _frame(plot, title, description, "".join(parts), legend)


def _x_ticks(x_lo: float, x_hi: float, x_of: Callable[[float], float], fmt: Callable[[float], str],
             ticks: Sequence[float] | None = None) -> str:
    positions = list(ticks) if ticks is not None else [x_lo + (x_hi - x_lo) * i / 4 for i in range(5)]
    parts, seen = [], set()
    for i, x in enumerate(positions):
        label = fmt(x)
        if label in seen or not x_lo <= x <= x_hi:
            continue
        seen.add(label)
        anchor = "start" if x == x_lo else "end" if x == x_hi else "middle"
        parts.append(f'<text x="{_fmt(x_of(x))}" y="{_fmt(_H - 10)}" text-anchor="{anchor}" font-size="11" '
                     f'fill="{_INK}">{escape(label)}</text>')
    return "".join(parts)


def _empty() -> str:
    return (f'<text x="{_fmt(_W / 2)}" y="{_fmt(_H / 2)}" text-anchor="middle" font-size="14" '
            f'fill="{_INK}">No data yet</text>')


__all__ = ["Marker", "PALETTE", "Series", "Stack", "color", "day_label", "line_chart", "percent_label",
           "stacked_bars"]
