"""Lint of the files and folders named on its command line: those in a
repository's content folder checked with the whole repository read, so that
what they refer to is known; any others read on their own; and a file named
that the repository's lint never reads as a document said not checked."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from aotext.discover import document_names, left_out
from aotext.lint import LintResult, lint, lint_order
from aotext.load import PROJECT_FILE
from aotext.model import WARNING, Problem
from aotext.reading import read_and_check
from aotext.repository import Location, RepositoryError, lint_at, locate
from aotext.rules.files import LEFT_OUT


def lint_paths(paths: Iterable[str], as_of: dt.date, project_file: Path | None = None, *, jobs: int | None = None,
               ignore: Iterable[str] = (), progress: Callable[[str], None] | None = None,
               cache: bool = True) -> LintResult:
    """The problems of the files and folders named. Of those in a
    repository's content folder (and its project file) the whole repository
    is read, so that what they refer to is known, and only the named files'
    problems are kept (a plan checked on its own still finds its scenario).
    Any others are read on their own."""
    chosen = [Path(path) for path in paths]
    try:
        where = locate(project_file)
    except RepositoryError:
        where = None
    ours = [path for path in chosen if isinstance(where, Location) and _inside(path, where)]
    others = [path for path in chosen if path not in ours]
    if not isinstance(where, Location) or not ours:
        return _on_their_own(others, project_file, as_of, jobs, ignore, progress)
    result = _named_in(where, ours, as_of, jobs, ignore, progress, cache)
    if not others:
        return result
    # Named beside them, files outside the content folder do not make its own be read without their repository.
    alone = _on_their_own(others, project_file, as_of, jobs, ignore, progress)
    problems = sorted([*result.problems, *alone.problems], key=lint_order)
    return LintResult(result.files + alone.files, result.corpus, problems, result.internal_errors + alone.internal_errors)


def _named_in(where: Location, chosen: list[Path], as_of: dt.date, jobs: int | None, ignore: Iterable[str],
              progress: Callable[[str], None] | None, cache: bool) -> LintResult:
    """The problems of the files and folders named in the repository at `where`, read whole."""
    result = lint_at(where, as_of, jobs, ignore, progress, cache)
    project_named = any(_is_project_file(path, where) for path in chosen)
    why = {path: reason for path in chosen if not _is_project_file(path, where)
           if (reason := left_out(path, where.content_dir)) is not None}
    # Not read, so not checked: said, and not counted.
    unread = {file: reason for path, reason in why.items()
              for file in (document_names([path], None) if path.is_dir() else [str(path)])}
    if any(path.is_dir() and path.resolve() == where.content_dir.resolve() for path in chosen):
        return _with_left_out(_documents_only(result, where, project_named), unread, ignore)
    read = [path for path in chosen if path not in why]
    folders: dict[str, str] = {}
    wanted = {_found_at(file, folders) for file in document_names(read, None)} | {
        _found_at(str(path), folders) for path in read if path.is_file()}
    problems = [problem for problem in result.problems if _found_at(problem.path, folders) in wanted]
    return _with_left_out(LintResult(len(wanted), result.corpus, problems, result.internal_errors), unread, ignore)


def _on_their_own(chosen: list[Path], project_file: Path | None, as_of: dt.date, jobs: int | None,
                  ignore: Iterable[str], progress: Callable[[str], None] | None) -> LintResult:
    """The problems of files and folders outside any repository's content folder, each read on its own."""
    named = (project_file or Path(PROJECT_FILE)).resolve()
    project = next((path for path in chosen if path.is_file() and path.resolve() == named), None)
    loaded = read_and_check(project, project=True) if project else None
    return lint([path for path in chosen if path != project], as_of, project=loaded, jobs=jobs, ignore=ignore,
                keep_bodies=False, progress=progress)


def _with_left_out(result: LintResult, unread: dict[str, str], ignore: Iterable[str]) -> LintResult:
    """`result`, with a warning at each file named that was not checked (not
    counted among the files checked), unless that rule is skipped."""
    if LEFT_OUT in set(ignore):
        return result
    said = [not_checked(path, why) for path, why in unread.items()]
    if not said:
        return result
    return LintResult(result.files, result.corpus, sorted([*result.problems, *said], key=lint_order),
                      result.internal_errors)


def not_checked(path: str, why: str) -> Problem:
    """The warning at a file aotext leaves out (`why`: aotext.discover.left_out),
    named to lint or opened in an editor: it is not checked."""
    return Problem(path, 1, 1, LEFT_OUT, WARNING, f"this file was not checked: {why}")


def _documents_only(result: LintResult, where: Location, project_named: bool) -> LintResult:
    """The result of the whole repository when its content folder is named:
    every document is, and the project file only if named too. Listing the
    content folder again to match the files, as for a folder inside it, took
    0.12 s at 50,000 documents."""
    if where.project is None or project_named:
        return result
    shown = where.project.path
    return LintResult(result.files - 1, result.corpus, [problem for problem in result.problems if problem.path != shown],
                      result.internal_errors)


def _found_at(path: str, folders: dict[str, str]) -> str:
    """Where the file `path` is, as the same text however it was named: its
    folder resolved (once per folder, kept in `folders`), then its name.
    Resolving 20,000 files one by one took 0.45 s, as long as reading a
    tenth of them."""
    folder, name = os.path.split(path)
    resolved = folders.get(folder)
    if resolved is None:
        resolved = folders[folder] = str(Path(folder).resolve())
    return os.path.join(resolved, name)


def _inside(path: Path, where: Location) -> bool:
    """Whether `path` is the project file or lies in the content folder."""
    return _is_project_file(path, where) or path.resolve().is_relative_to(where.content_dir.resolve())


def _is_project_file(path: Path, where: Location) -> bool:
    return where.project_file is not None and path.is_file() and path.resolve() == where.project_file.resolve()
