"""Writing a document that a person answered questions for: front matter
dumped as YAML (quoted where YAML needs it, whatever was typed), the editor's
schema hint, a fresh id, and a new file that never replaces another."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from aotext.corpus import Corpus
from aotext.documents.types import TYPES
from aotext.documents.types.base import slug
from aotext.errors import Refused
from aotext.fsio import create_new
from aotext.new import schema_hint, unique_id

if TYPE_CHECKING:
    from aotext.crypto.age import Recipient


class _Dumper(yaml.SafeDumper):
    """Block style, keys in the order given, text with line breaks as a literal block."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def front_matter(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)


def new_id(day: dt.date, name: str, corpus: Corpus) -> str:
    return unique_id(f"{day.isoformat()}-{slug(name)}", set(corpus.by_id))


def place_new(type_name: str, document_id: str, text: str, content: Path,
              recipients: Sequence[Recipient] | None = None, command: str = "aotext") -> Path:
    """Write a new document's text into its type's folder, named after its id:
    encrypted for `recipients` when given (encryption: required), so its plain
    text never touches the disk. Refused (nothing written) when a file of that
    name appeared meanwhile."""
    folder = content / TYPES[type_name].folder
    if recipients is None:
        path, data = folder / f"{document_id}.md", text.encode("utf-8")
    else:
        from aotext.crypto.age import encrypt
        from aotext.crypto.sealed import SUFFIX

        path, data = folder / f"{document_id}{SUFFIX}", encrypt(text.encode("utf-8"), recipients)
    try:
        create_new(path, data)
    except FileExistsError as error:
        raise Refused(f"{path} already exists; {command} never overwrites a file") from error
    return path


def document_text(type_name: str, data: dict[str, Any], body: str, content: Path, schemas: Path) -> str:
    folder = content / TYPES[type_name].folder
    return f"---\n{schema_hint(schemas, folder, type_name)}\n{front_matter(data)}---\n\n{body.strip()}\n"


def write_document(type_name: str, data: dict[str, Any], body: str, content: Path, schemas: Path,
                   recipients: Sequence[Recipient] | None = None) -> Path:
    """Write a document a person answered questions for (see place_new)."""
    return place_new(type_name, data["id"], document_text(type_name, data, body, content, schemas), content,
                     recipients)
