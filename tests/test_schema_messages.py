"""Schema problems in plain words, at the line of the key that holds them."""

from __future__ import annotations

from helpers import AS_OF, CONVERSATION, PLAN, PROJECT, invoke, line_of, lint_json

PLAN_PATH = "content/plans/bus-plan.md"


def only_problem():
    problems = lint_json()
    assert len(problems) == 1, problems
    return problems[0]


def test_missing_required_key_points_at_its_parent(repo):
    repo({PLAN_PATH: PLAN.replace("    kind: qualitative\n", "")})
    problem = only_problem()
    assert (problem["line"], problem["column"]) == (line_of(PLAN, "- id: identify"), 5)
    assert problem["message"].startswith("benchmarks 'identify' is missing the required key 'kind' (numeric: something you count")


def test_missing_top_level_key_points_at_the_front_matter(repo):
    repo({PLAN_PATH: PLAN.replace("reflect_every: 2 weeks\n", "")})
    problem = only_problem()
    assert (problem["line"], problem["column"]) == (1, 1)
    assert problem["message"].startswith("missing the required key 'reflect_every'")


def test_unknown_key_is_named_with_a_suggestion(repo):
    repo({PLAN_PATH: PLAN.replace("    target: 2\n", "    tagret: 2\n")})
    problems = lint_json()
    [schema] = [p for p in problems if p["rule"] == "schema"]
    assert schema["line"] == line_of(PLAN, "target: 2")
    assert schema["message"].startswith("unknown key 'tagret' in benchmarks 'signups' (did you mean 'target'?)")


def test_wrong_choice_lists_the_choices(repo):
    repo({PLAN_PATH: PLAN.replace("combine: sum", "combine: total")})
    problem = only_problem()
    assert problem["message"] == 'benchmarks \'signups\' combine: "total" is not one of: sum, latest'


def test_bad_id_says_how_ids_are_written(repo):
    repo({PLAN_PATH: PLAN.replace("id: bus-plan", "id: Bus Plan")})
    messages = [p["message"] for p in lint_json() if p["rule"] == "schema"]
    assert messages == ['id: "Bus Plan" is not allowed here: an id uses lowercase letters, digits and hyphens only, e.g. "bus-drivers"']


def test_yes_is_not_silently_true(repo):
    repo({PLAN_PATH: PLAN.replace("reflect_every: 2 weeks\n", "reflect_every: 2 weeks\nprivate: yes\n")})
    problem = only_problem()
    assert problem["message"] == 'private: expected true or false, got "yes"'


def test_private_values_are_not_quoted_in_messages(repo):
    repo({"content/conversations/talk-nia.md": CONVERSATION.replace(
        "assessment: supporter", "assessment: Maria Lopez from 4B is a leader")})
    problems = lint_json()
    messages = " ".join(p["message"] for p in problems)
    assert "assessment: this text is not one of: leader, supporter, undecided, pass" in messages
    assert "Maria" not in messages


def test_list_items_are_counted_from_one_or_named_by_id_but_never_in_a_private_document(repo):
    repo({PLAN_PATH: PLAN.replace("  - id: union\n", "  - id: union\n    colour: red\n")})
    [schema] = [p for p in lint_json() if p["rule"] == "schema"]
    assert schema["message"].startswith("unknown key 'colour' in goals 'union'")
    repo({PLAN_PATH: PLAN.replace("  - id: union\n    title: An independent organization of drivers\n",
                                  "  - title: An independent organization of drivers\n    id: 7\n")})
    [schema] = [p for p in lint_json() if p["rule"] == "schema"]
    assert schema["message"].startswith("goals #1 id: expected text")
    repo({PLAN_PATH: PLAN.replace("title: Bus drivers campaign\n", "title: Bus drivers campaign\nprivate: true\n")
          .replace("combine: sum", "combine: total")})
    [schema] = [p for p in lint_json() if p["rule"] == "schema"]
    assert schema["message"].startswith("benchmarks #1 combine:") and "signups" not in schema["message"]
    assert "total" not in schema["message"]


def test_a_cadence_too_long_for_any_calendar_is_a_problem_at_its_line_and_no_command_fails(repo):
    """reflect_every: 99999999 weeks had failed every command with an internal error."""
    repo({PLAN_PATH: PLAN.replace("reflect_every: 2 weeks", "reflect_every: 99999999 weeks")})
    problem = only_problem()
    assert problem["line"] == line_of(PLAN, "reflect_every: 2 weeks")
    assert problem["message"] == ('reflect_every: "99999999 weeks" is not allowed here: write how often, '
                                  'e.g. "2 weeks" or "1 month" (at most 999)')
    for command in ("summary", "followups", "dashboard"):
        result = invoke(command, "--as-of", AS_OF)
        assert result.exit_code == 1 and "internal error" not in result.output, (command, result.output)


def test_a_choice_between_kinds_of_value_names_them(repo):
    repo({"aotext.yaml": PROJECT + "followups:\n  cadence:\n    leader: fourteen\n"})
    problem = only_problem()
    assert problem["message"] == ('followups cadence leader: "fourteen" is not allowed here: '
                                  'give a whole number from 1 to 366 or "never"')
