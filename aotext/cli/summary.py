"""`aotext summary`."""

from __future__ import annotations

import datetime as dt
import sys

import click

from aotext.cli.base import EXIT_PROBLEMS, DateType, cli


@cli.command(short_help="Show how every plan's benchmarks are doing.")
@click.option("--plan", "plan_ids", multiple=True, metavar="ID",
              help="Summarize only this plan (repeat for several). Default: every plan that is not private.")
@click.option("--as-of", type=DateType(), default=None,
              help="Judge the benchmarks as of this date, YYYY-MM-DD. Default: today. The same date and content "
                   "always give the same output.")
@click.option("--format", "output_format", type=click.Choice(["table", "markdown", "csv", "json"]), default="table",
              show_default=True, help="table for the terminal, markdown for meeting notes, csv for spreadsheets, "
                                      "json for programs (its keys are listed in the README).")
@click.option("--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file (atomically) instead of printing.")
def summary(plan_ids: tuple[str, ...], as_of: dt.date | None, output_format: str, output: str | None) -> None:
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
    from pathlib import Path

    from aotext.fsio import atomic_write_text
    from aotext.repository import RepositoryError, open_repository
    from aotext.summary import Thresholds, summarize
    from aotext.summary_report import FORMATS, table_report
    from aotext.terminal import wants_colour, width_for
    from aotext.words import did_you_mean

    day = as_of or dt.date.today()
    try:
        repository = open_repository(day, keep_bodies=False)
    except RepositoryError as error:
        raise click.UsageError(str(error)) from error
    corpus = repository.corpus
    for plan_id in plan_ids:
        found = corpus.find(plan_id)
        if found is None or found.type != "plan":
            plans = [d.id for d in corpus.of_type("plan") if d.id and not d.private]
            raise click.BadParameter(f"there is no plan '{plan_id}'{did_you_mean(plan_id, plans)}", param_hint="--plan")
        if found.private:
            raise click.BadParameter(f"plan '{plan_id}' is private; summaries never show private documents",
                                     param_hint="--plan")
    ratio = repository.project.on_track_ratio if repository.project else Thresholds().on_track_ratio
    result = summarize(corpus, day, Thresholds(ratio), plan_ids)
    if output_format == "table":
        colour = wants_colour(to_file=output is not None)
        text = table_report(result, colour, width_for(colour))
    else:
        text = FORMATS[output_format](result)
    if output:
        atomic_write_text(Path(output), text)
        click.echo(f"Wrote {output}.", err=True)
    else:
        click.echo(text, nl=False)
    if repository.error_count:
        click.echo(f"aotext: the documents have {repository.error_count} lint error(s); run aotext lint to see them.", err=True)
        sys.exit(EXIT_PROBLEMS)
