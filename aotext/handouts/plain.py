"""Plain text from front matter, made safe to print as one Markdown paragraph,
list item or table cell of a handout (the kit's layouts, the one-page plan,
the benchmark report).

A title like 'A new <img src=x> driver', a unit like '<b>drivers</b>' or a
step like '1. Get in the door' is text a person typed, never markup: every
character pandoc's Markdown could read as markup is escaped with a backslash,
and so is a leading list marker or heading mark, so each prints as typed in
every format."""

from __future__ import annotations

import re

# What pandoc's Markdown reads as markup inside a line: escapes, emphasis,
# code, links, spans and pictures, HTML and entities, strikeout, sub- and
# superscript, attributes, citations and formulas (| is a table's cell).
_MARKUP = re.compile(r"([\\`*_\[\]<>&~^{}$@])")
# A leading "II.", "a)", "12." or "B." followed by a space: pandoc reads an ordered list.
_ORDERED = re.compile(r"^(\(?(?:[0-9]+|[A-Za-z]|[IVXLCDM]+|[ivxlcdm]+))([.)])(\s)")
# A leading "#", "+", "=" or "-" (a heading, a bullet, a rule, a setext line; ">" is escaped above).
_BLOCK = re.compile(r"^([#+=-])")


def plain(value: object, pipes: bool = True) -> str:
    """`value` as one line of Markdown text that prints exactly as written.
    `pipes=False` leaves | as it is, for Markdown that escapes its table
    cells itself (aotext.summary_report's)."""
    text = _MARKUP.sub(r"\\\1", str(value).replace("\n", " ").strip())
    if pipes:
        text = text.replace("|", "\\|")
    text = _ORDERED.sub(lambda found: f"{found.group(1)}\\{found.group(2)}{found.group(3)}", text)
    return _BLOCK.sub(r"\\\1", text)
