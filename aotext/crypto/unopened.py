"""What lint makes of the encrypted documents it could not open: one line
that says how many and why, a line for each that sits in no type's folder
(its type cannot be known), and for each a stand-in that answers references
by its id and type (from its file name and folder), so the rest is checked."""

from __future__ import annotations

from collections.abc import Sequence

from aotext.crypto.sealed import Sealed
from aotext.documents.document import Document
from aotext.model import ERROR, WARNING, Problem

UNCHECKED = "encrypted-unchecked"
# Declared in aotext.rules.encryption, which reports it of the documents a key opened.
OUTSIDE = "encrypted-folder"


def unopened(sealed: Sequence[Sealed]) -> list[Problem]:
    """One problem for all the documents no key of the user's could open
    (no key at all: a warning, so a check without keys still passes; a key
    that is there but unusable: an error, to fix), and one for each that no
    type's folder holds."""
    problems = _outside(sealed)
    closed = sorted((item for item in sealed if item.reason in ("no-key", "broken-key")), key=lambda item: item.path)
    if not closed:
        return problems
    count = len(closed)
    broken = any(item.reason == "broken-key" for item in closed)
    what = "encrypted document" if count == 1 else "encrypted documents"
    message = (f"{count} {what} could not be checked: {closed[0].detail}. Everything else was checked, "
               "references to their ids too")
    return [Problem(closed[0].path, 1, 1, UNCHECKED, ERROR if broken else WARNING, message), *problems]


def _outside(sealed: Sequence[Sealed]) -> list[Problem]:
    """An error for each unopened document that no type's folder holds:
    references to it are taken as they are (it may be of any type), so
    without this nothing would say that they went unchecked."""
    return [Problem(item.path, 1, 1, OUTSIDE, ERROR, (
        "this encrypted document sits in no type's folder (plans/, conversations/ ...), and without a key its "
        "type is known only by its folder, so what refers to it cannot be checked; someone who can open it "
        "should move it into its type's folder (aotext lint with their key says which)"))
        for item in sealed if item.type is None and item.reason != "damaged"]


def stubs(sealed: Sequence[Sealed]) -> list[Document]:
    """Stand-ins for the documents that exist but could not be opened."""
    return [Document(item.path, {"id": item.id, "type": item.type, "private": True}, "", 0, sealed=True)
            for item in sealed if item.reason != "damaged"]


def why_unopened() -> str:
    """Why the user's keys did not open the encrypted documents that are not
    damaged: no usable key, or one they are not encrypted for."""
    from aotext.crypto.identity import load_keys

    keys = load_keys()
    return keys.problem or f"they are encrypted for other people, not for your key {keys.public}"

