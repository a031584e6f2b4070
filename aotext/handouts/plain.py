"""Plain text from front matter, made safe to print as one Markdown paragraph
or list item of a handout (the kit's layouts: cards, sheets, scenarios).

`compose.escape` keeps tables and emphasis intact; a text that starts like a
list marker or a heading ("II. Defining autonomous organizing", "1. Get in
the door", "# of people") would still turn into a list or a heading of its
own, so its marker is escaped too."""

from __future__ import annotations

import re

from aotext.handouts.compose import escape

# A leading "II.", "a)", "12." or "B." followed by a space: pandoc reads an ordered list.
_ORDERED = re.compile(r"^(\(?(?:[0-9]+|[A-Za-z]|[IVXLCDM]+|[ivxlcdm]+))([.)])(\s)")
# A leading "#", ">", "-", "+" or "=" (a heading, a quote, a bullet, a rule, a setext line).
_BLOCK = re.compile(r"^([#>+=-])")


def plain(value: object) -> str:
    """`value` as one line of Markdown text that prints exactly as written."""
    text = escape(value)
    text = _ORDERED.sub(lambda found: f"{found.group(1)}\\{found.group(2)}{found.group(3)}", text)
    return _BLOCK.sub(r"\\\1", text)
