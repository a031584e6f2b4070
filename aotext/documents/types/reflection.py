"""A reflection log: one meeting where the group visits its benchmarks,
revisits its goals, strategy and tactics, and celebrates."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from aotext.documents import fields
from aotext.documents.records import record
from aotext.documents.types.base import DocumentType, NewRequest, Reference, Template, View, one_of
from aotext.documents.types.plan import NumericBenchmark, Plan, ScaleBenchmark

if TYPE_CHECKING:
    from aotext.corpus import Corpus
    from aotext.documents.document import Document

# The workshop's reflection questions, as the log's `answers:` keys.
REFLECTION_QUESTIONS = {
    "anything_changed": "Has anything changed that might cause us to alter our strategy?",
    "last_tactic": "Was the last tactic effective? Why or why not?",
}

# A meeting's day, or none for a log that gives none (which lint reports).
D = TypeVar("D", dt.date, dt.date | None)


@record
class Measurement:
    index: int  # its place in the log's `measurements:` list
    benchmark: str | None
    value: float | None
    level: str | None
    # Whether the keys are there at all: an empty slot (`value:`) counts for nothing.
    has_value: bool
    has_level: bool
    counted_on: dt.date | None
    note: str | None


def counted_day(slot: Measurement, held: D) -> dt.date | D:
    """The day a measurement counts on: its own 'counted_on:', else the day
    of the meeting that logged it (`held`)."""
    return slot.counted_on or held


@record
class Change:
    index: int
    to: str | None  # the id of the goal, strategy, tactic or benchmark changed
    change: str | None


@record
class NewMember:
    name: str
    first_task: str | None
    paired_with: str | None


@record
class Reflection(View):
    type_name = "reflection"
    title: str | None
    plan: str | None
    date: dt.date | None
    measurements: tuple[Measurement, ...]
    answers: dict[str, str]
    changes: tuple[Change, ...]
    celebrate: tuple[str, ...]
    skills_practised: tuple[str, ...]
    new_members: tuple[NewMember, ...]

    @cached_property
    def counted_days(self) -> tuple[dt.date, dt.date] | None:
        """The first and the last day its measurements count on (each its own
        'counted_on:', else the log's date): the rules that compare them with
        their plan's dates pass over a log whose measurements all lie well
        inside them, as most do."""
        known = [day for slot in self.measurements if (day := counted_day(slot, self.date))]
        return (min(known), max(known)) if known else None


def read(document: Document) -> Reflection:
    data = document.data
    answers = fields.mapping(data, "answers")
    return Reflection(
        source=document, id=fields.text(data, "id"), title=fields.text(data, "title"), plan=fields.text(data, "plan"),
        date=fields.date(data, "date"),
        measurements=tuple(
            Measurement(index=index, benchmark=fields.text(item, "benchmark"), value=fields.number(item, "value"),
                        level=fields.word(item, "level"),
                        has_value="value" in item, has_level="level" in item,
                        counted_on=fields.date(item, "counted_on"), note=fields.text(item, "note"))
            for index, item in fields.items(data, "measurements")
        ),
        answers={key: value for key in answers if (value := fields.text(answers, key))},
        changes=tuple(Change(index=index, to=fields.text(item, "to"), change=fields.text(item, "change"))
                      for index, item in fields.items(data, "changes")),
        celebrate=fields.texts(data, "celebrate"), skills_practised=fields.texts(data, "skills_practised"),
        new_members=tuple(NewMember(name=name, first_task=fields.text(item, "first_task"),
                                    paired_with=fields.text(item, "paired_with"))
                          for _, item in fields.items(data, "new_members") if (name := fields.text(item, "name"))),
    )


def _lines(request: NewRequest, corpus: Corpus, document_id: str) -> list[str]:
    plan = one_of(corpus, Plan, request.plan, "--plan")
    lines = ["type: reflection", f"id: {document_id}", f"plan: {plan.id}", f"date: {request.today}",
             "measurements:  # fill in what you measured; leave the others empty"]
    for benchmark in plan.benchmarks:
        if not benchmark.id:
            continue
        lines.append(f"  - benchmark: {benchmark.id}  # {benchmark.title}")
        match benchmark:
            case ScaleBenchmark():
                lines.append(f"    level: null  # one of: {', '.join(benchmark.scale)}")
            case NumericBenchmark():
                how = "newly counted since the last log" if benchmark.adds_up else "the current count"
                lines.append(f"    value: null  # {benchmark.unit or 'a number'}: {how}")
    lines += [
        "answers:",
        *(f"  {key}: {question}" for key, question in REFLECTION_QUESTIONS.items()),
        "celebrate: []  # benchmarks met, events, actions, skills, new members",
        "skills_practised: []",
        "new_members: []  # each: name, first_task (small and discrete), paired_with",
    ]
    return lines


def _base_id(request: NewRequest, corpus: Corpus) -> str:
    return f"{request.today}-{one_of(corpus, Plan, request.plan, '--plan').id}"


TYPE = DocumentType(
    view=Reflection, read=read, rank=5, folder="logs",
    description="the log of a reflection meeting, with a measurement slot for each of the plan's benchmarks",
    template=Template(_lines, _base_id,
                      placeholders={("answers", key): question for key, question in REFLECTION_QUESTIONS.items()}),
    references=(Reference("plan", "plan"),),
)
