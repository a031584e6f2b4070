"""Tolerant readers for front-matter values.

Typed views are built from documents whether or not they passed their
schema, so that the rules which can still run on a broken document do. A
value of the wrong kind reads as missing (the schema check reports it, at
its line); a malformed list item is skipped but the others keep their
original index, so findings still point at the right line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from aotext.model import KeyPath

Data = Mapping[str, Any]


def text(data: Data, key: str) -> str | None:
    """Non-blank text, or None."""
    value = data.get(key)
    return value if isinstance(value, str) and value.strip() else None


def word(data: Data, key: str) -> str | None:
    """A scalar as text: an answer on a scale may be written as a number."""
    value = data.get(key)
    return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None


def whole(data: Data, key: str) -> int | None:
    """A whole number (not true/false), or None."""
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def number(data: Data, key: str) -> float | None:
    value = data.get(key)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def flag(data: Data, key: str) -> bool | None:
    value = data.get(key)
    return value if isinstance(value, bool) else None


def date(data: Data, key: str) -> dt.date | None:
    return parse_date(data.get(key))


def parse_date(value: object) -> dt.date | None:
    """A YYYY-MM-DD string as a date; None for anything else (the schema reports it)."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def mapping(data: Data, key: str) -> Data:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def items(data: Data, key: str) -> Iterator[tuple[int, Data]]:
    """(index, item) for the mapping items of the list under `key`."""
    value = data.get(key)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def texts(data: Data, key: str) -> tuple[str, ...]:
    """The text items of the list under `key`."""
    return tuple(value for _, value in indexed_texts(data, key))


def indexed_texts(data: Data, key: str) -> tuple[tuple[int, str], ...]:
    """(index, text) for the text items of a list such as `serves: [a, b]`."""
    value = data.get(key)
    if not isinstance(value, list):
        return ()
    return tuple((index, item) for index, item in enumerate(value) if isinstance(item, str))


def indexed_wholes(data: Data, key: str) -> tuple[tuple[int, int], ...]:
    value = data.get(key)
    if not isinstance(value, list):
        return ()
    return tuple((index, item) for index, item in enumerate(value)
                 if isinstance(item, int) and not isinstance(item, bool))


def words(data: Data, key: str) -> tuple[str, ...]:
    """Every scalar item of a list as text (a scale such as [1, 2, 3] or [no, some, most])."""
    value = data.get(key)
    if not isinstance(value, list):
        return ()
    return tuple(str(item) for item in value if isinstance(item, (str, int, float)) and not isinstance(item, bool))


def every_text(value: object, key_path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """(key path, text) of every text in a value, however deep, in order."""
    if isinstance(value, str):
        yield key_path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from every_text(item, (*key_path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from every_text(item, (*key_path, index))
