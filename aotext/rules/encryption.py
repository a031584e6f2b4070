"""Rules about private documents encrypted at rest (see aotext.crypto).

With `encryption: required` in the project file, a private document in plain
text is an error. An encrypted document's id is in the clear (its file
name), so it must match the id inside and must not carry a name; its type is
known without a key only by its folder, so it must sit in its type's folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from aotext.corpus import Corpus
from aotext.crypto.names import named_in_id
from aotext.documents.document import Document
from aotext.documents.types import TYPES, folder_of
from aotext.model import ERROR, WARNING, KeyPath
from aotext.rules.base import Finding, declare, document_rule, rule

declare("encrypted-unchecked", "encrypted documents could not be opened with your key (none, or one that cannot be used)",
        WARNING)
declare("encrypted-damaged", "an encrypted document is damaged (cut short or changed by hand): nobody can read it")
declare("encrypted-not-for-you", "an encrypted document is encrypted for other people, not for your key", WARNING)
# Reported by aotext.load, which knows the file name where it reads the id.
declare("encrypted-name", "an encrypted document's file name is not its id (readers without a key know it by name)")
declare("encrypted-public", "an encrypted document says private: false (readers without a key take it for private)")


@document_rule("encrypted-folder", "an encrypted document sits outside its type's folder (readers without a key know "
               "its type only by its folder)")
def encrypted_folder(document: Document) -> Iterator[tuple[KeyPath, str]]:
    # In another type's folder it is wrong-folder's; without a key,
    # aotext.crypto.unopened says it of the files it could not open.
    kind = TYPES.get(document.type or "") if document.encrypted else None
    if kind is not None and folder_of(document.path) is None:
        yield ("type",), (
            f"this encrypted {kind.name} sits outside the '{kind.folder}/' folder, and readers without a key "
            "know an encrypted document's type only by its folder (so they cannot check what refers to it); "
            f"move it into '{kind.folder}/' in the content folder")


def encryption_required(corpus: Corpus) -> bool:
    return corpus.project is not None and corpus.project.data.get("encryption") == "required"


@rule("plaintext-private", "a private document is in plain text although the project file says encryption: required",
      ERROR)
def plaintext_private(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    if not encryption_required(corpus):
        return
    for document in corpus.documents:
        if document.private and not document.encrypted:
            yield document, (), ("this private document is stored in plain text, but the project file says "
                                 "encryption: required; run aotext encrypt to encrypt it for the collective's keys")


@rule("id-names-someone", "the id of an encrypted document, which everyone can read, seems to carry a name", WARNING)
def id_names_someone(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    required = encryption_required(corpus)
    for document in corpus.documents:
        if not document.id or not (document.encrypted or (required and document.private)):
            continue
        name = named_in_id(document.id, document.data)
        if name:
            yield document, ("id",), (
                f"the id '{document.id}' contains the name '{name}', and the id of an encrypted document is its "
                "file name, which anyone with the repository can read; run aotext encrypt to give it an id "
                "that tells only its date")
