"""What lint makes of the encrypted documents it could not open: one line
that says how many and why, and for each a stand-in that answers references
by its id and type (from its file name and folder), so the rest is checked."""

from __future__ import annotations

from collections.abc import Sequence

from aotext.crypto.sealed import Sealed
from aotext.documents.document import Document
from aotext.model import ERROR, WARNING, Problem

UNCHECKED = "encrypted-unchecked"


def unopened(sealed: Sequence[Sealed]) -> list[Problem]:
    """One problem for all the documents no key of the user's could open
    (no key at all: a warning, so a check without keys still passes; a key
    that is there but unusable: an error, to fix)."""
    closed = sorted((item for item in sealed if item.reason in ("no-key", "broken-key")), key=lambda item: item.path)
    if not closed:
        return []
    count = len(closed)
    broken = any(item.reason == "broken-key" for item in closed)
    what = "encrypted document" if count == 1 else "encrypted documents"
    message = (f"{count} {what} could not be checked: {closed[0].detail}. Everything else was checked, "
               "references to their ids too")
    return [Problem(closed[0].path, 1, 1, UNCHECKED, ERROR if broken else WARNING, message)]


def stubs(sealed: Sequence[Sealed]) -> list[Document]:
    """Stand-ins for the documents that exist but could not be opened."""
    return [Document(item.path, {"id": item.id, "type": item.type, "private": True}, "", 0, sealed=True)
            for item in sealed if item.reason != "damaged"]


def count_unopened(sealed: Sequence[Sealed]) -> int:
    return sum(1 for item in sealed if item.reason != "damaged")
