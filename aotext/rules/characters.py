"""A character no font of the PDF handouts has (an emoji; a script, such as
Chinese or Inuktitut, that no font in the project's fonts folder has): typst
refuses to make a tagged PDF with it, so lint says where it is, before a
build. Only documents that a handout may print are asked about: a private
one never is. The fonts are read only when a document uses a character
outside those every build's fonts show (aotext.handouts.fonts)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from aotext.corpus import Corpus
from aotext.documents import fields
from aotext.documents.document import Document
from aotext.handouts.fonts import font_set, needs_glyph
from aotext.handouts.unshown import cannot_show, remedy
from aotext.load import load_file
from aotext.model import WARNING, KeyPath
from aotext.project import Project, read_project
from aotext.rules.base import Finding, rule


# A warning: only the PDF needs the glyph (a Word file and a web page use the
# reader's fonts), and the build still makes those, stopping only the PDF.
@rule("unprintable-character", "a character the PDF handouts' fonts cannot show (an emoji, or a script no font in "
      "the fonts folder has): the PDF would not be made", severity=WARNING)
def unprintable_character(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    asked = [document for document in corpus.documents if document.uncommon and not document.private]
    if not asked:
        return
    project = _project(corpus)
    shown = corpus.memo("fonts-show", lambda: _shown(project))
    if shown is None:
        return  # typst's own fonts could not be read: the build says what it finds
    for document in asked:
        missing = {char for char in document.uncommon if ord(char) not in shown and needs_glyph(char)}
        if missing:
            key_path, where, in_order = _first_place(document, missing)
            yield document, key_path, (
                f"{where}{cannot_show(in_order, False)}, so the PDF handouts that print this document would not be "
                f"made (the Word files and web pages would): {remedy(project)}, or write them another way"
            )


def _project(corpus: Corpus) -> Project:
    # Its fonts folder counts whatever the focus: a re-check of one edited
    # file (the editor, lint's cache) must see the fonts a full lint sees.
    document = corpus.project
    return read_project(document, Path(document.path).parent) if document is not None else Project(Path("."), "")


def _shown(project: Project) -> frozenset[int] | None:
    """Every character some font of the PDF has, found as the build finds
    it: typst's own fonts and those of the fonts folder."""
    folder = project.fonts_dir
    return font_set(folder if folder is not None and folder.is_dir() else None).shown


def _first_place(document: Document, missing: set[str]) -> tuple[KeyPath, str, str]:
    """Where the first of the `missing` characters is: a front-matter value
    (pointed at) or the text below the front matter (its line, said); and the
    missing characters in the order they come."""
    texts = list(fields.every_text(document.data))
    body = document.body or _body(document)
    in_order = "".join(dict.fromkeys(char for text in [*(text for _, text in texts), body] for char in text
                                     if char in missing)) or "".join(sorted(missing))
    for key_path, text in texts:
        if missing.intersection(text):
            return key_path, "", in_order
    for offset, line in enumerate(body.split("\n")):
        if missing.intersection(line):
            return (), f"in the text, line {document.body_line + offset}: ", in_order
    return (), "", in_order


def _body(document: Document) -> str:
    """The body, read again: lint lets bodies go once each file is checked."""
    again = load_file(Path(document.path), project=document.role == "project").document
    return again.body if again is not None else ""
