"""The plan layout: one page per campaign plan, showing how its goals,
strategies, tactics and benchmarks connect."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.fields import Data, text
from aotext.documents.fields import items as entries
from aotext.handouts.compose import Composed, escape, title_block, titled
from aotext.handouts.layouts.base import Layout, Shown
from aotext.project import Handout, Project


def _scenario(documents: Sequence[Document], corpus: Corpus, shown: Shown) -> list[Document]:
    """The scenario the plan is for, read for its title."""
    scenario = corpus.find(documents[0].data.get("scenario"))
    return [scenario] if scenario and shown(scenario) else []


def _labels(plan: Document) -> dict[str, str]:
    """Short labels for a plan's parts (G1, S2, T3), so a page can show how they connect."""
    labels = {}
    for section, letter in (("goals", "G"), ("strategies", "S"), ("tactics", "T")):
        for number, (_, item) in enumerate(entries(plan.data, section), start=1):
            if text(item, "id"):
                labels[item["id"]] = f"{letter}{number}"
    return labels


def _label(labels: dict[str, str], item: Data) -> str:
    key = item.get("id")
    return labels.get(key, "") if isinstance(key, str) else ""


def _links(item: Data, key: str, labels: dict[str, str]) -> str:
    return ", ".join(labels.get(target, escape(target)) for target in item.get(key, []) if isinstance(target, str))


def _benchmark_target(benchmark: Data) -> str:
    if benchmark.get("kind") == "qualitative":
        scale = " · ".join(escape(level) for level in benchmark.get("scale", []))
        return f"**{escape(benchmark.get('target_level', '?'))}** on: {scale}"
    per = f" each {benchmark['every']}" if benchmark.get("every") else ""
    how = {"sum": "counted up", "latest": "latest count"}.get(str(benchmark.get("combine")), "")
    return f"**{benchmark.get('target', '?')}** {escape(benchmark.get('unit', ''))}{per}" + (f" ({how})" if how else "")


def _benchmark_when(benchmark: Data) -> str:
    parts = []
    if benchmark.get("start"):
        parts.append(f"from {benchmark['start']}")
    if benchmark.get("due"):
        parts.append(f"by {benchmark['due']}")
    if benchmark.get("every"):
        parts.append(f"every {benchmark['every']}")
    return ", ".join(parts)


def one_page_plan(plan: Document, scenario: Document | None) -> Composed:
    """Goals, the strategies that serve them, the tactics that serve those and
    the benchmarks that measure them, compact enough for one page."""
    data = plan.data
    labels = _labels(plan)
    subtitle = f"Scenario: {scenario.data.get('title', scenario.id) if scenario else data.get('scenario', '')}"
    subtitle += f" · started {data.get('started')}" + (f" · runs to {data['ends']}" if data.get("ends") else "")
    subtitle += f" · we reflect every {data.get('reflect_every')}"
    out = ["## Goals: what we hope to achieve\n"]
    out += [f"- **{_label(labels, item)}** {escape(item.get('title', ''))}" for _, item in entries(data, "goals")]
    out.append("\n## Strategies: how we want to achieve it\n")
    out += [f"- **{_label(labels, item)}** {escape(item.get('title', ''))} *(serves {_links(item, 'serves', labels)})*"
            for _, item in entries(data, "strategies")]
    out.append("\n## Tactics: the nuts and bolts to get there\n")
    out += [f"- **{_label(labels, item)}** {escape(item.get('title', ''))} *(serves {_links(item, 'serves', labels)})*"
            for _, item in entries(data, "tactics")]
    out.append("\n## Benchmarks: how we know we're on our way\n")
    # The dashes set the relative column widths.
    out.append("| Benchmark | Measures | Target | When | If we miss it |\n"
               "|:-----------------|:----|:-----------|:---------|:------------------------|")
    for _, benchmark in entries(data, "benchmarks"):
        out.append(
            f"| **{escape(benchmark.get('title', ''))}** | {_links(benchmark, 'measures', labels)} | "
            f"{_benchmark_target(benchmark)} | {_benchmark_when(benchmark)} | {escape(benchmark.get('if_missed', '—'))} |"
        )
    return Composed("\n".join(out) + "\n", {"subtitle": subtitle}, switches=("compact",))


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    plan = documents[0]
    return titled(one_page_plan(plan, context[0] if context else None), title_block(handout, project, plan))


LAYOUT = Layout(name="plan", prints=("plan",), formats=("pdf", "docx"), compose=compose, per_plan=True,
                context_types=("scenario",), context=_scenario)
