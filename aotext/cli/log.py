"""`aotext log`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from aotext.cli.asking import after_writing, answers_option, confirm, interactive, read_answers, stopped
from aotext.cli.base import EXIT_PROBLEMS, DateType, cli, project_option


@cli.command(short_help="Write the log of a reflection meeting, answering questions.")
@click.argument("plan_id", metavar="PLAN")
@project_option
@answers_option
@click.option("--date", default=None, metavar="DATE", help="When the meeting was: 2026-12-05, today, yesterday, "
                                                           "last saturday. Default: today.")
@click.option("--measure", "measures", multiple=True, metavar="ID=VALUE",
              help="What a benchmark measured (repeat): a number, or a level of its scale.")
@click.option("--celebrate", multiple=True, metavar="TEXT", help="Something to celebrate (repeat).")
@click.option("--skill", "skills", multiple=True, metavar="TEXT", help="A skill the group practised (repeat).")
@click.option("--notes", default=None, help="Anything else from the meeting (the log's text).")
@click.option("--as-of", type=DateType(), default=None,
              help="The day it is, YYYY-MM-DD: 'today' and 'yesterday' count from it, and the summary is judged "
                   "on it. Default: today.")
def log(plan_id: str, project_file: Path | None, answers_file: Path | None, date: str | None,
        measures: tuple[str, ...], celebrate: tuple[str, ...], skills: tuple[str, ...], notes: str | None,
        as_of: dt.date | None) -> None:
    """Write the log of a reflection meeting for PLAN: asks, one question at a
    time, what each benchmark measured (shown with its target, where it
    stands and what is expected by now; Enter skips it), what to celebrate,
    skills practised, new members with a first task and a partner, the
    workshop's reflection questions and any change to the plan. Shows the
    log, writes it into the logs folder (never over a file), checks it, and
    says what it changed in the summary.

    Without a terminal (or with --answers FILE) it takes the answers from
    the options and the file instead. Exit status: 0 written, 1 stopped or
    the new log has lint errors, 2 a wrong answer or an unknown plan
    (nothing written).

    \b
    Examples:
      aotext log bus-drivers-plan
      aotext log bus-drivers-plan --date yesterday --measure rep-signups=2 --celebrate "Curtis signed up a driver"
      aotext log bus-drivers-plan --answers meeting.yaml
    """
    from aotext.documents.types.plan import Plan
    from aotext.entry.log import log_answers, log_data, summary_changes, write_log
    from aotext.entry.write import front_matter
    from aotext.errors import UsageError
    from aotext.new import schemas_for
    from aotext.repository import open_repository
    from aotext.summary_model import Thresholds
    from aotext.summary_plans import summarize_plan
    from aotext.words import did_you_mean

    today = as_of or dt.date.today()
    given = read_answers(answers_file)
    measured = dict(given.get("measurements") or {}) if isinstance(given.get("measurements"), dict) else {}
    for item in measures:
        benchmark, equals, value = item.partition("=")
        if not equals:
            raise UsageError(f"--measure {item}: write it as ID=VALUE, e.g. rep-signups=2")
        measured[benchmark.strip()] = value.strip()
    given.update({key: value for key, value in (("date", date), ("notes", notes), ("measurements", measured or None),
                                                ("celebrate", list(celebrate) or None),
                                                ("skills_practised", list(skills) or None)) if value})
    repository = open_repository(today, project_file, keep_bodies=False)
    corpus = repository.corpus
    plan = corpus.find_view(plan_id, Plan)
    if plan is None and plan_id in corpus.unreadable:
        raise click.BadParameter(f"plan '{plan_id}' seems to be in {corpus.unreadable[plan_id]}, which aotext cannot "
                                 "read: fix what aotext lint says about it first", param_hint="PLAN")
    if plan is None:
        known = [item.id for item in corpus.all(Plan) if item.id]
        raise click.BadParameter(f"there is no plan '{plan_id}'{did_you_mean(plan_id, known)}", param_hint="PLAN")
    thresholds = Thresholds(repository.project.on_track_ratio if repository.project else Thresholds().on_track_ratio)
    before = summarize_plan(corpus, plan, today, thresholds)
    if interactive(answers_file):
        from aotext.entry.log_prompts import ask_log

        log_answers(given, plan, today)  # what the options and the file gave, refused before the first question
        with stopped():
            answers = log_answers(ask_log(plan, before, corpus, today, given), plan, today)
            click.echo("\n---\n" + front_matter(log_data(answers, corpus)) + "---\n" + answers.notes)
            if not confirm("Write this log?"):
                click.echo("Nothing was written.", err=True)
                sys.exit(EXIT_PROBLEMS)
    else:
        answers = log_answers(given, plan, today)
    path = write_log(answers, corpus, repository.content_dir, schemas_for(repository.root))
    click.echo(f"Wrote {path}.")
    errors = after_writing(path, today, project_file)
    after = open_repository(today, project_file, keep_bodies=False).corpus
    plan_now = after.find_view(plan_id, Plan)
    changes = summary_changes(before, summarize_plan(after, plan_now, today, thresholds)) if plan_now else []
    click.echo("What changed in the summary:" if changes else "The summary is as it was.")
    for line in changes:
        click.echo(f"  {line}")
    if errors:
        sys.exit(EXIT_PROBLEMS)
