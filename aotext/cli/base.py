"""The click group, the option types and exit codes every command shares."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from aotext import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class DateType(click.ParamType):
    """A calendar date written YYYY-MM-DD."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"'{value}' is not a real calendar date; write it as YYYY-MM-DD, e.g. 2026-02-18", param, ctx)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aotext")
def cli() -> None:
    """Plain-text toolkit for autonomous organizing: check the workshop,
    scenarios, campaign plans, reflection logs and conversation notes kept
    as Markdown files, and turn them into handouts."""
