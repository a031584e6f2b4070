"""Rules about documents as a whole: their type, their folder, their id."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from aotext.corpus import Corpus
from aotext.documents import fields
from aotext.documents.document import Document
from aotext.documents.types import FOLDER_TYPES, TYPES, folder_of
from aotext.documents.types.module import Module
from aotext.documents.types.plan import Plan
from aotext.model import KeyPath
from aotext.rules.base import Finding, document_rule, rule
from aotext.words import did_you_mean

_KNOWN = sorted(TYPES)


@document_rule("unknown-type", "the document has no 'type:' or one that aotext does not know")
def unknown_type(document: Document) -> Iterator[tuple[KeyPath, str]]:
    value = document.data.get("type")
    if value is None:
        yield (), f"this document has no 'type:'; add one of: {', '.join(_KNOWN)}"
    elif document.type not in TYPES:
        yield ("type",), (
            f"'{value}' is not a document type{did_you_mean(str(value), _KNOWN)}; use one of: {', '.join(_KNOWN)}"
        )


@document_rule("wrong-folder", "the document sits in the folder of another type")
def wrong_folder(document: Document) -> Iterator[tuple[KeyPath, str]]:
    kind = TYPES.get(document.type or "")
    folder = folder_of(document.path) if kind is not None else None
    if kind is not None and folder is not None and folder != kind.folder:
        yield ("type",), (
            f"a {kind.name} document sits in the '{folder}' folder, which holds "
            f"{FOLDER_TYPES[folder]} documents; move it to '{kind.folder}/' or correct its type"
        )


@rule("duplicate-id", "two documents, or two parts of one plan or module, share an id")
def duplicate_id(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    # Each id shared by several once, the ids of the documents in focus (and of the encrypted stand-ins).
    by_id = corpus.by_id
    for document_id in dict.fromkeys(d.id for d in [*corpus.documents, *corpus.sealed]
                                     if d.id and len(by_id.get(d.id, ())) > 1):
        original, *copies = by_id[document_id]  # the corpus puts the original first
        for document in copies:
            yield document, ("id",), (
                f"the id '{document_id}' is already used by {original.path}; give this document an id of its own"
            )
    if corpus.checked_project is not None:
        names: set[str] = set()
        for index, handout in fields.items(corpus.checked_project.data, "handouts"):
            name = fields.text(handout, "name")
            if name in names:
                yield corpus.checked_project, ("handouts", index, "name"), f"another handout is already called '{name}'; give each its own name"
            names.add(name or "")
    # A plan's parts share one namespace because benchmarks point at tactics
    # and strategies alike; a module's activities are told apart by id too.
    for plan in corpus.all(Plan):
        seen: dict[str, str] = {}
        for part in plan.parts:
            if part.id is None:
                continue
            if part.id in seen:
                yield plan.source, (part.section, part.index, "id"), (
                    f"the id '{part.id}' is already used in {seen[part.id]}; each part needs an id of its own"
                )
            else:
                seen[part.id] = part.section
    for module in corpus.all(Module):
        taken: set[str] = set()
        for activity in module.activities:
            if activity.id is None:
                continue
            if activity.id in taken:
                yield module.source, ("activities", activity.index, "id"), (
                    f"the id '{activity.id}' is already used in activities; each part needs an id of its own"
                )
            taken.add(activity.id)
