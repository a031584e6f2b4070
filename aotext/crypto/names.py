"""Ids that carry no name: an encrypted document's id is in the clear (its
file name), so it must not say who the document is about or who wrote it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from aotext.documents import fields
from aotext.documents.types.base import slug


def names_in(data: dict[str, Any]) -> list[str]:
    """The names a document holds that its id must not show."""
    found = [fields.text(data, key) for key in ("pseudonym", "owner", "name")]
    found.append(fields.text(fields.mapping(data, "follow_up"), "owner"))
    for _, member in fields.items(data, "new_members"):
        found += [fields.text(member, "name"), fields.text(member, "paired_with")]
    return [name for name in found if name and name.strip()]


def named_in_id(document_id: str, data: dict[str, Any]) -> str | None:
    """The first name the id shows, word for word, or None."""
    words = document_id.lower().split("-")
    for name in names_in(data):
        wanted = slug(name).split("-")
        if wanted == ["untitled"]:
            continue
        if any(words[start:start + len(wanted)] == wanted for start in range(len(words) - len(wanted) + 1)):
            return name
    return None


def anonymous_id(day: dt.date | None, taken: Collection[str]) -> str:
    """A fresh id that tells only the date: 2026-11-14-7f3a9c."""
    import secrets  # here: lint checks ids with this module, and secrets (with hmac) takes 3 ms to import

    prefix = day.isoformat() if day else "private"
    while True:
        candidate = f"{prefix}-{secrets.token_hex(3)}"
        if candidate not in taken:
            return candidate
