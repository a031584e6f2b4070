"""What an output is made from, as digests: the documents it reads, the
pictures they show, and the tools that make it (every file of aotext's own
code, templates and schemas, and the pandoc and typst versions). An output
whose fingerprint is unchanged is up to date."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from aotext.documents.document import Document
from aotext.documents.records import frozen
from aotext.handouts import versions
from aotext.handouts.fonts import font_files
from aotext.handouts.images import PICTURE_MARK, Picture, pictures
from aotext.handouts.select import Output
from aotext.load import load_file
from aotext.own_files import own_digest

# How an input read only for its front matter is named among an output's inputs.
_FRONT_MATTER = " (front matter)"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@frozen
class ToolVersions:
    """The tools that make every output, found once per build."""

    aotext: str  # digest of aotext's code, templates and schemas
    pandoc: str
    typst: str

    @property
    def digest(self) -> str:
        return digest(json.dumps(self.__dict__, sort_keys=True).encode())

    def changes_from(self, previous: object) -> list[str]:
        """What changed since the tools recorded with an output, in words."""
        if not isinstance(previous, dict):
            return []
        changed = []
        if previous.get("aotext") != self.aotext:
            changed.append("aotext itself (its code, templates or schemas)")
        for name in versions.TOOLS:
            old, new = previous.get(name), getattr(self, name)
            if old != new:
                changed.append(f"{new} (was {old})" if isinstance(old, str) else new)
        return changed


def tool_versions(root: Path) -> ToolVersions:
    """The tools as they are now, for the repository at `root` (where the
    pandoc and typst versions are remembered): call it once per build."""
    return ToolVersions(aotext=own_digest(), **versions.tool_versions(root))


def inputs(output: Output) -> dict[str, str]:
    """path -> digest of what the output reads: whole files it prints, the
    pictures their bodies show, and the front matter of the documents it
    reads for context (a module's title, its activities and their minutes on
    the role cards, its language): all of it, as no list of the keys a layout
    reads would be kept in step with the layouts."""
    read = {document.path: Path(document.path).read_bytes() for document in output.documents}
    found = {path: digest(data) for path, data in read.items()}
    for document in output.documents:
        for picture in _pictures(document, read[document.path]):
            try:
                found[picture.path] = digest(Path(picture.path).read_bytes())
            except OSError:
                found[picture.path] = "missing"
    for document in output.context:
        found[document.path + _FRONT_MATTER] = digest(json.dumps(document.data, sort_keys=True, default=str).encode())
    return found


def _pictures(document: Document, data: bytes) -> Iterator[Picture]:
    """The pictures a document shows, its file holding `data`. For `aotext
    build --list` lint lets the bodies go: a document without one is read
    again, when its file may show a picture (an encrypted file's bytes do not say)."""
    if PICTURE_MARK.encode() not in data and not document.encrypted:
        return iter(())  # the body is part of the file
    shown = document if document.body else load_file(Path(document.path)).document
    return pictures(shown) if shown is not None else iter(())


def fonts_digest(folder: Path | None) -> str | None:
    """A digest of the font files of the project's fonts folder, names and
    bytes: adding, removing or changing a font changes every PDF."""
    if folder is None:
        return None
    hashed = hashlib.sha256()
    for path in font_files(folder) if folder.is_dir() else []:
        hashed.update(path.relative_to(folder).as_posix().encode() + b"\0")
        try:
            hashed.update(path.read_bytes())
        except OSError:
            hashed.update(b"(unreadable)")
    return hashed.hexdigest()


def input_files(inputs: Iterable[str]) -> set[str]:
    """The files named by the keys of `inputs`, titles or whole."""
    return {name.removesuffix(_FRONT_MATTER) for name in inputs}
