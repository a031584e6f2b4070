"""When pandoc or typst fails on one handout, the build says which, in their
words, builds the others, and exits 1; the next build makes only what is missing."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import docx
import pypdf
import pytest

from aotext.handouts import render
from helpers import PROJECT, handout_files, invoke

WORKSHEET = """\
  - name: worksheet
    title: Worksheet
    layout: worksheet
    audience: participant
    formats: [pdf, docx]
  - name: plan
    title: One-page plan
    layout: plan
    audience: coordinator
    formats: [pdf]
"""
PANDOC_MESSAGE = "pandoc: Could not convert the image chart.png: out of memory"


def build(*args: str):
    return invoke("build", "--as-of", "2026-11-24", "-j", "1", *args)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(path).pages)


@pytest.fixture
def failing_pandoc(tmp_path: Path) -> Path:
    """A pandoc that fails whenever it is asked for DOCX and is the real one otherwise."""
    real = render.pandoc_binary()
    script = tmp_path / "bin" / "pandoc"
    script.parent.mkdir()
    script.write_text(f"""#!{sys.executable}
import os, sys
arguments = sys.argv[1:]
if "docx" in arguments and arguments[arguments.index("docx") - 1] == "--to":
    sys.stderr.write({PANDOC_MESSAGE!r} + "\\n")
    sys.exit(1)
os.execv({real!r}, [{real!r}, *arguments])
""")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_pandoc_failure_names_the_output_in_pandocs_words_and_the_rest_is_built(repo, failing_pandoc, monkeypatch):
    root = repo({"aotext.yaml": PROJECT + WORKSHEET})
    monkeypatch.setattr(render, "pandoc_binary", lambda: str(failing_pandoc))
    result = build("--only", "participant", "--only", "worksheet")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for failed in ("build/participant.docx", "build/worksheet.docx"):
        assert f"error: {failed}: pandoc failed: {PANDOC_MESSAGE}" in result.output
    assert "Built 2, up to date 0, failed 2" in result.output
    assert handout_files(root) == ["participant.pdf", "worksheet.pdf"]
    assert "Goals are what you hope to achieve" in pdf_text(root / "build/participant.pdf")
    assert "1. What are your goals?" in pdf_text(root / "build/worksheet.pdf")


def test_after_a_pandoc_failure_the_next_build_makes_only_what_is_missing(repo, failing_pandoc):
    root = repo()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "pandoc_binary", lambda: str(failing_pandoc))
        assert build().exit_code == 1
    again = build()  # with the real pandoc
    assert again.exit_code == 0 and "Built 1, up to date 1, failed 0" in again.output
    assert "Goals are what you hope to achieve" in " ".join(
        p.text for p in docx.Document(str(root / "build/participant.docx")).paragraphs)


def test_typst_failure_names_the_output_in_typsts_words_and_the_rest_is_built(repo, monkeypatch):
    import typst

    root = repo({"aotext.yaml": PROJECT + WORKSHEET})
    compile_for_real = typst.compile_with_warnings

    def one_page_plan_is_broken(source, **kwargs):
        if b"One-page plan" in source:
            source += b"\n#let x = \n"  # a real Typst syntax error, reported by typst itself
        return compile_for_real(source, **kwargs)

    monkeypatch.setattr(typst, "compile_with_warnings", one_page_plan_is_broken)
    result = build("--only", "plan", "--only", "worksheet")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    [error] = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert error.startswith("error: build/plan-bus-plan.pdf: typst failed: ") and "expected expression" in error
    assert "Built 2, up to date 0, failed 1" in result.output
    assert handout_files(root) == ["worksheet.docx", "worksheet.pdf"]
