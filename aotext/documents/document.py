"""A document as read from its file: front matter with the position of every
key, and the Markdown body. Its typed view comes from its type's module."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from aotext.documents import fields
from aotext.documents.types import TYPES
from aotext.documents.types.base import View
from aotext.model import KeyPath, Position

Role = Literal["document", "project"]
# Strings longer than this in a front matter are prose: longer than any id may be (the schemas' maxLength).
LONGEST_ID = 80


@dataclass
class Document:
    """One file as read: its front matter (`data`), its body and where each key is."""

    path: str
    data: dict[str, Any]
    body: str
    # First line of the body in the file, so body problems can point at it.
    body_line: int
    # Where each key is; None once let go (see `forget_positions`), read again when asked.
    read_positions: dict[KeyPath, Position] | None = field(default_factory=dict)
    # "document" for a Markdown document, "project" for the project file.
    role: Role = "document"
    # Read from an age-encrypted file (in memory; see aotext.crypto).
    encrypted: bool = False
    # Only what an encrypted file's name tells (its id and type), for a reader
    # without the key: it answers references, and nothing else sees it.
    sealed: bool = False
    # The characters of its texts that lint must ask the PDF's fonts about
    # (aotext.handouts.fonts.uncommon): found as it is read, when the body is at hand.
    uncommon: frozenset[str] = frozenset()

    # Its type, id and privacy are asked for over a hundred thousand times a
    # lint at 20,000 documents, by the corpus's indexes and its rules: each is
    # worked out once (a document's data is never changed once read).
    @cached_property
    def type(self) -> str | None:
        if self.role == "project":
            return "project"
        value = self.data.get("type")
        return value if isinstance(value, str) else None

    @cached_property
    def id(self) -> str | None:
        value = self.data.get("id")
        return value if isinstance(value, str) else None

    @cached_property
    def private(self) -> bool:
        value = self.data.get("private")
        if isinstance(value, bool):
            return value
        kind = TYPES.get(self.type or "")
        return kind.private_by_default if kind else False

    def mentions(self) -> frozenset[str]:
        """Every short string in the front matter: the ids it names among them
        (what aotext.dependents finds the documents an edit affects by)."""
        found: set[str] = set()
        stack: list[Any] = [self.data]
        while stack:
            value = stack.pop()
            kind = type(value)  # exact types, as YAML makes them: faster than isinstance, for every value read
            if kind is str:
                if len(value) <= LONGEST_ID:
                    found.add(value)
            elif kind is dict:
                stack.extend(value.values())
            elif kind is list:
                stack.extend(value)
        return frozenset(found)

    def reference(self, key: str) -> str | None:
        """The id a top-level key names (a log's plan, a note's scenario), as its typed view reads it."""
        return fields.text(self.data, key)

    @cached_property
    def view(self) -> View | None:
        """The typed view, for a document of a known type (read tolerantly,
        whether or not it passed its schema)."""
        kind = TYPES.get(self.type or "") if self.role == "document" and not self.sealed else None
        return kind.read(self) if kind else None

    @property
    def positions(self) -> dict[KeyPath, Position]:
        """Where each key of the front matter is (line and column)."""
        if self.read_positions is None:
            from aotext.load import load_file  # the file is read again, as it was read the first time

            again = load_file(Path(self.path), project=self.role == "project").document
            self.read_positions = again.read_positions if again is not None and again.read_positions else {}
        return self.read_positions

    def forget_positions(self) -> None:
        """Let the positions go: most documents never need them, since only a
        document with a problem is pointed into, and they are a third of what
        the copies lint reads in send back. They are read again when asked."""
        self.read_positions = None

    def position(self, key_path: KeyPath = ()) -> Position:
        """Line and column of `key_path`, or of its nearest parent that has one."""
        while key_path:
            found = self.positions.get(key_path)
            if found:
                return found
            key_path = key_path[:-1]
        return self.positions.get((), (1, 1))
