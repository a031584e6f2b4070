"""Everything `aotext build` does before rendering: read the project file,
lint the repository, choose the outputs and refuse those built from
documents with errors."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from aotext.corpus import Corpus
from aotext.lint import LintResult, lint, read_and_check
from aotext.load import PROJECT_FILE
from aotext.model import ERROR
from aotext.project import Project, project_from
from aotext.handouts.select import Output, plan_outputs


class BuildSetupError(Exception):
    """The build cannot start: no project file, or an unknown handout name."""


@dataclass
class Prepared:
    lint: LintResult
    project: Project | None = None
    outputs: list[Output] = field(default_factory=list)
    # (output, why it is refused) for outputs built from documents with errors
    refused: list[tuple[Output, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def project_errors(self) -> list[str]:
        return [str(p) for p in self.lint.problems if p.severity == ERROR and Path(p.path).name == PROJECT_FILE]


def _shown(path: Path) -> str:
    """`path` relative to the working folder when it is inside it, as lint prints it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def prepare(project_file: Path, output_dir: Path, as_of: dt.date, include_private: frozenset[str],
            only: tuple[str, ...] = ()) -> Prepared:
    if not project_file.is_file():
        raise BuildSetupError(f"there is no project file {project_file}; run aotext build where aotext.yaml is, or name it with --project")
    # The project file says where the content is, so it is read (and checked
    # against its schema) before the whole repository is linted.
    first = read_and_check(Path(_shown(project_file)))
    if first.document is None or any(problem.severity == ERROR for problem in first.problems):
        return Prepared(LintResult(1, [], sorted(first.problems), int(first.internal_error)))
    project = project_from(first.document, project_file.parent)
    unknown = sorted(set(only) - {handout.name for handout in project.handouts})
    if unknown:
        names = ", ".join(handout.name for handout in project.handouts)
        raise BuildSetupError(f"no handout is called {', '.join(unknown)}; the handouts are: {names}")
    if not project.content_dir.is_dir():
        raise BuildSetupError(f"the content folder {_shown(project.content_dir)} named in {project_file} does not exist")
    result = lint([_shown(project.content_dir), _shown(project_file)], as_of)
    corpus = Corpus(result.documents)
    prepared = Prepared(result, project)
    if prepared.project_errors:
        return prepared
    outputs, prepared.notes = plan_outputs(project, corpus, output_dir, include_private, only)
    errors: dict[str, int] = {}
    for problem in result.problems:
        if problem.severity == ERROR:
            errors[problem.path] = errors.get(problem.path, 0) + 1
    for output in outputs:
        broken = sorted({d.path for d in output.documents + output.context if d.path in errors})
        if broken:
            named = ", ".join(f"{path} ({errors[path]} error{'s' if errors[path] > 1 else ''})" for path in broken)
            prepared.refused.append((output, f"not built from documents with errors: {named}; run aotext lint to see them"))
        else:
            prepared.outputs.append(output)
    return prepared
