"""Render the first page of a handout as a PNG for the README.

Usage: .venv/bin/python docs/picture.py HANDOUT [PAGE] > docs/NAME.png
Runs the same pipeline as `aotext build` (pandoc writes Typst) and asks
typst for a PNG instead of a PDF."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import typst

from aotext.handouts.build import compose_output, staged_images
from aotext.handouts.prepare import prepare
from aotext.handouts.render import ProcessCount, typst_source


def main(name: str, page: int = 1) -> None:
    prepared = prepare(Path("aotext.yaml"), Path("build"), dt.date.today(), frozenset(), (name,))
    output = next(o for o in prepared.outputs if o.format == "pdf")
    project = prepared.repository.project
    composed = compose_output(output, project, dt.date.today())
    source = typst_source(composed.markdown, composed.metadata, composed.switches, project.paper, ProcessCount())
    with staged_images(composed) as folder:
        pages = typst.compile(source, root=str(folder), format="png", ppi=72, ignore_system_fonts=True)
    pages = [pages] if isinstance(pages, bytes) else pages
    sys.stdout.buffer.write(pages[page - 1])


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)
