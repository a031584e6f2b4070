"""All loaded documents, indexed the ways the rules and commands look them up."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

from aotext.model import Document, parse_date


class Corpus:
    def __init__(self, documents: list[Document]) -> None:
        ordered = sorted(documents, key=lambda document: document.path)
        self.documents = [document for document in ordered if document.role == "document"]
        # The project file (aotext.yaml), when it was among the files read.
        self.project = next((document for document in ordered if document.role == "project"), None)
        self._memo: dict[object, Any] = {}
        self.by_id: dict[str, list[Document]] = defaultdict(list)
        self.by_type: dict[str, list[Document]] = defaultdict(list)
        for document in self.documents:
            if document.id:
                self.by_id[document.id].append(document)
            if document.type:
                self.by_type[document.type].append(document)

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """`compute()` once per corpus: work that several rules share."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def of_type(self, type_name: str) -> list[Document]:
        return self.by_type.get(type_name, [])

    def find(self, document_id: object) -> Document | None:
        """The document with this id (the first, if lint reports it as duplicated);
        None for anything that is not an id, so callers need not check first."""
        found = self.by_id.get(document_id) if isinstance(document_id, str) else None
        return found[0] if found else None

    def plan_of(self, document: Document) -> Document | None:
        """The plan a reflection log (or conversation) names, if it names one that is a plan."""
        plan = self.find(document.data.get("plan"))
        return plan if plan is not None and plan.type == "plan" else None


def entries(data: dict[str, Any], key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, item) for the mapping items of the list under `key`; anything
    malformed is skipped because the schema already reports it."""
    value = data.get(key)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def id_list(item: dict[str, Any], key: str) -> list[tuple[int, str]]:
    """(index, id) for the text items of a list of ids such as `serves`."""
    value = item.get(key)
    if not isinstance(value, list):
        return []
    return [(index, entry) for index, entry in enumerate(value) if isinstance(entry, str)]


def text(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key)
    return value if isinstance(value, str) and value.strip() else None


PLAN_SECTIONS = {"goals": "goal", "strategies": "strategy", "tactics": "tactic", "benchmarks": "benchmark"}


def plan_day(plan: Document, as_of: dt.date) -> dt.date:
    """The day a plan is judged on: the as-of date, but never after the plan ends."""
    ends = parse_date(plan.data.get("ends"))
    return min(as_of, ends) if ends else as_of


def plan_parts(corpus: Corpus, plan: Document) -> dict[str, tuple[str, int]]:
    """Every goal, strategy, tactic and benchmark id of a plan: id -> (kind, index)."""
    return corpus.memo(("plan-parts", plan.path), lambda: _plan_parts(plan))


def _plan_parts(plan: Document) -> dict[str, tuple[str, int]]:
    parts: dict[str, tuple[str, int]] = {}
    for section, kind in PLAN_SECTIONS.items():
        for index, item in entries(plan.data, section):
            part_id = text(item, "id")
            if part_id and part_id not in parts:
                parts[part_id] = (kind, index)
    return parts
