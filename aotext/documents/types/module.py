"""A module: one part of the workshop, with its activities. Its body holds
participant text and facilitator-only `::: facilitator` blocks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, get_args

from aotext.documents import fields
from aotext.documents.records import record
from aotext.documents.types.base import DocumentType, NewRequest, Template, View, quote, title_id
from aotext.model import KeyPath

if TYPE_CHECKING:
    from aotext.corpus import Corpus
    from aotext.documents.document import Document

ActivityKind = Literal["group-activity", "report-back", "question", "skit", "whole-room-activity", "pair-practice",
                       "presentation", "break"]
ACTIVITY_KINDS: tuple[str, ...] = get_args(ActivityKind)


@record
class Activity:
    index: int  # its place in the module's `activities:` list
    id: str | None
    title: str
    kind: str | None
    minutes: int | None
    # (place in the list, question number)
    questions_at: tuple[tuple[int, int], ...]

    @property
    def questions(self) -> tuple[int, ...]:
        return tuple(number for _, number in self.questions_at)


@record
class Module(View):
    type_name = "module"
    title: str
    section: str | None
    order: int | None
    minutes: int | None
    is_break: bool
    objectives: tuple[str, ...]
    activities: tuple[Activity, ...]

    @property
    def label(self) -> str:
        """'IV. Planning', as agendas and headings show it."""
        return f"{self.section}. {self.title}" if self.section else self.title


def ordered_modules(modules: Iterable[Module]) -> list[Module]:
    """Modules in workshop order (by `order`, then path)."""
    return sorted(modules, key=lambda m: (m.order if m.order is not None else 10**6, m.path))


def read(document: Document) -> Module:
    data = document.data
    return Module(
        source=document, id=fields.text(data, "id"), title=fields.text(data, "title") or document.id or document.path,
        section=fields.text(data, "section"), order=fields.whole(data, "order"), minutes=fields.whole(data, "minutes"),
        is_break=fields.flag(data, "break") is True, objectives=fields.texts(data, "objectives"),
        activities=tuple(
            Activity(index=index, id=fields.text(item, "id"), title=fields.text(item, "title") or "",
                     kind=fields.text(item, "kind"), minutes=fields.whole(item, "minutes"),
                     questions_at=fields.indexed_wholes(item, "questions"))
            for index, item in fields.items(data, "activities")
        ),
    )


_SAYS: dict[KeyPath, str] = {("objectives", 0): "What participants will be able to do or understand afterwards."}


def _lines(request: NewRequest, corpus: Corpus, document_id: str) -> list[str]:
    orders = [module.order for module in corpus.all(Module) if module.order is not None]
    return [
        "type: module", f"id: {document_id}", f"title: {quote(request.title or 'New module')}",
        f"order: {max(orders, default=0) + 1}  # where it comes in the workshop: 1 is first",
        "minutes: 15  # time in the room, activities included",
        "objectives:", f"  - {_SAYS['objectives', 0]}",
        "# activities:  (each: id, title, kind, minutes, and the worksheet questions it uses)",
        "#   - id: in-groups", "#     title: Work in small groups", "#     kind: group-activity", "#     minutes: 15",
    ]


TYPE = DocumentType(
    view=Module, read=read, rank=1, folder="curriculum",
    description="a part of the workshop: minutes, objectives, activities; participant text and facilitator notes",
    template=Template(
        _lines, title_id, asks=(("Title", "--title"),), placeholders=_SAYS,
        body=("Write what participants read here, in plain Markdown.\n\n::: facilitator\n"
              "Notes only facilitators see: timings, instructions for the room, questions to ask.\n:::\n"),
    ),
)
