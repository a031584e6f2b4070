"""What lint's cache keeps on disk, and how: one file of rows, one a file
(its time, size and digest, whether it is a document and of what, its
problems, its groups, the pictures it shows), and one of the strings each
file names, read only when something changed. Both are marshal data under a
key that says what they hold for; anything unreadable counts as no cache."""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import os
from pathlib import Path
from typing import Any, Final

from aotext.fsio import atomic_write
from aotext.incremental import Group
from aotext.own_files import own_digest
from aotext.repository import Location

CACHE_DIR = ".aotext-cache"
FILE = "lint"
NAMES = "lint-names"
# Raised whenever what is stored changes shape, so an older cache is set aside.
FORMAT = 5

Stat = tuple[int, int]  # modification time (ns) and size
# What the whole cache holds for: its shape, this aotext, the day, the content
# folder, the project file and its digest, and the fonts folder's files.
Key = tuple[int, str, str, str, str, bytes, tuple[tuple[str, int, int], ...]]
ProblemRow = tuple[str, int, int, str, str, str]


def file_stat(path: str | Path) -> Stat:
    found = os.stat(path)
    return found.st_mtime_ns, found.st_size


def picture_stat(path: str) -> Stat:
    """A picture's time and size, (0, 0) when it is not there: lint reads what it holds."""
    try:
        return file_stat(path)
    except OSError:
        return 0, 0


def content_digest(path: Path) -> bytes:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        return b""


def cache_key(where: Location, as_of: dt.date) -> Key:
    """What the whole cache holds for: this aotext, this project file, its fonts, this day."""
    project = Path(where.project_file) if where.project_file is not None else None
    fonts = _fonts_listing(where)
    return (FORMAT, own_digest(), as_of.isoformat(), where.content_dir.as_posix(),
            project.as_posix() if project else "", content_digest(project) if project else b"", fonts)


def _fonts_listing(where: Location) -> tuple[tuple[str, int, int], ...]:
    """The fonts folder's files as they stand: lint checks that it holds fonts."""
    from aotext.project import read_project

    document = where.project.document if where.project is not None else None
    if document is None or where.project_file is None or "fonts" not in document.data:
        return ()
    try:
        folder = read_project(document, where.project_file.parent).fonts_dir
    except Exception:  # noqa: BLE001 - a project file lint reports as broken: its problems are not cached apart
        return (("(unreadable)", 0, 0),)
    if folder is None or not folder.is_dir():
        return (("(none)", 0, 0),)
    return tuple(sorted((path.as_posix(), *file_stat(path)) for path in folder.rglob("*") if path.is_file()))


# One row a file: its stat, the digest of its content, whether it is a
# document (and its id, type and privacy), the id it seems to give when it
# cannot be read, the groups it is in, its own problems, those the corpus's
# rules found in it, whether aotext failed on it, the pictures it shows, each
# with its time and size then, and the ids its type's top-level references
# name (a log's plan). The strings each file names are kept in a file of
# their own (NAMES), read only when something changed.
Row = tuple[Stat, bytes, bool, str | None, str | None, bool, str | None, frozenset[Group],
            list[ProblemRow], list[ProblemRow], bool, tuple[tuple[str, Stat], ...], tuple[tuple[str, str], ...]]
# Where a row keeps what (the indices, as names).
GROUPS: Final = 7
OWN: Final = 8
RULED: Final = 9
FAILED: Final = 10
PICTURES: Final = 11


def read_rows(path: Path, key: Key) -> tuple[dict[str, Row] | None, int]:
    """The rows of a cache written for `key`, and when the lint that checked
    them started; no rows when there is none, it is for something else, or it cannot be read."""
    stored = _load(path, key)
    if stored is None:
        return None, 0
    rows: dict[str, Row] = stored[1]
    return rows, stored[0]


def read_names(path: Path, key: Key, since: int) -> dict[str, frozenset[str]] | None:
    """The strings each file names, as the lint that started at `since` wrote them."""
    stored = _load(path, key)
    if stored is None or stored[0] != since:
        return None
    names: dict[str, frozenset[str]] = stored[1]
    return names


def _load(path: Path, key: Key) -> tuple[int, dict[str, Any]] | None:
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(stored, tuple) or len(stored) != 3 or stored[0] != key or not isinstance(stored[2], dict):
        return None
    return int(stored[1]), stored[2]


def write_all(folder: Path, key: Key, started: int, rows: dict[str, Row], names: dict[str, frozenset[str]]) -> None:
    """Write the cache (owner-only: it holds what lint says of private notes):
    the strings named first, so that rows never stand without them."""
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# aotext lint's cache: safe to delete; never committed.\n*\n", encoding="utf-8")
    except OSError:
        return
    write_file(folder / NAMES, (key, started, names))
    write_file(folder / FILE, (key, started, rows))


def write_file(path: Path, stored: tuple[Key, int, dict[str, Any]]) -> None:
    """A cache that cannot be written is no problem: the next lint reads everything."""
    try:
        atomic_write(path, marshal.dumps(stored), private=True, durable=False)
    except (OSError, ValueError):
        return
