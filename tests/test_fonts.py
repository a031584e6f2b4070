"""Text the fonts cannot show: typst's own fonts do not have every script,
and a tagged PDF (PDF/UA-1) may not hold a character it cannot show, so
the build names the file, the line and the characters; a `fonts:` folder in
the project file adds fonts that have them. Built with real pandoc and
typst, read back with pypdf."""

from __future__ import annotations

import shutil
from importlib.util import find_spec
from pathlib import Path

import pypdf
import pytest

from aotext.handouts.fonts import embedded_fonts, font_set
from aotext.handouts.unshown import cannot_show
from helpers import AS_OF, GOOD_REPO, MODULE, dejavu_sans, invoke, line_of, lint_json, write_tree

# Inuktitut, in Canadian Aboriginal syllabics: no font typst carries has them.
INUKTITUT = "ᐃᓄᒃᑎᑐᑦ"
BODY = f"\nGoals are what you hope to achieve.\n\nIn Inuktitut: {INUKTITUT}.\n\n::: facilitator\nA raised fist: ✊\n:::\n"
FILES = {**GOOD_REPO, "content/curriculum/planning.md": MODULE + BODY}


def build(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str):
    monkeypatch.chdir(root)
    return invoke("build", "--as-of", AS_OF, *args)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_every_font_typst_carries_is_read():
    """aotext finds typst's own fonts inside its compiled module: if a new
    typst keeps them otherwise, this fails (and the build would say it could not check)."""
    import typst

    own = [font for font in typst.Fonts(include_system_fonts=False).fonts() if font.path is None]
    spec = find_spec("typst._typst")
    assert spec is not None and spec.origin is not None
    assert len(embedded_fonts(Path(spec.origin).read_bytes())) == len(own)


def test_what_typsts_own_fonts_show(tmp_path):
    fonts = font_set(None)
    assert fonts.lacks("Organizing, organización, организация, οργάνωση, संगठन «‘’» — 1 of 2") == ""
    assert fonts.lacks(f"{INUKTITUT} አማርኛ 中文 ✊") == f"{INUKTITUT}አማርኛ中文✊"
    assert fonts.lacks("a\u00a0b\u200d\ufe0f\u00ad") == ""  # spaces and invisible marks need no glyph
    shutil.copy(dejavu_sans(), tmp_path)
    assert font_set(tmp_path).families == ("DejaVu Sans",)
    assert font_set(tmp_path).lacks(f"{INUKTITUT} አማርኛ") == "አማርኛ"


def test_text_the_fonts_cannot_show_stops_the_pdf_naming_file_line_and_characters(tmp_path, monkeypatch):
    write_tree(tmp_path, FILES)
    result = build(tmp_path, monkeypatch)
    assert result.exit_code == 1
    line = line_of(FILES["content/curriculum/planning.md"], INUKTITUT)
    assert (f"error: build/participant.pdf: content/curriculum/planning.md line {line}: the fonts cannot show "
            "'ᐃ ᓄ ᒃ ᑎ ᑐ ᑦ' (Canadian Aboriginal): put a font that has them in a fonts folder and name it in "
            "aotext.yaml as 'fonts:' (see README, 'Fonts')") in result.output
    # The fist is in a facilitator block, which a participant handout leaves out: it is not named.
    assert "✊" not in result.output
    assert not (tmp_path / "build/participant.pdf").exists()
    assert (tmp_path / "build/participant.docx").is_file()  # Word uses the reader's own fonts


def test_a_fonts_folder_with_a_font_that_has_them_makes_the_pdf(tmp_path, monkeypatch):
    project = GOOD_REPO["aotext.yaml"].replace("collective: Test Collective\n",
                                               "collective: Test Collective\nfonts: fonts\n")
    write_tree(tmp_path, {**FILES, "aotext.yaml": project})
    (tmp_path / "fonts").mkdir()
    shutil.copy(dejavu_sans(), tmp_path / "fonts")
    result = build(tmp_path, monkeypatch)
    assert result.exit_code == 0, result.output
    assert INUKTITUT in pdf_text(tmp_path / "build/participant.pdf")
    # Another font in the folder: the PDF is made again, the Word file is not.
    shutil.copy(dejavu_sans().with_name("DejaVuSans-Bold.ttf"), tmp_path / "fonts")
    listed = invoke("build", "--as-of", AS_OF, "--list").output
    assert "build/participant.pdf  changed: settings, templates or aotext" in listed
    assert "build/participant.docx  up to date" in listed


def test_a_fonts_folder_that_is_missing_empty_or_holds_no_font_is_a_lint_error(repo, tmp_path):
    project = GOOD_REPO["aotext.yaml"].replace("collective: Test Collective\n",
                                               "collective: Test Collective\nfonts: fonts\n")
    repo({"aotext.yaml": project})
    line = line_of(project, "fonts:")

    def found() -> list[tuple[int, str]]:
        return [(problem["line"], problem["message"]) for problem in lint_json() if problem["rule"] == "fonts-folder"]

    assert found() == [(line, "the fonts folder 'fonts' does not exist: make the folder and put the font files in "
                              "it (see README, 'Fonts'), or take 'fonts:' out")]
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts/README.txt").write_text("Noto Sans Ethiopic, from fonts.google.com\n")
    assert found() == [(line, "the fonts folder 'fonts' holds no font files (.ttf, .otf, .ttc, .otc): put the fonts "
                              "in it (see README, 'Fonts')")]
    (tmp_path / "fonts/NotoSansEthiopic-Regular.ttf").write_text("<!DOCTYPE html><html>Not found</html>")
    assert found() == [(line, "fonts/NotoSansEthiopic-Regular.ttf in the fonts folder 'fonts' is not a font file (a "
                              "download that went wrong is often a web page): download it again, or remove it")]
    shutil.copy(dejavu_sans(), tmp_path / "fonts/NotoSansEthiopic-Regular.ttf")
    assert found() == []


def test_a_private_documents_characters_are_counted_not_quoted():
    assert cannot_show("አማ", private=True) == "the fonts cannot show 2 characters (Ethiopic) of this private document"
    assert cannot_show("\u0301✊", private=False) == "the fonts cannot show '\u25cc\u0301 ✊'"  # no script: none named


def test_characters_of_the_project_file_are_found_there(tmp_path, monkeypatch):
    project = GOOD_REPO["aotext.yaml"].replace("title: Participant handout", "title: Participant handout ᐊᐃᑉᐹᖅ")
    write_tree(tmp_path, {**GOOD_REPO, "aotext.yaml": project})
    result = build(tmp_path, monkeypatch, "--only", "participant")
    assert result.exit_code == 1
    assert (f"error: build/participant.pdf: aotext.yaml line {line_of(project, 'ᐊᐃᑉᐹᖅ')}: the fonts cannot show "
            "'ᐊ ᐃ ᑉ ᐹ ᖅ' (Canadian Aboriginal)") in result.output


def test_a_missing_fonts_folder_stops_the_handouts_made_as_pdf_only(tmp_path, monkeypatch):
    from test_build import PROJECT

    write_tree(tmp_path, {**GOOD_REPO, "aotext.yaml": PROJECT.replace("collective: Test Collective\n",
                                                                      "collective: Test Collective\nfonts: fonts\n")})
    result = build(tmp_path, monkeypatch)
    assert result.exit_code == 1
    assert "error: build/guide.pdf: not built: aotext.yaml has 1 error in what this handout reads" in result.output
    assert (tmp_path / "build/slides.pptx").is_file()  # slides carry no fonts of ours


def test_a_pdf_that_cannot_be_made_again_takes_the_old_one_away(tmp_path, monkeypatch):
    """The old PDF would pass for a current one, printing what the documents
    said before (a module made private since, say): it is removed, the build
    says so, and build/index.html no longer links it."""
    write_tree(tmp_path, GOOD_REPO)
    assert build(tmp_path, monkeypatch).exit_code == 0
    assert (tmp_path / "build/participant.pdf").is_file()
    (tmp_path / "content/curriculum/planning.md").write_text(MODULE + BODY, encoding="utf-8")
    result = build(tmp_path, monkeypatch)
    assert result.exit_code == 1
    assert "removed build/participant.pdf: an old one would pass for a current one" in result.output
    assert not (tmp_path / "build/participant.pdf").exists()
    assert "participant.pdf" not in (tmp_path / "build/index.html").read_text(encoding="utf-8")


def test_a_format_that_cannot_be_prepared_takes_its_old_files_away(tmp_path, monkeypatch):
    """As a file that cannot be made again: the Word files of a build whose
    Word renderer could not start stayed, printing what was there before."""
    import dataclasses

    from aotext.handouts import formats
    from aotext.handouts.render import RenderError

    write_tree(tmp_path, GOOD_REPO)
    assert build(tmp_path, monkeypatch).exit_code == 0
    assert (tmp_path / "build/participant.docx").is_file()
    (tmp_path / "content/curriculum/planning.md").write_text(MODULE + "\nChanged.\n", encoding="utf-8")

    def cannot(tools):  # type: ignore[no-untyped-def]
        raise RenderError("the Word template could not be made")

    monkeypatch.setitem(formats.FORMATS, "docx", dataclasses.replace(formats.FORMATS["docx"], prepare=cannot))
    result = build(tmp_path, monkeypatch)
    assert result.exit_code == 1
    assert "removed build/participant.docx: an old one would pass for a current one" in result.output
    assert not (tmp_path / "build/participant.docx").exists() and (tmp_path / "build/participant.pdf").is_file()
