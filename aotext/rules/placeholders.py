"""placeholder-text: a text that `aotext new` wrote for the user to replace,
still where it wrote it, so the handouts would print "Notes, in plain
Markdown." as if it were the workshop's. The texts are the templates' own
(each type's `Template`), read where each document is read, as the body
rules are."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from aotext.documents.document import Document
from aotext.documents.types import TYPES
from aotext.model import WARNING, KeyPath
from aotext.rules.base import declare

declare("placeholder-text", "a placeholder text that 'aotext new' wrote, left in place, which the handouts would print",
        severity=WARNING)

# (rule id, line, column, message), as aotext.rules.body's
Found = tuple[str, int, int, str]


@cache
def _body_lines(type_name: str) -> tuple[str, ...]:
    """The lines of text of a type's template body (not its ::: lines)."""
    body = TYPES[type_name].template.body
    return tuple(text for line in body.split("\n") if (text := line.strip()) and not text.startswith(":::"))


def _at(data: object, key_path: KeyPath) -> object:
    for part in key_path:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def _message(text: str, or_else: str = "") -> str:
    shown = text if len(text) <= 60 else f"{text[:57]}..."
    return f"'{shown}' is the placeholder 'aotext new' wrote here: replace it with the real text{or_else}"


def check_placeholders(document: Document) -> Iterator[Found]:
    kind = TYPES.get(document.type or "")
    if kind is None:
        return
    for key_path, text in kind.template.placeholders.items():
        value = _at(document.data, key_path)
        if isinstance(value, str) and value.strip() == text:
            at, column = document.position(key_path)
            yield "placeholder-text", at, column, _message(text)
    body = document.body
    for text in _body_lines(kind.name):
        if text not in body:  # most documents: one search, no line read
            continue
        for index, line in enumerate(body.split("\n")):
            if line.strip() == text:
                yield "placeholder-text", document.body_line + index, line.index(text) + 1, \
                    _message(text, ", or delete the line")
