"""Every document reaches the handouts it belongs in, or the build says which
file and line stopped it and exits 1: a handout is never built from part of
its documents, whether a document has errors, could not be read at all, or
the part of aotext.yaml that shapes the handout has errors. Read back from
the real PDFs."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from helpers import GOOD_REPO, MODULE, PROJECT, QUESTION, handout_files, invoke, lint_json

TALKING_PATH = "content/curriculum/talking.md"
TALKING = MODULE.replace("id: planning", "id: talking").replace("order: 1", "order: 2").replace(
    "title: Planning", "title: Talking politics").replace("id: goals", "id: skit").replace(
    "questions: [1]", "questions: [2]")
HANDOUTS = PROJECT.replace('end: "11:00"', 'end: "12:00"') + """\
  - name: guide
    title: Facilitator guide
    layout: workshop
    audience: facilitator
    agenda: true
    formats: [pdf]
  - name: worksheet
    title: Worksheet
    layout: worksheet
    audience: participant
    formats: [pdf]
  - name: plan
    title: One-page plan
    layout: plan
    audience: coordinator
    formats: [pdf]
  - name: report
    title: Benchmark report
    layout: report
    audience: coordinator
    formats: [pdf]
"""
FILES = {
    **GOOD_REPO,
    "aotext.yaml": HANDOUTS,
    TALKING_PATH: TALKING,
    "content/worksheet/q02.md": QUESTION.replace("q01-goals", "q02-talk").replace("number: 1", "number: 2").replace(
        "module: planning", "module: talking"),
}
EVERY_OUTPUT = ["guide.pdf", "participant.docx", "participant.pdf", "plan-bus-plan.pdf", "report-bus-plan.pdf",
                "worksheet.pdf"]


def build(*args: str):
    return invoke("build", "--as-of", "2026-11-24", "-j", "2", *args)


def pdf(path: Path) -> tuple[int, str]:
    """The page count and the text of a PDF."""
    pages = pypdf.PdfReader(path).pages
    return len(pages), " ".join(" ".join((page.extract_text() or "").split()) for page in pages)


def first_lint_error(path: str) -> str:
    """The first error lint reports in a file, as lint prints it."""
    found = next(p for p in lint_json() if p["path"] == path and p["severity"] == "error")
    return f"{found['path']}:{found['line']}:{found['column']}: error: {found['message']} [{found['rule']}]"


@pytest.fixture
def built(repo):
    """The repository, built once with nothing wrong: what a broken document must not quietly shrink."""
    root = repo(FILES)
    result = build()
    assert result.exit_code == 0, result.output
    assert handout_files(root) == EVERY_OUTPUT
    pages, text = pdf(root / "build/participant.pdf")
    assert "Planning" in text and "Talking politics" in text
    return root, pages


BROKEN_MODULES = {
    "its type in the wrong case": TALKING.replace("type: module", "type: Module"),
    "a YAML slip": TALKING.replace("title: Talking politics", "title: Talking: politics"),
    "a quote left open": TALKING.replace("title: Talking politics", 'title: "Talking politics'),
}


@pytest.mark.parametrize("broken", BROKEN_MODULES.values(), ids=BROKEN_MODULES.keys())
def test_a_module_aotext_cannot_read_stops_every_handout_it_belongs_in(built, broken):
    root, pages = built
    (root / TALKING_PATH).write_text(broken, encoding="utf-8")
    result = build()
    # No participant handout without the module, not even yesterday's.
    participant = root / "build/participant.pdf"
    assert not participant.exists() or "Talking politics" in pdf(participant)[1]
    assert result.exit_code == 1
    # Which file, and its first problem at its line, as lint prints it.
    assert first_lint_error(TALKING_PATH) in result.output
    for name in ("participant.pdf", "participant.docx", "guide.pdf", "worksheet.pdf"):
        assert f"error: build/{name}: not built from documents with errors: {TALKING_PATH} (" in result.output
        # Yesterday's handout does not stay behind to pass for today's.
        assert f"removed build/{name}: it is out of date, and is not rebuilt until {TALKING_PATH}" in result.output
    assert handout_files(root) == ["plan-bus-plan.pdf", "report-bus-plan.pdf"]

    (root / TALKING_PATH).write_text(TALKING, encoding="utf-8")
    fixed = build()
    assert fixed.exit_code == 0, fixed.output
    assert handout_files(root) == EVERY_OUTPUT
    assert pdf(root / "build/participant.pdf")[0] == pages
    assert "Talking politics" in pdf(root / "build/participant.pdf")[1]


def test_a_yaml_slip_in_the_plan_stops_its_plan_and_report_and_removes_their_old_pdfs(built):
    root, _ = built
    plan = root / "content/plans/bus-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: Bus drivers campaign", 'title: "Bus drivers'),
                    encoding="utf-8")
    listing = build("--list")
    assert listing.exit_code == 1
    assert "build/plan-bus-plan.pdf  to be removed:" in listing.output
    assert (root / "build/plan-bus-plan.pdf").is_file()  # --list changes nothing

    result = build()
    assert result.exit_code == 1
    for handout in ("plan", "report"):
        assert (f"error: handout '{handout}' for content/plans/bus-plan.md: not built from documents with errors: "
                "content/plans/bus-plan.md (1 error)") in result.output
        removed = next(line for line in result.output.splitlines() if line.startswith(f"removed build/{handout}-"))
        assert removed.startswith(f"removed build/{handout}-bus-plan.pdf: it is out of date, and is not rebuilt until ")
        assert "content/plans/bus-plan.md" in removed
    assert first_lint_error("content/plans/bus-plan.md") in result.output
    assert "Built 0, up to date 4, failed 2" in result.output
    assert handout_files(root) == ["guide.pdf", "participant.docx", "participant.pdf", "worksheet.pdf"]


def test_a_broken_log_stops_the_report_it_may_belong_to(built):
    root, _ = built
    (root / "content/logs/log-2026-11-27.md").write_text("---\ntype: reflection\nplan: bus-plan\n\tdate: x\n---\n")
    result = build()
    assert result.exit_code == 1
    assert "error: build/report-bus-plan.pdf: not built from documents with errors: content/logs/log-2026-11-27.md" in result.output
    assert "report-bus-plan.pdf" not in handout_files(root) and "plan-bus-plan.pdf" in handout_files(root)


@pytest.mark.parametrize("slip", [("plan: bus-plan", "plan: bus-plna"), ("plan: bus-plan\n", "")],
                         ids=["a misspelt plan", "no plan"])
def test_a_log_whose_plan_cannot_be_told_stops_every_report(built, slip):
    """Its report cannot be told: the reports are not built without it (a
    misspelt plan had left the log out of its report, which read 'overdue'
    on the counts that remained, with exit status 0)."""
    root, _ = built
    log = root / "content/logs/log-2026-11-20.md"
    log.write_text(log.read_text(encoding="utf-8").replace(*slip), encoding="utf-8")
    result = build()
    assert result.exit_code == 1
    assert ("error: build/report-bus-plan.pdf: not built from documents with errors: content/logs/log-2026-11-20.md "
            "(1 error)") in result.output
    assert "report-bus-plan.pdf" not in handout_files(root) and "plan-bus-plan.pdf" in handout_files(root)


def test_a_file_of_unknown_kind_stops_the_handouts_that_could_have_held_it(built):
    """Outside the type folders nothing tells what a broken file was meant to be."""
    root, _ = built
    (root / "content/drafts/idea.md").parent.mkdir()
    (root / "content/drafts/idea.md").write_text("---\ntype: module\nid: idea\ntitle: An idea: to try\n---\n")
    result = build()
    assert result.exit_code == 1
    assert "content/drafts/idea.md:4:" in result.output
    assert handout_files(root) == []


def test_a_broken_conversation_note_stops_no_handout(built):
    root, _ = built
    (root / "content/conversations/talk-nia.md").write_text("---\ntype: conversation\n\tid: talk-nia\n---\n")
    assert lint_json()  # lint fails on it ...
    result = build()
    assert result.exit_code == 0, result.output  # ... but no handout prints conversation notes
    assert handout_files(root) == EVERY_OUTPUT


THIRD_MODULE = MODULE.replace("id: planning", "id: listening").replace("order: 1", "order: 3").replace(
    "title: Planning", "title: Listening").replace("minutes: 30", "minutes: 90").replace(
    "minutes: 20", "minutes: 80").replace("id: goals", "id: listen").replace("    questions: [1]\n", "")


def test_an_agenda_that_overruns_stops_only_the_handouts_with_the_agenda(built):
    root, _ = built
    (root / "content/curriculum/listening.md").write_text(THIRD_MODULE, encoding="utf-8")
    result = build()
    assert result.exit_code == 1
    assert "error: build/guide.pdf: not built: aotext.yaml has 1 error in what this handout reads; fix aotext.yaml first" in result.output
    assert first_lint_error("aotext.yaml") in result.output and "past its end" in result.output
    assert "Built 3, up to date 2, failed 1" in result.output
    assert "guide.pdf" not in handout_files(root)
    text = pdf(root / "build/participant.pdf")[1]
    assert all(title in text for title in ("Planning", "Talking politics", "Listening"))


def test_a_problem_in_one_handouts_entry_stops_that_handout_only(built):
    root, _ = built
    (root / "aotext.yaml").write_text(HANDOUTS.replace("layout: worksheet", "layout: worksheets"), encoding="utf-8")
    result = build()
    assert result.exit_code == 1
    assert "error: handout 'worksheet': not built: aotext.yaml has 1 error" in result.output
    assert "worksheets" in result.output
    assert "removed build/worksheet.pdf: it is out of date, and is not rebuilt until aotext.yaml is fixed" in result.output
    assert handout_files(root) == [name for name in EVERY_OUTPUT if name != "worksheet.pdf"]


def test_a_project_file_that_cannot_be_read_stops_every_handout(built):
    root, _ = built
    (root / "aotext.yaml").write_text(HANDOUTS.replace("collective: Test Collective", "collective: Test: Collective"))
    result = build()
    assert result.exit_code == 1
    assert "aotext.yaml:1:" in result.output and "fix aotext.yaml before building" in result.output
    assert "removed build/participant.pdf: it is not rebuilt until aotext.yaml can be read" in result.output
    assert handout_files(root) == []


def test_a_problem_at_the_top_of_the_project_file_stops_every_handout(built):
    root, _ = built
    (root / "aotext.yaml").write_text(HANDOUTS.replace("collective: Test Collective\n", ""), encoding="utf-8")
    result = build()
    assert result.exit_code == 1 and "collective" in result.output
    assert handout_files(root) == []


def test_a_private_log_left_out_of_its_report_is_said(built):
    """As a private document a handout selects is: the report's counts change
    without it, and the build said nothing."""
    root, _ = built
    log = root / "content/logs/log-2026-11-20.md"
    log.write_text(log.read_text(encoding="utf-8").replace("type: reflection\n", "type: reflection\nprivate: true\n"),
                   encoding="utf-8")
    result = build()
    assert result.exit_code == 0, result.output
    assert ("note: report: left out private document 'log-2026-11-20' (content/logs/log-2026-11-20.md); name it "
            "with --include-private log-2026-11-20 to include it") in result.output


def test_a_private_module_named_to_be_included_is_not_said_to_be_in_no_handout_when_its_title_is_printed(built):
    """The worksheet prints the title of the module each question belongs to."""
    root, _ = built
    module = root / TALKING_PATH
    module.write_text(module.read_text(encoding="utf-8").replace("type: module\n", "type: module\nprivate: true\n"),
                      encoding="utf-8")
    result = build("--include-private", "talking", "--only", "worksheet")
    assert result.exit_code == 0, result.output
    assert "in none of them" not in result.output
    assert "Talking politics" in pdf(root / "build/worksheet.pdf")[1]
