"""All loaded documents, indexed the ways the rules and commands look them up."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any, TypeVar

from aotext.documents.document import Document
from aotext.documents.types.base import View
from aotext.documents.types.reflection import Reflection
from aotext.words import Suggestions

T = TypeVar("T")
V = TypeVar("V", bound=View)


class Corpus:
    def __init__(self, documents: Sequence[Document], unreadable: Mapping[str, str] | None = None,
                 sealed: Sequence[Document] = ()) -> None:
        # id -> path of the files that could not be read but seem to give that id.
        self.unreadable: Mapping[str, str] = unreadable or {}
        # Stand-ins for the encrypted documents the user's key could not open:
        # only their ids and types are known, so they answer references (by_id)
        # and nothing else (no rule, view or command sees them).
        self.sealed = sorted(sealed, key=lambda document: document.path)
        ordered = sorted(documents, key=lambda document: document.path)
        self.documents = [document for document in ordered if document.role == "document"]
        # The project file, when it was among the files read.
        self.project = next((document for document in ordered if document.role == "project"), None)
        self._memo: dict[object, Any] = {}
        self.by_id: dict[str, list[Document]] = defaultdict(list)
        self.by_type: dict[str, list[Document]] = defaultdict(list)
        for document in self.documents:
            if document.id:
                self.by_id[document.id].append(document)
            if document.type:
                self.by_type[document.type].append(document)
        for document in self.sealed:
            if document.id:
                self.by_id[document.id].append(document)
        for document_id, same in self.by_id.items():
            if len(same) > 1:
                # The original is the file named after its id; a copy usually is not
                # (copy.md, "plan (1).md"): the copy is the one lint reports.
                same.sort(key=lambda document: (PurePosixPath(document.path).stem != document_id, document.path))

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """`compute()` once per corpus: work that several rules share."""
        if key not in self._memo:
            self._memo[key] = compute()
        result: T = self._memo[key]
        return result

    def of_type(self, type_name: str) -> list[Document]:
        return self.by_type.get(type_name, [])

    def suggestions(self, type_name: str) -> Suggestions:
        """'Did you mean' among the ids of one type, made once per run however many ids are misspelt."""
        return self.memo(("suggestions", type_name),
                         lambda: Suggestions(d.id for d in self.of_type(type_name) if d.id))

    def all(self, view: type[V]) -> list[V]:
        """The typed views of every document of one type, in path order."""
        return self.memo(("views", view), lambda: [
            found for document in self.of_type(view.type_name) if isinstance(found := document.view, view)
        ])

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
        ones included, in path order (indexed once per corpus, so no caller
        scans every log for every plan)."""
        def index() -> dict[str, list[Reflection]]:
            by_plan: dict[str, list[Reflection]] = defaultdict(list)
            for log in self.all(Reflection):
                if log.plan:
                    by_plan[log.plan].append(log)
            return by_plan

        return self.memo("logs-by-plan", index).get(plan_id or "", [])

    def logs_of(self, plan_id: str | None) -> list[tuple[dt.date, Reflection]]:
        """The dated reflection logs of a plan with their dates, oldest first."""
        return self.memo(("dated-logs", plan_id), lambda: sorted(
            ((log.date, log) for log in self.reflections_of(plan_id) if log.date),
            key=lambda entry: (entry[0], entry[1].path)))

