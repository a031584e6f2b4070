"""Problems as the editor shows them, and the quick fixes some of them
offer: take the id lint suggests ("did you mean"), or insert a missing
required key with a placeholder to fill in. The server only proposes
edits; the editor applies them when the user picks one."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from lsprotocol import types

from aotext.model import ERROR, Problem
from aotext.schemas import REQUIRED_KEY, schema_at
from aotext.words import SUGGESTED

SOURCE = "aotext"
_QUOTED = re.compile(r"'([^']+)'")
_FENCE = "---"
# A key whose value is the mapping on the lines below it.
_NESTED = re.compile(r"[\w-]+:[ \t]*(?:#.*)?$")


def diagnostic(problem: Problem, lines: list[str]) -> types.Diagnostic:
    """`problem` at its line and column; it covers the rest of that line
    (the key and its value), so the editor underlines what it is about."""
    row = max(problem.line - 1, 0)
    start = max(problem.column - 1, 0)
    text = lines[row] if row < len(lines) else ""
    end = max(len(text.rstrip()), start + 1)
    severity = types.DiagnosticSeverity.Error if problem.severity == ERROR else types.DiagnosticSeverity.Warning
    return types.Diagnostic(range=_range(row, start, row, end), message=problem.message, severity=severity,
                            code=problem.rule, source=SOURCE)


def fixes(uri: str, diagnostics: Sequence[types.Diagnostic], lines: list[str], schema_name: str | None,
          today: dt.date) -> list[types.CodeAction]:
    """The quick fixes for the editor's diagnostics at the cursor that aotext made."""
    actions: list[types.CodeAction] = []
    for found in diagnostics:
        if found.source != SOURCE:
            continue
        suggested = SUGGESTED.search(found.message)
        if suggested is not None:
            actions += _replace(uri, found, lines, suggested.group(1))
        missing = REQUIRED_KEY.search(found.message)
        if missing is not None and schema_name is not None:
            actions += _insert(uri, found, lines, missing.group(1), schema_name, today)
    return actions


def _replace(uri: str, found: types.Diagnostic, lines: list[str], wanted: str) -> list[types.CodeAction]:
    """Put `wanted` in place of the misspelt word: the first word the message
    quotes that stands on the diagnostic's line."""
    row = found.range.start.line
    text = lines[row] if row < len(lines) else ""
    for word in _QUOTED.findall(SUGGESTED.sub("", found.message)):
        place = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text[found.range.start.character:])
        if place is not None and word != wanted:
            start = found.range.start.character + place.start()
            edit = types.TextEdit(range=_range(row, start, row, start + len(word)), new_text=wanted)
            return [_action(f"Change '{word}' to '{wanted}'", uri, edit, found)]
    return []


def _insert(uri: str, found: types.Diagnostic, lines: list[str], key: str, schema_name: str,
            today: dt.date) -> list[types.CodeAction]:
    """Add `key: placeholder`: at the end of the front matter for a top-level
    key; first among the keys of a mapping written below its key
    (`follow_up:`); in a list's item, as its first key, the key that was
    first going on the next line as its keys are indented (below the item's
    first line, the new key would fall inside a `title: >-` text), or first
    inside the braces of an item written `{name: ..., ...}`."""
    if found.message.startswith("missing"):  # a key of the front matter itself: before its closing '---'
        schema = schema_at(schema_name, (key,))
        line = next((number for number, text in enumerate(lines) if number > 0 and text.rstrip() == _FENCE),
                    len(lines))
        edit = types.TextEdit(range=_range(line, 0, line, 0), new_text=f"{key}: {_placeholder(schema, today)}\n")
        return [_action(f"Add the required key '{key}'", uri, edit, found)]
    line, column = found.range.start.line, found.range.start.character
    placeholder = _placeholder(None, today)
    text = lines[line] if line < len(lines) else ""
    if _NESTED.match(text, column):  # "follow_up:" holding keys below it: one more of them, first
        below = lines[line + 1] if line + 1 < len(lines) else ""
        indent = len(below) - len(below.lstrip(" "))
        new_text, line, column = f"{' ' * (indent if indent > column else column + 2)}{key}: {placeholder}\n", line + 1, 0
    elif text[column:column + 1] == "{":
        new_text, column = f"{key}: {placeholder}, ", column + 1
    else:
        new_text = f"{key}: {placeholder}\n{' ' * column}"
    edit = types.TextEdit(range=_range(line, column, line, column), new_text=new_text)
    return [_action(f"Add the required key '{key}'", uri, edit, found)]


def _placeholder(schema: dict[str, Any] | None, today: dt.date) -> str:
    """Something valid-looking to overwrite: the first allowed value, today's date, or a hint."""
    schema = schema or {}
    if schema.get("enum"):
        return str(schema["enum"][0])
    if "const" in schema:
        return str(schema["const"])
    if schema.get("format") == "date" or "YYYY-MM-DD" in str(schema.get("description", "")):
        return today.isoformat()
    kind = schema.get("type")
    return {"array": "[]", "object": "{}", "number": "0", "integer": "0", "boolean": "false"}.get(
        kind if isinstance(kind, str) else "", '"..."')


def _action(title: str, uri: str, edit: types.TextEdit, found: types.Diagnostic) -> types.CodeAction:
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[found],
                            edit=types.WorkspaceEdit(changes={uri: [edit]}), is_preferred=True)


def _range(start_line: int, start: int, end_line: int, end: int) -> types.Range:
    return types.Range(start=types.Position(line=start_line, character=start),
                       end=types.Position(line=end_line, character=end))
