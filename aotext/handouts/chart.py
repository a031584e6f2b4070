"""The chart of the benchmark report: for each benchmark, its progress against
the pace expected by now, and its measurements over time. Drawn with
matplotlib's object API (imported only here, and only when drawing; no
pyplot, no global state) as a PNG that both PDF and DOCX embed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import threading
import warnings
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from aotext.handouts.labels import ENGLISH
from aotext.summary import BenchmarkSummary, PlanSummary

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

STATUS_COLOURS = {"met": "#2e7d32", "on track": "#1565c0", "behind": "#ef6c00", "overdue": "#c62828",
                  "no data": "#9e9e9e", "not started": "#9e9e9e"}
ACCENT = "#8a3b12"
# A history panel spans at least this long, so a benchmark measured once (or
# never) still gets a readable axis of days rather than hours or years.
SHORTEST_SPAN = dt.timedelta(days=14)
# Python's warning filters are one global list, which catch_warnings swaps in
# and out: one chart at a time may do so.
_QUIET = threading.Lock()


def _progress_panel(axis: Axes, benchmark: BenchmarkSummary, expected_share: float | None,
                    words: Mapping[str, str]) -> None:
    share = min(benchmark.progress or 0.0, 1.5)
    axis.barh([0], [share], color=STATUS_COLOURS[benchmark.status], height=0.5)
    axis.axvline(1.0, color="#424242", linewidth=1)
    if expected_share is not None:
        axis.axvline(expected_share, color=ACCENT, linestyle="--", linewidth=1.2)
    axis.set_xlim(0, 1.5)
    axis.set_yticks([])
    axis.set_xticks([0, 0.5, 1.0, 1.5], ["0", "50%", words["target mark"], "150%"])
    axis.tick_params(labelsize=6)
    axis.set_title(words[benchmark.status], fontsize=8, loc="left", color=STATUS_COLOURS[benchmark.status])


def _span(benchmark: BenchmarkSummary, days: list[dt.date], as_of: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days a history panel shows when its data span too short a time
    (None: let matplotlib fit the data). Nothing measured: the weeks up to as_of."""
    if benchmark.kind != "qualitative" and benchmark.history:
        return None  # bars a period wide each
    if not days:
        return as_of - SHORTEST_SPAN, as_of
    first, last = min(days), max(days)
    if last - first >= SHORTEST_SPAN:
        return None
    middle = first + (last - first) / 2
    return middle - SHORTEST_SPAN / 2, middle + SHORTEST_SPAN / 2


def _numbers(days: Sequence[dt.date]) -> list[float]:
    """Days as matplotlib's date numbers (the axis knows they are dates)."""
    from matplotlib import dates

    return [float(number) for number in dates.date2num(list(days))]  # type: ignore[no-untyped-call]


def _history_panel(axis: Axes, benchmark: BenchmarkSummary, as_of: dt.date, words: Mapping[str, str]) -> None:
    """Measurements over time against the target: levels on the scale, counts
    per period, or the running total (sum) or latest value."""
    from matplotlib import dates

    axis.xaxis_date()
    points = [m for m in benchmark.measurements if (m.level if benchmark.kind == "qualitative" else m.value) is not None]
    days = [m.day for m in points]
    target: float | None = benchmark.target if isinstance(benchmark.target, float) else None
    if benchmark.kind == "qualitative":
        scale = list(benchmark.scale)
        axis.step(_numbers(days), [scale.index(m.level) for m in points if m.level is not None], where="post", color=ACCENT,
                  marker="o", markersize=3)
        axis.set_yticks(range(len(scale)), scale, fontsize=6)
        axis.set_ylim(-0.5, len(scale) - 0.5)
        target = float(scale.index(benchmark.target)) if isinstance(benchmark.target, str) and benchmark.target in scale \
            else None
    elif benchmark.history:
        axis.bar(_numbers([p.first for p in benchmark.history]), [p.value or 0 for p in benchmark.history], width=20,
                 align="edge", color=[STATUS_COLOURS["met"] if p.met else "#bdbdbd" for p in benchmark.history])
    else:
        values = [m.value or 0.0 for m in points]
        if benchmark.combine == "sum":
            values = [sum(values[: index + 1]) for index in range(len(values))]
        axis.plot(_numbers(days), values, color=ACCENT, marker="o", markersize=3)
        if not points:
            axis.set_ylim(0, max(target or 0.0, 1.0) * 1.1)
    if target is not None:
        axis.axhline(target, color="#424242", linewidth=0.8, linestyle=":")
    span = _span(benchmark, days, as_of)
    if span is not None:
        axis.set_xlim(*_numbers(span))
    locator = dates.AutoDateLocator(minticks=3, maxticks=5)  # type: ignore[no-untyped-call]
    axis.xaxis.set_major_locator(locator)
    axis.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axis.tick_params(labelsize=6)
    axis.xaxis.get_offset_text().set_fontsize(6)
    if not points:
        axis.text(0.5, 0.5, words["nothing measured"], transform=axis.transAxes, ha="center", va="center",
                  fontsize=7, color="#757575")


def figure(plan: PlanSummary, words: Mapping[str, str] = ENGLISH) -> Figure:
    """The chart as a matplotlib Figure of its own (nothing shared with other charts), its words in `words`."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rows = max(1, len(plan.benchmarks))
    chart = Figure(figsize=(7.2, 1.25 * rows + 0.4))
    FigureCanvasAgg(chart)  # its own canvas, which lays it out and draws it: no pyplot, no process-wide backend
    axes = chart.subplots(rows, 2, squeeze=False, gridspec_kw={"width_ratios": [1, 1.6]})
    for (progress, history), benchmark in zip(axes, plan.benchmarks, strict=False):
        _progress_panel(progress, benchmark, benchmark.expected_share, words)
        progress.set_ylabel(_wrap(benchmark.title), rotation=0, ha="right", va="center", fontsize=7)
        _history_panel(history, benchmark, plan.as_of, words)
    chart.tight_layout()
    return chart


def png(chart: Figure) -> bytes:
    buffer = io.BytesIO()
    chart.savefig(buffer, format="png", dpi=150, metadata={"Software": None})
    return buffer.getvalue()


# Benchmarks drawn in one picture: more make one more picture, so a plan with
# hundreds of benchmarks costs as much per benchmark as a small one (one
# picture of 300 rows was 56,000 pixels tall and took 1.1 GB to draw).
ROWS_PER_PICTURE = 8


def pictures(plan: PlanSummary, words: Mapping[str, str] = ENGLISH) -> list[bytes]:
    """The chart as pictures of at most ROWS_PER_PICTURE benchmarks each, in order."""
    rows = plan.benchmarks
    return [draw(dataclasses.replace(plan, benchmarks=rows[start:start + ROWS_PER_PICTURE]), words)
            for start in range(0, max(1, len(rows)), ROWS_PER_PICTURE)]


def draw(plan: PlanSummary, words: Mapping[str, str] = ENGLISH) -> bytes:
    """PNG bytes of the chart, the same bytes for the same summary. Whatever
    matplotlib still warns about stays here: it means nothing to the reader."""
    with _QUIET, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return png(figure(plan, words))


def _wrap(title: str, width: int = 28) -> str:
    words, lines, line = title.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])
