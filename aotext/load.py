"""Find documents, read them safely, split front matter from body, and parse
the YAML with every key's position. Bad input becomes problems, never
exceptions."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from aotext.documents.document import Document
from aotext.model import ERROR, Problem
from aotext.yamlnodes import MAX_DEPTH, AliasRefused, TooDeep, convert

# The project file's default name, at the top of a repository: plain YAML, no
# front matter. Any file can be the project file (aotext build --project
# other.yaml): load_file(path, project=True) says so.
PROJECT_FILE = "aotext.yaml"
MAX_FILE_BYTES = 1024 * 1024
MAX_FRONT_MATTER_BYTES = 128 * 1024
# Folders that never hold documents (tool caches, outputs, git itself).
SKIPPED_DIRS = frozenset({"build", "node_modules", "__pycache__"})
# READMEs explain a folder to people; they are not documents.
SKIPPED_FILES = frozenset({"readme.md"})
_FENCE = "---"
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?:\s|$)")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Above this many [, {, - and ? characters, nesting depth is checked before composing.
_NESTING_MARKS = 1000


@dataclass
class Loaded:
    """What reading one file gave: a document (if it could be parsed) and problems."""

    path: str
    document: Document | None
    problems: list[Problem] = field(default_factory=list)
    # True when aotext itself failed on this file (exit status 2).
    internal_error: bool = False


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Every Markdown document under `paths` (and any file named directly), sorted, each once."""
    found: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_file():
            found.add(path)
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS]
            for name in files:
                if name.endswith(".md") and name.lower() not in SKIPPED_FILES:
                    found.add(Path(root, name))
    return sorted(found, key=os.fspath)  # strings sort much faster than paths


def load_file(path: Path, *, project: bool | None = None) -> Loaded:
    """Read and parse one file; never raises for bad input. `project=True`
    reads it as the project file (plain YAML, whatever its name),
    `project=False` as a Markdown document with front matter. None, the
    default for now, decides by name (a file named PROJECT_FILE is the
    project file) so that callers not yet saying which keep working."""
    shown = path.as_posix()
    try:
        return _load(path, shown, project)
    except OSError as error:
        reason = error.strerror or str(error)
        return Loaded(shown, None, [_problem(shown, 1, 1, "unreadable", f"cannot read this file: {reason}; check that it exists and that you may read it")])
    except Exception as error:  # noqa: BLE001 - the one place a bug in aotext becomes a finding
        message = f"aotext failed on this file ({type(error).__name__}: {error}); please report this"
        return Loaded(shown, None, [_problem(shown, 1, 1, "internal-error", message)], internal_error=True)


def _problem(path: str, line: int, column: int, rule: str, message: str) -> Problem:
    return Problem(path, line, column, rule, ERROR, message)


def _load(path: Path, shown: str, project: bool | None = None) -> Loaded:
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):
        # A pipe or device would block the whole run when read.
        return Loaded(shown, None, [_problem(shown, 1, 1, "unreadable", "this is not a regular file; remove it or rename it so it does not end in .md")])
    size = status.st_size
    if size > MAX_FILE_BYTES:
        return Loaded(shown, None, [_problem(
            shown, 1, 1, "file-too-large",
            f"this file is {size / 1048576:.1f} MB; documents may be at most {MAX_FILE_BYTES // 1048576} MB. "
            "Was something pasted into it by mistake? Split it or remove the paste",
        )])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return Loaded(shown, None, [_problem(
            shown, line, column, "encoding",
            f"this file is not UTF-8 text (byte 0x{raw[error.start]:02x}); "
            "open it in your editor and save it with the UTF-8 encoding",
        )])
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    problems = _conflict_markers(shown, lines)
    if project is None:  # the callers' old way, until they say it: by name
        project = path.name == PROJECT_FILE
    if project:
        return _load_project(shown, text, lines, problems)

    if not lines or lines[0].rstrip() != _FENCE:
        hint = "add a line '---' above line 1 and another after the last key" if ":" in lines[0] else (
            "start the file with a line '---', then its keys (type:, id: ...), then another '---'")
        problems.append(_problem(shown, 1, 1, "front-matter", f"no front matter: {hint}"))
        return Loaded(shown, None, sorted(problems))
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in (_FENCE, "...")), None)
    if closing is None:
        problems.append(_problem(
            shown, 1, 1, "front-matter",
            "the front matter opened on line 1 is never closed: add a line '---' after the last key",
        ))
        return Loaded(shown, None, sorted(problems))
    if any(p.line <= closing + 1 for p in problems):
        # The YAML cannot be read while a merge conflict sits in it.
        return Loaded(shown, None, sorted(problems))

    front = "\n".join(lines[1:closing])
    if len(front.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        problems.append(_problem(
            shown, 2, 1, "file-too-large",
            f"the front matter is longer than {MAX_FRONT_MATTER_BYTES // 1024} KB; keep long text in the body below the second '---'",
        ))
        return Loaded(shown, None, sorted(problems))

    document, yaml_problems = _parse_front_matter(shown, front, lines, closing)
    problems.extend(yaml_problems)
    return Loaded(shown, document, sorted(problems))


def _conflict_markers(shown: str, lines: list[str]) -> list[Problem]:
    problems = []
    inside = False
    for number, line in enumerate(lines, start=1):
        match = _CONFLICT.match(line)
        if not match:
            continue
        marker = match.group(1)[0]
        # '=======' alone is also a Markdown heading underline; it only
        # counts inside a conflict that '<<<<<<<' opened.
        if marker == "<":
            inside = True
        elif not inside:
            continue
        elif marker == ">":
            inside = False
        problems.append(_problem(
            shown, number, 1, "merge-conflict",
            f"unresolved git merge conflict marker '{match.group(1)}': keep the lines you want, "
            "delete the others and every <<<<<<< ======= >>>>>>> line",
        ))
    return problems


def _load_project(shown: str, text: str, lines: list[str], problems: list[Problem]) -> Loaded:
    if problems:
        return Loaded(shown, None, sorted(problems))
    data, positions, yaml_problems = parse_yaml(shown, text, lines, first_line=1)
    problems.extend(yaml_problems)
    document = Document(shown, data, "", 0, positions, role="project") if data is not None else None
    return Loaded(shown, document, sorted(problems))


def _parse_front_matter(shown: str, front: str, lines: list[str], closing: int) -> tuple[Document | None, list[Problem]]:
    data, positions, problems = parse_yaml(shown, front, lines, first_line=2)
    if data is None:
        return None, problems
    body = "\n".join(lines[closing + 1:])
    return Document(shown, data, body, closing + 2, positions), problems


def parse_yaml(shown: str, text: str, lines: list[str], first_line: int) -> tuple[dict | None, dict, list[Problem]]:
    """Parse YAML `text` that starts on file line `first_line` into a mapping
    with the position of every key; problems for anything else."""
    where = "the front matter" if first_line > 1 else "this file"
    try:
        if _may_nest_deeply(text) and _deeper_than(text, MAX_DEPTH):
            return None, {}, [_problem(shown, first_line, 1, "yaml-syntax",
                                       f"{where} is nested too deeply; nothing aotext reads needs this many levels")]
        root = yaml.compose(text, Loader=_YAML_LOADER)
    except yaml.MarkedYAMLError as error:
        return None, {}, [_yaml_error(shown, error, lines, first_line)]
    except yaml.YAMLError as error:
        return None, {}, [_problem(shown, first_line, 1, "yaml-syntax", f"{where} is not valid YAML ({error})")]
    if root is None:  # nothing but blank lines or comments
        return None, {}, [_problem(shown, 1, 1, "front-matter", f"{where} is empty: add at least 'type:' and 'id:'")]
    try:
        converted = convert(root, first_line=first_line)
    except AliasRefused as error:
        line, column = error.position
        return None, {}, [_problem(
            shown, line, column, "yaml-alias",
            "this value is reused with a YAML anchor and alias (&name / *name); aotext does not expand "
            "aliases: write the value out in full where it is needed",
        )]
    except TooDeep as error:
        line, column = error.position
        return None, {}, [_problem(shown, line, column, "yaml-syntax", f"{where} is nested too deeply; nothing aotext reads needs this many levels")]

    problems = [
        _problem(shown, line, column, "duplicate-key",
                 f"the key '{key}' appears twice (first on line {first[0]}); keep one of them")
        for (line, column), key, first in converted.duplicate_keys
    ]
    problems += [
        _problem(shown, line, column, "yaml-syntax", f"the YAML tag '{tag}' is not supported; remove it")
        for (line, column), tag in converted.unknown_tags
    ]
    if not isinstance(converted.value, dict):
        kind = "a list" if isinstance(converted.value, list) else "a single value"
        problems.append(_problem(
            shown, first_line, 1, "front-matter",
            f"{where} is {kind}; it must be keys with values, one per line, such as 'type: plan'",
        ))
        return None, {}, problems
    positions = converted.positions
    positions[()] = (1, 1)
    return converted.value, positions, problems


def _may_nest_deeply(text: str) -> bool:
    """Cheap test: only text with many of the characters that open a nested
    level ([, {, - and ?) can nest deeply enough to matter."""
    return sum(text.count(mark) for mark in "[{-?") > _NESTING_MARKS


def _deeper_than(text: str, limit: int) -> bool:
    """Whether the YAML nests deeper than `limit`. libyaml's composer recurses
    in C and crashes the process on some tens of thousands of levels; its
    parser keeps its own stack, so the events can be counted safely first."""
    depth = 0
    for event in yaml.parse(text, Loader=_YAML_LOADER):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > limit:
                return True
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return False


def _yaml_error(shown: str, error: yaml.MarkedYAMLError, lines: list[str], first_line: int) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + first_line if mark else first_line
    column = mark.column + 1 if mark else 1
    problem = error.problem or ""
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in problem or "\t" in source_line[:column]:
        tab_column = source_line.find("\t") + 1 or column
        return _problem(shown, line, tab_column, "yaml-syntax",
                        "a tab character is used here; YAML indents with spaces only: replace the tab with spaces")
    if "mapping values are not allowed" in problem:
        message = "a value contains ': ' where YAML does not expect it; put the whole value in quotes, e.g. title: \"Goals: what we hope to achieve\""
    elif "could not find expected ':'" in problem:
        message = "a line here is missing the ':' after its key, or is indented differently from the lines around it"
    elif "expected <block end>" in problem or "did not find expected" in problem:
        message = f"YAML could not read this ({problem}); check the indentation and that quotes and brackets are closed"
    else:
        message = f"YAML could not read this ({problem or error}); check the indentation, colons and quotes"
    return _problem(shown, line, column, "yaml-syntax", message)
