"""The click group, the option types and the error policy every command
shares: the library's errors become exit statuses here, once."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from aotext import __version__
from aotext.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, AotextError, UsageError

if TYPE_CHECKING:
    from aotext.repository import Repository

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "CountType", "DateType", "PathType", "cli", "project_option", "report_errors",
           "report_unread_encrypted", "show_warnings"]

F = TypeVar("F", bound=Callable[..., Any])
# The modules of aotext.cli that are not commands.
_NOT_COMMANDS = frozenset({"base", "asking", "__main__"})


class DateType(click.ParamType[dt.date, object]):
    """A calendar date written YYYY-MM-DD."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"'{value}' is not a real calendar date; write it as YYYY-MM-DD, e.g. 2026-02-18", param, ctx)
        from aotext.rules.dates import EARLIEST_YEAR, LATEST_YEAR

        if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:  # the year 1 had run every period off the calendar
            self.fail(f"{day} is in the year {day.year}: give a date from {EARLIEST_YEAR} to {LATEST_YEAR}, "
                      "e.g. 2026-02-18", param, ctx)
        return day


class CountType(click.ParamType[int, object]):
    """A whole number from `least` up, said in the words of what it counts
    (click's own says "not a valid integer range" and "the range x>=1")."""

    name = "NUMBER"

    def __init__(self, least: int, what: str, example: int) -> None:
        self.least, self.what, self.example = least, what, example

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            number = value
        else:
            try:
                number = int(str(value).strip())
            except ValueError:
                self.fail(f"'{value}' is not a whole number; give {self.what}, such as {self.example}", param, ctx)
        if number < self.least:
            self.fail(f"{number} is too few; give {self.what}, {self.least} or more, such as {self.example}",
                      param, ctx)
        return number


class PathType(click.Path):
    """click.Path, whose refusals are said in plain words with what to do
    instead ("Path 'x' does not exist", "is not writable" before). An output
    (`writable`) must be a file: a device or a pipe such as /dev/stdout is
    refused here, before anything is printed."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        kind = "file" if not self.dir_okay else "folder" if not self.file_okay else "file or folder"
        if self.writable and value == "-":
            # Many programs read '-' as the screen; here it would be a file named '-'.
            self.fail("'-' would write a file named '-'; to print instead, leave out the option", param, ctx)
        try:
            found = os.stat(value)
        except OSError:
            if self.exists:
                self.fail(f"the {kind} '{value}' does not exist; check its name, and that you run aotext in the "
                          "folder that holds aotext.yaml", param, ctx)
            return self.coerce_path_result(value)
        if not self.dir_okay and stat.S_ISDIR(found.st_mode):
            self.fail(f"'{value}' is a folder; name a file", param, ctx)
        if not self.file_okay and not stat.S_ISDIR(found.st_mode):
            self.fail(f"'{value}' is a file, not a folder; name a folder", param, ctx)
        if self.writable and not stat.S_ISREG(found.st_mode):
            self.fail(f"'{value}' is a device or a pipe, not a file; name a file to write to", param, ctx)
        if self.readable and not os.access(value, os.R_OK):
            self.fail(f"you may not read '{value}' (its permissions forbid it); name a {kind} you may read",
                      param, ctx)
        if self.writable and not os.access(value, os.W_OK):
            self.fail(f"you may not change '{value}' (its permissions forbid it); name a file you may write to",
                      param, ctx)
        return self.coerce_path_result(value)

    def fail(self, message: str, param: click.Parameter | None = None, ctx: click.Context | None = None) -> NoReturn:
        # An argument by its name, PATHS, not by its usage text '[PATHS]...'.
        hint = f"'{param.human_readable_name}'" if isinstance(param, click.Argument) else None
        raise click.BadParameter(message, ctx=ctx, param=param, param_hint=hint)


class AotextCommand(click.Command):
    """A command whose usage errors from the library are shown as click shows
    its own: with this command's usage line, not the whole program's."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as error:
            raise click.UsageError(str(error), ctx) from error


class AotextGroup(click.Group):
    """Turns the library's errors into their exit status: a refusal as one
    line (its commands show a usage error as click does, with the usage line).

    Each command is a module of aotext.cli, imported only when it is run, so
    `aotext lint` does not pay for importing what the other commands need."""

    command_class = AotextCommand

    def list_commands(self, ctx: click.Context) -> list[str]:
        import pkgutil

        import aotext.cli

        found = {info.name for info in pkgutil.iter_modules(aotext.cli.__path__) if info.name not in _NOT_COMMANDS}
        return sorted(found | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.list_commands(ctx):
            import importlib

            importlib.import_module(f"aotext.cli.{cmd_name}")  # the module registers its command
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        from aotext.apart import stop_all

        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # Ctrl-C: files are written whole or not at all, so nothing is half-written
            command = f" {ctx.invoked_subcommand}" if ctx.invoked_subcommand else ""
            click.echo(f"\naotext{command}: stopped (Ctrl-C).", err=True)
            ctx.exit(EXIT_PROBLEMS)
        except AotextError as error:
            click.echo(f"aotext {ctx.invoked_subcommand}: {error}", err=True)
            ctx.exit(error.exit_code)
        except OSError as error:
            # The machine's side, not the documents': a full disk, a folder
            # that cannot be written, a file where a folder should be.
            where = f" {error.filename}" if error.filename else ""
            click.echo(f"aotext {ctx.invoked_subcommand}: could not read or write{where}: "
                       f"{error.strerror or error}; check that the folder exists, that you may write there, "
                       "and that the disk is not full", err=True)
            ctx.exit(EXIT_USAGE)
        finally:
            stop_all()  # work left running apart (aotext.apart) by a command that ended early


def project_option(function: F) -> F:
    """--project FILE, the same for every command that reads the repository."""
    return click.option(
        "--project", "project_file", type=PathType(dir_okay=False, path_type=Path), default=None,
        help="The project file, if it is not aotext.yaml here. The content folder is the one it names.",
    )(function)


@click.group(cls=AotextGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aotext")
def cli() -> None:
    """Plain-text toolkit for autonomous organizing: check the workshop,
    scenarios, campaign plans, reflection logs and conversation notes kept
    as Markdown files, and turn them into handouts."""
    from aotext.crypto.copies import remove_stale

    # Before any command: a decrypted copy that a killed aotext edit left must not outlive it.
    for line in remove_stale():
        click.echo(f"aotext: {line}", err=True)


def report_unread_encrypted(repository: Repository, command: str) -> None:
    """Say, once, that encrypted notes this command would use could not be read."""
    message = repository.unread_encrypted()
    if message:
        click.echo(f"aotext {command}: {message}", err=True)


def show_warnings(repository: Repository, rules: Collection[str]) -> None:
    """Print the documents' lint warnings of `rules`, as lint prints them:
    those that change what this command shows (someone listed twice, a log
    left out)."""
    for problem in repository.lint.problems:
        if problem.rule in rules:
            click.echo(str(problem), err=True)


def report_errors(repository: Repository, consequence: str, read_types: frozenset[str], whole: str) -> bool:
    """Print the documents' lint errors as lint prints them, then what they
    mean for this command: `consequence`, or, when none of them is of the
    `read_types` the command reads (nor the project file, nor a file of no
    telling type), `whole`. Every command says it in the same words. True
    when there were any (the command then exits 1)."""
    from aotext.model import ERROR
    from aotext.words import plural

    errors = [problem for problem in repository.lint.problems if problem.severity == ERROR]
    for problem in errors:
        click.echo(str(problem), err=True)
    if errors:
        if not repository.read_in_part(read_types):
            consequence = whole
        files = len({problem.path for problem in errors})
        click.echo(f"aotext: {plural(len(errors), 'lint error')} in {plural(files, 'document')} (above); {consequence}.",
                   err=True)
    return bool(errors)
