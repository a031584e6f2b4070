"""`aotext note`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from aotext.cli.asking import after_writing, answers_option, confirm, interactive, read_answers, stopped
from aotext.cli.base import EXIT_PROBLEMS, DateType, cli, project_option, report_unread_encrypted


@cli.command(short_help="Write the notes after a one-on-one, answering questions.")
@project_option
@answers_option
@click.option("--pseudonym", default=None, metavar="NAME", help="The person's pseudonym; never their real name.")
@click.option("--owner", default=None, metavar="NAME", help="Who had the conversation.")
@click.option("--date", default=None, metavar="DATE", help="When: 2026-12-05, today, yesterday, last saturday. Default: today.")
@click.option("--scenario", default=None, metavar="ID", help="The scenario it belongs to.")
@click.option("--plan", default=None, metavar="ID", help="The plan it belongs to.")
@click.option("--where", default=None, help="Where you met: a rally, tabling, the bus yard, a doorstep.")
@click.option("--step", "steps", multiple=True, metavar="STEP",
              help="A step of talking politics you reached (repeat): get-in-the-door, get-their-story, "
                   "propose-a-vision, address-obstacles, advocate-and-assess.")
@click.option("--assessment", default=None, help="leader, supporter, undecided or pass.")
@click.option("--ask", default=None, help="What you asked them to do.")
@click.option("--commitment", default=None, help="What they committed to, in their words if you can.")
@click.option("--follow-up", "follow_up_date", default=None, metavar="DATE",
              help="When to follow up: 2026-12-12, in 2 weeks, saturday, next saturday.")
@click.option("--follow-up-owner", default=None, metavar="NAME", help="Who follows up, if not the owner.")
@click.option("--how", "follow_up_how", default=None, help="How to follow up: coffee, a meeting, a call.")
@click.option("--notes", default=None, help="Anything else to note (the note's text).")
@click.option("--as-of", type=DateType(), default=None,
              help="The day it is, YYYY-MM-DD, that 'today' and 'in 2 weeks' count from. Default: today.")
def note(project_file: Path | None, answers_file: Path | None, as_of: dt.date | None, **options: Any) -> None:
    """Write the notes after a one-on-one: asks, one question at a time, the
    workshop's questions (the pseudonym, the five steps you reached, your
    assessment, the ask, the commitment, the next follow-up), shows the note,
    and writes it, private, into the conversations folder. It never writes
    over a file. Someone already noted is shown first: their last
    assessment, ask, commitment and follow-up.

    Without a terminal (or with --answers FILE) it takes the answers from
    the options and the file instead; --pseudonym, --owner and
    --assessment are required. Exit status: 0 written, 1 stopped or the
    new note has lint errors, 2 a missing or wrong answer (nothing written).

    \b
    Examples:
      aotext note
      aotext note --pseudonym Rosa --owner Sam --assessment supporter --follow-up "next saturday"
      aotext note --answers after-the-rally.yaml
    """
    from aotext.crypto.convert import current_recipients
    from aotext.crypto.place import find_place
    from aotext.entry.dates import shown
    from aotext.entry.note import check_given, note_answers, note_data, public_mentions, write_note
    from aotext.entry.write import front_matter
    from aotext.new import schemas_for
    from aotext.repository import open_repository
    from aotext.rules.encryption import encryption_required

    given = {**read_answers(answers_file), **{key: value for key, value in options.items() if value}}
    if "steps" in given:
        given["steps_reached"] = list(given.pop("steps"))
    today = as_of or dt.date.today()
    repository = open_repository(today, project_file, keep_bodies=True)
    report_unread_encrypted(repository, "note")
    corpus = repository.corpus
    recipients = None
    if encryption_required(corpus):
        # Known before any question is asked: a note that could not be encrypted is not written at all.
        _, recipients = current_recipients(find_place(project_file).root)
    if interactive(answers_file):
        from aotext.entry.note_prompts import ask_note

        check_given(given, corpus, today)  # a misspelt --step or --assessment, refused before the first question
        with stopped():
            raw = ask_note(corpus, today, repository.cadence, given)
            answers = note_answers(raw, corpus, today)
            data = note_data(answers, corpus, anonymous=recipients is not None)
            click.echo("\n---\n" + front_matter(data) + "---\n" + answers.notes)
            if not confirm("Write this note?"):
                click.echo("Nothing was written.", err=True)
                sys.exit(EXIT_PROBLEMS)
    else:
        answers = note_answers(given, corpus, today)
        mentions = public_mentions(corpus, answers.pseudonym)
        if mentions:
            click.echo(f"warning: the pseudonym '{answers.pseudonym}' also appears in {', '.join(mentions)}, which "
                       "are not private; if it is the person's real name, change it in the note", err=True)
        data = note_data(answers, corpus, anonymous=recipients is not None)
    # The front matter shown is the one written: an encrypted note's id is made once.
    path = write_note(answers, data, repository.content_dir, schemas_for(repository.root), recipients)
    encrypted = " and encrypted for the collective's keys" if recipients is not None else ""
    click.echo(f"Wrote {path} (private{encrypted}: it never reaches a handout or a summary).")
    if answers.follow_up_date:
        click.echo(f"Next follow-up: {shown(answers.follow_up_date, today)}, by "
                   f"{answers.follow_up_owner or answers.owner}.")
    if after_writing(path, today, project_file):
        sys.exit(EXIT_PROBLEMS)
