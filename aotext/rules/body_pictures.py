"""Rules of the pictures a body shows, read as the build reads them
(`aotext.handouts.images`): ![words](file.png), and ![words][name] with a
line "[name]: file.png". Each picture is named by a file in the repository
(typst prints no picture from the web), and that file is there and printable.

Imported by the body check only for a body that shows a picture. A message
about a private document never quotes what its body says.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from aotext.documents.document import Document
from aotext.handouts.images import Shown, is_address, local_path, shown, unprintable
from aotext.rules.base import declare

# (rule id, line, column, message), as aotext.rules.body's
BodyFinding = tuple[str, int, int, str]

declare("missing-picture", "a picture ![...](file) in the body whose file does not exist, or a picture "
        "![...][name] that no line '[name]: file' names the file of", body=True)
declare("picture-unreadable", "a picture ![...](file) whose file is no picture the handouts can print (a cut-short "
        "SVG, a file renamed to .png)", body=True)
declare("picture-not-a-file", "a picture given by a web address or written out as data: text, not by the name of a "
        "file in the repository: the PDF cannot print it", body=True)
declare("picture-without-alt", "a picture with no words between its brackets: readers who cannot see it, and the "
        "tagged PDF, need what it shows in words", body=True)


def check_pictures(document: Document) -> Iterator[BodyFinding]:
    body = document.body
    checked: set[int] = set()  # where a file is named: pictures sharing a "[name]: file" line are told once
    for picture in shown(body):
        if picture.name is not None and not picture.target:
            yield _undefined(document, picture)
            continue
        if not picture.alt.strip():
            yield "picture-without-alt", *_place(document, picture.alt_at), (
                "this picture has no words between its brackets: write what it shows there, as in "
                "![a map of the three bus yards](yards.png), for readers who cannot see it")
        if picture.target and picture.start not in checked:
            checked.add(picture.start)
            yield from _address(document, picture) if is_address(picture.target) else _file(document, picture)


def _place(document: Document, offset: int) -> tuple[int, int]:
    """The line and column of `offset` in the body."""
    body = document.body
    return document.body_line + body.count("\n", 0, offset), offset - body.rfind("\n", 0, offset)


def _undefined(document: Document, picture: Shown) -> BodyFinding:
    named = "this picture's name" if document.private else f"[{picture.name}]"
    return "missing-picture", *_place(document, picture.start), (
        f"no line '{named}: file name' gives this picture's file, so every handout prints it as text: "
        "add that line, with an empty line above it, or write the picture as ![what it shows](file.png)")


def _address(document: Document, picture: Shown) -> Iterator[BodyFinding]:
    """typst, which makes the PDF, reads pictures from files only: it fetches
    nothing from the web and takes no data: text, so the PDF would fail."""
    target = picture.target.lower()
    if target.startswith(("http:", "https:", "ftp:", "//")):
        why = ("aotext does not fetch pictures from the web: download it into the repository, beside this document, "
               "and give its file name, as in ![a map of the three bus yards](yards.png)")
    elif target.startswith("data:"):
        why = ("this picture is written out as data: text, which the PDF cannot print: save it as a file beside this "
               "document (PNG, JPEG or SVG) and give its file name, as in ![a map of the three bus yards](yards.png)")
    else:
        what = "this picture's address" if document.private else f"'{picture.target}'"
        why = (f"{what} is not the name of a picture file: give the file's name, relative to this document's folder, "
               "as in ![a map of the three bus yards](yards.png)")
    yield "picture-not-a-file", *_place(document, picture.start), why


def _file(document: Document, picture: Shown) -> Iterator[BodyFinding]:
    path = local_path(document, picture.target)
    what = "this picture's file" if document.private else f"the picture {path}"
    if Path(path).is_file():
        why = unprintable(path)
        if why is not None:
            yield "picture-unreadable", *_place(document, picture.start), (
                f"{what} cannot be printed: {why}; save it again as PNG, JPEG or SVG from the program that made it")
        return
    yield "missing-picture", *_place(document, picture.start), (
        f"{what} does not exist: correct the name, or add the file; "
        "a picture's name is relative to this document's folder, or to the top of the repository when "
        "it starts with /")
