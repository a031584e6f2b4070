"""The registry of document types: the one place that knows each type's
name, folder, privacy, references, typed view and `aotext new` template.

Every module in this package that declares `TYPE` is a document type, so a
new type is one new module here, plus its schema in schema/ (and its name
in the project file's list of types, which a test keeps in step)."""

from __future__ import annotations

import importlib
import pkgutil

from aotext.documents.types.base import DocumentType, View


def _discover() -> dict[str, DocumentType[View]]:
    found: list[DocumentType[View]] = []
    for module in pkgutil.iter_modules(__path__):
        declared = getattr(importlib.import_module(f"{__name__}.{module.name}"), "TYPE", None)
        if isinstance(declared, DocumentType):
            found.append(declared)
    return {kind.name: kind for kind in sorted(found, key=lambda kind: (kind.rank, kind.name))}


TYPES = _discover()
# Folder name -> the type whose documents live there.
FOLDER_TYPES: dict[str, str] = {kind.folder: name for name, kind in TYPES.items()}
