"""The trainer's kit, built from the shipped content with the real CLI (pandoc
and typst included) and read back as a trainer would check it: every role
card says what its document says, the sign-in sheet has its phone column and
a page of rows, the feedback form asks its questions without a name, the
checklist lists every item, the scenarios tell their story and answer every terrain question, the
readings name their two titles and nothing invented, and nothing private
(a conversation note, a private card or sheet) reaches any of it."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
import yaml

from helpers import AS_OF, built_tree, invoke, line_of, write_tree

ROOT = Path(__file__).resolve().parent.parent
KIT = ("role-cards", "scenarios", "sign-in-sheet", "feedback-form", "materials-checklist", "references")
FORMATS = {name: ("pdf", "docx", "html") for name in KIT} | {"references": ("pdf", "html")}
CANARY = "Wombat canary, a private sentence about a real person"
PRIVATE_CARD = f"""---
type: role-card
id: secret-card
private: true
title: You are someone real
module: talking-politics
activity: practice-in-pairs
situation: {CANARY}, on a private card.
---
"""
PRIVATE_SHEET = f"""---
type: sheet
id: secret-sheet
private: true
title: A private sheet
checklist:
  - item: {CANARY}, on a private sheet.
---
"""


def shipped_files() -> dict[str, str | bytes]:
    """The shipped project: aotext.yaml and every file of content/."""
    files: dict[str, str | bytes] = {"aotext.yaml": (ROOT / "aotext.yaml").read_text(encoding="utf-8")}
    for path in sorted((ROOT / "content").rglob("*")):
        if path.is_file():
            files[path.relative_to(ROOT).as_posix()] = path.read_bytes()
    return files


def front_matter(relative: str) -> dict[str, Any]:
    """The front matter of a shipped document, as the test reads it (not through aotext)."""
    text = (ROOT / relative).read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(data, dict)
    return data


def words(text: str) -> str:
    """Text as a reader compares it: ligatures and curled quotes undone, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text)
    for curled, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curled, straight)
    text = " ".join(text.split())
    # A word broken at its hyphen at the end of a printed line; a tag's edge before a comma on a web page.
    return re.sub(r" ([,.;:])", r"\1", re.sub(r"(\w)- (\w)", r"\1-\2", text))


def pdf_pages(path: Path) -> list[str]:
    return [words(page.extract_text() or "") for page in pypdf.PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    return " ".join(pdf_pages(path))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return words(" ".join(parser.parts))


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return words(" ".join([paragraph.text for paragraph in document.paragraphs] + cells))


def texts(root: Path, name: str) -> Iterator[tuple[str, str]]:
    """(file, its text) for every format the handout is made in."""
    readers = {"pdf": pdf_text, "docx": docx_text, "html": html_text}
    for fmt in FORMATS[name]:
        yield f"{name}.{fmt}", readers[fmt](root / "build" / f"{name}.{fmt}")


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    files = shipped_files()
    note = "content/conversations/2026-11-14-nia.md"
    files[note] = (ROOT / note).read_text(encoding="utf-8") + f"\n{CANARY}.\n"
    files["content/roles/secret-card.md"] = PRIVATE_CARD
    files["content/kit/secret-sheet.md"] = PRIVATE_SHEET
    only = [argument for name in KIT for argument in ("--only", name)]
    with built_tree(tmp_path_factory.mktemp("kit"), files, "--as-of", AS_OF, *only) as root:
        yield root


def test_every_kit_handout_is_built_in_its_formats(kit: Path) -> None:
    built = sorted(path.name for path in (kit / "build").iterdir() if path.is_file() and path.name != "index.html")
    assert built == sorted(f"{name}.{fmt}" for name in KIT for fmt in FORMATS[name])


def test_each_role_card_prints_everything_its_document_says(kit: Path) -> None:
    for card in sorted((ROOT / "content/roles").glob("*.md")):
        data = front_matter(f"content/roles/{card.name}")
        expected = [data["title"], data["played_by"], data["situation"]]
        for key in ("already_does", "sees_it", "contradictions", "fears", "steps", "how_to_play"):
            expected += data.get(key, [])
        for name, text in texts(kit, "role-cards"):
            for line in expected:
                assert words(line) in text, (name, card.name, line)


def test_the_trainer_card_and_the_pair_cards_each_have_their_page(kit: Path) -> None:
    pages = pdf_pages(kit / "build/role-cards.pdf")
    trainer = [page for page in pages if "The trainer, playing Kei" in page]
    pairs = [page for page in pages if "The person playing Kei" in page]
    assert len(pages) == 2 and trainer == [pages[0]] and pairs == [pages[1]]
    assert "One Big Organizer" in pages[0] and "whole room activity, 15 minutes" in pages[0]
    # Both cards of a pair on one page, with the line to cut them apart.
    assert "The person playing the organizer" in pages[1] and "cut along this line" in pages[1]
    for step in ("Get in the door", "Get their story", "Propose a vision", "Address obstacles", "Advocate and assess"):
        assert f"{step}:" in pages[1]
    assert "Your husband and children are Black" in pages[0] and "Your husband and children are Black" in pages[1]


def test_the_sign_in_sheet_has_the_phone_column_and_a_page_of_rows(kit: Path) -> None:
    rows = front_matter("content/kit/sign-in-sheet.md")["table"]["rows"]
    assert rows >= 12
    quote = "Each new person leaving a meeting should have at least one person's personal phone number."
    for name, text in texts(kit, "sign-in-sheet"):
        assert quote in text, name
        assert "Name Phone number Email (optional)" in text, name
    pages = pdf_pages(kit / "build/sign-in-sheet.pdf")
    assert len(pages) == 1, "the rows run onto a second page"
    html = (kit / "build/sign-in-sheet.html").read_text(encoding="utf-8")
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    assert body.count("<tr") == rows
    [table] = docx.Document(str(kit / "build/sign-in-sheet.docx")).tables
    assert len(table.rows) == rows + 1 and [cell.text for cell in table.rows[0].cells] == [
        "Name", "Phone number", "Email (optional)"]


def test_the_feedback_form_asks_its_questions_and_no_name(kit: Path) -> None:
    questions = front_matter("content/kit/feedback-form.md")["questions"]
    prompts = ["What was most useful today?", "What was unclear?", "What would you change?",
               "Which part of the training would you like to go deeper into?", "Anything else?"]
    assert [question["prompt"] for question in questions] == prompts
    for name, text in texts(kit, "feedback-form"):
        assert "We want your feedback; come talk to us!" in text, name
        for number, question in enumerate(questions, start=1):
            assert f"{number}. {question['prompt']}" in text, name
            for choice in question.get("choices", []):
                assert choice in text, (name, choice)
        # No line for a name: the only name on the form is the one you need not write.
        assert text.lower().count("name") == 1 and "You don't need to write your name" in text, name
    html = (kit / "build/feedback-form.html").read_text(encoding="utf-8")
    assert html.count('class="answer-line"') == sum(question.get("lines", 4) for question in questions)
    assert len(pdf_pages(kit / "build/feedback-form.pdf")) == 1


def test_the_materials_checklist_lists_every_item_with_a_box(kit: Path) -> None:
    items = front_matter("content/kit/materials-checklist.md")["checklist"]
    wanted = ["New Tools Needed", "presentation slides", "The worksheet", "Something to write with",
              "A board", "A timer", "The role cards", "The sign-in sheet", "The feedback form"]
    for name, text in texts(kit, "materials-checklist"):
        for item in items:
            assert words(item["item"]) in text and words(item["why"]) in text, (name, item["item"])
        for thing in wanted:
            assert thing in text, (name, thing)
        assert text.count("☐") == len(items), name


def test_the_scenarios_answer_every_terrain_question(kit: Path) -> None:
    from aotext.handouts.labels import ENGLISH
    from aotext.handouts.layouts.scenarios import QUESTIONS

    pdf = pdf_text(kit / "build/scenarios.pdf")
    pages = pdf_pages(kit / "build/scenarios.pdf")
    for scenario in ("bus-drivers", "police-presence"):
        data = front_matter(f"content/scenarios/{scenario}.md")
        terrain = data["terrain"]
        answers = [terrain[key] for key in QUESTIONS if key in terrain]
        answers += terrain["enemies"] + terrain["allies"]
        # The scenario's own text, the story the groups read: every heading and paragraph of it.
        body = (ROOT / f"content/scenarios/{scenario}.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
        story = [block.strip().lstrip("#").strip() for block in body.split("\n\n") if block.strip()]
        assert len(story) > 4, scenario
        for name, text in texts(kit, "scenarios"):
            assert text.count(words(data["title"])) >= 1 and words(data["setting"]) in text, (name, scenario)
            assert words(data["people"]) in text, (name, scenario)
            for key in QUESTIONS:
                question = ENGLISH[f"terrain:{key}"]
                assert text.count(words(question)) == 2, (name, question)  # once for each scenario
            if name.endswith(".pdf"):
                # A long answer may run over a page, with the footer in between: its start is on a page.
                for answer in [*answers, *story]:
                    assert any(words(answer)[:80] in page for page in pages), (scenario, answer[:40])
            else:
                for answer in [*answers, *story]:
                    assert words(answer) in text, (name, scenario, answer[:40])
    assert "Enemies:" in pdf and "Potential allies:" in pdf


def test_the_readings_name_the_two_titles_and_invent_nothing(kit: Path) -> None:
    for name, text in texts(kit, "references"):
        assert "New Tools Needed" in text and "Talking Politics, by Stan Weir" in text, name
        assert "five steps" in text and "Materials: to read beforehand" in text, name
        assert "II. Defining autonomous organizing" in text, name
        assert not re.search(r"https?:|www\.", text), name
        # No publication year: the only date is the workshop's own.
        assert re.findall(r"\b(?:19|20)\d\d\b", text) == ["2027"], name
    # "II. Defining ..." is a place in the workshop, not a list numbered from 2.
    assert "<ol" not in (kit / "build/references.html").read_text(encoding="utf-8")


def test_nothing_private_reaches_the_kit(kit: Path) -> None:
    nia = (ROOT / "content/conversations/2026-11-14-nia.md").read_text(encoding="utf-8")
    private_words = ["Keisha", "bakery", "Sam", "Nia", "his aunt", "three weeks ago"]
    assert all(word in nia for word in private_words)
    for path in sorted((kit / "build").iterdir()):
        if not path.is_file():
            continue
        reader = {".pdf": pdf_text, ".docx": docx_text, ".html": html_text}[path.suffix]
        text = reader(path)
        assert "Wombat" not in text and "canary" not in text, path.name
        for word in private_words:
            assert not re.search(rf"\b{re.escape(word)}\b", text), (path.name, word)
        if path.suffix == ".html":
            assert "Wombat" not in path.read_text(encoding="utf-8"), path.name


def test_a_card_or_sheet_with_errors_stops_its_handout_and_only_it(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    files = shipped_files()
    card = "content/roles/pair-practice-kei.md"
    files[card] = (ROOT / card).read_text(encoding="utf-8").replace("type: role-card\n", "type: role-card\nlines: 3\n")
    write_tree(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    result = invoke("build", "--as-of", AS_OF, "--only", "role-cards", "--only", "sign-in-sheet")
    assert result.exit_code == 1
    assert f"not built from documents with errors: {card} (1 error)" in result.output
    assert "unknown key 'lines'" in result.output
    built = sorted(path.name for path in (tmp_path / "build").iterdir() if path.is_file())
    assert built == ["index.html", "sign-in-sheet.docx", "sign-in-sheet.html", "sign-in-sheet.pdf"]


def test_a_private_card_reaches_the_cards_only_when_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The canary test above would catch a leak: named, the private card is printed."""
    write_tree(tmp_path, {**shipped_files(), "content/roles/secret-card.md": PRIVATE_CARD})
    monkeypatch.chdir(tmp_path)
    result = invoke("build", "--as-of", AS_OF, "--only", "role-cards", "--include-private", "secret-card")
    assert result.exit_code == 0, result.output
    assert CANARY in pdf_text(tmp_path / "build/role-cards.pdf")


def test_a_card_for_an_activity_its_module_does_not_have_is_an_error_at_that_line(tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    files = shipped_files()
    card = "content/roles/pair-practice-kei.md"
    text = (ROOT / card).read_text(encoding="utf-8")
    activity = re.search(r"^activity: *(\S+)", text, re.MULTILINE)
    assert activity
    files[card] = text.replace(f"activity: {activity.group(1)}", f"activity: {activity.group(1)}x", 1)
    write_tree(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    result = invoke("lint", "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 1
    [found] = [p for p in json.loads(result.output) if p["path"] == card]
    assert found["rule"] == "unknown-reference" and found["line"] == line_of(files[card], "activity: ")
    assert f"did you mean '{activity.group(1)}'" in found["message"]
