"""Writing a document that a person answered questions for: front matter
dumped as YAML (quoted where YAML needs it, whatever was typed), the editor's
schema hint, a fresh id, and a new file that never replaces another."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from aotext.corpus import Corpus
from aotext.documents.types import TYPES
from aotext.documents.types.base import slug
from aotext.errors import Refused
from aotext.fsio import create_new
from aotext.new import schema_hint, unique_id


class _Dumper(yaml.SafeDumper):
    """Block style, keys in the order given, text with line breaks as a literal block."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def front_matter(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)


def new_id(day: dt.date, name: str, corpus: Corpus) -> str:
    return unique_id(f"{day.isoformat()}-{slug(name)}", set(corpus.by_id))


def write_document(type_name: str, data: dict[str, Any], body: str, content: Path, schemas: Path) -> Path:
    """Write the document into its type's folder, named after its id; Refused
    (nothing written) when a file of that name appeared meanwhile."""
    folder = content / TYPES[type_name].folder
    path = folder / f"{data['id']}.md"
    text = f"---\n{schema_hint(schemas, folder, type_name)}\n{front_matter(data)}---\n\n{body.strip()}\n"
    try:
        create_new(path, text)
    except FileExistsError as error:
        raise Refused(f"{path} already exists; aotext never writes over a file") from error
    return path
