"""Everything `aotext build` does before rendering: read the project file,
lint the repository, choose the outputs, refuse those that would not hold
every document they should, and find the outputs it made before and no
longer makes.

A handout is built from all of its documents or refused: refused when a
document it takes has errors, when a file it would have taken could not be
read (or has an unknown type), or when the part of the project file that
shapes it has errors. An output refused, or no longer made, is removed from
the build folder, so that an old handout never passes for a current one
(nor keeps showing a plan since made private)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from aotext.corpus import Corpus
from aotext.documents.records import frozen
from aotext.handouts.fingerprint import input_files
from aotext.handouts.layouts import LAYOUTS, layout_named
from aotext.handouts.scope import (
    concerns,
    entries_of,
    first_errors,
    problem_key_path,
    stands_for_one_output,
    unread_files,
    would_take,
)
from aotext.handouts.select import Output, handout_outputs
from aotext.handouts.state import Made, Stale, made_outputs
from aotext.load import PROJECT_FILE
from aotext.model import ERROR, Problem
from aotext.project import Handout, Project, read_project
from aotext.repository import Repository, RepositoryError, open_repository
from aotext.rules import REGISTRY
from aotext.words import did_you_mean, plural


@frozen
class Refusal:
    """Outputs not built, and why."""

    handout: str
    # The files not built; none when they have no name yet (a plan that
    # cannot be read has no id to name its file).
    paths: tuple[Path, ...]
    # What is not built, in words, for when there are no paths.
    subject: str
    reason: str
    # The first error of each file that stopped it.
    problems: tuple[Problem, ...]
    # Every output of the handout is refused, whatever its name would be.
    whole: bool = False

    @property
    def subjects(self) -> list[str]:
        return [str(path) for path in self.paths] or [self.subject]


@dataclass
class Prepared:
    """What a build will do: the outputs to make, those refused and why, and those an earlier build made."""

    repository: Repository
    # Read tolerantly: None only when the project file cannot be read at all.
    project: Project | None
    outputs: list[Output] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    # Outputs made by an earlier build that this one does not make.
    stale: list[Stale] = field(default_factory=list)
    # Every output an earlier build made that is still there, by path, as its record says.
    made: dict[Path, Made] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def prepare(project_file: Path | None, output_dir: Path, as_of: dt.date, include_private: frozenset[str],
            only: tuple[str, ...] = (), keep_bodies: bool = True) -> Prepared:
    """Raises RepositoryError when the build cannot start. Without
    `keep_bodies` the documents' Markdown bodies are let go: enough to plan
    (`aotext build --list`), not to build."""
    repository = open_repository(as_of, project_file, require_project=True, keep_bodies=keep_bodies)
    corpus = repository.corpus
    where = repository.location
    document = corpus.project
    project = read_project(document, where.project_file.parent) if where and where.project_file and document else None
    prepared = Prepared(repository, project)
    prepared.made = {item.path: item for item in made_outputs(output_dir)}
    made = [item for item in prepared.made.values() if not only or item.handout in only]
    if project is None or document is None:
        named = project_file or PROJECT_FILE
        prepared.stale = [Stale(item, f"it is not rebuilt until {named} can be read") for item in made]
        return prepared
    unknown = sorted(set(only) - {handout.name for handout in project.handouts})
    if unknown:
        names = ", ".join(handout.name for handout in project.handouts)
        raise RepositoryError(f"no handout is called {', '.join(unknown)}; the handouts are: {names}")
    _check_included(corpus, include_private)
    _Chooser(prepared, project, document.path, output_dir, include_private).choose(only)
    prepared.stale = _stale(prepared, made, project)
    return prepared


def _check_included(corpus: Corpus, include_private: frozenset[str]) -> None:
    """Every private document named to be included exists and can be read:
    one no key here opens cannot be printed, and leaving it out would give a
    handout that looks whole without it."""
    for document_id in sorted(include_private):
        if corpus.find(document_id) is None and document_id in corpus.unreadable:
            raise RepositoryError(f"--include-private {document_id}: {corpus.unreadable[document_id]} seems to hold "
                                  "it, but aotext cannot read that file: fix what aotext lint says about it first")
        if corpus.find(document_id) is None:
            raise RepositoryError(f"--include-private {document_id}: no document has that id"
                                  f"{did_you_mean(document_id, [d.id for d in corpus.documents if d.private and d.id])}")
    closed = sorted(found.path for document_id in include_private if (found := corpus.find(document_id)) and found.sealed)
    if closed:
        from aotext.crypto.unopened import why_unopened

        raise RepositoryError(f"cannot include {_and(closed)}, which {'is' if len(closed) == 1 else 'are'} encrypted: "
                              f"{why_unopened()}. Nothing was built: build with a key that opens "
                              f"{'it' if len(closed) == 1 else 'them'}, or without --include-private")


class _Chooser:
    """Decides, handout by handout, which outputs are built and which refused."""

    def __init__(self, prepared: Prepared, project: Project, project_path: str, output_dir: Path,
                 include_private: frozenset[str]) -> None:
        self.prepared, self.project, self.project_path = prepared, project, project_path
        self.output_dir, self.include_private = output_dir, include_private
        self.printed: set[str] = set()  # the ids of the documents the chosen handouts print
        repository = prepared.repository
        problems = repository.lint.problems
        self.first = first_errors(problems)
        # A document read only for its title stops an output by an error outside its body.
        self.first_outside_body = first_errors(problem for problem in problems
                                               if not (problem.rule in REGISTRY and REGISTRY[problem.rule].body))
        self.counts = Counter(problem.path for problem in problems if problem.severity == ERROR)
        self.unread = unread_files(self.first, repository.corpus, project_path)
        document = repository.corpus.project
        assert document is not None  # prepare reads the project from it
        self.project_problems = [(problem, problem_key_path(problem, document)) for problem in problems
                                 if problem.path == project_path and problem.severity == ERROR]
        self.entries = entries_of(project, document.data)

    def choose(self, only: tuple[str, ...]) -> None:
        for handout in self.project.handouts:
            if not only or handout.name in only:
                self._handout(handout)
        if not only:
            self._unnamed_entries()
        # A private document named to be included that no handout takes would
        # be in none of them: say so, rather than build as if it were in.
        for document_id in sorted(self.include_private - self.printed):
            self.prepared.notes.append(
                f"--include-private {document_id}: no handout {'built here ' if only else ''}takes this document, "
                "so it is in none of them")

    def _handout(self, handout: Handout) -> None:
        prepared = self.prepared
        layout = LAYOUTS.get(handout.layout)
        mine = self.entries.get(handout.name, frozenset())
        stopping = sorted(problem for problem, key_path in self.project_problems
                          if concerns(key_path, mine, handout, layout))
        if stopping:
            outputs = self._outputs(handout)[0] if layout is not None else []
            reason = (f"not built: {self.project_path} has {plural(len(stopping), 'error')} in what this handout "
                      f"reads; fix {self.project_path} first")
            self._refuse(handout, outputs, f"handout '{handout.name}'", reason, stopping[:1], whole=True)
            return
        # A layout the project schema allows and aotext lacks is aotext's bug: layout_named says so.
        layout = layout_named(handout.layout)
        outputs, notes = self._outputs(handout)
        prepared.notes += notes
        self.printed.update(document.id for output in outputs for document in (*output.documents, *output.context)
                            if document.id)
        missing = [file for file in self.unread if would_take(handout, layout, file, self.project)]
        for file in missing:
            if stands_for_one_output(layout, file):
                self._refuse(handout, [], f"handout '{handout.name}' for {file.path}", self._reason([file.path]),
                             [self.first[file.path]])
        partial = [file.path for file in missing if not stands_for_one_output(layout, file)]
        if partial and not outputs:
            self._refuse(handout, [], f"handout '{handout.name}'", self._reason(partial), self._firsts(partial),
                         whole=True)
        by_content: dict[tuple[str, str], list[Output]] = {}
        for output in outputs:
            by_content.setdefault(output.content_key, []).append(output)
        for group in by_content.values():
            broken = sorted({d.path for d in group[0].documents if d.path in self.first}
                            | {d.path for d in group[0].context if d.path in self.first_outside_body} | set(partial))
            if broken:
                self._refuse(handout, group, f"handout '{handout.name}'", self._reason(broken), self._firsts(broken))
            else:
                prepared.outputs += group

    def _outputs(self, handout: Handout) -> tuple[list[Output], list[str]]:
        return handout_outputs(handout, self.project, self.prepared.repository.corpus, self.output_dir,
                               self.include_private)

    def _unnamed_entries(self) -> None:
        """Project errors in a handout entry too broken to be read as a handout (no name, say)."""
        known = {index for indexes in self.entries.values() for index in indexes}
        seen: set[int] = set()
        for problem, key_path in sorted(self.project_problems):
            match key_path:
                case ("handouts", int(index), *_) if index not in known and index not in seen:
                    seen.add(index)
                    self._refuse(None, [], f"the handout at {problem.path}:{problem.line}",
                                 f"not built: fix {self.project_path} first", [problem])

    def _reason(self, paths: list[str]) -> str:
        named = ", ".join(f"{path} ({plural(self.counts[path], 'error')})" for path in paths)
        return f"not built from documents with errors: {named}; run aotext lint to see them"

    def _firsts(self, paths: list[str]) -> list[Problem]:
        return [self.first[path] for path in paths]

    def _refuse(self, handout: Handout | None, outputs: list[Output], subject: str, reason: str,
                problems: list[Problem], whole: bool = False) -> None:
        self.prepared.refused.append(Refusal(handout.name if handout else "", tuple(o.path for o in outputs),
                                             subject, reason, tuple(problems), whole))


def _stale(prepared: Prepared, made: list[Made], project: Project) -> list[Stale]:
    """The outputs made before that this build does not make, each with why."""
    made_now = {output.path for output in prepared.outputs}
    stopped_by: dict[object, set[str]] = {}  # an output's path, or a handout's name -> the files that stop it
    for refusal in prepared.refused:
        files = {problem.path for problem in refusal.problems}
        for key in (*refusal.paths, *([refusal.handout] if refusal.whole else [])):
            stopped_by.setdefault(key, set()).update(files)
    broken = {problem.path for problem in prepared.repository.lint.problems if problem.severity == ERROR}
    stale = []
    for item in made:
        if item.path in made_now:
            continue
        handout = project.handout(item.handout) if item.handout else None
        stopping = stopped_by.get(item.path) or input_files(item.inputs) & broken or stopped_by.get(item.handout)
        if stopping:
            reason = f"it is out of date, and is not rebuilt until {_and(sorted(stopping))} {'is' if len(stopping) == 1 else 'are'} fixed"
        elif item.handout and handout is None:
            reason = f"its handout '{item.handout}' is no longer in the project file"
        elif handout is None:
            reason = "aotext no longer makes it"
        elif item.path.suffix.removeprefix(".") not in handout.formats:
            reason = f"handout '{handout.name}' is no longer made as {item.path.suffix.removeprefix('.')}"
        elif layout_named(handout.layout).per_plan:
            reason = "its plan is no longer built (renamed, deleted, private or unreadable)"
        else:
            reason = f"handout '{handout.name}' takes no document now (they are private, or none matches its selection)"
        stale.append(Stale(item, reason))
    return stale


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"

