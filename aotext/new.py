"""`aotext new`: a new document of any type, from its type's template, that
passes lint at once: today's date, a fresh id from the title, every required
key with a placeholder that says what to write, and an editor schema hint."""

from __future__ import annotations

import os
from pathlib import Path

from aotext.corpus import Corpus
from aotext.documents.records import frozen
from aotext.documents.types import TYPES
from aotext.documents.types.base import NewDocumentError, NewRequest
from aotext.errors import UsageError
from aotext.schemas import id_max_length, id_pattern, schema_dir


@frozen
class Created:
    path: Path
    text: str
    # (path, new text) of another document changed to use this one (a module's activity)
    also: tuple[Path, str] | None = None
    hint: str = ""  # what was changed in that other document


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3` ... when it is taken."""
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def schemas_for(root: Path) -> Path:
    """The schema folder an editor should use: the repository's own, else aotext's."""
    return root / "schema" if (root / "schema").is_dir() else schema_dir()


def schema_hint(schemas: Path, folder: Path, type_name: str) -> str:
    """The first line of a new document's front matter: editors with YAML
    language support read it and check the keys while you type."""
    return f"# yaml-language-server: $schema={os.path.relpath(schemas / f'{type_name}.schema.json', folder)}"


def create(request: NewRequest, corpus: Corpus, content: Path, schemas: Path) -> Created:
    """The new document (not yet written); raises UsageError when the request
    names what is not there, NewDocumentError when it would overwrite or reuse."""
    kind = TYPES.get(request.type)
    if kind is None:
        raise UsageError(f"'{request.type}' is not a document type; use one of: {', '.join(TYPES)}")
    template = kind.template
    if request.title is not None and not request.title.strip():
        # The heading would print nothing, or the id made up for it.
        raise UsageError("--title: the title is blank; give the words it should print")
    taken = set(corpus.by_id)
    if request.id:
        if request.id in taken:
            raise NewDocumentError(f"the id '{request.id}' is already used by {corpus.by_id[request.id][0].path}; choose another")
        if not id_pattern().fullmatch(request.id):
            raise UsageError(f"--id {request.id}: not a valid id: use lowercase letters, digits and hyphens")
        if len(request.id) > id_max_length():
            raise UsageError(f"--id: {len(request.id)} characters; an id may have at most {id_max_length()}: "
                             "give a shorter one")
        document_id = request.id
    else:
        document_id = unique_id(template.base_id(request, corpus), taken)
    folder = content / kind.folder
    path = folder / f"{document_id}.md"
    if path.exists():
        raise NewDocumentError(f"{path} already exists; aotext new never overwrites a file")
    lines = template.lines(request, corpus, document_id)
    text = "\n".join(["---", schema_hint(schemas, folder, kind.name), *lines, "---", "", template.body])
    if template.also is None:
        return Created(path, text)
    other, other_text, what = template.also(request, corpus)
    return Created(path, text, (other, other_text), what)
