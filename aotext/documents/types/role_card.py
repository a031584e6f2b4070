"""A role card for a practice conversation: the person someone plays (her
situation, what she already does, how she sees it, her contradictions, her
fears) or the organizer's reminders, for one activity of a module."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aotext.documents import fields
from aotext.documents.records import record
from aotext.documents.types.base import (
    DocumentType,
    NewDocumentError,
    NewRequest,
    Reference,
    Template,
    View,
    one_of,
    quote,
    title_id,
)
from aotext.documents.types.module import Module
from aotext.documents.types.scenario import Scenario
from aotext.errors import UsageError
from aotext.model import KeyPath

if TYPE_CHECKING:
    from aotext.corpus import Corpus
    from aotext.documents.document import Document


@record
class RoleCard(View):
    type_name = "role-card"
    title: str
    module: str | None
    activity: str | None
    scenario: str | None
    played_by: str | None
    situation: str | None
    already_does: tuple[str, ...]
    sees_it: tuple[str, ...]
    contradictions: tuple[str, ...]
    fears: tuple[str, ...]
    steps: tuple[str, ...]
    how_to_play: tuple[str, ...]


def read(document: Document) -> RoleCard:
    data = document.data
    return RoleCard(
        source=document, id=fields.text(data, "id"), title=fields.text(data, "title") or document.id or document.path,
        module=fields.text(data, "module"), activity=fields.text(data, "activity"),
        scenario=fields.text(data, "scenario"), played_by=fields.text(data, "played_by"),
        situation=fields.text(data, "situation"), already_does=fields.texts(data, "already_does"),
        sees_it=fields.texts(data, "sees_it"), contradictions=fields.texts(data, "contradictions"),
        fears=fields.texts(data, "fears"), steps=fields.texts(data, "steps"),
        how_to_play=fields.texts(data, "how_to_play"),
    )


_SAYS: dict[KeyPath, str] = {
    ("played_by",): "Who reads this card, e.g. the person playing the organizer, in pairs.",
    ("situation",): "Who you are, where you are and what is going on, in a few sentences.",
    ("already_does", 0): "What you already do about it.",
    ("contradictions", 0): "Where what you say and what you do pull two ways.",
    ("fears", 0): "What you are afraid of.",
    ("how_to_play", 0): "How to play the part.",
}


def _lines(request: NewRequest, corpus: Corpus, document_id: str) -> list[str]:
    module = one_of(corpus, Module, request.module, "--module")
    activities = [activity for activity in module.activities
                  if not request.activity or activity.id == request.activity]
    if not activities:
        if request.activity:
            raise UsageError(f"--activity {request.activity}: module '{module.id}' has no activity '{request.activity}'")
        raise NewDocumentError(f"module '{module.id}' has no activity to use the card; add one first")
    lines = [
        "type: role-card", f"id: {document_id}", f"title: {quote(request.title or 'You are ...')}",
        f"module: {module.id}", f"activity: {activities[0].id}  # the activity of the module that uses the card",
    ]
    if request.scenario:
        lines.append(f"scenario: {one_of(corpus, Scenario, request.scenario, '--scenario').id}")
    lines += [
        f"played_by: {_SAYS['played_by',]}", f"situation: {_SAYS['situation',]}",
        "already_does:", f"  - {_SAYS['already_does', 0]}",
        "contradictions:", f"  - {_SAYS['contradictions', 0]}",
        "fears:", f"  - {_SAYS['fears', 0]}",
        "how_to_play:", f"  - {_SAYS['how_to_play', 0]}",
    ]
    return lines


TYPE = DocumentType(
    view=RoleCard, read=read, rank=7, folder="roles",
    description="a role card for a practice conversation: the person played, or the organizer's reminders",
    template=Template(_lines, title_id, asks=(("Title", "--title"),),
                      body="Anything else the card says, in plain Markdown (or nothing).\n", placeholders=_SAYS),
    references=(Reference("module", "module"), Reference("scenario", "scenario")),
)
