"""Rules for the project file (aotext.yaml): a workshop day fits its hours,
every module is scheduled once, and each handout asks for formats its layout
can make."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from aotext.agenda import build_agenda, clock
from aotext.corpus import Corpus
from aotext.documents import fields
from aotext.documents.types.module import Module
from aotext.project import timed_days
from aotext.rules.base import Finding, rule
from aotext.words import plural


@rule("agenda-overrun", "a workshop day whose modules and breaks run past the day's end")
def agenda_overrun(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    project = corpus.project
    if project is None:
        return
    days = timed_days(project.data)
    agenda = build_agenda(corpus.all(Module), [day for _, day in days])
    for (index, day), timed in zip(days, agenda, strict=True):
        if timed.overrun:
            yield project, ("workshop", "days", index, "end"), (
                f"day {index + 1} runs until {clock(timed.finish)}, {plural(timed.overrun, 'minute')} past its end at "
                f"{day.end}: shorten some modules, move some to another day, or end the day later"
            )


@rule("agenda-modules", "with several workshop days, a module that no day lists, or that two days list")
def agenda_modules(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    project = corpus.project
    days = timed_days(project.data) if project else []
    if project is None or len(days) < 2:
        return
    first_day: dict[str, int] = {}
    for index, day in days:
        if day.modules is None:
            yield project, ("workshop", "days", index), (
                f"the workshop has {len(days)} days, so day {index + 1} must list its modules under 'modules:'"
            )
            continue
        for position, module_id in enumerate(day.modules):
            if module_id in first_day:
                yield project, ("workshop", "days", index, "modules", position), (
                    f"module '{module_id}' is already on day {first_day[module_id] + 1}; list each module on one day"
                )
            first_day.setdefault(module_id, index)
    for module in corpus.all(Module):
        if module.id and module.id not in first_day:
            yield project, ("workshop", "days"), f"module '{module.id}' is not on any day of the workshop; add it to a day's 'modules:'"


@rule("handout-format", "a handout asks for a format its layout cannot make (pptx is for slides only, and slides are only pptx)")
def handout_format(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    project = corpus.project
    if project is None:
        return
    for index, handout in fields.items(project.data, "handouts"):
        slides = handout.get("layout") == "slides"
        for position, name in fields.indexed_texts(handout, "formats"):
            if slides != (name == "pptx"):
                allowed = "pptx" if slides else "pdf and docx"
                yield project, ("handouts", index, "formats", position), (
                    f"handout '{handout.get('name')}' has the {handout.get('layout')} layout, which is made as {allowed}, not {name}"
                )
