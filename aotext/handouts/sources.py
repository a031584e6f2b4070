"""Where each part of a composed handout came from, so that an error from
pandoc or typst names the document and line a person can open, never the
temporary files aotext hands those tools.

Before every document's body the composed Markdown holds a raw Typst block
with a comment, `// aotext-source: PATH:LINE`. pandoc copies it into the
Typst it writes (a comment changes nothing on the page) and leaves it out of
DOCX and PPTX. An error at a line of either text is traced back to the
nearest marker above it."""

from __future__ import annotations

import re

_MARKER = "// aotext-source: "
_MARKER_LINE = re.compile(r"^// aotext-source: (.+):(\d+)$")
# Lines the marker's raw block takes in the Markdown before the body starts.
_BLOCK_LINES = 3


def marked(path: str, first_line: int, body: str) -> str:
    """`body` (whose first line is line `first_line` of `path`) with its marker."""
    return f"```{{=typst}}\n{_MARKER}{path}:{first_line}\n```\n\n{body}"


def source_of(text: str, line: int) -> tuple[str, int] | None:
    """(path, first line of its body) of the document whose part of `text`
    holds line `line` (1-based), if any document's does."""
    lines = text.splitlines()
    for index in range(min(line, len(lines)) - 1, -1, -1):
        found = _MARKER_LINE.match(lines[index].strip())
        if found:
            return found.group(1), int(found.group(2))
    return None


def markdown_line(text: str, line: int) -> tuple[str, int] | None:
    """(path, line in that file) for line `line` of the composed Markdown."""
    lines = text.splitlines()
    for index in range(min(line, len(lines)) - 1, -1, -1):
        found = _MARKER_LINE.match(lines[index].strip())
        if found:
            offset = line - (index + 1) - (_BLOCK_LINES - 1)
            return found.group(1), int(found.group(2)) + max(0, offset - 1)
    return None


def strip_markers(text: str) -> str:
    """`text` without marker lines, for showing a line of it to a person."""
    return "\n".join(line for line in text.splitlines() if not _MARKER_LINE.match(line.strip()))


def picture_place(text: str, name: str) -> str:
    """' (the picture shown in PATH, line N)' for the picture staged as `name`
    in the composed Markdown `text`, or '' for a picture a layout drew itself."""
    line = next((number for number, found in enumerate(text.splitlines(), start=1) if f"]({name}" in found), None)
    place = markdown_line(text, line) if line is not None else None
    return f" (the picture shown in {place[0]}, line {place[1]})" if place else ""
