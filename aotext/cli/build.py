"""`aotext build`."""

from __future__ import annotations

import datetime as dt
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

from aotext.cli.base import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, CountType, DateType, PathType, cli, project_option
from aotext.project import BUILD_FOLDER

if TYPE_CHECKING:
    from aotext.handouts.build import BuildReport
    from aotext.handouts.prepare import Prepared
    from aotext.project import Project


@cli.command(short_help="Build the printable handouts into build/.")
@project_option
@click.option("--output-dir", type=PathType(file_okay=False), default=BUILD_FOLDER, show_default=True,
              help="Where the handouts are written.")
@click.option("--only", multiple=True, metavar="NAME",
              help="Build only the handout with this name (repeat for several). See --list for the names.")
@click.option("--force", is_flag=True, help="Rebuild every handout, even those that are up to date.")
@click.option("--list", "list_only", is_flag=True, help="Show what would be built, refused or removed, and why, then exit without building.")
@click.option("--jobs", "-j", type=CountType(1, "how many handouts to build at once", 4), default=None,
              help="How many handouts to build at the same time. Default: the number of CPU cores.")
@click.option("--include-private", multiple=True, metavar="ID",
              help="Include this private document (for example a conversation note) in the handouts that select it. "
                   "Private documents are left out unless named here.")
@click.option("--as-of", type=DateType(), default=None,
              help="Date for the benchmark reports and for the date-dependent lint rules run before building, "
                   "YYYY-MM-DD. Default: today.")
def build(project_file: Path | None, output_dir: str, only: tuple[str, ...], force: bool, list_only: bool,
          jobs: int | None, include_private: tuple[str, ...], as_of: dt.date | None) -> None:
    """Build the printable handouts defined in aotext.yaml into the build folder.

    Lints first and refuses to build a handout from documents with errors,
    or without a file it should hold that cannot be read. Only handouts whose
    inputs changed are rebuilt; each file is written atomically, so an
    interrupted build never leaves half a PDF. Outputs it made and no longer
    makes (or refused) are removed. A shareable dashboard in the build folder
    is written again as of --as-of, so that it never shows a plan made
    private since. Exit status: 0 everything built or up to date, 1 a
    handout failed or was refused, 2 usage error.

    \b
    Examples:
      aotext build
      aotext build --only facilitator-guide
      aotext build --list
      aotext build --include-private 2026-11-14-nia
    """
    from aotext.handouts.needs import missing_handout_tools_message

    missing = missing_handout_tools_message()
    if missing:  # a core-only install: say what to install before importing any of it
        click.echo(missing, err=True)
        sys.exit(EXIT_USAGE)

    from aotext.apart import default_jobs
    from aotext.handouts.plan import plan_jobs
    from aotext.handouts.prepare import prepare
    from aotext.load import PROJECT_FILE

    day = as_of or dt.date.today()
    prepared = prepare(project_file, Path(output_dir), day, frozenset(include_private), only, keep_bodies=not list_only)
    project = prepared.project
    if project is None:
        for problem in prepared.repository.lint.problems:
            click.echo(str(problem), err=True)
        click.echo(f"aotext: fix {project_file or PROJECT_FILE} before building.", err=True)
        _stale(prepared, list_only)
        sys.exit(EXIT_PROBLEMS)
    for note in prepared.notes:
        click.echo(f"note: {note}", err=True)
    jobs_planned = plan_jobs(prepared.outputs, project, day, prepared.made, force)
    if list_only:
        listed = [f"{job.output.path}  {job.reason}" for job in jobs_planned]
        listed += [f"{subject}  refused: {refusal.reason}" for refusal in prepared.refused for subject in refusal.subjects]
        if listed:  # written at once: a line at a time, hundreds of lines take a while
            click.echo("\n".join(listed))
        _first_problems(prepared, err=False)
        _stale(prepared, list_only)
        sys.exit(EXIT_PROBLEMS if prepared.refused else EXIT_OK)
    # Imported only to build: --list needs none of the renderers.
    from aotext.handouts.build import BuildStopped, run_jobs

    needed = sum(job.needed for job in jobs_planned)
    workers = jobs or default_jobs()
    click.echo(f"aotext build: {needed} to build, {len(jobs_planned) - needed} up to date"
               f"{f', {workers} at a time' if needed > 1 else ''}.", err=True)
    # Before building: an output no longer made must not outlive an interrupted build.
    unremoved = _stale(prepared, list_only)

    try:
        with _signal_ends_like_ctrl_c():
            report = run_jobs(jobs_planned, project, day, Path(output_dir), workers,
                              lambda line: click.echo(line, err=True))
    except BuildStopped as stopped:
        built = len(stopped.report.built)
        click.echo(f"aotext build: stopped. {built} handout file{'s' if built != 1 else ''} finished before it "
                   "stopped and are complete; run aotext build again to make the rest.", err=True)
        sys.exit(EXIT_PROBLEMS)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for output, reason in report.failed:
        click.echo(f"error: {output.path}: {reason}", err=True)
    for refusal in prepared.refused:
        for subject in refusal.subjects:
            click.echo(f"error: {subject}: {refusal.reason}", err=True)
    _first_problems(prepared, err=True)
    failed = len(report.failed) + sum(len(refusal.subjects) for refusal in prepared.refused)
    failed += _shareable_dashboard(prepared, Path(output_dir), day)  # before the index, which links it if it stays
    failed += not _index(Path(output_dir), project, report)
    click.echo(f"Built {len(report.built)}, up to date {len(report.up_to_date)}, failed {failed}; "
               f"pandoc ran {report.processes.pandoc} times, typst {report.processes.typst}.", err=True)
    sys.exit(EXIT_PROBLEMS if failed or unremoved else EXIT_OK)


def _index(output_dir: Path, project: Project, report: BuildReport) -> bool:
    """Bring build/index.html up to date; False when it could not be written."""
    from aotext.handouts.index import INDEX, write_index
    from aotext.handouts.render import RenderError

    try:
        if write_index(output_dir, project, report.processes):
            click.echo(f"wrote {output_dir / INDEX}: a page that links every file built, by who reads it", err=True)
    except (RenderError, OSError) as error:
        click.echo(f"error: could not write {output_dir / INDEX}: {getattr(error, 'strerror', None) or error}",
                   err=True)
        return False
    return True


def _shareable_dashboard(prepared: Prepared, output_dir: Path, day: dt.date) -> bool:
    """Make the shareable dashboard in the build folder again, as of the
    build's date; True when it could not be."""
    from aotext.dashboard.refresh import refresh_shareable

    refreshed = refresh_shareable(prepared.repository, output_dir, day)
    if refreshed is not None:
        click.echo(f"{'error: ' if refreshed.failed else ''}{refreshed.message}", err=True)
    return refreshed is not None and refreshed.failed


def _first_problems(prepared: Prepared, err: bool) -> None:
    """The first error of each file that stopped a handout, as lint prints it."""
    for problem in sorted({problem for refusal in prepared.refused for problem in refusal.problems}):
        click.echo(str(problem), err=err)


def _stale(prepared: Prepared, list_only: bool) -> bool:
    """Remove (or, for --list, show) the outputs no longer made; True when one could not be removed."""
    from aotext.handouts.state import remove

    unremoved = False
    for stale in prepared.stale:
        if list_only:
            click.echo(f"{stale.made.path}  to be removed: {stale.reason}")
            continue
        message, failed = remove(stale)
        click.echo(f"{'error: ' if failed else ''}{message}", err=True)
        unremoved |= failed
    return unremoved


@contextmanager
def _signal_ends_like_ctrl_c() -> Iterator[None]:
    """A request to end (SIGTERM, as a system shutdown or `kill` sends) stops
    the build the way Ctrl-C does: what is finished stays, nothing is half-written."""
    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: nothing to install
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
