"""HTML: pandoc writes one web page per output, self-contained and offline
(aotext/templates/handout.html holds its styles and its security policy)."""

from __future__ import annotations

from pathlib import Path

from aotext.handouts.compose import Composed
from aotext.handouts.formats.base import OutputFormat, Rendered, Renderer, Tools
from aotext.handouts.render import render_html
from aotext.project import Project


def prepare(tools: Tools) -> Renderer:
    def render(composed: Composed, project: Project, resources: Path) -> Rendered:
        return Rendered(render_html(composed.markdown, composed.metadata, composed.switches, tools.counter,
                                    resources))

    return render


FORMAT = OutputFormat(name="html", prepare=prepare)
