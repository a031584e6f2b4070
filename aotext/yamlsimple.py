"""Read the plain YAML most front matter is written in, without libyaml.

Almost every document's front matter is keys and values, one per line: lists
of groups of keys, [a, b] lists, quoted values, and paragraphs folded under
`>-` or kept under `|`. This module reads that kind of text line by line and
gives exactly what composing it with libyaml and converting it with
aotext.yamlnodes gives: the same values, and the same line and column for
every key and list item. One regular expression cuts every line into its
indent, dash, key and rest in a single call; what is left for Python is a
step per value (a value on one line: aotext.yamlinline). It takes about
two thirds of libyaml's time (52-54 µs against 76-79 µs for the benchmarks'
documents), and reading front matter is most of what lint does.

Anything else (anchors, tags, braces, a value over several lines, a key
twice, a tab, odd indentation, ...) it leaves to libyaml, by answering None:
nothing outside the plain kind is read here, and every finding about bad
YAML stays libyaml's. tests/test_yamlsimple.py compares both readings on
every document aotext ships, on generated ones, on some 700 tricky texts and
on 4,000 edited front matters.
"""

from __future__ import annotations

import re
from typing import Any

from aotext.model import KeyPath, Position
from aotext.yamlinline import NotSimple, double_quoted, flow_list, plain, single_quoted

# Characters libyaml refuses to read, or reads specially (line ends other than
# LF, the byte order mark), and the tab, which has rules of its own: text
# holding any is left to libyaml. Named as they are, not as all the others
# are: compiled in 0.7 ms against 6.3, at the start of every command.
_UNREAD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
# Every line, cut into its indent, a list item's dash, a key as nearly every
# front matter writes it, and the rest: one call reads them all.
_LINE = re.compile(r"^( *)(-(?: +|$))?(?:([A-Za-z_][A-Za-z0-9_-]*):(?: +|$))?(.*)$", re.MULTILINE)
# First characters that make a value something other than a plain one (or
# no value on the line: a comment, or spaces before one).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")
# libyaml refuses a key of more than 1,024 characters (a YAML limit on keys written without '?').
_LONGEST_KEY = 1000
# Deeper than any document type nests: left to libyaml, which has its own limit.
_MAX_DEPTH = 12


def read_simple(text: str, first_line: int) -> tuple[dict[str, Any], dict[KeyPath, Position]] | None:
    """The mapping `text` (starting on file line `first_line`) holds and the
    position of every key and list item, as aotext.yamlnodes.convert gives
    them; None when the text is not of the plain kind this module reads."""
    if _UNREAD.search(text) is not None:
        return None
    try:
        reader = _Reader(text, first_line)
        if reader.index >= len(reader.lines) or reader.tokens[reader.index][0] or reader.tokens[reader.index][1]:
            return None  # empty, indented as a whole, or a list: left to libyaml's findings
        value = reader.mapping(0, (), 0)
        if reader.index < len(reader.lines):
            return None  # a line indented where nothing can follow
    except NotSimple:
        return None
    return value, reader.positions


class _Reader:
    """Reads the lines in order: `index` is the current one's."""

    def __init__(self, text: str, first_line: int) -> None:
        self.lines = text.split("\n")
        # (indent, dash, key, rest) of every line
        self.tokens: list[tuple[str, str, str, str]] = _LINE.findall(text)
        if len(self.tokens) != len(self.lines):
            raise NotSimple  # a line the expression does not cut: none is known
        self.first_line = first_line
        self.positions: dict[KeyPath, Position] = {}
        self.index = self.skip(0)

    def skip(self, index: int) -> int:
        """The first line from `index` on that holds something: not blank, not a comment."""
        tokens = self.tokens
        while index < len(tokens):
            _, dash, key, rest = tokens[index]
            if dash or key or (rest and rest[0] != "#"):
                return index
            index += 1
        return index

    def mapping(self, indent: int, path: KeyPath, depth: int) -> dict[str, Any]:
        """The keys at column `indent` from the current line on. The first may
        open a list item (its '- ' left of `indent`); the others may not."""
        if depth > _MAX_DEPTH:
            raise NotSimple
        result: dict[str, Any] = {}
        tokens, positions, first_line = self.tokens, self.positions, self.first_line
        index = self.index
        while True:
            _, _, key, rest = tokens[index]
            if not key or key in result or len(key) > _LONGEST_KEY:
                raise NotSimple  # not a key, one said twice, or one libyaml refuses: it names what is wrong
            key_path = (*path, key)
            positions[key_path] = (index + first_line, indent + 1)
            if rest and rest[0] not in _INDICATORS:
                result[key] = plain(rest)
                index += 1
            else:
                self.index = index
                result[key] = self.value(rest, indent, key_path, depth + 1, True)
                index = self.index
            index = self.skip(index)
            if index >= len(tokens):
                break
            found, dash, _, _ = tokens[index]
            if len(found) < indent:
                break
            if len(found) > indent or dash:
                raise NotSimple  # a value over several lines, or indented wrongly
        self.index = index
        return result

    def sequence(self, indent: int, path: KeyPath, depth: int) -> list[Any]:
        """The list items ('- ') at column `indent` from the current line on."""
        if depth > _MAX_DEPTH:
            raise NotSimple
        result: list[Any] = []
        tokens, positions, first_line = self.tokens, self.positions, self.first_line
        index = self.index
        while True:
            found, dash, key, rest = tokens[index]
            if not dash:
                break  # a key in line with the list: the next of the mapping it is in
            item_path = (*path, len(result))
            column = indent + len(dash)
            if key:
                positions[item_path] = (index + first_line, column + 1)
                self.index = index
                result.append(self.mapping(column, item_path, depth + 1))
                index = self.index
            elif not rest or rest[0] == "#":
                raise NotSimple  # an item with its value below, or none
            else:
                positions[item_path] = (index + first_line, column + 1)
                if rest[0] not in _INDICATORS:
                    result.append(plain(rest))
                    index += 1
                else:
                    self.index = index
                    result.append(self.value(rest, indent, item_path, depth + 1, False))
                    index = self.index
                index = self.skip(index)
            if index >= len(tokens):
                break
            found = tokens[index][0]
            if len(found) < indent:
                break
            if len(found) > indent:
                raise NotSimple
        self.index = index
        return result

    def value(self, rest: str, parent: int, path: KeyPath, depth: int, keyed: bool) -> Any:
        """The value that starts the rest of the current line (a key's, when
        `keyed`, or a list item's), in a collection at column `parent`; the
        current line moves past it."""
        first = rest[:1]
        if first in ("", "#", " "):
            if rest.lstrip(" ")[:1] not in ("#", ""):
                raise NotSimple
            self.index = self.skip(self.index + 1)
            return self.nested(parent, path, depth, keyed)
        if first == ">" or first == "|":
            return self.block(rest.rstrip(" "), parent)
        if first == "[":
            value: Any = self.flow_list(rest, path)
        elif first == '"':
            value = double_quoted(rest)
        elif first == "'":
            value = single_quoted(rest)
        elif first == "-" and len(rest) > 1 and rest[1] != " ":
            value = plain(rest)  # -5, -x: plain
        else:
            raise NotSimple
        self.index += 1
        return value

    def nested(self, parent: int, path: KeyPath, depth: int, keyed: bool) -> Any:
        """A value given on the lines below its key: a list or group of keys."""
        if self.index >= len(self.tokens):
            raise NotSimple  # nothing: libyaml says where a null sits
        found, dash, _, _ = self.tokens[self.index]
        if len(found) > parent or (keyed and len(found) == parent and dash):
            # A key's list may line up with the key itself.
            if dash:
                return self.sequence(len(found), path, depth)
            return self.mapping(len(found), path, depth)
        raise NotSimple

    def flow_list(self, rest: str, path: KeyPath) -> list[Any]:
        """[a, b, c] on one line: each item at its own column."""
        line = self.lines[self.index]
        column = len(line) - len(rest) + 1
        number = self.index + self.first_line
        items = flow_list(rest)
        for index, (offset, _) in enumerate(items):
            self.positions[(*path, index)] = (number, column + offset)
        return [value for _, value in items]

    def block(self, header: str, parent: int) -> str:
        """A folded (>) or literal (|) value on the lines below its header; the
        current line moves past it."""
        if header not in (">", ">-", "|", "|-"):
            raise NotSimple  # kept (+), given an indent, or followed by a comment
        lines = self.lines
        start = self.index + 1
        if start >= len(lines):
            raise NotSimple
        first = lines[start]
        indent = len(first) - len(first.lstrip(" "))
        if indent <= parent or indent == len(first):
            raise NotSimple  # an empty value, or blank lines before it
        margin = first[:indent]
        joint = " " if header[0] == ">" else "\n"
        parts = [first[indent:]]
        blanks = 0
        last = start
        tokens = self.tokens
        for index in range(start + 1, len(lines)):
            line = lines[index]
            found = tokens[index][0]  # the line's indent
            if found == margin and len(line) > indent:
                if blanks:
                    parts.append("\n" * (blanks if joint == " " else blanks + 1))
                    blanks = 0
                else:
                    parts.append(joint)
                parts.append(line[indent:])
                last = index
            elif len(found) != len(line):
                if len(found) > indent:
                    raise NotSimple  # more indented lines keep their line ends: libyaml's rules
                break  # less indented: the next key
            elif len(line) > indent:
                raise NotSimple  # spaces that are text
            else:
                blanks += 1
        if last == len(lines) - 1 and not header.endswith("-"):
            raise NotSimple  # whether the last line break is kept depends on how the text ends
        self.index = last + 1
        value = "".join(parts)
        return value if header.endswith("-") else value + "\n"
