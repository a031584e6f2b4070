"""The `aotext` command line. Each command parses its options, calls the
library and prints; the work itself happens in importable modules. One
module per command, imported when the command runs; importing it registers
it on the group."""

from __future__ import annotations

import sys

import click

from aotext.cli.base import EXIT_USAGE, cli

__all__ = ["cli", "main"]


def main() -> None:
    """Entry point: no Python traceback ever reaches the user."""
    try:
        cli.main(prog_name="aotext")
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - last line of defence, reported in one line
        click.echo(f"aotext: internal error ({type(error).__name__}: {error}); please report this", err=True)
        sys.exit(EXIT_USAGE)
