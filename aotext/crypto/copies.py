"""The private temporary folders that hold `aotext edit`'s decrypted copy,
and the removal of those a killed aotext left behind.

Each folder is named after the process that made it (aotext-edit-PID-...).
aotext removes its folder when the editor closes, after Ctrl-C or an editor
crash too; but killed outright (SIGKILL, the out-of-memory killer) nothing
of it runs, and the plain text would stay. So every aotext that starts
removes the folders whose process is gone. Standard library only: it runs
before every command."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

_PREFIX = "aotext-edit-"
_NAME = re.compile(rf"^{_PREFIX}(\d+)-")


def private_folder_base() -> str | None:
    """Where the copy goes: $TMPDIR if set, else /dev/shm (memory, never a disk) if usable, else the system's."""
    if os.environ.get("TMPDIR"):
        return os.environ["TMPDIR"]
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else None


def make_private_folder() -> Path:
    """A new folder only the user can read, named after this process."""
    folder = tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=private_folder_base())
    os.chmod(folder, 0o700)
    return Path(folder)


def _alive(pid: int) -> bool:
    """Whether process `pid` exists; when in doubt, yes (its folder is left alone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # someone else's process, or a number no process has
        return True
    return True


def remove_stale() -> list[str]:
    """Remove the user's folders whose aotext is gone; a line for each, to show."""
    if os.name != "posix":  # os.kill(pid, 0) would end the process elsewhere; and no SIGKILL there
        return []
    base = private_folder_base() or tempfile.gettempdir()
    try:
        found = [(entry, int(match.group(1))) for entry in os.scandir(base) if (match := _NAME.match(entry.name))]
    except OSError:
        return []
    said = []
    for entry, pid in found:
        try:
            if (not entry.is_dir(follow_symlinks=False) or entry.stat(follow_symlinks=False).st_uid != os.getuid()
                    or _alive(pid)):
                continue
            names = ", ".join(sorted(os.listdir(entry.path))) or "a note"
        except OSError:
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        if os.path.lexists(entry.path):
            said.append(f"the decrypted copy of {names} is still in {entry.path}, left by an aotext edit that was "
                        "killed, and could not be removed: remove that folder yourself")
        else:
            said.append(f"removed the decrypted copy of {names} left in {entry.path} by an aotext edit that was "
                        "killed (changes saved in it after that are not kept)")
    return said
