"""`aotext lint`."""

from __future__ import annotations

import datetime as dt
import os
import sys

import click

from aotext.cli.base import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, DateType, cli


def _list_rules() -> None:
    from aotext.rules import REGISTRY

    width = max(len(rule_id) for rule_id in REGISTRY)
    for rule in sorted(REGISTRY.values(), key=lambda rule: rule.id):
        click.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}")

@cli.command(short_help="Check the documents and print every problem.")
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

    progress = (lambda line: click.echo(line, err=True)) if sys.stderr.isatty() else None
    result = run_lint(paths, as_of or dt.date.today(), jobs=jobs, ignore=ignored, keep_bodies=False, progress=progress)
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
