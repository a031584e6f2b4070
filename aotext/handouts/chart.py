"""The chart of the benchmark report in print: for each benchmark, its title
and status, its progress against the pace expected by now, and its
measurements over time: the same two charts the report's web page and the
dashboard show (aotext.benchmark_svg), laid out as one SVG picture.

typst sets the SVG in the PDF as it is, sharp at any size; the DOCX gets the
same picture as PNG, which typst draws too (formats/docx.py). Written as SVG
text, a plan's chart costs a millisecond where a matplotlib figure cost a
fifth of a second, which made up two fifths of a build of 50 plans."""

from __future__ import annotations

import dataclasses
import datetime as dt
import textwrap
from collections.abc import Mapping, Sequence
from html import escape

from aotext.benchmark_svg import HISTORY_HEIGHT, PROGRESS_HEIGHT, WIDTH, history_svg, progress_svg, status_class
from aotext.handouts.labels import ENGLISH
from aotext.summary_model import BenchmarkSummary, PlanSummary

# Benchmarks drawn in one picture: more make one more picture, so a plan with
# hundreds of benchmarks costs as much per benchmark as a small one.
ROWS_PER_PICTURE = 8

# The picture's width and one benchmark's row, in the picture's own units (set
# at the width of the page's text, a unit is about 0.85 points).
PICTURE_WIDTH, ROW = 560, 84
_TITLE_RIGHT, _PROGRESS_LEFT, _PROGRESS_WIDTH, _HISTORY_LEFT = 140, 150, 160, 320
_HISTORY_WIDTH = PICTURE_WIDTH - _HISTORY_LEFT
_TITLE_LETTERS = 26  # a line of a benchmark's title, at the title's size
# Colours for paper: the statuses as the report's table names them, the
# charts' lines in the handouts' accent colour. The web page's own colours
# follow the reader's light or dark setting (aotext/templates/page.css).
_PRINT_STYLE = """<style>
text { fill: #1d1d1d; font-family: 'Libertinus Serif', serif; }
.title { font-size: 10px; }
.status { font-size: 10px; font-weight: bold; }
.chart-progress text { font-size: 16px; }
.chart-history text { font-size: 11px; }
.track { fill: #e6e6e6; }
.target, .axis { stroke: #1d1d1d; stroke-width: 1.2; }
.pace { stroke: #8a3b12; stroke-width: 3; stroke-dasharray: 4 3; }
.goal { stroke: #1d1d1d; stroke-width: 1; stroke-dasharray: 1 3; }
.history { fill: none; stroke: #8a3b12; stroke-width: 1.8; }
.point { fill: #8a3b12; }
.period.met { fill: #2e7d32; }
.period.missed { fill: #e6e6e6; stroke: #5f5f5f; stroke-width: 0.8; }
.met { fill: #2e7d32; } .on-track { fill: #1565c0; } .behind { fill: #b35900; } .overdue { fill: #c62828; }
.no-data, .not-started { fill: #5f5f5f; }
</style>"""


def pictures(plan: PlanSummary, words: Mapping[str, str] = ENGLISH) -> list[bytes]:
    """The chart as SVG pictures of at most ROWS_PER_PICTURE benchmarks each, in order."""
    rows = plan.benchmarks
    return [draw(dataclasses.replace(plan, benchmarks=rows[start:start + ROWS_PER_PICTURE]), words)
            for start in range(0, max(1, len(rows)), ROWS_PER_PICTURE)]


def draw(plan: PlanSummary, words: Mapping[str, str] = ENGLISH) -> bytes:
    """One picture of the plan's benchmarks: the same bytes for the same summary."""
    rows = [_row(benchmark, index * ROW, plan.as_of, words) for index, benchmark in enumerate(plan.benchmarks)]
    if not rows:
        rows = [f'<text class="title" x="{PICTURE_WIDTH / 2}" y="40" text-anchor="middle">'
                f'{escape(words["nothing measured"])}</text>']
    height = max(1, len(plan.benchmarks)) * ROW
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {PICTURE_WIDTH} {height}" '
            f'width="{PICTURE_WIDTH}" height="{height}">{_PRINT_STYLE}{"".join(rows)}</svg>').encode()


def _row(benchmark: BenchmarkSummary, top: float, as_of: dt.date, words: Mapping[str, str]) -> str:
    """A benchmark's title (right-aligned, left of its charts), its status, and its two charts."""
    lines = _wrap(benchmark.title)
    first = top + 40 - 6 * (len(lines) - 1)
    title = "".join(f'<text class="title" x="{_TITLE_RIGHT}" y="{first + 12 * number:.1f}" text-anchor="end">'
                    f"{escape(line)}</text>" for number, line in enumerate(lines))
    status = (f'<text class="status {status_class(benchmark.status)}" x="{_PROGRESS_LEFT}" y="{top + 22}">'
              f"{escape(words[benchmark.status])}</text>")
    progress = progress_svg(benchmark, words, at=(_PROGRESS_LEFT, top + 28, _PROGRESS_WIDTH,
                                                  _PROGRESS_WIDTH * PROGRESS_HEIGHT / WIDTH))
    history = history_svg(benchmark, as_of, words, at=(_HISTORY_LEFT, top + 4, _HISTORY_WIDTH,
                                                       _HISTORY_WIDTH * HISTORY_HEIGHT / WIDTH))
    return title + status + progress + history


def _wrap(title: str) -> Sequence[str]:
    """A title in lines of about _TITLE_LETTERS letters, at most four (the last shortened)."""
    return textwrap.wrap(title, _TITLE_LETTERS, break_long_words=False, max_lines=4, placeholder=" …") or [""]
