"""A sheet of the trainer's kit: a page to print for the day, such as the
sign-in sheet, the feedback form, the materials checklist or the list of
readings. Its body is printed at the top; then whichever of its parts it
has: a checklist, references, questions with room to answer, a table to
fill in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aotext.documents import fields
from aotext.documents.records import record
from aotext.documents.types.base import DocumentType, NewRequest, Template, View, quote, title_id
from aotext.model import KeyPath

if TYPE_CHECKING:
    from aotext.corpus import Corpus
    from aotext.documents.document import Document

DEFAULT_ANSWER_LINES = 4
DEFAULT_ROWS = 16


@record
class CheckItem:
    item: str
    why: str | None


@record
class Reading:
    title: str
    by: str | None
    what: str | None
    used_in: tuple[str, ...]


@record
class SheetQuestion:
    prompt: str
    lines: int
    choices: tuple[str, ...]


@record
class FillTable:
    columns: tuple[str, ...]
    rows: int


@record
class Sheet(View):
    type_name = "sheet"
    title: str
    checklist: tuple[CheckItem, ...]
    references: tuple[Reading, ...]
    questions: tuple[SheetQuestion, ...]
    table: FillTable | None


def read(document: Document) -> Sheet:
    data = document.data
    table = data.get("table")
    columns = fields.texts(table, "columns") if isinstance(table, dict) else ()
    return Sheet(
        source=document, id=fields.text(data, "id"), title=fields.text(data, "title") or document.id or document.path,
        checklist=tuple(CheckItem(item=fields.text(item, "item") or "", why=fields.text(item, "why"))
                        for _, item in fields.items(data, "checklist")),
        references=tuple(Reading(title=fields.text(item, "title") or "", by=fields.text(item, "by"),
                                 what=fields.text(item, "what"), used_in=fields.texts(item, "used_in"))
                         for _, item in fields.items(data, "references")),
        questions=tuple(SheetQuestion(prompt=fields.text(item, "prompt") or "",
                                      lines=fields.whole(item, "lines") or DEFAULT_ANSWER_LINES,
                                      choices=fields.texts(item, "choices"))
                        for _, item in fields.items(data, "questions")),
        table=FillTable(columns=columns, rows=fields.whole(table, "rows") or DEFAULT_ROWS)
        if isinstance(table, dict) and columns else None,
    )


_SAYS: dict[KeyPath, str] = {("questions", 0, "prompt"): "A question, in plain words?"}


def _lines(request: NewRequest, corpus: Corpus, document_id: str) -> list[str]:
    return [
        "type: sheet", f"id: {document_id}", f"title: {quote(request.title or 'New sheet')}",
        "# Any of these parts, printed in this order under the text below:",
        "# checklist (item, why), references (title, by, what, used_in),",
        "# questions (prompt, lines, choices) and table (columns, rows).",
        "questions:",
        f"  - prompt: {_SAYS['questions', 0, 'prompt']}",
        f"    lines: {DEFAULT_ANSWER_LINES}  # blank lines to write the answer on",
    ]


TYPE = DocumentType(
    view=Sheet, read=read, rank=8, folder="kit",
    description="a sheet of the trainer's kit: a checklist, readings, questions to answer or a table to fill in",
    template=Template(_lines, title_id, asks=(("Title", "--title"),),
                      body="What the sheet says at the top, in plain Markdown.\n", placeholders=_SAYS),
)
