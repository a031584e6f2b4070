"""The timed agenda: modules and breaks one after another from each day's start."""

from __future__ import annotations

from aotext.agenda import build_agenda, clock
from aotext.documents.document import Document
from aotext.documents.types.module import Module
from aotext.project import Day


def module(module_id: str, order: int, minutes: int, *activities: tuple[str, int], is_break: bool = False) -> Module:
    data = {"type": "module", "id": module_id, "title": module_id.title(), "order": order, "minutes": minutes,
            "activities": [{"id": f"a{i}", "title": title, "kind": "question", "minutes": m}
                           for i, (title, m) in enumerate(activities)]}
    if is_break:
        data["break"] = True
    view = Document(f"curriculum/{module_id}.md", data, "", 0).view
    assert isinstance(view, Module)
    return view


MODULES = [module("welcome", 1, 20, ("Introductions", 15)), module("rest", 2, 15, is_break=True),
           module("planning", 3, 60, ("Goals", 20), ("Tactics", 25))]


def rows(day) -> list[tuple[str, int, str]]:
    return [(clock(slot.start), slot.minutes, slot.title) for slot in day.slots]


def test_one_day_runs_every_module_in_order_with_its_break():
    [day] = build_agenda(list(reversed(MODULES)), [Day(start="09:30", end="11:00")])
    assert rows(day) == [
        ("09:30", 20, "Welcome"), ("09:30", 5, "Presentation and discussion"), ("09:35", 15, "Introductions"),
        ("09:50", 15, "Rest"),
        ("10:05", 60, "Planning"), ("10:05", 15, "Presentation and discussion"), ("10:20", 20, "Goals"),
        ("10:40", 25, "Tactics"),
    ]
    assert clock(day.finish) == "11:05" and day.overrun == 5


def test_several_days_each_with_its_own_start_and_modules():
    first, second = build_agenda(MODULES, [Day(start="18:00", modules=("welcome", "rest")),
                                           Day(start="10:00", end="11:00", modules=("planning",))])
    assert rows(first)[0] == ("18:00", 20, "Welcome") and clock(first.finish) == "18:35"
    assert rows(second)[0] == ("10:00", 60, "Planning") and clock(second.finish) == "11:00"
    assert second.overrun == 0
