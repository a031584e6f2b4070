"""The errors aotext raises for things the user can fix, each with the exit
status it ends the command with. The CLI maps them in one place; bad input
in a document is never one of these: it is a lint problem."""

from __future__ import annotations

from typing import ClassVar

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class AotextError(Exception):
    """The command cannot do what was asked; the message says what to do."""

    exit_code: ClassVar[int] = EXIT_USAGE


class UsageError(AotextError):
    """The command was asked for something that cannot be: an option naming
    nothing, a folder or project file that is not there."""


class Refused(AotextError):
    """The command understood the request but refuses it, to protect the
    documents (an id already taken, a file that would be overwritten)."""

    exit_code = EXIT_PROBLEMS
