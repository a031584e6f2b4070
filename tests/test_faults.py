"""Fault injection on the shipped content: every mutation a user could make
either leaves the outputs correct, or lint and the build name the file and
line that caused it and exit non-zero. Asserted on what users read: the
participant handout's modules, the facilitator text, who is listed for a
follow-up, the summary, and which files are in build/."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers import BAD_INPUT, invoke

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-24"
TALKING = "content/curriculum/06-talking-politics.md"
DEFINING = "content/curriculum/02-defining-organizing.md"
PLAN = "content/plans/bus-drivers-plan.md"
NIA = "content/conversations/2026-11-14-nia.md"
# Words only the facilitator notes of module II hold.
FACILITATOR_ONLY = "Split the room into groups"
CANARY = "Canary: Nia's sister works nights at the depot."


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, built once; each fault starts from a copy of it."""
    root = tmp_path_factory.mktemp("shipped")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "aotext.yaml", root / "aotext.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = invoke("build", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    return root


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _edit(root: Path, relative: str, change: Callable[[str], str]) -> None:
    path = root / relative
    before = path.read_text(encoding="utf-8")
    after = change(before)
    assert after != before, f"the fault did not apply to {relative}"
    path.write_text(after, encoding="utf-8")


def _line_of(root: Path, relative: str, needle: str) -> int:
    lines = (root / relative).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


@dataclass(frozen=True)
class Fault:
    name: str
    apply: Callable[[Path], None]
    # (path, text on the line lint must point at, words of its message)
    lint: tuple[str, str, str]
    # Outputs that must not stay in build/ (refused or removed), and ones that must still build.
    gone: tuple[str, ...] = ()
    still_built: tuple[str, ...] = ()


FAULTS = [
    Fault("unclosed block",
          lambda root: _edit(root, DEFINING, lambda text: text.replace(":::\n", "\n", 1)),
          (DEFINING, "::: slide", "never closed"),
          gone=("participant-handout.pdf", "slides.pptx"), still_built=("worksheet.pdf", "plan-bus-drivers-plan.pdf")),
    Fault("mistyped audience class",
          lambda root: _edit(root, DEFINING, lambda text: text.replace("{.facilitator", "{.facilitater", 1)),
          (DEFINING, "{.facilitater", "did you mean 'facilitator'"),
          gone=("participant-handout.pdf",), still_built=("worksheet.pdf",)),
    Fault("type in capitals",
          lambda root: _edit(root, TALKING, lambda text: text.replace("type: module", "type: Module")),
          (TALKING, "type: Module", "did you mean 'module'"),
          gone=("participant-handout.pdf", "facilitator-guide.pdf"), still_built=("report-bus-drivers-plan.pdf",)),
    Fault("quote left open in a module",
          lambda root: _edit(root, TALKING, lambda text: text.replace('title: "Key organizing', 'title: "Key organizing"s')),
          (TALKING, "title:", "YAML could not read this"),
          gone=("participant-handout.pdf", "slides.pptx"), still_built=("plan-bus-drivers-plan.pdf",)),
    Fault("YAML slip in the plan",
          lambda root: _edit(root, PLAN, lambda text: text.replace("title: Bus drivers' fall plan",
                                                                   "title: Bus drivers: fall plan")),
          (PLAN, "title: Bus drivers: fall plan", "put the whole value in quotes"),
          gone=("plan-bus-drivers-plan.pdf", "report-bus-drivers-plan.pdf"), still_built=("worksheet.pdf",)),
    Fault("plan made private",
          lambda root: _edit(root, PLAN, lambda text: text.replace("title: Bus drivers' fall plan",
                                                                   "title: Bus drivers' fall plan\nprivate: true")),
          ("", "", ""),
          gone=("plan-bus-drivers-plan.pdf", "report-bus-drivers-plan.pdf"), still_built=("worksheet.pdf",)),
    Fault("missing picture",
          lambda root: _edit(root, TALKING, lambda text: text + "\n![The yard](yard-map.png)\n"),
          (TALKING, "yard-map.png", "yard-map.png"),
          gone=("participant-handout.pdf",), still_built=("worksheet.pdf",)),
    Fault("a selection that takes nothing",
          lambda root: _edit(root, "aotext.yaml", lambda text: text.replace(
              "    layout: worksheet\n", "    layout: worksheet\n    documents:\n      folders: [worksheets]\n")),
          ("aotext.yaml", "folders: [worksheets]", "worksheet"),
          gone=("worksheet.pdf",), still_built=("participant-handout.pdf",)),
    Fault("a target that is not a number",
          lambda root: _edit(root, PLAN, lambda text: text.replace("    target: 50\n", "    target: fifty\n")),
          (PLAN, "target: fifty", "expected a number"),
          gone=("report-bus-drivers-plan.pdf",), still_built=("participant-handout.pdf",)),
]
FAULTS += [
    Fault(f"bad input: {name}",
          lambda root, text=text: (root / "content/curriculum/09-broken.md").write_bytes(
              text if isinstance(text, bytes) else text.encode("utf-8")),
          ("content/curriculum/09-broken.md", "", rule),
          gone=("participant-handout.pdf", "facilitator-guide.pdf"), still_built=("plan-bus-drivers-plan.pdf",))
    # (A duplicate key, or a list as a key, still leaves a readable document, of another type: no handout takes it.)
    for name, text, _line, rule, _words in BAD_INPUT
    if rule not in ("unknown-reference", "schema", "duplicate-key") and name != "list as a key"
]


@pytest.mark.parametrize("fault", FAULTS, ids=[fault.name for fault in FAULTS])
def test_a_fault_is_reported_and_never_printed_silently(built, tmp_path, monkeypatch, fault):
    root = tmp_path / "repo"
    shutil.copytree(built, root)
    fault.apply(root)
    monkeypatch.chdir(root)
    linted = invoke("lint", "--as-of", AS_OF, "--format", "json")
    problems = json.loads(linted.stdout)
    path, needle, words = fault.lint
    if path:
        assert linted.exit_code == 1, linted.output
        where = [p for p in problems if p["path"] == path and p["severity"] == "error"]
        assert where, problems
        if needle:
            assert any(p["line"] == _line_of(root, path, needle) and (words in p["message"] or words == p["rule"])
                       for p in where), where
        else:
            assert any(words in (p["message"], p["rule"]) or words in p["message"] for p in where), where
    build = invoke("build", "--as-of", AS_OF)
    assert (build.exit_code != 0) == bool(path), build.output
    assert "Traceback" not in build.output and "internal error" not in build.output
    for name in fault.gone:
        assert not (root / "build" / name).exists(), f"{name} outlived the fault: {build.output}"
    for name in fault.still_built:
        assert (root / "build" / name).is_file(), build.output


def test_the_shipped_participant_handout_holds_every_module_and_no_facilitator_notes(built):
    text = _text(built / "build" / "participant-handout.pdf")
    for title in ("Kick-off", "Defining autonomous organizing", "Organizing scenarios", "Planning",
                  "talking politics", "Conclude"):
        assert title in text
    assert " ".join(FACILITATOR_ONLY.split()) not in " ".join(text.split())
    guide = " ".join(_text(built / "build" / "facilitator-guide.pdf").split())
    assert FACILITATOR_ONLY in guide


def test_a_canary_in_a_conversation_note_reaches_no_output(built, tmp_path, monkeypatch):
    root = tmp_path / "repo"
    shutil.copytree(built, root)
    _edit(root, NIA, lambda text: text.rstrip("\n") + f"\n\n{CANARY}\n")
    monkeypatch.chdir(root)
    assert invoke("build", "--as-of", AS_OF, "--force").exit_code == 0
    for pdf in (root / "build").glob("*.pdf"):
        assert "Canary" not in _text(pdf), pdf.name
    outputs = [invoke("summary", "--as-of", AS_OF, "--format", "json").output,
               invoke("followups", "--as-of", AS_OF, "--format", "json").output,
               invoke("followups", "--as-of", AS_OF, "--chart").output,
               invoke("lint", "--as-of", AS_OF).output]
    invoke("followups", "--as-of", AS_OF, "--ics", "calendar.ics")
    outputs.append((root / "calendar.ics").read_text(encoding="utf-8"))
    assert all("Canary" not in output for output in outputs)
    # ...and reaches the one place the user asks for it by name.
    assert "Canary" in invoke("followups", "--as-of", AS_OF, "--include-notes", "--format", "json").output


def test_two_people_sharing_a_pseudonym_are_both_listed(built, tmp_path, monkeypatch):
    root = tmp_path / "repo"
    shutil.copytree(built, root)
    other = (root / NIA).read_text(encoding="utf-8").replace("id: 2026-11-14-nia", "id: 2026-11-15-nia-b").replace(
        "owner: Sam", "owner: Dolores").replace("scenario: police-presence", "scenario: bus-drivers")
    (root / "content/conversations/2026-11-15-nia-b.md").write_text(other, encoding="utf-8")
    monkeypatch.chdir(root)
    listed = json.loads(invoke("followups", "--as-of", "2026-12-31", "--within", "60", "--format", "json").stdout)
    nias = [item for item in listed["followups"] if item["pseudonym"] == "Nia"]
    assert len(nias) == 2, listed
    warned = invoke("lint", "--as-of", AS_OF).output
    assert "[shared-pseudonym]" in warned
