"""Benchmark charts as inline SVG, for the dashboard and the report web page:
for each benchmark, its progress
against the pace expected by now, and its measurements over time.

Written as SVG text rather than drawn with matplotlib: a dashboard of 500
plans has thousands of these, and a few rectangles and lines cost
microseconds each where a matplotlib figure costs a tenth of a second.
Colours come from the page's stylesheet (classes, not fill values), so the
charts follow the reader's light or dark setting. Every chart carries its
words in a <title>; the page also prints the numbers beside it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from html import escape
from itertools import pairwise
from typing import NamedTuple

from aotext.handouts.labels import ENGLISH
from aotext.summary_model import BenchmarkSummary, PlanSummary
from aotext.summary_notes import period_name, progress_words, short_date
from aotext.words import number, percent

WIDTH = 300
PROGRESS_HEIGHT, HISTORY_HEIGHT = 36, 80
# The progress bar runs to 150% of the target, as the report's chart does.
MOST = 1.5
SHORTEST_SPAN = dt.timedelta(days=14)
_PLOT_LEFT, _PLOT_RIGHT, _PLOT_TOP, _PLOT_BOTTOM = 4, WIDTH - 4, 12, 62


# Where a chart stands inside a larger picture: x, y, width and height (aotext.handouts.chart).
Place = tuple[float, float, float, float]


def _svg(kind: str, height: int, label: str, body: list[str], at: Place | None = None) -> str:
    placed = f'x="{at[0]:.1f}" y="{at[1]:.1f}" width="{at[2]:.1f}" height="{at[3]:.1f}" ' if at else ""
    said = escape(label)
    return (f'<svg class="chart {kind}" {placed}viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{said}" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{said}</title>{"".join(body)}</svg>')


def status_class(status: str) -> str:
    """A status as the stylesheets' class names it: 'on track' as on-track."""
    return status.replace(" ", "-")


# The progress bar's units per share of the target, and where the target's line stands.
_BAR_SCALE = (WIDTH - 2) / MOST
_TARGET_X = f"{1 + _BAR_SCALE:.1f}"
_TARGET_LINE = f'<line class="target" x1="{_TARGET_X}" x2="{_TARGET_X}" y1="2" y2="24"/>'


def progress_svg(benchmark: BenchmarkSummary, words: Mapping[str, str] = ENGLISH, at: Place | None = None) -> str:
    """A bar for the progress so far, a line at the target and a dashed line
    at the pace expected by now."""
    share = min(benchmark.progress or 0.0, MOST)
    expected = benchmark.expected_share
    status = status_class(benchmark.status)
    said = [words["progress so far"].format(progress=progress_words(benchmark.progress, words))]
    body = [f'<rect class="track" x="1" y="6" width="{WIDTH - 2}" height="14" rx="2"/>'
            f'<rect class="bar {status}" x="1" y="6" width="{share * _BAR_SCALE:.1f}" height="14" rx="2"/>'
            f'{_TARGET_LINE}<text x="{_TARGET_X}" y="34" text-anchor="middle">{escape(words["target mark"])}</text>'
            f'<text x="1" y="34">0</text><text x="{WIDTH - 1}" y="34" text-anchor="end">150%</text>']
    if expected is not None:
        pace = f"{1 + expected * _BAR_SCALE:.1f}"
        body.append(f'<line class="pace" x1="{pace}" x2="{pace}" y1="2" y2="24"/>')
        said.append(words["expected by now"].format(share=percent(expected)))
    return _svg("chart-progress", PROGRESS_HEIGHT, "; ".join(said) + ".", body, at)


def _days(benchmark: BenchmarkSummary, as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The days the history chart spans: its measurements and periods, up to the as-of date."""
    days = [m.day for m in benchmark.measurements] + [p.first for p in benchmark.history]
    first, last = (min(days), max([*days, as_of])) if days else (as_of - SHORTEST_SPAN, as_of)
    if last - first < SHORTEST_SPAN:
        first = last - SHORTEST_SPAN
    return first, last


def _points(benchmark: BenchmarkSummary) -> list[tuple[dt.date, float]]:
    """(day, height) of each measurement: its place on the scale, its value,
    or, for counts that add up, the running total."""
    if benchmark.kind == "qualitative":
        scale = list(benchmark.scale)
        return [(m.day, float(scale.index(m.level))) for m in benchmark.measurements if m.level in scale]
    points = [(m.day, m.value) for m in benchmark.measurements if m.value is not None]
    if benchmark.combine != "sum":
        return points
    total, running = 0.0, []
    for day, value in points:
        total += value
        running.append((day, total))
    return running


def _goal(benchmark: BenchmarkSummary) -> float | None:
    if benchmark.kind == "qualitative":
        scale = list(benchmark.scale)
        return float(scale.index(benchmark.target)) if benchmark.target in scale else None
    return benchmark.target if isinstance(benchmark.target, float) else None


def history_svg(benchmark: BenchmarkSummary, as_of: dt.date, words: Mapping[str, str] = ENGLISH,
                at: Place | None = None) -> str:
    """Measurements over time against the target (dotted): bars per period for
    a recurring benchmark (filled when met), else a line of the measurements."""
    first, last = _days(benchmark, as_of)
    span = max((last - first).days, 1)
    goal = _goal(benchmark)
    qualitative = benchmark.kind == "qualitative"
    bars = not qualitative and bool(benchmark.history)
    points = [] if bars else _points(benchmark)
    top: float
    if qualitative:
        top = max(len(benchmark.scale) - 1, 1)
    else:
        # Bars per period show each period's count; a line, the measurements (or their running total).
        heights = [p.value or 0.0 for p in benchmark.history] if bars else [value for _, value in points]
        top = max([*heights, goal or 0.0, 1.0])

    frame = _frame(qualitative, benchmark.scale if qualitative else (), top, goal)
    plot_left = frame.left

    def x(day: dt.date) -> float:
        return plot_left + (_PLOT_RIGHT - plot_left) * (day - first).days / span

    body = [frame.axis]
    said: list[str] = []
    if bars:
        for period in benchmark.history:
            left, right = x(max(period.first, first)), x(min(period.last, last))
            bar_top = _y(period.value or 0.0, top)
            body.append(f'<rect class="period {"met" if period.met else "missed"}" x="{left + 1:.1f}" '
                        f'y="{bar_top:.1f}" width="{max(right - left - 2, 2):.1f}" height="{_PLOT_BOTTOM - bar_top:.1f}"/>')
            said.append(f"{period_name(period.period, words)}: {number(period.value or 0.0)} ({words['met' if period.met else 'not met']})")
    else:
        # Each point's place, written once for the line and for its dot.
        places = [(f"{x(day):.1f}", f"{_y(value, top):.1f}") for day, value in points]
        if places:
            if qualitative:  # a level holds until the next answer: steps
                steps = [",".join(places[0])]
                for (_, before), (across, up) in pairwise(places):
                    steps += [f"{across},{before}", f"{across},{up}"]
                path = " ".join(steps)
            else:
                path = " ".join(f"{across},{up}" for across, up in places)
            body.append(f'<polyline class="history" points="{path}"/>')
            body += [f'<circle class="point" cx="{across}" cy="{up}" r="2.5"/>' for across, up in places]
        said += [f"{m.day}: {m.level if qualitative else number(m.value or 0.0)}"
                 for m in benchmark.measurements if (m.level or m.value is not None)]
    body += [frame.goal, f'<text x="{frame.left_text}" y="76">{short_date(first, words)}</text>',
             f'<text x="{_PLOT_RIGHT}" y="76" text-anchor="end">{short_date(last, words)}</text>']
    if not said:
        body.append(f'<text x="{WIDTH / 2:.0f}" y="40" text-anchor="middle">{escape(words["nothing measured"])}</text>')
    label = words["over time"].format(measurements="; ".join(said) if said else words["nothing measured"])
    return _svg("chart-history", HISTORY_HEIGHT, label, body, at)


# About how wide a letter of the charts' text is, and the widest the names of
# the values may be: half the chart, so that the plot keeps the other half. A
# scale's level longer than that wraps onto a second line (cut only past it).
_LETTER, _WIDEST_TICKS = 4.6, WIDTH / 2 - 8
_LINE = 9  # the charts' text is 9 pixels high (page.css)


def _y(value: float, top: float) -> float:
    """How high a value stands on a history chart whose plot reaches `top`."""
    return _PLOT_BOTTOM - (_PLOT_BOTTOM - _PLOT_TOP) * value / top


class _Frame(NamedTuple):
    """What a history chart draws around its measurements."""

    left: float  # where the plot starts, right of the values' names
    left_text: str  # the same, as the chart's attributes write it
    axis: str  # the axis, and the values named beside it
    goal: str  # the target's dotted line, if the chart has one


@lru_cache(maxsize=256)
def _frame(qualitative: bool, scale: tuple[str, ...], top: float, goal: float | None) -> _Frame:
    """The same for every chart on one scale, or with one top and target:
    drawn once for them all (a dashboard has thousands of charts, on a few scales)."""
    ticks = _ticks(qualitative, scale, top, goal)
    # The values' names stand left of the plot, in a margin as wide as the longest line.
    widest = max((len(line) for _, lines in ticks for line in lines), default=0)
    left = _PLOT_LEFT + (min(widest * _LETTER, _WIDEST_TICKS) + 4 if ticks else 0)
    left_text, names_right = f"{left}", f"{left - 4}"
    axis = f'<line class="axis" x1="{left_text}" x2="{_PLOT_RIGHT}" y1="{_PLOT_BOTTOM}" y2="{_PLOT_BOTTOM}"/>' + "".join([
        f'<text class="tick" x="{names_right}" y="{_y(value, top) + 3 - (len(lines) - 1) * _LINE / 2:.1f}" '
        f'text-anchor="end">{escape(lines[0])}'
        + "".join(f'<tspan x="{names_right}" dy="{_LINE}">{escape(line)}</tspan>' for line in lines[1:]) + "</text>"
        for value, lines in ticks])
    if goal is None:
        return _Frame(left, left_text, axis, "")
    level = f"{_y(goal, top):.1f}"
    return _Frame(left, left_text, axis,
                  f'<line class="goal" x1="{left_text}" x2="{_PLOT_RIGHT}" y1="{level}" y2="{level}"/>')


def _lines(level: str) -> tuple[str, ...]:
    """A scale's level as the lines of its name beside the plot: one, or two
    split between words, the second cut if even two are too short for it."""
    longest = int(_WIDEST_TICKS / _LETTER)
    if len(level) <= longest:
        return (level,)
    split = level.rfind(" ", 0, longest + 1)
    first, rest = (level[:split], level[split + 1:]) if split > 0 else (level[:longest - 1] + "-", level[longest - 1:])
    return first, rest if len(rest) <= longest else rest[:longest - 1] + "…"


def _ticks(qualitative: bool, scale: tuple[str, ...], top: float,
           goal: float | None) -> list[tuple[float, tuple[str, ...]]]:
    """The values named beside the plot, each as its lines: every level of a
    scale; else 0, the top and the target (the dotted line), those far enough apart to read."""
    if qualitative:
        return [(float(place), _lines(level)) for place, level in enumerate(scale)]
    named: list[tuple[float, tuple[str, ...]]] = []
    for value in (0.0, goal, top):  # the target before the top, when the two are close
        if value is not None and all(abs(value - other) > top / 6 for other, _ in named):
            named.append((value, (number(value),)))
    return named


def figures(plan: PlanSummary, words: Mapping[str, str] = ENGLISH) -> str:
    """Every benchmark's two charts as HTML figures, titled, for a web page
    (the report handout's; the dashboard lays its own out)."""
    return "\n".join(
        f'<figure class="benchmark-chart"><figcaption>{escape(b.title)} '
        f'<span class="status {status_class(b.status)}">{escape(words[b.status])}</span></figcaption>'
        f'<div class="charts">{progress_svg(b, words)}{history_svg(b, plan.as_of, words)}</div></figure>'
        for b in plan.benchmarks)
