"""Where a file that names the people a group organizes may be written.

Collectives publish build/, so such a file (the full dashboard, the
follow-ups' calendar) is never written inside it; its place is private/, a
folder that ignores itself in git. Written anywhere else in the repository
where git would add it, the user is warned."""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

from aotext.errors import UsageError
from aotext.fsio import atomic_write, create_new
from aotext.project import BUILD_FOLDER

PRIVATE_FOLDER = "private"
# Written into private/ the first time: git then ignores everything in the
# folder, whatever the repository's own .gitignore says.
_IGNORE_ALL = "# aotext: what is written here names people; git never adds it.\n*\n"


def refuse_published(path: Path, root: Path, what: str, instead: str) -> None:
    """Refuse to write `what` (a file that names people) where the build's
    published files are, telling the user what to do `instead`."""
    if path.resolve().is_relative_to((root / BUILD_FOLDER).resolve()):
        raise UsageError(f"{path} is in {BUILD_FOLDER}/, which collectives publish, and {what} names "
                         f"the people you organize: {instead}")


def keep_out_of_git(path: Path, root: Path) -> tuple[str, ...]:
    """Make private/ ignore itself; elsewhere in the repository, warn when git would add `path`."""
    private = (root / PRIVATE_FOLDER).resolve()
    if path.resolve().is_relative_to(private):
        ignore = private / ".gitignore"
        if not ignore.exists():  # looked at first: making it is a file written to disk and synced
            with contextlib.suppress(FileExistsError):  # made meanwhile, or the collective's own: left as it is
                create_new(ignore, _IGNORE_ALL)
        return ()
    if not path.resolve().is_relative_to(root.resolve()):
        return ()
    try:
        checked = subprocess.run(["git", "check-ignore", "--quiet", str(path.resolve())], cwd=root,
                                 capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ()  # no git here: nothing it could add
    if checked.returncode == 1:  # 1: not ignored; 128: not a git repository
        return (f"{path} is in the repository and git does not ignore it, so a `git add` would share the names in "
                f"it: write it under {PRIVATE_FOLDER}/, or add it to .gitignore",)
    return ()


def write_private(path: Path, data: bytes, root: Path, what: str, instead: str) -> tuple[str, ...]:
    """Write a file that names people: never into build/, readable by its
    owner only, kept out of git; the warnings to print."""
    refuse_published(path, root, what, instead)
    warnings = keep_out_of_git(path, root)
    atomic_write(path, data, private=True)
    return warnings
