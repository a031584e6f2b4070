"""PPTX: pandoc, with the house reference presentation: a section slide per
module, a slide per second-level heading."""

from __future__ import annotations

from pathlib import Path

from aotext import __version__
from aotext.handouts.compose import Composed
from aotext.handouts.formats.base import OutputFormat, Rendered, Renderer, Tools
from aotext.handouts.render import render_office
from aotext.project import Project


def prepare(tools: Tools) -> Renderer:
    from aotext.handouts.office import reference_pptx, titled_pptx  # zip and XML work: only when PPTX is made

    reference = reference_pptx(tools.state, __version__, tools.counter)

    def render(composed: Composed, project: Project, resources: Path) -> Rendered:
        metadata = {**composed.metadata, "author": project.collective}
        made = render_office(composed.markdown, "pptx", metadata, reference, tools.counter, resources)
        return Rendered(titled_pptx(made, metadata.get("title", ""), project.lang))

    return render


FORMAT = OutputFormat(name="pptx", prepare=prepare)
