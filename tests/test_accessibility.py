"""Every PDF is tagged and accessible (PDF/UA-1), read back from the real
files: the PDF/UA identifier, a structure tree, the language and the title;
a picture's words reach the tagged PDF; and lint reports, at the Markdown
line, what would break it (a picture without words, a skipped heading)."""

from __future__ import annotations

import pypdf
import pytest

from helpers import AS_OF, MODULE, invoke, lint_json, pdf_structure, png
from test_build import FILES

PNG = png(200, 120, 40)


def figures(root) -> list[str]:
    """The alternative text of every Figure in a structure tree."""
    return [str(node.get("/Alt", "")) for node in pdf_structure(root) if node.get("/S") == "/Figure"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from helpers import built_tree

    files = {**FILES, "content/curriculum/planning.md": FILES["content/curriculum/planning.md"]
             + "\n![The three bus yards on a map of the county](yards.png)\n",
             "content/curriculum/yards.png": PNG}
    with built_tree(tmp_path_factory.mktemp("a11y"), files, "--as-of", AS_OF) as root:
        yield root


@pytest.mark.parametrize("name, title", [
    ("participant.pdf", "Participant handout"), ("guide.pdf", "Facilitator guide"), ("worksheet.pdf", "Worksheet"),
    ("plan-bus-plan.pdf", "One-page plan: Bus drivers campaign"),
    ("report-bus-plan.pdf", "Benchmark report: Bus drivers campaign"),
])
def test_every_pdf_is_pdf_ua_1_with_its_title_and_language(built, name, title):
    reader = pypdf.PdfReader(built / "build" / name)
    root = reader.trailer["/Root"]
    metadata = root["/Metadata"].get_object().get_data().decode()
    assert "<pdfuaid:part>1</pdfuaid:part>" in metadata
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en"
    assert reader.metadata.title == title


def test_pictures_reach_the_tagged_pdf_in_words(built):
    report = pypdf.PdfReader(built / "build/report-bus-plan.pdf").trailer["/Root"]["/StructTreeRoot"]
    [chart] = figures(report)
    assert chart.startswith("Each benchmark's progress against its target: A driver-rep signs up 2 new drivers "
                            "this month: met, 150% of the target")
    guide = pypdf.PdfReader(built / "build/guide.pdf").trailer["/Root"]["/StructTreeRoot"]
    assert "The three bus yards on a map of the county" in figures(guide)


def test_lint_reports_a_picture_without_words_and_a_skipped_heading(repo, tmp_path):
    body = "\n## Goals\n\nText.\n\n#### Too deep\n\n![](yards.png)\n\n```\n#### in code: not a heading\n```\n"
    repo({"content/curriculum/planning.md": MODULE + body, "content/curriculum/yards.png": PNG})
    found = {(problem["rule"], problem["line"]) for problem in lint_json()}
    start = MODULE.count("\n") + 1
    assert found == {("heading-skipped", start + 5), ("picture-without-alt", start + 7)}
    result = invoke("lint", "--as-of", AS_OF)
    assert "this heading is level 4 (####) right after level 2 (##): make it ###" in result.stdout
    assert "this picture has no words between its brackets" in result.stdout


def test_word_files_and_web_pages_carry_the_title_the_language_and_the_charts_words(built):
    import re
    import zipfile

    for name, title in (("guide.docx", "Facilitator guide"), ("report-bus-plan.docx", "Benchmark report: Bus drivers campaign")):
        with zipfile.ZipFile(built / "build" / name) as document:
            core = document.read("docProps/core.xml").decode()
            body = document.read("word/document.xml").decode()
        assert f"<dc:title>{title}</dc:title>" in core and "<dc:language>en</dc:language>" in core
        if name.startswith("report"):
            descriptions = re.findall(r'descr="([^"]*)"', body)
            assert any(text.startswith("Each benchmark&#39;s progress against its target: A driver-rep")
                       for text in descriptions), descriptions
    for page in (built / "build").glob("*.html"):
        assert '<html lang="en">' in page.read_text(encoding="utf-8"), page.name
