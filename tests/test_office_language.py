"""The Word files and the slides in the handout's language, with no English
word of aotext's own left: the Word file's footer numbers its pages as the
PDF does ("1 de 3"), and a footnote on a slide goes to that slide's speaker
notes, not to an extra slide titled "Notes" at the end of the deck."""

from __future__ import annotations

import zipfile

import pptx

from helpers import AS_OF, MODULE, PROJECT, invoke

WITH_SLIDES = PROJECT + """\
  - name: slides
    title: Slides
    layout: slides
    audience: facilitator
    formats: [pptx]
"""
FOOTNOTES = """
## Las metas

::: slide
Una meta medible.[^1]
:::

::: facilitator
Pregunte por ejemplos.[^2]
:::

[^1]: Footnote-On-Slide.
[^2]: Footnote-In-Notes.
"""


def spanish(project: str) -> str:
    return project.replace("collective: Test Collective\n", "collective: Test Collective\nlang: es\n")


def footer(path) -> str:
    with zipfile.ZipFile(path) as document:
        return document.read("word/footer1.xml").decode()


def test_the_word_files_footer_numbers_pages_in_the_handouts_language(repo):
    root = repo({"aotext.yaml": spanish(PROJECT)})
    assert invoke("build", "--as-of", AS_OF).exit_code == 0
    spanish_footer = footer(root / "build/participant.docx")
    assert "Page" not in spanish_footer and "> de <" in spanish_footer
    assert " PAGE " in spanish_footer and " NUMPAGES " in spanish_footer
    repo({"aotext.yaml": PROJECT})
    assert invoke("build", "--as-of", AS_OF).exit_code == 0
    assert "> of <" in footer(root / "build/participant.docx")


def test_a_footnote_on_a_slide_is_in_its_speaker_notes_not_on_a_slide_of_its_own(repo):
    root = repo({"aotext.yaml": spanish(WITH_SLIDES), "content/curriculum/planning.md": MODULE + FOOTNOTES})
    result = invoke("build", "--only", "slides", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    deck = pptx.Presentation(str(root / "build/slides.pptx"))
    titles = [slide.shapes.title.text if slide.shapes.title is not None else "" for slide in deck.slides]
    assert "Notes" not in titles and "Notas" not in titles
    [slide] = [slide for slide, title in zip(deck.slides, titles, strict=True) if title == "Las metas"]
    on_screen = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert "Una meta medible." in on_screen and "Footnote" not in on_screen
    notes = slide.notes_slide.notes_text_frame.text
    assert "Footnote-On-Slide." in notes and "Footnote-In-Notes." in notes
