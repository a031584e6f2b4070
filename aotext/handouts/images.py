"""Pictures the documents show: `![caption](map.png)` in a body names a file
relative to the document's own folder, as does `![caption][name]` with a
line `[name]: map.png`. The build copies each into the folder
pandoc and typst read pictures from, under a name made from its bytes, and
fingerprints it as an input of every handout that prints the document."""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterator, MutableMapping
from pathlib import Path, PurePosixPath

from aotext.documents.document import Document
from aotext.documents.records import frozen
from aotext.handouts.sources import marked

# ![caption](target "title"): the caption may hold one level of [brackets];
# the target is a plain word or <written in angle brackets>.
# Every picture a body shows begins so: a text without it shows none.
PICTURE_MARK = "!["
_CAPTION = r"!\[((?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]"
_TARGET = r"(<[^<>\n]*>|[^\s()<>]+)"
_IMAGE = re.compile(_CAPTION + r"\(\s*" + _TARGET)
# ![caption][name], ![caption][] and ![caption]: the file is named by a line
# "[name]: file.png" elsewhere in the body (pandoc matches names ignoring case
# and spacing; the last such line wins). That line is a paragraph of its own
# (pandoc prints one directly under text as text), up to three spaces in, in a
# quote too, with the file on it or on the next line.
_REFERENCE = re.compile(_CAPTION + r"(?:\[([^\[\]]*)\])?(?![(\[])")
_DEFINITION = re.compile(r"^(?: {0,3}>)* {0,3}\[([^\[\]^][^\[\]]*)\]:[ \t]*(?:\n(?: {0,3}>)*[ \t]*)?" + _TARGET,
                         re.MULTILINE)
# What may stand on the line above a definition: nothing (or a quote's >), a heading, a code fence.
_BLOCK_ABOVE = re.compile(r"^(?: {0,3}>)*\s*$| {0,3}(?:#|```|~~~)")
_URL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]+:|//|#)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)


@frozen
class Shown:
    """One picture a body shows, its target as written: a file name, a web
    address, or "" for a reference picture no line names the file of."""

    target: str
    # Where the target is written: for ![..][name], on its line "[name]: ...",
    # or where the ![ is when no line names the file.
    start: int
    end: int
    alt: str  # what it shows, in words: the text between the brackets
    alt_at: int  # where that text starts in the body
    name: str | None  # the [name] of ![..][name] (the words of ![..][] and ![..]); None for ![..](file)


@frozen
class Picture:
    """One local picture a document shows."""

    start: int  # where its target is written in the body
    end: int
    # The file, written as the document's path is: content/curriculum/map.png
    # (a name with .. in it is tidied, never resolved).
    path: str
    alt: str = ""  # what it shows, in words: the text between the brackets
    alt_at: int = 0  # where that text starts in the body


def _code_ranges(body: str) -> list[tuple[int, int]]:
    """Where the body holds code, whose ![...](...) is text, not a picture."""
    ranges: list[tuple[int, int]] = []
    offset, fence, fence_start = 0, "", 0
    for line in body.splitlines(keepends=True):
        found = _FENCE.match(line)
        if fence:
            if found and found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence) \
                    and not line.strip()[len(found.group(1)):].strip():
                ranges.append((fence_start, offset + len(line)))
                fence = ""
        elif found:
            fence, fence_start = found.group(1), offset
        offset += len(line)
    if fence:
        ranges.append((fence_start, len(body)))
    outside = _without(body, ranges)
    ranges += [match.span() for match in _CODE_SPAN.finditer(outside)]
    return ranges


def _without(body: str, ranges: list[tuple[int, int]]) -> str:
    """The body with the given ranges blanked out, keeping every offset."""
    text = list(body)
    for start, end in ranges:
        text[start:end] = " " * (end - start)
    return "".join(text)


def shown(body: str) -> list[Shown]:
    """Every picture `body` shows, outside code, in the order written."""
    if PICTURE_MARK not in body:
        return []
    code = _code_ranges(body)
    found = [Shown(_unbracketed(match.group(2)), match.start(2), match.end(2), match.group(1), match.start(1), None)
             for match in _IMAGE.finditer(body) if not _within(code, match.start())]
    references = [match for match in _REFERENCE.finditer(body) if not _within(code, match.start())]
    if references:
        named = _definitions(body, code)
        for match in references:
            name = match.group(2) or match.group(1)
            start, end = named.get(_label(name), (match.start(), match.start()))
            found.append(Shown(_unbracketed(body[start:end]), start, end, match.group(1), match.start(1), name))
        found.sort(key=lambda picture: picture.alt_at)
    return found


def _within(ranges: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in ranges)


def _unbracketed(target: str) -> str:
    return target[1:-1].strip() if target.startswith("<") else target


def _label(name: str) -> str:
    """A reference's name as pandoc matches it: case and spacing aside."""
    return " ".join(name.split()).casefold()


def _definitions(body: str, code: list[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Where each "[name]: file" line of `body` writes its file, by name."""
    named: dict[str, tuple[int, int]] = {}
    ended = -1  # where the last definition's line ends: the next may follow directly
    for match in _DEFINITION.finditer(body):
        line = match.start()
        above = body[body.rfind("\n", 0, max(line - 1, 0)) + 1:max(line - 1, 0)]
        if _within(code, line) or not (line == 0 or line - 1 == ended or _BLOCK_ABOVE.match(above)):
            continue
        named[_label(match.group(1))] = match.span(2)
        ended = body.find("\n", match.end())
    return named


def is_address(target: str) -> bool:
    """Whether a picture's target is a web address, data: or #anchor rather than a file's name."""
    return _URL.match(target) is not None


def local_path(document: Document, target: str) -> str:
    """The file a picture's target names, written as the document's path is."""
    # A name starting with / is from the top of the repository (where aotext runs), never the disk's root.
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(PurePosixPath(Path(document.path).parent.as_posix()) / target)


def pictures(document: Document) -> Iterator[Picture]:
    """The local pictures a document's body shows, in order (never web addresses).
    Reference pictures sharing one "[name]: file" line share its place."""
    for picture in shown(document.body):
        if picture.target and not is_address(picture.target):
            yield Picture(picture.start, picture.end, local_path(document, picture.target), picture.alt,
                          picture.alt_at)


# How each kind of picture the handouts print begins: PNG, JPEG, GIF, WebP (an
# SVG is XML, read whole). pandoc and typst refuse anything else, and a web
# page would show an empty frame without a word.
_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")


def unprintable(path: str) -> str | None:
    """Why the picture file `path` cannot be printed, or None when it can (or is not there)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None  # a missing picture is said as such
    if data.startswith(_SIGNATURES) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return None
    if PurePosixPath(path).suffix.lower() != ".svg":
        return "it is not a PNG, JPEG, GIF or WebP picture (its name may say so, but what it holds is not)"
    import xml.etree.ElementTree as ElementTree  # only for the rare SVG

    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return f"it is not a whole SVG drawing (line {error.position[0]}: {str(error).split(':')[0]})"
    if not root.tag.endswith("svg"):
        return "it is XML, but not an SVG drawing"
    return _svg_size_problem(root.attrib)


_LENGTH = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)(?:px|pt|pc|mm|cm|in|em|ex|%)?\s*$")


def _svg_size_problem(attributes: dict[str, str]) -> str | None:
    """What typst would refuse in an SVG's size: a width or height that is no
    positive length, a viewBox that is not four numbers with a positive size."""
    for key in ("width", "height"):
        value = attributes.get(key)
        found = _LENGTH.match(value) if value is not None else None
        if value is not None and (found is None or float(found.group(1)) <= 0):
            return f"its {key} '{value}' is not a size above zero"
    box = attributes.get("viewBox")
    if box is not None:
        try:
            numbers = [float(part) for part in box.replace(",", " ").split()]
        except ValueError:
            numbers = []
        if len(numbers) != 4 or numbers[2] <= 0 or numbers[3] <= 0:
            return f"its viewBox '{box}' is not four numbers with a width and height above zero"
    return None


def read_picture(document: Document, path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        # Imported here: lint reads pictures with this module, and the renderer takes 4 ms to import.
        from aotext.handouts.render import RenderError

        reason = "there is no such file" if isinstance(error, FileNotFoundError) else (error.strerror or str(error))
        raise RenderError(f"{document.path} shows the picture {path}, which cannot be read ({reason}); "
                          "a picture's name is relative to the document's own folder, or to the top of the "
                          "repository when it starts with /") from error


def staged_name(path: str, data: bytes) -> str:
    """The picture's name in the build's picture folder: two different pictures never share one."""
    return f"picture-{hashlib.sha256(data).hexdigest()[:16]}{PurePosixPath(path).suffix.lower()}"


def printed_body(document: Document, images: MutableMapping[str, bytes]) -> str:
    """The document's body with each local picture renamed to its staged name,
    and the picture's bytes added to `images`. Raises RenderError for a
    picture that is not there."""
    body = document.body
    out: list[str] = []
    last = 0
    for picture in sorted(pictures(document), key=lambda picture: picture.start):
        if picture.start < last:
            continue  # a second reference picture to the same "[name]: file" line, renamed already
        data = read_picture(document, picture.path)
        name = staged_name(picture.path, data)
        images[name] = data
        out += [body[last:picture.start], name]
        last = picture.end
    # Leading blank lines go, so the marker's line count stays exact.
    printed = ("".join(out) + body[last:] if out else body)
    if not printed.strip():
        return ""
    skipped = len(printed) - len(printed.lstrip("\n"))
    return marked(document.path, document.body_line + skipped, printed.lstrip("\n"))
