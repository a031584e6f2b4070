"""Which handouts a problem stops. A handout is built from every document it
should hold or not at all, so besides the documents it selects, it is
stopped by a file it would have taken that aotext could not read (or whose
type is unknown: such a file has no document the selection could see), and
by an error in the part of the project file that shapes it. A document with
errors whose link to the one it goes with leads nowhere (a log whose plan
is misspelt) could belong to any handout that reads its type: it stops them
as a file that could not be read does."""

from __future__ import annotations

from collections.abc import Iterable

from aotext.corpus import Corpus
from aotext.documents import fields
from aotext.documents.document import Document
from aotext.documents.records import frozen
from aotext.documents.types import FOLDER_TYPES, TYPES, folder_of
from aotext.handouts.formats import FORMATS
from aotext.handouts.layouts import Layout
from aotext.handouts.select import folder_root, selects, under
from aotext.model import ERROR, KeyPath, Problem
from aotext.project import Handout, Project
from aotext.schemas import schema_at
from aotext.words import closest


@frozen
class Unread:
    """A file in the content folder with no document a handout could take:
    it could not be read, its type is missing or unknown, or it names no
    document it goes with."""

    path: str
    # The type it most likely has: the known type its `type:` is a slip of
    # (Module, modul), else its folder's; None when nothing tells.
    likely_type: str | None


def first_errors(problems: Iterable[Problem]) -> dict[str, Problem]:
    """path -> the first error of each file that has any (lint sorts problems by file and line)."""
    first: dict[str, Problem] = {}
    for problem in problems:
        if problem.severity == ERROR:
            first.setdefault(problem.path, problem)
    return first


def _folder_type(path: str) -> str | None:
    folder = folder_of(path)
    return FOLDER_TYPES[folder] if folder else None


def _slip_of(value: object) -> str | None:
    """The known type a misspelt `type:` stands for, if it is close to one."""
    return closest(value.strip().lower(), TYPES) if isinstance(value, str) else None


def unread_files(errors: dict[str, Problem], corpus: Corpus, project_path: str | None) -> list[Unread]:
    """Every file with errors that no handout's selection can see."""
    documents = {document.path: document for document in corpus.documents}
    # An encrypted document no key here opens (its error is the key's) is
    # private, so no handout takes it unless named, and prepare refuses that.
    closed = {document.path for document in corpus.sealed}
    unread = []
    for path in sorted(errors):
        if path == project_path or path in closed:
            continue
        document = documents.get(path)
        if document is not None and document.type in TYPES:
            if _goes_with(document, corpus):
                continue  # a document the selections see, and refuse for its errors
            unread.append(Unread(path, document.type))
            continue
        slip = _slip_of(document.data.get("type")) if document is not None else None
        unread.append(Unread(path, slip or _folder_type(path)))
    return unread


def _goes_with(document: Document, corpus: Corpus) -> bool:
    """Whether every document `document` names as the one it goes with (a
    log's plan) is there, of its type, or is a file that could not be read
    but seems to give that id (what stops its handouts stops this one's):
    else which handout it is in cannot be told."""
    kind = document.type or ""
    for reference in TYPES[kind].references:
        named = document.reference(reference.key)
        if not named:
            if reference.key in (schema_at(kind, ()) or {}).get("required", ()):
                return False  # a log that names no plan
        elif named not in corpus.unreadable and not any(
                found.type == reference.target for found in corpus.by_id.get(named, ())):
            return False
    return True


def would_take(handout: Handout, layout: Layout, file: Unread, project: Project) -> bool:
    """Whether the handout might have printed or read `file`, had it been readable."""
    kind = file.likely_type
    # Companions and context are read whatever the selection (the report's
    # logs, the worksheet's modules), and a file of no known type could be one.
    if kind in layout.companion_types + layout.context_types:
        return True
    if kind is None and (layout.companion_types or layout.context_types):
        return True
    if kind is not None and kind not in layout.prints:
        return False
    if not selects(handout):
        return True
    if any(under(file.path, folder_root(project, folder)) for folder in handout.folders):
        return True
    # A file taken by id is known to be missing: its id is reported as unknown.
    return any(name in layout.prints and kind in (None, name) for name in handout.types)


def stands_for_one_output(layout: Layout, file: Unread) -> bool:
    """Whether `file` is the one document of an output of its own (a plan of
    a per-plan layout), so that only that output is missing, not every output."""
    return layout.per_plan and file.likely_type in layout.prints


def problem_key_path(problem: Problem, document: Document) -> KeyPath:
    """The key of the project file a problem is reported at: the most general
    one at its line and column. () when it is at the top of the file or at
    no key (a YAML error): then it concerns every handout."""
    if (problem.line, problem.column) == (1, 1):
        return ()
    at = [path for path, position in document.positions.items() if position == (problem.line, problem.column)]
    return min(at, key=len) if at else ()


def concerns(key_path: KeyPath, entries: frozenset[int], handout: Handout, layout: Layout | None) -> bool:
    """Whether an error at `key_path` of the project file shapes the handout
    whose entries under `handouts:` are `entries` (its layout None when the
    project names one aotext does not have)."""
    match key_path:
        case ("handouts", int(index), *_):
            return index in entries
        case ("workshop", "days", int(), "date", *_):
            # The first day's date is in the title block of every handout not made for one plan.
            return handout.agenda or layout is None or not layout.per_plan
        case ("workshop", *_):
            return handout.agenda
        case ("summary", *_):
            return layout is None or layout.dated
        case ("fonts", *_):
            return any(name in FORMATS and FORMATS[name].fonts for name in handout.formats)
        case _:
            return True


def entries_of(project: Project, data: fields.Data) -> dict[str, frozenset[int]]:
    """handout name -> the indexes of its entries under `handouts:` (two when a name is repeated)."""
    found: dict[str, set[int]] = {}
    for index, item in fields.items(data, "handouts"):
        name = fields.text(item, "name")
        if name is not None and project.handout(name) is not None:
            found.setdefault(name, set()).add(index)
    return {name: frozenset(indexes) for name, indexes in found.items()}

