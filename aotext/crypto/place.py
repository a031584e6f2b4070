"""Where a repository's recipients file and encrypted documents are."""

from __future__ import annotations

from pathlib import Path

from aotext.crypto.recipients import RECIPIENTS_FILE
from aotext.documents.records import frozen
from aotext.errors import UsageError


@frozen
class Place:
    root: Path
    content: Path

    @property
    def recipients_file(self) -> Path:
        return self.root / RECIPIENTS_FILE


def find_place(project_file: Path | None) -> Place:
    """The repository's top (the project file's folder) and its content folder."""
    from aotext.repository import Location, locate

    where = locate(project_file)
    if not isinstance(where, Location):
        first = where[0] if where else None
        raise UsageError(f"the project file cannot be read ({first}); fix it first (aotext lint)")
    root = where.project_file.parent if where.project_file is not None else Path(".")
    return Place(root, where.content_dir)
