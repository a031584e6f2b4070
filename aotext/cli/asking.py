"""What `aotext note` and `aotext log` share: the answers file, when to ask
at the terminal, Ctrl-C, and the lint that follows every document written."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from aotext.cli.base import EXIT_PROBLEMS, PathType
from aotext.errors import UsageError

F = TypeVar("F", bound=Callable[..., Any])


def answers_option(function: F) -> F:
    return click.option(
        "--answers", "answers_file", type=PathType(dir_okay=False, exists=True, path_type=Path), default=None,
        help="Take the answers from this YAML file instead of asking (for scripts); options given as well win.",
    )(function)


def read_answers(path: Path | None) -> dict[str, Any]:
    """The answers file as a mapping, read as lint reads YAML (dates stay
    text: they are read like typed ones); what is wrong with it said as lint
    says it, at its line."""
    if path is None:
        return {}
    from aotext.frontmatter_handler import AotextHandler, normalise

    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UsageError(f"could not read the answers file {path}: {error.strerror or error}") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UsageError(f"the answers file {path} is not UTF-8 text; open it in your editor and save it with the "
                         "UTF-8 encoding") from error
    read = AotextHandler().read(normalise(text), first_line=1)
    wrong = [finding for finding in read.findings if finding.rule != "front-matter"]
    if wrong:
        raise UsageError("; ".join(f"{path}:{finding.line}:{finding.column}: {finding.message}" for finding in wrong))
    if read.data is None:
        raise UsageError(f"the answers file {path} must hold 'question: answer' lines")
    return read.data


def interactive(answers_file: Path | None) -> bool:
    """Ask at the terminal: when there is one and no answers file was given."""
    return answers_file is None and sys.stdin.isatty() and sys.stdout.isatty()


@contextmanager
def stopped() -> Iterator[None]:
    """Ctrl-C or Ctrl-D at any question: nothing is written, and no traceback."""
    try:
        yield
    except (KeyboardInterrupt, EOFError, click.Abort):  # click.prompt turns Ctrl-C and Ctrl-D into Abort
        click.echo("\nStopped: nothing was written.", err=True)
        sys.exit(EXIT_PROBLEMS)


def confirm(question: str) -> bool:
    """Yes or no, Enter for yes. Anything else is asked again in plain words
    (click.confirm said "Error: invalid input"); Ctrl-C or Ctrl-D stops, in stopped()."""
    while True:
        answer = click.prompt(f"{question} [Y/n]", default="", show_default=False).strip().casefold()
        if answer in ("", "y", "yes"):
            return True
        if answer in ("n", "no"):
            return False
        click.echo("Please answer y (yes) or n (no).", err=True)


def after_writing(path: Path, today: dt.date, project_file: Path | None) -> bool:
    """Lint the repository with the new document in it and print that
    document's problems as lint prints them; True when it has errors."""
    from aotext.lint_named import lint_paths
    from aotext.model import ERROR

    result = lint_paths([str(path)], today, project_file)
    for problem in result.problems:
        click.echo(str(problem), err=True)
    errors = any(problem.severity == ERROR for problem in result.problems)
    if not result.problems:
        click.echo(f"Checked {path}: no problems.")
    return errors
