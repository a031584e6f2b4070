"""A campaign plan: goals, the strategies that serve them, the tactics that
serve those, and the benchmarks that measure them. A benchmark is either
numeric (something counted) or a scale question the group answers."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar, Literal, TypedDict, get_args

from aotext.documents import fields
from aotext.documents.records import record
from aotext.documents.types.base import DocumentType, NewRequest, Reference, Template, View, one_of, quote, title_id
from aotext.documents.types.scenario import Scenario
from aotext.model import KeyPath
from aotext.periods import Every, as_every

if TYPE_CHECKING:
    from aotext.corpus import Corpus
    from aotext.documents.document import Document

Combine = Literal["sum", "latest"]
COMBINES: tuple[Combine, ...] = get_args(Combine)
PartKind = Literal["goal", "strategy", "tactic", "benchmark"]


@record
class Part:
    """A goal, strategy, tactic or benchmark of a plan."""

    section: ClassVar[str]
    kind: ClassVar[PartKind]
    # The key a part links to other parts through, and the kinds it may name.
    link_key: ClassVar[str | None] = None
    links_to: ClassVar[tuple[PartKind, ...]] = ()
    index: int  # its place in the plan's list, for finding its line
    id: str | None
    title: str

    @property
    def links_at(self) -> tuple[tuple[int, str], ...]:
        """(place in the list, id) of the parts this one serves or measures."""
        return ()

    @property
    def label(self) -> str:
        """How messages name it: its id, or its place when it has none."""
        return f"'{self.id or f'{self.section}[{self.index}]'}'"


@record
class Goal(Part):
    section = "goals"
    kind = "goal"
    notes: str | None


@record
class Serving(Part):
    """A part that serves others: a strategy serves goals, a tactic strategies."""

    link_key = "serves"
    notes: str | None
    serves_at: tuple[tuple[int, str], ...]  # (place in the list, id of what it serves)

    @property
    def links_at(self) -> tuple[tuple[int, str], ...]:
        return self.serves_at

    @property
    def serves(self) -> tuple[str, ...]:
        return tuple(target for _, target in self.serves_at)


@record
class Strategy(Serving):
    section = "strategies"
    kind = "strategy"
    links_to = ("goal",)


@record
class Tactic(Serving):
    section = "tactics"
    kind = "tactic"
    links_to = ("strategy",)


@record
class BenchmarkBase(Part):
    section = "benchmarks"
    kind = "benchmark"
    link_key = "measures"
    links_to = ("tactic", "strategy")
    measures_at: tuple[tuple[int, str], ...]  # (place in the list, tactic or strategy id)
    start: dt.date | None
    due: dt.date | None
    every: Every | None
    steps: tuple[str, ...]
    if_missed: str | None
    tests_power: bool
    # Whether `kind:` names a kind; when it does not, the schema reports it
    # and the rules about one kind or the other stay quiet.
    kind_stated: bool
    # The keys left out or left empty: what a rule may ask for. A key with a
    # value of the wrong sort reads as None but is not absent (the schema
    # reports it).
    absent: frozenset[str]

    @property
    def measures(self) -> tuple[str, ...]:
        return tuple(target for _, target in self.measures_at)

    @property
    def links_at(self) -> tuple[tuple[int, str], ...]:
        return self.measures_at


@record
class NumericBenchmark(BenchmarkBase):
    """Something counted: sign-ups (added up across logs) or turnout (the latest count)."""

    target: float | None
    unit: str | None
    combine: Combine | None

    @property
    def adds_up(self) -> bool:
        """Whether logs' values are added up (sign-ups), rather than the latest one counting (turnout)."""
        return self.combine != "latest"


@record
class ScaleBenchmark(BenchmarkBase):
    """A question the group answers on a scale, lowest answer first."""

    question: str | None
    scale: tuple[str, ...]
    target_level: str | None


Benchmark = NumericBenchmark | ScaleBenchmark


@record
class Plan(View):
    type_name = "plan"
    title: str
    scenario: str | None
    started: dt.date | None
    ends: dt.date | None
    reflect_every: str | None
    goals: tuple[Goal, ...]
    strategies: tuple[Strategy, ...]
    tactics: tuple[Tactic, ...]
    benchmarks: tuple[Benchmark, ...]

    # Asked for by a dozen rules, each going through every plan: made once.
    @cached_property
    def parts(self) -> tuple[Part, ...]:
        return (*self.goals, *self.strategies, *self.tactics, *self.benchmarks)

    @cached_property
    def parts_by_id(self) -> dict[str, Part]:
        """Each goal, strategy, tactic and benchmark by its id (the first, when two share it)."""
        return {part.id: part for part in reversed(self.parts) if part.id}

    def part(self, part_id: str) -> Part | None:
        """The goal, strategy, tactic or benchmark with this id (the first, when two share it)."""
        return self.parts_by_id.get(part_id)

    def judging_day(self, as_of: dt.date) -> dt.date:
        """The day the plan is judged on: the as-of date, but never after the plan ends."""
        return min(as_of, self.ends) if self.ends else as_of

    def benchmark(self, benchmark_id: str | None) -> Benchmark | None:
        """The benchmark with this id (the first, when two share it)."""
        return self._benchmarks_by_id.get(benchmark_id) if benchmark_id else None

    @cached_property
    def _benchmarks_by_id(self) -> dict[str, Benchmark]:
        # Looked up for every measurement of every log by half a dozen rules
        # and the summary: a scan of the benchmarks each time cost them a third.
        return {found.id: found for found in reversed(self.benchmarks) if found.id}


# The keys that say how a benchmark is measured.
_MEASURED_BY = ("target", "unit", "combine", "question", "scale", "target_level", "due", "every")


class _Shared(TypedDict):
    """What both kinds of benchmark read the same way."""

    index: int
    id: str | None
    title: str
    measures_at: tuple[tuple[int, str], ...]
    start: dt.date | None
    due: dt.date | None
    every: Every | None
    steps: tuple[str, ...]
    if_missed: str | None
    tests_power: bool
    kind_stated: bool
    absent: frozenset[str]


def _benchmark(index: int, item: fields.Data) -> Benchmark:
    common = _Shared(
        index=index, id=fields.text(item, "id"), title=fields.text(item, "title") or fields.text(item, "id") or "",
        measures_at=fields.indexed_texts(item, "measures"), start=fields.date(item, "start"), due=fields.date(item, "due"),
        every=as_every(item.get("every")), steps=fields.texts(item, "steps"),
        if_missed=fields.text(item, "if_missed"), tests_power=fields.flag(item, "tests_power") is True,
        kind_stated=item.get("kind") in ("numeric", "qualitative"),
        absent=frozenset(key for key in _MEASURED_BY if item.get(key) in (None, "", [])),
    )
    if item.get("kind") == "qualitative":
        return ScaleBenchmark(**common, question=fields.text(item, "question"), scale=fields.words(item, "scale"),
                              target_level=fields.word(item, "target_level"))
    combine = item.get("combine")
    return NumericBenchmark(**common, target=fields.number(item, "target"), unit=fields.text(item, "unit"),
                            combine=next((how for how in COMBINES if how == combine), None))


def read(document: Document) -> Plan:
    data = document.data
    return Plan(
        source=document, id=fields.text(data, "id"), title=fields.text(data, "title") or document.id or document.path,
        scenario=fields.text(data, "scenario"), started=fields.date(data, "started"), ends=fields.date(data, "ends"),
        reflect_every=fields.text(data, "reflect_every"),
        goals=tuple(Goal(index=i, id=fields.text(item, "id"), title=fields.text(item, "title") or "",
                         notes=fields.text(item, "notes")) for i, item in fields.items(data, "goals")),
        strategies=tuple(Strategy(index=i, id=fields.text(item, "id"), title=fields.text(item, "title") or "",
                                  notes=fields.text(item, "notes"), serves_at=fields.indexed_texts(item, "serves"))
                         for i, item in fields.items(data, "strategies")),
        tactics=tuple(Tactic(index=i, id=fields.text(item, "id"), title=fields.text(item, "title") or "",
                             notes=fields.text(item, "notes"), serves_at=fields.indexed_texts(item, "serves"))
                      for i, item in fields.items(data, "tactics")),
        benchmarks=tuple(_benchmark(i, item) for i, item in fields.items(data, "benchmarks")),
    )


_SAYS: dict[KeyPath, str] = {
    ("goals", 0, "title"): "What we hope to achieve.",
    ("strategies", 0, "title"): "How we want to achieve it.",
    ("tactics", 0, "title"): "The first thing we will do.",
    ("benchmarks", 0, "title"): "What we will count, and how many.",
    ("benchmarks", 0, "if_missed"): "What we will do if we miss it.",
}


def _lines(request: NewRequest, corpus: Corpus, document_id: str) -> list[str]:
    scenario = one_of(corpus, Scenario, request.scenario, "--scenario")
    due = request.today + dt.timedelta(days=90)
    return [
        "type: plan", f"id: {document_id}", f"title: {quote(request.title or 'New plan')}",
        f"scenario: {scenario.id}", f"started: {request.today}", "reflect_every: 2 weeks",
        "goals:  # what we hope to achieve",
        "  - id: goal-1", f"    title: {_SAYS['goals', 0, 'title']}",
        "strategies:  # how we want to achieve it",
        "  - id: strategy-1", f"    title: {_SAYS['strategies', 0, 'title']}", "    serves: [goal-1]",
        "tactics:  # the nuts and bolts to get there",
        "  - id: tactic-1", f"    title: {_SAYS['tactics', 0, 'title']}", "    serves: [strategy-1]",
        "benchmarks:  # how we know we are on our way",
        "  - id: benchmark-1", f"    title: {_SAYS['benchmarks', 0, 'title']}", "    kind: numeric",
        "    measures: [tactic-1]", "    target: 1", "    unit: people", "    combine: sum  # or latest",
        f"    start: {request.today}", f"    due: {due}",
        f"    if_missed: {_SAYS['benchmarks', 0, 'if_missed']}",
    ]

TYPE = DocumentType(
    view=Plan, read=read, rank=4, folder="plans",
    description="a campaign plan: goals, strategies, tactics and benchmarks for a scenario",
    template=Template(_lines, title_id, asks=(("Title", "--title"),), placeholders=_SAYS),
    references=(Reference("scenario", "scenario"),),
)
