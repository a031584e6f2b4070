"""The workshop layout: every module in order, as a participant handout or a
facilitator guide (with timings, and the agenda when asked)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from aotext.agenda import MODULE_PRESENTATION, Slot, build_agenda, clock, clock_minutes
from aotext.documents.document import Document
from aotext.documents.types.module import Module
from aotext.handouts.compose import (
    Composed,
    Voice,
    activity_anchor,
    beneath,
    escape,
    fenced,
    module_anchor,
    module_heading,
    modules_in_order,
    title_block,
    titled,
    voice,
)
from aotext.handouts.images import printed_body
from aotext.handouts.labels import kind_words, labels
from aotext.handouts.layouts.base import Layout
from aotext.project import Handout, Project


def _objectives(module: Module, words: Mapping[str, str], spoken: Voice) -> str:
    if not module.objectives:
        return ""
    return (f"**{spoken.label(words['objectives'])}**\n\n" + "".join(f"- {escape(item)}\n" for item in module.objectives)
            + "\n")


def _minutes(minutes: int | None) -> str:
    return "?" if minutes is None else str(minutes)


def _module_timing(module: Module, words: Mapping[str, str], spoken: Voice) -> str:
    """Minutes and activities of a module, for facilitators only; each
    activity has an anchor the agenda links to."""
    activities = [
        f"[{escape(activity.title)}]{{#{activity_anchor(module.id or '', activity)}}} " + spoken.label(
            f"({kind_words(words, activity.kind)}, "
            f"{_minutes(activity.minutes)} {words['min']})")
        for activity in module.activities
    ]
    lines = f"**{spoken.label(words['module minutes'].format(minutes=_minutes(module.minutes)))}**"
    if activities:
        lines += f" {spoken.label(words['activities'] + ':')} " + "; ".join(activities) + "."
    return fenced(".facilitator", lines)


def _linked(slot: Slot, activities_shown: bool, words: Mapping[str, str], spoken: Voice) -> str:
    """The slot's title, linked to its module or (where the timings are printed) its activity;
    `spoken` is the voice of its module, whose language a title is in."""
    title = escape(words["presentation"]) if slot.kind == MODULE_PRESENTATION else spoken.text(escape(slot.title))
    if slot.kind in ("module", "break"):
        return f"**[{title}](#{module_anchor(slot.module_id)})**" if slot.module_id else f"**{title}**"
    if slot.activity is not None and activities_shown:
        return f"&emsp;[{title}](#{activity_anchor(slot.module_id, slot.activity)})"
    return f"&emsp;{title}"


def agenda_markdown(modules: Sequence[Module], project: Project, facilitators: bool = True) -> str:
    """The timed agenda. Facilitators get every slot with its minutes and links
    to the activities' instructions; participants get the clock times and titles."""
    days = build_agenda(modules, project.days)
    words = labels(project.lang)
    voices = {module.id or "": voice(module.source, project) for module in modules}
    out = [f"# {words['agenda']}\n"]
    for day in days:
        if len(days) > 1 or day.day.date:
            out.append(f"## {words['day']} {day.number}{f' ({day.day.date})' if day.day.date else ''}\n")
        rows = [(clock(slot.start), str(slot.minutes), _linked(slot, facilitators, words, voices[slot.module_id]))
                for slot in day.slots if facilitators or slot.kind != MODULE_PRESENTATION]
        end = clock_minutes(day.day.end) if day.day.end else day.finish
        if end > day.finish:  # the day's end in the project file is later than its last module's
            rows.append((clock(day.finish), str(end - day.finish), f"*{words['unplanned time']}*"))
        rows.append((clock(max(end, day.finish)), "", f"**{words['end of day']}**"))
        if facilitators:
            out.append(f"| {words['time']} | {words['minutes']} | {words['what']} |\n"
                       "|:----|----:|:--------------------------|")
            out += [f"| {time} | {minutes} | {what} |" for time, minutes, what in rows]
        else:
            out.append(f"| {words['time']} | {words['what']} |\n|:----|:--------------------------|")
            out += [f"| {time} | {what} |" for time, _, what in rows]
        out.append("")
        if day.overrun:
            out.append(words["overrun"].format(minutes=day.overrun, end=day.day.end) + "\n")
        elif end > day.finish and facilitators:
            out.append(words["in hand"].format(finish=clock(day.finish), minutes=end - day.finish,
                                               end=day.day.end) + "\n")
    return "\n".join(out) + "\n"


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    """Every module in order; facilitator handouts add timings (and the agenda if asked)."""
    modules = modules_in_order(documents)
    words = labels(project.lang)
    facilitators = handout.audience != "participant"  # only they read the timings, where activities have anchors
    parts = [agenda_markdown(modules, project, facilitators)] if handout.agenda else []
    images: dict[str, bytes] = {}
    for module in modules:
        if parts and not module.is_break:  # a break needs no page of its own
            parts.append(fenced(".page-break", ""))
        spoken = voice(module.source, project)
        part = [module_heading(module)]
        if handout.audience != "participant":
            part.append(_module_timing(module, words, spoken))
        part.append(_objectives(module, words, spoken))
        part.append(beneath(1, printed_body(module.source, images).strip()))
        parts.append(spoken.part("\n".join(part)))
    return titled(Composed("\n".join(parts), images=images), title_block(handout, project))


LAYOUT = Layout(name="workshop", prints=("module",), formats=("pdf", "docx", "html"), compose=compose)
