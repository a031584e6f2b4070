"""Plan a build: each output's fingerprint, and whether it is up to date or
why it must be built. All that `aotext build --list` needs, without what
building needs (the renderers, the thread pool)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import field
from pathlib import Path

from aotext.documents.records import frozen
from aotext.handouts import fingerprint
from aotext.handouts.formats import format_named
from aotext.handouts.select import Output
from aotext.handouts.state import Made
from aotext.project import Project

# Why an output must be built when only its settings or tools changed.
SETTINGS_CHANGED = "changed: settings, templates or aotext"


@frozen
class Job:
    """One output to make or keep: its fingerprint and inputs, and why it must be built, or that it is up to date."""

    output: Output
    fingerprint: str
    inputs: dict[str, str]
    reason: str  # why it must be built, or "up to date"
    tools: dict[str, str] = field(default_factory=dict)

    @property
    def needed(self) -> bool:
        return self.reason != "up to date"


def _fingerprint(output: Output, project: Project, inputs: dict[str, str], tool: str, as_of: dt.date,
                 fonts: str | None) -> str:
    dated = output.layout.dated
    settings = {
        # A report judges benchmarks as of a day; nothing else depends on the date.
        "as_of": as_of.isoformat() if dated else None,
        "on_track_ratio": project.on_track_ratio if dated else None,
        "tool": tool,
        "handout": output.handout.definition(),
        "format": output.format,
        "collective": project.collective,
        "paper": project.paper,
        "lang": project.lang,
        "fonts": fonts if format_named(output.format).fonts else None,
        "days": [day.__dict__ for day in project.days] if output.handout.agenda else None,
        "date": project.days[0].date,
        "inputs": inputs,
    }
    return fingerprint.digest(json.dumps(settings, sort_keys=True, default=str).encode())


def plan_jobs(outputs: Sequence[Output], project: Project, as_of: dt.date, made: Mapping[Path, Made],
              force: bool = False) -> list[Job]:
    """Each output with its fingerprint and the reason it needs building, if
    any, by what an earlier build `made` (see prepare)."""
    tools = fingerprint.tool_versions(project.root)  # once per build: it may run pandoc --version
    tools_digest, fonts = tools.digest, fingerprint.fonts_digest(project.fonts_dir)
    # The formats of one handout print the same documents: each is read once.
    inputs_of: dict[tuple[str, str], dict[str, str]] = {}
    jobs = []
    for output in outputs:
        if output.content_key not in inputs_of:
            inputs_of[output.content_key] = fingerprint.inputs(output)
        inputs = inputs_of[output.content_key]
        digest = _fingerprint(output, project, inputs, tools_digest, as_of, fonts)
        previous = made.get(output.path)
        if force:
            reason = "forced"
        elif previous is None:
            reason = "new"
        elif previous.fingerprint == digest:
            reason = "up to date"
        else:
            old = previous.inputs
            changed = sorted(path for path in set(inputs) | set(old) if inputs.get(path) != old.get(path))
            changed += tools.changes_from(previous.tools)
            reason = f"changed: {', '.join(changed)}" if changed else SETTINGS_CHANGED
        jobs.append(Job(output, digest, inputs, reason, dict(tools.__dict__)))
    return jobs
