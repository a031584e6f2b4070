"""Between the cache's rows and a check: a row made from what a check
found in a file, and a check restored from the rows, its documents standing
in for their files until a rule asks what they say."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from aotext.documents.document import Document
from aotext.documents.types import TYPES
from aotext.incremental import LiveCheck
from aotext.lint import LintResult, lint_order
from aotext.lint_cache.store import FAILED, GROUPS, OWN, RULED, ProblemRow, Row, Stat, file_stat, picture_stat
from aotext.load import Loaded, load_file
from aotext.model import Problem, Severity
from aotext.repository import Location


class CachedDocument(Document):
    """A document the cache knows by its id, type and privacy: its file is
    read again only when a rule asks for what it says."""

    def __init__(self, path: str, known_id: str | None, known_type: str | None, private: bool,
                 references: dict[str, str]) -> None:
        self.path, self.role, self.encrypted, self.sealed = path, "document", False, False
        self._id, self._type, self._private, self._references = known_id, known_type, private, references

    @property
    def id(self) -> str | None:
        return self._id

    @property
    def type(self) -> str | None:
        return self._type

    @property
    def private(self) -> bool:
        return self._private

    def reference(self, key: str) -> str | None:
        return self._references.get(key)

    def __getattr__(self, name: str) -> Any:
        if name not in ("data", "body", "body_line", "read_positions"):
            raise AttributeError(name)
        # Unchanged since the cache was written, so it reads as it read then.
        document = load_file(Path(self.path)).document
        self.data = document.data if document is not None else {}
        self.read_positions = document.read_positions if document is not None else {}
        self.body, self.body_line = "", document.body_line if document is not None else 0
        return getattr(self, name)


def _problems(rows: Iterable[ProblemRow]) -> list[Problem]:
    return [Problem(path, line, column, rule, _severity(severity), message)
            for path, line, column, rule, severity, message in rows]


def _severity(value: str) -> Severity:
    return "error" if value == "error" else "warning"


def from_rows(saved: dict[str, Row]) -> LintResult:
    problems = [problem for row in saved.values() for problem in _problems([*row[OWN], *row[RULED]])]
    return LintResult(len(saved), [], sorted(problems, key=lint_order), sum(1 for row in saved.values() if row[FAILED]))


def restored(saved: dict[str, Row], names: dict[str, frozenset[str]], where: Location, as_of: dt.date) -> LiveCheck:
    """The check the cache holds, its documents standing in for their files."""
    project = where.project
    loaded, claims, own, ruled = [], {}, {}, {}
    for path, row in saved.items():
        _, _, is_document, known_id, known_type, private, claim, _, own_rows, ruled_rows, failed, pictures, named = row
        if own_rows:
            own[path] = _problems(own_rows)
        if ruled_rows:
            ruled[path] = _problems(ruled_rows)
        if claim:
            claims[path] = claim
        if project is not None and path == project.path:
            loaded.append(project)
            continue
        document = CachedDocument(path, known_id, known_type, private, dict(named)) if is_document else None
        loaded.append(Loaded(path, document, own.get(path, []), internal_error=failed,
                             consulted=tuple(picture for picture, _ in pictures)))
    indexed = ((path, names.get(path, frozenset()), row[GROUPS]) for path, row in saved.items())
    return LiveCheck.restored(loaded, as_of, claims, own, ruled, indexed, content_dir=where.content_dir,
                              project_path=project.path if project is not None else None)


def row_of(live: LiveCheck, path: str, stat: Stat | None, digest: bytes) -> Row | None:
    item = live.loaded(path)
    if item is None:
        return None
    document, found = item.document, live.facts(path)
    if stat is None:  # the project file: its own digest is in the key
        stat = file_stat(path) if os.path.isfile(path) else (0, 0)
    return (stat, digest, document is not None, document.id if document is not None else None,
            document.type if document is not None else None, document.private if document is not None else False,
            found.claim, found.groups, _rows(found.own),
            _rows(found.ruled), item.internal_error,
            tuple((picture, picture_stat(picture)) for picture in item.consulted), _references(document))


def _references(document: Document | None) -> tuple[tuple[str, str], ...]:
    kind = TYPES.get(document.type or "") if document is not None else None
    if document is None or kind is None:
        return ()
    return tuple((reference.key, named) for reference in kind.references if (named := document.reference(reference.key)))


def _rows(problems: Iterable[Problem]) -> list[ProblemRow]:
    return [(p.path, p.line, p.column, p.rule, p.severity, p.message) for p in problems]
