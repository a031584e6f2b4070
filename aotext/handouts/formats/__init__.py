"""The handout output formats: the one place that knows them.

Each module of this package (but base) defines one format as `FORMAT` (see
base.OutputFormat), named as the file's extension; the project schema's
`formats` enum lists the same names (a test checks that they agree)."""

from __future__ import annotations

from aotext.handouts.formats.base import OutputFormat, Rendered, Renderer, Tools, UnshownText
from aotext.registry import declared

__all__ = ["FORMATS", "OutputFormat", "Rendered", "Renderer", "Tools", "UnknownFormat", "UnshownText", "format_named"]


FORMATS: dict[str, OutputFormat] = {found.name: found for found in declared(__name__, __path__, "FORMAT", OutputFormat)}


class UnknownFormat(LookupError):
    """A handout asks for a format aotext cannot make; the schema prevents it, so this is a bug in aotext."""


def format_named(name: str) -> OutputFormat:
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormat(f"aotext cannot make {name} files (it makes {', '.join(FORMATS)}); "
                            "the project schema and aotext/handouts/formats/ disagree") from None
