"""A handout that would build nothing, or two handouts that would write the
same file, are lint errors at their line in aotext.yaml, and the build
refuses those handouts instead of quietly making nothing, or one file over
the other."""

from __future__ import annotations

import pypdf
import pytest

from helpers import GOOD_REPO, PROJECT, invoke, line_of, lint_json

PLAN_HANDOUT = """\
  - name: plan
    title: One-page plan
    layout: plan
    audience: coordinator
    formats: [pdf]
"""


def build(*args: str):
    return invoke("build", "--as-of", "2026-11-24", "-j", "2", *args)


def project_problems(rule: str) -> list[tuple[int, str]]:
    return [(p["line"], p["message"]) for p in lint_json() if p["path"] == "aotext.yaml" and p["rule"] == rule]


SELECTIONS = {
    "a folder that does not exist": ("folders: [plan]", "there is no document under content/plan (did you mean 'plans'?)"),
    "a folder of other documents": ("folders: [scenarios]", "it holds only scenarios"),
    "an id of another type": ("ids: [bus-drivers]", "'bus-drivers', a scenario (content/scenarios/bus-drivers.md), but "
                                                   "the plan layout prints only plans"),
    "a type the layout does not print": ("types: [scenario]", "takes every scenario, but the plan layout prints only plans"),
}


@pytest.mark.parametrize("selection, words", SELECTIONS.values(), ids=SELECTIONS.keys())
def test_a_selection_that_adds_nothing_is_reported_at_its_line(repo, selection, words):
    project = PROJECT + PLAN_HANDOUT + f"    documents:\n      {selection}\n"
    root = repo({**GOOD_REPO, "aotext.yaml": project})
    problems = project_problems("handout-selection")
    assert [line for line, _ in problems] == [line_of(project, selection)]
    assert words in problems[0][1]
    result = build()
    assert result.exit_code == 1
    assert "error: handout 'plan': not built: aotext.yaml has 1 error in what this handout reads" in result.output
    assert not (root / "build/plan-bus-plan.pdf").exists() and (root / "build/participant.pdf").is_file()


def test_a_selection_of_a_printed_type_with_no_documents_builds_nothing_and_says_so(repo):
    project = PROJECT + PLAN_HANDOUT + "    documents:\n      types: [plan]\n"
    repo({**GOOD_REPO, "aotext.yaml": project, "content/plans/bus-plan.md": None, "content/logs/log-2026-11-20.md": None})
    problems = project_problems("handout-selection")
    assert [line for line, _ in problems] == [line_of(project, "    documents:")]
    assert "takes no document" in problems[0][1]


def test_a_selection_that_matches_is_clean(repo):
    repo({**GOOD_REPO, "aotext.yaml": PROJECT + PLAN_HANDOUT + "    documents:\n      folders: [plans]\n"})
    assert lint_json() == []


def test_a_handout_named_like_another_handouts_file_for_a_plan_is_reported_on_both(repo):
    project = PROJECT.replace("name: participant", "name: plan-bus-plan") + PLAN_HANDOUT
    root = repo({**GOOD_REPO, "aotext.yaml": project})
    problems = project_problems("handout-file-clash")
    assert [line for line, _ in problems] == [line_of(project, "name: plan-bus-plan"), line_of(project, "name: plan", 2)]
    assert problems[0][1] == ("handouts 'plan-bus-plan' and 'plan' (for plan 'bus-plan') would both write "
                              "plan-bus-plan.pdf in the build folder: give one of them another name")
    result = build()
    assert result.exit_code == 1
    assert "error: build/plan-bus-plan.pdf: not built: aotext.yaml has 1 error" in result.output
    assert "error: build/plan-bus-plan.docx: not built" in result.output
    assert not (root / "build/plan-bus-plan.pdf").exists()


@pytest.mark.parametrize(("name", "page"), [("index", "the front page that links every handout"),
                                            ("dashboard", "the shareable dashboard")])
def test_a_web_page_handout_named_as_aotext_s_own_pages_is_reported_and_not_built(repo, name, page):
    handout = f"  - name: {name}\n    title: Extra\n    layout: workshop\n    audience: participant\n    formats: [html]\n"
    project = PROJECT + handout
    root = repo({**GOOD_REPO, "aotext.yaml": project})
    problems = project_problems("handout-file-clash")
    assert [line for line, _ in problems] == [line_of(project, f"name: {name}")]
    assert problems[0][1].startswith(f"handout '{name}' would write {name}.html in the build folder, where aotext "
                                     f"writes its own {name}.html, {page}")
    assert problems[0][1].endswith("one would overwrite the other, so give the handout another name")
    result = build()
    assert result.exit_code == 1
    assert f"error: build/{name}.html: not built: aotext.yaml has 1 error" in result.output
    assert "Extra" not in (root / "build/index.html").read_text(encoding="utf-8")
    # As a PDF, or made for each plan, it writes no web page of that name.
    repo({"aotext.yaml": project.replace("formats: [html]\n", "formats: [pdf]\n")})
    assert project_problems("handout-file-clash") == []


def test_handouts_that_share_no_format_do_not_clash(repo):
    project = PROJECT.replace("name: participant", "name: plan-bus-plan").replace("formats: [pdf, docx]", "formats: [docx]")
    root = repo({**GOOD_REPO, "aotext.yaml": project + PLAN_HANDOUT})
    assert lint_json() == []
    assert build().exit_code == 0
    assert "One-page plan" in pypdf.PdfReader(root / "build/plan-bus-plan.pdf").pages[0].extract_text()
