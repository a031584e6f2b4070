"""HTML in a body: pandoc hands an HTML tag to the web page only, so the PDF
and the Word file would leave it out, and what it holds, without a word.
Lint reports each tag at its place; written in Markdown as the message says,
every format prints it."""

from __future__ import annotations

import docx
import pypdf

from helpers import CONVERSATION, MODULE, PROJECT, invoke, line_of, lint_json, png

MODULE_PATH = "content/curriculum/planning.md"
ALL_FORMATS = PROJECT.replace("formats: [pdf, docx]", "formats: [pdf, docx, html]")
SECRET = "Quokka timing note for trainers only."
# What pandoc reads as Markdown, not HTML: the handouts print it.
NOT_HTML = ("\nLinks: <https://example.org/join> and <me@example.org>; 3 < 5, <3 and a<b.\n\n"
            "<span class=\"smallcaps\">Span words</span> and a `<b>code span</b>`.\n\n"
            "<div class=\"facilitator\">\nDiv secret for trainers.\n</div>\n\n"
            "```html\n<pre>fenced code</pre>\n```\n\nText.\n\n    <b>indented code</b>\n\n"
            "<!-- a comment with <b>a tag</b> --> and\n<!--\n<img src=\"x.png\">\n-->\n")


def test_html_tags_are_errors_at_their_place_and_markdown_is_not(repo):
    body = ("\nText with <b>bold</b> and <EM>stress</EM>.\n\n<pre>MARK-PRE</pre>\n\n"
            "<img src=\"nothere.png\" alt=\"MARK-IMG-ALT\">\n\n<section class=\"facilitator\">\n"
            f"{SECRET}\n</section>\n\n1. A step.\n\n    Press <kbd>Ctrl</kbd>.\n\nA <name> to fill in.\n"
            + NOT_HTML)
    repo({MODULE_PATH: MODULE + body})
    text = MODULE + body
    found = [(p["line"], p["column"], p["message"]) for p in lint_json()]
    assert [(line, column) for line, column, _ in found] == [
        (line_of(text, "Text with <b>"), len("Text with ") + 1),
        (line_of(text, "Text with <b>"), len("Text with <b>bold</b> and ") + 1),
        (line_of(text, "<pre>"), 1), (line_of(text, "<img"), 1), (line_of(text, "<section"), 1),
        (line_of(text, "<kbd>"), len("    Press ") + 1), (line_of(text, "A <name>"), len("A ") + 1)]
    assert {problem["rule"] for problem in lint_json()} == {"raw-html"}
    messages = [message for *_, message in found]
    assert messages[0] == ("<b> is HTML, which only the web page reads: the PDF and the Word file leave it out "
                           "without a word, and what it holds with it; write it in Markdown instead: bold is **words**")
    assert messages[2].endswith("code is written between two lines of ```")
    assert messages[3].endswith("a picture is ![what it shows](file.png)")
    assert "a part for facilitators only is a '::: facilitator' block closed by ':::'" in messages[4]
    assert "write \\< for <" in messages[6]


def test_a_private_document_s_own_tag_is_not_quoted(repo):
    path = "content/conversations/talk-nia.md"
    repo({path: CONVERSATION + "\nAsk <nia-sister> about <b>it</b>.\n"})
    messages = [problem["message"] for problem in lint_json()]
    assert len(messages) == 2
    assert messages[0].startswith("this tag is HTML") and messages[1].startswith("<b> is HTML")
    assert not any("nia" in message.lower() for message in messages)


def test_written_in_markdown_as_told_every_format_prints_it(repo):
    body = ("\nText with **bold** and *stress*.\n\n```\nMARK-PRE\n```\n\n![MARK-IMG-ALT](pic.png)\n\n"
            f"::: facilitator\n{SECRET}\n:::\n\nA \\<name> to fill in.\n" + NOT_HTML.split("```html")[0])
    root = repo({"aotext.yaml": ALL_FORMATS, MODULE_PATH: MODULE + body})
    (root / "content/curriculum/pic.png").write_bytes(png(0, 120, 0))
    assert lint_json() == []
    result = invoke("build", "--as-of", "2026-11-24")
    assert result.exit_code == 0, result.output
    pdf = pypdf.PdfReader(root / "build/participant.pdf")
    html = " ".join((root / "build/participant.html").read_text(encoding="utf-8").split())
    for shown in (" ".join(" ".join(page.extract_text().split()) for page in pdf.pages),
                  " ".join(paragraph.text for paragraph in docx.Document(str(root / "build/participant.docx"))
                           .paragraphs), html):
        for words in ("MARK-PRE", "MARK-IMG-ALT", "to fill in", "3 < 5, <3 and a<b" if shown != html else
                      "3 &lt; 5, &lt;3 and a&lt;b", "https://example.org/join", "me@example.org", "Span words"):
            assert words in shown, words
        assert SECRET not in shown and "Div secret for trainers." not in shown
    assert "&lt;name&gt; to fill in" in html
    assert sum(len(page.images) for page in pdf.pages) == 1


def test_code_is_followed_as_pandoc_reads_it():
    from aotext.documents.document import Document
    from aotext.rules.body_markup import raw_html

    body = ("Text.\n\n    <b>indented code</b>\n```\n<b>fenced right after it</b>\n```\n<i>after the fence</i>\n\n"
            "- item\n\n    <u>in the item</u>\n\nback at the left\n\n    <s>code again</s>\n")
    found = [(line, column) for _, line, column, _ in raw_html(Document("x.md", {}, body, 1))]
    assert found == [(7, 1), (11, 5)]


def test_a_tag_written_over_several_lines_is_found_where_it_starts(repo):
    """pandoc reads `<section` and `class="facilitator">` on the next line as
    one tag: left unreported, the PDF and the Word file printed what the
    wall held to participants. An angle bracket that nothing closes before
    an empty line is text, and is printed."""
    body = ("\nText with <b\nclass=\"x\">bold</b> here.\n\n<section\n  class=\"facilitator\">\n"
            f"{SECRET}\n</section>\n\n<img\n  src=\"pic.png\" alt=\"x\">\n\nA <name\nis here.\n\nA <b\n\nx > y\n")
    repo({MODULE_PATH: MODULE + body})
    text = MODULE + body
    found = [(p["line"], p["column"], p["message"].split(" is HTML")[0]) for p in lint_json()]
    assert found == [(line_of(text, "Text with <b"), len("Text with ") + 1, "<b>"),
                     (line_of(text, "<section"), 1, "<section>"), (line_of(text, "<img"), 1, "<img>")]


def test_code_in_a_list_item_is_indented_four_past_the_item_s_text():
    """As pandoc reads it: code inside `- item` starts at six spaces, inside
    `1. item` at seven; less is the item's own text, where a tag is HTML."""
    from aotext.documents.document import Document
    from aotext.rules.body_markup import raw_html

    body = ("- item\n\n      <u>code</u>\n\n     <u>text</u>\n\n1. item\n\n       <u>code</u>\n\n      <u>text</u>\n\n"
            "- a\n    - sub\n\n          <u>code</u>\n\n        <u>text</u>\n\n- a\n\n  more of a\n\n     <u>text</u>\n\n"
            "- outer\n  - inner\n\n  more of outer\n\n    <u>text of outer</u>\n")
    found = [line for _, line, _, _ in raw_html(Document("x.md", {}, body, 1))]
    assert found == [5, 11, 18, 24, 31]  # the last: text of the outer item, four past which its code would start


def test_a_note_or_link_address_written_for_facilitators_but_used_outside_is_an_error(repo):
    """pandoc prints a footnote's text, and a named link's address, where they
    are used: written inside '::: facilitator' but used outside, they had
    reached the participants' handouts with lint passing. Used inside the
    block too, they go with it, and nothing is said."""
    body = ("\nParticipants read this.[^tip] And a link to [the plan][secret], and [our\nguide].\n\n"
            "::: facilitator\nSay this aloud.[^own]\n\n[^tip]: Quokka aside about Dolores.\n\n"
            "[^own]: Said only to trainers.\n\n[Secret]: https://example.org/quokka-private\n\n"
            "[our guide]: https://example.org/quokka-guide\n\n"
            "```\n[^tip]: in code, no definition\n```\n:::\n")
    root = repo({MODULE_PATH: MODULE + body})
    text = MODULE + body
    found = [(p["rule"], p["line"], p["column"]) for p in lint_json()]
    assert found == [("defined-for-facilitators", line_of(text, "[^tip]: Quokka"), 1),
                     ("defined-for-facilitators", line_of(text, "[Secret]:"), 1),
                     ("defined-for-facilitators", line_of(text, "[our guide]:"), 1)]  # its use breaks a line
    result = invoke("build", "--as-of", "2026-11-24")
    assert result.exit_code == 1 and "[defined-for-facilitators]" in result.output
    assert list((root / "build").glob("participant.*")) == []  # the handout that would print them is not made
