"""Front matter framing and parsing, as a python-frontmatter handler.

python-frontmatter, the loader DESIGN names, reads a document through a
handler object: `detect` says whether a text starts with front matter,
`split` cuts it into front matter and body, `load` parses the front matter
and `export` writes it back (BaseHandler in frontmatter.default_handlers).
`AotextHandler` is that handler with aotext's rules:

- The fences are strict. The first line must be `---` (trailing whitespace
  allowed, as aotext always has) once a byte order mark is stripped and CRLF
  or CR line ends are made LF; nothing may come before it, not even a blank
  line. The closing fence is the first later line that is `---` or `...`.
  `----` or a fence further down is not front matter.
- The front matter is read by `aotext.yamlread`: composed by libyaml and
  converted by `aotext.yamlnodes.convert`, every key and list item keeps its
  line and column, aliases are refused, duplicate keys are recorded, dates
  stay text, yes/no stay words and 10:00 stays a clock time.

Why aotext.load calls the handler's methods itself rather than
`frontmatter.loads(text, handler=AotextHandler())` or `frontmatter.parse`
(python-frontmatter 1.3.0):

- `parse` strips the whole text before the handler sees it, so a file that
  starts with blank lines would be accepted and every line number after them
  shifted, and it strips the body, which moves `Document.body_line` and
  changes the body text.
- It merges `handler.load`'s result into a plain dict (`metadata.update`)
  and builds `Post(content, handler, **metadata)`: every position, duplicate
  key and problem is lost, so getting them back would take a second parse;
  and a front matter with a key named `content` or `handler` raises
  TypeError, a traceback in waiting.
- It returns "no metadata, the whole text as content" when `split` fails,
  so front matter that is never closed could not be told from none at all.

So `aotext.load` uses the handler object for splitting and detection
(`frame`, which is `split` with the closing fence's line, and `opens`, which
is `detect` on text already normalised, asked only when there is no frame, to
tell "no front matter" from "never closed") and for parsing (`read`, which is
`load` with positions and problems): one pass over the text and one compose
per file, as before. `split`, `load` and `export` keep
the BaseHandler contract, so `frontmatter.loads(text, handler=...)` and
`frontmatter.dumps` work with this handler too, and give the same values
aotext lints (tests/test_loader.py checks both).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml
from frontmatter.default_handlers import BaseHandler

from aotext.yamlread import Finding, FrontMatter, read_yaml

FENCE = "---"
# A fence line, for BaseHandler's interface (FM_BOUNDARY); `frame` finds
# the same lines without it. str.rstrip and the expression's \s agree on what
# whitespace is; [^\S\n] is any of it but the line end itself.
_FENCE_LINE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Frame(NamedTuple):
    """Where a document's front matter and body are."""

    front: str  # the text between the fences, without the fence lines
    body: str  # everything after the closing fence's line, exactly
    closing: int  # 0-based line index of the closing fence

    @property
    def body_line(self) -> int:
        """1-based file line where the body starts."""
        return self.closing + 2


class FrontMatterError(ValueError):
    """`AotextHandler.load` could not give a mapping; `findings` says why."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("; ".join(f"line {f.line}, column {f.column}: {f.message}" for f in findings))
        self.findings = findings


def normalise(text: str) -> str:
    """`text` without a leading byte order mark and with LF line ends only."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


class AotextHandler(BaseHandler):
    """python-frontmatter handler for aotext documents: strict `---` fences,
    YAML with positions and without aliases, dates as text."""

    FM_BOUNDARY = _FENCE_LINE
    START_DELIMITER = FENCE
    END_DELIMITER = FENCE

    # -- framing

    def detect(self, text: str) -> bool:
        """BaseHandler's detect: whether the first line is an opening fence."""
        return self.opens(normalise(text))

    def opens(self, text: str) -> bool:
        """`detect` for text that is already normalised (aotext.load
        normalises each file once, as it decodes it)."""
        end = text.find("\n")
        return (text[:end] if end >= 0 else text).rstrip() == FENCE

    def frame(self, text: str) -> Frame | None:
        """Cut normalised `text` at its fences; None when it does not open
        with one or its front matter is never closed.

        The closing fence is looked for with str.find, which runs in C, for
        the next line starting '---' and the next starting '...'; each is
        looked for again only once passed, so even a body of many '----'
        lines is scanned once. A regular expression with ^ and $ (as
        BaseHandler.split uses) cost some 10 microseconds more per
        document, about 5% of reading one."""
        opened = text.find("\n")
        if opened < 0 or text[:opened].rstrip() != FENCE:
            return None
        dash, dots = text.find("\n---", opened), text.find("\n...", opened)
        while dash >= 0 or dots >= 0:
            if dots < 0 or 0 <= dash < dots:
                at, dash = dash, text.find("\n---", dash + 1)
            else:
                at, dots = dots, text.find("\n...", dots + 1)
            fence = at + 1  # the candidate line's first character
            end = text.find("\n", fence + 3)
            if end < 0:
                end = len(text)
            if end == fence + 3 or text[fence + 3:end].isspace():
                return Frame(text[opened + 1:at], text[end + 1:], text.count("\n", 0, fence))
        return None

    def split(self, text: str) -> tuple[str, str]:
        """BaseHandler's split: (front matter, body); ValueError when `text`
        has no closed front matter (python-frontmatter then reads it as all body)."""
        framed = self.frame(normalise(text))
        if framed is None:
            raise ValueError("no front matter closed by a line '---' or '...'")
        return framed.front, framed.body

    # -- parsing

    def read(self, text: str, first_line: int = 2) -> FrontMatter:
        """Parse YAML `text` that starts on file line `first_line` into a
        mapping with the position of every key; findings for anything else."""
        return read_yaml(text, first_line)

    def load(self, fm: str, **kwargs: object) -> dict[str, Any]:
        """BaseHandler's load: the front matter as a dict (positions and
        duplicate keys are dropped); FrontMatterError when it is not a mapping."""
        result = self.read(fm)
        if result.data is None:
            raise FrontMatterError(result.findings)
        return result.data

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:
        """BaseHandler's export: `metadata` as block YAML, keys in their order."""
        kwargs.setdefault("Dumper", _YAML_DUMPER)
        kwargs.setdefault("default_flow_style", False)
        kwargs.setdefault("allow_unicode", True)
        kwargs.setdefault("sort_keys", False)
        return str(yaml.dump(metadata, **kwargs)).strip()  # type: ignore[call-overload]
