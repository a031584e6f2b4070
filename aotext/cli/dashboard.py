"""`aotext dashboard`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from aotext.cli.base import (
    EXIT_PROBLEMS,
    DateType,
    PathType,
    cli,
    project_option,
    report_errors,
    report_unread_encrypted,
    show_warnings,
)


@cli.command(short_help="Write the coordinator's dashboard: one web page.")
@project_option
@click.option("--as-of", type=DateType(), default=None,
              help="Judge the benchmarks and follow-ups as of this date, YYYY-MM-DD. Default: today. The same "
                   "date and content always give the same page.")
@click.option("--plan", "plan_ids", multiple=True, metavar="ID",
              help="Show only this plan, and the people of its scenario (repeat for several). Default: every plan "
                   "that is not private.")
@click.option("--output", type=PathType(dir_okay=False, writable=True, path_type=Path), default=None,
              help="Write the page here. Default: private/dashboard.html, or build/dashboard.html with --shareable.")
@click.option("--shareable", is_flag=True,
              help="A page to share or publish: the plans in full, people only as counts (any count under 3 "
                   "shown as 'fewer than 3'), no pseudonym, ask or note.")
def dashboard(project_file: Path | None, as_of: dt.date | None, plan_ids: tuple[str, ...], output: Path | None,
              shareable: bool) -> None:
    """Write one web page that shows, at a glance, every plan's benchmarks
    (met, on track, behind, overdue, without data), what to celebrate, what
    the group said it would do if it missed, when it reflects next, who is
    due a follow-up call, and the organizing chart.

    The page works offline: open it in any browser, from disk or from an
    email. It fetches nothing. Its words are in the project's language
    (`lang:` in aotext.yaml), as the handouts' are. The full page names the people you organize:
    it is private, written to private/ (which git ignores), and never into
    build/. Exit status: 0, or 1 when the documents have lint errors (the
    page is still written, and says so), 2 usage error.

    \b
    Examples:
      aotext dashboard
      aotext dashboard --as-of 2026-11-24 --plan bus-drivers-plan
      aotext dashboard --shareable
    """
    from aotext.dashboard.model import READ_TYPES
    from aotext.dashboard.refresh import dashboard_html
    from aotext.dashboard.write import default_output, link_from_index, write_dashboard
    from aotext.documents.types.plan import Plan
    from aotext.repository import open_repository, shown
    from aotext.rules.plans import COUNTED_BEFORE_START, FUTURE_LOG
    from aotext.words import did_you_mean

    day = as_of or dt.date.today()
    repository = open_repository(day, project_file, keep_bodies=False, rules_apart=True)
    report_unread_encrypted(repository, "dashboard")
    root = repository.root
    target = output or default_output(root, shareable)
    corpus = repository.corpus
    for plan_id in plan_ids:
        found = corpus.find_view(plan_id, Plan)
        if found is None or found.private:
            plans = [plan.id for plan in corpus.all(Plan) if plan.id and not plan.private]
            why = f"plan '{plan_id}' is private; the dashboard never shows private documents" if found else \
                f"there is no plan '{plan_id}'{did_you_mean(plan_id, plans)}"
            raise click.BadParameter(why, param_hint="--plan")
    written = write_dashboard(dashboard_html(repository, day, shareable=shareable, plan_ids=plan_ids), target, root,
                              shareable)
    what = "shareable dashboard (counts of people only)" if shareable else \
        "dashboard; it is private: it names people, keep it to yourselves"
    click.echo(f"Wrote {written.path if output else shown(written.path)}: the {what}.", err=True)  # as given
    for warning in written.warnings:
        click.echo(f"warning: {warning}", err=True)
    if shareable and (linked := link_from_index(written.path, root, repository.project)):
        click.echo(f"note: {linked}.", err=True)
    # What is left out: a count from before its benchmark started, and a log
    # dated after today (with --as-of, later logs are no slip).
    show_warnings(repository, {COUNTED_BEFORE_START} if as_of else {COUNTED_BEFORE_START, FUTURE_LOG})
    if report_errors(repository, "the dashboard leaves out what it could not read", READ_TYPES,
                     "the dashboard reads none of them, so nothing is left out of it"):
        sys.exit(EXIT_PROBLEMS)
