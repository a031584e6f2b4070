"""The repository's folder of caches, `.aotext-cache/` beside aotext.yaml:
lint's cache (aotext.lint_cache) and the tools' versions the build
remembers (aotext.handouts.versions). Git ignores it, whichever command
makes it first; anything in it is safe to delete. Kept light: `aotext build
--list` imports it without lint's cache."""

from __future__ import annotations

from pathlib import Path

CACHE_DIR = ".aotext-cache"
# A file changed this close before a cache noted it may change again within
# the same tick of the file system's clock, its times and size unchanged
# (FAT's tick is two seconds): what the caches note of it is not trusted.
CLOCK_TICK_NS = 2_000_000_000
_IGNORE_ALL = "# aotext's caches: safe to delete; never committed.\n*\n"


def made(folder: Path) -> bool:
    """Make the cache folder `folder` if it is not there, telling git to
    ignore what it holds; False when it cannot be made (then nothing is cached)."""
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text(_IGNORE_ALL, encoding="utf-8")
    except OSError:
        return False
    return True
