"""A worksheet question: its number, prompt, module and answer space."""

from __future__ import annotations

import re
from pathlib import Path
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
    slug,
)
from aotext.documents.types.module import Module
from aotext.errors import UsageError

if TYPE_CHECKING:
    from aotext.corpus import Corpus
    from aotext.documents.document import Document

DEFAULT_ANSWER_LINES = 6


@record
class Question(View):
    type_name = "question"
    number: int | None
    module: str | None
    prompt: str
    answer_lines: int


def read(document: Document) -> Question:
    data = document.data
    return Question(source=document, id=fields.text(data, "id"), number=fields.whole(data, "number"),
                    module=fields.text(data, "module"), prompt=fields.text(data, "prompt") or "",
                    answer_lines=fields.whole(data, "answer_lines") or DEFAULT_ANSWER_LINES)


def next_number(corpus: Corpus) -> int:
    return max((q.number for q in corpus.all(Question) if q.number is not None), default=0) + 1


def _lines(request: NewRequest, corpus: Corpus, document_id: str) -> list[str]:
    module = one_of(corpus, Module, request.module, "--module")
    return [
        "type: question", f"id: {document_id}", f"number: {next_number(corpus)}",
        f"module: {module.id}", f"prompt: {quote(request.title or 'The question, in plain words?')}",
        "answer_lines: 6",
    ]


def _base_id(request: NewRequest, corpus: Corpus) -> str:
    return f"q{next_number(corpus):02d}-{slug(request.title or 'question')}"


def _wire(request: NewRequest, corpus: Corpus) -> tuple[Path, str, str]:
    """Add the new question's number to an activity of its module, so the
    worksheet uses it: the module's file with one line changed or added, in
    the file's own line endings (so git shows one changed line)."""
    module = one_of(corpus, Module, request.module, "--module")
    number = next_number(corpus)
    activities = list(module.activities)
    if request.activity:
        activities = [activity for activity in activities if activity.id == request.activity]
        if not activities:
            raise UsageError(f"--activity {request.activity}: module '{module.id}' has no activity '{request.activity}'")
    if not activities:
        raise NewDocumentError(f"module '{module.id}' has no activity to use the question; add one first "
                               "(the worksheet prints only questions an activity uses)")
    activity = activities[0]
    with open(module.path, encoding="utf-8", newline="") as handle:
        original = handle.read()
    newline = "\r\n" if "\r\n" in original else "\n"
    lines = original.split(newline)
    source = module.source
    if "questions" in source.data["activities"][activity.index]:
        line, _ = source.position(("activities", activity.index, "questions"))
        flow = re.fullmatch(r"(\s*questions:\s*\[)(.*)(\]\s*(#.*)?)", lines[line - 1])
        if not flow:
            raise NewDocumentError(f"add {number} to the questions of activity '{activity.id}' "
                                   f"in {module.path} (line {line}) by hand")
        listed = flow.group(2).strip()
        lines[line - 1] = f"{flow.group(1)}{listed + ', ' if listed else ''}{number}{flow.group(3)}"
    else:
        line, column = source.position(("activities", activity.index, "id"))
        lines.insert(line, f"{' ' * (column - 1)}questions: [{number}]")
    return Path(module.path), newline.join(lines), f"question {number} added to activity '{activity.id}'"


TYPE = DocumentType(
    view=Question, read=read, rank=2, folder="worksheet",
    description="a worksheet question, with its answer space, wired into a module's activity",
    template=Template(_lines, _base_id, body="Notes, in plain Markdown.\n", also=_wire),
    references=(Reference("module", "module"),),
)
