"""The linter: read every file (in parallel when there are many), check each
against its schema, run the rules on the whole corpus, and sort the problems."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from aotext.corpus import Corpus
from aotext.load import Loaded, discover, load_file
from aotext.model import ERROR, Document, Problem
from aotext.rules import REGISTRY
from aotext.schemas import check_document

# Below this many files a worker pool costs more to start than it saves.
PARALLEL_THRESHOLD = 500
_CHUNK = 250


@dataclass
class LintResult:
    files: int
    documents: list[Document]
    problems: list[Problem]
    internal_errors: int

    @property
    def errors(self) -> int:
        return sum(1 for problem in self.problems if problem.severity == ERROR)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def read_and_check(path: Path) -> Loaded:
    """Load one file and check it against its schema: the per-file half of lint."""
    loaded = load_file(path)
    if loaded.document is not None:
        document = loaded.document
        for found in check_document(document):
            line, column = document.position(found.key_path)
            loaded.problems.append(Problem(loaded.path, line, column, "schema", ERROR, found.message))
    return loaded


def _read_chunk(paths: Sequence[Path]) -> list[Loaded]:
    return [read_and_check(path) for path in paths]


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def read_all(paths: list[Path], jobs: int | None = None) -> list[Loaded]:
    """`read_and_check` every path, spread over worker processes when it pays."""
    jobs = jobs or default_jobs()
    if jobs < 2 or len(paths) < PARALLEL_THRESHOLD:
        return _read_chunk(paths)
    chunks = [paths[start:start + _CHUNK] for start in range(0, len(paths), _CHUNK)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [loaded for chunk in pool.map(_read_chunk, chunks) for loaded in chunk]


def run_rules(corpus: Corpus, as_of: dt.date, ignore: Iterable[str] = ()) -> list[Problem]:
    skipped = set(ignore)
    problems = []
    for rule in REGISTRY.values():
        if rule.check is None or rule.id in skipped:
            continue
        for document, key_path, message in rule.check(corpus, as_of):
            line, column = document.position(key_path)
            problems.append(Problem(document.path, line, column, rule.id, rule.severity, message))
    return problems


def lint(paths: Iterable[str | os.PathLike[str]], as_of: dt.date, *, jobs: int | None = None,
         ignore: Iterable[str] = ()) -> LintResult:
    """Every problem of every document under `paths`, sorted by file and line."""
    skipped = set(ignore)
    files = discover(paths)
    loaded = read_all(files, jobs)
    documents = [item.document for item in loaded if item.document is not None]
    problems = [problem for item in loaded for problem in item.problems if problem.rule not in skipped]
    problems += run_rules(Corpus(documents), as_of, skipped)
    problems.sort()
    return LintResult(len(files), documents, problems, sum(item.internal_error for item in loaded))
