"""`aotext edit`."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from aotext.cli.base import EXIT_PROBLEMS, PathType, cli, project_option


@cli.command(short_help="Change an encrypted document in your editor.")
@project_option
@click.argument("file", type=PathType(dir_okay=False, path_type=Path))
def edit(project_file: Path | None, file: Path) -> None:
    """Open FILE, an encrypted document (.md.age), decrypted in your editor
    ($VISUAL or $EDITOR), and encrypt it again for the collective's keys when
    you save and close it. The decrypted copy is in a private temporary
    folder that only you can read, and is removed when the editor closes,
    also after Ctrl-C or if the editor crashes (then nothing is changed).
    Then it checks the document as aotext lint would. A change that leaves
    the document unreadable (its front matter broken) is never saved: it
    says what is wrong, at which line, and offers to open the editor again;
    if not, the file stays as it was (exit status 1).

    \b
    Examples:
      aotext edit content/conversations/2026-11-14-7f3a9c.md.age
      EDITOR=nano aotext edit content/conversations/2026-11-14-7f3a9c.md.age
    """
    from aotext.cli.asking import after_writing, confirm
    from aotext.crypto.convert import current_recipients
    from aotext.crypto.editing import edit_encrypted
    from aotext.crypto.place import find_place
    from aotext.model import Problem

    def again(problems: Sequence[Problem]) -> bool:
        for problem in problems:
            click.echo(str(problem), err=True)
        # Without a terminal (a script as EDITOR) nobody can answer: nothing is saved.
        return sys.stdin.isatty() and confirm(f"aotext cannot read {file} as it is now. Open it again to fix it?")

    _, recipients = current_recipients(find_place(project_file).root)
    try:
        edited = edit_encrypted(file, recipients, again)
    except (KeyboardInterrupt, click.Abort):  # click.Abort: Ctrl-C or Ctrl-D at the question
        click.echo(f"\nStopped: nothing was changed in {file}, and the decrypted copy was removed.", err=True)
        sys.exit(EXIT_PROBLEMS)
    if edited.refused:
        click.echo(f"Nothing was changed in {file}: the change was not saved, since aotext could not read it "
                   "(above); run aotext edit again to make it.", err=True)
        sys.exit(EXIT_PROBLEMS)
    if not edited.changed:
        click.echo(f"No change to {file}.")
        return
    click.echo(f"Saved {file}, encrypted for the collective's keys.")
    if after_writing(file, dt.date.today(), project_file):
        sys.exit(EXIT_PROBLEMS)
