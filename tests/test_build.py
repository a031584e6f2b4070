"""aotext build with real pandoc and typst: the text read back from the PDF,
DOCX and PPTX files is what each audience should see, and nothing else."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path

import docx
import pptx
import pypdf
import pytest

from aotext import fsio
from helpers import GOOD_REPO, MODULE, QUESTION, handout_files, invoke, write_tree
from helpers import PROJECT as SMALL_PROJECT

PARTICIPANT_WORDS = "Goals are what you hope to achieve"
FACILITATOR_WORDS = "Quokka timing note for trainers only"
PRIVATE_WORDS = "Narwhal secret about a real person"

PROJECT = SMALL_PROJECT.replace("workshop:\n  days:\n    - start", "workshop:\n  title: Test Training\n  days:\n"
                                   "    - date: 2027-03-06\n      start").replace('end: "11:00"', 'end: "12:00"') + """\
  - name: guide
    title: Facilitator guide
    layout: workshop
    audience: facilitator
    agenda: true
    formats: [pdf, docx]
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
  - name: report
    title: Benchmark report
    layout: report
    audience: coordinator
    formats: [pdf, docx]
  - name: slides
    title: Slides
    layout: slides
    audience: facilitator
    formats: [pptx]
"""

SECOND_MODULE = MODULE.replace("id: planning", "id: talking").replace("order: 1", "order: 2").replace(
    "title: Planning", "title: Talking politics").replace("id: goals", "id: skit").replace("questions: [1]", "questions: [2]").replace(
    "minutes: 20", "minutes: 25").replace("kind: group-activity", "kind: skit")

FILES = {
    **GOOD_REPO,
    "aotext.yaml": PROJECT,
    "content/curriculum/planning.md": MODULE + f"\n::: facilitator\n{FACILITATOR_WORDS}.\n:::\n\nAfter the note.\n",
    "content/curriculum/talking.md": SECOND_MODULE,
    "content/curriculum/secret.md": MODULE.replace("id: planning", "id: secret").replace("order: 1", "order: 3").replace(
        "    questions: [1]\n", "").replace("type: module\n", "type: module\nprivate: true\n") + f"\n{PRIVATE_WORDS}.\n",
    "content/worksheet/q02.md": QUESTION.replace("q01-goals", "q02-talk").replace("number: 1", "number: 2").replace(
        "module: planning", "module: talking").replace("What are your goals?", "How do you start a conversation?"),
}


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(path).pages)


def docx_text(path: Path) -> str:
    return " ".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)


def build(*args: str):
    return invoke("build", "--as-of", "2026-11-24", *args)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("repo")
    write_tree(root, FILES)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = build()
        assert result.exit_code == 0, result.output
        yield root, result.output
    finally:
        os.chdir(cwd)


def test_every_output_is_built(built):
    root, output = built
    names = sorted(p.name for p in (root / "build").iterdir() if not p.name.startswith("."))
    assert names == ["guide.docx", "guide.pdf", "index.html", "participant.docx", "participant.pdf", "plan-bus-plan.pdf",
                     "report-bus-plan.docx", "report-bus-plan.pdf", "slides.pptx", "worksheet.docx", "worksheet.pdf"]
    assert "Built 10, up to date 0, failed 0" in output


def test_participant_handout_has_no_facilitator_material(built):
    root, _ = built
    for text in (pdf_text(root / "build/participant.pdf"), docx_text(root / "build/participant.docx")):
        assert PARTICIPANT_WORDS in text and "After the note." in text
        assert "Quokka" not in text
        assert "Test Collective" in text


def test_facilitator_guide_has_both_and_an_agenda_that_adds_up(built):
    root, _ = built
    text = pdf_text(root / "build/guide.pdf")
    assert PARTICIPANT_WORDS in text and FACILITATOR_WORDS in text
    assert "Quokka" in docx_text(root / "build/guide.docx")
    agenda = text[text.index("Agenda"):text.index("End of day")]
    # Each module starts when the one before ends; an activity its body does not
    # mark follows its presentation; the hour left before the day's end is said.
    assert agenda == ("Agenda Day 1 (2027-03-06) Time Minutes What "
                      "10:00 30 IV. Planning 10:00 10 Presentation and discussion 10:10 20 Write goals "
                      "10:30 30 IV. Talking politics 10:30 5 Presentation and discussion 10:35 25 Write goals "
                      "11:00 60 Unplanned time 12:00 ")


def test_worksheet_holds_every_prompt(built):
    root, _ = built
    for text in (pdf_text(root / "build/worksheet.pdf"), docx_text(root / "build/worksheet.docx")):
        assert "1. What are your goals?" in text
        assert "2. How do you start a conversation?" in text


def test_docx_uses_the_house_styles(built):
    root, _ = built
    worksheet = [p.style.name for p in docx.Document(str(root / "build/worksheet.docx")).paragraphs]
    assert worksheet.count("Answer Line") == 12  # two questions, six lines each
    guide = docx.Document(str(root / "build/guide.docx"))
    notes = [p.text for p in guide.paragraphs if p.style.name == "Facilitator Note"]
    assert FACILITATOR_WORDS + "." in notes
    footer = guide.sections[0].footer.paragraphs[0]
    assert footer.text == " of "  # "1 of 3": the page and the number of pages are fields Word fills in


def test_one_page_plan_is_one_page(built):
    root, _ = built
    reader = pypdf.PdfReader(root / "build/plan-bus-plan.pdf")
    assert len(reader.pages) == 1
    text = pdf_text(root / "build/plan-bus-plan.pdf")
    for words in ("An independent organization of drivers", "Driver meetings", "signs up 2 new drivers",
                  "Pair the rep with an experienced organizer."):
        assert words in text


def test_benchmark_report_holds_every_benchmark_with_its_status_and_a_chart(built):
    root, _ = built
    text = pdf_text(root / "build/report-bus-plan.pdf")
    assert "As of 2026-11-24." in text
    for words in ("A driver-rep signs up 2 new drivers this month", "met",
                  "Do the drivers identify as the union?", "on track", "Three new drivers signed up."):
        assert words in text
    document = docx.Document(str(root / "build/report-bus-plan.docx"))
    assert len(document.inline_shapes) == 1  # the chart
    assert "Do the drivers identify as the union?" in " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)


def test_report_depends_on_the_date_and_nothing_else_does(repo, tmp_path):
    repo(FILES)
    assert build().exit_code == 0
    later = invoke("build", "--as-of", "2026-12-20", "--list").output
    assert "build/report-bus-plan.pdf  changed: settings, templates or aotext" in later
    assert "build/participant.pdf  up to date" in later


def test_slides_put_facilitator_material_in_the_speaker_notes(built):
    root, _ = built
    deck = pptx.Presentation(str(root / "build/slides.pptx"))
    slide_text = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    notes = " ".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides if slide.has_notes_slide)
    assert "Planning" in slide_text and "Quokka" not in slide_text
    assert FACILITATOR_WORDS in notes


def test_private_document_never_appears_and_the_refusal_says_so(built):
    root, output = built
    assert "left out private document 'secret'" in output and "--include-private secret" in output
    for path in (root / "build").iterdir():
        if path.suffix == ".pdf":
            assert "Narwhal" not in pdf_text(path)
        elif path.suffix == ".docx":
            assert "Narwhal" not in docx_text(path)
        elif path.suffix == ".pptx":
            assert b"Narwhal" not in path.read_bytes()


def test_private_document_appears_when_named(repo, tmp_path):
    repo(FILES)
    result = build("--only", "participant", "--include-private", "secret")
    assert result.exit_code == 0, result.output
    assert PRIVATE_WORDS in pdf_text(tmp_path / "build/participant.pdf")
    assert "--include-private secret" not in result.output  # it is in the handout: nothing to say


def test_a_private_document_named_that_no_handout_takes_is_said_to_be_in_none(repo):
    """Named to be included, a conversation note no handout takes would be in
    none of them: the build says so rather than seem to have included it."""
    repo(FILES)
    listed = invoke("build", "--list", "--include-private", "talk-nia")
    assert listed.exit_code == 0, listed.output
    assert "note: --include-private talk-nia: no handout takes this document, so it is in none of them" in listed.stderr
    only = invoke("build", "--list", "--only", "participant", "--include-private", "talk-nia")
    assert "no handout built here takes this document" in only.stderr


def test_naming_an_unknown_private_document_is_a_usage_error(repo):
    repo(FILES)
    result = build("--include-private", "secrte")
    assert result.exit_code == 2 and "no document has that id (did you mean 'secret'?)" in result.output


def test_unchanged_rebuild_does_no_work(repo, tmp_path):
    repo(FILES)
    assert build().exit_code == 0
    outputs = sorted((tmp_path / "build").rglob("*"))
    before = {path: path.stat().st_mtime_ns for path in outputs}
    again = build()
    assert again.exit_code == 0
    assert "pandoc ran 0 times, typst 0" in again.output and "Built 0, up to date 10" in again.output
    assert {path: path.stat().st_mtime_ns for path in sorted((tmp_path / "build").rglob("*"))} == before


def test_changing_one_module_rebuilds_only_what_contains_it(repo, tmp_path):
    root = repo(FILES)
    assert build().exit_code == 0
    talking = root / "content/curriculum/talking.md"
    talking.write_text(talking.read_text() + "\nA new paragraph.\n")
    listing = build("--list").output
    assert "build/participant.pdf  changed: content/curriculum/talking.md" in listing
    assert "build/plan-bus-plan.pdf  up to date" in listing
    # The worksheet reads only module titles, which did not change.
    assert "build/worksheet.pdf  up to date" in listing
    result = build()
    assert "Built 5, up to date 5" in result.output


def test_documents_with_errors_are_refused_by_name(repo, tmp_path):
    repo({**FILES, "content/curriculum/talking.md": SECOND_MODULE.replace("minutes: 30", "minutes: thirty")})
    result = build()
    assert result.exit_code == 1
    assert "not built from documents with errors: content/curriculum/talking.md (1 error)" in result.output
    assert (tmp_path / "build/plan-bus-plan.pdf").is_file()  # the others are still built
    assert not (tmp_path / "build/participant.pdf").exists()


def test_project_file_errors_stop_the_build(repo):
    repo({**FILES, "aotext.yaml": PROJECT.replace("layout: worksheet", "layout: worksheets")})
    result = build()
    assert result.exit_code == 1
    assert "aotext.yaml:" in result.output and "worksheets" in result.output and "fix aotext.yaml" in result.output


def test_unknown_handout_name_is_a_usage_error(repo):
    repo(FILES)
    result = build("--only", "participants")
    assert result.exit_code == 2 and "did you mean" not in result.output and "participant, guide" in result.output


def test_no_project_file_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = build()
    assert result.exit_code == 2 and "no project file" in result.output


def test_same_input_gives_the_same_bytes(repo, tmp_path):
    repo(FILES)
    assert build("--only", "guide").exit_code == 0
    first = {p.name: p.read_bytes() for p in (tmp_path / "build").glob("guide.*")}
    assert build("--only", "guide", "--force").exit_code == 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "build").glob("guide.*")} == first


def assert_complete(path: Path) -> None:
    """The file opens in the reader its users' programs would use."""
    if path.suffix == ".pdf":
        assert len(pypdf.PdfReader(path).pages) >= 1
    elif path.suffix == ".docx":
        docx.Document(str(path))
    elif path.suffix == ".pptx":
        pptx.Presentation(str(path))
    elif path.suffix == ".json":  # a fingerprint in build/.aotext/
        json.loads(path.read_text(encoding="utf-8"))
    elif path.suffix == ".html":  # the index page, or an HTML handout
        assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")
    elif path.name.endswith(".digest"):  # what the index page last listed, in build/.aotext/
        assert len(path.read_text(encoding="utf-8")) >= 12
    else:
        raise AssertionError(f"unexpected file in build/: {path}")


def handouts(build_dir: Path) -> list[Path]:
    return [build_dir / name for name in handout_files(build_dir.parent)]


class DiskFullOnSecondHandout:
    """Stands in for `os` inside aotext.fsio: the second handout written to
    build/ runs out of disk space halfway through, before its rename."""

    def __init__(self, build_dir: Path) -> None:
        self.build_dir = build_dir
        self.handouts_written = 0
        self.failed_part: Path | None = None

    def __getattr__(self, name: str):
        return getattr(os, name)

    def fsync(self, fd: int) -> None:
        inode = os.fstat(fd).st_ino
        part = next((p for p in self.build_dir.glob(".*.part") if p.stat().st_ino == inode), None)
        if part is not None:  # a handout, not the fingerprint in build/.aotext/
            self.handouts_written += 1
            if self.handouts_written == 2:
                os.ftruncate(fd, part.stat().st_size // 2)
                self.failed_part = part
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        os.fsync(fd)


def test_a_write_that_fails_halfway_leaves_no_debris_and_no_old_file_passing_for_new(repo, tmp_path):
    root = repo(FILES)
    only = ("--only", "participant", "--only", "guide", "-j", "1")
    assert build(*only).exit_code == 0
    before = {path.name: path.read_bytes() for path in handouts(root / "build")}
    assert sorted(before) == ["guide.docx", "guide.pdf", "participant.docx", "participant.pdf"]
    planning = root / "content/curriculum/planning.md"
    planning.write_text(planning.read_text().replace(PARTICIPANT_WORDS, "Goals are what we will win together"))

    # Temporary files go to a folder of this test's own, so other runs cannot disturb the count.
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    made: list[str] = []
    real_mkdir = os.mkdir

    def recording_mkdir(path, *args, **kwargs):
        made.append(os.fspath(path))
        return real_mkdir(path, *args, **kwargs)

    disk = DiskFullOnSecondHandout(root / "build")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TMPDIR", str(scratch))
        patch.setattr(tempfile, "tempdir", str(scratch))
        patch.setattr(os, "mkdir", recording_mkdir)
        patch.setattr(fsio, "os", disk)
        result = build(*only)

    assert disk.failed_part is not None
    failed = disk.failed_part.name[1:-len(".part")].rsplit(".", 1)[0]
    assert result.exit_code == 1
    assert f"error: build/{failed}: could not write build/{failed}: No space left on device" in result.output
    assert "Traceback" not in result.output and "please report" not in result.output
    assert "Built 3, up to date 0, failed 1" in result.output
    # The handout that failed is not left as yesterday's file, which would pass for a current one; the others are new.
    assert f"removed build/{failed}: an old one would pass for a current one" in result.output
    assert not (root / "build" / failed).exists()
    for path in (root / "build").rglob("*"):
        if path.is_file():
            assert_complete(path)
    for path in handouts(root / "build"):
        if path.name != failed:
            text = pdf_text(path) if path.suffix == ".pdf" else docx_text(path)
            assert "Goals are what we will win together" in text, path.name
    assert not disk.failed_part.exists()
    assert list((root / "build").rglob("*.part")) == []
    assert any(Path(folder).parent == scratch and Path(folder).name.startswith("aotext-") for folder in made)
    assert list(scratch.iterdir()) == []

    again = build(*only)  # the next build makes only the missing one
    assert again.exit_code == 0 and "Built 1, up to date 3, failed 0" in again.output
    assert_complete(root / "build" / failed)
    assert (root / "build" / failed).read_bytes() != before[failed]


def test_handout_takes_documents_by_id_type_or_folder(repo, tmp_path):
    only_talking = PROJECT.replace("""  - name: guide""", """  - name: talking
    title: Talking only
    layout: workshop
    audience: participant
    formats: [pdf]
    documents:
      ids: [talking]
  - name: by-type
    title: By type
    layout: workshop
    audience: participant
    formats: [pdf]
    documents:
      types: [module]
  - name: guide""")
    repo({**FILES, "aotext.yaml": only_talking})
    assert build("--only", "talking", "--only", "by-type").exit_code == 0
    talking = pdf_text(tmp_path / "build/talking.pdf")
    assert "Talking politics" in talking and "After the note." not in talking  # the planning module is left out
    assert "After the note." in pdf_text(tmp_path / "build/by-type.pdf")
