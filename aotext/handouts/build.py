"""Build handouts: decide what is out of date by fingerprint, compose each
handout's Markdown once, render it to each of its formats in parallel, and
write every file atomically."""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from aotext.fsio import atomic_write, remove_leftovers
from aotext.handouts.compose import Composed
from aotext.handouts.formats import Renderer, Tools, UnshownText, format_named
from aotext.handouts.plan import Job
from aotext.handouts.render import RUNNING, ProcessCount, RenderError
from aotext.handouts.select import Output
from aotext.handouts.state import STATE_FOLDER, remove_failed, write_record
from aotext.handouts.unshown import unshown_messages
from aotext.project import Project


@dataclass
class BuildReport:
    built: list[Output] = field(default_factory=list)
    up_to_date: list[Output] = field(default_factory=list)
    failed: list[tuple[Output, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    processes: ProcessCount = field(default_factory=ProcessCount)


def compose_output(output: Output, project: Project, as_of: dt.date) -> Composed:
    """The Markdown of one output, with the metadata its title block prints."""
    return output.layout.compose(output.handout, output.documents, output.context, project, as_of)


class _Composer:
    """Composes each handout's Markdown once per build, however many formats
    it is rendered to (so a report's chart is drawn once per plan), and
    forgets it when the last of them has it."""

    def __init__(self, jobs: Sequence[Job], project: Project, as_of: dt.date) -> None:
        self._project, self._as_of = project, as_of
        self._lock = threading.Lock()
        self._waiting = Counter(job.output.content_key for job in jobs)
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._done: dict[tuple[str, str], Composed] = {}

    def composed(self, output: Output) -> Composed:
        key = output.content_key
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        try:
            with lock:
                if key not in self._done:
                    self._done[key] = compose_output(output, self._project, self._as_of)
                return self._done[key]
        finally:
            with self._lock:
                self._waiting[key] -= 1
                if self._waiting[key] <= 0:
                    self._done.pop(key, None)
                    self._locks.pop(key, None)


@contextmanager
def staged_images(composed: Composed) -> Iterator[Path]:
    """A temporary folder holding the pictures the composed Markdown refers to."""
    with tempfile.TemporaryDirectory(prefix="aotext-") as folder:
        for name, data in composed.images.items():
            (Path(folder) / name).write_bytes(data)
        yield Path(folder)


def _build_one(job: Job, composer: _Composer, render: Renderer, project: Project) -> list[str]:
    """Render one output and put it in place; returns its renderer's warnings."""
    output = job.output
    composed = composer.composed(output)
    with staged_images(composed) as resources:
        try:
            rendered = render(composed, project, resources)
        except UnshownText as error:  # said where the documents have those characters
            raise RenderError("; ".join(unshown_messages(error.chars, [*output.documents, *output.context],
                                                         project))) from error
    try:
        atomic_write(output.path, rendered.data)
        # The record is written after the output, so a build killed in between only rebuilds it.
        write_record(output.path, output.handout.name, rendered.data, job.fingerprint, job.inputs, job.tools)
    except OSError as error:  # a full disk, a read-only folder: the user's to fix, not a bug
        raise WriteError(f"could not write {output.path}: {error.strerror or error}") from error
    return list(rendered.warnings)


class WriteError(Exception):
    """An output could not be put in place (disk full, no permission)."""


def _renderers(needed: list[Job], tools: Tools, report: BuildReport) -> tuple[dict[str, Renderer], list[Job]]:
    """A renderer for each format the needed jobs make, prepared once; the jobs
    of a format that cannot be prepared fail with its reason."""
    renderers: dict[str, Renderer] = {}
    for name in dict.fromkeys(job.output.format for job in needed):
        try:
            renderers[name] = format_named(name).prepare(tools)
        except RenderError as error:
            for job in needed:
                if job.output.format == name:
                    _record_failure(report, job, str(error))
    return renderers, [job for job in needed if job.output.format in renderers]


def run_jobs(jobs: Sequence[Job], project: Project, as_of: dt.date, output_dir: Path, jobs_at_once: int,
             progress: Callable[[str], None]) -> BuildReport:
    """Build every needed job, several at a time; a failure does not stop the others."""
    report = BuildReport()
    report.up_to_date = [job.output for job in jobs if not job.needed]
    needed = [job for job in jobs if job.needed]
    if not needed:
        return report
    remove_leftovers(output_dir)
    tools = Tools(output_dir / STATE_FOLDER, report.processes, project.fonts_dir, project.lang)
    renderers, needed = _renderers(needed, tools, report)
    composer = _Composer(needed, project, as_of)
    pool = ThreadPoolExecutor(max_workers=max(1, jobs_at_once))
    started = {pool.submit(_timed, _build_one, job, composer, renderers[job.output.format], project): job
               for job in needed}
    try:
        _collect(started, report, progress)
    except KeyboardInterrupt:
        # Ctrl-C, or a signal to end: nothing more starts, the pandoc processes
        # running end now, and what is already written stays (each file whole).
        RUNNING.stop_all()
        pool.shutdown(wait=True, cancel_futures=True)
        RUNNING.resume()
        report.built += [job.output for future, job in started.items()
                         if future.done() and not future.cancelled() and future.exception() is None
                         and job.output not in report.built]
        raise BuildStopped(report) from None
    pool.shutdown(wait=True)
    return report


class BuildStopped(Exception):
    """The build was stopped part-way; `report` says what was built before."""

    def __init__(self, report: BuildReport) -> None:
        super().__init__("stopped")
        self.report = report


def _collect(started: dict[Future[tuple[list[str], float]], Job], report: BuildReport,
             progress: Callable[[str], None]) -> None:
    """Wait for every job and record what each gave, as each finishes."""
    for done, future in enumerate(as_completed(started), start=1):
        job = started[future]
        try:
            warnings, seconds = future.result()
        except (RenderError, WriteError) as error:
            _failed(report, job, str(error), progress, f"[{done}/{len(started)}]")
            continue
        except Exception as error:  # noqa: BLE001 - one broken handout must not stop the others
            _failed(report, job, f"aotext failed ({type(error).__name__}: {error}); please report this", progress,
                    f"[{done}/{len(started)}]")
            continue
        report.built.append(job.output)
        report.warnings += [f"{job.output.path}: {warning}" for warning in warnings]
        progress(f"[{done}/{len(started)}] built {job.output.path} ({seconds:.1f} s)")


def _failed(report: BuildReport, job: Job, why: str, progress: Callable[[str], None], count: str) -> None:
    """Record an output that could not be made, remove the one an earlier build made, and say so."""
    progress(f"{count} FAILED {job.output.path}: {_record_failure(report, job, why)}")


def _record_failure(report: BuildReport, job: Job, why: str) -> str:
    """Record an output that could not be made, and remove the one an earlier
    build made, which would pass for a current one: what is said of it."""
    removed = remove_failed(job.output.path)
    said = f"{why}; {removed}" if removed else why
    report.failed.append((job.output, said))
    return said


def _timed(function: Callable[..., list[str]], *args: object) -> tuple[list[str], float]:
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start
