"""The repository: where its project file is, where its content is, and
everything in it linted and indexed. Every command opens it the same way."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from aotext.corpus import Corpus
from aotext.documents.records import frozen
from aotext.documents.types import FOLDER_TYPES, folder_of
from aotext.errors import UsageError
from aotext.lint import LintResult, lint
from aotext.load import PROJECT_FILE, Loaded
from aotext.model import ERROR, Problem
from aotext.project import DEFAULT_CADENCE, DEFAULT_CONTENT, Project, read_project
from aotext.reading import read_and_check


class RepositoryError(UsageError):
    """The repository cannot be read: a missing content folder or project file."""


def shown(path: Path) -> str:
    """`path` relative to the working folder when it is inside it, as lint prints it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


@frozen
class Location:
    """Where a repository's files are: the one place that decides it."""

    project_file: Path | None  # None: a repository without a project file
    content_dir: Path
    # The project file as read (and checked) to find the content: read once.
    project: Loaded | None = field(default=None, compare=False, repr=False)


def locate(project_file: Path | None = None, require_project: bool = False) -> Location | list[Problem]:
    """Find the repository: the project file named (any name), else
    aotext.yaml here if there is one, and the content folder it names (else
    `content`). A project file too broken to say where the content is gives
    its problems instead."""
    if project_file is not None and not project_file.is_file():
        raise RepositoryError(f"there is no project file {project_file}; run aotext where aotext.yaml is, "
                              "or name it with --project")
    if project_file is None and Path(PROJECT_FILE).is_file():
        project_file = Path(PROJECT_FILE)
    elif project_file is None and os.path.lexists(PROJECT_FILE):
        # A folder, or a link to nothing (or to itself): taken for no project file, it hid every project error.
        raise RepositoryError(f"{PROJECT_FILE} here is not a file (a folder, or a link that leads nowhere): "
                              f"make it the project file, or move it away")
    if project_file is None and require_project:
        raise RepositoryError(f"there is no project file {PROJECT_FILE} here; run aotext where it is, "
                              "or name it with --project")
    if project_file is None:
        if not Path(DEFAULT_CONTENT).is_dir():
            raise RepositoryError(f"there is no '{DEFAULT_CONTENT}' folder here; run aotext at the top of the "
                                  "repository, or name the project file with --project")
        return Location(None, Path(DEFAULT_CONTENT))
    # The project file says where the content is, so it is read (and checked
    # against its schema) before anything else. One with errors still names
    # its content, which is then checked too: those errors stop only the
    # handouts they concern.
    first = read_and_check(Path(shown(project_file)), project=True)
    if first.document is None:
        return sorted(first.problems)
    content = read_project(first.document, project_file.parent).content_dir
    if not content.is_dir():
        raise RepositoryError(f"the content folder {shown(content)} named in {project_file} does not exist")
    return Location(Path(first.path), Path(shown(content)), first)


@dataclass
class Repository:
    """A repository opened: where it is, what lint found, the documents read and the project file."""

    location: Location | None  # None when the project file is too broken to say
    lint: LintResult
    corpus: Corpus
    project: Project | None

    @property
    def error_count(self) -> int:
        return self.lint.errors

    @property
    def content_dir(self) -> Path:
        return self.location.content_dir if self.location else Path(DEFAULT_CONTENT)

    @property
    def cadence(self) -> dict[str, int | None]:
        """Days between contacts by assessment: the project file's, else the defaults."""
        return self.project.cadence_days if self.project else dict(DEFAULT_CADENCE)

    @property
    def root(self) -> Path:
        return self.project.root if self.project else Path(".")

    def read_in_part(self, types: frozenset[str]) -> int:
        """How many documents of these types have lint errors, counting the
        project file and any file whose type cannot be told (it could not be
        read, outside the types' folders): what a summary or a page made from
        those types may miss. A document of another type is never read for it."""
        count = 0
        for path in self.errors_in({problem.path for problem in self.lint.problems}):
            document = self.corpus.at(path)
            kind = document.type if document is not None else FOLDER_TYPES.get(folder_of(path) or "")
            count += kind is None or kind in types
        return count

    def unread_encrypted(self) -> str | None:
        """Why some encrypted documents could not be read, for the commands that
        use what notes say (lint says it itself); None when every one was read."""
        if not self.corpus.sealed:
            return None
        from aotext.crypto.unopened import why_unopened

        count = len(self.corpus.sealed)
        return (f"cannot read {count} encrypted document{'s' if count != 1 else ''}: {why_unopened()}. "
                "What they say is left out here.")

    def errors_in(self, paths: Iterable[str]) -> dict[str, list[Problem]]:
        """path -> its lint errors, for the paths that have any."""
        wanted = set(paths)
        found: dict[str, list[Problem]] = {}
        for problem in self.lint.problems:
            if problem.severity == ERROR and problem.path in wanted:
                found.setdefault(problem.path, []).append(problem)
        return found


def open_repository(as_of: dt.date, project_file: Path | None = None, *, require_project: bool = False,
                    keep_bodies: bool = True, jobs: int | None = None, ignore: Iterable[str] = (),
                    progress: Callable[[str], None] | None = None, rules_apart: bool = False) -> Repository:
    """Lint and load the repository: its content folder and project file.
    A project file with errors leaves `project` None and its problems in the
    lint result. Only handouts need the bodies. `rules_apart`: the caller
    works with the documents before it asks for the problems, while the
    corpus's rules are run apart (aotext.lint)."""
    where = locate(project_file, require_project)
    if isinstance(where, list):
        return Repository(None, LintResult(1, Corpus([]), where, 0), Corpus([]), None)
    result = lint([where.content_dir], as_of, project=where.project, jobs=jobs, ignore=ignore,
                  keep_bodies=keep_bodies, progress=progress, rules_apart=rules_apart)
    return _indexed(where, result, where.project_file)


def lint_repository(as_of: dt.date, project_file: Path | None = None, *, jobs: int | None = None,
                    ignore: Iterable[str] = (), progress: Callable[[str], None] | None = None,
                    cache: bool = True) -> LintResult:
    """Every problem of the repository, as `open_repository(...).lint` finds
    them, with lint's cache (aotext.lint_cache) unless `cache` is False:
    only what changed since the last lint is read again."""
    where = locate(project_file)
    if isinstance(where, list):
        return LintResult(1, Corpus([]), where, 0)
    return lint_at(where, as_of, jobs, ignore, progress, cache)


def lint_at(where: Location, as_of: dt.date, jobs: int | None, ignore: Iterable[str],
           progress: Callable[[str], None] | None, cache: bool) -> LintResult:
    """The problems of the whole repository at `where`, with lint's cache or without."""
    if not cache:
        return lint([where.content_dir], as_of, project=where.project, jobs=jobs, ignore=ignore,
                    keep_bodies=False, progress=progress)
    from aotext.lint_cache import cached_lint  # it builds on this module's Location

    return _without(cached_lint(where, as_of, jobs=jobs, progress=progress), ignore)


def _without(result: LintResult, ignore: Iterable[str]) -> LintResult:
    """The result with the problems of the skipped rules left out."""
    skipped = set(ignore)
    if not skipped:
        return result
    return LintResult(result.files, result.corpus, [p for p in result.problems if p.rule not in skipped],
                      result.internal_errors)


def _indexed(where: Location | None, result: LintResult, project_file: Path | None) -> Repository:
    corpus = result.corpus
    project = None
    if project_file is not None and corpus.project is not None:
        broken = any(problem.severity == ERROR for problem in result.problems_of(corpus.project.path))
        project = None if broken else read_project(corpus.project, project_file.parent)
    return Repository(where, result, corpus, project)
