"""A worksheet question: its number, prompt, module and answer space."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
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
from aotext.documents.types.module import Module, ordered_modules
from aotext.errors import UsageError
from aotext.model import KeyPath

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


def worksheet_order(questions: Iterable[Question], modules: Sequence[Module]) -> list[Question]:
    """The questions as the worksheet prints them: under their modules in
    workshop order (`modules` so ordered; those of no such module last), by
    number within each. What lint holds the numbering to, so that the printed
    worksheet runs 1, 2, 3 ..."""
    place = {module.id: index for index, module in enumerate(modules)}
    return sorted(questions, key=lambda q: (place.get(q.module, len(place)), q.number or 0))


def number_for(corpus: Corpus, module: Module) -> int:
    """The number a new question of `module` takes so that the worksheet
    still prints in number order: the one after the last question of its
    module or of the modules before it."""
    modules = ordered_modules(corpus.all(Module))
    before = {found.id for found in modules[:modules.index(module) + 1]}
    numbered = [q for q in corpus.all(Question) if q.number is not None]
    number = max((q.number or 0 for q in numbered if q.module in before), default=0) + 1
    later = sorted(q.number or 0 for q in numbered if q.module not in before and (q.number or 0) >= number)
    if later and later[0] == number:
        taken, renumber = ((f"question {number} belongs", f"it {number + 1}") if len(later) == 1 else
                           (f"questions {number} to {later[-1]} belong", f"them {number + 1} to {later[-1] + 1}"))
        raise NewDocumentError(
            f"the worksheet prints its questions module by module, so a new question of module '{module.id}' must "
            f"be question {number}, but {taken} to later modules. Renumber {renumber} first (the 'number:' of "
            "each, and the 'questions:' of the activities that use them), then run this again")
    return number


_SAYS: dict[KeyPath, str] = {("prompt",): "The question, in plain words?"}


def _lines(request: NewRequest, corpus: Corpus, document_id: str) -> list[str]:
    module = one_of(corpus, Module, request.module, "--module")
    return [
        "type: question", f"id: {document_id}", f"number: {number_for(corpus, module)}",
        f"module: {module.id}", f"prompt: {quote(request.title or _SAYS['prompt',])}",
        "answer_lines: 6",
    ]


def _base_id(request: NewRequest, corpus: Corpus) -> str:
    number = number_for(corpus, one_of(corpus, Module, request.module, "--module"))
    return f"q{number:02d}-{slug(request.title or 'question')}"


def _wire(request: NewRequest, corpus: Corpus) -> tuple[Path, str, str]:
    """Add the new question's number to an activity of its module, so the
    worksheet uses it: the module's file with one line changed or added, in
    the file's own line endings (so git shows one changed line)."""
    module = one_of(corpus, Module, request.module, "--module")
    number = number_for(corpus, module)
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
    template=Template(_lines, _base_id, body="Notes, in plain Markdown.\n", also=_wire, placeholders=_SAYS),
    references=(Reference("module", "module"),),
)
