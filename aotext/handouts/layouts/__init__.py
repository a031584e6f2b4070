"""The handout layouts: the one place that knows them.

Each module of this package (but base) defines one layout as `LAYOUT` (see
base.Layout), so adding a layout is adding one module; the project schema's
`layout` enum lists the same names (a test checks that they agree)."""

from __future__ import annotations

from aotext.handouts.layouts.base import Compose, Layout, Related, Shown
from aotext.registry import declared

__all__ = ["LAYOUTS", "Compose", "Layout", "Related", "Shown", "UnknownLayout", "layout_named"]


LAYOUTS: dict[str, Layout] = {found.name: found for found in declared(__name__, __path__, "LAYOUT", Layout)}


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
