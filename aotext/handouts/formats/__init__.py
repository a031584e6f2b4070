"""The handout output formats: the one place that knows them.

Each module of this package (but base) defines one format as `FORMAT` (see
base.OutputFormat), named as the file's extension; the project schema's
`formats` enum lists the same names (a test checks that they agree)."""

from __future__ import annotations

import importlib
import pkgutil

from aotext.handouts.formats.base import OutputFormat, Rendered, Renderer, Tools

__all__ = ["FORMATS", "OutputFormat", "Rendered", "Renderer", "Tools", "UnknownFormat", "format_named"]


def _discover() -> dict[str, OutputFormat]:
    formats: dict[str, OutputFormat] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        if info.name == "base" or info.name.startswith("_"):
            continue
        found = getattr(importlib.import_module(f"{__name__}.{info.name}"), "FORMAT", None)
        if not isinstance(found, OutputFormat) or found.name != info.name:
            raise RuntimeError(f"aotext/handouts/formats/{info.name}.py must define FORMAT, an OutputFormat named {info.name!r}")
        formats[found.name] = found
    return formats


FORMATS: dict[str, OutputFormat] = _discover()


class UnknownFormat(LookupError):
    """A handout asks for a format aotext cannot make; the schema prevents it, so this is a bug in aotext."""


def format_named(name: str) -> OutputFormat:
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormat(f"aotext cannot make {name} files (it makes {', '.join(FORMATS)}); "
                            "the project schema and aotext/handouts/formats/ disagree") from None
