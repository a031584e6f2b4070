"""The plan layout: one page per campaign plan, showing how its goals,
strategies, tactics and benchmarks connect."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.types.plan import Benchmark, NumericBenchmark, Plan, ScaleBenchmark
from aotext.documents.types.scenario import Scenario
from aotext.handouts.compose import Composed, escape, title_block, titled, views
from aotext.handouts.layouts.base import Layout, Shown
from aotext.project import Handout, Project


def _scenario(documents: Sequence[Document], corpus: Corpus, shown: Shown) -> list[Document]:
    """The scenario the plan is for, read for its title."""
    plan = documents[0].view
    scenario = corpus.find_view(plan.scenario, Scenario) if isinstance(plan, Plan) else None
    return [scenario.source] if scenario and shown(scenario.source) else []


def _labels(plan: Plan) -> dict[str, str]:
    """Short labels for a plan's parts (G1, S2, T3), so a page can show how they connect."""
    labels = {}
    for parts, letter in ((plan.goals, "G"), (plan.strategies, "S"), (plan.tactics, "T")):
        for number, part in enumerate(parts, start=1):
            if part.id:
                labels[part.id] = f"{letter}{number}"
    return labels


def _links(targets: Sequence[str], labels: dict[str, str]) -> str:
    return ", ".join(labels.get(target, escape(target)) for target in targets)


def _benchmark_target(benchmark: Benchmark) -> str:
    match benchmark:
        case ScaleBenchmark():
            scale = " · ".join(escape(level) for level in benchmark.scale)
            return f"**{escape(benchmark.target_level or '?')}** on: {scale}"
        case NumericBenchmark():
            per = f" each {benchmark.every}" if benchmark.every else ""
            how = {"sum": "counted up", "latest": "latest count"}.get(benchmark.combine or "", "")
            target = "?" if benchmark.target is None else f"{benchmark.target:g}"
            return f"**{target}** {escape(benchmark.unit or '')}{per}" + (f" ({how})" if how else "")


def _benchmark_when(benchmark: Benchmark) -> str:
    parts = []
    if benchmark.start:
        parts.append(f"from {benchmark.start}")
    if benchmark.due:
        parts.append(f"by {benchmark.due}")
    if benchmark.every:
        parts.append(f"every {benchmark.every}")
    return ", ".join(parts)


def one_page_plan(plan: Plan, scenario: Scenario | None) -> Composed:
    """Goals, the strategies that serve them, the tactics that serve those and
    the benchmarks that measure them, compact enough for one page."""
    labels = _labels(plan)
    subtitle = f"Scenario: {scenario.title if scenario else plan.scenario or ''}"
    subtitle += f" · started {plan.started}" + (f" · runs to {plan.ends}" if plan.ends else "")
    subtitle += f" · we reflect every {plan.reflect_every}"
    out = ["## Goals: what we hope to achieve\n"]
    out += [f"- **{labels.get(goal.id or '', '')}** {escape(goal.title)}" for goal in plan.goals]
    out.append("\n## Strategies: how we want to achieve it\n")
    out += [f"- **{labels.get(item.id or '', '')}** {escape(item.title)} *(serves {_links(item.serves, labels)})*"
            for item in plan.strategies]
    out.append("\n## Tactics: the nuts and bolts to get there\n")
    out += [f"- **{labels.get(item.id or '', '')}** {escape(item.title)} *(serves {_links(item.serves, labels)})*"
            for item in plan.tactics]
    out.append("\n## Benchmarks: how we know we're on our way\n")
    # The dashes set the relative column widths.
    out.append("| Benchmark | Measures | Target | When | If we miss it |\n"
               "|:-----------------|:----|:-----------|:---------|:------------------------|")
    for benchmark in plan.benchmarks:
        out.append(
            f"| **{escape(benchmark.title)}** | {_links(benchmark.measures, labels)} | "
            f"{_benchmark_target(benchmark)} | {_benchmark_when(benchmark)} | {escape(benchmark.if_missed or '—')} |"
        )
    return Composed("\n".join(out) + "\n", {"subtitle": subtitle}, switches=("compact",))


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    [plan] = views(documents[:1], Plan)
    scenarios = views(context, Scenario)
    return titled(one_page_plan(plan, scenarios[0] if scenarios else None), title_block(handout, project, plan))


LAYOUT = Layout(name="plan", prints=("plan",), formats=("pdf", "docx", "html"), compose=compose, per_plan=True,
                context_types=("scenario",), context=_scenario)
