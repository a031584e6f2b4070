"""The pandoc and typst versions that go into every output's fingerprint.

Asking costs: pandoc is a process to start, and typst's version is read
with importlib.metadata, slow to import. Each answer is remembered in the
repository's .aotext-cache/ under the tool's files as they are on disk
(path, size, modification and change times, inode), so that a build, and
`aotext build --list`, ask again only when a tool was installed, upgraded
or replaced. A cache that cannot be read or written only means asking."""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple

from aotext.cache_folder import CACHE_DIR, CLOCK_TICK_NS, made
from aotext.fsio import atomic_write
from aotext.handouts.render import PANDOC_TIMEOUT_SECONDS, pandoc_binary

CACHE_FILE = "build-tools.json"

# How a tool's files stood when it was asked: path, size, modification and change times (ns), inode.
FileKey = list[str | int]


def pandoc_version() -> str | None:
    """The first line of `pandoc --version`, e.g. 'pandoc 3.9'; None when pandoc does not run."""
    try:
        completed = subprocess.run([pandoc_binary(), "--version"], capture_output=True,
                                   timeout=PANDOC_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError, ImportError):
        return None  # rendering will fail and say why
    first = completed.stdout.decode("utf-8", "replace").strip().splitlines()
    return first[0] if completed.returncode == 0 and first else None


def typst_version() -> str | None:
    """The version of the typst wheel, e.g. 'typst 0.15.0'; None when it is not installed."""
    from importlib import metadata  # slow to import: only when typst's files changed

    try:
        return f"typst {metadata.version('typst')}"
    except metadata.PackageNotFoundError:
        return None


def pandoc_files() -> list[Path]:
    """The pandoc executable aotext runs; none when it cannot be found."""
    try:
        return [Path(pandoc_binary())]
    except (OSError, ImportError):
        return []


def typst_files() -> list[Path]:
    """The files of the typst package, its compiled typesetter among them, found without loading it."""
    try:
        spec = find_spec("typst")
        folders = spec.submodule_search_locations if spec is not None else None
        return sorted(path for folder in folders or () for path in Path(folder).iterdir() if path.is_file())
    except (ImportError, ValueError, OSError):
        return []


class Tool(NamedTuple):
    files: Callable[[], list[Path]]
    ask: Callable[[], str | None]
    # What stands for the version when the tool cannot say it.
    unknown: str


TOOLS = {"pandoc": Tool(pandoc_files, pandoc_version, "pandoc (not runnable)"),
         "typst": Tool(typst_files, typst_version, "typst (not installed)")}


def _standing(files: list[Path], now: int) -> list[FileKey] | None:
    """How `files` stand on disk: what a tool's answer is remembered under.
    None (ask, and do not remember) when there are none, when one cannot be
    looked at, or when one changed less than CLOCK_TICK_NS before `now`."""
    try:
        stats = [(path, os.stat(path)) for path in files]
    except OSError:
        return None
    if any(max(found.st_mtime_ns, found.st_ctime_ns) >= now - CLOCK_TICK_NS for _, found in stats):
        return None
    return [[str(path), found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino]
            for path, found in stats] or None


def tool_versions(root: Path) -> dict[str, str]:
    """Each tool's version (pandoc, typst), asked only when its files differ
    from those remembered in the cache folder of the repository at `root`."""
    cache = root / CACHE_DIR / CACHE_FILE
    remembered, now = _read(cache), time.time_ns()
    versions, changed = {}, False
    for name, tool in TOOLS.items():
        keys = _standing(tool.files(), now)
        entry = remembered.get(name)
        if keys is not None and isinstance(entry, dict) and entry.get("files") == keys \
                and isinstance(entry.get("version"), str):
            versions[name] = entry["version"]
            continue
        asked = tool.ask()
        versions[name] = asked or tool.unknown
        if asked is not None and keys is not None:  # a tool that cannot say is asked again next time
            remembered[name] = {"files": keys, "version": asked}
            changed = True
    if changed:
        _write(cache, remembered)
    return versions


def _read(cache: Path) -> dict[str, object]:
    try:
        stored = json.loads(cache.read_bytes())
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


def _write(cache: Path, remembered: dict[str, object]) -> None:
    if not made(cache.parent):
        return  # the next build asks again
    try:
        atomic_write(cache, json.dumps(remembered, indent=1).encode(), private=True, durable=False)
    except OSError:
        return
