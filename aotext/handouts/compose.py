"""Turn documents into the pandoc Markdown of one handout, per layout.

The documents' own bodies are Markdown already; this module only arranges
them (order, headings, agenda, answer space) and leaves the audience to the
pandoc filter, which drops or styles the ::: facilitator blocks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from aotext.agenda import build_agenda, clock, module_label, ordered_modules
from aotext.corpus import Corpus, entries, text
from aotext.model import Document
from aotext.project import Handout, Project
from aotext.summary import Thresholds, summarize_plan
from aotext.summary_report import plan_markdown

DEFAULT_ANSWER_LINES = 6


@dataclass(frozen=True)
class Composed:
    markdown: str
    metadata: dict[str, str] = field(default_factory=dict)
    # Typst template switches: compact (the one-page plan).
    switches: tuple[str, ...] = ()
    # Pictures the Markdown refers to by file name: name -> PNG bytes.
    images: dict[str, bytes] = field(default_factory=dict)


def _escape(value: object) -> str:
    """Plain text made safe inside Markdown tables and emphasis."""
    return str(value).replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("\n", " ").strip()


def _fenced(classes: str, content: str) -> str:
    # Six colons so the documents' own ::: blocks can nest inside.
    return f":::::: {{{classes}}}\n{content}\n::::::\n"


def _module_heading(module: Document) -> str:
    return f"# {_escape(module_label(module))}\n"


def _objectives(module: Document) -> str:
    objectives = [item for item in module.data.get("objectives", []) if isinstance(item, str)]
    if not objectives:
        return ""
    return "**What you will take away**\n\n" + "".join(f"- {_escape(item)}\n" for item in objectives) + "\n"


def _module_timing(module: Document) -> str:
    """Minutes and activities of a module, for facilitators only."""
    activities = [
        f"{_escape(activity.get('title', ''))} ({str(activity.get('kind', '')).replace('-', ' ')}, {activity.get('minutes', '?')} min)"
        for _, activity in entries(module.data, "activities")
    ]
    lines = f"**{module.data.get('minutes', '?')} minutes.**"
    if activities:
        lines += " Activities: " + "; ".join(activities) + "."
    return _fenced(".facilitator", lines)


def agenda_markdown(modules: Sequence[Document], project: Project) -> str:
    days = build_agenda(modules, project.days)
    out = ["# Agenda\n"]
    for day in days:
        if len(days) > 1 or day.day.date:
            out.append(f"## Day {day.number}{f' ({day.day.date})' if day.day.date else ''}\n")
        out.append("| Time | Minutes | What |\n|:----|----:|:--------------------------|")
        for slot in day.slots:
            label = f"**{_escape(slot.title)}**" if slot.kind in ("module", "break") else f"&emsp;{_escape(slot.title)}"
            out.append(f"| {clock(slot.start)} | {slot.minutes} | {label} |")
        out.append(f"| {clock(day.finish)} | | **End of day** |\n")
        if day.overrun:
            out.append(f"This day runs {day.overrun} minutes past its end at {day.day.end}.\n")
    return "\n".join(out) + "\n"


def workshop(handout: Handout, documents: Sequence[Document], project: Project) -> Composed:
    """Every module in order; facilitator handouts add timings (and the agenda if asked)."""
    modules = ordered_modules([d for d in documents if d.type == "module"])
    parts = [agenda_markdown(modules, project)] if handout.agenda else []
    for module in modules:
        if parts and module.data.get("break") is not True:  # a break needs no page of its own
            parts.append(_fenced(".page-break", ""))
        parts.append(_module_heading(module))
        if handout.audience != "participant":
            parts.append(_module_timing(module))
        parts.append(_objectives(module))
        parts.append(module.body.strip() + "\n")
    return Composed("\n".join(parts))


def worksheet(questions: Sequence[Document], module_context: Sequence[Document]) -> Composed:
    """Questions grouped under their module, each with its answer space."""
    modules = {m.id: m for m in module_context}
    order = {m.id: index for index, m in enumerate(ordered_modules(module_context))}
    questions = list(questions)
    questions.sort(key=lambda q: (order.get(q.data.get("module"), len(order)), q.data.get("number", 0)))
    parts: list[str] = []
    current = object()
    for question in questions:
        module_id = question.data.get("module")
        if module_id != current:
            current = module_id
            module = modules.get(module_id)
            parts.append(f"# {_escape(module_label(module)) if module else 'Other questions'}\n")
        prompt = f"**{question.data.get('number')}. {_escape(question.data.get('prompt', ''))}**\n"
        hint = question.body.strip() + "\n" if question.body.strip() else ""
        lines = question.data.get("answer_lines", DEFAULT_ANSWER_LINES)
        parts.append(_fenced(".question", prompt + "\n" + hint + "\n" + f"::: {{.answer-lines lines={lines}}}\n:::\n"))
    return Composed("\n".join(parts))


def _labels(plan: Document) -> dict[str, str]:
    """Short labels for a plan's parts (G1, S2, T3), so a page can show how they connect."""
    labels = {}
    for section, letter in (("goals", "G"), ("strategies", "S"), ("tactics", "T")):
        for number, (_, item) in enumerate(entries(plan.data, section), start=1):
            if text(item, "id"):
                labels[item["id"]] = f"{letter}{number}"
    return labels


def _links(item: dict, key: str, labels: dict[str, str]) -> str:
    return ", ".join(labels.get(target, _escape(target)) for target in item.get(key, []) if isinstance(target, str))


def _benchmark_target(benchmark: dict) -> str:
    if benchmark.get("kind") == "qualitative":
        scale = " · ".join(_escape(level) for level in benchmark.get("scale", []))
        return f"**{_escape(benchmark.get('target_level', '?'))}** on: {scale}"
    per = f" each {benchmark['every']}" if benchmark.get("every") else ""
    how = {"sum": "counted up", "latest": "latest count"}.get(benchmark.get("combine"), "")
    return f"**{benchmark.get('target', '?')}** {_escape(benchmark.get('unit', ''))}{per}" + (f" ({how})" if how else "")


def _benchmark_when(benchmark: dict) -> str:
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
    out += [f"- **{labels.get(item.get('id'), '')}** {_escape(item.get('title', ''))}" for _, item in entries(data, "goals")]
    out.append("\n## Strategies: how we want to achieve it\n")
    out += [f"- **{labels.get(item.get('id'), '')}** {_escape(item.get('title', ''))} *(serves {_links(item, 'serves', labels)})*"
            for _, item in entries(data, "strategies")]
    out.append("\n## Tactics: the nuts and bolts to get there\n")
    out += [f"- **{labels.get(item.get('id'), '')}** {_escape(item.get('title', ''))} *(serves {_links(item, 'serves', labels)})*"
            for _, item in entries(data, "tactics")]
    out.append("\n## Benchmarks: how we know we're on our way\n")
    # The dashes set the relative column widths.
    out.append("| Benchmark | Measures | Target | When | If we miss it |\n"
               "|:-----------------|:----|:-----------|:---------|:------------------------|")
    for _, benchmark in entries(data, "benchmarks"):
        out.append(
            f"| **{_escape(benchmark.get('title', ''))}** | {_links(benchmark, 'measures', labels)} | "
            f"{_benchmark_target(benchmark)} | {_benchmark_when(benchmark)} | {_escape(benchmark.get('if_missed', '—'))} |"
        )
    return Composed("\n".join(out) + "\n", {"subtitle": subtitle}, switches=("compact",))


def benchmark_report(plan: Document, logs: Sequence[Document], as_of: dt.date, thresholds: Thresholds) -> Composed:
    """The benchmark summary of one plan with its chart, for coordinators."""
    from aotext.handouts.chart import draw

    summary = summarize_plan(Corpus([plan, *logs]), plan, as_of, thresholds)
    return Composed(plan_markdown(summary, heading=False, chart="chart.png"), switches=("compact",),
                    images={"chart.png": draw(summary)})


def slides(documents: Sequence[Document]) -> Composed:
    """One slide per module: its objectives and sections; its facilitator blocks become speaker notes."""
    parts = []
    for module in ordered_modules([d for d in documents if d.type == "module"]):
        parts.append(_module_heading(module))
        objectives = [item for item in module.data.get("objectives", []) if isinstance(item, str)]
        parts.append("".join(f"- {_escape(item)}\n" for item in objectives))
        parts.append(_fenced(".slide-body", module.body.strip()))
    return Composed("\n".join(parts))
