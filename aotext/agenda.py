"""The timed agenda of the workshop: every module (breaks included) and
activity with its start time, day by day, from the project's start times.

Each module is taken to open with its presentation and then run its
activities in the order they are listed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aotext.corpus import entries
from aotext.model import Document
from aotext.project import Day


@dataclass(frozen=True)
class Slot:
    start: int  # minutes since midnight
    minutes: int
    title: str
    kind: str  # "module", "break", "presentation" or an activity kind
    module_id: str


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


def module_label(module: Document) -> str:
    section = module.data.get("section")
    title = str(module.data.get("title", module.id))
    return f"{section}. {title}" if section else title


def ordered_modules(modules: Sequence[Document]) -> list[Document]:
    """Modules in workshop order (by `order`, then path)."""
    return sorted(modules, key=lambda m: (m.data.get("order") if isinstance(m.data.get("order"), int) else 10**6, m.path))


def _module_slots(module: Document, start: int) -> list[Slot]:
    minutes = _minutes(module)
    is_break = module.data.get("break") is True
    slots = [Slot(start, minutes, module_label(module), "break" if is_break else "module", module.id or "")]
    activities = [a for _, a in entries(module.data, "activities") if isinstance(a.get("minutes"), int)]
    presenting = minutes - sum(a["minutes"] for a in activities)
    at = start
    if activities and presenting > 0:
        slots.append(Slot(at, presenting, "Presentation and discussion", "presentation", module.id or ""))
        at += presenting
    for activity in activities:
        slots.append(Slot(at, activity["minutes"], str(activity.get("title", "")), str(activity.get("kind", "")), module.id or ""))
        at += activity["minutes"]
    return slots


def build_agenda(modules: Sequence[Document], days: Sequence[Day]) -> list[AgendaDay]:
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
            at += _minutes(module)
        agenda.append(AgendaDay(number, day, tuple(slots), start, at))
    return agenda


def _minutes(module: Document) -> int:
    minutes = module.data.get("minutes")
    return minutes if isinstance(minutes, int) else 0
