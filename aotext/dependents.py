"""Which files' problems an edit of one file can change: the documents
aotext.incremental checks again after the edit, every other file's problems
staying as they were.

A document's problems depend on more than its own text: on the documents
that share its id, name it or are named by it, on those a rule compares it
with (its group), on the files whose names differ from its own only in
capitals and, when an id or a type appears or goes, on those whose findings
suggest ids and on the project file. `Dependents` keeps what each file names
and the groups it is in, updated edit by edit, so that an edit finds them
without looking through every document; tests/test_incremental.py checks,
edit by edit, that re-checking them gives what a full `aotext lint` gives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.types.conversation import Conversation
from aotext.documents.types.reflection import Reflection
from aotext.load import Loaded
from aotext.model import Problem
from aotext.people import name_key, written_names

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


class Dependents:
    """What each file names and the groups it is in, kept up to date edit by
    edit, and from them the files an edit can affect (`affected`)."""

    def __init__(self, named_index: bool) -> None:
        """`named_index`: index which files name each string from the start (see `_naming`)."""
        self._folded: dict[str, set[str]] | None = None  # see `_namesakes`
        self.mentions: dict[str, Mentions] = {}
        # Which files name a string: kept for an editor's many edits; a lint
        # that re-checks one or two files looks through `mentions` instead,
        # which costs less than making the index (see `_naming`).
        self._mentioned_by: dict[str, set[str]] | None = defaultdict(set) if named_index else None
        self.groups: dict[str, Groups] = {}
        self._members: dict[Group, set[str]] = defaultdict(set)
        # The files whose mentions are known only among `_known` (a check restored from lint's cache).
        self._partial: set[str] = set()
        self._known: frozenset[str] = frozenset()
        self._every_name: Callable[[], dict[str, Mentions]] = dict

    def restore(self, mentions: dict[str, Mentions], grouped: Iterable[tuple[str, Groups]], known: frozenset[str],
                every_name: Callable[[], dict[str, Mentions]]) -> None:
        """Start from what lint's cache kept (aotext.incremental's
        `LiveCheck.restored`): each file's mentions, only those among `known`
        until a string outside it is looked for, and the groups of the files
        in one."""
        self.mentions = mentions
        for path, groups in grouped:
            self._remember(path, mentions[path], groups)
        self._partial, self._known, self._every_name = set(mentions), known, every_name

    def index_names(self) -> None:
        """Index which files name each string, if that is not indexed yet (see `_naming`)."""
        if self._mentioned_by is None:
            self._mentioned_by = defaultdict(set)
            for path, mentions in self.mentions.items():
                for value in mentions:
                    self._mentioned_by[value].add(path)

    def complete_mentions(self) -> None:
        """Know every string each file names, not only the ids (see `restore`)."""
        if self._partial:
            every = self._every_name()
            for path in self._partial:
                self.mentions[path] = every.get(path, frozenset())
            self._partial = set()

    def index(self, item: Loaded) -> None:
        document = item.document
        mentions = item.mentions if item.mentions is not None else (
            document.mentions() if document is not None else frozenset())
        self._remember(item.path, mentions, _groups(document))

    def replace(self, path: str, item: Loaded | None) -> tuple[frozenset[str], frozenset[Group]]:
        """Index a file's new reading (`item`; None: the file is gone) in
        place of its old one; return what either reading names, and the
        groups either is in."""
        if self._folded is not None:
            if item is None:
                self._folded.get(path.casefold(), set()).discard(path)
            else:
                self._folded.setdefault(path.casefold(), set()).add(path)
        old_mentions, old_groups = self._unindex(path)
        if item is not None:
            self.index(item)
        return old_mentions.union(self.mentions.get(path, ())), old_groups.union(self.groups.get(path, ()))

    def affected(self, path: str, ids: set[str], mentions: frozenset[str], groups: frozenset[Group],
                 identity_changed: bool, old: Document | None, new: Document | None, *,
                 corpus: Corpus, ruled: Mapping[str, list[Problem]], files: Iterable[str]) -> set[str]:
        """The documents whose problems an edit of `path` can change: itself;
        those sharing its id; those naming its id (references, a plan's logs);
        those whose id it names (a log's plan); those it is compared with (its
        group); and, when an id or type appears or goes, those whose findings
        suggest ids, and the project file (its handouts take documents by id,
        type and folder). Each document's group comes too, so a rule that
        compares a group sees all of it, and so do the files whose names
        differ from its own only in capitals (file-name-case). `ruled`: the
        problems the corpus's rules found in each file; `files`: every file read."""
        focus = {path}
        for value in ids:
            focus.update(document.path for document in corpus.by_id.get(value, ()))
            focus.update(self._naming(value))
        for value in mentions:
            focus.update(document.path for document in corpus.by_id.get(value, ()))
        for group in groups:
            focus.update(self._members.get(group, ()))
        focus.update(self._namesakes(path, files))  # one that went is compared no more, and its namesakes know it
        if identity_changed:
            focus.update(found for found, problems in ruled.items()
                         if any(problem.rule in SUGGESTING_RULES for problem in problems))
        project = corpus.project
        if project is not None and (identity_changed or any(
                document is not None and document.type in WORKSHOP_TYPES for document in (old, new))):
            focus.add(project.path)
        for member in list(focus):
            for group in self.groups.get(member, ()):
                focus.update(self._members[group])
        for member in list(focus):
            focus.update(self._namesakes(member, files))
        return focus

    def _namesakes(self, path: str, files: Iterable[str]) -> set[str]:
        """The files whose names differ from `path`'s only in capitals (itself
        among them, if it is there), indexed at the first edit that asks."""
        if self._folded is None:
            self._folded = defaultdict(set)
            for found in files:
                self._folded[found.casefold()].add(found)
        return self._folded.get(path.casefold(), set())

    def _remember(self, path: str, mentions: Mentions, groups: Groups) -> None:
        self.mentions[path], self.groups[path] = mentions, groups
        if self._mentioned_by is not None:
            for value in mentions:
                self._mentioned_by[value].add(path)
        for group in groups:
            self._members[group].add(path)

    def _unindex(self, path: str) -> tuple[frozenset[str], frozenset[Group]]:
        self._partial.discard(path)  # what it named among the ids: as much as an edit needs of it
        mentions = frozenset(self.mentions.pop(path, ()))
        groups = frozenset(self.groups.pop(path, ()))
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
        return [path for path, mentions in self.mentions.items() if value in mentions]


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
