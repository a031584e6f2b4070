"""When pandoc or typst cannot make a handout, the message names the
document and line it came from, never the temporary files aotext gives them."""

from __future__ import annotations

from helpers import MODULE, invoke, line_of

BROKEN = MODULE.replace("Goals are what you hope to achieve.\n",
                        "Goals are what you hope to achieve.\n\nSome raw Typst:\n\n```{=typst}\n#underline(\n```\n")


def test_a_typst_failure_names_the_document_and_its_line(repo, monkeypatch):
    # Lint reports the raw block (format-only) and would stop the handout; the
    # failure is made past it, to see what typst's is turned into.
    from aotext.rules import body

    monkeypatch.setattr(body, "_raw", lambda document: iter(()))
    repo({"content/curriculum/planning.md": BROKEN})
    result = invoke("build", "--only", "participant", "--as-of", "2026-11-24")
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if line.startswith("error: build/participant.pdf")]
    body_line = line_of(BROKEN, "Goals are what you hope to achieve.")
    assert f"typst failed in the text of content/curriculum/planning.md (from line {body_line})" in line
    assert "«#underline(»" in line and "':::' block that is not closed" in line
    assert "__typst_py_bytes__" not in result.output and "/tmp" not in result.output
    assert "Traceback" not in result.output
    # The DOCX leaves raw Typst out, so it is still made.
    assert "build/participant.docx" not in line and "Built 1" in result.output


def test_lines_of_the_composed_markdown_lead_back_to_their_file():
    from aotext.documents.document import Document
    from aotext.handouts.images import printed_body
    from aotext.handouts.sources import markdown_line

    body = "\n\nFirst paragraph.\n\nSecond paragraph.\n"
    document = Document("content/curriculum/x.md", {"type": "module"}, body, 12)
    composed = "# Title\n\nSomething before.\n\n" + printed_body(document, {})
    lines = composed.splitlines()
    first, second = lines.index("First paragraph.") + 1, lines.index("Second paragraph.") + 1
    assert markdown_line(composed, first) == ("content/curriculum/x.md", 14)
    assert markdown_line(composed, second) == ("content/curriculum/x.md", 16)
    assert markdown_line(composed, 1) is None


def test_a_picture_typst_cannot_draw_is_named_by_the_document_that_shows_it(repo, monkeypatch):
    """Lint reports an SVG of no size (picture-unreadable); past it, typst's failure, which names no
    picture, is traced to the picture and the line that shows it, in the PDF and in the Word file."""
    from aotext.handouts import images

    monkeypatch.setattr(images, "_svg_size_problem", lambda attributes: None)
    body = "Goals are what you hope to achieve.\n\n![A drawing of no size](drawing.svg)\n"
    text = MODULE.replace("Goals are what you hope to achieve.\n", body)
    root = repo({"content/curriculum/planning.md": text,
                 "content/curriculum/drawing.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="-5"/>'})
    result = invoke("build", "--only", "participant", "--as-of", "2026-11-24")
    assert result.exit_code == 1
    place = f"(the picture shown in content/curriculum/planning.md, line {line_of(text, '![A drawing')})"
    failed = [line for line in result.output.splitlines() if line.startswith("error: build/participant.")]
    assert failed and all("typst could not draw an SVG picture" in line and place in line for line in failed), failed
    assert "picture-" not in result.output  # never the name of the staged copy
    assert not (root / "build/participant.pdf").exists()
