"""The timed agenda of the workshop: every module (breaks included) and
activity with its start time, day by day, from the project's start times.

An activity runs where its module's body marks it: the block of its
instructions carries `activity=ID` (`::: {.facilitator activity=skit}`).
The module's presentation time (its minutes less its activities') is
spread over the stretches of body text around the marked activities, by
their length in words, so an activity that opens a module starts with it,
and one after a long presentation starts after it. Activities the body does
not mark run after the presentation, in the order listed (lint warns when a
body marks some of its activities and not others)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from aotext.documents.records import frozen
from aotext.documents.types.module import Activity, Module, ordered_modules
from aotext.project import Day


@frozen
class Slot:
    """One timed piece of a workshop day: a module, a break, a presentation or an activity."""

    start: int  # minutes since midnight
    minutes: int
    title: str
    kind: str  # "module", "break", MODULE_PRESENTATION or an activity's kind
    module_id: str
    activity: Activity | None = None


@frozen
class AgendaDay:
    """A workshop day laid out in time: its slots, from its start to its finish, in minutes since midnight."""

    number: int
    day: Day
    slots: tuple[Slot, ...]
    start: int
    finish: int

    @property
    def overrun(self) -> int:
        """Minutes past the day's end (0 when it fits or has no end)."""
        return max(0, self.finish - clock_minutes(self.day.end)) if self.day.end else 0


MIDNIGHT = 24 * 60  # in minutes since the day's midnight


def clock_minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def clock(minutes: int) -> str:
    return f"{minutes % MIDNIGHT // 60:02d}:{minutes % 60:02d}"


PRESENTATION = "Presentation and discussion"
# The kind of slot of a module's own presentation time: not "presentation",
# which an activity's kind may be (that slot has the activity's title).
MODULE_PRESENTATION = "module presentation"
_WORD = re.compile(r"\w+")


@frozen
class Marks:
    """Where a module's body runs its activities."""

    at: dict[str, tuple[int, int]]  # activity id -> (file line of its mark, words of text before it)
    words: int  # words of text outside the marked activities' blocks: the presentation


def activity_marks(module: Module) -> Marks:
    """The `activity=ID` marks of the module's body, the first of each id."""
    from aotext.rules.fences import read_fences  # a reading of the body's ::: blocks, as pandoc reads them

    source = module.source
    reading = read_fences(source.body, source.body_line)
    marked = {fence.line: value for fence in reading.opened for key, value, _ in fence.attributes if key == "activity"}
    at: dict[str, tuple[int, int]] = {}
    words, inside_until = 0, 0
    for index, text in enumerate(source.body.split("\n")):
        number = source.body_line + index
        if number in marked and number > inside_until:
            at.setdefault(marked[number], (number, words))
            inside_until = reading.closed_at.get(number, number)
        if number > inside_until:
            words += len(_WORD.findall(text))
    return Marks(at, words)


def _module_slots(module: Module, start: int) -> list[Slot]:
    minutes = module.minutes or 0
    module_id = module.id or ""
    slots = [Slot(start, minutes, module.label, "break" if module.is_break else "module", module_id)]
    timed = [activity for activity in module.activities if activity.minutes is not None]
    presenting = max(0, minutes - sum(activity.minutes or 0 for activity in timed))
    marks = activity_marks(module) if timed else Marks({}, 0)
    placed = sorted((activity for activity in timed if activity.id in marks.at),
                    key=lambda activity: marks.at[activity.id or ""][0])
    at, presented = start, 0
    for activity in [*placed, *(activity for activity in timed if activity not in placed)]:
        # The presentation before an activity: its share of the words before the
        # activity's mark; an unmarked activity comes after all of it.
        mark = marks.at.get(activity.id or "")
        due = round(presenting * mark[1] / marks.words) if mark and marks.words else (0 if mark else presenting)
        if due > presented:
            slots.append(Slot(at, due - presented, PRESENTATION, MODULE_PRESENTATION, module_id))
            at, presented = at + due - presented, due
        slots.append(Slot(at, activity.minutes or 0, activity.title, activity.kind or "", module_id, activity))
        at += activity.minutes or 0
    if timed and presenting > presented:  # a module without activities is one slot: a break, say
        slots.append(Slot(at, presenting - presented, PRESENTATION, MODULE_PRESENTATION, module_id))
    return slots


def build_agenda(modules: Sequence[Module], days: Sequence[Day]) -> list[AgendaDay]:
    """The agenda of each day. With one day and no module list, every module runs on it."""
    by_id = {module.id: module for module in modules if module.id}
    agenda = []
    for number, day in enumerate(days, start=1):
        if day.modules is None:
            todays = ordered_modules(modules) if len(days) == 1 else []
        else:
            todays = [by_id[module_id] for module_id in day.modules if module_id in by_id]
        start = at = clock_minutes(day.start)
        slots: list[Slot] = []
        for module in todays:
            slots += _module_slots(module, at)
            at += module.minutes or 0
        agenda.append(AgendaDay(number, day, tuple(slots), start, at))
    return agenda
