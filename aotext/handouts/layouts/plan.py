"""The plan layout: one page per campaign plan, showing how its goals,
strategies, tactics and benchmarks connect."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.types.plan import Benchmark, NumericBenchmark, Part, Plan, ScaleBenchmark, Serving
from aotext.documents.types.scenario import Scenario
from aotext.handouts.compose import Composed, title_block, titled, views
from aotext.handouts.labels import labels, period_words
from aotext.handouts.layouts.base import Layout, Shown
from aotext.handouts.plain import plain
from aotext.project import Handout, Project


def _scenario(documents: Sequence[Document], corpus: Corpus, shown: Shown) -> list[Document]:
    """The scenario the plan is for, read for its title."""
    plan = documents[0].view
    scenario = corpus.find_view(plan.scenario, Scenario) if isinstance(plan, Plan) else None
    return [scenario.source] if scenario and shown(scenario.source) else []


def _short_names(plan: Plan, words: Mapping[str, str]) -> dict[str, str]:
    """Short names for a plan's parts (G1, S2, T3), so a page can show how they connect."""
    names = {}
    parts: tuple[Sequence[Part], ...] = (plan.goals, plan.strategies, plan.tactics)
    for items in parts:
        for number, item in enumerate(items, start=1):
            if item.id:
                names[item.id] = f"{words[f'letter:{item.kind}']}{number}"
    return names


def _links(targets: Sequence[str], names: dict[str, str]) -> str:
    return ", ".join(names.get(target, plain(target)) for target in targets)


def _benchmark_target(benchmark: Benchmark, words: Mapping[str, str]) -> str:
    match benchmark:
        case ScaleBenchmark():
            scale = " · ".join(plain(level) for level in benchmark.scale)
            return f"**{plain(benchmark.target_level or '?')}** {words['on scale']} {scale}"
        case NumericBenchmark():
            every = benchmark.every
            per = f" {words['each period'].format(period=period_words(words, every))}" if every else ""
            how = words.get(f"combine:{benchmark.combine}", "")
            target = "?" if benchmark.target is None else f"{benchmark.target:g}"
            return f"**{target}** {plain(benchmark.unit or '')}{per}" + (f" ({how})" if how else "")


def _benchmark_when(benchmark: Benchmark, words: Mapping[str, str]) -> str:
    parts = []
    if benchmark.start:
        parts.append(words["from date"].format(date=benchmark.start))
    if benchmark.due:
        parts.append(words["by date"].format(date=benchmark.due))
    if benchmark.every:
        parts.append(words["every period"].format(period=period_words(words, benchmark.every)))
    return ", ".join(parts)


def one_page_plan(plan: Plan, scenario: Scenario | None, words: Mapping[str, str]) -> Composed:
    """Goals, the strategies that serve them, the tactics that serve those and
    the benchmarks that measure them, compact enough for one page."""
    names = _short_names(plan, words)
    subtitle = " · ".join([
        words["plan scenario"].format(scenario=scenario.title if scenario else plan.scenario or ""),
        words["plan started"].format(date=plan.started),
        *([words["plan runs to"].format(date=plan.ends)] if plan.ends else []),
        words["plan reflects"].format(every=period_words(words, plan.reflect_every or "")),
    ])

    def serving(items: Sequence[Serving]) -> list[str]:
        return [f"- **{names.get(item.id or '', '')}** {plain(item.title)} "
                f"*({words['serves'].format(parts=_links(item.serves, names))})*" for item in items]

    out = [f"## {words['goals']}\n"]
    out += [f"- **{names.get(goal.id or '', '')}** {plain(goal.title)}" for goal in plan.goals]
    out += [f"\n## {words['strategies']}\n", *serving(plan.strategies)]
    out += [f"\n## {words['tactics']}\n", *serving(plan.tactics)]
    out.append(f"\n## {words['benchmarks']}\n")
    columns = ("benchmark", "measures", "target", "when", "if we miss it")
    # The dashes set the relative column widths.
    out.append("| " + " | ".join(words[column] for column in columns) + " |\n"
               "|:-----------------|:----|:-----------|:---------|:------------------------|")
    for benchmark in plan.benchmarks:
        out.append(
            f"| **{plain(benchmark.title)}** | {_links(benchmark.measures, names)} | "
            f"{_benchmark_target(benchmark, words)} | {_benchmark_when(benchmark, words)} | "
            f"{plain(benchmark.if_missed or '—')} |"
        )
    return Composed("\n".join(out) + "\n", {"subtitle": subtitle}, switches=("compact",))


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    [plan] = views(documents[:1], Plan)
    scenarios = views(context, Scenario)
    return titled(one_page_plan(plan, scenarios[0] if scenarios else None, labels(project.lang)),
                  title_block(handout, project, plan))


LAYOUT = Layout(name="plan", prints=("plan",), formats=("pdf", "docx", "html"), compose=compose, per_plan=True,
                context_types=("scenario",), context=_scenario)
