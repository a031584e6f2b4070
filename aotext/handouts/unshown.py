"""Where the characters a PDF's fonts cannot show are written, in words a
person can act on: the file and line, the characters and their script, and
where to add a font that has them. A private document's characters are
counted, never quoted: its words stay out of what the build prints."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

from aotext.documents import fields
from aotext.documents.document import Document
from aotext.project import Project
from aotext.words import plural

# At most this many characters are quoted in a message; the rest are counted.
QUOTED = 12
# Scripts that are no script: punctuation, symbols and emoji, marks that take their base's.
_NO_SCRIPT = {"Zyyy", "Zinh", "Zzzz"}


def unshown_messages(unshown: str, documents: Sequence[Document], project: Project) -> list[str]:
    """One message for each file that holds some of the `unshown` characters
    (the documents the PDF prints or reads, then the project file), and one
    for any no file holds."""
    missing = set(unshown)
    left = dict.fromkeys(unshown)
    messages = []
    files = [(d.path, d.private, _document_lines(d)) for d in {d.path: d for d in documents}.values()]
    if project.file:
        files.append((project.file, False, _file_lines(Path(project.file))))
    for path, private, lines in files:
        found = [(number, text) for number, text in lines if missing.intersection(text)]
        if not found:
            continue
        chars = "".join(dict.fromkeys(char for _, text in found for char in text if char in missing))
        for char in chars:
            left.pop(char, None)
        more = f" (and {plural(len(found) - 1, 'more line')})" if len(found) > 1 else ""
        messages.append(f"{path} line {found[0][0]}{more}: {cannot_show(chars, private)}: {remedy(project)}")
    if left:
        messages.append(f"the handout's own words: {cannot_show(''.join(left), False)}: {remedy(project)}")
    return messages


def cannot_show(chars: str, private: bool) -> str:
    """'the fonts cannot show 'ᐃ ᓄ' (Canadian Aboriginal)', the characters
    shown apart (a mark on a dotted circle), or only counted."""
    scripts = ", ".join(dict.fromkeys(name for char in chars if (name := _script(char))))
    named = f" ({scripts})" if scripts else ""
    if private:
        return f"the fonts cannot show {plural(len(chars), 'character')}{named} of this private document"
    quoted = " ".join(f"\u25cc{char}" if unicodedata.category(char).startswith("M") else char
                      for char in chars[:QUOTED])
    rest = f" and {len(chars) - QUOTED} more" if len(chars) > QUOTED else ""
    return f"the fonts cannot show '{quoted}'{rest}{named}"


def remedy(project: Project) -> str:
    project_file = project.file or "aotext.yaml"
    if project.fonts:
        return f"add a font that has them to the folder '{project.fonts}' (see README, 'Fonts')"
    return f"put a font that has them in a fonts folder and name it in {project_file} as 'fonts:' (see README, 'Fonts')"


def _script(char: str) -> str | None:
    from fontTools import unicodedata as scripts

    code = scripts.script(char)
    return None if code in _NO_SCRIPT else str(scripts.script_name(code))


def _document_lines(document: Document) -> list[tuple[int, str]]:
    """(line, text) of the front matter's texts and the body's lines, in the file's order."""
    front = [(document.position(key_path)[0], text) for key_path, text in fields.every_text(document.data)]
    body = [(document.body_line + offset, text) for offset, text in enumerate(document.body.splitlines())]
    return sorted(front) + body


def _file_lines(path: Path) -> list[tuple[int, str]]:
    try:
        return list(enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1))
    except OSError:
        return []
