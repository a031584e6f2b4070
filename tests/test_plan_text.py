"""What a plan's front matter says (titles, units, levels, what to do if a
benchmark is missed) and what its logs celebrate is plain text, not
Markdown or HTML: the one-page plan and the benchmark report print it as
typed in every format, read back from the PDF, the Word file and the web page."""

from __future__ import annotations

import html
import re

import docx
import pypdf

from helpers import AS_OF, GOOD_REPO, PLAN, PROJECT, REFLECTION, built_tree

TITLE = 'A new <img src=x onerror=alert(2)> "quote" driver'
UNIT = "</title><b>XSS3</b>"
GOAL = "A *union* of _drivers_ [all](x.png) `yard` <i>only</i> ~sub~ ^sup^ &amp; {.facilitator} @cite $5"
LEVEL = "<b>most</b>"
IF_MISSED = "1. Call <b>every</b> rep | then meet"
CELEBRATE = "- We *won* <u>the vote</u>"
NAME = "Bus <b>drivers</b> & *co*"  # the plan's title, in the title block
HANDOUTS = """\
  - name: plan
    title: One-page plan
    layout: plan
    audience: coordinator
    formats: [pdf, docx, html]
  - name: report
    title: Benchmark report
    layout: report
    audience: coordinator
    formats: [pdf, docx, html]
"""


def quoted(text: str) -> str:
    """`text` as YAML's double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def squeezed(text: str) -> str:
    """Without any white space: a narrow table cell wraps where the PDF's reader puts spaces."""
    return "".join(text.split())


def test_plan_text_prints_as_typed_in_every_format(tmp_path):
    plan = PLAN.replace("title: Bus drivers campaign", f"title: {quoted(NAME)}").replace(
        "title: A driver-rep signs up 2 new drivers this month", f"title: {quoted(TITLE)}").replace(
        "unit: new drivers", f"unit: {quoted(UNIT)}").replace(
        "title: An independent organization of drivers", f"title: {quoted(GOAL)}").replace(
        # Due before the report's day, and not met: the report says what to do.
        "if_missed: Hold a meeting about what the union means to us.", f"if_missed: {quoted(IF_MISSED)}").replace(
        "due: 2026-12-31", "due: 2026-11-22").replace(
        "scale: [no, a few, most]", f"scale: [no, a few, {quoted(LEVEL)}]").replace(
        "target_level: most", f"target_level: {quoted(LEVEL)}")
    log = REFLECTION.replace("  - Three new drivers signed up.", f"  - {quoted(CELEBRATE)}")
    files = {"aotext.yaml": PROJECT + HANDOUTS, "content/plans/bus-plan.md": plan, "content/logs/log-2026-11-20.md": log}
    with built_tree(tmp_path, {**GOOD_REPO, **files},
                    "--as-of", AS_OF, "--only", "plan", "--only", "report") as root:
        for name, typed in (("plan-bus-plan", (NAME, TITLE, UNIT, GOAL, LEVEL, IF_MISSED)),
                            ("report-bus-plan", (NAME, TITLE, UNIT, LEVEL, IF_MISSED, CELEBRATE))):
            pdf = squeezed(" ".join(page.extract_text() for page in pypdf.PdfReader(root / f"build/{name}.pdf").pages))
            word = docx.Document(str(root / f"build/{name}.docx"))
            cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
            word_text = squeezed(" ".join([paragraph.text for paragraph in word.paragraphs] + cells))
            page = (root / f"build/{name}.html").read_text(encoding="utf-8")
            body = page[page.index("<body"):]
            for text in typed:
                # pandoc prints straight quotes curly, as everywhere in a handout.
                printed = squeezed(text.replace('"quote"', "“quote”"))
                assert printed in pdf, (name, text)
                assert printed in word_text, (name, text)
                assert squeezed(html.escape(text.replace('"quote"', "“quote”"), quote=False)) in squeezed(body), \
                    (name, text)
            assert not re.search(r"<(img|b|i|u)[ >]", body.split("<svg")[0]), name  # nothing read as HTML

