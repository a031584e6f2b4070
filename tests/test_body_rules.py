"""The body of a document is checked as carefully as its front matter: its
::: blocks are closed and of a kind the handouts know, its pictures exist,
and a misspelt facilitator block never reaches a participant."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pptx
import pypdf
import pytest

from aotext.handouts.render import LUA_FILTERS, LUA_MODULES, MARKDOWN_READER, pandoc_binary
from aotext.repository import open_repository
from aotext.rules.body import BLOCKS, LAYOUT_BLOCKS
from aotext.rules.fences import read_fences
from helpers import AS_OF, CONVERSATION, MODULE, PROJECT, SCENARIO, invoke, line_of, lint_json

ROOT = Path(__file__).resolve().parent.parent
MODULE_PATH = "content/curriculum/planning.md"
BODY_RULES = ["unclosed-block", "stray-block-end", "block-read-as-text", "unknown-block", "missing-picture"]
NOTE = "Quokka timing note for trainers only."
LATER = "The later module tells how to hold a conversation."
SLIDES_PROJECT = PROJECT + """\
  - name: slides
    title: Slides
    layout: slides
    audience: facilitator
    formats: [pptx]
"""
LATER_MODULE = MODULE.replace("id: planning", "id: talking").replace("order: 1", "order: 2").replace(
    "title: Planning", "title: Talking politics").replace("id: goals", "id: skit").replace(
    "    questions: [1]\n", "").replace("minutes: 30", "minutes: 20").replace(
    "Goals are what you hope to achieve.", f"## Conversations\n\n{LATER}")
HANDOUTS = ["build/participant.pdf", "build/participant.docx", "build/slides.pptx"]


def workshop(body: str) -> dict[str, str | bytes | None]:
    """The good repository with `body` after the planning module's text, a
    later module, and the slides."""
    return {"aotext.yaml": SLIDES_PROJECT, MODULE_PATH: MODULE + body, "content/curriculum/talking.md": LATER_MODULE}


def lint_text(*args: str) -> tuple[int, str]:
    result = invoke("lint", "--as-of", AS_OF, *args)
    return result.exit_code, result.output


def build() -> tuple[int, str]:
    result = invoke("build", "--as-of", AS_OF)
    return result.exit_code, result.output


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(path).pages)


def docx_text(path: Path) -> str:
    return " ".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)


def slides_text(path: Path) -> tuple[str, str]:
    """(what the slides show, their speaker notes)."""
    deck = pptx.Presentation(str(path))
    shown = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    notes = " ".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides if slide.has_notes_slide)
    return shown, notes


def test_an_unclosed_facilitator_block_fails_lint_at_its_line_and_builds_nothing_broken(repo):
    body = f"\n::: facilitator\n{NOTE}\n\nBack to everyone.\n"
    root = repo(workshop(body))
    line = line_of(MODULE + body, "::: facilitator")
    code, output = lint_text()
    assert code == 1
    assert f"{MODULE_PATH}:{line}:1: error: this ::: facilitator block is never closed" in output
    assert "add a line ':::' where the block ends [unclosed-block]" in output

    code, output = build()
    assert code == 1
    for handout in HANDOUTS:
        assert f"error: {handout}: not built from documents with errors: {MODULE_PATH} (1 error)" in output
        assert not (root / handout).exists()

    # Closed where lint says, the later module is back in every handout.
    repo(workshop(body.replace("\n\nBack", "\n:::\n\nBack")))
    assert lint_text()[0] == 0
    code, output = build()
    assert code == 0, output
    for text in (pdf_text(root / "build/participant.pdf"), docx_text(root / "build/participant.docx")):
        assert LATER in text and "Back to everyone." in text and "Quokka" not in text
    shown, notes = slides_text(root / "build/slides.pptx")
    assert "IV. Talking politics" in shown and NOTE in notes  # the later module's section slide, the note as notes


# (body after the module's text, [(the text of a line at fault, which such line, its column, rule)], words
# of the message of the last)
MISREAD = [
    ("\nText.\n\n:::\n\nMore.\n", [(":::", 1, 1, "stray-block-end")], "this ':::' closes no block"),
    ("\n::: facilitator\nA note.\n:::\n:::\n", [(":::", 3, 1, "stray-block-end")], "closes no block"),
    ("\nText.\n::: facilitator\nA note.\n:::\n", [("::: facilitator", 1, 1, "block-read-as-text")],
     "directly under a line of text: leave an empty line above it"),
    ("\n::: facilitator notes\nA note.\n:::\n", [("::: facilitator", 1, 1, "block-read-as-text")],
     "more than one word"),
    ("\n  ::: facilitator\nA note.\n:::\n", [("::: facilitator", 1, 3, "block-read-as-text")], "remove the spaces"),
    ("\n::: facilitator\nA note.\n  :::\n", [("::: facilitator", 1, 1, "unclosed-block"),
                                             ("  :::", 1, 3, "block-read-as-text")], "so it closes no block"),
    ("\n---\n::: facilitator\nA note.\n:::\n\n---\n", [("::: facilitator", 1, 1, "block-read-as-text")],
     "inside a table: the line of dashes on line"),
    ("\n- A point.\n::: facilitator\nA note.\n:::\n", [("::: facilitator", 1, 1, "block-read-as-text")],
     "directly under"),
    ("\n::: facilitator\nA note.\n\n::: question\nAnother note.\n:::\n", [("::: facilitator", 1, 1, "unclosed-block")],
     "never closed"),
    ("\n- A point.\n\n  ::: facilitator\n  A note.\n", [("::: facilitator", 1, 3, "unclosed-block")], "never closed"),
]


@pytest.mark.parametrize("body, faults, words", MISREAD)
def test_fences_pandoc_would_misread_are_errors_at_their_line(repo, body, faults, words):
    repo({MODULE_PATH: MODULE + body})
    problems = lint_json()
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in problems] == [
        (MODULE_PATH, line_of(MODULE + body, needle, occurrence), column, rule)
        for needle, occurrence, column, rule in faults]
    assert words in problems[-1]["message"]


@pytest.mark.parametrize("written", ["Facilitator", "facilitators", "facilitater", "{.facilitator-notes}", "facilitator:::"])
def test_a_misspelt_audience_class_fails_lint_with_the_right_spelling(repo, written):
    body = f"\n::: {written}\n{NOTE}\n:::\n"
    repo({MODULE_PATH: MODULE + body})
    code, output = lint_text()
    assert code == 1
    name = written.strip("{}.")
    line, column = line_of(MODULE + body, f"::: {written}"), 5 + (written != name) * 2
    assert (f"{MODULE_PATH}:{line}:{column}: error: '{name}' is not a kind of block aotext knows "
            f"(did you mean 'facilitator'?); the kinds are: {', '.join(BLOCKS)} [unknown-block]") in output


MISSPELT = ["Facilitator", "facilitators", "facilitater", "FACILITATOR", "facilitator-only", "facilitators-notes",
            "{.for-facilitators}", "{.box .Facilitator}", "fasilitator"]


def test_a_misspelt_facilitator_block_never_reaches_participants_even_past_lint(repo, monkeypatch):
    notes = {written: f"Secret number {index} for trainers." for index, written in enumerate(MISSPELT)}
    body = "".join(f"\n::: {written}\n{note}\n:::\n" for written, note in notes.items())
    root = repo(workshop(body))
    code, output = lint_text()
    assert code == 1 and output.count("[unknown-block]") == len(MISSPELT) + 1  # .box is unknown too
    # As if lint had missed them: the filter alone must keep them out.
    monkeypatch.setattr("aotext.handouts.prepare.open_repository",
                        functools.partial(open_repository, ignore=("unknown-block",)))
    code, output = build()
    assert code == 0, output
    for text in (pdf_text(root / "build/participant.pdf"), docx_text(root / "build/participant.docx")):
        assert "Goals are what you hope to achieve." in text and LATER in text
        assert "Secret number" not in text
    shown, speaker_notes = slides_text(root / "build/slides.pptx")
    assert "Secret number" not in shown
    assert all(note in speaker_notes for note in notes.values())


def test_missing_pictures_are_errors_at_their_place_and_web_pictures_are_not_missing(repo):
    body = ("\n![The yard](yard.png)\n\n![Gone](maps/route-7.png)\n\n![On the web](https://example.org/x.png)\n\n"
            "```\n![In code](code.png)\n```\n")
    root = repo({MODULE_PATH: MODULE + body})
    (root / "content/curriculum/yard.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    problems = lint_json()
    line = line_of(MODULE + body, "![Gone]")
    assert [(p["path"], p["line"], p["column"], p["rule"]) for p in problems] == [
        (MODULE_PATH, line, len("![Gone](") + 1, "missing-picture"),
        (MODULE_PATH, line_of(MODULE + body, "![On the web]"), len("![On the web](") + 1, "picture-not-a-file")]
    assert problems[0]["message"].startswith("the picture content/curriculum/maps/route-7.png does not exist")


def test_fences_and_pictures_inside_code_are_text(repo):
    body = ("\nHow to write a note for trainers:\n\n```markdown\n::: facilitator\n![x](nowhere.png)\n```\n\n"
            "~~~~\n:::\n::: Facilitator\n~~~~\n\nOr indented:\n\n    ::: facilitator\n    :::\n")
    repo({MODULE_PATH: MODULE + body})
    assert lint_json() == []


def test_well_formed_blocks_pass(repo):
    body = ("\n:::::: {.facilitator #intro}\nOuter.\n\n::: question\nInner.\n:::\n::::::\n\n"
            "::: facilitator :::\nTrailing colons.\n::::::::\n\n::: page-break\n:::\n\n"
            "::: {.answer-lines lines=3}\n:::\n\n::: {lang=es}\nNo class at all.\n:::\n\n"
            "1. A step.\n\n   ::: facilitator\n   A note inside the step.\n   :::\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n::: facilitator\nRight after a table.\n:::\n\n"
            "<!--\n::: facilitator\n-->\n")
    repo({MODULE_PATH: MODULE + body})
    assert lint_json() == []


def test_messages_about_a_private_document_quote_nothing_of_it(repo):
    path = "content/conversations/talk-nia.md"
    body = "\n::: nia-sister-story\nx\n:::\n\n![Her](photos/nia-at-home.jpg)\n\n::: facilitator\nunclosed\n"
    repo({path: CONVERSATION + body})
    problems = lint_json()
    assert sorted(p["rule"] for p in problems) == ["missing-picture", "unclosed-block", "unknown-block"]
    assert all(p["path"] == path for p in problems)
    assert not any("nia" in p["message"].lower() for p in problems)


def test_the_rules_are_listed_and_can_be_ignored(repo):
    output = invoke("lint", "--list-rules").output
    for rule in BODY_RULES:
        assert re.search(rf"^{rule} +error ", output, re.MULTILINE), rule
    repo({MODULE_PATH: MODULE + "\n::: facilitater\nx\n\n![x](gone.png)\n"})
    assert lint_text()[0] == 1
    code, output = lint_text("--ignore", "unknown-block", "--ignore", "unclosed-block", "--ignore", "missing-picture")
    assert code == 0 and output.endswith("files checked: no problems.\n"), output


def test_the_shipped_workshop_lints_clean(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "aotext.yaml", tmp_path / "aotext.yaml")
    monkeypatch.chdir(tmp_path)
    assert lint_json() == []


def test_lint_knows_exactly_the_blocks_the_filter_handles():
    lua = "".join(path.read_text(encoding="utf-8") for path in (*LUA_FILTERS, *LUA_MODULES))
    handled = set(re.findall(r'classes:includes\("([a-z-]+)"\)', lua))
    assert "is_facilitator(element)" in lua
    assert handled | {"facilitator"} == set(BLOCKS) | set(LAYOUT_BLOCKS)


# Bodies pandoc reads in surprising ways: lint must agree with pandoc on
# every one, about whether a ':::' line is printed or a block left open.
READINGS = [
    "::: facilitator\nA note.\n:::\n",
    "::: facilitator\nA note.\n",
    "Text.\n::: facilitator\nA note.\n:::\n",
    "Text.\n\n::: facilitator\nA note.\n:::\nText right under the block.\n",
    "::: facilitator\nA note.\n::: question\nAnother note.\n:::\n:::\n",
    "::: facilitator\nA note.\n\n::: question\nAnother note.\n:::\n:::\n",
    " ::: facilitator\nA note.\n:::\n",
    "::: facilitator\nA note.\n   :::\n",
    "::: facilitator\n```\n:::\n```\n:::\n",
    "Text\n```\n::: facilitator\n```\n",
    "Text\n~~~\n::: facilitator\n~~~\n",
    "# Heading\n::: facilitator\nA note.\n:::\n",
    "Heading\n=======\n::: facilitator\nA note.\n:::\n",
    "One\ntwo\n=======\n::: facilitator\nA note.\n:::\n",
    "- item\n::: facilitator\nA note.\n:::\n",
    "- item\n\n  ::: facilitator\n  A note.\n  :::\n",
    "- item\n\n  ::: facilitator\n  A note.\n:::\n",
    "::: facilitator\n- item\n\n  ::: question\n  Another note.\n:::\n",
    "- item\n\n    ::: facilitator\n    A note.\n    :::\n",
    "> Quote.\n::: facilitator\nA note.\n:::\n",
    "| a |\n|---|\n| b |\n::: facilitator\nA note.\n:::\n",
    "|---|\n::: facilitator\nA note.\n:::\n",
    "---\n::: facilitator\nA note.\n:::\n---\n",
    "***\n::: facilitator\nA note.\n:::\n",
    "<!-- a comment -->\n::: facilitator\nA note.\n:::\n",
    "<!--\n::: facilitator\n-->\n",
    "Text <!-- a\ncomment -->\n::: facilitator\nA note.\n:::\n",
    "::: {.facilitator} more\nA note.\n:::\n",
    "::: facilitator\nA note.\n:::: x\n",
    "\t::: facilitator\nA note.\n:::\n",
    "Text.\n    ::: facilitator\n    A note.\n    :::\n",
    # Definition lists: a definition is read as a document of its own, as a list item is.
    "Term\n:   Definition.\n\n    ::: slide\n    Words.\n    :::\n",
    "Term\n\n:   ::: slide\n    Words.\n    :::\n",
    "Term\n: Definition.\n\n  ::: slide\n  Words.\n  :::\n",
    "Term\n:   One.\n\n    ::: slide\n    Words.\n    :::\n\nTerm two\n~   ::: facilitator\n    x\n    :::\n",
    "Term\n:   One.\n:   ::: facilitator\n    x\n    :::\n",
    "Two lines\nof a paragraph\n: not a definition\n  ::: facilitator\n  x\n  :::\n",
    "Term\n:   Definition.\n::: facilitator\nA note.\n:::\n",
    "Term\n\n\n:   ::: facilitator\n    A note.\n    :::\n",
    "Term\n:   One.\n\n\n:   ::: facilitator\n    x\n    :::\n",
]


def _pandoc_reading(body: str) -> tuple[bool, bool]:
    """(pandoc prints a ':::' as text, pandoc closes a block itself)."""
    done = subprocess.run([pandoc_binary(), "--from", MARKDOWN_READER, "--to", "json"], input=body,
                          capture_output=True, text=True, check=True)
    printed: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("t") == "Str" and node["c"].startswith(":::"):
                printed.append(node["c"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(done.stdout)["blocks"])
    return bool(printed), "unclosed" in done.stderr


@pytest.mark.parametrize("body", READINGS)
def test_lint_reads_fences_as_pandoc_does(body):
    printed, left_open = _pandoc_reading(body)
    reading = read_fences(body, 1)
    assert bool(reading.as_text or reading.stray) == printed
    assert bool(reading.unclosed) == left_open


def test_an_activity_mark_must_name_an_activity_of_its_module(repo):
    repo(workshop("\n::: {.facilitator activity=goal}\nGroups write goals.\n:::\n"))
    code, output = lint_text()
    line = MODULE.count("\n") + 2
    assert code == 1
    assert (f"{MODULE_PATH}:{line}:1: error: this module has no activity 'goal' (did you mean 'goals'?), so the "
            "agenda cannot place it") in output


def test_a_body_that_marks_some_activities_is_warned_about_the_others(repo):
    two = MODULE.replace("activities:\n", "activities:\n  - id: intro\n    title: Introductions\n"
                         "    kind: question\n    minutes: 5\n")
    repo({**workshop(""), MODULE_PATH: two + "\n::: {.facilitator activity=goals}\nGroups write goals.\n:::\n"})
    code, output = lint_text()
    assert code == 0
    assert (f"{MODULE_PATH}:{line_of(two, '- id: intro')}:5: warning: the body does not say where activity "
            "'intro' happens") in output
    assert "activity 'goals'" not in output


def test_an_activity_mark_outside_a_module_is_an_error(repo):
    repo({"content/scenarios/bus-drivers.md": SCENARIO + "\n::: {activity=goals}\nText.\n:::\n"})
    code, output = lint_text()
    assert code == 1 and "only a module's body places activities in the agenda" in output


def test_a_block_or_span_for_one_format_is_an_error_at_its_place(repo):
    """pandoc gives a raw block to its one format: the handout's others would drop it without a word."""
    body = ("\nBefore.\n\n```{=typst}\n#pagebreak()\n```\n\nA word in `<b>bold</b>`{=html} here.\n\n"
            "```{=latex}\n\\newpage\n```\n\n```markdown\n```{=typst}\nIn code: only text.\n```\n")
    root = repo({MODULE_PATH: MODULE + body})
    text = (root / MODULE_PATH).read_text(encoding="utf-8")
    found = [(p["line"], p["column"], p["message"]) for p in lint_json() if p["rule"] == "format-only"]
    assert [(line, column) for line, column, _ in found] == [
        (line_of(text, "```{=typst}"), 1), (line_of(text, "A word in"), len("A word in ") + 1),
        (line_of(text, "```{=latex}"), 1)]
    assert found[0][2].startswith("this {=typst} block prints only in PDF handouts; the handout's other formats")
    assert found[1][2].startswith("this {=html} text prints only in web pages")
    assert "prints in no handout" in found[2][2]


def test_a_picture_file_that_cannot_be_printed_is_an_error_at_its_place(repo):
    """A cut-short SVG or a text file named .png: pandoc and typst would refuse it, and the web page
    would show an empty frame without a word."""
    body = ("\n![Cut short](cut.svg)\n\n![Renamed](notes.png)\n\n![A drawing](good.svg)\n\n![A photo](good.png)\n")
    root = repo({MODULE_PATH: MODULE + body})
    folder = root / "content/curriculum"
    (folder / "cut.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"', encoding="utf-8")
    (folder / "notes.png").write_text("not a picture at all", encoding="utf-8")
    (folder / "good.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"/></svg>',
                                     encoding="utf-8")
    (folder / "good.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    text = MODULE + body
    found = [(p["line"], p["column"], p["message"]) for p in lint_json() if p["rule"] == "picture-unreadable"]
    assert [(line, column) for line, column, _ in found] == [
        (line_of(text, "![Cut short]"), len("![Cut short](") + 1), (line_of(text, "![Renamed]"), len("![Renamed](") + 1)]
    assert found[0][2].startswith("the picture content/curriculum/cut.svg cannot be printed: it is not a whole SVG")
    assert "not a PNG, JPEG, GIF or WebP picture" in found[1][2]
    # Lint's error stops every handout that prints the module, its web page too.
    result = invoke("build", "--only", "participant", "--as-of", "2026-11-24")
    assert result.exit_code == 1
    assert "not built from documents with errors: content/curriculum/planning.md" in result.output
    assert not (root / "build/participant.html").exists() and not (root / "build/participant.pdf").exists()


@pytest.mark.parametrize("attributes, words", [
    ('width="-5"', "its width '-5' is not a size above zero"),
    ('height="tall"', "its height 'tall' is not a size above zero"),
    ('viewBox="0 0 0 10"', "its viewBox '0 0 0 10' is not four numbers"),
])
def test_an_svg_of_no_size_cannot_be_printed(repo, attributes, words):
    root = repo({MODULE_PATH: MODULE + "\n![A drawing](drawing.svg)\n"})
    (root / "content/curriculum/drawing.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" {attributes}><rect width="1" height="1"/></svg>', encoding="utf-8")
    [found] = [p for p in lint_json() if p["rule"] == "picture-unreadable"]
    assert words in found["message"]


def test_only_a_heading_two_levels_down_outside_code_is_reported(repo):
    """What counts as a heading and as a code fence, line by line: up to three
    spaces before the marks, a space or the line's end after them."""
    body = ("\n## Goals\n"
            "\tFour: a tab first is not a heading\n"
            "    #### four spaces: code, not a heading\n"
            "#### no\n"  # reported: level 4 right after level 2
            "####### seven marks: not a heading\n"
            "#nospace is text\n"
            "```\n"
            "# inside code\n"
            "~~~\n"
            "###### still inside: a ~~~ line does not close a ``` fence\n"
            "```\n"
            "   ~~~~\n"
            "##### inside the second fence\n"
            "   ~~~~~\n"
            "## Back at two\n"
            "   ###### three spaces, then six: reported")
    repo({MODULE_PATH: MODULE + body})
    start = MODULE.count("\n") + 1
    found = [(problem["line"], problem["column"]) for problem in lint_json() if problem["rule"] == "heading-skipped"]
    assert found == [(start + 4, 1), (start + 16, 4)]


def test_a_heading_underlined_with_equals_or_dashes_counts_as_pandoc_reads_it(repo):
    """Title over ===== is level 1 and over ----- level 2, as in every
    handout; under a paragraph of two lines, or after an empty line, the
    dashes are text or a line across, and no heading."""
    body = ("\nWhy we plan\n===========\n\nOur goals\n---------\n\n#### Too deep after two\n\n"
            "A paragraph\nof two lines\n---\n\nText.\n\n---\n\n### Three after two: fine\n")
    repo({MODULE_PATH: MODULE + body})
    text = MODULE + body
    found = [(problem["line"], problem["column"], problem["message"]) for problem in lint_json()
             if problem["rule"] == "heading-skipped"]
    assert [(line, column) for line, column, _ in found] == [(line_of(text, "#### Too deep"), 1)]
    assert "right after level 2 (##): make it ###" in found[0][2]


def test_a_line_across_under_a_block_opener_is_no_heading():
    """pandoc reads '---' under '::: facilitator' as a line across: taken for
    a heading, it had hidden the level-3 heading that follows a level-1 one."""
    from aotext.rules.body import headings

    assert list(headings("# Planning\n::: facilitator\n---\n\nTime it.\n:::\n\n### Next\n")) == [(0, 1), (7, 3)]
