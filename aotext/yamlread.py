"""Read YAML text (a document's front matter, the project file, an answers
file) into a mapping with the line and column of every key, and say whatever
is wrong with it as findings in plain words, never as exceptions.

libyaml composes the text and `aotext.yamlnodes.convert` turns the nodes into
values: aliases are refused, duplicate keys are recorded, dates stay text,
yes/no stay words and 10:00 stays a clock time. Before composing, indentation
pasted as characters that only look like spaces is named, and text that may
nest deeply is checked, since libyaml's composer can crash the process on it.
Plain keys and values, which most front matter is, are read by
`aotext.yamlsimple` instead, to the same values and positions, in about two
thirds of the time. aotext.frontmatter_handler.AotextHandler reads front matter with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from aotext.model import KeyPath, Position
from aotext.yamlnodes import MAX_DEPTH, AliasRefused, Loader, TooDeep, convert
from aotext.yamlsimple import read_simple

# Above this many [, {, - and ? characters, nesting depth is checked before composing.
_NESTING_MARKS = 1000


class Finding(NamedTuple):
    """A problem without its file: where, which rule, what to do."""

    line: int
    column: int
    rule: str
    message: str


@dataclass
class FrontMatter:
    """What reading a YAML text gave: a mapping with every key's position, or None, and findings."""

    data: dict[str, Any] | None
    positions: dict[KeyPath, Position] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def read_yaml(text: str, first_line: int) -> FrontMatter:
    """Parse YAML `text` that starts on file line `first_line` into a
    mapping with the position of every key; findings for anything else."""
    where = "the front matter" if first_line > 1 else "this file"
    pasted = _pasted_indentation(text, first_line)
    if pasted:
        return FrontMatter(None, findings=pasted)
    simple = read_simple(text, first_line)
    if simple is not None:  # plain keys and values, as most front matter: read as libyaml would, faster
        data, positions = simple
        positions[()] = (1, 1)
        return FrontMatter(data, positions)
    try:
        if _may_nest_deeply(text) and _deeper_than(text, MAX_DEPTH):
            return FrontMatter(None, findings=[Finding(first_line, 1, "yaml-syntax", _too_deep(where))])
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        return FrontMatter(None, findings=[_yaml_error(error, [""] * (first_line - 1) + text.split("\n"), first_line)])
    except yaml.reader.ReaderError as error:
        return FrontMatter(None, findings=[_control_character(error, text, first_line)])
    except yaml.YAMLError as error:
        return FrontMatter(None, findings=[Finding(first_line, 1, "yaml-syntax", f"{where} is not valid YAML ({error})")])
    if root is None:  # nothing but blank lines or comments
        return FrontMatter(None, findings=[Finding(1, 1, "front-matter", f"{where} is empty: add at least 'type:' and 'id:'")])
    try:
        converted = convert(root, first_line=first_line)
    except AliasRefused as error:
        line, column = error.position
        return FrontMatter(None, findings=[Finding(
            line, column, "yaml-alias",
            "this value is reused with a YAML anchor and alias (&name / *name); aotext does not expand "
            "aliases: write the value out in full where it is needed",
        )])
    except TooDeep as error:
        line, column = error.position
        return FrontMatter(None, findings=[Finding(line, column, "yaml-syntax", _too_deep(where))])

    findings = [
        Finding(line, column, "duplicate-key", f"the key '{key}' appears twice (first on line {first[0]}); keep one of them")
        for (line, column), key, first in converted.duplicate_keys
    ]
    findings += [
        Finding(line, column, "yaml-syntax", f"the YAML tag '{tag}' is not supported; remove it")
        for (line, column), tag in converted.unknown_tags
    ]
    findings += [
        Finding(line, column, "yaml-syntax", "this key is a list or a group of keys; a key is one word followed by "
                "a colon, such as 'title:'")
        for line, column in converted.unusable_keys
    ]
    if not isinstance(converted.value, dict):
        kind = "a list" if isinstance(converted.value, list) else "a single value"
        findings.append(Finding(
            first_line, 1, "front-matter",
            f"{where} is {kind}; it must be keys with values, one per line, such as 'type: plan'",
        ))
        return FrontMatter(None, findings=findings)
    positions = converted.positions
    positions[()] = (1, 1)
    return FrontMatter(converted.value, positions, findings)


def _too_deep(where: str) -> str:
    return f"{where} is nested too deeply; nothing aotext reads needs this many levels"


def _may_nest_deeply(text: str) -> bool:
    """Cheap test: only text with many of the characters that open a nested
    level ([, {, - and ?) can nest deeply enough to matter."""
    return sum(text.count(mark) for mark in "[{-?") > _NESTING_MARKS


def _deeper_than(text: str, limit: int) -> bool:
    """Whether the YAML nests deeper than `limit`. libyaml's composer recurses
    in C and crashes the process on some tens of thousands of levels; its
    parser keeps its own stack, so the events can be counted safely first."""
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > limit:
                return True
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return False


# Characters that look like a space but are not one to YAML: pasted from web
# pages and word processors, they turn an indented key into an unknown one.
_LOOKALIKE_SPACES = {"\u00a0": "non-breaking spaces", "\u2007": "figure spaces", "\u202f": "narrow non-breaking spaces",
                     "\u3000": "ideographic spaces"}


_KEY_OR_ITEM = re.compile(r"^(- |[A-Za-z_][\w-]*:(\s|$))")


def _pasted_indentation(text: str, first_line: int) -> list[Finding]:
    """A finding for each line indented with characters that only look like spaces."""
    if not any(character in text for character in _LOOKALIKE_SPACES):
        return []
    findings = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        rest = line.lstrip()
        indent = line[:len(line) - len(rest)]
        found = next((name for character, name in _LOOKALIKE_SPACES.items() if character in indent), None)
        # Only where a key or a list item starts: text inside a value may hold them.
        if found and _KEY_OR_ITEM.match(rest):
            column = next(index for index, character in enumerate(indent) if character in _LOOKALIKE_SPACES) + 1
            findings.append(Finding(number, column, "yaml-syntax",
                                    f"this line is indented with {found} (often pasted from a web page or a word "
                                    "processor), which YAML does not read as spaces: retype the indentation with "
                                    "ordinary spaces"))
    return findings


def _control_character(error: yaml.reader.ReaderError, text: str, first_line: int) -> Finding:
    """An invisible character YAML refuses (often left by a copy from another
    program), at the line and column where it is."""
    before = text[:error.position]
    line = first_line + before.count("\n")
    column = error.position - (before.rfind("\n") + 1) + 1
    return Finding(line, column, "yaml-syntax",
                   f"this line holds an invisible control character (code {error.character:#04x}), often left by "
                   "copying from another program: delete it, or retype the line")


def _yaml_error(error: yaml.MarkedYAMLError, lines: list[str], first_line: int) -> Finding:
    mark = error.problem_mark or error.context_mark
    if "could not find expected ':'" in (error.problem or "") and error.context_mark is not None:
        # libyaml notices the missing colon only on the next line; the key is where the context began.
        mark = error.context_mark
    line = mark.line + first_line if mark else first_line
    column = mark.column + 1 if mark else 1
    problem = error.problem or ""
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in problem or "\t" in source_line[:column]:
        tab_column = source_line.find("\t") + 1 or column
        return Finding(line, tab_column, "yaml-syntax",
                       "a tab character is used here; YAML indents with spaces only: replace the tab with spaces")
    if "mapping values are not allowed" in problem:
        message = "a value contains ': ' where YAML does not expect it; put the whole value in quotes, e.g. title: \"Goals: what we hope to achieve\""
    elif "could not find expected ':'" in problem:
        message = "a line here is missing the ':' after its key, or is indented differently from the lines around it"
    elif "expected <block end>" in problem or "did not find expected" in problem:
        message = f"YAML could not read this ({problem}); check the indentation and that quotes and brackets are closed"
    else:
        message = f"YAML could not read this ({problem or error}); check the indentation, colons and quotes"
    return Finding(line, column, "yaml-syntax", message)
