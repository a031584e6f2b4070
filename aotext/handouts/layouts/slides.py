"""The slides layout: one slide per module, with its objectives and the
outline of its sections; its facilitator blocks become speaker notes."""

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
from aotext.handouts.layouts.base import Layout
from aotext.project import Handout, Project


def compose(handout: Handout, documents: Sequence[Document], context: Sequence[Document], project: Project,
            as_of: dt.date) -> Composed:
    """One slide per module: its objectives and sections; its facilitator blocks become speaker notes."""
    parts = []
    images: dict[str, bytes] = {}
    for module in modules_in_order(documents):
        parts.append(module_heading(module))
        parts.append("".join(f"- {escape(item)}\n" for item in module.objectives))
        parts.append(fenced(".slide-body", printed_body(module.source, images).strip()))
    return titled(Composed("\n".join(parts), images=images), title_block(handout, project))


LAYOUT = Layout(name="slides", prints=("module",), formats=("pptx",), compose=compose)
