"""`aotext followups`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from aotext.cli.base import (
    EXIT_PROBLEMS,
    CountType,
    DateType,
    PathType,
    cli,
    project_option,
    report_errors,
    report_unread_encrypted,
    show_warnings,
)
from aotext.errors import AotextError
from aotext.followups_report import FORMATS


@cli.command(short_help="List who needs a follow-up call; calendar; chart.")
@project_option
@click.option("--as-of", type=DateType(), default=None, help="Judge what is due as of this date, YYYY-MM-DD. Default: today.")
@click.option("--owner", default=None, metavar="NAME", help="Only the follow-ups this person makes.")
@click.option("--within", "within_days", type=CountType(0, "a number of days", 7), default=7, show_default=True,
              help="Also list follow-ups due within this many days.")
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default="table",
              show_default=True, help="table for the terminal, markdown for meeting notes, json for programs.")
@click.option("--ics", "ics_file", type=PathType(dir_okay=False, writable=True), default=None,
              help="Also write the follow-ups as a calendar file (iCalendar) with a reminder for each, to import "
                   "into a calendar program. Importing it again updates the entries instead of duplicating them. "
                   "It names people: never in build/, which collectives publish.")
@click.option("--include-notes", is_flag=True,
              help="Also show the notes taken after each conversation, and put the ask, the commitment and the notes "
                   "in the calendar file. They are private: left out unless asked for.")
@click.option("--chart", is_flag=True,
              help="Show the organizing chart instead: everyone's latest assessment per owner and per scenario, "
                   "who was contacted in the last 30 days and who was not.")
def followups(project_file: Path | None, as_of: dt.date | None, owner: str | None, within_days: int, output_format: str, ics_file: str | None,
              include_notes: bool, chart: bool) -> None:
    """List the people whose follow-up is overdue, due today or coming up.

    From the conversation notes: each person once (from their newest note),
    grouped by who makes the call, oldest first, with their assessment, what
    they were asked and what they committed to. Someone whose note gives no
    follow-up date is due by their assessment's cadence (leaders every 14
    days, supporters 21, undecided 30 unless aotext.yaml says otherwise),
    counted from their last conversation with anyone. Pseudonyms only; the notes'
    text is shown only with --include-notes. Exit status: 0 whether or not
    anything is due, 1 when the documents have lint errors, 2 usage error
    or a calendar file that cannot be written.

    \b
    Examples:
      aotext followups
      aotext followups --owner Sam --within 14
      aotext followups --ics private/followups.ics
      aotext followups --chart
    """
    from aotext.followups import READ_TYPES, Due, callers, due_followups, organizing_chart
    from aotext.followups_report import CHART_FORMATS, calendar, count_line
    from aotext.people import name_key
    from aotext.private_output import PRIVATE_FOLDER, refuse_published, write_private
    from aotext.repository import open_repository
    from aotext.rules.conversations import FUTURE_CONVERSATION, SHARED_PSEUDONYM
    from aotext.terminal import Display
    from aotext.words import did_you_mean

    within_given = click.get_current_context().get_parameter_source("within_days") != ParameterSource.DEFAULT
    if chart and (given := [name for name, used in (("--ics", ics_file), ("--owner", owner),
                                                     ("--include-notes", include_notes), ("--within", within_given))
                            if used]):
        # The chart counts everyone and lists no follow-up: these would be ignored without a word.
        raise click.UsageError(f"--chart shows everyone's latest assessment, not the follow-ups: it takes no "
                               f"{' or '.join(given)}; run aotext followups without --chart for those")
    day = as_of or dt.date.today()
    repository = open_repository(day, project_file, keep_bodies=include_notes, rules_apart=True)
    report_unread_encrypted(repository, "followups")
    instead = f"write it elsewhere (make calendar writes {PRIVATE_FOLDER}/followups.ics)"
    if ics_file:  # before anything is printed
        refuse_published(Path(ics_file), repository.root, "the calendar file", instead)
    known = callers(repository.corpus) if owner else []
    if owner and name_key(owner) not in {name_key(name) for name in known}:
        # A misspelt name would list nobody, as if nobody were due.
        raise click.BadParameter(f"no conversation note names '{owner}' as making a call"
                                 f"{did_you_mean(owner, known)}; the notes name: {', '.join(known) or 'nobody'}",
                                 param_hint="--owner")
    cadence = repository.cadence
    display = Display.for_output()
    due = None if chart else Due(day, tuple(due_followups(repository.corpus, day, within_days, owner, cadence=cadence)),
                                 include_notes)
    text = CHART_FORMATS[output_format](organizing_chart(repository.corpus, day, cadence=cadence), display) \
        if due is None else FORMATS[output_format](due, display)
    # Made while the corpus's rules ran apart (aotext.lint): one that fails stops the command before it prints.
    repository.lint.wait()
    click.echo(text, nl=False)
    if due is not None:
        if output_format == "table" and due.followups:
            click.echo(count_line(due.followups))
        if ics_file:
            try:
                warnings = write_private(Path(ics_file), calendar(due), repository.root, "the calendar file", instead)
            except OSError as error:  # a read-only folder, a full disk: the user's to fix, not a bug
                raise AotextError(f"could not write the calendar file {ics_file}: {error.strerror or error}; "
                                  "name a file in a folder you may write to") from error
            count = len(due.followups)
            click.echo(f"Wrote {ics_file} with {count} follow-up{'s' if count != 1 else ''}.", err=True)
            for warning in warnings:
                click.echo(f"warning: {warning}", err=True)
    # The warnings that mean someone may be listed twice or not at all; a note
    # after an --as-of day asked for on purpose is no slip, so that one only for today.
    show_warnings(repository, {SHARED_PSEUDONYM} if as_of else {SHARED_PSEUDONYM, FUTURE_CONVERSATION})
    if report_errors(repository, "the follow-ups leave out what could not be read", READ_TYPES,
                     "the follow-ups read none of them, so nothing is left out of them"):
        sys.exit(EXIT_PROBLEMS)
