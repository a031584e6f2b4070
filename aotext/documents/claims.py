"""What a file that could not be read seems to be: the id it gives, read
line by line from its text, so that documents naming that id can say the
file has errors rather than that the id does not exist."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable

from aotext.load import MAX_FILE_BYTES

_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_ID_LINE = re.compile(rf"""^id:\s*["']?({_ID.pattern})["']?\s*(?:#.*)?$""")
# The id is near the top of a document's front matter.
_LINES_LOOKED_AT = 200


def claimed_id(path: str) -> str | None:
    """The id a broken file's `id:` line gives, or None."""
    try:
        status = os.stat(path)
        # A pipe or device named .md would block the read; a paste is not a document.
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_FILE_BYTES:
            return None
        with open(path, encoding="utf-8", errors="replace") as handle:
            return claimed_in(handle)
    except PermissionError:
        # Not to be read at all: its name is the best guess (a plan is named after its id), so
        # what names it hears that the file cannot be read, not that there is no such document.
        return _named_by(path)
    except OSError:
        return None


def _named_by(path: str) -> str | None:
    """The id a file's name gives (bus-drivers-plan.md: 'bus-drivers-plan'), when it is written as one."""
    stem = os.path.basename(path).removesuffix(".md")
    return stem if _ID.fullmatch(stem) else None


def claimed_in(lines: Iterable[str]) -> str | None:
    """The id the first `id:` line among `lines` gives (an open file, or a text an editor holds), or None."""
    for number, line in enumerate(lines):
        found = _ID_LINE.match(line.rstrip())
        if found:
            return found.group(1)
        if number >= _LINES_LOOKED_AT:
            break
    return None
