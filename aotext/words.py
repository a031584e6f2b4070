"""Small helpers for messages people read."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to `word`, or None when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean "x"?)' for the closest choice, or '' when none is close."""
    close = closest(word, choices)
    return f" (did you mean '{close}'?)" if close else ""


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 problem', '3 problems'."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def anchor(kind: str, identifier: str) -> str:
    """A link anchor ('plan-bus-drivers') made of the id's safe characters, so it works in every format."""
    return f"{kind}-" + (re.sub(r"[^A-Za-z0-9_-]+", "-", identifier).strip("-") or "x")
