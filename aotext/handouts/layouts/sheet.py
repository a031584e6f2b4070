"""The sheet layout: pages of the trainer's kit (the sign-in sheet, the
feedback form, the materials checklist, the readings). Each sheet prints its
body, then its checklist with boxes to tick, its references, its questions
with ruled lines, and its table with empty rows to fill in by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from aotext.documents.document import Document
from aotext.documents.types.sheet import CheckItem, FillTable, Reading, Sheet, SheetQuestion
from aotext.handouts.compose import Composed, Voice, beneath, fenced, title_block, titled, views, voice
from aotext.handouts.images import printed_body
from aotext.handouts.labels import labels
from aotext.handouts.layouts.base import Layout
from aotext.handouts.plain import plain
from aotext.project import Handout, Project

BOX = "☐"
# An empty row of a table to fill in is tall enough to write in: a strut in
# its first cell (print, web page, Word each read their own and skip the others').
_STRUT = ("`#box(height: 1.7em)`{=typst}"
          "`<span style=\"display:inline-block;min-height:1.9rem\"></span>`{=html}"
          "`<w:r><w:br/></w:r>`{=openxml}")
# Dashes set the relative column widths; a long separator line makes pandoc use them.
_WIDTH = 78


def _separator(weights: Sequence[int]) -> str:
    total = sum(weights)
    return "|" + "|".join(":" + "-" * max(3, _WIDTH * weight // total) for weight in weights) + "|"


def checklist_markdown(items: Sequence[CheckItem], spoken: Voice, words: Mapping[str, str]) -> str:
    """A table: a box to tick, what to have ready, and (when given) where the workshop uses it."""
    ready, what, used = (spoken.label(words[key]) for key in ("ready", "what", "where used"))
    explained = any(item.why for item in items)
    if explained:
        rows = [f"| {BOX} | {plain(item.item)} | {plain(item.why or '')} |" for item in items]
        return "\n".join([f"| {ready} | {what} | {used} |", _separator((2, 9, 9)), *rows]) + "\n"
    rows = [f"| {BOX} | {plain(item.item)} |" for item in items]
    return "\n".join([f"| {ready} | {what} |", _separator((2, 18)), *rows]) + "\n"


def references_markdown(readings: Sequence[Reading], level: int, spoken: Voice, words: Mapping[str, str]) -> str:
    parts = []
    for reading in readings:
        by = f"{spoken.label(words['written by'])} {plain(reading.by)}" if reading.by else ""
        parts.append(f"{'#' * level} *{plain(reading.title)}*{by}\n")
        if reading.what:
            parts.append(f"{plain(reading.what)}\n")
        if reading.used_in:
            parts.append(f"**{spoken.label(words['where used'])}**\n\n"
                         + "".join(f"- {plain(place)}\n" for place in reading.used_in))
    return "\n".join(parts)


def questions_markdown(questions: Sequence[SheetQuestion]) -> str:
    """Each question numbered, its boxes to tick if it has choices, and ruled lines to answer on."""
    parts = []
    for number, question in enumerate(questions, start=1):
        choices = "".join(f"- {BOX} {plain(choice)}\n" for choice in question.choices)
        content = f"**{number}. {plain(question.prompt)}**\n\n" + (choices + "\n" if choices else "")
        parts.append(fenced(".question", content + f"::: {{.answer-lines lines={question.lines}}}\n:::\n"))
    return "\n".join(parts)


def table_markdown(table: FillTable) -> str:
    """The column headings over empty rows; the first column (usually the name) is widest."""
    weights = [4] + [3] * (len(table.columns) - 1)
    header = "| " + " | ".join(plain(column) for column in table.columns) + " |"
    empty = "| " + _STRUT + " |" + " |" * (len(table.columns) - 1)
    return "\n".join([header, _separator(weights), *[empty] * table.rows]) + "\n"


def sheet_markdown(sheet: Sheet, images: dict[str, bytes], level: int, spoken: Voice,
                   words: Mapping[str, str]) -> str:
    parts = []
    body = printed_body(sheet.source, images).strip()
    if body:
        parts.append(beneath(level - 1, body))  # under the sheet's title, or the handout's
    if sheet.checklist:
        parts.append(checklist_markdown(sheet.checklist, spoken, words))
    if sheet.references:
        parts.append(references_markdown(sheet.references, level, spoken, words))
    if sheet.questions:
        parts.append(questions_markdown(sheet.questions))
    if sheet.table:
        parts.append(table_markdown(sheet.table))
    return "\n".join(parts)


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    """Each sheet on its own page, in the order the handout names them (else by file).
    A handout of one sheet is titled by the handout; of several, each sheet has its heading."""
    words = labels(project.lang)
    named = {document_id: index for index, document_id in enumerate(handout.ids)}
    sheets = sorted(views(documents, Sheet), key=lambda sheet: (named.get(sheet.id or "", len(named)), sheet.path))
    several = len(sheets) > 1
    parts: list[str] = []
    images: dict[str, bytes] = {}
    for index, sheet in enumerate(sheets):
        if index:
            parts.append(fenced(".page-break", ""))
        spoken = voice(sheet.source, project)
        heading = f"# {plain(sheet.title)}\n\n" if several else ""
        parts.append(spoken.part(heading + sheet_markdown(sheet, images, 2 if several else 1, spoken, words)))
    return titled(Composed("\n".join(parts), images=images), title_block(handout, project))


LAYOUT = Layout(name="sheet", prints=("sheet",), formats=("pdf", "docx", "html"), compose=compose)
