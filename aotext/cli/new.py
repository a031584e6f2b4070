"""`aotext new`."""

from __future__ import annotations

import datetime as dt
import sys

import click

from aotext.cli.base import EXIT_PROBLEMS, DateType, cli


@cli.command(short_help="Create a new document from a template.")
@click.argument("type_name", metavar="TYPE", required=False,
                type=click.Choice(["module", "question", "scenario", "plan", "reflection", "conversation"]))
@click.option("--id", "document_id", default=None, help="The new document's id. Default: made from the title (or date).")
@click.option("--title", default=None, help="The title (for a question: its prompt).")
@click.option("--plan", default=None, metavar="ID", help="The plan a reflection or conversation belongs to.")
@click.option("--scenario", default=None, metavar="ID", help="The scenario a plan or conversation belongs to.")
@click.option("--module", default=None, metavar="ID", help="The module a worksheet question belongs to.")
@click.option("--activity", default=None, metavar="ID",
              help="The activity of --module that uses a new question. Default: its first activity.")
@click.option("--date", "day", type=DateType(), default=None, help="The document's date, YYYY-MM-DD. Default: today.")
@click.option("--owner", default=None, metavar="NAME", help="Who had the conversation (conversation notes).")
@click.option("--pseudonym", default=None, metavar="NAME",
              help="The pseudonym of the person in a conversation note; never their real name. Asked for when missing.")
@click.option("--list", "list_types", is_flag=True, help="List the document types, one line each, and exit.")
def new(type_name: str | None, document_id: str | None, title: str | None, plan: str | None, scenario: str | None,
        module: str | None, activity: str | None, day: dt.date | None, owner: str | None, pseudonym: str | None,
        list_types: bool) -> None:
    """Create a new document of TYPE from a template that passes lint at once.

    The file goes into its type's folder with today's date, a fresh id made
    from the title, and every required key filled with a placeholder that
    says what to write. It never overwrites a file or reuses an id (exit 1).

    \b
    Examples:
      aotext new --list
      aotext new plan --title "Tenants' fall campaign" --scenario rent-strike
      aotext new reflection --plan bus-drivers-plan
      aotext new conversation --pseudonym Rosa --owner Sam --scenario bus-drivers
      aotext new question --title "Who holds power here?" --module planning
    """
    from pathlib import Path

    from aotext.fsio import atomic_write_text
    from aotext.new import DESCRIPTIONS, NewDocumentError, Request, create, schemas_for
    from aotext.repository import RepositoryError, open_repository

    if list_types:
        for name, description in DESCRIPTIONS.items():
            click.echo(f"{name:<13} {description}")
        return
    if type_name is None:
        raise click.UsageError("name the TYPE of document to create; see aotext new --list")
    if type_name in ("module", "scenario", "plan") and not title:
        title = _ask("Title", "--title")
    if type_name == "conversation" and not pseudonym:
        pseudonym = _ask("Pseudonym (never a real name)", "--pseudonym")
    today = day or dt.date.today()
    try:
        repository = open_repository(today, keep_bodies=False)
        root = repository.project.root if repository.project else Path(".")
        content = repository.project.content_dir if repository.project else Path("content")
        made = create(Request(type_name, today, document_id, title, plan, scenario, module, activity, owner, pseudonym),
                      repository.corpus, content, schemas_for(root))
    except (RepositoryError, NewDocumentError) as error:
        click.echo(f"aotext new: {error}", err=True)
        sys.exit(EXIT_PROBLEMS)
    atomic_write_text(made.path, made.text)
    click.echo(f"Created {made.path}")
    if made.also:
        atomic_write_text(*made.also)
        click.echo(f"Changed {made.also[0]}: {made.hint}")

def _ask(prompt: str, option: str) -> str:
    """Ask at the terminal; without one, say which option to give."""
    if not sys.stdin.isatty():
        raise click.UsageError(f"give {option}")
    return click.prompt(prompt).strip()
