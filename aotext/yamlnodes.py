"""Turn a YAML node tree into plain Python values while recording where every
key and list item sits.

PyYAML's own constructor loses positions, keeps the last of two duplicate keys
silently, turns dates into date objects and expands aliases without limit.
Composing with libyaml and walking the nodes here avoids all four.
aotext.yamlread reads front matter and project files with it, for the
python-frontmatter handler (aotext.frontmatter_handler).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from aotext.model import KeyPath, Position

_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_BOOL = "tag:yaml.org,2002:bool"
_FLOAT = "tag:yaml.org,2002:float"
# YAML 1.1 also reads yes/no/on/off as true/false, which turns a scale such
# as [no, a few, most] into [false, ...]; only true and false are booleans here.
_BOOLEANS = {"true": True, "false": False}
_CONSTRUCTOR = yaml.SafeLoader.__new__(yaml.SafeLoader)  # only its scalar converters are used
_SCALAR_CONVERTERS = {
    "tag:yaml.org,2002:int": yaml.SafeLoader.construct_yaml_int,
    _FLOAT: yaml.SafeLoader.construct_yaml_float,
    "tag:yaml.org,2002:null": yaml.SafeLoader.construct_yaml_null,
}
MAX_DEPTH = 40
# Short plain values whose tags are remembered: keys, ids, dates, levels
# repeat from document to document; prose does not, and is not kept.
_SHORT = 40
_REMEMBERED = 10_000
# YAML's own resolution of a value's tag (PyYAML declares no types for it).
_RESOLVE: Callable[[type[yaml.Node], object, object], object] = yaml.resolver.Resolver().resolve
_TAGS: dict[str, str] = {}
# The same for what such values read as (aotext.yamlsimple reads them without a tag).
_VALUES: dict[str, Any] = {}


class Loader(_SAFE_LOADER):  # type: ignore[valid-type,misc]  # libyaml's, where it is installed
    """The safe loader, leaving the tags of values the text gives none to
    `_Walker`. libyaml asks Python for the tag of every value (every key
    too): a method call each, which took a quarter of composing a front
    matter. It calls `slice` instead, a built-in that only holds what it is
    given, so such a node's tag is slice(kind, value, (plain, quoted)), and
    the walker resolves the plain values it reads, each short one once. Its
    path resolvers, which SafeLoader never has, are not walked either."""

    resolve = slice

    def descend_resolver(self, current_node: yaml.Node | None, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def tag_of(node: yaml.Node) -> str:
    """The tag of a node the `Loader` composed: the one its text gives, or
    what YAML makes of it (a plain 12 is an int; anything quoted, a string)."""
    tag = node.tag
    if not isinstance(tag, slice):
        return str(tag)
    kind, value, implicit = tag.start, tag.stop, tag.step
    if kind is yaml.ScalarNode and implicit[0]:
        return _plain_tag(value)
    return str(_RESOLVE(kind, value, implicit))  # a list or mapping, or a value not plain (quoted, a block)


def _plain_tag(value: str) -> str:
    """What YAML makes of a plain value, worked out once for a short one."""
    found = _TAGS.get(value)
    if found is None:
        found = str(_RESOLVE(yaml.ScalarNode, value, (True, False)))
        if len(value) <= _SHORT and len(_TAGS) < _REMEMBERED:
            _TAGS[value] = found
    return found


class AliasRefused(Exception):
    """The front matter reuses a value through a YAML anchor and alias."""

    def __init__(self, position: Position) -> None:
        super().__init__(position)
        self.position = position


class TooDeep(Exception):
    """The front matter nests deeper than any document type needs."""

    def __init__(self, position: Position) -> None:
        super().__init__(position)
        self.position = position


@dataclass
class Converted:
    """A front matter turned into Python values, with the line and column of every key and what YAML let pass that aotext refuses."""

    value: Any
    positions: dict[KeyPath, Position]
    # (position of the repeat, key, position of the first occurrence)
    duplicate_keys: list[tuple[Position, str, Position]] = field(default_factory=list)
    # (position, tag) of explicit tags aotext does not understand
    unknown_tags: list[tuple[Position, str]] = field(default_factory=list)
    unusable_keys: list[Position] = field(default_factory=list)  # a list or mapping used as a key


def convert(root: yaml.Node, first_line: int) -> Converted:
    """Convert `root`; `first_line` is the file line where the YAML text starts."""
    walker = _Walker(first_line)
    value = walker.walk(root, (), 0)
    return Converted(value, walker.positions, walker.duplicate_keys, walker.unknown_tags, walker.unusable_keys)


class _Walker:
    def __init__(self, first_line: int) -> None:
        self.first_line = first_line
        self.positions: dict[KeyPath, Position] = {}
        self.duplicate_keys: list[tuple[Position, str, Position]] = []
        self.unknown_tags: list[tuple[Position, str]] = []
        self.unusable_keys: list[Position] = []
        self.seen: set[int] = set()

    def where(self, node: yaml.Node) -> Position:
        mark = node.start_mark
        return (mark.line + self.first_line, mark.column + 1)

    def walk(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        # libyaml hands back the anchored node itself for every alias, so a
        # node met twice is an alias: refuse it before anything expands it.
        if id(node) in self.seen:
            raise AliasRefused(self.where(node))
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise TooDeep(self.where(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.positions[path + (index,)] = self.where(item)
                items.append(self.walk(item, path + (index,), depth + 1))
            return items
        return self.scalar(node)  # type: ignore[arg-type]  # neither mapping nor sequence: a scalar

    def mapping(self, node: yaml.MappingNode, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE or (key_node.value == "<<" and tag_of(key_node) == _MERGE):
                raise AliasRefused(self.where(key_node))
            here = self.where(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                # A list or mapping used as a key ('? [a, b]'): reported, and left out.
                self.unusable_keys.append(here)
                continue
            key = key_node.value
            key_path = path + (key,)
            if key in result:
                self.duplicate_keys.append((here, key, self.positions[key_path]))
            self.positions[key_path] = here
            result[key] = self.walk(value_node, key_path, depth + 1)
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if isinstance(tag, slice):  # no tag in the text: see `Loader`
            if not tag.step[0]:  # quoted, or a block: text
                return node.value
            tag = _plain_tag(node.value)
        value = _typed(tag, node.value)
        if value is UNKNOWN:
            self.unknown_tags.append((self.where(node), tag))
            return node.value
        return value


# What `_typed` gives for a tag aotext does not understand.
UNKNOWN = object()


def plain_value(text: str) -> Any:
    """What a plain (unquoted) value reads as, worked out once for a short one;
    UNKNOWN when YAML gives it a tag aotext does not understand (a lone '=', say)."""
    found = _VALUES.get(text, _VALUES)
    if found is _VALUES:
        found = _typed(_plain_tag(text), text)
        if len(text) <= _SHORT and len(_VALUES) < _REMEMBERED:
            _VALUES[text] = found
    return found


def _typed(tag: str, text: str) -> Any:
    """The value of the text of a scalar with `tag`; UNKNOWN for a tag aotext does not understand."""
    if tag in (_STR, _TIMESTAMP):
        # Dates stay text: the schema's `format: date` checks them, with a line.
        return text
    if tag == _BOOL:
        return _BOOLEANS.get(text.lower(), text)
    converter = _SCALAR_CONVERTERS.get(tag)
    if converter is None:
        return UNKNOWN
    if ":" in text:
        # YAML 1.1 reads 10:00 as the number 600 (base 60); a clock time stays text.
        return text
    try:
        value = converter(_CONSTRUCTOR, yaml.ScalarNode(tag, text))
    except ValueError:  # 0x_ fits YAML's pattern of a number but is none: text, which the schema reports
        return text
    # .inf and .nan are YAML numbers that no count, target or length can be:
    # they stay text, which the schema reports at their line.
    return text if isinstance(value, float) and not math.isfinite(value) else value
