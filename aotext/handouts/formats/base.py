"""What a handout output format is: a name (the file's extension) and, once
per build, a renderer that turns Composed Markdown into the file's bytes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from aotext.documents.records import frozen
from aotext.handouts.compose import Composed
from aotext.handouts.render import ProcessCount, RenderError
from aotext.project import Language, Project


@frozen
class Rendered:
    """A file a format made: its bytes, and what the tools warned about."""

    data: bytes
    # What the renderer warned about, saying who warns ("typst: ..."), for the build to print.
    warnings: tuple[str, ...] = ()


class UnshownText(RenderError):
    """The text has characters that none of the fonts it is set in has; the
    build says where they are written."""

    def __init__(self, chars: str) -> None:
        super().__init__(f"the fonts cannot show {chars}")
        self.chars = chars


class Renderer(Protocol):
    def __call__(self, composed: Composed, project: Project, resources: Path) -> Rendered:
        """The file's bytes; pictures are read from `resources`. Raises RenderError."""


@frozen
class Tools:
    """What a build gives every format: its state folder (for files made once
    and kept, like the DOCX reference document), its process counter, the
    project's fonts folder, if it has one, and its language (the words of
    the DOCX footer)."""

    state: Path
    counter: ProcessCount
    fonts: Path | None = None
    lang: Language = "en"


@frozen
class OutputFormat:
    """One output format (pdf, docx, html, pptx): how it renders, and whether its files carry the fonts."""

    name: str
    # Called once per build that makes this format; raises RenderError when it cannot.
    prepare: Callable[[Tools], Renderer]
    # Its files are set in the fonts aotext gives (typst's and the fonts folder's), so
    # changing that folder changes them; the other formats leave fonts to the reader's computer.
    fonts: bool = False
