"""`aotext new`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from aotext.cli.base import DateType, cli, project_option
from aotext.documents.types import TYPES


@cli.command(short_help="Create a new document from a template.")
@click.argument("type_name", metavar="TYPE", required=False, type=click.Choice(list(TYPES)))
@project_option
@click.option("--id", "document_id", default=None, help="The new document's id. Default: made from the title (or date).")
@click.option("--title", default=None, help="The title (for a question: its prompt).")
@click.option("--plan", default=None, metavar="ID", help="The plan a reflection or conversation belongs to.")
@click.option("--scenario", default=None, metavar="ID", help="The scenario a plan or conversation belongs to.")
@click.option("--module", default=None, metavar="ID", help="The module a worksheet question belongs to.")
@click.option("--activity", default=None, metavar="ID",
              help="The activity of --module that uses a new question or role card. Default: its first activity.")
@click.option("--date", "day", type=DateType(), default=None, help="The document's date, YYYY-MM-DD. Default: today.")
@click.option("--owner", default=None, metavar="NAME", help="Who had the conversation (conversation notes).")
@click.option("--pseudonym", default=None, metavar="NAME",
              help="The pseudonym of the person in a conversation note; never their real name. Asked for when missing.")
@click.option("--list", "list_types", is_flag=True, help="List the document types, one line each, and exit.")
def new(type_name: str | None, project_file: Path | None, document_id: str | None, title: str | None,
        plan: str | None, scenario: str | None, module: str | None, activity: str | None, day: dt.date | None,
        owner: str | None, pseudonym: str | None, list_types: bool) -> None:
    """Create a new document of TYPE from a template that passes lint at once.

    The file goes into its type's folder with today's date, a fresh id made
    from the title, and every required key filled with a placeholder that
    says what to write. It never overwrites a file or reuses an id (exit 1).

    \b
    Examples:
      aotext new --list
      aotext new plan --title "Drivers' spring campaign" --scenario bus-drivers
      aotext new reflection --plan bus-drivers-plan
      aotext new conversation --pseudonym Rosa --owner Sam --scenario bus-drivers
      aotext new question --title "What will you do first?" --module conclude
    """
    from aotext.crypto.convert import current_recipients
    from aotext.crypto.names import anonymous_id
    from aotext.crypto.place import find_place
    from aotext.documents.types.base import NewRequest
    from aotext.entry.write import place_new
    from aotext.fsio import atomic_write_text
    from aotext.new import create, schemas_for
    from aotext.repository import open_repository
    from aotext.rules.encryption import encryption_required

    if list_types:
        for name, kind in TYPES.items():
            click.echo(f"{name:<13} {kind.description}")
        return
    if type_name is None:
        raise click.UsageError("name the TYPE of document to create; see aotext new --list")
    given = {"--title": title, "--pseudonym": pseudonym}
    for prompt, option in TYPES[type_name].template.asks:
        given[option] = given[option] or _ask(prompt, option)
    today = day or dt.date.today()
    repository = open_repository(today, project_file, keep_bodies=False)
    corpus = repository.corpus
    # With encryption: required a private document is written encrypted, under
    # an id that tells only its date (its file name is in the clear).
    recipients = None
    if TYPES[type_name].private_by_default and encryption_required(corpus):
        _, recipients = current_recipients(find_place(project_file).root)
        document_id = document_id or anonymous_id(today, corpus.by_id)
    request = NewRequest(type_name, today, document_id, given["--title"], plan, scenario, module, activity, owner,
                         given["--pseudonym"])
    made = create(request, corpus, repository.content_dir, schemas_for(repository.root))
    path = place_new(type_name, made.path.stem, made.text, repository.content_dir, recipients, "aotext new")
    encrypted = " (encrypted for the collective's keys)" if recipients else ""
    click.echo(f"Created {path}{encrypted}")
    if made.also:
        atomic_write_text(*made.also)
        click.echo(f"Changed {made.also[0]}: {made.hint}")


def _ask(prompt: str, option: str) -> str:
    """Ask at the terminal; without one, say which option to give."""
    if not sys.stdin.isatty():
        raise click.UsageError(f"give {option}")
    from aotext.cli.asking import stopped

    with stopped():  # Ctrl-C or Ctrl-D: click's bare "Aborted!" before
        value: str = click.prompt(prompt)
    return value.strip()
