"""A value written on one line, as aotext.yamlsimple reads it: plain (12,
yes, 2026-11-24, words), quoted ('...' or "..."), or a flow list ([a, b]).
Each gives exactly what libyaml and aotext.yamlnodes give, or raises
NotSimple, and the whole front matter is left to libyaml."""

from __future__ import annotations

import re
from typing import Any

from aotext.yamlnodes import UNKNOWN, plain_value

# A flow list's item that is plain and alone: none of the characters that
# end it, quote it or make it something else.
_FLOW_ITEM = re.compile(r"[^\[\]{},#:'\"&*!|>%@`?\s-][^\[\]{},#:'\"]*")
# What a quoted item of a flow list may hold: no quote, no escape.
_FLOW_QUOTED = re.compile(r"[^'\"\\]*")


class NotSimple(Exception):
    """The text is not of the plain kind: libyaml reads it."""


def plain(text: str) -> Any:
    """A plain value on one line (as written: maybe spaces and a comment after it)."""
    cut = text.find(" #")
    value_text = (text if cut < 0 else text[:cut]).rstrip(" ")
    if ": " in value_text or value_text.endswith(":"):
        raise NotSimple
    value = plain_value(value_text)
    if value is UNKNOWN:
        raise NotSimple
    return value


def double_quoted(text: str) -> str:
    """A value in double quotes, without escapes."""
    close = text.find('"', 1)
    if close < 0 or "\\" in text[:close] or not _ends(text, close + 1):
        raise NotSimple
    return text[1:close]


def single_quoted(text: str) -> str:
    """A value in single quotes ('' is one quote)."""
    close = 1
    while True:
        close = text.find("'", close)
        if close < 0:
            raise NotSimple
        if not text.startswith("''", close):
            break
        close += 2
    if not _ends(text, close + 1):
        raise NotSimple
    return text[1:close].replace("''", "'")


def flow_list(text: str) -> list[tuple[int, Any]]:
    """[a, b, c]: each item's value, plain or quoted, and where it starts in `text`."""
    close = text.find("]")
    if close < 0 or not _ends(text, close + 1):
        raise NotSimple
    items: list[tuple[int, Any]] = []
    inner = text[1:close]
    if not inner.strip(" "):
        return items
    offset = 1
    for part in inner.split(","):
        item = part.strip(" ")
        if len(item) > 1 and item[0] == item[-1] and item[0] in "'\"" and _FLOW_QUOTED.fullmatch(item[1:-1]):
            value: Any = item[1:-1]
        elif _FLOW_ITEM.fullmatch(item) is None:
            raise NotSimple
        else:
            value = plain_value(item)
            if value is UNKNOWN:
                raise NotSimple
        items.append((offset + len(part) - len(part.lstrip(" ")), value))
        offset += len(part) + 1
    return items


def _ends(text: str, after: int) -> bool:
    """Whether nothing but spaces and a comment follows a value that ends at `after`."""
    rest = text[after:]
    return not rest or (rest[0] == " " and (not rest.strip(" ") or rest.lstrip(" ")[0] == "#"))
