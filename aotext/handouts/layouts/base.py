"""What a handout layout is: the documents it prints, the files it can be
made as, and how it turns its documents into Markdown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Protocol

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.records import frozen
from aotext.handouts.compose import Composed
from aotext.project import Handout, Project

# Whether the user may see a document in this build (private ones only when named).
Shown = Callable[[Document], bool]


class Compose(Protocol):
    def __call__(self, handout: Handout, documents: Sequence[Document], context: Sequence[Document],
                 project: Project, as_of: dt.date) -> Composed:
        """The Markdown of one output, with the metadata its title block prints."""


class Related(Protocol):
    def __call__(self, documents: Sequence[Document], corpus: Corpus, shown: Shown) -> list[Document]:
        """Documents an output reads besides the ones the handout selected."""


def nothing(documents: Sequence[Document], corpus: Corpus, shown: Shown) -> list[Document]:
    return []


@frozen
class Layout:
    """One handout layout. The registry in aotext.handouts.layouts holds one
    per module of this package; the project schema lists the same names."""

    name: str
    # The document types it prints; a handout selects only these.
    prints: tuple[str, ...]
    # The output formats it can be made as (the handout-format lint rule and the schema agree).
    formats: tuple[str, ...]
    compose: Compose
    # One output per plan (named <handout>-<plan id>) rather than one for the whole handout.
    per_plan: bool = False
    # Types of the documents it also prints whole along with each plan (the report: its logs),
    # and how it finds them for the plan.
    companion_types: tuple[str, ...] = ()
    companions: Related = nothing
    # Types of the documents it reads only for their titles (the worksheet: modules),
    # and how it finds them for an output's documents.
    context_types: tuple[str, ...] = ()
    context: Related = nothing
    # Its content depends on the day it is built for (--as-of) and the summary thresholds.
    dated: bool = False
