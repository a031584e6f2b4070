"""The build removes the outputs it made and no longer makes (a plan renamed,
deleted or made private, a format or handout dropped), says so, and never
touches a file it did not make or one changed since: build/ holds only what
the project makes today."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import GOOD_REPO, PLAN, PROJECT, REFLECTION, handout_files, invoke

HANDOUTS = PROJECT + """\
  - name: plan
    title: One-page plan
    layout: plan
    audience: coordinator
    formats: [pdf, docx]
"""
FILES = {**GOOD_REPO, "aotext.yaml": HANDOUTS}
PLAN_PATH = "content/plans/bus-plan.md"
LOG_PATH = "content/logs/log-2026-11-20.md"
GONE = "its plan is no longer built (renamed, deleted, private or unreadable)"


def build(*args: str):
    return invoke("build", "--as-of", "2026-11-24", "-j", "2", *args)


def records(root: Path) -> list[str]:
    return sorted(path.name for path in (root / "build/.aotext").glob("*.json"))


@pytest.fixture
def built(repo):
    root = repo(FILES)
    assert build().exit_code == 0
    # Files of the user's own in build/: never the build's to remove.
    (root / "build/my-notes.pdf").write_bytes(b"%PDF-1.4 mine")
    (root / "build/plan-old.pdf").write_bytes(b"%PDF-1.4 also mine, named like an output")
    assert handout_files(root) == ["my-notes.pdf", "participant.docx", "participant.pdf", "plan-bus-plan.docx",
                             "plan-bus-plan.pdf", "plan-old.pdf"]
    return root


def rename_plan(root: Path) -> None:
    for path, text in ((PLAN_PATH, PLAN), (LOG_PATH, REFLECTION)):
        (root / path).write_text(text.replace("bus-plan", "bus-plan-2027"), encoding="utf-8")


def test_the_outputs_of_a_renamed_plan_are_removed_and_nothing_else(built):
    rename_plan(built)
    listing = build("--list")
    assert listing.exit_code == 0
    assert f"build/plan-bus-plan.pdf  to be removed: {GONE}" in listing.output
    assert "build/plan-bus-plan-2027.pdf  new" in listing.output
    assert (built / "build/plan-bus-plan.pdf").is_file()  # --list only says

    result = build()
    assert result.exit_code == 0, result.output
    assert f"removed build/plan-bus-plan.pdf: {GONE}" in result.output
    assert f"removed build/plan-bus-plan.docx: {GONE}" in result.output
    assert handout_files(built) == ["my-notes.pdf", "participant.docx", "participant.pdf", "plan-bus-plan-2027.docx",
                              "plan-bus-plan-2027.pdf", "plan-old.pdf"]
    assert records(built) == ["participant.docx.json", "participant.pdf.json", "plan-bus-plan-2027.docx.json",
                              "plan-bus-plan-2027.pdf.json"]
    assert "removed" not in build().output  # once


def test_the_outputs_of_a_plan_made_private_are_removed(built):
    (built / PLAN_PATH).write_text(PLAN.replace("type: plan\n", "type: plan\nprivate: true\n"), encoding="utf-8")
    result = build()
    assert result.exit_code == 0, result.output
    assert f"removed build/plan-bus-plan.pdf: {GONE}" in result.output
    assert "plan-bus-plan.pdf" not in handout_files(built)


def test_the_outputs_of_a_deleted_plan_are_removed(built):
    (built / PLAN_PATH).unlink()
    (built / LOG_PATH).unlink()
    result = build()
    assert result.exit_code == 0, result.output
    assert f"removed build/plan-bus-plan.docx: {GONE}" in result.output
    assert handout_files(built) == ["my-notes.pdf", "participant.docx", "participant.pdf", "plan-old.pdf"]


def test_a_format_or_a_handout_taken_out_of_the_project_file_is_removed(built):
    (built / "aotext.yaml").write_text(
        PROJECT.replace("formats: [pdf, docx]", "formats: [pdf]"), encoding="utf-8")
    result = build()
    assert result.exit_code == 0, result.output
    assert "removed build/participant.docx: handout 'participant' is no longer made as docx" in result.output
    assert "removed build/plan-bus-plan.pdf: its handout 'plan' is no longer in the project file" in result.output
    assert handout_files(built) == ["my-notes.pdf", "participant.pdf", "plan-old.pdf"]


def test_an_only_build_leaves_the_other_handouts_outputs_alone(built):
    rename_plan(built)
    result = build("--only", "participant")
    assert result.exit_code == 0, result.output
    assert "removed" not in result.output
    assert "plan-bus-plan.pdf" in handout_files(built)
    assert f"removed build/plan-bus-plan.pdf: {GONE}" in build("--only", "plan").output


def test_an_output_changed_since_the_build_made_it_is_left_in_place(built):
    (built / "build/plan-bus-plan.docx").write_bytes(b"edited by hand")
    rename_plan(built)
    result = build()
    assert result.exit_code == 0, result.output
    assert ("left build/plan-bus-plan.docx as it is: its plan is no longer built (renamed, deleted, private or "
            "unreadable); but it was changed after aotext made it") in result.output
    assert (built / "build/plan-bus-plan.docx").read_bytes() == b"edited by hand"
    assert "plan-bus-plan.pdf" not in handout_files(built)
    assert "plan-bus-plan.docx" not in build().output  # said once
