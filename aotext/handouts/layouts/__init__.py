"""The handout layouts: the one place that knows them.

Each module of this package (but base) defines one layout as `LAYOUT` (see
base.Layout), so adding a layout is adding one module; the project schema's
`layout` enum lists the same names (a test checks that they agree)."""

from __future__ import annotations

import importlib
import pkgutil

from aotext.handouts.layouts.base import Compose, Layout, Related, Shown

__all__ = ["LAYOUTS", "Compose", "Layout", "Related", "Shown", "UnknownLayout", "layout_named"]


def _discover() -> dict[str, Layout]:
    layouts: dict[str, Layout] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        if info.name == "base" or info.name.startswith("_"):
            continue
        found = getattr(importlib.import_module(f"{__name__}.{info.name}"), "LAYOUT", None)
        if not isinstance(found, Layout) or found.name != info.name:
            raise RuntimeError(f"aotext/handouts/layouts/{info.name}.py must define LAYOUT, a Layout named {info.name!r}")
        layouts[found.name] = found
    return layouts


LAYOUTS: dict[str, Layout] = _discover()


class UnknownLayout(LookupError):
    """A handout names a layout aotext does not have. The project schema lets
    only known names through, so this is a bug in aotext, never the user's."""


def layout_named(name: str) -> Layout:
    """The layout called `name`; never another one in its place."""
    try:
        return LAYOUTS[name]
    except KeyError:
        raise UnknownLayout(f"aotext has no handout layout called '{name}' (it has {', '.join(LAYOUTS)}); "
                            "the project schema and aotext/handouts/layouts/ disagree") from None
