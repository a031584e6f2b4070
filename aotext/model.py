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


def format_key_path(key_path: KeyPath) -> str:
    """`("benchmarks", 2, "target")` as `benchmarks[2].target`."""
    text = ""
    for part in key_path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "front matter"
