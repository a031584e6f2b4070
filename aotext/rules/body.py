"""Rules of one document's body: its `:::` blocks are closed and of a kind
the handouts know, its headings go down one level at a time (the pictures
it shows: aotext.rules.body_pictures).

They run where each document is read (`aotext.reading.read_and_check`), before
its body is dropped, so they are declared here and reported by lint with the
id and severity declared. A message about a private document never quotes
what its body says: a class or a file name may be a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from aotext.documents.document import Document
from aotext.model import WARNING
from aotext.rules.base import declare
from aotext.rules.placeholders import check_placeholders
from aotext.words import did_you_mean

if TYPE_CHECKING:
    from aotext.rules.fence_lines import AsText, Fence

# The kinds of ::: block that the pandoc filter, aotext/templates/handout.lua, acts on.
BLOCKS = ("facilitator", "answer-lines", "question", "page-break", "slide", "slide-body")
# Blocks the layouts write themselves, never a document's body: the report's
# chart pictures, which its web page replaces with inline SVG. In a body
# they are unknown blocks like any other.
LAYOUT_BLOCKS = ("print-chart",)

# (rule id, line, column, message)
BodyFinding = tuple[str, int, int, str]

declare("unclosed-block", "a ::: block that is never closed, so everything after it, in the handouts too, falls inside it", body=True)
declare("stray-block-end", "a ::: line that closes no block: pandoc prints it, and on slides it cuts the module short", body=True)
declare("block-read-as-text", "a ::: line that pandoc prints as text instead of starting a block "
        "(directly under text, indented, or more than one word)", body=True)
declare("unknown-block", "a ::: block of a kind aotext does not know, such as a misspelt ::: facilitator", body=True)
declare("heading-skipped", "a heading more than one level below the one before it (## then ####), which the "
        "tagged PDF and screen readers cannot follow", body=True)
declare("format-only", "a raw block or span for one output format (```{=typst}, `...`{=html}): the other "
        "formats of a handout leave it out without a word", body=True)
declare("unknown-activity", "an activity=ID mark in a body that names no activity of its module", body=True)
declare("activity-unplaced", "a timed activity that its module's body does not mark with activity=ID while it marks "
        "others, so the agenda puts it after the module's presentation", severity=WARNING, body=True)

_AS_TEXT = {
    "under-text": "because it comes directly under a line of text: leave an empty line above it",
    "indented": "because it does not start at the beginning of the line: remove the spaces before ':::' "
                "(in a list item, line it up with the item's first word)",
    "words": "because more than one word follows the colons: write one (::: facilitator), "
             "or put them in braces (::: {.facilitator .other})",
}


def check_body(document: Document) -> Iterator[BodyFinding]:
    """What is wrong in the body of `document`. What reads its blocks and
    its pictures is imported only for a body that has some: every command
    lints, and most documents have neither."""
    body = document.body
    if ":::" in body:
        yield from _blocks(document)
        if "]:" in body:
            from aotext.rules.body_definitions import definitions_for_facilitators

            yield from definitions_for_facilitators(document)
    if "![" in body:
        from aotext.rules.body_pictures import check_pictures

        yield from check_pictures(document)
    if "#" in body:
        yield from _headings(document)
    if "{=" in body:
        yield from _raw(document)
    if "<" in body:
        from aotext.rules.body_markup import raw_html

        yield from raw_html(document)
    if document.type == "module":
        yield from _activity_marks(document)
    yield from check_placeholders(document)


_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")
# The line under a heading written the other way: Title, then ===== (level 1) or ----- (level 2).
_UNDERLINE = re.compile(r"^(=+|-+)[ \t]*$")
# What a heading (or its underline) or a code fence starts with, after up to three spaces.
_MARKS = ("#", "`", "~", "=", "-")
_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def code_fence(fence: str, text: str) -> tuple[str, bool]:
    """The code fence open after the line `text` ("" outside code), when
    `fence` was open before it, and whether the line opened or closed one."""
    code = _CODE.match(text)
    if code and (not fence or (code.group(1)[0] == fence[0] and len(code.group(1)) >= len(fence))):
        return ("" if fence else code.group(1)), True
    return fence, False


def headings(body: str) -> Iterator[tuple[int, int]]:
    """(index of the line in `body`, level) of each Markdown heading outside
    code blocks: `## Title`, or Title underlined with = or - (at Title's line)."""
    fence, lines = "", body.split("\n")
    for index, text in enumerate(lines):
        if text.lstrip(" ")[:1] not in _MARKS:
            continue  # prose: neither a heading nor a fence (most lines; matching each was a third of the body check)
        fence, fenced = code_fence(fence, text)
        if fenced or fence:
            continue
        if (heading := _ATX.match(text)) is not None:
            yield index, len(heading.group(1))
        elif (underline := _UNDERLINE.match(text)) and _lone_line_above(lines, index):
            yield index - 1, 1 if underline.group(1)[0] == "=" else 2


def _lone_line_above(lines: list[str], index: int) -> bool:
    """Whether the line above `index` is a paragraph of one line, which an
    underline makes a heading (below a longer paragraph, pandoc reads the
    underline as text; below an empty line, ---- is a line across)."""
    above = lines[index - 1] if index else ""
    return (bool(above.strip()) and (index == 1 or not lines[index - 2].strip())
            and above.lstrip(" ")[:1] not in ("#", "`", "~", ":") and len(above) - len(above.lstrip(" ")) < 4)


def _headings(document: Document) -> Iterator[BodyFinding]:
    """Heading levels go down one at a time. A handout sets the body's biggest
    headings (the fewest #: # or ##, as its writer chose) one level under the
    document's own heading, so the body's first heading must be one of them."""
    found = list(headings(document.body))
    top = min((level for _, level in found), default=1)
    before = top - 1
    for index, level in found:
        if level > before + 1:
            text = document.body.split("\n")[index]  # rare: split again rather than keep every line
            where = (f"right after level {before} ({'#' * before})" if before >= top else
                     f"while a heading further down is level {top} ({'#' * top})")
            yield "heading-skipped", document.body_line + index, len(text) - len(text.lstrip()) + 1, (
                f"this heading is level {level} ({'#' * level}) {where}: make it {'#' * (before + 1)}, so that "
                "the tagged PDF and screen readers can follow the outline")
        before = level


# The formats a raw block or span prints in: each other one leaves it out.
_RAW_PRINTS = {"typst": "PDF handouts", "html": "web pages", "html5": "web pages", "openxml": "Word files"}
_RAW_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*\{=([\w-]+)\}")
_RAW_SPAN = re.compile(r"`+[^`]+`+\{=([\w-]+)\}")


def _raw(document: Document) -> Iterator[BodyFinding]:
    """Raw blocks and spans, which pandoc passes to one format only: a handout
    is PDF, Word file and web page, and the others would drop them silently."""
    fence = ""
    for index, text in enumerate(document.body.split("\n")):
        raw = _RAW_FENCE.match(text) if not fence else None
        fence, _ = code_fence(fence, text)
        if raw is not None:
            yield _raw_finding(document.body_line + index, text.index(raw.group(1)) + 1, raw.group(2), "block")
        elif not fence:
            for span in _RAW_SPAN.finditer(text):
                yield _raw_finding(document.body_line + index, span.start() + 1, span.group(1), "text")


def _raw_finding(line: int, column: int, form: str, what: str) -> BodyFinding:
    prints = _RAW_PRINTS.get(form.lower())
    where = (f"prints only in {prints}; the handout's other formats leave it out without a word" if prints else
             f"prints in no handout (aotext makes PDF with typst, Word files and web pages, never {form})")
    return "format-only", line, column, (
        f"this {{={form}}} {what} {where}: write it in Markdown instead (::: page-break starts a new page in every "
        "format), or take it out")


def _activity_marks(document: Document) -> Iterator[BodyFinding]:
    """Every mark names one of the module's activities, and once a body marks
    some, it marks every timed one, so the agenda times each where the body
    runs it. A body that marks none is timed as presentation, then activities."""
    from aotext.agenda import activity_marks
    from aotext.documents.types.module import Module

    module = document.view
    if not isinstance(module, Module):
        return
    marks = activity_marks(module)
    ids = [activity.id for activity in module.activities if activity.id]
    for name, (line, _) in marks.at.items():
        if name not in ids:
            yield "unknown-activity", line, 1, (
                f"this module has no activity '{name}'{did_you_mean(name, ids)}, so the agenda cannot place it: "
                "use one of the ids under 'activities:' at the top")
    for activity in module.activities if marks.at else ():
        if activity.id and activity.minutes is not None and activity.id not in marks.at:
            line, column = document.position(("activities", activity.index, "id"))
            yield "activity-unplaced", line, column, (
                f"the body does not say where activity '{activity.id}' happens, so the agenda times it after the "
                f"module's presentation: add activity={activity.id} to the block of its instructions, "
                f"as in '::: {{.facilitator activity={activity.id}}}'")


def _blocks(document: Document) -> Iterator[BodyFinding]:
    from aotext.rules.fences import read_fences

    reading = read_fences(document.body, document.body_line)
    private = document.private
    for fence in reading.unclosed:
        yield "unclosed-block", fence.line, fence.column, (
            f"this {_named(fence, private)} block is never closed, so everything after it falls inside it, "
            "and in a handout every document after this one too: add a line ':::' where the block ends")
    for fence in reading.stray:
        yield "stray-block-end", fence.line, fence.column, (
            "this ':::' closes no block, so pandoc prints it as text, and on the slides it cuts the module short: "
            "remove it, or add the line that opens the block (such as '::: facilitator') above")
    for found in reading.as_text:
        yield "block-read-as-text", found.line, found.column, _as_text(found)
    for fence in reading.opened:
        for key, _, column in fence.attributes:
            if key == "activity" and document.type != "module":
                yield "unknown-activity", fence.line, column, (
                    "only a module's body places activities in the agenda: remove 'activity=...' here")
        for name, column in fence.classes:
            if name not in BLOCKS:
                what = "this kind of block is not one" if private else f"'{name}' is not a kind of block"
                yield "unknown-block", fence.line, column, (
                    f"{what} aotext knows{did_you_mean(name.lower(), BLOCKS)}; the kinds are: {', '.join(BLOCKS)}")


def _named(fence: Fence, private: bool) -> str:
    """'::: facilitator', or '::: ' alone when its class is not ours to quote."""
    names = [name for name, _ in fence.classes if name in BLOCKS or not private]
    return f"::: {names[0]}" if names else ":::"


def _as_text(found: AsText) -> str:
    what = "this ':::' line" if found.closing else "this ':::' line as text, not as the start of a block,"
    if found.reason == "table":
        return (f"pandoc reads {what} inside a table: the line of dashes on line {found.cause}, directly above "
                "text, starts one; leave an empty line under the dashes")
    if found.closing:
        return f"pandoc reads {what} as text, so it closes no block, {_AS_TEXT[found.reason]}"
    return f"pandoc reads {what} {_AS_TEXT[found.reason]}"
