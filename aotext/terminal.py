"""Tables for the terminal (rich), with colour only where it is wanted: never
when piped, written to a file, or when NO_COLOR is set."""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from aotext.documents.records import frozen

PLAIN_WIDTH = 120  # fixed when not on a terminal, so output is the same everywhere
T_contra = TypeVar("T_contra", contravariant=True)


@frozen
class Display:
    """Where a report is going: colour only on a terminal that wants it."""

    colour: bool = False
    width: int = PLAIN_WIDTH

    @classmethod
    def for_output(cls, to_file: bool = False) -> Display:
        colour = wants_colour(to_file)
        return cls(colour, width_for(colour))


# Every output format of every report (lint, summary, follow-ups) has this
# signature; each report keeps its formats in one FORMATS registry.
Formatter = Callable[[T_contra, Display], str]


def wants_colour(to_file: bool = False) -> bool:
    return not to_file and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def width_for(colour: bool) -> int:
    return shutil.get_terminal_size().columns if colour else PLAIN_WIDTH


def typed(text: str, style: str = "") -> Any:
    """Text for a rich table, its title or a cell, printed as typed: never
    read as rich's [markup] (a plan titled "... [/b] ..." had stopped the
    summary, and a note's "[my neighbour]" vanished from the follow-ups)."""
    from rich.text import Text

    return Text(text, style=style)


def render(draw: Callable[[Any], None], colour: bool, width: int = PLAIN_WIDTH) -> str:
    """Text of what `draw(console)` prints on a rich Console."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=colour, no_color=not colour,
                      color_system="standard" if colour else None, highlight=False, emoji=False)
    draw(console)
    return buffer.getvalue()
