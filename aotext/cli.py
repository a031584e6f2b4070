"""The `aotext` command line. Each command parses its options, calls the
library and prints; the work itself happens in importable modules."""

from __future__ import annotations

import datetime as dt
import os
import sys
from typing import Any

import click

from aotext import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class DateType(click.ParamType):
    """A calendar date written YYYY-MM-DD."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"'{value}' is not a real calendar date; write it as YYYY-MM-DD, e.g. 2026-02-18", param, ctx)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aotext")
def cli() -> None:
    """Plain-text toolkit for autonomous organizing: check the workshop,
    scenarios, campaign plans, reflection logs and conversation notes kept
    as Markdown files, and turn them into handouts."""


def _list_rules() -> None:
    from aotext.rules import REGISTRY

    width = max(len(rule_id) for rule_id in REGISTRY)
    for rule in sorted(REGISTRY.values(), key=lambda rule: rule.id):
        click.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, file_okay=True, dir_okay=True))
@click.option("--format", "output_format", type=click.Choice(["text", "json", "github"]), default=None,
              help="How to print problems: text (one per line, for people), json (for programs) or github "
                   "(workflow annotations). Default: github inside GitHub Actions, text elsewhere.")
@click.option("--as-of", type=DateType(), default=None,
              help="Check date-dependent rules (such as an overdue reflection) as of this date, YYYY-MM-DD. Default: today.")
@click.option("--ignore", "ignored", multiple=True, metavar="RULE",
              help="Skip a rule by its id (see --list-rules). Repeat to skip several.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for reading many files. Default: the number of CPU cores.")
@click.option("--list-rules", is_flag=True, help="List every rule with its id, severity and meaning, then exit.")
def lint(paths: tuple[str, ...], output_format: str | None, as_of: dt.date | None, ignored: tuple[str, ...],
         jobs: int | None, list_rules: bool) -> None:
    """Check documents for problems and print every one of them.

    PATHS are files or folders to check (default: content, and the project
    file aotext.yaml when there is one). Each problem is
    printed as path:line:col: severity: message [rule], sorted by file and
    line, followed by a count. Exit status: 0 no problems, 1 problems found,
    2 usage error or aotext failure.

    \b
    Examples:
      aotext lint
      aotext lint content/plans --as-of 2026-11-24
      aotext lint --format json content > problems.json
    """
    from aotext.lint import lint as run_lint
    from aotext.load import PROJECT_FILE
    from aotext.report import FORMATS, markdown_summary
    from aotext.rules import REGISTRY

    if list_rules:
        _list_rules()
        return
    unknown = sorted(set(ignored) - set(REGISTRY))
    if unknown:
        raise click.BadParameter(f"no rule is called {', '.join(unknown)}; see aotext lint --list-rules",
                                 param_hint="--ignore")
    if not paths:
        if not os.path.isdir("content"):
            raise click.UsageError("no PATHS given and there is no 'content' folder here; name the files or folders to check")
        paths = ("content", PROJECT_FILE) if os.path.isfile(PROJECT_FILE) else ("content",)
    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"

    result = run_lint(paths, as_of or dt.date.today(), jobs=jobs, ignore=ignored, keep_bodies=False)
    click.echo(FORMATS[output_format](result), nl=False)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format == "github" and summary_file:
        try:
            with open(summary_file, "a", encoding="utf-8") as summary:
                summary.write(markdown_summary(result))
        except OSError as error:
            click.echo(f"aotext: could not write the job summary to {summary_file}: {error.strerror}", err=True)
    if result.internal_errors:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_PROBLEMS if result.problems else EXIT_OK)


@cli.command()
@click.option("--project", "project_file", type=click.Path(dir_okay=False), default="aotext.yaml", show_default=True,
              help="The project file that defines the handouts.")
@click.option("--output-dir", type=click.Path(file_okay=False), default="build", show_default=True,
              help="Where the handouts are written.")
@click.option("--only", multiple=True, metavar="NAME",
              help="Build only the handout with this name (repeat for several). See --list for the names.")
@click.option("--force", is_flag=True, help="Rebuild every handout, even those that are up to date.")
@click.option("--list", "list_only", is_flag=True, help="Show what would be built and why, then exit without building.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="How many handouts to build at the same time. Default: the number of CPU cores.")
@click.option("--include-private", multiple=True, metavar="ID",
              help="Include this private document (for example a conversation note) in the handouts that select it. "
                   "Private documents are left out unless named here.")
@click.option("--as-of", type=DateType(), default=None,
              help="Date for the benchmark reports and for the date-dependent lint rules run before building, "
                   "YYYY-MM-DD. Default: today.")
def build(project_file: str, output_dir: str, only: tuple[str, ...], force: bool, list_only: bool,
          jobs: int | None, include_private: tuple[str, ...], as_of: dt.date | None) -> None:
    """Build the printable handouts defined in aotext.yaml into the build folder.

    Lints first and refuses to build a handout from documents with errors.
    Only handouts whose inputs changed are rebuilt; each file is written
    atomically, so an interrupted build never leaves half a PDF. Exit status:
    0 everything built or up to date, 1 a handout failed or was refused,
    2 usage error.

    \b
    Examples:
      aotext build
      aotext build --only facilitator-guide
      aotext build --list
      aotext build --include-private 2026-11-14-nia
    """
    from pathlib import Path

    from aotext.handouts.build import plan_jobs, run_jobs
    from aotext.handouts.prepare import prepare
    from aotext.lint import default_jobs
    from aotext.repository import RepositoryError

    try:
        prepared = prepare(Path(project_file), Path(output_dir), as_of or dt.date.today(),
                           frozenset(include_private), only)
    except RepositoryError as error:
        raise click.UsageError(str(error)) from error
    project = prepared.repository.project
    if project is None:
        for problem in prepared.repository.lint.problems:
            click.echo(str(problem), err=True)
        click.echo(f"aotext: fix {project_file} before building.", err=True)
        sys.exit(EXIT_PROBLEMS)
    for note in prepared.notes:
        click.echo(f"note: {note}", err=True)
    day = as_of or dt.date.today()
    jobs_planned = plan_jobs(prepared.outputs, project, day, force)
    if list_only:
        for job in jobs_planned:
            click.echo(f"{job.output.path}  {job.reason}")
        for output, reason in prepared.refused:
            click.echo(f"{output.path}  refused: {reason}")
        return
    needed = sum(job.needed for job in jobs_planned)
    workers = jobs or default_jobs()
    click.echo(f"aotext build: {needed} to build, {len(jobs_planned) - needed} up to date"
               f"{f', {workers} at a time' if needed > 1 else ''}.", err=True)

    report = run_jobs(jobs_planned, project, day, Path(output_dir), workers, lambda line: click.echo(line, err=True))
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    failed = report.failed + prepared.refused
    for output, reason in failed:
        click.echo(f"error: {output.path}: {reason}", err=True)
    click.echo(f"Built {len(report.built)}, up to date {len(report.up_to_date)}, failed {len(failed)}; "
               f"pandoc ran {report.processes.pandoc} times, typst {report.processes.typst}.", err=True)
    sys.exit(EXIT_PROBLEMS if failed else EXIT_OK)


@cli.command()
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


@cli.command()
@click.option("--as-of", type=DateType(), default=None, help="Judge what is due as of this date, YYYY-MM-DD. Default: today.")
@click.option("--owner", default=None, metavar="NAME", help="Only the follow-ups this person makes.")
@click.option("--within", "within_days", type=click.IntRange(min=0), default=7, show_default=True,
              help="Also list follow-ups due within this many days.")
@click.option("--format", "output_format", type=click.Choice(["table", "markdown", "json"]), default="table",
              show_default=True, help="table for the terminal, markdown for meeting notes, json for programs.")
@click.option("--ics", "ics_file", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Also write the follow-ups as a calendar file (iCalendar) with a reminder for each, to import "
                   "into a calendar program. Importing it again updates the entries instead of duplicating them.")
@click.option("--include-notes", is_flag=True,
              help="Also show the notes taken after each conversation. They are private: left out unless asked for.")
@click.option("--chart", is_flag=True,
              help="Show the organizing chart instead: everyone's latest assessment per owner and per scenario, "
                   "who was contacted in the last 30 days and who was not.")
def followups(as_of: dt.date | None, owner: str | None, within_days: int, output_format: str, ics_file: str | None,
              include_notes: bool, chart: bool) -> None:
    """List the people whose follow-up is overdue, due today or coming up.

    From the conversation notes: each person once (from their newest note),
    grouped by who makes the call, oldest first, with their assessment, what
    they were asked and what they committed to. Pseudonyms only; the notes'
    text is shown only with --include-notes. Exit status: 0 whether or not
    anything is due, 1 when the documents have lint errors, 2 usage error.

    \b
    Examples:
      aotext followups
      aotext followups --owner Sam --within 14
      aotext followups --ics followups.ics
      aotext followups --chart
    """
    from pathlib import Path

    from aotext.followups import due_followups, organizing_chart
    from aotext.followups_report import (calendar, chart_json, chart_markdown, chart_table, count_line, json_report,
                                         markdown_report, table_report)
    from aotext.fsio import atomic_write
    from aotext.repository import RepositoryError, open_repository
    from aotext.terminal import wants_colour, width_for

    day = as_of or dt.date.today()
    try:
        repository = open_repository(day, keep_bodies=include_notes)
    except RepositoryError as error:
        raise click.UsageError(str(error)) from error
    colour = wants_colour()
    if chart:
        drawn = organizing_chart(repository.corpus, day)
        renderers = {"table": lambda: chart_table(drawn, colour, width_for(colour)),
                     "markdown": lambda: chart_markdown(drawn), "json": lambda: chart_json(drawn)}
        click.echo(renderers[output_format](), nl=False)
    else:
        items = due_followups(repository.corpus, day, within_days, owner)
        renderers = {"table": lambda: table_report(items, day, include_notes, colour, width_for(colour)),
                     "markdown": lambda: markdown_report(items, day, include_notes),
                     "json": lambda: json_report(items, day, include_notes)}
        click.echo(renderers[output_format](), nl=False)
        if output_format == "table" and items:
            click.echo(count_line(items))
        if ics_file:
            atomic_write(Path(ics_file), calendar(items, day))
            click.echo(f"Wrote {ics_file} with {len(items)} follow-up{'s' if len(items) != 1 else ''}.", err=True)
    if repository.error_count:
        for problem in repository.lint.problems:
            click.echo(str(problem), err=True)
        sys.exit(EXIT_PROBLEMS)


@cli.command()
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


def main() -> None:
    """Entry point: no Python traceback ever reaches the user."""
    try:
        cli.main(prog_name="aotext")
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - last line of defence, reported in one line
        click.echo(f"aotext: internal error ({type(error).__name__}: {error}); please report this", err=True)
        sys.exit(EXIT_USAGE)
