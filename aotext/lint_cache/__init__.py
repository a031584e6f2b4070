"""Lint's cache: what the last `aotext lint` found in each file, kept in
`.aotext-cache/` at the top of the repository (ignored by git; safe to
delete), so that the next lint reads again only the files that changed and
re-checks only what they can affect (aotext.incremental). What it prints is
exactly what a lint without the cache prints.

A lint that finds nothing changed reads only the small part of the cache
(aotext.lint_cache.store); one that re-checks a file or two also reads where
each file stands among the others, and writes back only the small part,
which notes what changed until there is much of it. What every file names
in full, the largest part, is read only when an id appears that no file had.

A file counts as changed when its size or modification time differs and its
content does too (a file saved again unchanged is not read twice). The whole
cache is set aside when aotext itself, the project file, the fonts folder or
the day (`--as-of`) differ from the run that wrote it. A picture a document
shows that appears, goes or is replaced changes that document's problems.

Nothing of an encrypted document's plain text may reach the disk, so a
repository that holds any `.md.age` file is checked in full every time and
nothing is cached."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from aotext import collector
from aotext.cache_folder import CACHE_DIR
from aotext.corpus import Corpus
from aotext.crypto.sealed import is_encrypted
from aotext.dependents import Mentions
from aotext.incremental import LiveCheck
from aotext.lint import LintResult
from aotext.lint_cache.files import FilesLooking, Looked, document_stats, looked_at
from aotext.lint_cache.rows import found_of, from_found, index_row_of, restored
from aotext.lint_cache.store import (
    FILE,
    INDEX,
    NAMES,
    Found,
    Index,
    IndexRow,
    Key,
    Seen,
    Stat,
    cache_key,
    read_found,
    read_index,
    read_names,
    write_all,
    write_found,
)
from aotext.load import Loaded
from aotext.reading import read_and_check
from aotext.repository import Location

__all__ = ["CACHE_DIR", "cached_lint", "live_from_cache"]

# What changed is noted in FILE until this share of the files has changed;
# then INDEX and NAMES are written again in full.
_REWRITTEN_AT = 0.05


class _Unreadable(Exception):
    """A part of the cache that should be there cannot be read: check everything."""


def cached_lint(where: Location, as_of: dt.date, *, jobs: int | None = None,
                progress: Callable[[str], None] | None = None) -> LintResult:
    """Every problem of the repository at `where`, as `aotext.lint.lint`
    finds them, reading again only what changed since the cache was written."""
    # What the cache holds makes no reference cycles: the collector, set off
    # again and again by the many small things read, would take half of what
    # restoring the cache takes at 20,000 files.
    with collector.paused():
        return _cached_lint(where, as_of, jobs, progress)


def _cached_lint(where: Location, as_of: dt.date, jobs: int | None,
                 progress: Callable[[str], None] | None) -> LintResult:
    folder, key, started = _folder(where), cache_key(where, as_of), time.time_ns()
    found = read_found(folder / FILE, key)
    looking = FilesLooking(where, found, jobs)
    try:
        # Restored while the files are looked at apart: needed unless nothing changed, which is rarer.
        early = _restored(found, folder, key, where, as_of) if found is not None and looking.apart else None
        looked = looking.looked()
    finally:
        looking.close()
    if looked.every is not None and any(is_encrypted(path) for path in looked.every):
        return _result(_full(where, as_of, jobs, progress, looked.every))
    if found is None or looked.every is not None:
        return _result(_checked_in_full(where, as_of, jobs, progress, folder, key, started, looked.every))
    if not looked.changed and not looked.gone:
        if looked.moved:
            # Saved again unchanged: remember the new times (what was found stays).
            found.seen.update({path: (*stat, found.seen[path][2]) for path, stat in looked.moved.items()})
            write_found(folder / FILE, key, found)
        return from_found(found)
    cached = early or _restored(found, folder, key, where, as_of)
    try:
        if cached is None:
            raise _Unreadable
        _brought_up_to_date(found, *cached, folder, key, looked, started)
    except _Unreadable:
        return _result(_checked_in_full(where, as_of, jobs, progress, folder, key, started, None))
    return from_found(found)


def live_from_cache(where: Location, as_of: dt.date) -> LiveCheck | None:
    """The check the cache holds, brought up to date with what changed since,
    for an editor to start from at once (aotext lsp); None when there is no
    cache for this aotext, project and day. It writes nothing."""
    folder, key = _folder(where), cache_key(where, as_of)
    found = read_found(folder / FILE, key)
    looked = looked_at(where, found)
    index = read_index(folder / INDEX, key, found) if found is not None else None
    if found is None or index is None or looked.every is not None:
        return None
    try:
        live = restored(found, index, where, as_of, _every_name(folder, key, found))
        _update(live, looked.changed, looked.gone)
        live.complete_mentions()
    except _Unreadable:
        return None
    return live


def _folder(where: Location) -> Path:
    return (where.project_file.parent if where.project_file is not None else Path(".")) / CACHE_DIR


def _restored(found: Found, folder: Path, key: Key, where: Location, as_of: dt.date) -> tuple[Index, LiveCheck] | None:
    """The check the cache holds (None: its index cannot be read)."""
    index = read_index(folder / INDEX, key, found)
    return (index, restored(found, index, where, as_of, _every_name(folder, key, found))) if index is not None else None


def _brought_up_to_date(found: Found, index: Index, live: LiveCheck, folder: Path, key: Key, looked: Looked,
                        started: int) -> None:
    """Bring `found` up to date from the check it holds (`live`, restored
    with `index`): the files that changed read again and those gone taken
    out; and write the cache anew."""
    changed, gone, digests = looked.changed, looked.gone, looked.digests
    touched = _update(live, changed, gone)
    for path in touched:
        saved = found.seen.get(path)
        stat = looked.moved.get(path) or (saved[:2] if saved is not None else None)
        if stat is not None:
            found.seen[path] = (*stat, digests.get(path) or (saved[2] if saved else b""))
        _forget(found, path)
        item = live.loaded(path)
        if item is None:  # gone
            found.seen.pop(path, None)
        else:
            _keep(found, live, item, found.seen.get(path))
    for path in [*changed, *gone]:
        # Only what was read again changes where a file stands, and what it names.
        found.index_since[path], found.names_since[path] = _placed(live, path, index.known) or (None, None)
    found.started = started
    # The ids of the files not touched are among those known already.
    if (any(value not in index.known for path in touched for value in _ids(live, path))
            or len(found.index_since) > _REWRITTEN_AT * len(found.seen)):
        # An id no file had appeared (what names it is known only in full), or much changed: write it all again.
        live.complete_mentions()
        write_all(folder, key, *_rebased(found, live, started))
    else:
        write_all(folder, key, found, None, None)


def _update(live: LiveCheck, changed: list[str], gone: list[str]) -> set[str]:
    """Read again the files that changed, and take out those gone: the files whose problems may have changed."""
    touched = {path for gone_path in gone for path in live.remove(gone_path)}
    for path in changed:
        touched |= live.update(read_and_check(Path(path), keep_body=False, mentions=True))
    return touched


def _every_name(folder: Path, key: Key, found: Found) -> Callable[[], dict[str, Mentions]]:
    def every_name() -> dict[str, Mentions]:
        names = read_names(folder / NAMES, key, found)
        if names is None:
            raise _Unreadable
        return names
    return every_name


def _keep(found: Found, live: LiveCheck, item: Loaded, seen: Seen | None) -> None:
    """Put what a check found in one file it holds (read as `item`) into FILE's part of the cache."""
    path = item.path
    found.seen[path], problems, failed, pictures = found_of(item, live.facts(path), seen)
    if problems is not None:
        found.problems[path] = problems
    if failed:
        found.failed.append(path)
    if pictures:
        found.pictures[path] = pictures


def _forget(found: Found, path: str) -> None:
    """Take what FILE kept of one file out of it."""
    found.problems.pop(path, None)
    found.pictures.pop(path, None)
    if path in found.failed:
        found.failed.remove(path)


def _ids(live: LiveCheck, path: str) -> tuple[str, ...]:
    """The id a file gives, or seems to give when it cannot be read."""
    item = live.loaded(path)
    given = item.document.id if item is not None and item.document is not None else None
    return tuple(value for value in (given, live.claim(path)) if value)


def _placed(live: LiveCheck, path: str, known: frozenset[str]) -> tuple[IndexRow, tuple[str, ...]] | None:
    """What INDEX and NAMES keep of one file the check holds (None: it is gone)."""
    facts = live.facts(path)
    row = index_row_of(live.loaded(path), facts, known)
    return (row, tuple(facts.mentions)) if row is not None else None


def _rebased(found: Found, live: LiveCheck, started: int) -> tuple[Found, Index, dict[str, tuple[str, ...]]]:
    """FILE, INDEX and NAMES, the last two written in full at `started`: every
    id there is among the strings INDEX keeps of what each file names."""
    paths = live.paths
    known = frozenset(value for path in paths for value in _ids(live, path))
    rows, names = {}, {}
    for path in paths:
        if (placed := _placed(live, path, known)) is not None:
            rows[path], names[path] = placed
    found.base, found.index_since, found.names_since = started, {}, {}
    return found, Index(rows, known), names


def _checked_in_full(where: Location, as_of: dt.date, jobs: int | None,
                     progress: Callable[[str], None] | None, folder: Path, key: Key, started: int,
                     stats: dict[str, Stat] | None) -> LiveCheck:
    """Check everything (the files as `stats` found them, else as they are
    found now), and cache what was found. No digests yet: reading every file
    again would slow this lint; a file whose time or size changes later is
    read then, and counts as changed."""
    if stats is None:
        stats = document_stats(where)
    live = _full(where, as_of, jobs, progress, stats)
    found = Found(started, {}, {}, [], {}, started, {}, {})
    for path in live.paths:
        if (item := live.loaded(path)) is not None:
            _keep(found, live, item, (*stats[path], b"") if path in stats else None)
    write_all(folder, key, *_rebased(found, live, started))
    return live


def _full(where: Location, as_of: dt.date, jobs: int | None, progress: Callable[[str], None] | None,
          stats: dict[str, Stat]) -> LiveCheck:
    """Check every file `document_stats` found (`stats`): the folder is not listed twice."""
    return LiveCheck.read(where.content_dir, where.project, as_of, jobs=jobs, many_edits=False, progress=progress,
                          files=sorted(stats))


def _result(live: LiveCheck) -> LintResult:
    files = live.paths
    return LintResult(len(files), Corpus([]), live.all_problems(),
                      sum(1 for path in files if (item := live.loaded(path)) is not None and item.internal_error))
