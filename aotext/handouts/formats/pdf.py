"""PDF: pandoc writes Typst in the house style, the typst wheel compiles it
in typst's own fonts and those of the project's fonts folder.

A tagged PDF (PDF/UA-1) must show every character, so typst refuses text
none of those fonts has, naming only the first character and a font. The
fonts' character maps tell which characters are missing: the build names
them all, and where they are written, instead."""

from __future__ import annotations

from pathlib import Path

from aotext.handouts.compose import Composed
from aotext.handouts.fonts import font_set
from aotext.handouts.formats.base import OutputFormat, Rendered, Renderer, Tools, UnshownText
from aotext.handouts.render import RenderError, compile_pdf, svgs_as_png, typst_source
from aotext.handouts.sources import strip_markers
from aotext.project import Project


def prepare(tools: Tools) -> Renderer:
    fonts = font_set(tools.fonts)

    def render(composed: Composed, project: Project, resources: Path) -> Rendered:
        source = typst_source(composed.markdown, composed.metadata, composed.switches, project.paper, fonts.families,
                              tools.counter)
        try:
            data, warnings = compile_pdf(source, fonts.typst, tools.counter, resources)
        except RenderError as error:
            # The markers that say where each document starts hold file names, which are never printed.
            unshown = fonts.lacks(strip_markers(source.decode("utf-8", "replace")))
            if unshown:
                raise UnshownText(unshown) from error
            _blame_a_picture(composed, resources, tools)
            raise
        return Rendered(data, tuple(f"typst: {warning}" for warning in warnings))

    return render


def _blame_a_picture(composed: Composed, resources: Path, tools: Tools) -> None:
    """When typst fails, an SVG picture it cannot draw may be why; its message
    does not say which: try each alone, and name the first that fails, with
    the document and line that show it."""
    for _ in svgs_as_png(composed.markdown, composed.images, resources, tools.counter):
        pass


FORMAT = OutputFormat(name="pdf", prepare=prepare, fonts=True)
