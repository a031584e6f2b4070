"""How pandoc reads the `:::` lines of a document's body.

A line-by-line model of pandoc's Markdown reader (3.x), as far as fenced
divs need it; tests/test_body_rules.py holds it against pandoc itself. A
fence starts at the first column. An opening fence is three or more colons
and one word (a class) or {attributes}, and is read only where a block may
start, not directly under paragraph text; a closing fence is colons alone,
may come under text, and closes the innermost block whatever its length.
Nothing in closed fenced code, indented code or an HTML comment counts; in
a table that a line of dashes over text starts, fences are text; a list
item, and a definition (`: ` or `~ ` under a one-line term, or an empty
line below it), is read as a document of its own, as pandoc does. What a
reading finds (`Reading`), and what an opening fence's own line says (its
classes and attributes), are in aotext.rules.fence_lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

from aotext.documents.records import frozen
from aotext.rules.fence_lines import AsText, Fence, Reading, classes_of, keyed_attributes

_CLOSER = re.compile(r":{3,}[ \t]*$")
_CODE_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_CODE_CLOSER = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*$")
_LIST_ITEM = re.compile(r" {0,3}([-+*]|\d{1,9}[.)])( +|$)")
_DEFINITION = re.compile(r" {0,2}([:~])( +|$)")
_BULLET = re.compile(r" {0,3}[-+*]( |$)")
_RULE = re.compile(r" {0,3}([-*_])(?: *\1){2,} *$")
_UNDERLINE = re.compile(r" {0,3}(?:=+|-+) *$")
_DASHES = re.compile(r" {0,3}-{3,}[- ]*$")
_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:\s|$)")
_RAW_HTML = re.compile(r" {0,3}<.*>[ \t]*$")
_TABLE_SEPARATOR = re.compile(r" {0,3}[|:\- ]*-[|:\- ]*")
# Lists nested deeper than this are not read: no document nests so deep, and
# a pasted pathological one must not exhaust the stack.
_MAX_DEPTH = 32

@frozen
class Line:
    number: int  # in the file
    indent: int  # columns taken off its front (a list item's indentation)
    text: str


def read_fences(body: str, first_line: int) -> Reading:
    """How pandoc reads the `:::` lines of `body`, whose first line is file line `first_line`."""
    reading = Reading()
    lines = [Line(first_line + index, 0, _expand(text)) for index, text in enumerate(body.split("\n"))]
    _Scan(reading, lines, inside_block=False, depth=0).run()
    return reading


def _expand(text: str) -> str:
    """Leading tabs as the spaces they stand for (pandoc's tab stop is 4)."""
    if not text.startswith(("\t", " \t", "  \t", "   \t")):
        return text
    stripped = text.lstrip(" \t")
    return text[:len(text) - len(stripped)].expandtabs(4) + stripped


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


class _Scan:
    """One reading of a run of lines: the body, or one list item's content."""

    def __init__(self, reading: Reading, lines: Sequence[Line], inside_block: bool, depth: int) -> None:
        self.reading, self.lines, self.depth = reading, lines, depth
        self.inside_block = inside_block  # an enclosing reading has a block open
        self.open: list[Fence] = []
        # Opening lines read as text: their closing lines are not reported again.
        self.unread = 0
        # Lines of the paragraph the line above belongs to (0: none); only a
        # one-line paragraph becomes a heading when underlined.
        self.paragraph = 0
        # Whether a definition may start here: under a one-line term or one
        # empty line below it (two end it), or after the term's last definition.
        self.term = False
        self.defined = False  # the lines above end a definition
        self.blanks = 0  # empty lines just read

    def run(self) -> None:
        index = 0
        while index < len(self.lines):
            index = self.line(index)
        self.reading.unclosed += self.open

    def line(self, index: int) -> int:
        """Read the line at `index`; the index of the next line to read."""
        line, lines = self.lines[index], self.lines
        text = line.text
        if not text.strip():
            self.blanks += 1
            self.term = self.defined or ((self.term or self.paragraph == 1) and self.blanks == 1)
            self.paragraph = 0
            return index + 1
        self.blanks = 0
        term_above, self.term, self.defined = self.term or self.paragraph == 1, False, False
        indent = _indent(text)
        if text.startswith(":::", indent) and (indent < 4 or self.paragraph):
            self.fence(line, indent)
            return index + 1
        code = _CODE_FENCE.match(text)
        if code and not (self.paragraph and code.group(1)[0] == "~"):
            end = self.code_end(index, code.group(1))
            if end is not None:
                self.paragraph = 0
                return end + 1
        if self.paragraph == 0 and index + 1 < len(lines) and lines[index + 1].text.strip():
            if _UNDERLINE.match(lines[index + 1].text) and not _BULLET.match(text):
                return index + 2  # a heading, underlined (even an indented line)
            if _DASHES.match(text):
                end = self.table(index)
                if end is not None:
                    return end
        if indent >= 4:
            return index + 1  # indented code, or more of the paragraph above
        if text.startswith("<!--", indent) and index <= self.last_comment_end:
            end = next(at for at in range(index, len(lines)) if "-->" in lines[at].text)
            if self.paragraph:  # a comment inside a paragraph is more of it
                self.paragraph += end + 1 - index
            return end + 1
        if "|" in text and not self.paragraph:
            end = self.pipe_table(index)
            if end is not None:
                return end
        definition = _DEFINITION.match(text)
        if definition and term_above:
            end = self.list_item(index, definition)
            self.term = self.defined = True  # the same term's next definition may follow
            return end
        item = _LIST_ITEM.match(text)
        if item and not _RULE.match(text):
            if not (self.paragraph and self.depth == 0):
                return self.list_item(index, item)
            if text.startswith(":::", item.end()):
                # A list cannot start under a paragraph: its block is text too.
                self.text(AsText(line.number, line.indent + item.end() + 1, "under-text",
                                 _CLOSER.match(text, item.end()) is not None))
                return index + 1
        if self.paragraph == 1 and _UNDERLINE.match(text):
            self.paragraph = 0
        elif self.paragraph:
            self.paragraph += 1
        elif not (_ATX_HEADING.match(text) or _RAW_HTML.match(text) or _RULE.match(text)):
            self.paragraph = 1
        return index + 1

    def fence(self, line: Line, indent: int) -> None:
        column = line.indent + indent + 1
        closing = _CLOSER.match(line.text, indent) is not None
        if indent:
            self.text(AsText(line.number, column, "indented", closing))
        elif closing:
            self.close(Fence(line.number, column))
        else:
            classes = classes_of(line.text)
            if classes is None or self.paragraph:
                self.text(AsText(line.number, column, "words" if classes is None else "under-text", False))
                return
            fence = Fence(line.number, column, tuple((name, line.indent + at + 1) for name, at in classes),
                          tuple((key, value, line.indent + at + 1) for key, value, at in keyed_attributes(line.text)))
            self.open.append(fence)
            self.reading.opened.append(fence)
            self.paragraph = 0

    def text(self, found: AsText) -> None:
        self.reading.as_text.append(found)
        self.unread += not found.closing
        self.paragraph += 1

    def close(self, fence: Fence) -> None:
        if self.open:
            self.reading.closed_at[self.open.pop().line] = fence.line
            self.paragraph = 0
            return
        if self.unread:
            self.unread -= 1  # the closing line of an opening line read as text, reported there
        else:
            self.reading.stray.append(fence)
        self.paragraph += 1  # closing nothing, it is text

    # What lies further down, found once per reading: a fence, comment or
    # table nothing closes must not cost a search to the end each time (a
    # pasted body of a thousand such lines would take minutes).

    @cached_property
    def longest_closer(self) -> dict[str, list[int]]:
        """For ` and ~: the longest code fence that can close a block, at or after each line."""
        longest = {"`": [0] * (len(self.lines) + 1), "~": [0] * (len(self.lines) + 1)}
        for at in range(len(self.lines) - 1, -1, -1):
            for suffix in longest.values():
                suffix[at] = suffix[at + 1]
            found = _CODE_CLOSER.match(self.lines[at].text)
            if found:
                suffix = longest[found.group(1)[0]]
                suffix[at] = max(suffix[at], len(found.group(1)))
        return longest

    @cached_property
    def last_comment_end(self) -> int:
        return max((at for at, line in enumerate(self.lines) if "-->" in line.text), default=-1)

    @cached_property
    def last_dashes(self) -> int:
        return max((at for at, line in enumerate(self.lines) if _DASHES.match(line.text)), default=-1)

    def code_end(self, index: int, opening: str) -> int | None:
        """The line that closes the code block opened at `index`; None when
        none does (pandoc then reads the fence as text)."""
        if self.longest_closer[opening[0]][index + 1] < len(opening):
            return None
        return next(at for at in range(index + 1, len(self.lines)) if (found := _CODE_CLOSER.match(self.lines[at].text))
                    and found.group(1)[0] == opening[0] and len(found.group(1)) >= len(opening))

    def table(self, index: int) -> int | None:
        """After the table a line of dashes at `index` starts, if another ends it."""
        if self.last_dashes < index + 2:
            return None
        end = next(at for at in range(index + 2, len(self.lines)) if _DASHES.match(self.lines[at].text))
        # The first fence in it is reported: one empty line mends them all.
        line = next((line for line in self.lines[index + 1:end] if line.text.lstrip(" ").startswith(":::")), None)
        if line is not None:
            self.reading.as_text.append(AsText(line.number, line.indent + _indent(line.text) + 1, "table",
                                               _CLOSER.match(line.text.lstrip(" ")) is not None, self.lines[index].number))
        self.paragraph = 0
        return end + 1

    def pipe_table(self, index: int) -> int | None:
        """After the pipe table or line block that starts at `index`, if one does."""
        lines, end = self.lines, index + 1
        if end < len(lines) and "|" in lines[end].text and _TABLE_SEPARATOR.fullmatch(lines[end].text):
            while end < len(lines) and "|" in lines[end].text and lines[end].text.strip():
                end += 1
            return end
        if not lines[index].text.lstrip(" ").startswith(("| ", "|\t")) and lines[index].text.strip() != "|":
            return None
        # A line block: lines of '| ', and lines that carry one on after a space.
        while end < len(lines) and lines[end].text.strip() and (
                lines[end].text.startswith((" ", "| ")) or lines[end].text.strip() == "|"):
            if lines[end].text.lstrip(" ").startswith(":::"):
                self.reading.as_text.append(AsText(lines[end].number, lines[end].indent + _indent(lines[end].text) + 1,
                                                   "indented", _CLOSER.match(lines[end].text.lstrip(" ")) is not None))
            end += 1
        self.paragraph = 0
        return end

    def ends_item(self, index: int) -> bool:
        """Whether the line at `index`, less indented than the list item above
        it, ends the item rather than carrying on its last paragraph."""
        text = self.lines[index].text
        if (_LIST_ITEM.match(text) and not _RULE.match(text)) or _DEFINITION.match(text):
            return True
        if (self.open or self.inside_block) and _CLOSER.match(text):
            return True
        code = _CODE_FENCE.match(text)
        return bool(code and self.code_end(index, code.group(1)) is not None)

    def list_item(self, index: int, item: re.Match[str]) -> int:
        """Read the list item (or definition) that starts at `index` as a document of its own."""
        spaces = len(item.group(2))
        width = item.end(1) + (spaces if 0 < spaces <= 4 else 1)
        end, blank = index + 1, False
        while end < len(self.lines):
            text = self.lines[end].text
            if not text.strip():
                blank = True
            elif _indent(text) < width:
                if blank or self.ends_item(end):
                    break
            else:
                blank = False
            end += 1
        while end > index + 1 and not self.lines[end - 1].text.strip():
            end -= 1
        first = self.lines[index]
        content = [Line(first.number, first.indent + width, first.text[width:])]
        for line in self.lines[index + 1:end]:
            cut = min(width, _indent(line.text))
            content.append(Line(line.number, line.indent + cut, line.text[cut:]))
        if self.depth < _MAX_DEPTH:
            _Scan(self.reading, content, bool(self.open) or self.inside_block, self.depth + 1).run()
        self.paragraph = 0
        return end
