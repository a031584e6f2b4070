"""Editing an encrypted document: the one time its plain text touches the
disk, as a copy in a private temporary folder (readable by the user alone,
in memory-backed /dev/shm when there is one) that is removed when the editor
closes, also after Ctrl-C or an editor crash; if aotext itself is killed,
by the next aotext to run (aotext.crypto.copies)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from aotext.crypto.age import Recipient
from aotext.crypto.convert import open_bytes, write_encrypted
from aotext.crypto.copies import make_private_folder
from aotext.crypto.identity import require_keys
from aotext.crypto.sealed import SUFFIX, is_encrypted
from aotext.documents.records import frozen
from aotext.errors import EXIT_PROBLEMS, AotextError, Refused, UsageError
from aotext.fsio import PRIVATE_MODE
from aotext.model import Problem


def editor_command() -> list[str]:
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        raise UsageError("no editor is set: set EDITOR to the command of your text editor, e.g. "
                         "export EDITOR=nano")
    return shlex.split(command)


class EditorFailed(AotextError):
    """The editor stopped with an error: nothing is saved."""

    exit_code = EXIT_PROBLEMS


@frozen
class Edited:
    changed: bool
    # Why the change was not saved: the problems of a text that is no longer a document.
    refused: tuple[Problem, ...] = ()


def edit_encrypted(path: Path, recipients: Sequence[Recipient],
                   again: Callable[[Sequence[Problem]], bool]) -> Edited:
    """Open `path` decrypted in the user's editor and encrypt it again (for
    the current recipients) when it was changed and saved. A change whose
    front matter cannot be read is never saved: it would be left out of
    every command from then on, with nobody able to see why without a key.
    `again(problems)` says whether to open the editor again on it; if not,
    `path` stays as it was."""
    if not is_encrypted(path):
        raise UsageError(f"{path} is not an encrypted document (.md.age); edit it in your editor as usual")
    if not path.is_file():
        raise UsageError(f"there is no file {path}")
    plain = open_bytes(path, require_keys())
    command = editor_command()
    folder = make_private_folder()
    try:
        copy = folder / path.name[: -len(SUFFIX)]
        copy = copy.with_name(copy.name + ".md")
        handle = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
        with os.fdopen(handle, "wb") as stream:
            stream.write(plain)
        while True:
            edited = _run_editor(command, copy, path)
            if edited == plain:
                return Edited(False)
            unreadable = _unreadable(copy, path)
            if not unreadable:
                break
            if not again(unreadable):
                return Edited(False, unreadable)
        write_encrypted(path, edited, recipients)
        return Edited(True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run_editor(command: list[str], copy: Path, path: Path) -> bytes:
    """What the editor saved in `copy`."""
    try:
        status = subprocess.run([*command, str(copy)], check=False).returncode
    except FileNotFoundError as error:
        raise UsageError(f"the editor '{command[0]}' cannot be found; set EDITOR to your text editor's "
                         "command") from error
    if status != 0:
        raise EditorFailed(f"the editor stopped with an error (status {status}); nothing was changed in "
                           f"{path}, and the copy was removed")
    try:
        return copy.read_bytes()
    except FileNotFoundError as error:
        raise Refused(f"the editor removed the copy; nothing was changed in {path}") from error


def _unreadable(copy: Path, path: Path) -> tuple[Problem, ...]:
    """Lint's problems with the edited copy when it cannot be read as a
    document at all (front matter unclosed, YAML it cannot read, not UTF-8),
    said of `path` at the copy's lines, which are the document's."""
    from aotext.load import load_file

    loaded = load_file(copy)
    if loaded.document is not None:
        return ()
    return tuple(replace(problem, path=path.as_posix()) for problem in loaded.problems)
