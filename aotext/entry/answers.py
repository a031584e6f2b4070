"""What an answers file (or the options) may say: each key a question
asks, one line of text where a question takes one. A misspelt key would
otherwise be lost without a word, and a list written where one line is
asked for would be written as Python's picture of a list."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from aotext.words import did_you_mean


def unexpected(raw: Mapping[str, Any], questions: Collection[str], lines: Iterable[str], where: str = "") -> list[str]:
    """What no question takes among `raw`'s keys, and the answers of `lines`
    given as a list or as keys; `where` names a list item ('new_members 2: ')."""
    known = sorted(questions)
    problems = [f"{where}'{key}' is not one of the answers aotext takes{did_you_mean(str(key), known)}"
                for key in raw if key not in questions]
    if problems:
        problems.append(f"{where}the answers it takes: {', '.join(known)}")
    problems += [f"{where}{key}: give one line of text, not a list" for key in lines
                 if isinstance(raw.get(key), (list, Mapping))]
    return problems
