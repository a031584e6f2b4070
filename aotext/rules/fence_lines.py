"""What pandoc makes of a document body's `:::` lines: a fence that opens a
block, with the classes and key=value attributes it reads on that line; a
fence that closes a block; a line it prints as text instead, and why; and
all of them for one body (`Reading`), which the body rules and the agenda
read.

Which `:::` lines are fences at all depends on the lines around them (code,
lists, tables, paragraph text), and aotext.rules.fences works that out; what
an opening fence's own line says depends on that line alone, and is read
here, as pandoc reads a word or attributes in braces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from aotext.documents.records import frozen

_OPENER = re.compile(r":{3,}[ \t]*(\S+)[ \t]*:*[ \t]*$")
_BRACED = re.compile(r":{3,}[ \t]*(\{.*\})[ \t]*:*[ \t]*$")
# One attribute in braces: .class, #id, key=value, or - (pandoc's "unnumbered").
_ATTRIBUTE = re.compile(r"""\s*(?:\.([^\s{}#="']+)|#[^\s{}#="'.]+|[^\s{}=#."']+=(?:"[^"]*"|'[^']*'|[^\s{}"']*)|(-))""")


@frozen
class Fence:
    line: int
    column: int
    classes: tuple[tuple[str, int], ...] = ()  # (class, its column)
    # key=value attributes, such as a module's activity=ID mark: (key, value, column of the key)
    attributes: tuple[tuple[str, str, int], ...] = ()


@frozen
class AsText:
    """A `:::` line that pandoc prints as text."""

    line: int
    column: int
    reason: Literal["under-text", "indented", "words", "table"]
    closing: bool  # it looks like a closing fence
    cause: int = 0  # for a table: the line of dashes that starts it


@dataclass
class Reading:
    """What pandoc makes of a body's `:::` lines."""

    opened: list[Fence] = field(default_factory=list)
    # The line that closes each block that is closed, by the line that opens it.
    closed_at: dict[int, int] = field(default_factory=dict)
    unclosed: list[Fence] = field(default_factory=list)
    stray: list[Fence] = field(default_factory=list)
    as_text: list[AsText] = field(default_factory=list)


def classes_of(text: str) -> tuple[tuple[str, int], ...] | None:
    """(class, 0-based column) of each class of an opening fence line, or
    None when pandoc does not read the line as one."""
    braced = _BRACED.match(text)
    if braced:
        attributes, start = braced.group(1), braced.start(1)
        found, position = [], 1
        while (token := _ATTRIBUTE.match(attributes, position)) is not None and token.end() > position:
            if token.group(1):
                found.append((token.group(1), start + token.start(1)))
            elif token.group(2):
                found.append(("unnumbered", start + token.start(2)))
            position = token.end()
        if attributes[position:].strip() == "}":
            return tuple(found)
    # Attributes pandoc cannot read are one word, a class, if they have no space.
    word = _OPENER.match(text)
    return ((word.group(1), word.start(1)),) if word else None


_KEYED = re.compile(r"""([^\s{}=#."']+)=(?:"([^"]*)"|'([^']*)'|([^\s{}"']*))""")


def keyed_attributes(text: str) -> tuple[tuple[str, str, int], ...]:
    """(key, value, 0-based column) of each key=value attribute of an opening fence line in braces."""
    braced = _BRACED.match(text)
    if not braced:
        return ()
    start = braced.start(1)
    return tuple((found.group(1), next(value for value in found.groups()[1:] if value is not None),
                  start + found.start(1)) for found in _KEYED.finditer(braced.group(1)))
