"""PPTX: pandoc, one slide per first-level heading."""

from __future__ import annotations

from pathlib import Path

from aotext.handouts.compose import Composed
from aotext.handouts.formats.base import OutputFormat, Rendered, Renderer, Tools
from aotext.handouts.render import render_office
from aotext.project import Project


def prepare(tools: Tools) -> Renderer:
    def render(composed: Composed, project: Project, resources: Path) -> Rendered:
        metadata = {**composed.metadata, "author": project.collective}
        return Rendered(render_office(composed.markdown, "pptx", metadata, None, tools.counter, resources))

    return render


FORMAT = OutputFormat(name="pptx", prepare=prepare)
