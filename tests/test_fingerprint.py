"""What makes a handout out of date: any of aotext's own files, the pandoc
and typst versions, and the pictures its documents show."""

from __future__ import annotations

import shutil

import docx
import pypdf
import pytest

from aotext import own_files
from aotext.handouts import fingerprint
from helpers import GOOD_REPO, MODULE, invoke, png

REPORT = """  - name: report
    title: Benchmark report
    layout: report
    audience: coordinator
    formats: [pdf]
  - name: worksheet
    title: Worksheet
    layout: worksheet
    audience: participant
    formats: [pdf]
"""


def build(*args: str):
    return invoke("build", "--as-of", "2026-11-24", *args)


def listing() -> dict[str, str]:
    """`aotext build --list` as output path -> reason."""
    result = build("--list")
    assert result.exit_code == 0, result.output
    return dict(line.split("  ", 1) for line in result.output.splitlines() if line.startswith("build/"))


@pytest.fixture
def built(repo):
    root = repo({"aotext.yaml": GOOD_REPO["aotext.yaml"] + REPORT})
    result = build()
    assert result.exit_code == 0, result.output
    return root


def test_editing_any_file_of_aotext_makes_the_report_out_of_date(built, tmp_path_factory, monkeypatch):
    """The chart and the summary's Markdown are not among the files the
    fingerprint used to read; aotext is read from a copy here so it can be edited."""
    copy = tmp_path_factory.mktemp("installed") / "aotext"
    shutil.copytree(own_files.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(own_files, "PACKAGE", copy)
    assert build().exit_code == 0  # the copy is the same code: everything is rebuilt once, for the new tools
    assert set(listing().values()) == {"up to date"}
    for edited in ("handouts/chart.py", "summary_report.py"):
        with (copy / edited).open("a", encoding="utf-8") as stream:
            stream.write("\n# an edit\n")
        reasons = listing()
        assert reasons["build/report-bus-plan.pdf"] == "changed: aotext itself (its code, templates or schemas)"
        assert build().exit_code == 0


def test_a_new_pandoc_makes_every_handout_out_of_date(built, monkeypatch):
    pandoc = fingerprint.pandoc_version()
    assert pandoc.startswith("pandoc ")
    monkeypatch.setattr(fingerprint, "pandoc_version", lambda: "pandoc 99.1")
    reasons = listing()
    assert reasons["build/report-bus-plan.pdf"] == f"changed: pandoc 99.1 (was {pandoc})"
    assert reasons["build/participant.pdf"] == f"changed: pandoc 99.1 (was {pandoc})"


def test_a_new_typst_makes_every_handout_out_of_date(built, monkeypatch):
    monkeypatch.setattr(fingerprint, "typst_version", lambda: "typst 99.2")
    assert listing()["build/report-bus-plan.pdf"].startswith("changed: typst 99.2 (was typst ")


def test_the_tools_are_asked_their_version_once_per_build(built, monkeypatch):
    calls = []
    version = fingerprint.pandoc_version

    def counted() -> str:
        calls.append(1)
        return version()

    monkeypatch.setattr(fingerprint, "pandoc_version", counted)
    assert build("--force").exit_code == 0
    assert len(calls) == 1


MAP_MODULE = MODULE + "\nThe yard before routes:\n\n![The bus yard](yard.png){width=30%}\n\nAfter the map.\n"


def test_a_picture_a_module_shows_is_printed_and_is_an_input(repo, tmp_path):
    repo({"aotext.yaml": GOOD_REPO["aotext.yaml"] + REPORT, "content/curriculum/planning.md": MAP_MODULE,
          "content/curriculum/yard.png": png(200, 30, 30)})
    result = build()
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(tmp_path / "build/participant.pdf")
    assert sum(len(page.images) for page in reader.pages) == 1
    assert len(docx.Document(str(tmp_path / "build/participant.docx")).inline_shapes) == 1
    assert set(listing().values()) == {"up to date"}

    (tmp_path / "content/curriculum/yard.png").write_bytes(png(30, 30, 200))
    reasons = listing()
    assert reasons["build/participant.pdf"] == "changed: content/curriculum/yard.png"
    assert reasons["build/participant.docx"] == "changed: content/curriculum/yard.png"
    assert reasons["build/worksheet.pdf"] == "up to date"  # it prints only the module's title


def test_a_picture_is_found_relative_to_its_document(repo, tmp_path):
    module = MODULE + "\n![Map](../pictures/yard.png)\n\n```\n![not a picture](code.png)\n```\n\n`![nor](this.png)`\n"
    repo({"content/curriculum/planning.md": module, "content/pictures/yard.png": png(0, 120, 0)})
    result = build()
    assert result.exit_code == 0, result.output
    assert sum(len(page.images) for page in pypdf.PdfReader(tmp_path / "build/participant.pdf").pages) == 1
    assert "not a picture" in " ".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "build/participant.pdf").pages)


def test_a_missing_picture_fails_that_handout_in_plain_words(repo, tmp_path):
    repo({"content/curriculum/planning.md": MODULE + "\n![Map](yard.png)\n"})
    result = build()
    assert result.exit_code == 1
    # Lint finds the missing picture first, so the handout is refused before anything is drawn.
    assert "error: build/participant.pdf: not built from documents with errors: content/curriculum/planning.md" \
        in result.output
    assert "[missing-picture]" in result.output and "Traceback" not in result.output
    # Should one slip past lint, the build still says it in plain words, naming the picture.
    from aotext.documents.document import Document
    from aotext.handouts.images import printed_body
    from aotext.handouts.render import RenderError

    document = Document("content/curriculum/planning.md", {}, "![Map](yard.png)\n", 12)
    with pytest.raises(RenderError, match=r"shows the picture content/curriculum/yard\.png, which cannot be read"):
        printed_body(document, {})


def test_web_pictures_are_left_to_pandoc(repo):
    from aotext.documents.document import Document
    from aotext.handouts.images import pictures

    document = Document("content/curriculum/planning.md", {}, "![a](https://example.org/a.png) ![b](<my map.png> \"T\")", 1)
    assert [picture.path for picture in pictures(document)] == ["content/curriculum/my map.png"]


def test_a_picture_named_from_the_top_of_the_repository_is_found(repo, tmp_path):
    from aotext.documents.document import Document
    from aotext.handouts.images import pictures

    document = Document("content/curriculum/planning.md", {}, "![Map](/docs/map.png) ![Up](../../docs/map.png)", 1)
    assert [picture.path for picture in pictures(document)] == ["docs/map.png", "docs/map.png"]
    root = repo({"content/curriculum/planning.md": MODULE + "\n![The yard](/docs/yard.png)\n"})
    (root / "docs").mkdir()
    (root / "docs" / "yard.png").write_bytes(png(10, 120, 60))
    result = build()
    assert result.exit_code == 0, result.output
    assert sum(len(page.images) for page in pypdf.PdfReader(root / "build" / "participant.pdf").pages) >= 1
