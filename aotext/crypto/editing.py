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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aotext.crypto.age import Recipient
from aotext.crypto.convert import open_bytes, write_encrypted
from aotext.crypto.copies import make_private_folder
from aotext.crypto.identity import require_keys
from aotext.crypto.sealed import SUFFIX, is_encrypted
from aotext.errors import EXIT_PROBLEMS, AotextError, Refused, UsageError
from aotext.fsio import PRIVATE_MODE


def editor_command() -> list[str]:
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        raise UsageError("no editor is set: set EDITOR to the command of your text editor, e.g. "
                         "export EDITOR=nano")
    return shlex.split(command)


class EditorFailed(AotextError):
    """The editor stopped with an error: nothing is saved."""

    exit_code = EXIT_PROBLEMS


@dataclass(frozen=True)
class Edited:
    changed: bool


def edit_encrypted(path: Path, recipients: Sequence[Recipient]) -> Edited:
    """Open `path` decrypted in the user's editor and encrypt it again (for
    the current recipients) when it was changed and saved."""
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
        try:
            status = subprocess.run([*command, str(copy)], check=False).returncode
        except FileNotFoundError as error:
            raise UsageError(f"the editor '{command[0]}' cannot be found; set EDITOR to your text editor's "
                             "command") from error
        if status != 0:
            raise EditorFailed(f"the editor stopped with an error (status {status}); nothing was changed in "
                               f"{path}, and the copy was removed")
        try:
            edited = copy.read_bytes()
        except FileNotFoundError as error:
            raise Refused(f"the editor removed the copy; nothing was changed in {path}") from error
        if edited == plain:
            return Edited(False)
        write_encrypted(path, edited, recipients)
        return Edited(True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
