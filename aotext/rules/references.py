"""Rules about references: every id a document names must exist and be of the
right kind (a plan names a scenario, a strategy serves goals, ...)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from aotext.corpus import Corpus, entries, id_list, plan_parts, text
from aotext.model import Document, KeyPath
from aotext.project import day_entries
from aotext.rules.base import Finding, rule
from aotext.words import did_you_mean

# (document type, key) -> the type of document that key names.
_DOCUMENT_REFERENCES = {
    ("plan", "scenario"): "scenario",
    ("reflection", "plan"): "plan",
    ("question", "module"): "module",
    ("conversation", "scenario"): "scenario",
    ("conversation", "plan"): "plan",
}
# plan section -> (key holding ids, kinds of plan part those ids may name)
_PLAN_REFERENCES = {
    "strategies": ("serves", ("goal",)),
    "tactics": ("serves", ("strategy",)),
    "benchmarks": ("measures", ("tactic", "strategy")),
}


def _resolve(corpus: Corpus, document: Document, key_path: KeyPath, wanted: str) -> tuple[str, str] | None:
    """(rule, message) when the id at `key_path` does not name a `wanted` document."""
    value = document.data.get(key_path[0])
    if not isinstance(value, str):
        return None
    target = corpus.find(value)
    if target is None:
        candidates = [d.id for d in corpus.of_type(wanted) if d.id]
        return "unknown-reference", (
            f"there is no {wanted} with the id '{value}'{did_you_mean(value, candidates)}; "
            f"check the spelling, or whether the {wanted} was renamed"
        )
    if target.type != wanted:
        return "wrong-reference-type", f"'{value}' is a {target.type} ({target.path}), but '{key_path[0]}' must name a {wanted}"
    return None


def _document_references(corpus: Corpus) -> Iterator[tuple[str, Finding]]:
    for document in corpus.documents:
        for (type_name, key), wanted in _DOCUMENT_REFERENCES.items():
            if document.type == type_name:
                found = _resolve(corpus, document, (key,), wanted)
                if found:
                    yield found[0], (document, (key,), found[1])


def _plan_references(corpus: Corpus) -> Iterator[tuple[str, Finding]]:
    for plan in corpus.of_type("plan"):
        parts = plan_parts(corpus, plan)
        for section, (key, kinds) in _PLAN_REFERENCES.items():
            allowed = " or ".join(kinds)
            for index, item in entries(plan.data, section):
                owner = text(item, "id") or f"{section}[{index}]"
                for position, target in id_list(item, key):
                    where = (section, index, key, position)
                    if target not in parts:
                        candidates = [part for part, (kind, _) in parts.items() if kind in kinds]
                        yield "unknown-reference", (plan, where, (
                            f"'{owner}' {key} '{target}', but this plan has no {allowed} with that id"
                            f"{did_you_mean(target, candidates)}"
                        ))
                    elif parts[target][0] not in kinds:
                        yield "wrong-reference-type", (plan, where, (
                            f"'{owner}' {key} '{target}', which is a {parts[target][0]}; it must name a {allowed}"
                        ))


def _reflection_references(corpus: Corpus) -> Iterator[tuple[str, Finding]]:
    for reflection in corpus.of_type("reflection"):
        plan = corpus.plan_of(reflection)
        if plan is None:
            continue  # the plan reference itself is reported above
        plan_id = plan.id
        parts = plan_parts(corpus, plan)
        benchmarks = [part for part, (kind, _) in parts.items() if kind == "benchmark"]
        for index, item in entries(reflection.data, "measurements"):
            target = text(item, "benchmark")
            if target and parts.get(target, ("",))[0] != "benchmark":
                yield "unknown-reference", (reflection, ("measurements", index, "benchmark"), (
                    f"plan '{plan_id}' has no benchmark '{target}'{did_you_mean(target, benchmarks)}"
                ))
        for index, item in entries(reflection.data, "changes"):
            target = text(item, "to")
            if target and target not in parts:
                yield "unknown-reference", (reflection, ("changes", index, "to"), (
                    f"plan '{plan_id}' has no goal, strategy, tactic or benchmark '{target}'{did_you_mean(target, parts)}"
                ))


def _activity_references(corpus: Corpus) -> Iterator[tuple[str, Finding]]:
    numbers = {d.data.get("number") for d in corpus.of_type("question")}
    for module in corpus.of_type("module"):
        for index, activity in entries(module.data, "activities"):
            questions = activity.get("questions")
            if not isinstance(questions, list):
                continue
            for position, number in enumerate(questions):
                if isinstance(number, int) and number not in numbers:
                    yield "unknown-reference", (module, ("activities", index, "questions", position), (
                        f"activity '{text(activity, 'id') or index}' uses worksheet question {number}, "
                        "but no question document has that number"
                    ))


def _project_references(corpus: Corpus) -> Iterator[tuple[str, Finding]]:
    project = corpus.project
    if project is None:
        return
    modules = [d.id for d in corpus.of_type("module") if d.id]
    for index, day in day_entries(project.data):
        for position, module_id in id_list(day, "modules"):
            target = corpus.find(module_id)
            where = ("workshop", "days", index, "modules", position)
            if target is None:
                yield "unknown-reference", (project, where, f"there is no module with the id '{module_id}'{did_you_mean(module_id, modules)}")
            elif target.type != "module":
                yield "wrong-reference-type", (project, where, f"'{module_id}' is a {target.type}, but a day lists modules")
    for index, handout in entries(project.data, "handouts"):
        documents = handout.get("documents")
        for position, document_id in id_list(documents if isinstance(documents, dict) else {}, "ids"):
            if corpus.find(document_id) is None:
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


def _references(corpus: Corpus) -> list[tuple[str, Finding]]:
    """Both reference rules' findings, worked out in one pass."""
    return corpus.memo("references", lambda: list(_all(corpus)))


@rule("unknown-reference", "a document names an id that does not exist (a typo, or something renamed)")
def unknown_reference(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    return (finding for rule_id, finding in _references(corpus) if rule_id == "unknown-reference")


@rule("wrong-reference-type", "a document names an id of the wrong kind (a plan where a scenario belongs)")
def wrong_reference_type(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    return (finding for rule_id, finding in _references(corpus) if rule_id == "wrong-reference-type")
