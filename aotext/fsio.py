"""The one place that replaces files: always through a temporary file in the
same folder and an atomic rename, so nobody ever sees half a file."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


def _file_mode() -> int:
    # mkstemp creates files readable by the owner only; outputs get the usual mode.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


# Private material (names, what people said): readable by its owner only.
PRIVATE_MODE = 0o600


def atomic_write(path: Path, data: bytes, *, private: bool = False, durable: bool = True) -> None:
    """Write `data` to `path` so that `path` is either the old or the new file;
    a private file is readable by its owner only, from its first byte. Not
    `durable` (a cache): not forced to the disk before it replaces the old
    file, so a power cut may leave it empty, and the reader must cope.

    A link is written through (the file it names is replaced, the link
    stays); a folder, a device or a pipe is never replaced. An error names
    `path`, never the temporary file."""
    target = _target(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.chmod(temporary, PRIVATE_MODE if private else _FILE_MODE)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(path)) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _target(path: Path) -> Path:
    """The file to replace for `path`: the one a link names; refused when it is no file."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        found = path.stat()
    except OSError:
        return path  # not there yet (or not to be looked at: writing it says why)
    if not stat.S_ISREG(found.st_mode):
        raise OSError(errno.EINVAL, "it is not a file (a folder, a device or a pipe): name a file to write", str(path))
    return path


def atomic_write_text(path: Path, text: str, *, private: bool = False) -> None:
    atomic_write(path, text.encode("utf-8"), private=private)


def create_new(path: Path, text: str | bytes, *, private: bool = False) -> None:
    """Write a new file that must not exist yet: raises FileExistsError, and
    leaves the existing file alone, even when another program creates it a
    moment before us. The file appears whole or not at all. A private one (a
    secret key) is readable by its owner only, in a folder only its owner
    can open when aotext makes the folder."""
    path.parent.mkdir(mode=0o700 if private else 0o777, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, PRIVATE_MODE if private else _FILE_MODE)
        # A hard link is created only where no file is: an exclusive create
        # that also never shows half a file.
        os.link(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def remove_leftovers(folder: Path) -> None:
    """Delete temporary files an interrupted write left behind in `folder`."""
    if folder.is_dir():
        for leftover in folder.glob(".*.part"):
            leftover.unlink(missing_ok=True)


def remove_file(path: Path) -> None:
    """Delete a file that another has replaced (the plain text of a document now encrypted)."""
    path.unlink(missing_ok=True)
