"""The registry of document types: the one place that knows each type's
name, folder, privacy, references, typed view and `aotext new` template.

Every module in this package that declares `TYPE` is a document type, so a
new type is one new module here, plus its schema in schema/ (and its name
in the project file's list of types, which a test keeps in step)."""

from __future__ import annotations

from aotext.documents.types.base import DocumentType, View
from aotext.registry import declared

TYPES: dict[str, DocumentType[View]] = {
    kind.name: kind for kind in sorted(declared(__name__, __path__, "TYPE", DocumentType), key=lambda kind: kind.rank)
}
# Folder name -> the type whose documents live there.
FOLDER_TYPES: dict[str, str] = {kind.folder: name for name, kind in TYPES.items()}


def folder_of(path: str) -> str | None:
    """The innermost folder of `path` (written with '/') that is a type's
    folder (curriculum, plans ...), if any. Split as a string: lint asks it of
    every document, and a path object costs ten times as much."""
    for part in reversed(path.split("/")[:-1]):
        if part in FOLDER_TYPES:
            return part
    return None
