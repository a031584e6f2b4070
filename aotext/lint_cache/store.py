"""What lint's cache keeps on disk, and how, in three files of marshal data,
each under a key that says what it holds for (anything unreadable counts as
no cache). What every lint reads is small: how each file was and what was
found in it (FILE). Where something changed, the lint also reads each
file's place among the others (INDEX); and only where an id appears that no
file had, every string each file names (NAMES), which a lint brings up to
date by noting what changed files name (in INDEX) rather than writing it
all again."""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aotext.cache_folder import made
from aotext.dependents import Group, Mentions
from aotext.fsio import atomic_write
from aotext.own_files import own_digest
from aotext.repository import Location

FILE = "lint"
INDEX = "lint-index"
NAMES = "lint-names"
# Raised whenever what is stored changes shape, so an older cache is set aside.
FORMAT = 7

Stat = tuple[int, int]  # modification time (ns) and size
# What the whole cache holds for: its shape, this aotext, the day, the content
# folder, the project file and its digest, and the fonts folder's files.
Key = tuple[int, str, str, str, str, bytes, tuple[tuple[str, int, int], ...]]
ProblemRow = tuple[str, int, int, str, str, str]


def file_stat(path: str | Path) -> Stat:
    found = os.stat(path)
    return found.st_mtime_ns, found.st_size


def seen_stat(path: str) -> Stat:
    """A file's time and size as the cache notes them: a document's or a picture's;
    (0, 0) when it cannot be looked at (gone, a broken link): reading it says what is wrong."""
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


# What every lint reads (FILE): each file as the last lint saw it (time,
# size and the digest of its content, b"" until a change made it read), the
# problems found in it (its own, then those the corpus's rules found; only
# files with problems), the files aotext failed on, and the pictures each
# document shows with their time and size then. It also notes what changed
# since INDEX and NAMES were last written in full (at `base`), which are
# large: a lint that re-checks a file or two writes only this small file.
Seen = tuple[int, int, bytes]
Problems = tuple[list[ProblemRow], list[ProblemRow]]
Pictures = tuple[tuple[str, Stat], ...]
# What INDEX keeps of a file, read only when something changed: its place
# among the others. Whether it is a document (its id, type and privacy), the
# id it seems to give when it cannot be read, its groups, the ids its type's
# top-level references name (a log's plan), and the strings it names that
# were ids when the index was written (`known`). Every string it names is in
# NAMES, read only when an id appears that was not among them. Sets are kept
# as tuples: read back, a tuple's strings need not be hashed (see Mentions).
IndexRow = tuple[bool, str | None, str | None, bool, str | None, tuple[Group, ...], tuple[tuple[str, str], ...],
                 tuple[str, ...]]


@dataclass
class Found:
    started: int  # when the lint that wrote it started (ns)
    seen: dict[str, Seen]
    problems: dict[str, Problems]
    failed: list[str]
    pictures: dict[str, Pictures]
    base: int  # when INDEX and NAMES were written in full
    index_since: dict[str, IndexRow | None]  # the rows of the files changed since (None: gone)
    names_since: dict[str, tuple[str, ...] | None]  # what they name


@dataclass
class Index:
    rows: dict[str, IndexRow]
    known: frozenset[str]


def read_found(path: Path, key: Key) -> Found | None:
    """What the last lint found, written for `key`; None when there is none,
    it is for something else, or it cannot be read."""
    stored = _load(path, key)
    if stored is None or not isinstance(stored[1], tuple) or len(stored[1]) != 7:
        return None
    return Found(stored[0], *stored[1])


def write_found(path: Path, key: Key, found: Found) -> None:
    write_file(path, (key, found.started, (found.seen, found.problems, found.failed, found.pictures, found.base,
                                          found.index_since, found.names_since)))


def read_index(path: Path, key: Key, found: Found) -> Index | None:
    """The index as it stands: as written at `found.base`, with the rows changed since."""
    stored = _load(path, key)
    if stored is None or stored[0] != found.base or not isinstance(stored[1], tuple) or len(stored[1]) != 2:
        return None
    rows, known = stored[1]
    index = Index(rows, frozenset(known))
    _brought_forward(index.rows, found.index_since)
    return index


def read_names(path: Path, key: Key, found: Found) -> dict[str, Mentions] | None:
    """Every string each file names, as they stand: as written at `found.base`, and what changed since."""
    stored = _load(path, key)
    if stored is None or stored[0] != found.base or not isinstance(stored[1], dict):
        return None
    names: dict[str, Mentions] = stored[1]
    _brought_forward(names, found.names_since)
    return names


def _brought_forward(written: dict[str, Any], since: dict[str, Any]) -> None:
    for changed, now in since.items():
        if now is None:
            written.pop(changed, None)
        else:
            written[changed] = now


def _load(path: Path, key: Key) -> tuple[int, Any] | None:
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(stored, tuple) or len(stored) != 3 or stored[0] != key:
        return None
    return int(stored[1]), stored[2]


def write_all(folder: Path, key: Key, found: Found, index: Index | None,
              names: dict[str, tuple[str, ...]] | None) -> None:
    """Write the cache (owner-only: it holds what lint says of private notes);
    INDEX and NAMES too when they are given, written in full at `found.base`,
    and first, so that FILE never stands without them."""
    if not made(folder):
        return
    if index is not None and names is not None:
        write_file(folder / NAMES, (key, found.base, names))
        write_file(folder / INDEX, (key, found.base, (index.rows, tuple(index.known))))
    write_found(folder / FILE, key, found)


def write_file(path: Path, stored: tuple[Key, int, Any]) -> None:
    """A cache that cannot be written is no problem: the next lint reads everything."""
    try:
        atomic_write(path, marshal.dumps(stored), private=True, durable=False)
    except (OSError, ValueError):
        return
