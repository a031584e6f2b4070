"""What `aotext build` needs beyond the core install: the handout tools.

The core (lint, summary, followups, new) installs without them; they come
with the `handouts` extra (`make handouts`, or pip install 'aotext[handouts]').
They are looked up without being imported, so the check costs nothing.
"""

from __future__ import annotations

from importlib.util import find_spec

# The module each tool is imported as, and the name a person knows it by.
HANDOUT_TOOLS = {"pypandoc": "pandoc", "typst": "typst", "fontTools": "fontTools"}

INSTALL_HINT = "run make handouts, or pip install 'aotext[handouts]'"


def _installed(module: str) -> bool:
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):  # a broken install counts as missing
        return False


def missing_handout_tools() -> list[str]:
    """The handout tools that are not installed, by the names people know them by."""
    return [name for module, name in HANDOUT_TOOLS.items() if not _installed(module)]


def missing_handout_tools_message() -> str | None:
    """One sentence saying what to install, or None when everything is there."""
    missing = missing_handout_tools()
    if not missing:
        return None
    tools = ", ".join(HANDOUT_TOOLS.values())
    if len(missing) == len(HANDOUT_TOOLS):
        return f"aotext build needs the handout tools ({tools}), which are not installed: {INSTALL_HINT}"
    verb = "is" if len(missing) == 1 else "are"
    return (f"aotext build needs the handout tools ({tools}), and {' and '.join(missing)} {verb} not installed: "
            f"{INSTALL_HINT}")
