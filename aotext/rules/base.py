"""What a rule is, and the registry every rule joins.

A rule is a function of the whole corpus (and the as-of date) that yields
findings; the linter stamps the rule id and severity and turns each finding's
key path into a line and column, so rules stay small and pure. A rule that
needs nothing but one document (its front matter and where its file is) is
a document rule instead: it runs where the document is read, beside its
schema check, in the process that read it, and what it finds is kept with
the file's own problems (lint's cache, the editor).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.records import frozen
from aotext.model import ERROR, KeyPath, Severity

Finding = tuple[Document, KeyPath, str]
Check = Callable[[Corpus, dt.date], Iterable[Finding]]
# What a document rule finds in one document: where, and what to say.
Alone = Callable[[Document], Iterable[tuple[KeyPath, str]]]


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
    # A document rule's check of one document, run where it is read.
    alone: Alone | None = None


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
    """Register a check of one document on its own under `rule_id`."""

    def register(check: Alone) -> Alone:
        REGISTRY[rule_id] = Rule(rule_id, severity, summary, alone=check)
        return check

    return register
