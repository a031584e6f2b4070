"""DOCX: pandoc, with the house reference document (styles and page numbers);
SVG pictures go in as PNG, which typst draws."""

from __future__ import annotations

from pathlib import Path

from aotext import __version__
from aotext.handouts.compose import Composed
from aotext.handouts.formats.base import OutputFormat, Rendered, Renderer, Tools
from aotext.handouts.render import RenderError, render_office, svg_as_png
from aotext.handouts.sources import picture_place
from aotext.project import Project


def prepare(tools: Tools) -> Renderer:
    from aotext.handouts.office import reference_docx  # zip and XML work: only when DOCX is made

    reference = reference_docx(tools.state, __version__, tools.counter)

    def render(composed: Composed, project: Project, resources: Path) -> Rendered:
        metadata = {**composed.metadata, "author": project.collective}
        markdown = composed.markdown
        for name in composed.images:
            if name.lower().endswith(".svg"):  # the report's chart, or a document's own SVG picture
                drawn = f"{name[:-4]}.png"
                try:
                    (resources / drawn).write_bytes(svg_as_png(resources, name, tools.counter))
                except RenderError as error:
                    raise RenderError(f"{error}{picture_place(markdown, name)}") from error
                markdown = markdown.replace(f"]({name}", f"]({drawn}")
        return Rendered(render_office(markdown, "docx", metadata, reference, tools.counter, resources))

    return render


FORMAT = OutputFormat(name="docx", prepare=prepare)
