"""What a trainer sees in the printed PDF, read back from real pandoc and
typst output: quote marks curl the right way, the facilitators' label copies
out as one word, and the worksheet fills its pages instead of starting a new
one for every question that does not fit whole."""

from __future__ import annotations

import pypdf

from helpers import GOOD_REPO, MODULE, QUESTION, built_tree

PROJECT = """collective: Test Collective
workshop:
  days:
    - start: "10:00"
      end: "13:00"
handouts:
  - name: guide
    title: Guide
    layout: workshop
    audience: facilitator
    formats: [pdf]
  - name: worksheet
    title: Worksheet
    layout: worksheet
    audience: participant
    formats: [pdf]
"""


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_quote_marks_curl_the_right_way_and_the_label_copies_as_words(tmp_path):
    body = ("Ask: “In your groups, define ‘organizing.’ What does it mean?” We don’t only spread ideas.\n\n"
            "::: facilitator\nTimings for the trainer.\n:::\n")
    files = {**GOOD_REPO, "aotext.yaml": PROJECT, "content/curriculum/planning.md": MODULE + body}
    with built_tree(tmp_path, files, "--only", "guide") as root:
        text = pdf_text(root / "build/guide.pdf")
        assert "‘organizing.’ What" in text  # was ‘organizing.‘, the closing quote curled open
        assert "don’t" in text
        assert "FOR FACILITATORS" in text


def test_the_worksheet_fills_its_pages(tmp_path):
    # Three modules with one long question each: every question is taller than
    # half a page, so kept whole, each would start a page of its own.
    files = {**GOOD_REPO, "aotext.yaml": PROJECT}
    for number, name in enumerate(("planning", "talking", "organizing"), start=1):
        files[f"content/curriculum/{name}.md"] = (
            MODULE.replace("id: planning", f"id: {name}").replace("order: 1", f"order: {number}")
            .replace("title: Planning", f"title: {name.capitalize()}").replace("questions: [1]", f"questions: [{number}]"))
        files[f"content/worksheet/q{number:02}.md"] = (
            QUESTION.replace("q01-goals", f"q{number:02}").replace("number: 1", f"number: {number}")
            .replace("module: planning", f"module: {name}").replace("prompt:", "answer_lines: 12\nprompt:"))
    with built_tree(tmp_path, files, "--only", "worksheet") as root:
        pages = pypdf.PdfReader(root / "build/worksheet.pdf").pages
        assert len(pages) == 2, "each long question started a page of its own"
        first = pages[0].extract_text()
        assert "1. What are your goals?" in first and "2. What are your goals?" in first  # the second begins on page 1
