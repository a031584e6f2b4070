"""What a document's body becomes in the handouts, read back from the real
PDF, Word file, web page and slides of the shipped workshop: what is for
facilitators reaches only them, and the headings sit under the document's own."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pptx
import pypdf
import pytest

from helpers import MODULE, invoke, lint_json
from helpers import PROJECT as SMALL_PROJECT

ROOT = Path(__file__).resolve().parent.parent
PROJECT = SMALL_PROJECT.replace("formats: [pdf, docx]", "formats: [pdf, docx, html]")
CONCLUDE = "content/curriculum/08-conclude.md"
QUESTION = "content/worksheet/q12-skills-to-develop.md"


@pytest.fixture
def workshop(tmp_path, monkeypatch):
    """The shipped workshop, copied; `add(path, text)` adds text at the end of a file's body."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "aotext.yaml", tmp_path / "aotext.yaml")
    monkeypatch.chdir(tmp_path)

    def add(path: str, text: str) -> None:
        with (tmp_path / path).open("a", encoding="utf-8") as file:
            file.write(text)

    return add


def build(*handouts: str) -> str:
    result = invoke("build", "--as-of", "2026-11-24", *(f"--only={name}" for name in handouts))
    assert result.exit_code == 0, result.output
    return result.output


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(path).pages)


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join([paragraph.text for paragraph in document.paragraphs] + cells)


def texts(name: str) -> dict[str, str]:
    """The words of handout `name` in each of its formats (a web page's source whole, comments and all)."""
    build_folder = Path("build")
    return {"pdf": pdf_text(build_folder / f"{name}.pdf"), "docx": docx_text(build_folder / f"{name}.docx"),
            "html": (build_folder / f"{name}.html").read_text(encoding="utf-8")}


def assert_everywhere_without(marker: str, handouts: tuple[tuple[str, str], ...]) -> None:
    """Each handout, in each format, holds its words `around` and nothing holding `marker`."""
    for name, around in handouts:
        for form, text in texts(name).items():
            assert around in text and marker not in text, (name, form)


def test_facilitator_phrases_reach_facilitators_only(workshop):
    workshop(CONCLUDE, '\nAsk [FAC-PHRASE-13 in brackets]{.facilitator} and '
                       '<span class="facilitator">FAC-PHRASE-14 in a span</span> now.\n')
    workshop(QUESTION, "\nPractise [FAC-PHRASE-15 in a question]{.facilitator} weekly.\n")
    assert lint_json() == []
    build("participant-handout", "worksheet", "facilitator-guide")
    assert_everywhere_without("FAC-PHRASE", (("participant-handout", "now."), ("worksheet", "weekly.")))
    for form, text in texts("facilitator-guide").items():
        assert "FAC-PHRASE-13 in brackets" in text and "FAC-PHRASE-14 in a span" in text, form


def test_a_facilitator_phrase_on_a_slide_goes_to_its_speaker_notes(workshop):
    conclude = Path(CONCLUDE)
    conclude.write_text(conclude.read_text(encoding="utf-8").replace(
        "2. Organizing scenarios", "2. Organizing scenarios [FAC-PHRASE-16 on a slide]{.facilitator}"), encoding="utf-8")
    build("slides")
    deck = pptx.Presentation("build/slides.pptx")
    on_screen = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                         if shape.has_text_frame)
    notes = " ".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides if slide.has_notes_slide)
    assert "Organizing scenarios" in on_screen and "FAC-PHRASE" not in on_screen
    assert "FAC-PHRASE-16 on a slide" in notes


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


def test_html_comments_reach_no_handout_in_any_format(workshop):
    workshop(CONCLUDE, "\n<!-- ask Maria about COMMENT-1 -->\n\nKept <!-- COMMENT-2 inline --> here.\n\n"
                       "<!--\n::: facilitator\nCOMMENT-3 a draft note\n:::\n-->\n")
    workshop(QUESTION, "\nA hint. <!-- COMMENT-4 in a question -->\n")
    assert lint_json() == []
    build("participant-handout", "worksheet", "facilitator-guide")
    assert_everywhere_without("COMMENT-", (("participant-handout", "Kept"), ("facilitator-guide", "Kept"),
                                           ("worksheet", "A hint.")))
    assert "<!--" not in Path("build/participant-handout.html").read_text(encoding="utf-8").split("</head>")[1]


def test_at_signs_dollars_and_backslashes_print_as_typed(workshop):
    """aotext uses no citations, no math and no LaTeX: '@name' is no citation
    (whose PDF failed), '$...$' no formula (whose PDF failed for want of alt
    text), a backslash no LaTeX command (which every format left out)."""
    for path, old, new in (
            ("content/curriculum/04-planning.md", "  - Recognize the places organizing begins from.\n",
             "  - Recognize the places organizing begins from.\n  - Follow the collective at @aoc_organizing for updates.\n"),
            (QUESTION, 'prompt: "What skills', 'prompt: "Ask @maria_k: what skills'),
            ("content/plans/bus-drivers-plan.md", "title: A driver-rep signs up 2 new drivers this month",
             "title: A driver-rep signs up 2 new drivers this month (ask @dee)")):
        file = Path(path)
        file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    workshop(CONCLUDE, "\nDues are $5 dues and $10 for two; $MARK-MATH$ stays; the notes are in C:\\Users\\maria\\notes.\n")
    assert lint_json() == []
    build("participant-handout", "worksheet", "report")
    typed = {"participant-handout": ["@aoc_organizing", "$5 dues and $10 for two", "$MARK-MATH$",
                                     "C:\\Users\\maria\\notes"],
             "worksheet": ["Ask @maria_k: what skills"], "report-bus-drivers-plan": ["2 new drivers this month (ask @dee)"]}
    for name, words in typed.items():
        for form, text in texts(name).items():
            assert all(word in text for word in words), (name, form, [word for word in words if word not in text])


def test_a_picture_marked_for_facilitators_leaves_out_its_caption_too(workshop):
    """A marked picture alone in its paragraph is a figure with a caption:
    the picture had gone from participants' handouts and its caption stayed."""
    from helpers import png

    Path("content/curriculum/fac-map.png").write_bytes(png(10, 20, 30))
    workshop(CONCLUDE, "\nBefore.\n\n![FAC-CAPTION-21 the yard map](fac-map.png){.facilitator}\n\nAfter it.\n")
    build("participant-handout", "facilitator-guide")
    for form, text in texts("participant-handout").items():
        assert "After it." in text and "FAC-CAPTION" not in text, form
    assert "FAC-CAPTION-21" in texts("facilitator-guide")["html"]



def test_a_deck_for_participants_carries_no_facilitator_notes(workshop):
    """On slides, what is marked for facilitators is the speaker notes: in a
    deck whose handout is for participants, it is nowhere."""
    project = Path("aotext.yaml")
    text = project.read_text(encoding="utf-8")
    assert "    layout: slides\n    audience: facilitator\n" in text
    project.write_text(text.replace("    layout: slides\n    audience: facilitator\n",
                                    "    layout: slides\n    audience: participant\n"), encoding="utf-8")
    workshop(CONCLUDE, "\n::: slide\nOn screen.\n\n::: facilitator\nFAC-NOTE-23 say this\n:::\n\n"
                       "A [FAC-PHRASE-24 aside]{.facilitator} too.\n:::\n")
    build("slides")
    deck = pptx.Presentation("build/slides.pptx")
    shown = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    notes = " ".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides if slide.has_notes_slide)
    assert "On screen." in shown and "FAC-" not in shown and "FAC-" not in notes


def test_an_objective_prints_as_typed_never_as_markup(workshop):
    """Front-matter text in the workshop's handouts ('<b>', '_x_', '@name') is
    what a person typed: it had reached the web page as HTML and emphasis."""
    path = Path(CONCLUDE)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - Recall the parts of the training and how they fit together.",
        "  - 'Recall <b>MARK-25</b> and _MARK-26_ with @organizers.'"), encoding="utf-8")
    build("participant-handout")
    for form, text in texts("participant-handout").items():
        shown = " ".join((text if form != "html" else text.replace("&lt;", "<").replace("&gt;", ">")).split())
        assert "Recall <b>MARK-25</b> and _MARK-26_ with @organizers." in shown, form
