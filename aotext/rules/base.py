"""What a rule is, and the registry every rule joins.

A rule is a function of the whole corpus (and the as-of date) that yields
findings; the linter stamps the rule id and severity and turns each finding's
key path into a line and column, so rules stay small and pure. A rule, or
the part of a rule, that needs nothing but one document (its front matter
and where its file is) is a document rule instead: it runs where the
document is read, beside its schema check, in the process that read it (so
lint's copies share that work), and what it finds is kept with the file's
own problems (lint's cache, the editor).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TypeVar

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.records import frozen
from aotext.documents.types.base import View
from aotext.model import ERROR, KeyPath, Severity

Finding = tuple[Document, KeyPath, str]
Check = Callable[[Corpus, dt.date], Iterable[Finding]]
# What a document rule finds in one document: where, and what to say.
Found = tuple[KeyPath, str]
Alone = Callable[[Document], Iterable[Found]]
V = TypeVar("V", bound=View)
# The same, of one document of a type, given its typed view.
ViewCheck = Callable[[V], Iterable[Found]]


@frozen
class Rule:
    """One lint rule: its id, severity and summary, and how it checks (`check`, `alone`) or None when the reading reports it."""

    id: str
    severity: Severity
    summary: str
    check: Check | None = None  # None: reported while reading files, not by a check of the corpus
    # Its findings follow from another file's problem, so they are listed after all others.
    knock_on: bool = False
    # It checks the Markdown body, which a handout reading the document only
    # for its title (a worksheet's module headings) does not print.
    body: bool = False
    # Its checks of one document, run where the document is read: each of
    # the documents of one type (the type's name), or of every document (None).
    alone: tuple[tuple[str | None, Alone], ...] = ()


REGISTRY: dict[str, Rule] = {}


def declare(rule_id: str, summary: str, severity: Severity = ERROR, body: bool = False) -> None:
    """Register a rule that the loader, the schema check or the body check reports."""
    REGISTRY[rule_id] = Rule(rule_id, severity, summary, body=body)


def rule(rule_id: str, summary: str, severity: Severity = ERROR, knock_on: bool = False) -> Callable[[Check], Check]:
    """Register a check function under `rule_id`."""

    def register(check: Check) -> Check:
        REGISTRY[rule_id] = Rule(rule_id, severity, summary, check, knock_on)
        return check

    return register


def document_rule(rule_id: str, summary: str, severity: Severity = ERROR) -> Callable[[Alone], Alone]:
    """Register a check of every document on its own under `rule_id`."""

    def register(check: Alone) -> Alone:
        REGISTRY[rule_id] = Rule(rule_id, severity, summary, alone=((None, check),))
        return check

    return register


def view_rule(rule_id: str, view: type[V], summary: str,
              severity: Severity = ERROR) -> Callable[[ViewCheck[V]], ViewCheck[V]]:
    """Register a check of each document of one type on its own (given its
    typed view, a `view`) under `rule_id`."""

    def register(check: ViewCheck[V]) -> ViewCheck[V]:
        REGISTRY[rule_id] = Rule(rule_id, severity, summary, alone=((view.type_name, _of_view(view, check)),))
        return check

    return register


def view_part(rule_id: str, view: type[V]) -> Callable[[ViewCheck[V]], ViewCheck[V]]:
    """Register the part of the rule `rule_id` (registered already, with its
    check of the corpus) that needs one document of one type alone, given
    its typed view: that part runs where the document is read."""

    def register(check: ViewCheck[V]) -> ViewCheck[V]:
        known = REGISTRY[rule_id]
        REGISTRY[rule_id] = replace(known, alone=(*known.alone, (view.type_name, _of_view(view, check))))
        return check

    return register


def _of_view(view: type[V], check: ViewCheck[V]) -> Alone:
    def alone(document: Document) -> Iterator[Found]:
        found = document.view
        if isinstance(found, view):
            yield from check(found)
    return alone
