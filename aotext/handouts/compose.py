"""What every layout shares when it turns documents into the pandoc Markdown
of one handout: the Composed result, the title block and safe text.

The documents' own bodies are Markdown already; the layouts (one module each
in aotext/handouts/layouts/) only arrange them (order, headings, agenda,
answer space) and leave the audience to the pandoc filter, which drops or
styles the ::: facilitator blocks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field, replace
from typing import TypeVar

from aotext.documents.document import Document
from aotext.documents.records import frozen
from aotext.documents.types.base import View
from aotext.documents.types.module import Activity, Module, ordered_modules
from aotext.documents.types.plan import Plan
from aotext.handouts.labels import labels
from aotext.handouts.plain import plain
from aotext.project import Handout, Project, language
from aotext.words import anchor

V = TypeVar("V", bound=View)


@frozen
class Composed:
    """A handout composed by its layout: its Markdown, with what pandoc and typst need besides."""

    markdown: str
    metadata: dict[str, str] = field(default_factory=dict)
    # Typst template switches: compact (the one-page plan and the report).
    switches: tuple[str, ...] = ()
    # Pictures the Markdown refers to by file name: name -> bytes.
    images: dict[str, bytes] = field(default_factory=dict)


def escape(value: object) -> str:
    """Text a person typed, made to print as typed inside Markdown: in a
    table cell, in emphasis, anywhere (aotext.handouts.plain, the one escape)."""
    return plain(value)


def fenced(classes: str, content: str) -> str:
    # Six colons so the documents' own ::: blocks can nest inside.
    return f":::::: {{{classes}}}\n{content}\n::::::\n"


def beneath(level: int, body: str) -> str:
    """A document's printed body, set under its heading of `level`: the
    filter moves the body's biggest headings (# or ##, as its writer chose)
    to level + 1, so that none stands beside the document's own heading."""
    # The empty line ends a table or list the body ends with: else the closing colons would be read as part of it.
    return fenced(f"headings-from={level + 1}", body + "\n") if body else ""


@frozen
class Voice:
    """How one document's words are marked in a handout. A handout has one
    language, its project's, for its own words and as the language of the
    whole file; a document that says it is written in another (`lang:`) has
    its part marked in that one, so that it is hyphenated in it and screen
    readers read it in it, with aotext's words inside that part marked back
    in the handout's."""

    # The document's language, when it is not the handout's; None: nothing to mark.
    own: str | None
    handout: str

    def part(self, markdown: str) -> str:
        """Blocks of the document's own (its heading, its text, its questions)."""
        return fenced(f"lang={self.own}", markdown) if self.own else markdown

    def text(self, markdown: str) -> str:
        """Words of the document's own within a line of the handout's (its title in an agenda row)."""
        return f"[{markdown}]{{lang={self.own}}}" if self.own else markdown

    def label(self, markdown: str) -> str:
        """aotext's own words inside the document's part."""
        return f"[{markdown}]{{lang={self.handout}}}" if self.own else markdown


def voice(document: Document, project: Project) -> Voice:
    own = language(document.data)
    return Voice(own if own != project.lang else None, project.lang)


def views(documents: Sequence[Document], view: type[V]) -> list[V]:
    """The typed views of the documents of one type among `documents`."""
    return [found for document in documents if isinstance(found := document.view, view)]


def modules_in_order(documents: Sequence[Document]) -> list[Module]:
    """The modules among `documents`, in workshop order."""
    return ordered_modules(views(documents, Module))


def module_anchor(module_id: str) -> str:
    return anchor("module", module_id)


def activity_anchor(module_id: str, activity: Activity) -> str:
    """Unique in the handout: activities of two modules may share an id."""
    return anchor("activity", f"{module_id}-{activity.id or activity.index + 1}")


def module_heading(module: Module) -> str:
    """The module's heading, with an anchor the agenda (and any reader) can link to."""
    return f"# {escape(module.label)}{f' {{#{module_anchor(module.id)}}}' if module.id else ''}\n"


def title_block(handout: Handout, project: Project, plan: Plan | None = None) -> dict[str, str]:
    """The metadata the title block prints. A handout made for one plan is
    titled after the plan and has no workshop date (it says its own day)."""
    words = labels(project.lang)
    metadata = {"title": handout.title, "collective": project.collective, "audience": handout.audience,
                "lang": project.lang, "for-facilitators": words["for facilitators"], "page-of": words["page of"],
                "contents": words["contents"], "continued": words["continued"]}
    if plan is not None:
        metadata["title"] = f"{handout.title}: {plan.title}"
    elif project.days[0].date:
        metadata["date"] = project.days[0].date
    return metadata


def titled(composed: Composed, metadata: dict[str, str]) -> Composed:
    """`composed` with the title block's metadata (its own keys win)."""
    return replace(composed, metadata={**metadata, **composed.metadata})
