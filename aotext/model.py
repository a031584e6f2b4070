"""The values at the bottom of aotext: positions in a file and problems found there."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# A path into the front matter, e.g. ("benchmarks", 2, "target").
KeyPath = tuple[str | int, ...]
# 1-based line and column in the file.
Position = tuple[int, int]

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, printed as `path:line:col: severity: message [rule]`."""

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"


def format_key_path(key_path: KeyPath, data: object = None) -> str:
    """A key path as people count: `("benchmarks", 2, "target")` as
    `benchmarks #3 target`, or `benchmarks 'signups' target` when the item
    has an id (looked up in `data`, the front matter, when given)."""
    words: list[str] = []
    here = data
    for part in key_path:
        item = _item(here, part)
        if isinstance(part, int):
            item_id = item.get("id") if isinstance(item, dict) else None
            words.append(f"'{item_id}'" if isinstance(item_id, str) and item_id else f"#{part + 1}")
        else:
            words.append(part)
        here = item
    return " ".join(words) or "front matter"


def _item(container: object, part: str | int) -> object:
    """What `container` holds at `part`, or None."""
    if isinstance(container, dict):
        return container.get(part)
    if isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container):
        return container[part]
    return None
