"""Open a collective's repository: read the project file (if any), lint the
content it names, and index the documents. Shared by the commands that work
on the whole repository (build, summary)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from aotext.corpus import Corpus
from aotext.lint import LintResult, lint, read_and_check
from aotext.load import PROJECT_FILE
from aotext.model import ERROR, Problem
from aotext.project import Project, project_from


class RepositoryError(Exception):
    """The repository cannot be read: a missing content folder or project file."""


@dataclass
class Repository:
    lint: LintResult
    corpus: Corpus
    project: Project | None

    @property
    def project_errors(self) -> list[Problem]:
        return [p for p in self.lint.problems if p.severity == ERROR and Path(p.path).name == PROJECT_FILE]

    @property
    def error_count(self) -> int:
        return self.lint.errors


def shown(path: Path) -> str:
    """`path` relative to the working folder when it is inside it, as lint prints it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def open_repository(as_of: dt.date, project_file: Path = Path(PROJECT_FILE), require_project: bool = False,
                    keep_bodies: bool = True) -> Repository:
    """Lint and load everything; a broken project file leaves `project` None
    and its problems in the lint result. Only handouts need the bodies."""
    if not project_file.is_file():
        if require_project:
            raise RepositoryError(f"there is no project file {project_file}; run aotext where aotext.yaml is, or name it with --project")
        if not Path("content").is_dir():
            raise RepositoryError("there is no 'content' folder here; run aotext at the top of the repository")
        result = lint(["content"], as_of, keep_bodies=keep_bodies)
        return Repository(result, Corpus(result.documents), None)
    # The project file says where the content is, so it is read (and checked
    # against its schema) before the whole repository is linted.
    first = read_and_check(Path(shown(project_file)))
    if first.document is None or any(problem.severity == ERROR for problem in first.problems):
        result = LintResult(1, [], sorted(first.problems), int(first.internal_error))
        return Repository(result, Corpus([]), None)
    project = project_from(first.document, project_file.parent)
    if not project.content_dir.is_dir():
        raise RepositoryError(f"the content folder {shown(project.content_dir)} named in {project_file} does not exist")
    result = lint([shown(project.content_dir), shown(project_file)], as_of, keep_bodies=keep_bodies)
    repository = Repository(result, Corpus(result.documents), project)
    if repository.project_errors:
        repository.project = None
    return repository
