"""The timed agenda of the workshop: every module (breaks included) and
activity with its start time, day by day, from the project's start times.

Each module is taken to open with its presentation and then run its
activities in the order they are listed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aotext.documents.types.module import Activity, Module
from aotext.project import Day


@dataclass(frozen=True)
class Slot:
    start: int  # minutes since midnight
    minutes: int
    title: str
    kind: str  # "module", "break", "presentation" or an activity kind
    module_id: str
    activity: Activity | None = None


@dataclass(frozen=True)
class AgendaDay:
    number: int
    day: Day
    slots: tuple[Slot, ...]
    start: int
    finish: int

    @property
    def overrun(self) -> int:
        """Minutes past the day's end (0 when it fits or has no end)."""
        return max(0, self.finish - clock_minutes(self.day.end)) if self.day.end else 0


def clock_minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def ordered_modules(modules: Sequence[Module]) -> list[Module]:
    """Modules in workshop order (by `order`, then path)."""
    return sorted(modules, key=lambda m: (m.order if m.order is not None else 10**6, m.path))


def _module_slots(module: Module, start: int) -> list[Slot]:
    minutes = module.minutes or 0
    slots = [Slot(start, minutes, module.label, "break" if module.is_break else "module", module.id or "")]
    activities = [(activity, activity.minutes) for activity in module.activities if activity.minutes is not None]
    presenting = minutes - sum(length for _, length in activities)
    at = start
    if activities and presenting > 0:
        slots.append(Slot(at, presenting, "Presentation and discussion", "presentation", module.id or ""))
        at += presenting
    for activity, length in activities:
        slots.append(Slot(at, length, activity.title, activity.kind or "", module.id or "", activity))
        at += length
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
