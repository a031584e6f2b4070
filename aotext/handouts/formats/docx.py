"""DOCX: pandoc, with the house reference document (styles and page numbers);
SVG pictures go in as PNG, which typst draws."""

from __future__ import annotations

from pathlib import Path

from aotext import __version__
from aotext.handouts.compose import Composed
from aotext.handouts.formats.base import OutputFormat, Rendered, Renderer, Tools
from aotext.handouts.labels import labels
from aotext.handouts.render import render_office, svgs_as_png
from aotext.project import Project


def prepare(tools: Tools) -> Renderer:
    from aotext.handouts.office import reference_docx  # zip and XML work: only when DOCX is made

    reference = reference_docx(tools.state, __version__, tools.counter, labels(tools.lang)["page of"])

    def render(composed: Composed, project: Project, resources: Path) -> Rendered:
        metadata = {**composed.metadata, "author": project.collective}
        markdown = composed.markdown
        for name, png in svgs_as_png(composed.markdown, composed.images, resources, tools.counter):
            drawn = f"{name[:-4]}.png"
            (resources / drawn).write_bytes(png)
            markdown = markdown.replace(f"]({name}", f"]({drawn}")
        return Rendered(render_office(markdown, "docx", metadata, reference, tools.counter, resources))

    return render


FORMAT = OutputFormat(name="docx", prepare=prepare)
