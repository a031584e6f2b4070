"""What a document's body becomes in the handouts, read back from the real
PDF, Word file and web page: its headings sit under the document's own."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from helpers import MODULE, invoke, lint_json
from helpers import PROJECT as SMALL_PROJECT

PROJECT = SMALL_PROJECT.replace("formats: [pdf, docx]", "formats: [pdf, docx, html]")


def html_headings(path: Path) -> list[tuple[int, str]]:
    """(level, words) of each heading of a web page, in order."""
    page = path.read_text(encoding="utf-8")
    return [(int(level), " ".join(re.sub(r"<[^>]+>", "", words).split()))
            for level, words in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", page, re.DOTALL)]


def docx_headings(path: Path) -> list[tuple[str, str]]:
    return [(paragraph.style.name, paragraph.text) for paragraph in docx.Document(str(path)).paragraphs
            if paragraph.style.name.startswith("Heading")]


def test_a_body_s_biggest_headings_sit_under_its_module_whether_written_with_one_hash_or_two(repo, tmp_path):
    one = MODULE + "\n# Our goals\n\nText.\n\n## Long-term goals\n\nMore.\n"
    two = MODULE.replace("id: planning", "id: talking").replace("order: 1", "order: 2").replace(
        "title: Planning", "title: Talking politics").replace("    questions: [1]\n", "") + "\n## The steps\n\nText.\n"
    repo({"aotext.yaml": PROJECT, "content/curriculum/planning.md": one, "content/curriculum/talking.md": two})
    assert lint_json() == []
    result = invoke("build", "--as-of", "2026-11-24", "--only", "participant")
    assert result.exit_code == 0, result.output
    headings = html_headings(tmp_path / "build/participant.html")
    body = headings[headings.index((2, "IV. Planning")):]
    assert body == [(2, "IV. Planning"), (3, "Our goals"), (4, "Long-term goals"),
                    (2, "IV. Talking politics"), (3, "The steps")]
    assert docx_headings(tmp_path / "build/participant.docx") == [
        ("Heading 1", "IV. Planning"), ("Heading 2", "Our goals"), ("Heading 3", "Long-term goals"),
        ("Heading 1", "IV. Talking politics"), ("Heading 2", "The steps")]


def test_lint_reports_a_body_whose_first_heading_is_below_a_later_one(repo):
    repo({"content/curriculum/planning.md": MODULE + "\n## Goals\n\nText.\n\n# Strategy\n\nMore.\n"})
    [found] = lint_json()
    assert (found["rule"], found["line"]) == ("heading-skipped", MODULE.count("\n") + 2)
    assert "this heading is level 2 (##) while a heading further down is level 1 (#): make it #" in found["message"]
