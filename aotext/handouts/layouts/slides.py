"""The slides layout: for each module a section slide, a slide of its
objectives, then a slide for each of its `::: slide` blocks (a definition, a
quote, the five steps, each step's questions ...), split over more slides
where they would not fit; its facilitator blocks become the speaker notes of
the slide they follow (aotext/templates/slides.lua does the splitting)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from aotext.documents.document import Document
from aotext.handouts.compose import (
    Composed,
    escape,
    fenced,
    module_heading,
    modules_in_order,
    title_block,
    titled,
)
from aotext.handouts.images import printed_body
from aotext.handouts.labels import labels
from aotext.handouts.layouts.base import Layout
from aotext.project import Handout, Project


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    """Each module: its section slide, its objectives, its marked slides with their speaker notes."""
    parts = []
    images: dict[str, bytes] = {}
    for module in modules_in_order(documents):
        parts.append(module_heading(module))
        objectives = "".join(f"- {escape(item)}\n" for item in module.objectives)
        opening = fenced(f'.slide title="{labels(project.lang)["objectives"]}"', objectives) if objectives else ""
        parts.append(fenced(".slide-body", opening + printed_body(module.source, images).strip()))
    return titled(Composed("\n".join(parts), images=images), title_block(handout, project))


LAYOUT = Layout(name="slides", prints=("module",), formats=("pptx",), compose=compose)
