"""Messages a person who is not a programmer can act on: each problem once,
on the line it is on, named for what it is."""

from __future__ import annotations

from helpers import SCENARIO, line_of, lint_json

SCENARIO_PATH = "content/scenarios/bus-drivers.md"


def _problems_of(changes: dict[str, str]) -> list[dict]:
    return [problem for problem in lint_json() if problem["path"] in changes]


def test_a_missing_colon_is_reported_on_its_own_line(repo):
    broken = SCENARIO.replace("title: School bus drivers", "title School bus drivers")
    repo({SCENARIO_PATH: broken})
    [problem] = _problems_of({SCENARIO_PATH: broken})
    assert problem["line"] == line_of(broken, "title School bus drivers")
    assert "missing the ':' after its key" in problem["message"]


def test_indentation_pasted_as_non_breaking_spaces_is_named(repo):
    broken = SCENARIO.replace("  networks: Drivers", "\u00a0\u00a0networks: Drivers")
    repo({SCENARIO_PATH: broken})
    [problem] = _problems_of({SCENARIO_PATH: broken})
    assert (problem["line"], problem["column"]) == (line_of(broken, "networks: Drivers"), 1)
    assert "indented with non-breaking spaces" in problem["message"]
    assert "ordinary spaces" in problem["message"]


def test_non_breaking_spaces_inside_a_text_are_left_alone(repo):
    kept = SCENARIO.replace("  history: A wildcat sick-out in 2019.",
                            "  history: |\n    A wildcat sick-out\n    \u00a0in 2019.")
    repo({SCENARIO_PATH: kept})
    assert _problems_of({SCENARIO_PATH: kept}) == []


def test_each_missing_key_is_named_once(repo):
    bare = "---\ntype: scenario\nid: bus-drivers\n---\nThe drivers' story.\n"
    repo({SCENARIO_PATH: bare})
    messages = [problem["message"] for problem in _problems_of({SCENARIO_PATH: bare})]
    assert [message.split("'")[1] for message in messages] == ["people", "setting", "terrain", "title"]
