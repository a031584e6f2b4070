"""What makes a handout out of date: any of aotext's own files, the pandoc
and typst versions, and the pictures its documents show."""

from __future__ import annotations

import json
import shutil
import stat
import sys
from pathlib import Path

import docx
import pypdf
import pytest

from aotext import own_files
from aotext.handouts import versions
from crypto_helpers import setup_encrypted
from helpers import GOOD_REPO, MODULE, PLAN, PROJECT, invoke, png

PLAN_HANDOUT = """  - name: plan
    title: Plan
    layout: plan
    audience: coordinator
    formats: [html]
"""
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


def listing(*args: str) -> dict[str, str]:
    """`aotext build --list` as output path -> reason."""
    result = build("--list", *args)
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


def fake_pandoc(folder: Path, version: str) -> Path:
    """A pandoc in `folder` that says it is `version`, and notes in asked.log beside it each time it is asked."""
    script = folder / "pandoc"
    script.write_text(f"#!{sys.executable}\n"
                      f"with open({str(folder / 'asked.log')!r}, 'a') as log:\n    log.write('asked\\n')\n"
                      f"print({version!r})\n")
    script.chmod(0o755)
    return script


def times_asked(folder: Path) -> int:
    log = folder / "asked.log"
    return len(log.read_text().splitlines()) if log.is_file() else 0


def test_a_new_pandoc_makes_every_handout_out_of_date(built, tmp_path_factory, monkeypatch):
    pandoc = versions.pandoc_version()
    assert pandoc is not None and pandoc.startswith("pandoc ")
    newer = fake_pandoc(tmp_path_factory.mktemp("pandoc"), "pandoc 99.1")
    monkeypatch.setattr(versions, "pandoc_binary", lambda: str(newer))
    reasons = listing()
    assert reasons["build/report-bus-plan.pdf"] == f"changed: pandoc 99.1 (was {pandoc})"
    assert reasons["build/participant.pdf"] == f"changed: pandoc 99.1 (was {pandoc})"


def test_a_new_typst_makes_every_handout_out_of_date(built, tmp_path_factory, monkeypatch):
    library = tmp_path_factory.mktemp("typst") / "_typst.abi3.so"
    library.write_bytes(b"a newer typst")
    monkeypatch.setitem(versions.TOOLS, "typst", versions.TOOLS["typst"]._replace(
        files=lambda: [library], ask=lambda: "typst 99.2"))
    assert listing()["build/report-bus-plan.pdf"].startswith("changed: typst 99.2 (was typst ")


def test_the_tools_are_asked_their_version_at_most_once_per_build(built, monkeypatch):
    calls = []
    pandoc = versions.TOOLS["pandoc"]

    def counted() -> str | None:
        calls.append(1)
        return pandoc.ask()

    monkeypatch.setitem(versions.TOOLS, "pandoc", pandoc._replace(ask=counted))
    shutil.rmtree(built / versions.CACHE_DIR)
    assert build("--force").exit_code == 0
    assert len(calls) == 1
    assert set(listing().values()) == {"up to date"}
    assert len(calls) == 1  # remembered: the same pandoc is not asked again


def test_a_pandoc_replaced_where_it_was_is_asked_again(built, tmp_path_factory, monkeypatch):
    folder = tmp_path_factory.mktemp("pandoc")
    pandoc = fake_pandoc(folder, "pandoc 98.1")
    monkeypatch.setattr(versions, "pandoc_binary", lambda: str(pandoc))
    monkeypatch.setattr(versions, "CLOCK_TICK_NS", 0)  # the fake was written a moment ago
    assert listing()["build/participant.pdf"].startswith("changed: pandoc 98.1 (was pandoc ")
    assert listing()["build/participant.pdf"].startswith("changed: pandoc 98.1 (was pandoc ")
    assert times_asked(folder) == 1
    fake_pandoc(folder, "pandoc 98.22")  # an upgrade in place: same path, other bytes
    assert listing()["build/participant.pdf"].startswith("changed: pandoc 98.22 (was pandoc ")
    assert times_asked(folder) == 2


def test_a_pandoc_changed_a_moment_ago_is_not_remembered(built, tmp_path_factory, monkeypatch):
    """A second change within the same tick of the file system's clock would not show in its times."""
    folder = tmp_path_factory.mktemp("pandoc")
    pandoc = fake_pandoc(folder, "pandoc 98.1")
    monkeypatch.setattr(versions, "pandoc_binary", lambda: str(pandoc))
    listing()
    listing()
    assert times_asked(folder) == 2


def test_the_tools_cache_is_private_ignored_by_git_and_never_in_the_way(built):
    folder = built / versions.CACHE_DIR
    cache = folder / versions.CACHE_FILE
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert (folder / ".gitignore").read_text(encoding="utf-8").endswith("\n*\n")
    cache.write_text("{not json", encoding="utf-8")
    assert set(listing().values()) == {"up to date"}
    assert json.loads(cache.read_text(encoding="utf-8"))["pandoc"]["version"].startswith("pandoc ")
    cache.unlink()
    cache.mkdir()  # can be neither read nor replaced
    assert set(listing().values()) == {"up to date"}


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


def test_a_picture_an_encrypted_document_shows_is_an_input(repo, me):
    """`build --list` lets lint drop the bodies, and an encrypted file's bytes do not say what it shows."""
    plan = PLAN.replace("title: Bus drivers campaign", "title: Bus drivers campaign\nprivate: true")
    root = setup_encrypted(repo, me, {"aotext.yaml": PROJECT + PLAN_HANDOUT, "content/plans/yard.png": png(0, 90, 0),
                                      "content/plans/bus-plan.md": plan + "\n![The yard](yard.png)\n"})
    assert (root / "content/plans/bus-plan.md.age").is_file()
    assert build("--include-private", "bus-plan").exit_code == 0
    assert listing("--include-private", "bus-plan")["build/plan-bus-plan.html"] == "up to date"
    (root / "content/plans/yard.png").write_bytes(png(90, 0, 0))
    assert listing("--include-private", "bus-plan")["build/plan-bus-plan.html"] == "changed: content/plans/yard.png"


def test_what_a_handout_reads_of_a_module_it_does_not_print_makes_it_out_of_date(built):
    """The worksheet reads a module's title and its language; role cards
    print its activities' titles and minutes: a change to any of these
    rebuilds them, as a change to the module's text does not."""
    module = built / "content/curriculum/planning.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nMore of the module's text.\n", encoding="utf-8")
    assert listing()["build/worksheet.pdf"] == "up to date"
    module.write_text(module.read_text(encoding="utf-8").replace("section: IV\n", "section: IV\nlang: es\n"),
                      encoding="utf-8")
    assert listing()["build/worksheet.pdf"] == "changed: content/curriculum/planning.md (front matter)"
    assert build().exit_code == 0
    module.write_text(module.read_text(encoding="utf-8").replace("    minutes: 20", "    minutes: 25"), encoding="utf-8")
    assert listing()["build/worksheet.pdf"] == "changed: content/curriculum/planning.md (front matter)"
