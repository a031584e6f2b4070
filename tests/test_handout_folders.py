"""A handout with `documents: folders:` prints exactly the documents under
those folders, read back from the built PDF."""

from __future__ import annotations

from pathlib import Path

import pypdf

from helpers import MODULE, PROJECT, invoke


def module(id_: str, order: int, sentence: str, questions: bool = False) -> str:
    text = MODULE.replace("id: planning", f"id: {id_}").replace("order: 1", f"order: {order}").replace(
        "title: Planning", f"title: {id_.title()}").replace("id: goals", f"id: {id_}-activity")
    if not questions:
        text = text.replace("    questions: [1]\n", "")
    return text + f"\n{sentence}\n"


DAY_ONE = "Penguins march to the first meeting together."
DAY_TEN = "Otters hold hands so they do not drift apart."
ELSEWHERE = "Walruses keep the minutes of the yard meeting."

PROJECT_WITH_FOLDERS = PROJECT.replace('end: "11:00"', 'end: "12:00"') + """\
  - name: day-one
    title: Day one
    layout: workshop
    audience: participant
    formats: [pdf]
    documents:
      folders: [curriculum/day-1]
"""

FILES = {
    "aotext.yaml": PROJECT_WITH_FOLDERS,
    "content/curriculum/planning.md": None,
    "content/curriculum/day-1/planning.md": module("planning", 1, DAY_ONE, questions=True),
    "content/curriculum/day-1/more/talking.md": module("talking", 2, "Herons wait for the right moment."),
    # A folder whose name starts with the same letters is another folder.
    "content/curriculum/day-10/listening.md": module("listening", 3, DAY_TEN),
    "content/curriculum/closing.md": module("closing", 4, ELSEWHERE),
}


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(path).pages)


def test_handout_takes_exactly_the_documents_under_its_folders(repo):
    root = repo(FILES)
    linted = invoke("lint", "--as-of", "2026-11-24")
    assert linted.exit_code == 0, linted.output
    result = invoke("build", "--as-of", "2026-11-24", "--only", "day-one", "--only", "participant")
    assert result.exit_code == 0, result.output
    day_one = pdf_text(root / "build/day-one.pdf")
    assert DAY_ONE in day_one and "Herons wait for the right moment." in day_one  # and below it
    assert DAY_TEN not in day_one and ELSEWHERE not in day_one
    everything = pdf_text(root / "build/participant.pdf")  # no documents: every module
    assert all(sentence in everything for sentence in (DAY_ONE, DAY_TEN, ELSEWHERE))
