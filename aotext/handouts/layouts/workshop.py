"""The workshop layout: every module in order, as a participant handout or a
facilitator guide (with timings, and the agenda when asked)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from aotext.agenda import Slot, build_agenda, clock
from aotext.documents.document import Document
from aotext.documents.types.module import Module
from aotext.handouts.compose import (
    Composed,
    activity_anchor,
    escape,
    fenced,
    module_anchor,
    module_heading,
    modules_in_order,
    title_block,
    titled,
)
from aotext.handouts.images import printed_body
from aotext.handouts.layouts.base import Layout
from aotext.project import Handout, Project


def _objectives(module: Module) -> str:
    if not module.objectives:
        return ""
    return "**What you will take away**\n\n" + "".join(f"- {escape(item)}\n" for item in module.objectives) + "\n"


def _minutes(minutes: int | None) -> str:
    return "?" if minutes is None else str(minutes)


def _module_timing(module: Module) -> str:
    """Minutes and activities of a module, for facilitators only; each
    activity has an anchor the agenda links to."""
    activities = [
        f"[{escape(activity.title)}]{{#{activity_anchor(module.id or '', activity)}}} "
        f"({(activity.kind or '').replace('-', ' ')}, {_minutes(activity.minutes)} min)"
        for activity in module.activities
    ]
    lines = f"**{_minutes(module.minutes)} minutes.**"
    if activities:
        lines += " Activities: " + "; ".join(activities) + "."
    return fenced(".facilitator", lines)


def _linked(slot: Slot, activities_shown: bool) -> str:
    """The slot's title, linked to its module or (where the timings are printed) its activity."""
    title = escape(slot.title)
    if slot.kind in ("module", "break"):
        return f"**[{title}](#{module_anchor(slot.module_id)})**" if slot.module_id else f"**{title}**"
    if slot.activity is not None and activities_shown:
        return f"&emsp;[{title}](#{activity_anchor(slot.module_id, slot.activity)})"
    return f"&emsp;{title}"


def agenda_markdown(modules: Sequence[Module], project: Project, activities_shown: bool = True) -> str:
    days = build_agenda(modules, project.days)
    out = ["# Agenda\n"]
    for day in days:
        if len(days) > 1 or day.day.date:
            out.append(f"## Day {day.number}{f' ({day.day.date})' if day.day.date else ''}\n")
        out.append("| Time | Minutes | What |\n|:----|----:|:--------------------------|")
        for slot in day.slots:
            out.append(f"| {clock(slot.start)} | {slot.minutes} | {_linked(slot, activities_shown)} |")
        out.append(f"| {clock(day.finish)} | | **End of day** |\n")
        if day.overrun:
            out.append(f"This day runs {day.overrun} minutes past its end at {day.day.end}.\n")
    return "\n".join(out) + "\n"


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    """Every module in order; facilitator handouts add timings (and the agenda if asked)."""
    modules = modules_in_order(documents)
    shown = handout.audience != "participant"  # only they read the timings, where activities have anchors
    parts = [agenda_markdown(modules, project, shown)] if handout.agenda else []
    images: dict[str, bytes] = {}
    for module in modules:
        if parts and not module.is_break:  # a break needs no page of its own
            parts.append(fenced(".page-break", ""))
        parts.append(module_heading(module))
        if handout.audience != "participant":
            parts.append(_module_timing(module))
        parts.append(_objectives(module))
        parts.append(printed_body(module.source, images).strip() + "\n")
    return titled(Composed("\n".join(parts), images=images), title_block(handout, project))


LAYOUT = Layout(name="workshop", prints=("module",), formats=("pdf", "docx", "html"), compose=compose)
