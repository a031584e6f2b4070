"""Between the cache's rows and a check: a row made from what a check
found in a file, and a check restored from the rows, its documents standing
in for their files until a rule asks what they say."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from aotext.corpus import Corpus
from aotext.dependents import Groups, Mentions
from aotext.documents.document import Document
from aotext.documents.types import TYPES
from aotext.incremental import Facts, LiveCheck
from aotext.lint import LintResult, lint_order
from aotext.lint_cache.store import (
    Found,
    Index,
    IndexRow,
    Pictures,
    ProblemRow,
    Problems,
    Seen,
    file_stat,
    seen_stat,
)
from aotext.load import Loaded, load_file
from aotext.model import Problem, Severity
from aotext.repository import Location


class CachedDocument(Document):
    """A document the cache knows by its id, type and privacy: its file is
    read again only when a rule asks for what it says."""

    # Plain attributes in place of Document's, which it works out from `data`
    # (a stand-in has none until a rule asks what it says).
    id: str | None = None
    type: str | None = None
    private: bool = False

    def __init__(self, path: str, known_id: str | None, known_type: str | None, private: bool,
                 references: tuple[tuple[str, str], ...]) -> None:
        self.path, self.role, self.encrypted, self.sealed = path, "document", False, False
        self.id, self.type, self.private, self._references = known_id, known_type, private, references

    def reference(self, key: str) -> str | None:
        for given, named in self._references:
            if given == key:
                return named
        return None

    def __getattr__(self, name: str) -> Any:
        if name not in ("data", "body", "body_line", "read_positions", "uncommon"):
            raise AttributeError(name)
        # Unchanged since the cache was written, so it reads as it read then.
        document = load_file(Path(self.path)).document
        self.data = document.data if document is not None else {}
        self.read_positions = document.read_positions if document is not None else {}
        self.body, self.body_line = "", document.body_line if document is not None else 0
        self.uncommon = document.uncommon if document is not None else frozenset()
        return getattr(self, name)


def _problems(rows: Iterable[ProblemRow]) -> list[Problem]:
    return [Problem(path, line, column, rule, _severity(severity), message)
            for path, line, column, rule, severity, message in rows]


def _severity(value: str) -> Severity:
    return "error" if value == "error" else "warning"


def from_found(found: Found) -> LintResult:
    """What the last lint printed, when nothing changed since."""
    problems = [problem for own, ruled in found.problems.values() for problem in _problems([*own, *ruled])]
    return LintResult(len(found.seen), Corpus([]), sorted(problems, key=lint_order), len(found.failed))


def restored(found: Found, index: Index, where: Location, as_of: dt.date,
             every_name: Callable[[], dict[str, Mentions]]) -> LiveCheck:
    """The check the cache holds, its documents standing in for their files.
    What each file names is known only for the strings that were ids
    (`index.known`) until `every_name` is asked for the rest."""
    project = where.project
    failed = set(found.failed)
    own = {path: _problems(problems[0]) for path, problems in found.problems.items() if problems[0]}
    ruled = {path: _problems(problems[1]) for path, problems in found.problems.items() if problems[1]}
    loaded, claims, shown = [], {}, found.pictures
    mentions: dict[str, Mentions] = {}
    grouped: list[tuple[str, Groups]] = []
    project_path = project.path if project is not None else None
    # One pass over every file, so kept lean: a third of a lint after one change at 20,000 documents.
    for path, (is_document, known_id, known_type, private, claim, groups, references, named) in index.rows.items():
        mentions[path] = named
        if groups:
            grouped.append((path, groups))
        if claim:
            claims[path] = claim
        if path == project_path and project is not None:
            loaded.append(project)
            continue
        document = CachedDocument(path, known_id, known_type, private, references) if is_document else None
        pictures = shown.get(path)
        loaded.append(Loaded(path, document, own.get(path, []), path in failed,
                             None, tuple(picture for picture, _ in pictures) if pictures else ()))
    return LiveCheck.restored(loaded, as_of, claims, own, ruled, mentions, grouped, content_dir=where.content_dir,
                              project_path=project_path, known=index.known, every_name=every_name)


def found_of(item: Loaded, facts: Facts, seen: Seen | None) -> tuple[Seen, Problems | None, bool, Pictures]:
    """What FILE keeps of one file a check holds (read as `item`, found as
    `facts`): as it was seen, its problems, whether aotext failed on it, the pictures it shows."""
    if seen is None:  # the project file: its own digest is in the key
        seen = (*(file_stat(item.path) if os.path.isfile(item.path) else (0, 0)), b"")
    problems = (_rows(facts.own), _rows(facts.ruled)) if facts.own or facts.ruled else None
    return seen, problems, item.internal_error, tuple((picture, seen_stat(picture)) for picture in item.consulted)


def index_row_of(item: Loaded | None, facts: Facts, known: frozenset[str]) -> IndexRow | None:
    """What INDEX keeps of one file a check holds (read as `item`, found as
    `facts`; None: gone), naming only the strings in `known`."""
    if item is None:
        return None
    document = item.document
    return (document is not None, document.id if document is not None else None,
            document.type if document is not None else None, document.private if document is not None else False,
            facts.claim, tuple(facts.groups), _references(document), tuple(facts.mentions & known))


def _references(document: Document | None) -> tuple[tuple[str, str], ...]:
    kind = TYPES.get(document.type or "") if document is not None else None
    if document is None or kind is None:
        return ()
    return tuple((reference.key, named) for reference in kind.references if (named := document.reference(reference.key)))


def _rows(problems: Iterable[Problem]) -> list[ProblemRow]:
    return [(p.path, p.line, p.column, p.rule, p.severity, p.message) for p in problems]
