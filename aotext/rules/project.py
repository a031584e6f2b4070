"""Rules for the project file (aotext.yaml): a workshop day fits its hours,
every module is scheduled once, and each handout asks for formats its layout
can make."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from aotext.agenda import build_agenda, clock
from aotext.corpus import Corpus, entries
from aotext.model import Document
from aotext.project import Day, day_entries
from aotext.rules.base import Finding, rule
from aotext.words import plural

_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def _days(project: Document) -> list[tuple[int, Day]]:
    """The days well formed enough to time, with their index; the schema reports the rest."""
    days = []
    for index, item in day_entries(project.data):
        start, end, modules = item.get("start"), item.get("end"), item.get("modules")
        if not (isinstance(start, str) and _CLOCK.match(start)):
            continue
        days.append((index, Day(
            start=start,
            end=end if isinstance(end, str) and _CLOCK.match(end) else None,
            modules=tuple(m for m in modules if isinstance(m, str)) if isinstance(modules, list) else None,
        )))
    return days


@rule("agenda-overrun", "a workshop day whose modules and breaks run past the day's end")
def agenda_overrun(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    project = corpus.project
    if project is None:
        return
    days = _days(project)
    agenda = build_agenda(corpus.of_type("module"), [day for _, day in days])
    for (index, day), timed in zip(days, agenda):
        if timed.overrun:
            yield project, ("workshop", "days", index, "end"), (
                f"day {index + 1} runs until {clock(timed.finish)}, {plural(timed.overrun, 'minute')} past its end at "
                f"{day.end}: shorten some modules, move some to another day, or end the day later"
            )


@rule("agenda-modules", "with several workshop days, a module that no day lists, or that two days list")
def agenda_modules(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    project = corpus.project
    days = _days(project) if project else []
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
    for module in corpus.of_type("module"):
        if module.id and module.id not in first_day:
            yield project, ("workshop", "days"), f"module '{module.id}' is not on any day of the workshop; add it to a day's 'modules:'"


@rule("handout-format", "a handout asks for a format its layout cannot make (pptx is for slides only, and slides are only pptx)")
def handout_format(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    project = corpus.project
    if project is None:
        return
    for index, handout in entries(project.data, "handouts"):
        formats = handout.get("formats") if isinstance(handout.get("formats"), list) else []
        slides = handout.get("layout") == "slides"
        for position, name in enumerate(formats):
            if slides != (name == "pptx"):
                allowed = "pptx" if slides else "pdf and docx"
                yield project, ("handouts", index, "formats", position), (
                    f"handout '{handout.get('name')}' has the {handout.get('layout')} layout, which is made as {allowed}, not {name}"
                )
