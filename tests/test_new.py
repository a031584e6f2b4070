"""aotext new: every type makes a file that lints clean, and nothing is overwritten."""

from __future__ import annotations

import pytest

from helpers import AS_OF, MODULE, QUESTION, invoke, lint_json, write_tree

CASES = {
    "module": ["--title", "Reflection and celebration"],
    "question": ["--title", "Who holds power over whom here?", "--module", "planning"],
    "scenario": ["--title", "Rent strike at Elm Court"],
    "plan": ["--title", "Tenants' fall campaign", "--scenario", "bus-drivers"],
    "reflection": ["--plan", "bus-plan"],
    "conversation": ["--pseudonym", "Rosa", "--owner", "Sam", "--scenario", "bus-drivers"],
    "role-card": ["--title", "You are Rosa", "--module", "planning", "--scenario", "bus-drivers"],
    "sheet": ["--title", "Sign-in sheet"],
}
EXPECTED = {
    "module": "content/curriculum/reflection-and-celebration.md",
    "question": "content/worksheet/q02-who-holds-power-over-whom-here.md",
    "scenario": "content/scenarios/rent-strike-at-elm-court.md",
    "plan": "content/plans/tenants-fall-campaign.md",
    "reflection": "content/logs/2026-11-24-bus-plan.md",
    "conversation": "content/conversations/2026-11-24-rosa-sam.md",
    "role-card": "content/roles/you-are-rosa.md",
    "sheet": "content/kit/sign-in-sheet.md",
}


def new(*args: str):
    return invoke("new", *args, "--date", AS_OF)


@pytest.mark.parametrize("type_name", list(CASES))
def test_every_type_lints_clean_at_once(repo, tmp_path, type_name):
    repo()
    result = new(type_name, *CASES[type_name])
    assert result.exit_code == 0, result.output
    path = tmp_path / EXPECTED[type_name]
    assert f"Created {EXPECTED[type_name]}" in result.output and path.is_file()
    text = path.read_text()
    assert text.startswith("---\n# yaml-language-server: $schema=")
    hint = text.splitlines()[1].split("=", 1)[1]
    assert (path.parent / hint).resolve().name == f"{type_name}.schema.json"
    # It passes: its placeholders are warnings, each until it is replaced.
    assert {problem["rule"] for problem in lint_json()} == {"placeholder-text"}


def test_question_is_wired_into_its_modules_activity(repo, tmp_path):
    repo()
    result = new("question", *CASES["question"])
    assert "Changed content/curriculum/planning.md: question 2 added to activity 'goals'" in result.output
    assert "    questions: [1, 2]\n" in (tmp_path / "content/curriculum/planning.md").read_text()


def test_reflection_has_a_slot_for_each_benchmark(repo, tmp_path):
    repo()
    new("reflection", "--plan", "bus-plan")
    text = (tmp_path / EXPECTED["reflection"]).read_text()
    assert "  - benchmark: signups  # A driver-rep signs up 2 new drivers this month\n    value: null" in text
    assert "  - benchmark: identify  # Do the drivers identify as the union?\n    level: null  # one of: no, a few, most" in text
    # Empty slots do not count as measurements.
    summary = invoke("summary", "--as-of", AS_OF, "--format", "csv").stdout
    assert "signups" in summary and ",3," in summary


def test_conversation_is_private_and_needs_a_pseudonym(repo, tmp_path):
    repo()
    missing = invoke("new", "conversation", "--owner", "Sam")
    assert missing.exit_code == 2 and "--pseudonym" in missing.output
    new("conversation", *CASES["conversation"])
    assert "private: true" in (tmp_path / EXPECTED["conversation"]).read_text()


def test_never_overwrites_or_reuses_an_id(repo, tmp_path):
    repo()
    first = new("scenario", *CASES["scenario"])
    assert first.exit_code == 0
    again = new("scenario", *CASES["scenario"])  # a fresh id is made from the same title
    assert again.exit_code == 0 and "rent-strike-at-elm-court-2.md" in again.output
    reused = new("scenario", "--title", "Other", "--id", "bus-drivers")
    assert reused.exit_code == 1 and "already used by content/scenarios/bus-drivers.md" in reused.output
    (tmp_path / "content/scenarios/taken.md").write_text("not a document yet")
    clash = new("scenario", "--title", "Other", "--id", "taken")
    assert clash.exit_code == 1 and "never overwrites" in clash.output
    assert (tmp_path / "content/scenarios/taken.md").read_text() == "not a document yet"


def test_unknown_plan_or_missing_choice_says_what_to_do_and_is_a_usage_error(repo):
    """Exit 2, as in every command: 1 is kept for what would overwrite or reuse an id."""
    repo()
    result = new("reflection", "--plan", "nope")
    assert result.exit_code == 2 and "--plan nope: there is no plan 'nope'; the plans are: bus-plan" in result.output
    for args, words in ((("question", "--title", "Q", "--module", "nope"), "there is no module 'nope'"),
                        (("question", "--title", "Q", "--module", "planning", "--activity", "nope"),
                         "--activity nope: module 'planning' has no activity 'nope'"),
                        (("scenario", "--title", "S", "--id", "Bad_ID"), "--id Bad_ID: not a valid id")):
        result = new(*args)
        assert result.exit_code == 2 and words in result.output, result.output
        assert result.output.startswith("Usage: cli new")


def test_list_shows_every_type():
    result = invoke("new", "--list")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()] == list(CASES)


def test_too_long_id_and_blank_title_are_refused_up_front(repo, tmp_path):
    repo()
    too_long = new("scenario", "--title", "Other", "--id", "a" * 81)
    assert too_long.exit_code == 2 and "--id: 81 characters; an id may have at most 80" in too_long.output
    assert new("scenario", "--title", "Other", "--id", "a" * 80).exit_code == 0
    blank = new("scenario", "--title", "   ")
    assert blank.exit_code == 2 and "--title: the title is blank" in blank.output, blank.output
    assert not (tmp_path / "content/scenarios/untitled.md").exists()


def test_help_lists_the_examples_one_a_line():
    for command in ("new", "lint"):
        shown = invoke(command, "--help").output
        assert "\\b" not in shown and "Examples:\n    aotext " in shown, shown


def test_a_new_question_takes_the_number_that_keeps_the_worksheet_in_order(repo, tmp_path):
    """Questions print module by module: a question of an earlier module than
    the last question's takes the number after its module's, or, when a later
    module's question holds that number, is refused with what to renumber."""
    later = MODULE.replace("id: planning", "id: later").replace("order: 1", "order: 2").replace("[1]", "[2]")
    question = QUESTION.replace("id: q01-goals", "id: q02").replace("module: planning", "module: later")
    repo({"content/curriculum/later.md": later, "content/worksheet/q02.md": question.replace("number: 1", "number: 2")})
    refused = new("question", "--title", "Who decides?", "--module", "planning")
    assert refused.exit_code == 1, refused.output
    assert "must be question 2, but question 2 belongs to later modules. Renumber it 3 first" in refused.output
    write_tree(tmp_path, {"content/worksheet/q02.md": question.replace("number: 1", "number: 3"),
                          "content/curriculum/later.md": later.replace("[2]", "[3]")})
    made = new("question", "--title", "Who decides?", "--module", "planning")
    assert "Created content/worksheet/q02-who-decides.md" in made.output, made.output
    assert [p["rule"] for p in lint_json() if p["severity"] == "error"] == []


def test_each_placeholder_left_in_place_is_warned_about_until_replaced(repo, tmp_path):
    repo()
    new("scenario", *CASES["scenario"])
    path = tmp_path / EXPECTED["scenario"]
    text = path.read_text()
    found = {(p["line"], p["column"]): p["message"] for p in lint_json() if p["rule"] == "placeholder-text"}
    setting = text.splitlines().index("setting: Where this happens - the workplace, neighborhood or community.") + 1
    assert found[setting, 1].startswith("'Where this happens - the workplace") and "replace it with the real text" in found[setting, 1]
    body = text.splitlines().index("Notes, in plain Markdown.") + 1
    assert found[body, 1].endswith("replace it with the real text, or delete the line")
    path.write_text(text.replace("Where this happens - the workplace, neighborhood or community.", "Elm Court")
                    .replace("Notes, in plain Markdown.", "  Notes, in plain Markdown. And more."))
    assert (setting, 1) not in {(p["line"], p["column"]) for p in lint_json()} and len(lint_json()) == len(found) - 2
