"""Small helpers for messages people read."""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice closest to `word`, or None when none is close: what
    difflib.get_close_matches(word, choices, 1, cutoff) returns, found by
    computing the full similarity only while a choice's upper bound (its
    quick ratio) could still beat the best so far."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    bounded = []
    for choice in choices:
        matcher.set_seq1(choice)
        if matcher.real_quick_ratio() >= cutoff and (bound := matcher.quick_ratio()) >= cutoff:
            bounded.append((bound, choice))
    best: tuple[float, str] | None = None
    for bound, choice in sorted(bounded, reverse=True):
        if best is not None and bound < best[0]:
            break
        matcher.set_seq1(choice)
        score = matcher.ratio()
        if score >= cutoff and (best is None or (score, choice) > best):
            best = (score, choice)
    return best[1] if best else None


# How a message offers the closest choice; `aotext lsp` reads it back to offer the replacement.
SUGGESTED = re.compile(r" \(did you mean '([^']+)'\?\)")


def suggestion(close: str | None) -> str:
    """' (did you mean 'x'?)', or '' when nothing is close."""
    return f" (did you mean '{close}'?)" if close else ""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or '' when none is close."""
    return suggestion(closest(word, choices))


class Suggestions:
    """"Did you mean" over one large set of choices (every plan id of a
    repository, say), in bounded time: a thousand misspelt ids among 20,000
    made lint take 50 s when each ran difflib over every choice.

    Each word is compared with at most NEIGHBOURS choices: those next to it in
    alphabetical order (a slip after the first letters) and next to it read
    backwards (a slip near the start). With no more choices than that, every
    choice is compared, as `closest` does. Each word is looked up once."""

    NEIGHBOURS = 200

    def __init__(self, choices: Iterable[str]) -> None:
        self.choices = sorted(set(choices))
        self._backwards = sorted(choice[::-1] for choice in self.choices)
        self._found: dict[str, str | None] = {}
        self.compared = 0  # how many choices were compared with a word, all lookups together

    def _near(self, word: str) -> list[str]:
        if len(self.choices) <= self.NEIGHBOURS:
            return self.choices
        half = self.NEIGHBOURS // 4
        ahead = bisect.bisect_left(self.choices, word)
        behind = bisect.bisect_left(self._backwards, word[::-1])
        return [*self.choices[max(0, ahead - half):ahead + half],
                *(choice[::-1] for choice in self._backwards[max(0, behind - half):behind + half])]

    def closest(self, word: str) -> str | None:
        if word not in self._found:
            near = self._near(word)
            self.compared += len(near)
            self._found[word] = closest(word, near)
        return self._found[word]

    def did_you_mean(self, word: str) -> str:
        close = self.closest(word)
        return suggestion(close)


def number(value: float) -> str:
    """2.0 as '2', 1.25 as '1.2'."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def percent(share: float) -> str:
    """1.5 as '150%'."""
    return f"{round(share * 100)}%"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 problem', '3 problems'."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def anchor(kind: str, identifier: str) -> str:
    """A link anchor ('plan-bus-drivers') made of the id's safe characters, so it works in every format."""
    return f"{kind}-" + (re.sub(r"[^A-Za-z0-9_-]+", "-", identifier).strip("-") or "x")
