"""Lint's cache: what the last `aotext lint` found in each file, kept in
`.aotext-cache/` at the top of the repository (ignored by git; safe to
delete), so that the next lint reads again only the files that changed and
re-checks only what they can affect (aotext.incremental). What it prints is
exactly what a lint without the cache prints.

A file counts as changed when its size or modification time differs and its
content does too (a file saved again unchanged is not read twice). The whole
cache is set aside when aotext itself, the project file, the fonts folder or
the day (`--as-of`) differ from the run that wrote it. A picture a document
shows that appears or goes changes that document's problems.

Nothing of an encrypted document's plain text may reach the disk, so a
repository that holds any `.md.age` file is checked in full every time and
nothing is cached."""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final

from aotext.crypto.sealed import is_encrypted
from aotext.documents.document import Document
from aotext.documents.types import TYPES
from aotext.fsio import atomic_write
from aotext.incremental import Group, LiveCheck
from aotext.lint import PARALLEL_THRESHOLD, LintResult, lint_order, read_all, read_and_check
from aotext.load import Loaded, discover_names, load_file
from aotext.model import Problem, Severity
from aotext.own_files import own_digest
from aotext.repository import Location

CACHE_DIR = ".aotext-cache"
_FILE = "lint"
_NAMES = "lint-names"
# Raised whenever what is stored changes shape, so an older cache is set aside.
_FORMAT = 4
# Modification times this close before a lint started may hide a second change
# (file systems keep times in ticks; FAT's are two seconds).
_RACY_NS = 2_000_000_000

Stat = tuple[int, int]  # modification time (ns) and size
# What the whole cache holds for: its shape, this aotext, the day, the content
# folder, the project file and its digest, and the fonts folder's files.
Key = tuple[int, str, str, str, str, bytes, tuple[tuple[str, int, int], ...]]
ProblemRow = tuple[str, int, int, str, str, str]


class CachedDocument(Document):
    """A document the cache knows by its id, type and privacy: its file is
    read again only when a rule asks for what it says."""

    def __init__(self, path: str, known_id: str | None, known_type: str | None, private: bool,
                 references: dict[str, str]) -> None:
        self.path, self.role, self.encrypted, self.sealed = path, "document", False, False
        self._id, self._type, self._private, self._references = known_id, known_type, private, references

    @property
    def id(self) -> str | None:
        return self._id

    @property
    def type(self) -> str | None:
        return self._type

    @property
    def private(self) -> bool:
        return self._private

    def reference(self, key: str) -> str | None:
        return self._references.get(key)

    def __getattr__(self, name: str) -> Any:
        if name not in ("data", "body", "body_line", "positions"):
            raise AttributeError(name)
        # Unchanged since the cache was written, so it reads as it read then.
        document = load_file(Path(self.path)).document
        self.data = document.data if document is not None else {}
        self.positions = document.positions if document is not None else {}
        self.body, self.body_line = "", document.body_line if document is not None else 0
        return getattr(self, name)


def cached_lint(where: Location, as_of: dt.date, *, jobs: int | None = None,
                progress: Callable[[str], None] | None = None) -> LintResult:
    """Every problem of the repository at `where`, as `aotext.lint.lint`
    finds them, reading again only what changed since the cache was written."""
    files = discover_names([where.content_dir])
    if where.project is not None and where.project.path in files:
        files.remove(where.project.path)
    if any(is_encrypted(path) for path in files):
        return _result(_full(where, files, as_of, jobs, progress))
    stats = {path: _stat(path) for path in files}
    folder = (where.project_file.parent if where.project_file is not None else Path(".")) / CACHE_DIR
    key = _key(where, as_of)
    started = time.time_ns()
    saved, since = _read(folder / _FILE, key)
    if saved is None:
        return _result(_checked_in_full(where, files, as_of, jobs, progress, folder, key, started, stats))
    changed, digests = _changed(saved, stats, since)
    gone = sorted(set(saved) - set(stats) - {where.project.path if where.project else ""})
    rows = {path: (stats[path], *row[1:]) for path, row in saved.items() if path in stats} | _project_row(saved, where)
    if not changed and not gone:
        if any(saved[path][0] != stat for path, stat in stats.items()):
            # Saved again unchanged: remember the new times (the strings named are as they were).
            _write(folder / _FILE, (key, since, rows))
        return _from_rows(saved)
    names = _read_names(folder / _NAMES, key, since)
    if names is None:
        return _result(_checked_in_full(where, files, as_of, jobs, progress, folder, key, started, stats))
    live = _restored(saved, names, where, as_of)
    touched = {path for gone_path in gone for path in live.remove(gone_path)}
    for path in changed:
        touched |= live.update(read_and_check(Path(path), keep_body=False, mentions=True))
    for path in touched:
        digest = digests.get(path) or (saved[path][1] if path in saved else b"")
        found = _row(live, path, stats.get(path), digest)
        names.pop(path, None)
        if found is not None:
            rows[path], names[path] = found, live.facts(path).mentions
    for path in gone:
        names.pop(path, None)
    _write_all(folder, key, started, rows, names)
    return _result(live)


def _checked_in_full(where: Location, files: list[str], as_of: dt.date, jobs: int | None,
                     progress: Callable[[str], None] | None, folder: Path, key: Key, started: int,
                     stats: dict[str, Stat]) -> LiveCheck:
    """Check everything, and cache what was found. No digests yet: reading
    every file again would slow this lint; a file whose time or size changes
    later is read then, and counts as changed."""
    live = _full(where, files, as_of, jobs, progress)
    rows = {path: found for path in live.paths if (found := _row(live, path, stats.get(path), b"")) is not None}
    _write_all(folder, key, started, rows, {path: live.facts(path).mentions for path in rows})
    return live


def _full(where: Location, files: list[str], as_of: dt.date, jobs: int | None,
          progress: Callable[[str], None] | None) -> LiveCheck:
    if progress and len(files) >= PARALLEL_THRESHOLD:
        progress(f"checking {len(files):,} files ...")
    loaded = read_all([Path(path) for path in files], jobs, keep_bodies=False, mentions=True)
    project = [where.project] if where.project is not None else []
    return LiveCheck([*loaded, *project], as_of, content_dir=where.content_dir,
                     project_path=where.project.path if where.project else None, many_edits=False)


def _result(live: LiveCheck) -> LintResult:
    files = live.paths
    return LintResult(len(files), [], live.all_problems(),
                      sum(1 for path in files if (item := live.loaded(path)) is not None and item.internal_error))


def _stat(path: str | Path) -> Stat:
    found = os.stat(path)
    return found.st_mtime_ns, found.st_size


def _digest(path: Path) -> bytes:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        return b""


def _key(where: Location, as_of: dt.date) -> Key:
    """What the whole cache holds for: this aotext, this project file, its fonts, this day."""
    project = Path(where.project_file) if where.project_file is not None else None
    fonts = _fonts_listing(where)
    return (_FORMAT, own_digest(), as_of.isoformat(), where.content_dir.as_posix(),
            project.as_posix() if project else "", _digest(project) if project else b"", fonts)


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
    return tuple(sorted((path.as_posix(), *_stat(path)) for path in folder.rglob("*") if path.is_file()))


# One row a file: its stat, the digest of its content, whether it is a
# document (and its id, type and privacy), the id it seems to give when it
# cannot be read, the groups it is in, its own problems, those the corpus's
# rules found in it, whether aotext failed on it, the pictures it shows, each
# with whether it was there, and the ids its type's top-level references
# name (a log's plan). The strings each file names are kept in a file of
# their own (_NAMES), read only when something changed.
Row = tuple[Stat, bytes, bool, str | None, str | None, bool, str | None, frozenset[Group],
            list[ProblemRow], list[ProblemRow], bool, tuple[tuple[str, bool], ...], tuple[tuple[str, str], ...]]
# Where a row keeps what (the indices, as names).
_GROUPS: Final = 7
_OWN: Final = 8
_RULED: Final = 9
_FAILED: Final = 10
_PICTURES: Final = 11


def _read(path: Path, key: Key) -> tuple[dict[str, Row] | None, int]:
    """The rows of a cache written for `key`, and when the lint that checked
    them started; no rows when there is none, it is for something else, or it cannot be read."""
    stored = _load(path, key)
    if stored is None:
        return None, 0
    rows: dict[str, Row] = stored[1]
    return rows, stored[0]


def _read_names(path: Path, key: Key, since: int) -> dict[str, frozenset[str]] | None:
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


def _changed(saved: dict[str, Row], stats: dict[str, Stat], since: int) -> tuple[list[str], dict[str, bytes]]:
    """The files whose content differs from the cache's (new ones too), and
    the digests read to tell. A file changed shortly before the last lint
    started may have changed again within the file system's clock tick,
    keeping its time and size: its content decides (git's "racy" files)."""
    changed, digests = [], {}
    for path, stat in stats.items():
        row = saved.get(path)
        if row is None:
            changed.append(path)
            continue
        if any(os.path.isfile(picture) != there for picture, there in row[_PICTURES]):
            changed.append(path)
        elif row[0] != stat or stat[0] >= since - _RACY_NS:
            digests[path] = _digest(Path(path))
            if not row[1] or digests[path] != row[1]:
                changed.append(path)
    return changed, digests


def _project_row(saved: dict[str, Row], where: Location) -> dict[str, Row]:
    path = where.project.path if where.project is not None else None
    return {path: saved[path]} if path is not None and path in saved else {}


def _problems(rows: Iterable[ProblemRow]) -> list[Problem]:
    return [Problem(path, line, column, rule, _severity(severity), message)
            for path, line, column, rule, severity, message in rows]


def _severity(value: str) -> Severity:
    return "error" if value == "error" else "warning"


def _from_rows(saved: dict[str, Row]) -> LintResult:
    problems = [problem for row in saved.values() for problem in _problems([*row[_OWN], *row[_RULED]])]
    return LintResult(len(saved), [], sorted(problems, key=lint_order), sum(1 for row in saved.values() if row[_FAILED]))


def _restored(saved: dict[str, Row], names: dict[str, frozenset[str]], where: Location, as_of: dt.date) -> LiveCheck:
    """The check the cache holds, its documents standing in for their files."""
    project = where.project
    loaded, claims, own, ruled = [], {}, {}, {}
    for path, row in saved.items():
        _, _, is_document, known_id, known_type, private, claim, _, own_rows, ruled_rows, failed, pictures, named = row
        if own_rows:
            own[path] = _problems(own_rows)
        if ruled_rows:
            ruled[path] = _problems(ruled_rows)
        if claim:
            claims[path] = claim
        if project is not None and path == project.path:
            loaded.append(project)
            continue
        document = CachedDocument(path, known_id, known_type, private, dict(named)) if is_document else None
        loaded.append(Loaded(path, document, own.get(path, []), internal_error=failed,
                             consulted=tuple(picture for picture, _ in pictures)))
    indexed = ((path, names.get(path, frozenset()), row[_GROUPS]) for path, row in saved.items())
    return LiveCheck.restored(loaded, as_of, claims, own, ruled, indexed, content_dir=where.content_dir,
                              project_path=project.path if project is not None else None)


def _row(live: LiveCheck, path: str, stat: Stat | None, digest: bytes) -> Row | None:
    item = live.loaded(path)
    if item is None:
        return None
    document, found = item.document, live.facts(path)
    if stat is None:  # the project file: its own digest is in the key
        stat = _stat(path) if os.path.isfile(path) else (0, 0)
    return (stat, digest, document is not None, document.id if document is not None else None,
            document.type if document is not None else None, document.private if document is not None else False,
            found.claim, found.groups, _rows(found.own),
            _rows(found.ruled), item.internal_error,
            tuple((picture, os.path.isfile(picture)) for picture in item.consulted), _references(document))


def _references(document: Document | None) -> tuple[tuple[str, str], ...]:
    kind = TYPES.get(document.type or "") if document is not None else None
    if document is None or kind is None:
        return ()
    return tuple((reference.key, named) for reference in kind.references if (named := document.reference(reference.key)))


def _rows(problems: Iterable[Problem]) -> list[ProblemRow]:
    return [(p.path, p.line, p.column, p.rule, p.severity, p.message) for p in problems]


def _write_all(folder: Path, key: Key, started: int, rows: dict[str, Row], names: dict[str, frozenset[str]]) -> None:
    """Write the cache (owner-only: it holds what lint says of private notes):
    the strings named first, so that rows never stand without them."""
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# aotext lint's cache: safe to delete; never committed.\n*\n", encoding="utf-8")
    except OSError:
        return
    _write(folder / _NAMES, (key, started, names))
    _write(folder / _FILE, (key, started, rows))


def _write(path: Path, stored: tuple[Key, int, dict[str, Any]]) -> None:
    """A cache that cannot be written is no problem: the next lint reads everything."""
    try:
        atomic_write(path, marshal.dumps(stored), private=True, durable=False)
    except (OSError, ValueError):
        return
