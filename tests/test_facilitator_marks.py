"""Whatever is marked for facilitators, a block, a phrase or a heading, with
whatever other classes beside it (`{.slide .facilitator}`), is left out of
every participant handout and kept off the slides' screen (in the speaker
notes instead), while the facilitator guide prints it."""

from __future__ import annotations

import docx
import pptx
import pypdf

from helpers import MODULE, PROJECT, invoke, lint_json

MODULE_PATH = "content/curriculum/planning.md"
EVERY_AUDIENCE = PROJECT.replace("formats: [pdf, docx]", "formats: [pdf, docx, html]") + """\
  - name: guide
    title: Facilitator guide
    layout: workshop
    audience: facilitator
    formats: [html]
  - name: slides
    title: Slides
    layout: slides
    audience: facilitator
    formats: [pptx]
"""
BODY = """
## The steps

::: slide
Visible step one.
:::

::: {.slide .facilitator}
Secret-Slide-First.
:::

::: {.facilitator .slide}
Secret-Slide-Second.
:::

::: slide
### Whisper-Heading {.facilitator}

Visible step two.
:::

## Tell them about the strike {.facilitator}

::: slide
Visible step three.
:::

::: {.question .facilitator}
Secret-Question.
:::
"""
SECRETS = ("Secret-Slide-First", "Secret-Slide-Second", "Whisper-Heading", "Tell them about the strike",
           "Secret-Question")


def test_facilitator_marks_in_any_combination_never_reach_participants_or_the_screen(repo):
    root = repo({"aotext.yaml": EVERY_AUDIENCE, MODULE_PATH: MODULE + BODY})
    assert lint_json() == []
    result = invoke("build", "--as-of", "2026-11-24")
    assert result.exit_code == 0, result.output
    pdf = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(root / "build/participant.pdf")
                   .pages)
    word = " ".join(paragraph.text for paragraph in docx.Document(str(root / "build/participant.docx")).paragraphs)
    html = " ".join((root / "build/participant.html").read_text(encoding="utf-8").split())
    for shown in (pdf, word, html):
        assert "Visible step one" in shown and "Visible step three" in shown
        for secret in SECRETS:
            assert secret not in shown, secret
    guide = (root / "build/guide.html").read_text(encoding="utf-8")
    assert all(secret in guide for secret in SECRETS)

    deck = pptx.Presentation(str(root / "build/slides.pptx"))
    on_screen = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                         if shape.has_text_frame)
    notes = " ".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides if slide.has_notes_slide)
    assert "Visible step one" in on_screen and "Visible step three" in on_screen
    for secret in SECRETS:
        assert secret not in on_screen, secret
        assert secret in notes, secret
