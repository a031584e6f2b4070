"""Read one file safely, split front matter from body, and parse the YAML
with every key's position. Bad input becomes problems, never exceptions.
Which files are documents is aotext.discover's to find.

The framing and the YAML reading are python-frontmatter's handler interface,
implemented by aotext.frontmatter_handler.AotextHandler: this module reads and
decodes the bytes, then asks the handler whether the text opens with a fence,
where the front matter and body are, and what the front matter holds."""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aotext.crypto.sealed import Sealed, id_of, is_encrypted, sealed_message, unseal
from aotext.discover import MISNAMED_SUFFIXES, is_misnamed
from aotext.documents import fields
from aotext.documents.document import Document
from aotext.frontmatter_handler import AotextHandler
from aotext.handouts.fonts import uncommon
from aotext.model import ERROR, WARNING, KeyPath, Position, Problem

# The project file's default name, at the top of a repository: plain YAML, no
# front matter. Any file can be the project file (aotext build --project
# other.yaml): load_file(path, project=True) says so.
PROJECT_FILE = "aotext.yaml"
MAX_FILE_BYTES = 1024 * 1024
MAX_FRONT_MATTER_BYTES = 128 * 1024
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?:\s|$)")
_SEPARATOR = "======="  # git's, between the two versions of a conflict
# python-frontmatter's handler interface, with aotext's fences and YAML
# reading; see aotext.frontmatter_handler for why its methods are called
# directly rather than through frontmatter.loads.
_HANDLER = AotextHandler()


@dataclass(slots=True)
class Loaded:
    """What reading one file gave: a document (if it could be parsed) and problems."""

    path: str
    document: Document | None
    problems: list[Problem] = field(default_factory=list)
    # True when aotext itself failed on this file (exit status 2).
    internal_error: bool = False
    # An encrypted document that could not be opened: what its name tells, and why.
    sealed: Sealed | None = None
    # Other files whose presence its problems depend on (the pictures it shows).
    consulted: tuple[str, ...] = ()
    # The short strings its front matter holds, when asked for where it was read (Document.mentions).
    mentions: frozenset[str] | None = None


def _misnamed(shown: str) -> Loaded:
    name = os.path.basename(shown)
    lower = name.lower()
    stem = name[:len(name) - len(next(suffix for suffix in MISNAMED_SUFFIXES if lower.endswith(suffix)))]
    return Loaded(shown, None, [_problem(
        shown, 1, 1, "file-name",
        f"aotext reads only files whose names end in .md (in small letters), so this file is left out of every "
        f"check and handout: rename it {stem}.md")])


def load_file(path: Path | str, *, project: bool = False) -> Loaded:
    """Read and parse one file (a name as text is written with '/', as
    aotext.discover lists them); never raises for bad input. `project=True`
    reads it as the project file (plain YAML, whatever its name), otherwise
    it is a Markdown document with front matter: never guessed from the name."""
    shown = path if isinstance(path, str) else path.as_posix()
    return _guarded(shown, lambda: _load(shown, project))


def load_text(shown: str, text: str, *, project: bool = False) -> Loaded:
    """Parse a document's text as an editor holds it, not yet saved to the
    file `shown`; never raises for bad input."""
    if not project and is_misnamed(os.path.basename(shown)):
        return _misnamed(shown)
    if len(text) > MAX_FILE_BYTES // 4 and (size := len(text.encode("utf-8", "surrogatepass"))) > MAX_FILE_BYTES:
        return _too_large(shown, size)  # as lint says of the saved file, and never parsed (40 MB pasted, say)
    return _guarded(shown, lambda: _parse(shown, text, project=project, encrypted=False))


def _too_large(shown: str, size: int) -> Loaded:
    return Loaded(shown, None, [_problem(
        shown, 1, 1, "file-too-large",
        f"this file is {size / 1048576:.1f} MB; documents may be at most {MAX_FILE_BYTES // 1048576} MB. "
        "Was something pasted into it by mistake? Split it or remove the paste",
    )])


def _guarded(shown: str, load: Callable[[], Loaded]) -> Loaded:
    try:
        return load()
    except OSError as error:
        reason = error.strerror or str(error)
        return Loaded(shown, None, [_problem(shown, 1, 1, "unreadable", f"cannot read this file: {reason}; check that it exists and that you may read it")])
    except Exception as error:  # noqa: BLE001 - the one place a bug in aotext becomes a finding
        message = f"aotext failed on this file ({type(error).__name__}: {error}); please report this"
        return Loaded(shown, None, [_problem(shown, 1, 1, "internal-error", message)], internal_error=True)


def _problem(path: str, line: int, column: int, rule: str, message: str) -> Problem:
    return Problem(path, line, column, rule, ERROR, message)


def _load(shown: str, project: bool) -> Loaded:
    if not project and is_misnamed(os.path.basename(shown)):
        return _misnamed(shown)
    # By its name as text, not through a Path: reading a file so is a few percent faster.
    status = os.stat(shown)
    if stat.S_ISDIR(status.st_mode):  # a folder of documents that could not be listed
        return Loaded(shown, None, [_problem(shown, 1, 1, "unreadable", (
            "aotext cannot open this folder, so the documents in it are not checked and reach no handout; "
            "check that you may read it"))])
    if not stat.S_ISREG(status.st_mode):
        # A pipe or device would block the whole run when read.
        return Loaded(shown, None, [_problem(shown, 1, 1, "unreadable", "this is not a regular file; remove it or rename it so it does not end in .md")])
    if status.st_size > MAX_FILE_BYTES:
        return _too_large(shown, status.st_size)
    with open(shown, "rb") as handle:
        raw = handle.read()
    encrypted = not project and is_encrypted(shown)
    if encrypted:
        # Decrypted here, in memory, so every command reads it as plain text;
        # the plain text is never written anywhere.
        opened = unseal(raw, shown)
        if isinstance(opened, Sealed):
            problems = [] if opened.reason in ("no-key", "broken-key") else [  # said once, by lint
                Problem(shown, 1, 1, f"encrypted-{opened.reason}", ERROR if opened.reason == "damaged" else WARNING,
                        sealed_message(opened))]
            return Loaded(shown, None, problems, sealed=opened)
        raw = opened
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
    return _parse(shown, text, project=project, encrypted=encrypted)


def _parse(shown: str, text: str, *, project: bool, encrypted: bool) -> Loaded:
    """Parse a document's decoded text; `encrypted`: it was read from a .md.age file."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A conflict is reported from its '<<<<<<<' line on, and a separator left
    # alone once that line is gone: a file with neither has none. Most have
    # neither, and are not even cut into lines (a twentieth of reading one).
    problems = _conflict_markers(shown, text.split("\n")) if "<<<<<<<" in text or _SEPARATOR in text else []
    if project:
        return _load_project(shown, text, problems)

    frame = _HANDLER.frame(text)
    if frame is None and not _HANDLER.opens(text):
        hint = "add a line '---' above line 1 and another after the last key" if ":" in text.split("\n", 1)[0] else (
            "start the file with a line '---', then its keys (type:, id: ...), then another '---'")
        problems.append(_problem(shown, 1, 1, "front-matter", f"no front matter: {hint}"))
        return Loaded(shown, None, sorted(problems))
    if frame is None:
        problems.append(_problem(
            shown, 1, 1, "front-matter",
            "the front matter opened on line 1 is never closed: add a line '---' after the last key",
        ))
        return Loaded(shown, None, sorted(problems))
    if any(p.line <= frame.closing + 1 for p in problems):
        # The YAML cannot be read while a merge conflict sits in it.
        return Loaded(shown, None, sorted(problems))

    if len(frame.front.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        problems.append(_problem(
            shown, 2, 1, "file-too-large",
            f"the front matter is longer than {MAX_FRONT_MATTER_BYTES // 1024} KB; keep long text in the body below the second '---'",
        ))
        return Loaded(shown, None, sorted(problems))

    data, positions, yaml_problems = parse_yaml(shown, frame.front, first_line=2)
    problems.extend(yaml_problems)
    document = Document(shown, data, frame.body, frame.body_line, positions, encrypted=encrypted,
                        uncommon=_uncommon(frame.front, data, frame.body)) if data is not None else None
    if document is not None and encrypted and document.id and document.id != id_of(shown):
        line, column = document.position(("id",))
        problems.append(Problem(shown, line, column, "encrypted-name", ERROR, (
            f"the id is '{document.id}' but the file is named '{id_of(shown)}.md.age'; without a key it is known "
            f"by its name: change the id back with aotext edit, or rename the file to '{document.id}.md.age'")))
    if document is not None and encrypted and document.data.get("private") is False:
        # Without a key it could only be taken for private: handouts would differ by who builds them.
        line, column = document.position(("private",))
        problems.append(Problem(shown, line, column, "encrypted-public", ERROR, (
            "this document is encrypted but says private: false; readers without a key take every encrypted "
            "document for private, so handouts would differ by who builds them. Remove the line with aotext edit")))
    return Loaded(shown, document, sorted(problems))


def _uncommon(front: str, data: dict[str, Any], body: str) -> frozenset[str]:
    """The characters of the texts a handout may print that lint must ask the
    fonts about: the front matter's values (not its keys or comments), the body."""
    return uncommon([body, *(text for _, text in fields.every_text(data))] if not front.isascii() else [body])


def _conflict_markers(shown: str, lines: list[str]) -> list[Problem]:
    problems = []
    inside = False
    for number, line in enumerate(lines, start=1):
        match = _CONFLICT.match(line)
        if not match:
            continue
        marker = match.group(1)[0]
        if marker == "<":
            inside = True
        elif not inside:
            # What is left when a conflict's '<<<<<<<' and '>>>>>>>' lines
            # are deleted and its separator is not: Markdown makes the line
            # above it a heading and prints both versions. (A heading's
            # underline of another length is no separator.)
            if line == _SEPARATOR:
                problems.append(_problem(
                    shown, number, 1, "merge-conflict",
                    "this line '=======' is git's separator, left over from a merge conflict: the handout would "
                    "make the line above it a heading (or print the signs) and print both versions. Keep the "
                    "version you want, delete "
                    "the other and this line; if it underlines a heading, write the heading with # instead",
                ))
            continue
        elif marker == ">":
            inside = False
        problems.append(_problem(
            shown, number, 1, "merge-conflict",
            f"unresolved git merge conflict marker '{match.group(1)}': keep the lines you want, "
            "delete the others and every <<<<<<< ======= >>>>>>> line",
        ))
    return problems


def _load_project(shown: str, text: str, problems: list[Problem]) -> Loaded:
    if problems:
        return Loaded(shown, None, sorted(problems))
    data, positions, yaml_problems = parse_yaml(shown, text, first_line=1)
    # A project file is no document: what it needs is not 'type:' and 'id:'.
    problems.extend(problem if problem.rule != "front-matter" else dataclasses.replace(problem, message=(
        f"{'this file is empty' if not text.strip() else 'this is not a set of keys'}: the project file holds the "
        "collective's settings as keys with values, one per line, at least 'collective:' and 'handouts:'"))
        for problem in yaml_problems)
    document = Document(shown, data, "", 0, positions, role="project") if data is not None else None
    return Loaded(shown, document, sorted(problems))


def parse_yaml(shown: str, text: str, first_line: int,
               ) -> tuple[dict[str, Any] | None, dict[KeyPath, Position], list[Problem]]:
    """Parse YAML `text` that starts on file line `first_line` into a mapping
    with the position of every key; problems for anything else."""
    result = _HANDLER.read(text, first_line)
    problems = [Problem(shown, line, column, rule, ERROR, message) for line, column, rule, message in result.findings]
    return result.data, result.positions, problems
