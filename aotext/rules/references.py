"""Rules about references: every id a document names must exist and be of the
right kind (a plan names a scenario, a strategy serves goals, ...). Which
top-level keys name which type is declared by each document type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from aotext.corpus import Corpus
from aotext.documents import fields
from aotext.documents.document import Document
from aotext.documents.types import TYPES
from aotext.documents.types.base import Reference
from aotext.documents.types.module import Module
from aotext.documents.types.plan import Plan
from aotext.documents.types.question import Question
from aotext.documents.types.reflection import Reflection
from aotext.documents.types.role_card import RoleCard
from aotext.project import day_entries
from aotext.rules.base import Finding, rule
from aotext.words import did_you_mean


def _document_references(corpus: Corpus) -> Iterator[tuple[str, Finding]]:
    # Type by type, so that the documents of the types that name nothing (a
    # question, a module) are not visited: half the time at 50,000 documents.
    for kind in TYPES.values():
        for document in corpus.of_type(kind.name) if kind.references else ():
            yield from _named_by(corpus, document, kind.references)


def _named_by(corpus: Corpus, document: Document, references: tuple[Reference, ...]) -> Iterator[tuple[str, Finding]]:
    """The problems of what one document's top-level keys name."""
    data = document.data
    for reference in references:
        value, wanted = data.get(reference.key), reference.target
        if not isinstance(value, str):
            continue
        target = corpus.find(value)
        if target is not None and target.type == wanted:
            continue  # nearly every reference: named rightly
        if target is None and value in corpus.unreadable:
            yield "broken-reference", (document, (reference.key,), _in_broken_file(corpus, value))
        elif target is None:
            yield "unknown-reference", (document, (reference.key,), (
                f"there is no {wanted} with the id '{value}'{corpus.suggestions(wanted).did_you_mean(value)}; "
                f"check the spelling, or whether the {wanted} was renamed"
            ))
        elif not _may_be(target, wanted):
            yield "wrong-reference-type", (document, (reference.key,), (
                f"'{value}' is {_is_a(target)}, but '{reference.key}' must name a {wanted}{_unless(target, wanted)}"
            ))


def _may_be(target: Document, wanted: str) -> bool:
    """Whether `target` is, or for all anyone here can tell may be, a `wanted`.
    An encrypted document no key here opens is known only by its folder: in
    no type's folder it may be anything (lint reports that at the file)."""
    return target.type == wanted or (target.sealed and target.type is None)


def _is_a(target: Document) -> str:
    """What `target` is, saying no more than is known."""
    if target.sealed:
        return f"an encrypted document in the folder of {target.type} documents ({target.path})"
    return f"a {target.type} ({target.path})"


def _unless(target: Document, wanted: str) -> str:
    """For an encrypted document known by its folder: it may be misplaced rather than misnamed."""
    if not target.sealed or wanted not in TYPES:
        return ""
    return (f"; correct the id, or, if it is a {wanted}, someone with a key must move it into "
            f"'{TYPES[wanted].folder}/'")


def _in_broken_file(corpus: Corpus, value: str) -> str:
    return (f"'{value}' seems to be in {corpus.unreadable[value]}, which aotext cannot read because of the "
            "problems listed for it above: fix that file first")


def _plan_references(corpus: Corpus) -> Iterator[tuple[str, Finding]]:
    for plan in corpus.all(Plan):
        parts = plan.parts_by_id
        for part in plan.parts:
            key, kinds = part.link_key, part.links_to
            if key is None:
                continue
            owner = part.id or f"{part.section}[{part.index}]"
            allowed = " or ".join(kinds)
            for position, target in part.links_at:
                where = (part.section, part.index, key, position)
                found = parts.get(target)
                if found is None:
                    candidates = [other for other, named in parts.items() if named.kind in kinds]
                    yield "unknown-reference", (plan.source, where, (
                        f"'{owner}' {key} '{target}', but this plan has no {allowed} with that id"
                        f"{did_you_mean(target, candidates)}"
                    ))
                elif found.kind not in kinds:
                    yield "wrong-reference-type", (plan.source, where, (
                        f"'{owner}' {key} '{target}', which is a {found.kind}; it must name a {allowed}"
                    ))


def _reflection_references(corpus: Corpus) -> Iterator[tuple[str, Finding]]:
    for reflection in corpus.all(Reflection):
        plan = corpus.find_view(reflection.plan, Plan)
        if plan is None:
            continue  # the plan reference itself is reported above
        for measurement in reflection.measurements:
            target = measurement.benchmark
            if target and plan.benchmark(target) is None:
                benchmarks = [b.id for b in plan.benchmarks if b.id]
                yield "unknown-reference", (reflection.source, ("measurements", measurement.index, "benchmark"), (
                    f"plan '{plan.id}' has no benchmark '{target}'{did_you_mean(target, benchmarks)}"
                ))
        for change in reflection.changes:
            if change.to and plan.part(change.to) is None:
                part_ids = [part.id for part in plan.parts if part.id]
                yield "unknown-reference", (reflection.source, ("changes", change.index, "to"), (
                    f"plan '{plan.id}' has no goal, strategy, tactic or benchmark '{change.to}'"
                    f"{did_you_mean(change.to, part_ids)}"
                ))


def _activity_references(corpus: Corpus) -> Iterator[tuple[str, Finding]]:
    modules = corpus.all(Module)
    numbers = {question.number for question in corpus.all_everywhere(Question)} if modules else set()
    for module in modules:
        for activity in module.activities:
            for position, number in activity.questions_at:
                if number not in numbers:
                    yield "unknown-reference", (module.source, ("activities", activity.index, "questions", position), (
                        f"activity '{activity.id or activity.index}' uses worksheet question {number}, "
                        "but no question document has that number"
                    ))


def _role_card_references(corpus: Corpus) -> Iterator[tuple[str, Finding]]:
    """A role card's activity is one of its module's (the module itself is checked above)."""
    for card in corpus.all(RoleCard):
        module = corpus.find_view(card.module, Module)
        if module is None or card.activity is None:
            continue
        ids = [activity.id for activity in module.activities if activity.id]
        if card.activity not in ids:
            yield "unknown-reference", (card.source, ("activity",), (
                f"module '{module.id}' has no activity '{card.activity}'{did_you_mean(card.activity, ids)}; "
                f"its activities are {', '.join(ids) or 'none'}"))


def _project_references(corpus: Corpus) -> Iterator[tuple[str, Finding]]:
    project = corpus.checked_project
    if project is None:
        return
    modules = [d.id for d in corpus.every_of_type("module") if d.id]
    for index, day in day_entries(project.data):
        for position, module_id in fields.indexed_texts(day, "modules"):
            target = corpus.find(module_id)
            where = ("workshop", "days", index, "modules", position)
            if target is None and module_id in corpus.unreadable:
                yield "broken-reference", (project, where, _in_broken_file(corpus, module_id))
            elif target is None:
                yield "unknown-reference", (project, where, f"there is no module with the id '{module_id}'{did_you_mean(module_id, modules)}")
            elif not _may_be(target, "module"):
                yield "wrong-reference-type", (project, where, (
                    f"'{module_id}' is {_is_a(target)}, but a day lists modules{_unless(target, 'module')}"))
    for index, handout in fields.items(project.data, "handouts"):
        for position, document_id in fields.indexed_texts(fields.mapping(handout, "documents"), "ids"):
            if corpus.find(document_id) is None and document_id in corpus.unreadable:
                yield "broken-reference", (project, ("handouts", index, "documents", "ids", position),
                                           _in_broken_file(corpus, document_id))
            elif corpus.find(document_id) is None:
                yield "unknown-reference", (project, ("handouts", index, "documents", "ids", position), (
                    f"handout '{handout.get('name')}' takes '{document_id}', but no document has that id"
                    f"{did_you_mean(document_id, corpus.by_id)}"
                ))


def _all(corpus: Corpus) -> Iterator[tuple[str, Finding]]:
    yield from _project_references(corpus)
    yield from _document_references(corpus)
    yield from _plan_references(corpus)
    yield from _reflection_references(corpus)
    yield from _activity_references(corpus)
    yield from _role_card_references(corpus)


def _references(corpus: Corpus) -> list[tuple[str, Finding]]:
    """Both reference rules' findings, worked out in one pass."""
    return corpus.memo("references", lambda: list(_all(corpus)))


@rule("unknown-reference", "a document names an id that does not exist (a typo, or something renamed)")
def unknown_reference(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    return (finding for rule_id, finding in _references(corpus) if rule_id == "unknown-reference")


@rule("wrong-reference-type", "a document names an id of the wrong kind (a plan where a scenario belongs)")
def wrong_reference_type(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    return (finding for rule_id, finding in _references(corpus) if rule_id == "wrong-reference-type")


@rule("broken-reference", "a document names an id that is in a file aotext cannot read (fix that file first)",
      knock_on=True)
def broken_reference(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    return (finding for rule_id, finding in _references(corpus) if rule_id == "broken-reference")
