"""The fonts the PDF handouts are set in, and the characters they can show.

typst sets a PDF only in the fonts it carries, never in the computer's own,
so that every machine prints the same: the template asks for Libertinus
Serif, code is in DejaVu Sans Mono, and typst falls back to New Computer
Modern (and its Math font) for a character Libertinus lacks. For a
character none of them has, typst would print an empty box; in a tagged
PDF (PDF/UA-1, as aotext makes) it refuses, naming only the first such
character and a font. `fonts:` in the project file names a folder of font
files that typst uses too, tried in turn before that fallback. Each font's
character map (its cmap) says which characters it has, so that the build
can name every one that none of them has, and where it is written.

typst carries its fonts inside its compiled module, not as files: their
character maps are read from there, and only when typst could not make a
PDF, to say why."""

from __future__ import annotations

import io
import re
import struct
import unicodedata
from collections.abc import Iterable
from functools import cache, cached_property
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from aotext.documents.records import frozen

if TYPE_CHECKING:
    import typst

# The files typst reads from a fonts folder (and its subfolders).
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
# How a font file starts: TrueType, OpenType with PostScript outlines, old Apple TrueType, a collection.
FONT_SIGNATURES = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")
# Variation selectors choose a glyph's form; they have none of their own.
_SELECTORS = ((0x180B, 0x180F), (0xFE00, 0xFE0F), (0xE0100, 0xE01EF))
# A table tag in a font's table directory: four printable ASCII letters.
_TAG = re.compile(rb"[ -~]{4}")


# What the fonts every build carries show for sure: ASCII, Latin with its
# accents, Cyrillic, punctuation, currency, letter-like symbols and arrows (a
# test checks typst's fonts against it). Lint reads the fonts only for a
# document that uses a character outside these (an emoji, another script).
COMMONLY_SHOWN = frozenset(chr(code) for first, last in (
    (0x00, 0x24F), (0x400, 0x4FF), (0x1E00, 0x1EFF), (0x2000, 0x2064), (0x20A0, 0x20C0), (0x2100, 0x214F),
    (0x2190, 0x21FF)) for code in range(first, last + 1))


def uncommon(texts: Iterable[str]) -> frozenset[str]:
    """The characters of `texts` outside COMMONLY_SHOWN: for most texts none,
    found at C speed (a test per text, then a set only for those that need one)."""
    found: set[str] = set()
    for text in texts:
        if not text.isascii():
            found.update(text)
    return frozenset(found - COMMONLY_SHOWN) if found else frozenset()


def font_files(folder: Path) -> list[Path]:
    """The font files in `folder` and its subfolders: those typst looks at."""
    return sorted(path for path in folder.rglob("*") if path.suffix.lower() in FONT_SUFFIXES and path.is_file())


def is_font(path: Path) -> bool:
    """Whether the file starts as a font does (a download that went wrong is often a web page)."""
    try:
        with path.open("rb") as stream:
            return stream.read(4) in FONT_SIGNATURES
    except OSError:
        return False


def needs_glyph(char: str) -> bool:
    """Whether a font must have `char` to show it: spaces, line breaks and
    invisible marks (a zero-width joiner, a soft hyphen) need none."""
    if unicodedata.category(char) in ("Zs", "Zl", "Zp", "Cc", "Cf", "Cs"):
        return False
    return not any(first <= ord(char) <= last for first, last in _SELECTORS)


@frozen
class FontSet:
    """The fonts of one build's PDFs: what typst is given, and what they can show."""

    typst: typst.Fonts
    # The families of the fonts folder's fonts, in the order the template tries them.
    families: tuple[str, ...]
    # The fonts folder's fonts: each file, and the font's place in it (a collection holds several).
    added: tuple[tuple[Path, int], ...]

    @cached_property
    def shown(self) -> frozenset[int] | None:
        """Every code point some font has; None when typst's own fonts could
        not be read. Read only when a PDF could not be made, so a build that
        shows every character pays nothing for it."""
        own = embedded_coverage()
        return None if own is None else own.union(*(_cmap(path, index) for path, index in self.added))

    def lacks(self, text: str) -> str:
        """The characters of `text` that no font has, each once, in the order they come."""
        shown = self.shown
        if shown is None:
            return ""
        return "".join(char for char in dict.fromkeys(text) if ord(char) not in shown and needs_glyph(char))


def font_set(folder: Path | None) -> FontSet:
    """typst's own fonts and those of `folder`, found once per build."""
    import typst

    fonts = typst.Fonts(include_system_fonts=False, font_paths=[str(folder)] if folder else [])
    added = sorted((font for font in fonts.fonts() if font.path is not None), key=lambda font: (font.path or "", font.index))
    return FontSet(fonts, tuple(dict.fromkeys(font.family for font in added)),
                   tuple((Path(font.path or ""), font.index) for font in added))


def _cmap(data: Path | bytes, index: int = 0) -> frozenset[int]:
    """The code points a font file (or the bytes of one) has a glyph for."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(io.BytesIO(data) if isinstance(data, bytes) else data, fontNumber=index, lazy=True)
        return frozenset(font.getBestCmap() or ())
    except (OSError, TTLibError, AssertionError, struct.error):
        return frozenset()  # not a font: typst skips it too, and lint names it


@cache
def embedded_coverage() -> frozenset[int] | None:
    """The code points typst's own fonts have (a quarter of a second, once);
    None when not every font typst lists is found in its module."""
    import typst

    spec = find_spec("typst._typst")
    try:
        fonts = embedded_fonts(Path(spec.origin).read_bytes()) if spec and spec.origin else []
    except OSError:
        return None
    if len(fonts) != sum(font.path is None for font in typst.Fonts(include_system_fonts=False).fonts()):
        return None
    return frozenset().union(*(_cmap(font) for font in fonts))


def embedded_fonts(data: bytes) -> list[bytes]:
    """Every font file held whole inside `data` (a compiled module), each
    once: where a font's table directory is (a known signature, then sorted
    four-letter tags that include 'cmap'), the bytes its tables span."""
    found: dict[bytes, bytes] = {}
    for signature in FONT_SIGNATURES[:2]:  # a font built into a program is never a collection, nor old Apple
        at = data.find(signature)
        while at != -1:
            count = struct.unpack_from(">H", data, at + 4)[0] if at + 6 <= len(data) else 0
            end_of_directory = at + 12 + 16 * count
            if 4 <= count <= 64 and end_of_directory <= len(data):
                tables = [struct.unpack_from(">4sIII", data, at + 12 + 16 * number) for number in range(count)]
                tags = [table[0] for table in tables]
                if b"cmap" in tags and tags == sorted(tags) and all(_TAG.fullmatch(tag) for tag in tags):
                    size = max(offset + length for _, _, offset, length in tables)
                    found.setdefault(data[at:end_of_directory], data[at:at + size])
            at = data.find(signature, at + 1)
    return list(found.values())
