"""What a handout output format is: a name (the file's extension) and, once
per build, a renderer that turns Composed Markdown into the file's bytes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from aotext.handouts.compose import Composed
from aotext.handouts.render import ProcessCount
from aotext.project import Project


@dataclass(frozen=True)
class Rendered:
    data: bytes
    # What the renderer warned about, saying who warns ("typst: ..."), for the build to print.
    warnings: tuple[str, ...] = ()


class Renderer(Protocol):
    def __call__(self, composed: Composed, project: Project, resources: Path) -> Rendered:
        """The file's bytes; pictures are read from `resources`. Raises RenderError."""


@dataclass(frozen=True)
class Tools:
    """What a build gives every format: its state folder (for files made once
    and kept, like the DOCX reference document) and its process counter."""

    state: Path
    counter: ProcessCount


@dataclass(frozen=True)
class OutputFormat:
    name: str
    # Called once per build that makes this format; raises RenderError when it cannot.
    prepare: Callable[[Tools], Renderer]
