"""Rules about documents as a whole: their type, their folder, their id."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import PurePosixPath

from aotext.corpus import Corpus, entries, text
from aotext.model import TYPE_FOLDERS
from aotext.rules.base import Finding, rule
from aotext.words import did_you_mean

_FOLDER_TYPES = {folder: type_name for type_name, folder in TYPE_FOLDERS.items()}


@rule("unknown-type", "the document has no 'type:' or one that aotext does not know")
def unknown_type(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    known = sorted(TYPE_FOLDERS)
    for document in corpus.documents:
        value = document.data.get("type")
        if value is None:
            yield document, (), f"this document has no 'type:'; add one of: {', '.join(known)}"
        elif document.type not in known:
            yield document, ("type",), (
                f"'{value}' is not a document type{did_you_mean(str(value), known)}; use one of: {', '.join(known)}"
            )


@rule("wrong-folder", "the document sits in the folder of another type")
def wrong_folder(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for document in corpus.documents:
        if document.type not in TYPE_FOLDERS:
            continue
        folders = [part for part in PurePosixPath(document.path).parent.parts if part in _FOLDER_TYPES]
        if folders and folders[-1] != TYPE_FOLDERS[document.type]:
            yield document, ("type",), (
                f"a {document.type} document sits in the '{folders[-1]}' folder, which holds "
                f"{_FOLDER_TYPES[folders[-1]]} documents; move it to '{TYPE_FOLDERS[document.type]}/' or correct its type"
            )


# Ids that must be unique inside one document: a plan's parts share one
# namespace because benchmarks point at tactics and strategies alike.
_INNER_IDS = {"plan": ("goals", "strategies", "tactics", "benchmarks"), "module": ("activities",)}


@rule("duplicate-id", "two documents, or two parts of one plan or module, share an id")
def duplicate_id(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for document_id, documents in corpus.by_id.items():
        for document in documents[1:]:
            yield document, ("id",), (
                f"the id '{document_id}' is already used by {documents[0].path}; give this document an id of its own"
            )
    if corpus.project is not None:
        names: set[str] = set()
        for index, handout in entries(corpus.project.data, "handouts"):
            name = text(handout, "name")
            if name in names:
                yield corpus.project, ("handouts", index, "name"), f"another handout is already called '{name}'; give each its own name"
            names.add(name or "")
    for document in corpus.documents:
        seen: dict[str, str] = {}
        for section in _INNER_IDS.get(document.type or "", ()):
            for index, item in entries(document.data, section):
                inner_id = text(item, "id")
                if inner_id is None:
                    continue
                if inner_id in seen:
                    yield document, (section, index, "id"), (
                        f"the id '{inner_id}' is already used in {seen[inner_id]}; each part needs an id of its own"
                    )
                else:
                    seen[inner_id] = section
