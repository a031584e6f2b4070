"""A repository held in memory and re-checked one edit at a time: what
`aotext lsp` answers an editor from.

An edit re-reads only the file edited and re-runs the corpus's rules only
for the documents whose problems it can change (`affected`), with the
corpus focused on them (aotext.corpus): every lookup still sees the whole
repository, so what is reported for those documents is exactly what a full
`aotext lint` reports (tests/test_incremental.py checks it edit by edit).
The problems of every other document stay as they were.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from aotext import collector
from aotext.corpus import Corpus
from aotext.discover import document_names
from aotext.documents.document import Document
from aotext.documents.types.conversation import Conversation
from aotext.documents.types.reflection import Reflection
from aotext.lint import announce, assemble, claimed, focused_rules, lint_order, read_all, read_and_check, run_rules
from aotext.load import PROJECT_FILE, Loaded
from aotext.model import Problem
from aotext.people import name_key, written_names
from aotext.project import DEFAULT_CONTENT
from aotext.repository import locate

# Rules that compare the documents of these types with each other (worksheet
# numbering, unused questions, module order, the agenda): when one changes,
# all of them are checked again. There are a few dozen at most.
WORKSHOP_TYPES = frozenset({"module", "question"})
# Findings that name ids the user may have meant: they change when an id appears or goes.
SUGGESTING_RULES = frozenset({"unknown-reference", "broken-reference"})

Group = tuple[str, str]
# The strings a file names, and its groups: sets as a check finds them;
# tuples as lint's cache restores them (unpacking a tuple hashes nothing, a
# set hashes every string: half of reading the cache's index).
Mentions = frozenset[str] | tuple[str, ...]
Groups = frozenset[Group] | tuple[Group, ...]


@dataclass(frozen=True)
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
                self._index(item)

    def _adopt(self, loaded: Sequence[Loaded], claims: dict[str, str], own: dict[str, list[Problem]],
               ruled: dict[str, list[Problem]], named_index: bool = True) -> None:
        self._files = {item.path: item for item in loaded}
        self._folded: dict[str, set[str]] | None = None  # see `_namesakes`
        self._claims, self._own, self._ruled = claims, own, ruled
        self._mentions: dict[str, Mentions] = {}
        # Which files name a string: kept for an editor's many edits; a lint
        # that re-checks one or two files looks through `_mentions` instead,
        # which costs less than making the index (see `_naming`).
        self._mentioned_by: dict[str, set[str]] | None = defaultdict(set) if named_index else None
        self._groups: dict[str, Groups] = {}
        self._members: dict[Group, set[str]] = defaultdict(set)
        # The files whose mentions are known only among `_known` (a check restored from lint's cache).
        self._partial: set[str] = set()
        self._known: frozenset[str] = frozenset()
        self._every_name: Callable[[], dict[str, Mentions]] = dict

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
        live._mentions = mentions
        for path, groups in grouped:
            live._remember(path, mentions[path], groups)
        live._partial, live._known, live._every_name = set(mentions), known, every_name
        return live

    def for_many_edits(self) -> LiveCheck:
        """Index who names what once, for an editor's many edits (a restored
        check looks it up each time, which suits a lint of one or two files)."""
        if self._mentioned_by is None:
            self._mentioned_by = defaultdict(set)
            for path, mentions in self._mentions.items():
                for value in mentions:
                    self._mentioned_by[value].add(path)
        self._many_edits = True
        return self

    def complete_mentions(self) -> None:
        """Know every string each file names, not only the ids (see `restored`)."""
        if self._partial:
            every = self._every_name()
            for path in self._partial:
                self._mentions[path] = every.get(path, frozenset())
            self._partial = set()

    def facts(self, path: str) -> Facts:
        """What is kept of one file to restore this state later."""
        return Facts(self._own.get(path, []), self._ruled.get(path, []), frozenset(self._mentions.get(path, ())),
                     frozenset(self._groups.get(path, ())), self._claims.get(path))

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
            if self._folded is not None:
                self._folded.get(path.casefold(), set()).discard(path)
        else:
            self._files[path] = item
            if self._folded is not None:
                self._folded.setdefault(path.casefold(), set()).add(path)
            self._own[path] = [problem for problem in item.problems if problem.rule not in self._skipped]
        old_mentions, old_groups = self._unindex(path)
        if item is not None:
            self._index(item)
        ids = {value for value in (_id(old), _id(new), old_claim, claim) if value}
        focus = self._affected(path, ids, old_mentions.union(self._mentions.get(path, ())),
                               old_groups.union(self._groups.get(path, ())),
                               _identity(old) != _identity(new) or old_claim != claim, old, new)
        self._recheck(focus)
        return focus | {path}

    def _reset(self, path: str, item: Loaded | None) -> set[str]:
        """Check everything again, from what is already read."""
        if item is None:
            self._files.pop(path, None)
        else:
            self._files[path] = item
        self._folded = None
        every = set(self._files) | set(self._own) | set(self._ruled)
        self._build(list(self._files.values()))
        return every | {path}

    def _namesakes(self, path: str) -> set[str]:
        """The files whose names differ from `path`'s only in capitals (itself
        among them, if it is there), indexed at the first edit that asks."""
        if self._folded is None:
            self._folded = defaultdict(set)
            for found in self._files:
                self._folded[found.casefold()].add(found)
        return self._folded.get(path.casefold(), set())

    def _index(self, item: Loaded) -> None:
        document = item.document
        mentions = item.mentions if item.mentions is not None else (
            document.mentions() if document is not None else frozenset())
        self._remember(item.path, mentions, _groups(document))

    def _remember(self, path: str, mentions: Mentions, groups: Groups) -> None:
        self._mentions[path], self._groups[path] = mentions, groups
        if self._mentioned_by is not None:
            for value in mentions:
                self._mentioned_by[value].add(path)
        for group in groups:
            self._members[group].add(path)

    def _unindex(self, path: str) -> tuple[frozenset[str], frozenset[Group]]:
        self._partial.discard(path)  # what it named among the ids: as much as an edit needs of it
        mentions = frozenset(self._mentions.pop(path, ()))
        groups = frozenset(self._groups.pop(path, ()))
        if self._mentioned_by is not None:
            for value in mentions:
                self._mentioned_by[value].discard(path)
        for group in groups:
            self._members[group].discard(path)
        return mentions, groups

    def _naming(self, value: str) -> Iterable[str]:
        """The files whose front matter names `value`."""
        if self._mentioned_by is not None:
            return self._mentioned_by.get(value, ())
        if value not in self._known:
            self.complete_mentions()
        return [path for path, mentions in self._mentions.items() if value in mentions]

    def _affected(self, path: str, ids: set[str], mentions: frozenset[str], groups: frozenset[Group],
                  identity_changed: bool, old: Document | None, new: Document | None) -> set[str]:
        """The documents whose problems an edit of `path` can change: itself;
        those sharing its id; those naming its id (references, a plan's logs);
        those whose id it names (a log's plan); those it is compared with (its
        group); and, when an id or type appears or goes, those whose findings
        suggest ids, and the project file (its handouts take documents by id,
        type and folder). Each document's group comes too, so a rule that
        compares a group sees all of it, and so do the files whose names
        differ from its own only in capitals (file-name-case)."""
        focus = {path}
        for value in ids:
            focus.update(document.path for document in self.corpus.by_id.get(value, ()))
            focus.update(self._naming(value))
        for value in mentions:
            focus.update(document.path for document in self.corpus.by_id.get(value, ()))
        for group in groups:
            focus.update(self._members.get(group, ()))
        focus.update(self._namesakes(path))  # one that went is compared no more, and its namesakes know it
        if identity_changed:
            focus.update(found for found, problems in self._ruled.items()
                         if any(problem.rule in SUGGESTING_RULES for problem in problems))
        project = self.corpus.project
        if project is not None and (identity_changed or any(
                document is not None and document.type in WORKSHOP_TYPES for document in (old, new))):
            focus.add(project.path)
        for member in list(focus):
            for group in self._groups.get(member, ()):
                focus.update(self._members[group])
        for member in list(focus):
            focus.update(self._namesakes(member))
        return focus

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


def _groups(document: Document | None) -> frozenset[Group]:
    """The groups a document is compared within: the workshop's modules and
    questions; the notes that share a pseudonym or a person, and those that
    name an organizer, whose spellings of the name are compared (aotext.people);
    a plan's logs of one day, of which same-day-logs reports the later."""
    if document is None:
        return frozenset()
    if document.type in WORKSHOP_TYPES:
        return frozenset({("workshop", "")})
    view = document.view
    if isinstance(view, Reflection):
        return frozenset({("log-day", f"{view.plan} {view.date}")}) if view.plan and view.date else frozenset()
    if isinstance(view, Conversation):
        shared = {(key, value.casefold()) for key, value in (("pseudonym", view.pseudonym), ("person", view.person))
                  if value}
        return frozenset(shared | {("organizer", name_key(name)) for _, name in written_names(view)})
    return frozenset()


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
