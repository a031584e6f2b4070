"""What sits at a place in a document's front matter: which key, and
whether the cursor is on the key's name or on its value. Positions are
0-based lines and characters here, as editors count them; aotext's own
positions are 1-based."""

from __future__ import annotations

import re
from typing import Any, Literal

from aotext.documents.document import Document
from aotext.documents.records import frozen
from aotext.model import KeyPath
from aotext.schemas import schema_at

_KEY_TYPED = re.compile(r"^(\s*)(-\s+)?([A-Za-z_][\w-]*)?$")
_VALUE_TYPED = re.compile(r"^(\s*)(-\s+)?([A-Za-z_][\w-]*):\s*(.*)$")


@frozen
class At:
    """The key at the cursor (`on`: its name or its value) in `document`."""

    document: Document
    key_path: KeyPath
    on: Literal["key", "value"]

    @property
    def value(self) -> Any:
        here: Any = self.document.data
        for part in self.key_path:
            if isinstance(here, dict):
                here = here.get(part)
            elif isinstance(here, list) and isinstance(part, int) and 0 <= part < len(here):
                here = here[part]
            else:
                return None
        return here


def schema_name(document: Document) -> str | None:
    """The schema a document is checked against."""
    return "project" if document.role == "project" else document.type


def at(document: Document, line: int, character: int, lines: list[str]) -> At | None:
    """The key whose name or value the cursor (0-based) is on, or None."""
    row, column = line + 1, character + 1
    on_line = [(found, position) for found, position in document.positions.items()
               if found and position[0] == row and position[1] <= column]
    if not on_line:
        return None
    key_path, (_, start) = max(on_line, key=lambda entry: (entry[1][1], len(entry[0])))
    last = key_path[-1]
    if isinstance(last, str):
        text = lines[line] if line < len(lines) else ""
        colon = text.find(":", start - 1)
        if colon == -1 or character <= colon:
            return At(document, key_path, "key")
    return At(document, key_path, "value")


@frozen
class Typing:
    """A line being typed, which may not parse yet: the mapping it is in,
    and the key whose value is being typed (None: a key is being typed)."""

    parent: KeyPath
    key: str | None
    typed: str


def typing(document: Document, line: int, character: int, lines: list[str]) -> Typing | None:
    """What the cursor's line is in the middle of, worked out from its
    indentation and the keys above it (the document as read without that line)."""
    text = lines[line][:character] if line < len(lines) else ""
    value = _VALUE_TYPED.match(text)
    key = _KEY_TYPED.match(text) if value is None else None
    found = value or key
    if found is None:
        return None
    indent = len(found.group(1)) + len(found.group(2) or "")
    parent = _parent(document, line + 1, indent, new_item=bool(found.group(2)))
    if parent is None:
        return None
    if value is not None:
        return Typing(parent, value.group(3), value.group(4))
    if found.group(2) and parent and isinstance(parent[-1], int) and _of_values(document, parent):
        # "- adv" in a list of words (steps, the strategies a tactic serves): a value of the list's key.
        listed = parent[:-1]
        if listed and isinstance(listed[-1], str):
            return Typing(listed[:-1], listed[-1], found.group(3) or "")
    return Typing(parent, None, found.group(3) or "")


def _of_values(document: Document, item: KeyPath) -> bool:
    """Whether the list that `item` is in holds words (ids, steps), not mappings of keys."""
    name = schema_name(document)
    schema = schema_at(name, item) if name else None
    return schema is not None and schema.get("type") != "object" and "properties" not in schema


def _parent(document: Document, row: int, indent: int, new_item: bool) -> KeyPath | None:
    """The key path of the mapping a line at `row` indented by `indent` belongs to."""
    above = [(key_path, position) for key_path, position in document.positions.items()
             if key_path and position[0] < row]
    for key_path, (_, column) in sorted(above, key=lambda entry: entry[1], reverse=True):
        if column - 1 < indent and isinstance(key_path[-1], str):
            container = At(document, key_path, "value").value
            if isinstance(container, list) or new_item:
                items = container if isinstance(container, list) else []
                return (*key_path, len(items) if new_item else max(len(items) - 1, 0))
            return key_path
        if column - 1 == indent and isinstance(key_path[-1], str):
            inside = key_path[:-1]
            if new_item and inside and isinstance(inside[-1], int):
                return (*inside[:-1], inside[-1] + 1)  # "- " starts the next item of the same list
            return inside
    return ()
