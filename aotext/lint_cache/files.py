"""Which files changed since the cache was written: the documents lint
reads, each looked at (its time and size) and, where that is not enough to
tell, read.

Looking at 20,000 files takes as long as restoring the cache (about 70 ms
each on the machine of `make bench`), and the two need nothing of each
other, so where the machine has a second core a process of its own looks at
the files while this one restores the cache (aotext.apart). It sends back
only what changed."""

from __future__ import annotations

from dataclasses import fields
from functools import partial
from pathlib import Path
from typing import Any

from aotext.apart import MARSHAL, Apart
from aotext.cache_folder import CLOCK_TICK_NS
from aotext.crypto.sealed import is_encrypted
from aotext.discover import documents_found
from aotext.documents.records import frozen
from aotext.lint_cache.store import Found, Stat, content_digest, seen_stat
from aotext.repository import Location


@frozen
class Looked:
    """What looking at the files found, against the cache (`Found`)."""

    # Every file and how it stands, when there is no cache to compare with or
    # a file is encrypted (then nothing is cached); else None.
    every: dict[str, Stat] | None
    # The files whose content differs from the cache's (new ones too), in path order; those gone.
    changed: list[str]
    gone: list[str]
    # The digests read to tell, and how every file whose time or size differs from the cache's stands.
    digests: dict[str, bytes]
    moved: dict[str, Stat]


def looked_at(where: Location, found: Found | None) -> Looked:
    """Look at the files now, against `found`."""
    stats = document_stats(where)
    if found is None or any(is_encrypted(path) for path in stats):
        return Looked(stats, [], [], {}, {})
    changed, digests = _changed(found, stats)
    project = where.project.path if where.project is not None else ""
    gone = sorted(found.seen.keys() - stats.keys() - {project})  # the project file is not among the documents
    seen = found.seen
    moved = {path: stat for path, stat in stats.items() if path not in seen or seen[path][:2] != stat}
    return Looked(None, changed, gone, digests, moved)


def document_stats(where: Location) -> dict[str, Stat]:
    """The documents lint reads, as it names them, with their times and sizes."""
    project = where.project.path if where.project is not None else None
    return {path: seen_stat(path) for path in documents_found([where.content_dir], project)}


class FilesLooking:
    """`looked_at(where, found)`, in a process of its own from the moment
    this is made (`apart`) until `looked` is asked; `close` when it is not."""

    def __init__(self, where: Location, found: Found | None, jobs: int | None = None) -> None:
        self._looking = Apart(partial(_fields, where, found), jobs, MARSHAL)
        self.apart = self._looking.apart

    def looked(self) -> Looked:
        return Looked(*self._looking.result())

    def close(self) -> None:
        """Stop the process, if it is still looking, and wait for it to end."""
        self._looking.close()


def _fields(where: Location, found: Found | None) -> tuple[Any, ...]:
    """What `looked_at` finds, as plain values (sent back as such: aotext.apart.MARSHAL)."""
    looked = looked_at(where, found)
    return tuple(getattr(looked, field.name) for field in fields(Looked))


def _changed(found: Found, stats: dict[str, Stat]) -> tuple[list[str], dict[str, bytes]]:
    """The files whose content differs from the cache's (new ones too), and
    the digests read to tell. A file changed shortly before the last lint
    started may have changed again within the file system's clock tick,
    keeping its time and size: its content decides (git's "racy" files)."""
    changed, digests = [], {}
    seen_before, pictures, racy_from = found.seen, found.pictures, found.started - CLOCK_TICK_NS
    for path, stat in stats.items():
        seen = seen_before.get(path)
        if seen is None or (pictures and any(seen_stat(picture) != then
                                              for picture, then in pictures.get(path, ()))):
            changed.append(path)
        elif seen[0] != stat[0] or seen[1] != stat[1] or stat[0] >= racy_from:
            digests[path] = content_digest(Path(path))
            if not seen[2] or digests[path] != seen[2]:
                changed.append(path)
    return sorted(changed), digests  # read again in path order, whatever order the folders listed them in
