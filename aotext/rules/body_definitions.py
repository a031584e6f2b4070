"""A footnote's text, or a link's address given by name, written inside a
`::: facilitator` block while the note or the link is used outside it.
pandoc puts a note's text, and a named link's address, where they are used,
not where they are written: the participants' handouts, which leave the
block out, print them all the same.

Imported by the body check only for a body with a ::: block and a `]:` in it.
A message about a private document quotes nothing of it; none here does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from aotext.documents.document import Document
from aotext.rules.base import declare
from aotext.rules.body import BodyFinding, code_fence

declare("defined-for-facilitators", "a footnote's text or a link's address written inside a '::: facilitator' block "
        "while the note or the link is used outside it, where participants' handouts print it", body=True)

# [^label]: a footnote's text; [label]: a link's address (the label as pandoc matches it: any case).
_DEFINITION = re.compile(r" {0,3}\[(\^?)([^\]\s][^\]]*)\]:")


def definitions_for_facilitators(document: Document) -> Iterator[BodyFinding]:
    from aotext.rules.fences import read_fences  # a reading of the body's ::: blocks, as pandoc reads them

    first, lines = document.body_line, document.body.split("\n")
    reading = read_fences(document.body, first)
    inside: set[int] = set()  # the file's lines inside a facilitator block
    for block in reading.opened:
        if any(name == "facilitator" for name, _ in block.classes):
            inside.update(range(block.line, reading.closed_at.get(block.line, first + len(lines)) + 1))
    if not inside:
        return
    # As pandoc matches a label: in any case, with its spaces and line breaks as one space ([our\nguide]).
    outside = " ".join("\n".join(text for index, text in enumerate(lines) if first + index not in inside).lower().split())
    fence = ""
    for index, text in enumerate(lines):
        fence, fenced = code_fence(fence, text)
        if fenced or fence or first + index not in inside or not (found := _DEFINITION.match(text)):
            continue
        note, label = found.group(1) == "^", " ".join(found.group(2).lower().split())
        if note and f"[^{label}]" in outside.replace(f"[^{label}]:", ""):
            yield "defined-for-facilitators", first + index, found.start(1), (
                "this footnote's text is written inside a '::: facilitator' block, but the note is used outside it, "
                "and pandoc prints a note's text where it is used: participants' handouts print it. Move it out "
                "of the block, or put the sentence that uses it inside the block too")
        elif not note and f"[{label}]" in outside:
            yield "defined-for-facilitators", first + index, found.start(1), (
                "this link's address is written inside a '::: facilitator' block, but a link outside it uses it, "
                "and pandoc puts the address where the link is: participants' handouts have it. Move it out of "
                "the block, or put the link inside the block too")
