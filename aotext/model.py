"""The values that flow through aotext: documents, positions and problems."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# A path into the front matter, e.g. ("benchmarks", 2, "target").
KeyPath = tuple[str | int, ...]
# 1-based line and column in the file.
Position = tuple[int, int]

ERROR = "error"
WARNING = "warning"

# Where each document type lives; a type's folder name is also how lint
# notices a document filed in the wrong place.
TYPE_FOLDERS: dict[str, str] = {
    "module": "curriculum",
    "question": "worksheet",
    "scenario": "scenarios",
    "plan": "plans",
    "reflection": "logs",
    "conversation": "conversations",
}
# Types whose documents are private unless they say `private: false`.
PRIVATE_BY_DEFAULT = frozenset({"conversation"})


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, printed as `path:line:col: severity: message [rule]`."""

    path: str
    line: int
    column: int
    rule: str
    severity: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"


@dataclass
class Document:
    """A parsed Markdown document: its front matter, body and key positions."""

    path: str
    data: dict[str, Any]
    body: str
    # First line of the body in the file, so body problems can point at it.
    body_line: int
    positions: dict[KeyPath, Position] = field(default_factory=dict)
    # "document" for a Markdown document, "project" for the project file.
    role: str = "document"

    @property
    def type(self) -> str | None:
        if self.role == "project":
            return "project"
        value = self.data.get("type")
        return value if isinstance(value, str) else None

    @property
    def id(self) -> str | None:
        value = self.data.get("id")
        return value if isinstance(value, str) else None

    @property
    def private(self) -> bool:
        value = self.data.get("private")
        if isinstance(value, bool):
            return value
        return self.type in PRIVATE_BY_DEFAULT

    def position(self, key_path: KeyPath = ()) -> Position:
        """Line and column of `key_path`, or of its nearest parent that has one."""
        while key_path:
            found = self.positions.get(key_path)
            if found:
                return found
            key_path = key_path[:-1]
        return self.positions.get((), (1, 1))


def parse_date(value: object) -> dt.date | None:
    """A YYYY-MM-DD string as a date; None for anything else (the schema reports it)."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def format_key_path(key_path: KeyPath) -> str:
    """`("benchmarks", 2, "target")` as `benchmarks[2].target`."""
    text = ""
    for part in key_path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "front matter"
