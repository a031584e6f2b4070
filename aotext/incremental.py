"""A repository held in memory and re-checked one edit at a time: what
`aotext lsp` answers an editor from.

An edit re-reads only the file edited and re-runs the corpus's rules only
for the documents whose problems it can change (aotext.dependents), with the
corpus focused on them (aotext.corpus): every lookup still sees the whole
repository, so what is reported for those documents is exactly what a full
`aotext lint` reports (tests/test_incremental.py checks it edit by edit).
The problems of every other document stay as they were.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from aotext import collector
from aotext.corpus import Corpus
from aotext.dependents import Dependents, Group, Groups, Mentions
from aotext.discover import document_names
from aotext.documents.document import Document
from aotext.documents.records import frozen
from aotext.lint import assemble, claimed, focused_rules, lint_order, run_rules
from aotext.load import PROJECT_FILE, Loaded
from aotext.model import Problem
from aotext.project import DEFAULT_CONTENT
from aotext.reading import announce, read_all, read_and_check
from aotext.repository import locate


@frozen
class Facts:
    """What a check found of one file: its own problems, those the corpus's
    rules found in it, the strings it names and the groups it is in, and the
    id a file that cannot be read seems to give."""

    own: list[Problem]
    ruled: list[Problem]
    mentions: frozenset[str]
    groups: frozenset[Group]
    claim: str | None


class LiveCheck:
    """Every file's problems, kept up to date edit by edit."""

    def __init__(self, loaded: Sequence[Loaded], as_of: dt.date, ignore: Iterable[str] = (), *,
                 content_dir: Path | None = None, project_path: str | None = None, many_edits: bool = True) -> None:
        """`many_edits`: an editor's session, which indexes who names what
        once; a lint, which edits a file or two, looks it up each time."""
        # Where documents are read from, and the project file: what a file event is checked against.
        self.content_dir, self.project_path = content_dir, project_path
        self.as_of = as_of
        self._skipped = frozenset(ignore)
        self._many_edits = many_edits
        self._build(loaded)

    def _build(self, loaded: Sequence[Loaded]) -> None:
        """Check every file as lint does, and index what an edit needs."""
        # What is read lives until the next full check: the cyclic collector
        # need not walk it again and again, while the rules run (a third of
        # lint's time at 20,000 documents) or on every edit (0.4 s a pass).
        with collector.paused(keep_off=True):
            self.corpus, problems = assemble(loaded, self._skipped)
            self._adopt(loaded, {path: given for given, path in self.corpus.unreadable.items()}, _by_path(problems),
                        _by_path(run_rules(self.corpus, self.as_of, self._skipped)), named_index=self._many_edits)
            for item in loaded:
                self._dependents.index(item)

    def _adopt(self, loaded: Sequence[Loaded], claims: dict[str, str], own: dict[str, list[Problem]],
               ruled: dict[str, list[Problem]], named_index: bool = True) -> None:
        self._files = {item.path: item for item in loaded}
        self._claims, self._own, self._ruled = claims, own, ruled
        self._dependents = Dependents(named_index)

    @classmethod
    def restored(cls, loaded: Sequence[Loaded], as_of: dt.date, claims: dict[str, str],
                 own: dict[str, list[Problem]], ruled: dict[str, list[Problem]],
                 mentions: dict[str, Mentions], grouped: Iterable[tuple[str, Groups]], *,
                 content_dir: Path | None, project_path: str | None, known: frozenset[str],
                 every_name: Callable[[], dict[str, Mentions]]) -> LiveCheck:
        """The state a check of the same files as of the same day left
        (aotext.lint_cache keeps it: each file's claim, problems, mentions and
        groups, `grouped` naming only the files in a group), without checking
        anything again: the documents may be stand-ins that read their files
        only when asked. Their mentions are only those among `known` (which
        holds every id there is), until a string outside it is looked for:
        then `every_name` gives them all."""
        live = cls.__new__(cls)
        live.content_dir, live.project_path, live.as_of, live._skipped = content_dir, project_path, as_of, frozenset()
        live._many_edits = False
        live.corpus = Corpus([item.document for item in loaded if item.document is not None],
                             {given: path for path, given in claims.items()})
        live._adopt(loaded, claims, own, ruled, named_index=False)
        live._dependents.restore(mentions, grouped, known, every_name)
        return live

    def for_many_edits(self) -> LiveCheck:
        """Index who names what once, for an editor's many edits (a restored
        check looks it up each time, which suits a lint of one or two files)."""
        self._dependents.index_names()
        self._many_edits = True
        return self

    def complete_mentions(self) -> None:
        """Know every string each file names, not only the ids (see `restored`)."""
        self._dependents.complete_mentions()

    def facts(self, path: str) -> Facts:
        """What is kept of one file to restore this state later."""
        dependents = self._dependents
        return Facts(self._own.get(path, []), self._ruled.get(path, []), frozenset(dependents.mentions.get(path, ())),
                     frozenset(dependents.groups.get(path, ())), self._claims.get(path))

    def claim(self, path: str) -> str | None:
        """The id a file that cannot be read seems to give."""
        return self._claims.get(path)

    @classmethod
    def read(cls, content_dir: Path, project: Loaded | None, as_of: dt.date, *, ignore: Iterable[str] = (),
             jobs: int | None = None, many_edits: bool = True, progress: Callable[[str], None] | None = None,
             files: list[str] | None = None) -> LiveCheck:
        """Read and check every document under `content_dir` (`files`, when
        they are listed already), and the project file (already read), as
        `aotext lint` does."""
        if files is None:
            files = document_names([content_dir], project.path if project is not None else None) \
                if content_dir.is_dir() else []
        announce(progress, len(files))
        loaded = read_all([Path(path) for path in files], jobs, keep_bodies=False, mentions=True)
        return cls([*loaded, *([project] if project is not None else [])], as_of, ignore, content_dir=content_dir,
                   project_path=project.path if project is not None else None, many_edits=many_edits)

    @property
    def paths(self) -> list[str]:
        """Every file read, in path order."""
        return sorted(self._files)

    def loaded(self, path: str) -> Loaded | None:
        return self._files.get(path)

    def problems(self, path: str) -> list[Problem]:
        """The problems of one file, as `aotext lint` lists them."""
        return sorted([*self._own.get(path, ()), *self._ruled.get(path, ())], key=lint_order)

    def all_problems(self) -> list[Problem]:
        return sorted([problem for found in (*self._own.values(), *self._ruled.values()) for problem in found],
                      key=lint_order)

    def update(self, item: Loaded, claim: str | None = None) -> set[str]:
        """Put a file's new reading in place (`claim`: the id an unreadable
        file seems to give); return the paths whose problems may have changed."""
        return self._replace(item.path, item, claim)

    def remove(self, path: str) -> set[str]:
        """The file is gone; return the paths whose problems may have changed."""
        return self._replace(path, None, None)

    def _replace(self, path: str, item: Loaded | None, claim: str | None) -> set[str]:
        before = self._files.get(path)
        old = before.document if before else None
        new = item.document if item else None
        if item is not None and new is None and claim is None:
            claim = claimed(item)
        if (old is not None and old.role == "project") or (new is not None and new.role == "project"):
            return self._reset(path, item)  # the project file can change what every rule says
        old_claim = self._claims.pop(path, None)
        if old_claim is not None and self.corpus.unreadable.get(old_claim) == path:
            del self.corpus.unreadable[old_claim]
        if claim is not None:
            self._claims[path] = claim
            self.corpus.unreadable[claim] = path
        self.corpus.replace(path, new)
        if item is None:
            self._files.pop(path, None)
            self._own.pop(path, None)
        else:
            self._files[path] = item
            self._own[path] = [problem for problem in item.problems if problem.rule not in self._skipped]
        mentions, groups = self._dependents.replace(path, item)
        ids = {value for value in (_id(old), _id(new), old_claim, claim) if value}
        focus = self._dependents.affected(path, ids, mentions, groups,
                                          _identity(old) != _identity(new) or old_claim != claim, old, new,
                                          corpus=self.corpus, ruled=self._ruled, files=self._files)
        self._recheck(focus)
        return focus | {path}

    def _reset(self, path: str, item: Loaded | None) -> set[str]:
        """Check everything again, from what is already read."""
        if item is None:
            self._files.pop(path, None)
        else:
            self._files[path] = item
        every = set(self._files) | set(self._own) | set(self._ruled)
        self._build(list(self._files.values()))
        return every | {path}

    def _recheck(self, focus: set[str]) -> None:
        found = focused_rules(self.corpus, self.as_of, self._skipped, focus)
        for path in focus:
            self._ruled.pop(path, None)
        for problem in found:
            self._ruled.setdefault(problem.path, []).append(problem)


def _by_path(problems: Iterable[Problem]) -> dict[str, list[Problem]]:
    found: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        found[problem.path].append(problem)
    return dict(found)


def _id(document: Document | None) -> str | None:
    return document.id if document is not None else None


def _identity(document: Document | None) -> tuple[object, ...] | None:
    """What other documents' problems can depend on besides what they name:
    whether it exists, its id, type and privacy."""
    return (document.id, document.type, document.private, document.role) if document is not None else None


def open_live(as_of: dt.date, project_file: Path | None = None, *, ignore: Iterable[str] = (),
              jobs: int | None = None) -> LiveCheck:
    """Read and check the repository in the working folder as `aotext lint`
    does, and keep it: its content folder and its project file, even one too
    broken to say where the content is (then the content is `content`).
    Where lint's cache holds this repository as of this day, start from it
    and read only what changed since (aotext.lint_cache)."""
    where = locate(project_file)
    if not isinstance(where, list) and not ignore:
        from aotext.lint_cache import live_from_cache  # it builds on this module

        cached = live_from_cache(where, as_of)
        if cached is not None:
            return cached.for_many_edits()
    if isinstance(where, list):
        project = read_and_check((project_file or Path(PROJECT_FILE)), project=True)
        return LiveCheck.read(Path(DEFAULT_CONTENT), project, as_of, ignore=ignore, jobs=jobs)
    return LiveCheck.read(where.content_dir, where.project, as_of, ignore=ignore, jobs=jobs)
