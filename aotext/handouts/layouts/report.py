"""The report layout: the benchmark report of each plan as of a day, with
its table, what to celebrate and its chart, for coordinators."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.types.plan import Plan
from aotext.handouts.compose import Composed, title_block, titled
from aotext.handouts.labels import labels
from aotext.handouts.layouts.base import Layout, Shown
from aotext.handouts.plain import plain
from aotext.handouts.render import RenderError
from aotext.project import Handout, Project

if TYPE_CHECKING:
    from aotext.summary_model import PlanSummary

# What a summary holds that people wrote: a text, or a number or nothing.
Typed = TypeVar("Typed", str, str | None, float | str | None)

CHART = "chart.svg"


def _logs(documents: Sequence[Document], corpus: Corpus, shown: Shown) -> list[Document]:
    """The reflection logs of the plan (documents[0]) the user may see."""
    return [log.source for log in corpus.reflections_of(documents[0].id) if shown(log.source)]


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    """The benchmark summary of one plan (documents[0]) from its logs (the rest), with its chart."""
    # Imported here: lint reads what every layout prints without paying for the summary and its chart.
    from aotext import benchmark_svg
    from aotext.handouts import chart
    from aotext.summary_model import Thresholds
    from aotext.summary_plans import summarize_plan
    from aotext.summary_report import chart_words, plan_markdown

    words = labels(project.lang)
    plan, logs = documents[0], documents[1:]
    view = plan.view
    if not isinstance(view, Plan):
        raise RenderError(f"{plan.path} is not a plan, so it has no benchmark report")
    summary = summarize_plan(Corpus([plan, *logs]), view, as_of, Thresholds(project.on_track_ratio))
    drawn = chart.pictures(summary, words)
    # One picture keeps the name it always had; a long plan's are numbered.
    names = [CHART] if len(drawn) == 1 else [f"chart-{number}.svg" for number in range(1, len(drawn) + 1)]
    rows = chart.ROWS_PER_PICTURE
    described = [chart_words(summary.benchmarks[start:start + rows], words)
                 for start in range(0, len(drawn) * rows, rows)]
    composed = Composed(plan_markdown(_as_typed(summary), heading=False, charts=list(zip(names, described, strict=True)),
                                      web_charts=benchmark_svg.figures(summary, words), words=words),
                        switches=("compact",),
                        images=dict(zip(names, drawn, strict=True)))
    # The report says the day it judges; the title block needs no date.
    return titled(composed, title_block(handout, project, view))


def _as_typed(summary: PlanSummary) -> PlanSummary:
    """`summary` with what people wrote (titles, units, answers on a scale, what
    to do if missed, what the logs celebrate) escaped for the Markdown the
    report is made of, so that each prints as typed; plan_markdown escapes its
    table cells' | itself. The chart draws the words themselves."""
    from aotext.summary_notes import CannotJudge, Move

    def typed(value: Typed) -> Typed:
        return plain(value, pipes=False) if isinstance(value, str) else value

    benchmarks = []
    for benchmark in summary.benchmarks:
        needed, cannot_judge = benchmark.needed, benchmark.cannot_judge
        if isinstance(needed, Move):
            needed = replace(needed, current=typed(needed.current), goal=typed(needed.goal))
        if isinstance(cannot_judge, CannotJudge):
            cannot_judge = replace(cannot_judge, scale=tuple(typed(level) for level in cannot_judge.scale))
        benchmarks.append(replace(
            benchmark, title=typed(benchmark.title), unit=typed(benchmark.unit), target=typed(benchmark.target),
            current=typed(benchmark.current), expected=typed(benchmark.expected),
            if_missed=typed(benchmark.if_missed), needed=needed, cannot_judge=cannot_judge))
    return replace(summary, title=typed(summary.title), benchmarks=tuple(benchmarks),
                   celebrate=tuple(replace(item, what=typed(item.what)) for item in summary.celebrate))


LAYOUT = Layout(name="report", prints=("plan",), formats=("pdf", "docx", "html"), compose=compose, per_plan=True,
                companion_types=("reflection",), companions=_logs, dated=True)
