"""The outline an editor shows of a document (textDocument/documentSymbol:
an outline pane, breadcrumbs, "go to symbol"): the front matter's keys, the
items of its lists by their titles (a plan's goals, strategies, tactics and
benchmarks, a day's modules), the parts of a group of keys, and the
headings of the body. Lines and characters are 0-based, as editors count."""

from __future__ import annotations

import re
from typing import Any

from lsprotocol import types

from aotext.documents.document import Document
from aotext.model import KeyPath
from aotext.rules.body import headings

# What an item of a list is called by, the first of these it has.
_NAMED_BY = ("title", "name", "id", "benchmark", "module", "person", "text")
_HEADING_MARKS = re.compile(r"^ {0,3}#{1,6}[ \t]*|[ \t]+#+[ \t]*$|[ \t]+$")


def outline(document: Document, lines: list[str]) -> list[types.DocumentSymbol]:
    """The document's outline: its keys, then the headings of its body."""
    ends_before = max(document.body_line - 2, 0)  # the closing '---' line, 0-based
    keys = _entries(document, (), document.data, ends_before, lines)
    return [*keys, *_body(lines, document.body_line - 1)]


def _entries(document: Document, parent: KeyPath, value: Any, ends_before: int,
             lines: list[str]) -> list[types.DocumentSymbol]:
    """A symbol for each key of a mapping (or item of a list) at `parent`,
    each reaching to the line before the next one starts."""
    parts = list(value.items()) if isinstance(value, dict) else list(enumerate(value))
    placed = [(part, inner, position) for part, inner in parts
              if (position := document.positions.get((*parent, part))) is not None]
    symbols = []
    for number, (part, inner, (line, column)) in enumerate(placed):
        following = placed[number + 1][2] if number + 1 < len(placed) else None
        last = (following[0] - 2 if following is not None else ends_before - 1)
        last = max(last, line - 1)
        start = types.Position(line=line - 1, character=column - 1)
        end = types.Position(line=last, character=len(lines[last]) if last < len(lines) else 0)
        if isinstance(part, str):
            name, kind, detail = part, types.SymbolKind.Field, None
            selection_end = types.Position(line=line - 1, character=column - 1 + len(part))
        else:
            name, detail = _item_name(inner, part)
            kind, selection_end = types.SymbolKind.Object, start
        children = _children(document, (*parent, part), inner, last + 1, lines) if not parent else []
        symbols.append(types.DocumentSymbol(
            name=name, detail=detail, kind=kind, range=types.Range(start=start, end=end),
            selection_range=types.Range(start=start, end=selection_end), children=children or None))
    return symbols


def _children(document: Document, key_path: KeyPath, value: Any, ends_before: int,
              lines: list[str]) -> list[types.DocumentSymbol]:
    """A top-level key's parts: the keys of a group, or the items of a list of groups."""
    if isinstance(value, dict) or (isinstance(value, list) and value and all(isinstance(item, dict) for item in value)):
        return _entries(document, key_path, value, ends_before, lines)
    return []


def _item_name(item: Any, index: int) -> tuple[str, str | None]:
    """An item's name (its title, or else its id ...) and, beside a title, its id."""
    if isinstance(item, dict):
        for key in _NAMED_BY:
            named = item.get(key)
            if isinstance(named, str | int) and str(named).strip():
                given = item.get("id")
                return str(named).strip(), (str(given) if key != "id" and isinstance(given, str) else None)
    return f"item {index + 1}", None


def _body(lines: list[str], first: int) -> list[types.DocumentSymbol]:
    """The body's headings, each holding the headings below it."""
    found = [(first + index, level) for index, level in headings("\n".join(lines[first:]))] if first >= 0 else []
    top: list[types.DocumentSymbol] = []
    open_at: list[tuple[int, types.DocumentSymbol]] = []  # the headings a later one may sit under, by level
    for number, (line, level) in enumerate(found):
        closing = next((other for other, other_level in found[number + 1:] if other_level <= level), len(lines))
        last = max(closing - 1, line)
        start = types.Position(line=line, character=0)
        end = types.Position(line=last, character=len(lines[last]) if last < len(lines) else 0)
        title = _HEADING_MARKS.sub("", lines[line]) or "(heading)"
        symbol = types.DocumentSymbol(
            name=title, kind=types.SymbolKind.String, range=types.Range(start=start, end=end),
            selection_range=types.Range(start=start, end=types.Position(line=line, character=len(lines[line]))))
        while open_at and open_at[-1][0] >= level:
            open_at.pop()
        if open_at:
            parent = open_at[-1][1]
            parent.children = [*(parent.children or []), symbol]
        else:
            top.append(symbol)
        open_at.append((level, symbol))
    return top
