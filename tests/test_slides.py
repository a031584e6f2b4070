"""The shipped slides teach and fit: a section slide per module, then slides
of the key content the modules mark (`::: slide`), the definition, the 20/70/10
rule, the five steps and their questions, the guiding questions; the speaker
notes are the facilitator blocks of what is on screen; and every slide's
text fits its box at its own size, never below 20 points.

The fit is measured with DejaVu Sans, whose letters are wider than those of
the deck's Calibri (and of Arial, which stands in for it where Calibri is
missing): text that fits in DejaVu Sans fits on any presenter's machine."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pptx
import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from helpers import dejavu_sans

ROOT = Path(__file__).resolve().parent.parent
EMU_PER_POINT = 12700
LINE_HEIGHT = 1.2  # a line is 1.2 times the font size
SMALLEST = 20  # points


@cache
def widths() -> tuple[dict[int, int], int]:
    font = TTFont(dejavu_sans())
    metrics = font["hmtx"].metrics
    return {code: metrics[name][0] for code, name in font.getBestCmap().items()}, font["head"].unitsPerEm


def text_width(text: str, size: float) -> float:
    advance, per_em = widths()
    return sum(advance.get(ord(char), per_em) for char in text) * size / per_em


def wrapped_lines(text: str, size: float, width: float) -> int:
    """How many lines `text` takes in `width` points, wrapped at spaces (code keeps its own lines)."""
    if "\n" in text or "\v" in text:
        return sum(wrapped_lines(line, size, width) for line in re.split("[\n\v]", text))
    lines, line = 1, ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and text_width(trial, size) > width:
            lines, line = lines + 1, word
        else:
            line = trial
    return lines


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    root = tmp_path_factory.mktemp("slides")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "aotext.yaml", root / "aotext.yaml")
    built = subprocess.run([str(Path(sys.executable).parent / "aotext"), "build", "--only", "slides",
                            "--as-of", "2026-11-24"], cwd=root, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    return pptx.Presentation(str(root / "build/slides.pptx"))


def sizes(deck, style: str) -> dict[int, float]:
    """Font size in points of each paragraph level of the master's title or body style."""
    master = etree.tostring(deck.slide_master._element).decode()
    found = re.search(rf"<p:{style}>(.*?)</p:{style}>", master, re.DOTALL)
    assert found
    return {int(level): int(size) / 100 for level, size in
            re.findall(r'<a:lvl(\d)pPr[^>]*>.*?<a:defRPr[^>]* sz="(\d+)"', found.group(1), re.DOTALL)}


def margins(deck, style: str) -> dict[int, float]:
    master = etree.tostring(deck.slide_master._element).decode()
    found = re.search(rf"<p:{style}>(.*?)</p:{style}>", master, re.DOTALL)
    assert found
    return {int(level): int(margin) / EMU_PER_POINT for level, margin in re.findall(r'<a:lvl(\d)pPr[^>]* marL="(\d+)"',
                                                                                  found.group(1))}


def overflow(shape, size_of: dict[int, float], margin_of: dict[int, float], spacing: float) -> list[str]:
    """What does not fit in the shape's box, at the sizes of its paragraphs."""
    inset = 7.2  # the default 0.1-inch left and right insets
    width = shape.width / EMU_PER_POINT - 2 * inset
    height = shape.height / EMU_PER_POINT - 2 * 3.6
    used, problems = 0.0, []
    for number, paragraph in enumerate(shape.text_frame.paragraphs):
        level = paragraph.level + 1
        size = size_of.get(level, size_of[1])
        if size < SMALLEST:
            problems.append(f"'{paragraph.text[:40]}' is at level {level}: {size} pt")
        lines = wrapped_lines(paragraph.text, size, width - margin_of.get(level, 0))
        used += lines * size * LINE_HEIGHT + (spacing * size * LINE_HEIGHT if number else 0)
    if used > height:
        problems.append(f"{used:.0f} pt of text in a box {height:.0f} pt high")
    return problems


def layout_size(slide, shape) -> float | None:
    """The size the slide's layout gives this placeholder's first level, if it gives one."""
    for placeholder in slide.slide_layout.placeholders:
        if placeholder.placeholder_format.type == shape.placeholder_format.type:
            found = re.search(r'<a:lvl1pPr[^>]*>.*?<a:defRPr[^>]* sz="(\d+)"',
                              etree.tostring(placeholder._element).decode(), re.DOTALL)
            return int(found.group(1)) / 100 if found else None
    return None


def test_every_slide_fits_its_box_at_20_points_or_more(deck):
    body, title = sizes(deck, "bodyStyle"), sizes(deck, "titleStyle")
    body_margins = margins(deck, "bodyStyle")
    problems = []
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.placeholders:
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            kind = shape.placeholder_format.type
            is_title = "TITLE" in str(kind) or "SUBTITLE" in str(kind) or "CENTER_TITLE" in str(kind)
            if "DATE" in str(kind):
                continue
            own = layout_size(slide, shape) if is_title else None
            found = overflow(shape, {1: own} if own else title if is_title else body,
                             {} if is_title else body_margins, 0 if is_title else 0.2)
            problems += [f"slide {number} ({slide.shapes.title.text if slide.shapes.title else ''}): {problem}"
                         for problem in found]
    assert problems == []


def slide_texts(deck) -> list[tuple[str, str, str]]:
    """(title, what the slide shows, its speaker notes) of every slide."""
    found = []
    for slide in deck.slides:
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        shown = " ".join(shape.text_frame.text for shape in slide.placeholders
                         if shape.has_text_frame and shape != slide.shapes.title)
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        found.append((title, shown, notes))
    return found


def test_the_deck_teaches_the_key_content(deck):
    slides = slide_texts(deck)
    everything = " ".join(f"{title} {shown}" for title, shown, _ in slides)
    for words in ("Getting everyday people to work together towards a shared goal in a way that builds their power",
                  "Organizing is 20% questions, 70% listening, and 10% talking",
                  "Get in the door", "Get their story", "Propose a vision", "Address obstacles", "Advocate and assess",
                  "How do I start up a conversation with a stranger?",
                  "How will this force a wedge between sections of the powerful?",
                  "Does our strategy include confrontation?", "Does this tactic foster greater participation or limit it?",
                  "Is this measurable? How do we measure it?", "Politics is a social activity"):
        assert words in everything, words
    sections = [title for title, shown, _ in slides if not shown]
    assert sections[:2] == ["I. Kick-off", "II. Defining autonomous organizing"]


def test_speaker_notes_are_the_facilitator_material_of_what_is_on_screen(deck):
    slides = slide_texts(deck)
    skit = next(notes for title, _, notes in slides if title.startswith("20% questions"))
    assert skit.startswith("Skit, 5 minutes: demonstrate a conversation that goes badly")
    definition = next(notes for title, _, notes in slides if title == "Defining “autonomous organizing”")
    assert "examples of autonomous organizing" in definition
    assert all("Skit, 5 minutes" not in shown for _, shown, _ in slides)  # facilitator text never on screen


def test_the_deck_tells_its_title_and_language(deck):
    assert deck.core_properties.title == "Autonomous Organizing Training"
    assert deck.core_properties.language == "en"
    master = etree.tostring(deck.slide_master._element).decode()
    assert 'lang="en"' in master and 'lang="en-US"' not in master


def test_a_spanish_deck_says_it_is_spanish(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    project = (ROOT / "aotext.yaml").read_text(encoding="utf-8")
    (tmp_path / "aotext.yaml").write_text(project.replace("paper: us-letter\n", "paper: us-letter\nlang: es\n", 1),
                                          encoding="utf-8")
    built = subprocess.run([str(Path(sys.executable).parent / "aotext"), "build", "--only", "slides",
                            "--as-of", "2026-11-24"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    spanish = pptx.Presentation(str(tmp_path / "build/slides.pptx"))
    assert spanish.core_properties.language == "es"
    master = etree.tostring(spanish.slide_master._element).decode()
    assert 'lang="es"' in master and 'lang="en' not in master


NESTED = """
## Nested slides

::: {activity=goals}
::: slide
Nested-In-Activity.
:::
:::

:::: {lang=es}
::: slide
Anidado-En-Español.
:::
::::

1.  A step.

    ::: slide
    Nested-In-A-List.
    :::

> ::: slide
> Nested-In-A-Quote.
> :::

Term
:   A definition.

    ::: slide
    Nested-In-A-Definition.
    :::
"""


def test_a_slide_block_inside_another_block_reaches_the_deck(repo):
    from helpers import MODULE, PROJECT, invoke, lint_json

    root = repo({"aotext.yaml": PROJECT + "  - name: slides\n    title: Slides\n    layout: slides\n"
                 "    audience: facilitator\n    formats: [pptx]\n",
                 "content/curriculum/planning.md": MODULE + NESTED})
    assert lint_json() == []
    result = invoke("build", "--only", "slides", "--as-of", "2026-11-24")
    assert result.exit_code == 0, result.output
    slides = slide_texts(pptx.Presentation(str(root / "build/slides.pptx")))
    shown = [(title, text) for title, text, _ in slides if text]
    for words in ("Nested-In-Activity.", "Anidado-En-Español.", "Nested-In-A-List.", "Nested-In-A-Quote.",
                  "Nested-In-A-Definition."):
        assert any(words in text and title == "Nested slides" for title, text in shown), (words, shown)


LONG = ("Organizing starts where people already are: in the yard before the routes, at the break table, in the group "
        "chat that nobody admits to reading. ") * 5
CODE = "\n".join(f"line-{number:02d} of the phone tree: call the next driver" for number in range(1, 13))
ITEM = "Each driver who signs asks one more: name them, write it down, and call back within the week. " * 7
QUOTE = "A quoted organizer says: we won because we talked to every driver, one by one, at the yard. " * 7
CROWDED = f"""
## A long quote

::: slide
> {QUOTE}
:::
## Steps

::: slide
1. First-Step-Words.
2. {ITEM}
3. Third-Step-Words.
:::

## Too much for one slide

::: slide
{LONG}
:::

## A phone tree

::: slide
```
{CODE}
```
:::

## A picture

::: slide
![The yard before the routes](yard.png)

Drivers-Talk-Here before the routes start, every morning.
:::
"""


def test_a_long_paragraph_list_item_code_and_a_picture_with_text_go_on_over_slides_that_fit(repo):
    from helpers import MODULE, PROJECT, invoke, png

    root = repo({"aotext.yaml": PROJECT + "  - name: slides\n    title: Slides\n    layout: slides\n"
                 "    audience: facilitator\n    formats: [pptx]\n",
                 "content/curriculum/planning.md": MODULE + CROWDED, "content/curriculum/yard.png": png(0, 90, 0)})
    result = invoke("build", "--only", "slides", "--as-of", "2026-11-24")
    assert result.exit_code == 0, result.output
    deck = pptx.Presentation(str(root / "build/slides.pptx"))
    body, body_margins = sizes(deck, "bodyStyle"), margins(deck, "bodyStyle")
    problems = [f"{slide.shapes.title.text}: {problem}" for slide in deck.slides for shape in slide.placeholders
                if shape.has_text_frame and shape != slide.shapes.title
                for problem in overflow(shape, body, body_margins, 0.2)]
    assert problems == []
    shown = " ".join(text for _, text, _ in slide_texts(deck))
    assert " ".join(shown.split()).count("Organizing starts where people") == 5
    assert " ".join(shown.split()).count("Each driver who signs") == 7  # a list item too long for a slide goes on
    assert "First-Step-Words." in shown and "Third-Step-Words." in shown
    assert " ".join(shown.split()).count("A quoted organizer says") == 7  # a quote too long for a slide goes on
    assert all(line in shown for line in CODE.splitlines())
    for slide in deck.slides:
        pictures = [shape for shape in slide.shapes if shape.shape_type == 13]
        texts = [shape for shape in slide.placeholders if shape.has_text_frame and shape != slide.shapes.title
                 and "Drivers-Talk-Here" in shape.text_frame.text]
        assert not (pictures and texts), slide.shapes.title.text
