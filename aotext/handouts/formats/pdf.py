"""PDF: pandoc writes Typst in the house style, the typst wheel compiles it."""

from __future__ import annotations

from pathlib import Path

from aotext.handouts.compose import Composed
from aotext.handouts.formats.base import OutputFormat, Rendered, Renderer, Tools
from aotext.handouts.render import render_pdf
from aotext.project import Project


def prepare(tools: Tools) -> Renderer:
    def render(composed: Composed, project: Project, resources: Path) -> Rendered:
        data, warnings = render_pdf(composed.markdown, composed.metadata, composed.switches, project.paper,
                                    tools.counter, resources)
        return Rendered(data, tuple(f"typst: {warning}" for warning in warnings))

    return render


FORMAT = OutputFormat(name="pdf", prepare=prepare)
