"""All loaded documents, indexed the ways the rules and commands look them up."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import attrgetter
from pathlib import PurePosixPath
from typing import Any, TypeVar

from aotext.documents.document import Document
from aotext.documents.types.base import View
from aotext.documents.types.reflection import Reflection
from aotext.words import Suggestions

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V", bound=View)


class Corpus:
    """The documents, indexed. A corpus can be told to `focus` on some paths:
    then the rules' loops (documents, of_type, all) see only those, while
    every lookup (find, by_id, reflections_of, everything ...) still sees the
    whole corpus. That is how an edit is re-checked without re-checking
    everything (aotext.incremental); commands never set a focus."""

    def __init__(self, documents: Sequence[Document], unreadable: Mapping[str, str] | None = None,
                 sealed: Sequence[Document] = ()) -> None:
        # id -> path of the files that could not be read but seem to give that id.
        self.unreadable: dict[str, str] = dict(unreadable or {})
        # Stand-ins for the encrypted documents the user's key could not open:
        # only their ids and types are known, so they answer references (by_id)
        # and nothing else (no rule, view or command sees them).
        self.sealed = sorted(sealed, key=lambda document: document.path)
        self.project: Document | None = None  # the project file, when it was among the files read
        self._by_path: dict[str, Document] = {}  # in path order, but after `replace`
        self._in_order = True
        self._memo: dict[object, Any] = {}
        self._focus: frozenset[str] | None = None
        self.by_id: dict[str, list[Document]] = defaultdict(list)
        self.by_type: dict[str, list[Document]] = defaultdict(list)
        by_path, by_id, by_type = self._by_path, self.by_id, self.by_type
        for document in sorted(documents, key=attrgetter("path")):  # so every list is in path order
            role = document.role
            if role == "document":
                by_path[document.path] = document
                if identifier := document.id:
                    by_id[identifier].append(document)
                if kind := document.type:
                    by_type[kind].append(document)
            elif role == "project":
                self.project = document
        for document in self.sealed:
            if document.id:
                self.by_id[document.id].append(document)
        for same in self.by_id.values():
            if len(same) > 1:
                same.sort(key=_original_first)

    def replace(self, path: str, document: Document | None) -> None:
        """Put `document` in place of whatever was read from `path` (None: the
        file is gone or cannot be read), keeping every index in order."""
        old = self.project if self.project is not None and self.project.path == path else self._by_path.pop(path, None)
        if old is not None and old.role == "project":
            self.project = None
        elif old is not None:
            if old.id:
                _remove(self.by_id, old.id, old)
            if old.type:
                _remove(self.by_type, old.type, old)
        if document is not None:
            if document.role == "document":
                self._by_path[document.path] = document
                self._in_order = False
                for index, key in ((self.by_id, document.id), (self.by_type, document.type)):
                    if key:
                        bisect.insort(index[key], document, key=lambda found: found.path)
                if document.id and len(self.by_id[document.id]) > 1:
                    self.by_id[document.id].sort(key=_original_first)
            elif document.role == "project":
                self.project = document
        self._memo.clear()

    def focus(self, paths: Iterable[str] | None) -> None:
        """Let the rules' loops see only `paths` (None: everything again)."""
        self._focus = frozenset(paths) if paths is not None else None
        self._memo.clear()

    @property
    def documents(self) -> list[Document]:
        """The documents in path order (only those in focus, if there is one)."""
        if self._focus is None:
            return self.everything()
        return self.memo("documents", lambda: self._focused(lambda document: True))

    @property
    def checked_project(self) -> Document | None:
        """The project file, for the rules that check it: None while the
        corpus is focused on other files (lookups use `project`)."""
        project = self.project
        return project if project is not None and (self._focus is None or project.path in self._focus) else None

    def everything(self) -> list[Document]:
        """Every document in path order, whatever the focus."""
        if not self._in_order:
            self._by_path, self._in_order = dict(sorted(self._by_path.items())), True
        return self.memo("everything", lambda: list(self._by_path.values()))

    def _focused(self, keep: Callable[[Document], bool]) -> list[Document]:
        """The documents in focus that `keep` keeps, in path order."""
        return [document for path in sorted(self._focus or ()) if (document := self._by_path.get(path)) and keep(document)]

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """`compute()` once per corpus: work that several rules share."""
        if key not in self._memo:
            self._memo[key] = compute()
        result: T = self._memo[key]
        return result

    def of_type(self, type_name: str) -> list[Document]:
        """The documents of one type in path order (only those in focus, if there is one)."""
        if self._focus is None:
            return self.by_type.get(type_name, [])
        return self.memo(("of-type", type_name), lambda: self._focused(lambda document: document.type == type_name))

    def every_of_type(self, type_name: str) -> list[Document]:
        """The documents of one type in path order, whatever the focus."""
        return self.by_type.get(type_name, [])

    def suggestions(self, type_name: str) -> Suggestions:
        """'Did you mean' among the ids of one type, made once per run however many ids are misspelt."""
        return self.memo(("suggestions", type_name),
                         lambda: Suggestions(d.id for d in self.every_of_type(type_name) if d.id))

    def all(self, view: type[V]) -> list[V]:
        """The typed views of every document of one type, in path order (only those in focus, if there is one)."""
        return self.memo(("views", view), lambda: [
            found for document in self.of_type(view.type_name) if isinstance(found := document.view, view)
        ])

    def all_everywhere(self, view: type[V]) -> list[V]:
        """The typed views of every document of one type, in path order, whatever the focus."""
        if self._focus is None:
            return self.all(view)
        return self.memo(("all-views", view), lambda: [
            found for document in self.every_of_type(view.type_name) if isinstance(found := document.view, view)
        ])

    def at(self, path: str) -> Document | None:
        """The document read from `path` (None for the project file, or a file
        that could not be read), whatever the focus."""
        return self._by_path.get(path)

    def find(self, document_id: object) -> Document | None:
        """The document with this id (the first, if lint reports it as duplicated);
        None for anything that is not an id, so callers need not check first."""
        found = self.by_id.get(document_id) if isinstance(document_id, str) else None
        return found[0] if found else None

    def find_view(self, document_id: object, view: type[V]) -> V | None:
        """The typed view of the document with this id, if it is of that type."""
        document = self.find(document_id)
        found = document.view if document is not None else None
        return found if isinstance(found, view) else None

    def reflections_of(self, plan_id: str | None) -> list[Reflection]:
        """Every reflection log that names the plan, dated or not, private
        ones included, in path order (indexed once per corpus by what each log
        names, so no caller scans every log for every plan, and only this
        plan's logs are read)."""
        def index() -> dict[str, list[Document]]:
            by_plan: dict[str, list[Document]] = defaultdict(list)
            for document in self.every_of_type(Reflection.type_name):
                if plan := document.reference("plan"):
                    by_plan[plan].append(document)
            return by_plan

        logs = self.memo("logs-by-plan", index).get(plan_id or "", [])
        return [view for document in logs if isinstance(view := document.view, Reflection)]

    def logs_of(self, plan_id: str | None) -> list[tuple[dt.date, Reflection]]:
        """The dated reflection logs of a plan with their dates, oldest first."""
        return self.memo(("dated-logs", plan_id), lambda: sorted(
            ((log.date, log) for log in self.reflections_of(plan_id) if log.date),
            key=lambda entry: (entry[0], entry[1].path)))



def _original_first(document: Document) -> tuple[bool, str]:
    """Of documents sharing an id, the original is the file named after its id;
    a copy usually is not (copy.md, "plan (1).md"): the copy is the one lint reports."""
    return PurePosixPath(document.path).stem != document.id, document.path


def _remove(index: dict[K, list[Document]], key: K, document: Document) -> None:
    same = index[key]
    # By identity: comparing documents field by field would be slow, and two may be equal.
    del same[next(position for position, found in enumerate(same) if found is document)]
    if not same:
        del index[key]
