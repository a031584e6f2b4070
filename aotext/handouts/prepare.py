"""Everything `aotext build` does before rendering: read the project file,
lint the repository, choose the outputs and refuse those built from
documents with errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from aotext.handouts.select import Output, plan_outputs
from aotext.model import ERROR
from aotext.repository import Repository, RepositoryError, open_repository
from aotext.words import did_you_mean


@dataclass
class Prepared:
    repository: Repository
    outputs: list[Output] = field(default_factory=list)
    # (output, why it is refused) for outputs built from documents with errors
    refused: list[tuple[Output, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def prepare(project_file: Path | None, output_dir: Path, as_of: dt.date, include_private: frozenset[str],
            only: tuple[str, ...] = ()) -> Prepared:
    """Raises RepositoryError when the build cannot start; a project file with
    errors gives a Prepared whose repository has no project."""
    repository = open_repository(as_of, project_file, require_project=True)
    prepared = Prepared(repository)
    project = repository.project
    if project is None:
        return prepared
    unknown = sorted(set(only) - {handout.name for handout in project.handouts})
    if unknown:
        names = ", ".join(handout.name for handout in project.handouts)
        raise RepositoryError(f"no handout is called {', '.join(unknown)}; the handouts are: {names}")
    corpus = repository.corpus
    for document_id in sorted(include_private):
        if corpus.find(document_id) is None:
            raise RepositoryError(f"--include-private {document_id}: no document has that id"
                                  f"{did_you_mean(document_id, [d.id for d in corpus.documents if d.private and d.id])}")
    outputs, prepared.notes = plan_outputs(project, corpus, output_dir, include_private, only)
    errors: dict[str, int] = {}
    for problem in repository.lint.problems:
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
