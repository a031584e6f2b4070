"""Build handouts: decide what is out of date by fingerprint, render the rest
in parallel, and write every file atomically."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from aotext import __version__
from aotext.fsio import atomic_write, atomic_write_text, remove_leftovers
from aotext.handouts import compose, render
from aotext.handouts.render import LUA_FILTER, TYPST_TEMPLATE, ProcessCount, RenderError, reference_docx, render_office, render_pdf
from aotext.handouts.select import Output
from aotext.project import Project
from aotext.summary import Thresholds

STATE_FOLDER = ".aotext"


@dataclass(frozen=True)
class Job:
    output: Output
    fingerprint: str
    inputs: dict[str, str]
    reason: str  # why it must be built, or "up to date"

    @property
    def needed(self) -> bool:
        return self.reason != "up to date"


@dataclass
class BuildReport:
    built: list[Output] = field(default_factory=list)
    up_to_date: list[Output] = field(default_factory=list)
    failed: list[tuple[Output, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    processes: ProcessCount = field(default_factory=ProcessCount)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _tool_digest() -> str:
    """Everything of aotext's own that shapes an output."""
    parts = [__version__.encode(), TYPST_TEMPLATE.read_bytes(), LUA_FILTER.read_bytes()]
    for module in (compose.__file__, render.__file__, __file__):
        parts.append(Path(module).read_bytes())
    return _digest(b"\0".join(parts))


def _inputs(output: Output) -> dict[str, str]:
    """path -> digest of what the output reads: whole files it prints, and
    only the titles of the documents it reads for context."""
    inputs = {document.path: _digest(Path(document.path).read_bytes()) for document in output.documents}
    for document in output.context:
        titles = {key: document.data.get(key) for key in ("id", "title", "section", "order")}
        inputs[document.path + " (title)"] = _digest(json.dumps(titles, sort_keys=True, default=str).encode())
    return inputs


def _fingerprint(output: Output, project: Project, inputs: dict[str, str], tool: str, as_of: dt.date) -> str:
    report = output.handout.layout == "report"
    settings = {
        # A report judges benchmarks as of a day; nothing else depends on the date.
        "as_of": as_of.isoformat() if report else None,
        "on_track_ratio": project.on_track_ratio if report else None,
        "tool": tool,
        "handout": output.handout.definition(),
        "format": output.format,
        "collective": project.collective,
        "paper": project.paper,
        "days": [day.__dict__ for day in project.days] if output.handout.agenda else None,
        "date": project.days[0].date,
        "inputs": inputs,
    }
    return _digest(json.dumps(settings, sort_keys=True, default=str).encode())


def _state_path(output: Output) -> Path:
    return output.path.parent / STATE_FOLDER / f"{output.path.name}.json"


def plan_jobs(outputs: Sequence[Output], project: Project, as_of: dt.date, force: bool = False) -> list[Job]:
    """Each output with its fingerprint and the reason it needs building, if any."""
    tool = _tool_digest()
    jobs = []
    for output in outputs:
        inputs = _inputs(output)
        fingerprint = _fingerprint(output, project, inputs, tool, as_of)
        try:
            previous = json.loads(_state_path(output).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = None
        if force:
            reason = "forced"
        elif not output.path.is_file() or previous is None:
            reason = "new"
        elif previous.get("fingerprint") == fingerprint:
            reason = "up to date"
        else:
            old = previous.get("inputs", {})
            changed = sorted(path for path in set(inputs) | set(old) if inputs.get(path) != old.get(path))
            reason = f"changed: {', '.join(changed)}" if changed else "changed: settings, templates or aotext"
        jobs.append(Job(output, fingerprint, inputs, reason))
    return jobs


def compose_output(output: Output, project: Project, as_of: dt.date) -> compose.Composed:
    """The Markdown of one output, with the metadata its title block prints."""
    handout = output.handout
    metadata = {"title": handout.title, "collective": project.collective, "audience": handout.audience}
    if project.days[0].date:
        metadata["date"] = project.days[0].date
    if handout.layout == "workshop":
        composed = compose.workshop(handout, output.documents, project)
    elif handout.layout == "worksheet":
        composed = compose.worksheet(output.documents, output.context)
    elif handout.layout == "slides":
        composed = compose.slides(output.documents)
    elif handout.layout == "report":
        plan = output.documents[0]
        composed = compose.benchmark_report(plan, output.documents[1:], as_of, Thresholds(project.on_track_ratio))
        metadata["title"] = f"{handout.title}: {plan.data.get('title', plan.id)}"
        metadata.pop("date", None)  # the report says the day it judges
    else:
        plan = output.documents[0]
        composed = compose.one_page_plan(plan, output.context[0] if output.context else None)
        metadata["title"] = f"{handout.title}: {plan.data.get('title', plan.id)}"
        metadata.pop("date", None)  # a plan has its own dates, in its subtitle
    return compose.Composed(composed.markdown, {**metadata, **composed.metadata}, composed.switches, composed.images)


@contextmanager
def staged_images(composed: compose.Composed) -> Iterator[Path]:
    """A temporary folder holding the pictures the composed Markdown refers to."""
    with tempfile.TemporaryDirectory(prefix="aotext-") as folder:
        for name, data in composed.images.items():
            (Path(folder) / name).write_bytes(data)
        yield Path(folder)


def _build_one(job: Job, project: Project, as_of: dt.date, reference: Path | None, counter: ProcessCount) -> list[str]:
    """Render one output and put it in place; returns typst's warnings."""
    output = job.output
    composed = compose_output(output, project, as_of)
    warnings: list[str] = []
    with staged_images(composed) as resources:
        if output.format == "pdf":
            rendered, warnings = render_pdf(composed.markdown, composed.metadata, composed.switches, project.paper,
                                            counter, resources)
        else:
            office_metadata = {**composed.metadata, "author": project.collective}
            rendered = render_office(composed.markdown, output.format, office_metadata, reference or Path(), counter,
                                     resources)
    atomic_write(output.path, rendered)
    # The state is written after the output, so a build killed in between only rebuilds it.
    atomic_write_text(_state_path(output), json.dumps({"fingerprint": job.fingerprint, "inputs": job.inputs}, indent=1))
    return warnings


def run_jobs(jobs: Sequence[Job], project: Project, as_of: dt.date, output_dir: Path, jobs_at_once: int,
             progress: Callable[[str], None]) -> BuildReport:
    """Build every needed job, several at a time; a failure does not stop the others."""
    report = BuildReport()
    report.up_to_date = [job.output for job in jobs if not job.needed]
    needed = [job for job in jobs if job.needed]
    if not needed:
        return report
    remove_leftovers(output_dir)
    state = output_dir / STATE_FOLDER
    reference = None
    if any(job.output.format == "docx" for job in needed):
        try:
            reference = reference_docx(state, __version__, report.processes)
        except RenderError as error:
            report.failed = [(job.output, str(error)) for job in needed if job.output.format == "docx"]
            needed = [job for job in needed if job.output.format != "docx"]
    with ThreadPoolExecutor(max_workers=max(1, jobs_at_once)) as pool:
        started = {pool.submit(_timed, _build_one, job, project, as_of, reference, report.processes): job for job in needed}
        for done, future in enumerate(as_completed(started), start=1):
            job = started[future]
            try:
                warnings, seconds = future.result()
            except RenderError as error:
                report.failed.append((job.output, str(error)))
                progress(f"[{done}/{len(needed)}] FAILED {job.output.path}: {error}")
                continue
            except Exception as error:  # noqa: BLE001 - one broken handout must not stop the others
                report.failed.append((job.output, f"aotext failed ({type(error).__name__}: {error}); please report this"))
                progress(f"[{done}/{len(needed)}] FAILED {job.output.path}: {type(error).__name__}: {error}")
                continue
            report.built.append(job.output)
            report.warnings += [f"{job.output.path}: typst: {warning}" for warning in warnings]
            progress(f"[{done}/{len(needed)}] built {job.output.path} ({seconds:.1f} s)")
    return report


def _timed(function: Callable[..., list[str]], *args: object) -> tuple[list[str], float]:
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start
