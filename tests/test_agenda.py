"""The timed agenda: modules and breaks one after another from each day's start."""

from __future__ import annotations

import re
from pathlib import Path

from aotext.agenda import build_agenda, clock
from aotext.documents.document import Document
from aotext.documents.types.module import Module
from aotext.project import Day
from helpers import MODULE, PROJECT, invoke


def module(module_id: str, order: int, minutes: int, *activities: tuple[str, int], is_break: bool = False,
           body: str = "") -> Module:
    data = {"type": "module", "id": module_id, "title": module_id.title(), "order": order, "minutes": minutes,
            "activities": [{"id": f"a{i}", "title": title, "kind": "question", "minutes": m}
                           for i, (title, m) in enumerate(activities)]}
    if is_break:
        data["break"] = True
    view = Document(f"curriculum/{module_id}.md", data, body, 20).view
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


def words(count: int) -> str:
    return " ".join(["word"] * count) + "\n"


def test_activities_run_where_the_body_marks_them_and_the_presentation_fills_the_stretches_between():
    # 40 minutes of presentation around three activities of 10 minutes: a quarter
    # of the body's words come before the first mark, half between the second and
    # the third, a quarter after the last.
    body = (words(50) + "\n::: {.facilitator activity=a1}\nThe skit's script, not presentation.\n" + words(500)
            + ":::\n\n::: {activity=a0}\n:::\n\n" + words(100) + "\n::: {.facilitator activity=a2}\n"
            + "Pairs.\n:::\n\n" + words(50))
    talk = module("talk", 1, 70, ("Questions", 10), ("Skit", 10), ("Pairs", 10), body=body)
    [day] = build_agenda([talk], [Day(start="13:00")])
    assert rows(day) == [
        ("13:00", 70, "Talk"), ("13:00", 10, "Presentation and discussion"), ("13:10", 10, "Skit"),
        ("13:20", 10, "Questions"), ("13:30", 20, "Presentation and discussion"), ("13:50", 10, "Pairs"),
        ("14:00", 10, "Presentation and discussion"),
    ]


def test_an_activity_that_opens_its_module_starts_with_it():
    opening = module("open", 1, 30, ("Groups", 20), body="::: {.facilitator activity=a0}\nGo.\n:::\n\n" + words(80))
    [day] = build_agenda([opening], [Day(start="10:00", end="10:45")])
    assert rows(day) == [("10:00", 30, "Open"), ("10:00", 20, "Groups"), ("10:20", 10, "Presentation and discussion")]
    assert clock(day.finish) == "10:30" and day.overrun == 0


def agenda_text(page: Path) -> str:
    """The agenda of a built web page, its tags dropped, up to the day's end."""
    text = " ".join(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")).replace("&emsp;", " ").split())
    return text[text.index("Agenda Time"):text.index("End of day")]


def test_an_activity_of_kind_presentation_is_in_both_agendas_under_its_own_title(repo):
    talk = MODULE.replace(
        "activities:\n", "activities:\n  - id: logistics\n    title: Logistics and what to expect\n"
        "    kind: presentation\n    minutes: 7\n")
    project = PROJECT.replace("formats: [pdf, docx]", "formats: [html]\n    agenda: true") + (
        "  - name: guide\n    title: Guide\n    layout: workshop\n    audience: facilitator\n    agenda: true\n"
        "    formats: [html]\n")
    root = repo({"aotext.yaml": project, "content/curriculum/planning.md": talk})
    result = invoke("build", "--as-of", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert agenda_text(root / "build/guide.html") == (
        "Agenda Time Minutes What 10:00 30 IV. Planning 10:00 3 Presentation and discussion "
        "10:03 7 Logistics and what to expect 10:10 20 Write goals 10:30 30 Unplanned time 11:00 ")
    assert agenda_text(root / "build/participant.html") == (
        "Agenda Time What 10:00 IV. Planning 10:03 Logistics and what to expect 10:10 Write goals 10:30 Unplanned time "
        "11:00 ")
