"""What a document type is. Each type's module declares one DocumentType
and its typed view; `aotext.documents.types.TYPES` collects them, and is the
one place that knows the types, their folders, their privacy, what they
refer to and how `aotext new` starts one."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from aotext.documents.records import frozen, record
from aotext.errors import Refused, UsageError
from aotext.model import KeyPath

if TYPE_CHECKING:
    from aotext.corpus import Corpus
    from aotext.documents.document import Document


@record
class View:
    """The typed view of one document: what its front matter says, read
    tolerantly (see `aotext.documents.fields`)."""

    type_name: ClassVar[str]
    source: Document = field(compare=False, repr=False)
    id: str | None

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def private(self) -> bool:
        return self.source.private


V = TypeVar("V", bound=View)
V_co = TypeVar("V_co", bound=View, covariant=True)


@frozen
class Reference:
    """A top-level key whose value is the id of a document of type `target`."""

    key: str
    target: str


class NewDocumentError(Refused):
    """The document cannot be made as asked; the message says what to do."""


@frozen
class NewRequest:
    """What the user asked `aotext new` for."""

    type: str
    today: dt.date
    id: str | None = None
    title: str | None = None
    plan: str | None = None
    scenario: str | None = None
    module: str | None = None
    activity: str | None = None
    owner: str | None = None
    pseudonym: str | None = None


@frozen
class Template:
    """How `aotext new` starts a document of a type."""

    # The front-matter lines, given the request, the repository and the new id.
    lines: Callable[[NewRequest, Corpus, str], list[str]]
    # The id to start from (made unique by `aotext new`).
    base_id: Callable[[NewRequest, Corpus], str]
    body: str = "Notes, in plain Markdown.\n"
    # The placeholder texts the front-matter lines write, by where they write
    # them: lint warns where one is left in place (its body's lines too).
    placeholders: Mapping[KeyPath, str] = field(default_factory=dict)
    # What the user must give (asked for on a terminal): (prompt, option).
    asks: tuple[tuple[str, str], ...] = ()
    # Another document changed so the new one is used at once (a question
    # joins a module's activity): its path, new text, and what changed.
    also: Callable[[NewRequest, Corpus], tuple[Path, str, str]] | None = None


@frozen
class DocumentType(Generic[V_co]):
    """One kind of document: its typed view and how to read it, its folder, what it refers to, its template."""

    view: type[V_co]
    read: Callable[[Document], V_co]
    folder: str
    description: str
    template: Template
    # Where it comes in lists (`aotext new --list`): the workshop first, then the campaign.
    rank: int
    private_by_default: bool = False
    references: tuple[Reference, ...] = ()

    @property
    def name(self) -> str:
        return self.view.type_name


def quote(value: str) -> str:
    """A YAML scalar for any text (a JSON string is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def one_of(corpus: Corpus, view: type[V], given: str | None, option: str) -> V:
    """The document named by an option, or the only one of its type."""
    name = view.type_name
    candidates = [found for found in corpus.all(view) if found.id]
    if given:
        found = corpus.find_view(given, view)
        if found is None:
            names = ", ".join(c.id or "" for c in candidates) or "none yet"
            raise UsageError(f"{option} {given}: there is no {name} '{given}'; the {name}s are: {names}")
        return found
    if len(candidates) == 1:
        return candidates[0]
    names = ", ".join(c.id or "" for c in candidates) or f"none yet: create one with aotext new {name}"
    raise UsageError(f"name the {name} with {option} ID ({names})")


def slug(title: str) -> str:
    """'Bus drivers: fall plan!' -> 'bus-drivers-fall-plan'; 'Ана' -> 'ana',
    '李' -> 'li': written in Latin letters (ids are), so that a note about
    someone named in another script is named after them too, and two such
    notes of one day do not both get 'untitled' (git could not bring them together)."""
    from anyascii import anyascii  # here: only what makes new documents needs it, and it costs lint's start

    plain = anyascii(unicodedata.normalize("NFC", title))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-") or "untitled"


def title_id(request: NewRequest, corpus: Corpus) -> str:
    """An id made from the title: what most types start from."""
    return slug(request.title or f"new-{request.type}")
