"""The `aotext` command line. Each command parses its options, calls the
library and prints; the work itself happens in importable modules. One
module per command, imported when the command runs; importing it registers
it on the group."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from aotext.errors import EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from aotext.cli.base import cli

__all__ = ["cli", "main"]


def main() -> None:
    """Entry point: no Python traceback ever reaches the user, not even for
    Ctrl-C while aotext is still starting (importing is most of a start)."""
    try:
        import click

        from aotext.cli.base import cli
    except KeyboardInterrupt:
        sys.stderr.write("\naotext: stopped (Ctrl-C).\n")
        sys.exit(EXIT_PROBLEMS)
    try:
        cli.main(prog_name="aotext")
    except SystemExit:
        raise
    except KeyboardInterrupt:  # after the command's own handling, as aotext ends: what was done stays done
        sys.stderr.write("\naotext: stopped (Ctrl-C).\n")
        sys.exit(EXIT_PROBLEMS)
    except Exception as error:  # noqa: BLE001 - last line of defence, reported in one line
        click.echo(f"aotext: internal error ({type(error).__name__}: {error}); please report this", err=True)
        sys.exit(EXIT_USAGE)


def __getattr__(name: str) -> Any:
    """`aotext.cli.cli`, the click group, imported when asked for (not by `main`, which imports it itself)."""
    if name == "cli":
        from aotext.cli.base import cli

        return cli
    raise AttributeError(name)
