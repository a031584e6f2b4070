"""`aotext summary`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

import click

from aotext.cli.base import EXIT_PROBLEMS, DateType, PathType, cli, project_option, report_errors, show_warnings
from aotext.summary_report import FORMATS


@cli.command(short_help="Show how every plan's benchmarks are doing.")
@project_option
@click.option("--plan", "plan_ids", multiple=True, metavar="ID",
              help="Summarize only this plan (repeat for several). Default: every plan that is not private.")
@click.option("--as-of", type=DateType(), default=None,
              help="Judge the benchmarks as of this date, YYYY-MM-DD. Default: today. The same date and content "
                   "always give the same output.")
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default="table",
              show_default=True, help="table for the terminal, markdown for meeting notes, csv for spreadsheets, "
                                      "json for programs (its keys are listed in the README).")
@click.option("--output", type=PathType(dir_okay=False, writable=True), default=None,
              help="Write to this file (atomically) instead of printing.")
def summary(project_file: Path | None, plan_ids: tuple[str, ...], as_of: dt.date | None, output_format: str, output: str | None) -> None:
    """Show how every benchmark is doing: which are on track, which are
    behind, what to celebrate, and what the group said it would do if a
    benchmark was missed.

    Values come from the reflection logs' measurements. Private documents
    never appear. Exit status: 0, or 1 when the documents have lint errors
    (the summary is still printed), 2 usage error.

    \b
    Examples:
      aotext summary
      aotext summary --plan bus-drivers-plan --as-of 2026-11-24
      aotext summary --format markdown --output notes/benchmarks.md
      aotext summary --format csv > benchmarks.csv
    """
    from aotext.documents.types.plan import Plan
    from aotext.fsio import atomic_write_text
    from aotext.repository import open_repository
    from aotext.rules.plans import COUNTED_BEFORE_START, FUTURE_LOG
    from aotext.summary_model import Thresholds
    from aotext.summary_plans import READ_TYPES, summarize
    from aotext.terminal import Display
    from aotext.words import did_you_mean

    day = as_of or dt.date.today()
    repository = open_repository(day, project_file, keep_bodies=False, rules_apart=True)
    corpus = repository.corpus
    for plan_id in plan_ids:
        found = corpus.find_view(plan_id, Plan)
        if found is None:
            plans = [plan.id for plan in corpus.all(Plan) if plan.id and not plan.private]
            raise click.BadParameter(f"there is no plan '{plan_id}'{did_you_mean(plan_id, plans)}", param_hint="--plan")
        if found.private:
            raise click.BadParameter(f"plan '{plan_id}' is private; summaries never show private documents",
                                     param_hint="--plan")
    ratio = repository.project.on_track_ratio if repository.project else Thresholds().on_track_ratio
    result = dataclasses.replace(summarize(corpus, day, Thresholds(ratio), plan_ids),
                                 unread_documents=repository.read_in_part(READ_TYPES))
    text = FORMATS[output_format](result, Display.for_output(to_file=output is not None))
    if output:
        atomic_write_text(Path(output), text)
        click.echo(f"Wrote {output}.", err=True)
    else:
        click.echo(text, nl=False)
    # What is left out: a count from before its benchmark started, and a log
    # dated after today (with --as-of, later logs are no slip).
    show_warnings(repository, {COUNTED_BEFORE_START} if as_of else {COUNTED_BEFORE_START, FUTURE_LOG})
    if report_errors(repository, "the summary leaves out what it could not read", READ_TYPES,
                     "the summary reads none of them, so nothing is left out of it"):
        sys.exit(EXIT_PROBLEMS)
