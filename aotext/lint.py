"""The linter: read every file (in parallel when there are many), check each
against its schema, run the rules on the whole corpus, and sort the problems."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from aotext import collector, reading
from aotext.apart import Apart
from aotext.corpus import Corpus
from aotext.crypto.unopened import stubs, unopened
from aotext.discover import document_names
from aotext.documents.claims import claimed_id
from aotext.load import Loaded
from aotext.model import ERROR, Problem
from aotext.reading import announce, read_all
from aotext.rules import REGISTRY


class LintResult:
    """What lint found. `problems` are sorted by file and line; those of the
    corpus's rules may still be being found apart (see `lint`), and asking
    for them waits until they are."""

    def __init__(self, files: int, corpus: Corpus, problems: list[Problem], internal_errors: int,
                 pending: RulesApart | None = None) -> None:
        self.files = files
        # The documents read, as the rules saw them: what the commands go on from
        # (empty when lint's cache answered, which only lint itself uses).
        self.corpus = corpus
        self.internal_errors = internal_errors
        self._problems, self._pending = problems, pending

    def wait(self) -> None:
        """Wait until the rules run apart have found their problems: a rule
        that fails stops the command here, before it prints anything."""
        if self._pending is not None:
            found = self._pending.found()
            self._problems, self._pending = sorted([*self._problems, *found], key=lint_order), None

    @property
    def problems(self) -> list[Problem]:
        self.wait()
        return self._problems

    def problems_of(self, path: str) -> list[Problem]:
        """The problems of one file: of the file whose rules were run here (the
        project file), without waiting for those run apart."""
        known = self._pending is not None and self._pending.settled == path
        return [problem for problem in (self._problems if known else self.problems) if problem.path == path]

    @property
    def errors(self) -> int:
        return sum(1 for problem in self.problems if problem.severity == ERROR)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


@dataclass
class RulesApart:
    """The corpus's rules, being run in a forked copy of this process while a
    command does its own work. The findings on `settled` (the project file,
    which every command reads before anything else) were found here at once."""

    settled: str | None
    checking: Apart[list[Problem]]

    def found(self) -> list[Problem]:
        return [problem for problem in self.checking.result() if problem.path != self.settled]


def _ready_for_rules(loaded: list[Loaded]) -> None:
    """Work out what the corpus and its rules ask of every document read: its
    typed view, id and privacy, each kept by the document once worked out.
    Here, as the files come in, rather than after the reading (the id and
    privacy of 20,000 documents took 0.05 s), and in this process rather than
    in the copies reading too (sending views back cost more than making them,
    measured at 20,000 documents). Before any copy that runs the rules apart,
    so that both have them."""
    with collector.paused():
        for item in loaded:
            if item.document is not None:
                item.document.view, item.document.id, item.document.private  # noqa: B018 - kept by the document


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


def claimed(item: Loaded) -> str | None:
    """The id a file that could not be read gives, if any (an encrypted one: by its name)."""
    if item.sealed is not None:
        return item.sealed.id if item.sealed.reason == "damaged" else None
    return claimed_id(item.path)


def lint_order(problem: Problem) -> tuple[bool, Problem]:
    """How lint lists problems: what follows from a file that cannot be read
    comes after its own problems; otherwise by file, line and column."""
    return problem.rule in REGISTRY and REGISTRY[problem.rule].knock_on, problem


def lint(paths: Iterable[str | os.PathLike[str]], as_of: dt.date, *, project: Loaded | None = None,
         jobs: int | None = None, ignore: Iterable[str] = (), keep_bodies: bool = True,
         progress: Callable[[str], None] | None = None, rules_apart: bool = False) -> LintResult:
    """Every problem of every document under `paths` and of the project file
    (already read, as the project file whatever its name), sorted by file and
    line. `keep_bodies=False` drops the Markdown bodies, which only handouts
    need; `progress` hears what is being done when there are many files.
    `rules_apart`: where there are many documents, the corpus's rules run in a
    forked copy of this process, while the caller goes on with the documents
    (a summary, a page) until it asks for the problems."""
    skipped = set(ignore)
    # Names as text, not paths: 20,000 paths took 0.03 s to make.
    files: list[str] = document_names(paths, project.path if project is not None else None)
    announce(progress, len(files))
    # The documents, and their typed views, live as long as the command: the
    # cyclic collector need not walk them again and again (it did, a third of
    # lint's time at 20,000 documents; on for a moment between reading them
    # and checking them, it walked them all once, a tenth of the rest).
    with collector.paused(keep_off=True):
        loaded = read_all(files, jobs, keep_bodies, then=_ready_for_rules)
        if project is not None:
            loaded.append(project)
            files.append(project.path)
        corpus, problems = assemble(loaded, skipped)
        internal_errors = sum(item.internal_error for item in loaded)
        if rules_apart and len(files) >= reading.PARALLEL_THRESHOLD:
            checking = Apart(partial(run_rules, corpus, as_of, skipped), jobs)
            if checking.apart:
                settled = project.path if project is not None else None
                if settled is not None:
                    problems += focused_rules(corpus, as_of, skipped, {settled})
                return LintResult(len(files), corpus, problems, internal_errors, RulesApart(settled, checking))
        problems += run_rules(corpus, as_of, skipped)
    problems.sort(key=lint_order)
    return LintResult(len(files), corpus, problems, internal_errors)


def focused_rules(corpus: Corpus, as_of: dt.date, skipped: Collection[str], paths: set[str]) -> list[Problem]:
    """What the corpus's rules find in `paths`, with the corpus focused on
    them (aotext.corpus): what they would find in them run on everything,
    when `paths` hold every document those findings depend on (aotext.dependents)."""
    corpus.focus(paths)
    try:
        return [problem for problem in run_rules(corpus, as_of, skipped) if problem.path in paths]
    finally:
        corpus.focus(None)


def assemble(loaded: Sequence[Loaded], skipped: Collection[str]) -> tuple[Corpus, list[Problem]]:
    """The corpus of the files read, and their own problems (with the one
    line about encrypted documents that could not be opened)."""
    documents = [item.document for item in loaded if item.document is not None]
    unreadable = {given: item.path for item in loaded if item.document is None and (given := claimed(item))}
    problems = [problem for item in loaded for problem in item.problems if problem.rule not in skipped]
    sealed = [item.sealed for item in loaded if item.sealed is not None]
    problems += [problem for problem in unopened(sealed) if problem.rule not in skipped]
    return Corpus(documents, unreadable, stubs(sealed)), problems
