"""aotext's JSON output is what `json.dumps(value, indent=2,
ensure_ascii=False)` writes, byte for byte: the summary, the follow-ups and
lint's problems, as programs and git diffs have read them until now."""

from __future__ import annotations

import json

import pytest

from aotext.jsontext import indented_json
from helpers import AS_OF, REFLECTION, invoke

VALUES = [
    {}, [], "", 0, -1, 10**20, 1.5, -0.0, 1e16, 1e-7, 3.0, True, False, None,
    {"a": [], "b": {}, "c": [[]], "d": [{}], "e": [{"f": [1, 2.5, "x"]}]},
    ["é ü ß 中文 🙂", "quote \" backslash \\ slash /", "tab\tline\nreturn\r", "\x00\x1f\x7f\u2028\u2029\ufeff"],
    {"nested": {"deeper": {"deepest": [None, True, False, 0, ""]}}},
    # Written by the json module itself, whole: not text keys, floats that are no number, tuples, subclasses.
    {1: "int key"}, {"x": float("nan")}, {"x": float("inf")}, {"x": (1, 2)}, {"x": {None: 1}},
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_json_is_written_as_the_json_module_writes_it(value):
    assert indented_json(value) == json.dumps(value, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("command", [
    ("summary", "--format", "json"), ("followups", "--format", "json"), ("followups", "--chart", "--format", "json"),
    ("lint", "--format", "json"),
])
def test_the_commands_json_is_unchanged(command, repo):
    """With a problem planted: what each command prints is exactly what the
    json module writes of what it printed."""
    repo({"content/logs/broken.md": REFLECTION.replace("log-2026-11-20", "log-x").replace("value: 3", "value: lots")})
    result = invoke(*command, "--as-of", AS_OF)
    printed = result.stdout
    assert printed.startswith(("{", "[")), result.output
    assert printed == json.dumps(json.loads(printed), indent=2, ensure_ascii=False) + "\n"
    assert len(printed.splitlines()) > 5
