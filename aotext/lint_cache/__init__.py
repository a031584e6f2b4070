"""Lint's cache: what the last `aotext lint` found in each file, kept in
`.aotext-cache/` at the top of the repository (ignored by git; safe to
delete), so that the next lint reads again only the files that changed and
re-checks only what they can affect (aotext.incremental). What it prints is
exactly what a lint without the cache prints.

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

from aotext.crypto.sealed import is_encrypted
from aotext.incremental import LiveCheck
from aotext.lint import LintResult, read_and_check
from aotext.lint_cache.rows import from_rows, restored, row_of
from aotext.lint_cache.store import (
    CACHE_DIR,
    FILE,
    NAMES,
    PICTURES,
    Key,
    Row,
    Stat,
    cache_key,
    content_digest,
    file_stat,
    picture_stat,
    read_names,
    read_rows,
    write_all,
    write_file,
)
from aotext.load import document_names
from aotext.repository import Location

__all__ = ["CACHE_DIR", "cached_lint", "live_from_cache"]

# Modification times this close before a lint started may hide a second change
# (file systems keep times in ticks; FAT's are two seconds).
_RACY_NS = 2_000_000_000


def cached_lint(where: Location, as_of: dt.date, *, jobs: int | None = None,
                progress: Callable[[str], None] | None = None) -> LintResult:
    """Every problem of the repository at `where`, as `aotext.lint.lint`
    finds them, reading again only what changed since the cache was written."""
    files = _files(where)
    if any(is_encrypted(path) for path in files):
        return _result(_full(where, as_of, jobs, progress))
    stats = {path: file_stat(path) for path in files}
    folder, key, started = _folder(where), cache_key(where, as_of), time.time_ns()
    saved, since = read_rows(folder / FILE, key)
    if saved is None:
        return _result(_checked_in_full(where, as_of, jobs, progress, folder, key, started, stats))
    changed, digests = _changed(saved, stats, since)
    gone = sorted(set(saved) - set(stats) - {where.project.path if where.project else ""})
    rows = {path: (stats[path], *row[1:]) for path, row in saved.items() if path in stats} | _project_row(saved, where)
    if not changed and not gone:
        if any(saved[path][0] != stat for path, stat in stats.items()):
            # Saved again unchanged: remember the new times (the strings named are as they were).
            write_file(folder / FILE, (key, since, rows))
        return from_rows(saved)
    names = read_names(folder / NAMES, key, since)
    if names is None:
        return _result(_checked_in_full(where, as_of, jobs, progress, folder, key, started, stats))
    live, touched = _brought_up_to_date(saved, names, where, as_of, changed, gone)
    for path in touched:
        digest = digests.get(path) or (saved[path][1] if path in saved else b"")
        found = row_of(live, path, stats.get(path), digest)
        names.pop(path, None)
        if found is not None:
            rows[path], names[path] = found, live.facts(path).mentions
    for path in gone:
        names.pop(path, None)
    write_all(folder, key, started, rows, names)
    return _result(live)


def live_from_cache(where: Location, as_of: dt.date) -> LiveCheck | None:
    """The check the cache holds, brought up to date with what changed since,
    for an editor to start from at once (aotext lsp); None when there is no
    cache for this aotext, project and day. It writes nothing."""
    files = _files(where)
    if any(is_encrypted(path) for path in files):
        return None
    key = cache_key(where, as_of)
    saved, since = read_rows(_folder(where) / FILE, key)
    names = read_names(_folder(where) / NAMES, key, since) if saved is not None else None
    if saved is None or names is None:
        return None
    changed, _ = _changed(saved, {path: file_stat(path) for path in files}, since)
    gone = sorted(set(saved) - set(files) - {where.project.path if where.project else ""})
    return _brought_up_to_date(saved, names, where, as_of, changed, gone)[0]


def _files(where: Location) -> list[str]:
    """The documents lint reads, as it names them."""
    return document_names([where.content_dir], where.project.path if where.project is not None else None)


def _folder(where: Location) -> Path:
    return (where.project_file.parent if where.project_file is not None else Path(".")) / CACHE_DIR


def _brought_up_to_date(saved: dict[str, Row], names: dict[str, frozenset[str]], where: Location, as_of: dt.date,
                        changed: list[str], gone: list[str]) -> tuple[LiveCheck, set[str]]:
    """The cached check, with the files that changed read again and those gone
    taken out; and the files whose problems may have changed."""
    live = restored(saved, names, where, as_of)
    touched = {path for gone_path in gone for path in live.remove(gone_path)}
    for path in changed:
        touched |= live.update(read_and_check(Path(path), keep_body=False, mentions=True))
    return live, touched


def _checked_in_full(where: Location, as_of: dt.date, jobs: int | None,
                     progress: Callable[[str], None] | None, folder: Path, key: Key, started: int,
                     stats: dict[str, Stat]) -> LiveCheck:
    """Check everything, and cache what was found. No digests yet: reading
    every file again would slow this lint; a file whose time or size changes
    later is read then, and counts as changed."""
    live = _full(where, as_of, jobs, progress)
    rows = {path: found for path in live.paths if (found := row_of(live, path, stats.get(path), b"")) is not None}
    write_all(folder, key, started, rows, {path: live.facts(path).mentions for path in rows})
    return live


def _full(where: Location, as_of: dt.date, jobs: int | None, progress: Callable[[str], None] | None) -> LiveCheck:
    return LiveCheck.read(where.content_dir, where.project, as_of, jobs=jobs, many_edits=False, progress=progress)


def _result(live: LiveCheck) -> LintResult:
    files = live.paths
    return LintResult(len(files), [], live.all_problems(),
                      sum(1 for path in files if (item := live.loaded(path)) is not None and item.internal_error))


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
        if any(picture_stat(picture) != stat for picture, stat in row[PICTURES]):
            changed.append(path)
        elif row[0] != stat or stat[0] >= since - _RACY_NS:
            digests[path] = content_digest(Path(path))
            if not row[1] or digests[path] != row[1]:
                changed.append(path)
    return changed, digests


def _project_row(saved: dict[str, Row], where: Location) -> dict[str, Row]:
    path = where.project.path if where.project is not None else None
    return {path: saved[path]} if path is not None and path in saved else {}
