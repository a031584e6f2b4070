"""HTML written in a body. pandoc passes an HTML tag to the web page only:
the PDF and the Word file leave it out without a word, and with it a
picture (<img>), a block (<pre>), or the wall that kept a part from
participants (<section class="facilitator">). <div> and <span> are the
exception: pandoc reads them as its own blocks and spans, in every format.

Imported by the body check only for a body with a '<' in it: most have none.
A message about a private document quotes no tag of its own making.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from aotext.documents.document import Document
from aotext.rules.base import declare
from aotext.rules.body import BodyFinding, code_fence

declare("raw-html", "an HTML tag in the body (<b>, <img>, <pre>, <section>): the web page shows it, but the PDF "
        "and the Word file leave it out, and what it holds, without a word", body=True)

# An opening tag, as pandoc reads one: <name ...> or <name/>, with the
# name followed by a space, / or >. So <https://...> and <me@example.org>
# (links), 3 < 5 and <3 (text) are no tags.
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*(?::[A-Za-z][A-Za-z0-9-]*)?)(?=[\s/>])[^<>]*>")
# One that goes on below (<section\n  class="facilitator">): a tag too, when
# a line below, before an empty one, closes it with > before any <.
_GOES_ON = re.compile(r"<([A-Za-z][A-Za-z0-9-]*(?::[A-Za-z][A-Za-z0-9-]*)?)(?=\s|$)[^<>]*$")
_NATIVE = ("div", "span")
_COMMENT = re.compile(r"<!--.*?-->")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_LIST_MARKS = "-*+0123456789"
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
# What to write instead, by tag.
_MARKDOWN = {
    "img": "a picture is ![what it shows](file.png)",
    "b": "bold is **words**", "strong": "bold is **words**", "i": "emphasis is *words*", "em": "emphasis is *words*",
    "u": "underlined is [words]{.underline}", "sup": "a superscript is ^words^", "sub": "a subscript is ~words~",
    "br": "a line break is a backslash (\\) at the end of the line",
    "pre": "code is written between two lines of ```", "code": "code is `words`", "kbd": "a key is `Ctrl`",
    "a": "a link is [words](https://example.org)", "p": "a paragraph is text with an empty line above and below it",
    "ul": "a list is lines starting with - ", "ol": "a numbered list is lines starting with 1. ",
    "li": "a list is lines starting with - ", "blockquote": "a quote is lines starting with > ",
    "hr": "a line across is --- with empty lines around it",
    "table": "a table is lines of | cells |, with a line of |---| under the first",
}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PARTS = ("section", "aside", "details", "summary", "article", "header", "footer", "nav", "main", "figure")
_ANY = ("a picture is ![what it shows](file.png), emphasis is *words*, a part for facilitators only is a "
        "'::: facilitator' block closed by ':::'; to print the angle brackets themselves, write \\< for <")


def raw_html(document: Document) -> Iterator[BodyFinding]:
    """The opening tags outside code and comments, at their line and column.
    Each line is looked at only for what it starts a block with, unless it
    holds a '<'."""
    fence, comment, code, after_blank = "", False, False, True
    items: list[int] = []  # the columns the open list items' texts start at, innermost last: code is 4 more
    lines = document.body.split("\n")
    for index, text in enumerate(lines):
        if comment:  # inside an <!-- --> comment that began on a line above
            if "-->" not in text:
                continue
            end = text.index("-->") + 3
            text, comment = " " * end + text[end:], False
        start = text.lstrip(" \t")
        if start[:1] in ("`", "~"):
            fence, fenced = code_fence(fence, text)
            if fenced:
                after_blank = False
                continue
        if fence:
            continue
        if not start:
            after_blank = True
            continue
        indent = len(text.expandtabs(4)) - len(start)
        if indent >= (items[-1] if items else 0) + 4:
            # Indented four past the text it would go on: code after an empty line.
            code = code or after_blank
        else:
            code = False
            item = _LIST_ITEM.match(start) if start[:1] in _LIST_MARKS else None
            if item or after_blank:
                # Items whose text starts right of this line end here (after an empty line, or at a new item).
                while items and items[-1] > indent:
                    items.pop()
            if item:
                items.append(indent + len(start) - len(start[item.end():].lstrip(" ")))
        after_blank = False
        if code or "<" not in text:
            continue
        if "`" in text:
            text = _CODE_SPAN.sub(_blank, text)
        if "<!--" in text:
            text = _COMMENT.sub(_blank, text)
            opened = text.find("<!--")  # a comment that goes on below
            if opened >= 0:
                text, comment = text[:opened], True
        tags = list(_TAG.finditer(text))
        if (going_on := _GOES_ON.search(text)) and _closed_below(lines, index + 1):
            tags.append(going_on)
        for tag in tags:
            before = text[:tag.start()]
            if tag.group(1).lower() in _NATIVE or before.rstrip().endswith(("](", "]:")) \
                    or (len(before) - len(before.rstrip("\\"))) % 2:
                continue  # a <div> or <span>, a link's address written <in angle brackets>, or \<, printed as <
            yield "raw-html", document.body_line + index, tag.start() + 1, _message(tag.group(1), document.private)


def _closed_below(lines: list[str], start: int) -> bool:
    """Whether a tag left open at the end of the line above `start` is closed
    below: by a > before any <, with no empty line before it (which ends it)."""
    for text in lines[start:]:
        if not text.strip():
            return False
        closes, opens = text.find(">"), text.find("<")
        if closes >= 0 and (opens < 0 or closes < opens):
            return True
        if opens >= 0:
            return False
    return False


def _blank(found: re.Match[str]) -> str:
    """As many spaces as `found` is long: the columns after it stay right."""
    return " " * len(found.group(0))


def _message(name: str, private: bool) -> str:
    known = name.lower()
    if known in _HEADINGS:
        hint = "a heading is a line starting with # (## for one level down)"
    elif known in _PARTS:
        hint = ("a part for facilitators only is a '::: facilitator' block closed by ':::', and a part of its own "
                "starts with a heading (## Title)")
    else:
        hint = _MARKDOWN.get(known, _ANY)
    what = "this tag" if private and known not in _MARKDOWN and known not in _HEADINGS + _PARTS else f"<{name}>"
    return (f"{what} is HTML, which only the web page reads: the PDF and the Word file leave it out without a word, "
            f"and what it holds with it; write it in Markdown instead: {hint}")
