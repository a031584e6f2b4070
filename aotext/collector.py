"""Python's cyclic garbage collector, paused while a command makes many
small objects that hold no reference cycles worth collecting: documents read,
a cache restored, a summary. Left on, it walks them again and again (a
quarter of lint's time at 20,000 files) and frees nothing."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(*, keep_off: bool = False) -> Iterator[None]:
    """The collector off inside, and as it was after. `keep_off`: what was
    made lives as long as the command, so the collector need never walk it
    again (gc.freeze)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep_off:
            gc.freeze()
        if collecting:
            gc.enable()
