"""`aotext lint`."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from aotext.cli.base import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, CountType, DateType, PathType, cli, project_option
from aotext.report import FORMATS
from aotext.terminal import Display


def _list_rules() -> None:
    from aotext.rules import REGISTRY

    width = max(len(rule_id) for rule_id in REGISTRY)
    for rule in sorted(REGISTRY.values(), key=lambda rule: rule.id):
        click.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}")


@cli.command(short_help="Check the documents and print every problem.")
@click.argument("paths", nargs=-1, type=PathType(exists=True, file_okay=True, dir_okay=True))
@project_option
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default=None,
              help="How to print problems: text (one per line, for people), json (for programs) or github "
                   "(workflow annotations). Default: github inside GitHub Actions, text elsewhere.")
@click.option("--as-of", type=DateType(), default=None,
              help="Check date-dependent rules (such as an overdue reflection) as of this date, YYYY-MM-DD. Default: today.")
@click.option("--strict", is_flag=True,
              help="Exit with status 1 for warnings too, not only for errors.")
@click.option("--ignore", "ignored", multiple=True, metavar="RULE",
              help="Skip a rule by its id (see --list-rules). Repeat to skip several.")
@click.option("--jobs", "-j", type=CountType(1, "how many processes to read with", 4), default=None,
              help="Processes that read many files at once (this one among them). Default: the number of CPU cores.")
@click.option("--no-cache", is_flag=True,
              help="Read and check every file again, without lint's cache of what it found last time "
                   "(.aotext-cache/, which it neither reads nor writes then).")
@click.option("--list-rules", is_flag=True, help="List every rule with its id, severity and meaning, then exit.")
def lint(paths: tuple[str, ...], project_file: Path | None, output_format: str | None, as_of: dt.date | None,
         strict: bool, ignored: tuple[str, ...], jobs: int | None, no_cache: bool, list_rules: bool) -> None:
    """Check documents for problems and print every one of them.

    PATHS are files or folders to check (default: the content folder the
    project file names, or content, and the project file aotext.yaml when
    there is one). Inside the repository, the whole repository is read so
    that references resolve, and the problems of PATHS are printed; a file
    named that aotext never reads as a document (in a hidden or tool folder,
    a README, not .md) is said not checked. Each problem is printed as
    path:line:col: severity: message [rule], sorted by file and line,
    followed by a count. Exit status: 0 no errors, 1 errors found (or, with
    --strict, warnings), 2 usage error or aotext failure. Warnings alone
    exit 0, because some depend on the date (an overdue reflection): a check
    that passed yesterday must not fail today with no change. Lint keeps
    what it found in .aotext-cache/ (ignored by git, safe to delete), so
    the next lint reads again only the files that changed.

    \b
    Examples:
      aotext lint
      aotext lint content/plans --as-of 2026-11-24
      aotext lint --format json content > problems.json
    """
    from aotext.lint_named import lint_paths
    from aotext.report import markdown_summary
    from aotext.repository import lint_repository
    from aotext.rules import REGISTRY

    if list_rules:
        _list_rules()
        return
    unknown = sorted(set(ignored) - set(REGISTRY))
    if unknown:
        raise click.BadParameter(f"no rule is called {', '.join(unknown)}; see aotext lint --list-rules",
                                 param_hint="--ignore")
    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"

    progress = (lambda line: click.echo(line, err=True)) if sys.stderr.isatty() else None
    day = as_of or dt.date.today()
    if paths:
        result = lint_paths(paths, day, project_file, jobs=jobs, ignore=ignored, progress=progress, cache=not no_cache)
    else:
        result = lint_repository(day, project_file, jobs=jobs, ignore=ignored, progress=progress, cache=not no_cache)
    click.echo(FORMATS[output_format](result, Display.for_output()), nl=False)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format == "github" and summary_file:
        try:
            with open(summary_file, "a", encoding="utf-8") as summary:
                summary.write(markdown_summary(result))
        except OSError as error:
            click.echo(f"aotext: could not write the job summary to {summary_file}: {error.strerror}", err=True)
    if result.internal_errors:
        sys.exit(EXIT_USAGE)
    failing = result.errors or (strict and result.warnings)
    sys.exit(EXIT_PROBLEMS if failing else EXIT_OK)
