"""DESIGN.md's bad input: each gets a clear message naming the file and line,
and the run goes on to the other files."""

from __future__ import annotations

import pytest

from aotext import load
from conftest import GOOD_REPO, PLAN, REFLECTION, invoke, lint_json

LOG = "content/logs/log-2026-11-20.md"
BROKEN = "content/logs/broken.md"
# A second, independent problem proves the run goes on past the bad file.
OTHER_PROBLEM = {"content/plans/bus-plan.md": PLAN.replace("    if_missed: Pair the rep with an experienced organizer.\n", "")}

BOMB = "---\ntype: reflection\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n" for prev, name in zip("abcdefgh", "bcdefghi")
) + "---\n"

CASES = [
    ("tab", "---\ntype: reflection\nid: x\n\tplan: bus-plan\n---\n", 4, "yaml-syntax", "tab character"),
    ("missing opening fence", "type: reflection\nid: x\n", 1, "front-matter", "add a line '---' above line 1"),
    ("missing closing fence", "---\ntype: reflection\nid: x\n\nSome notes.\n", 1, "front-matter", "never closed"),
    ("impossible month", REFLECTION.replace("date: 2026-11-20", "date: 2026-13-01").replace("log-2026-11-20", "x"), 5, "schema", "not a real calendar date"),
    ("impossible day", REFLECTION.replace("date: 2026-11-20", "date: 2026-02-30").replace("log-2026-11-20", "x"), 5, "schema", "2026-02-30"),
    ("duplicate key", REFLECTION.replace("plan: bus-plan\n", "plan: bus-plan\nplan: bus-plan\n").replace("log-2026-11-20", "x"), 5, "duplicate-key", "appears twice (first on line 4)"),
    ("alias bomb", BOMB, 3, "yaml-alias", "write the value out in full"),
    ("not UTF-8", "---\ntype: reflection\nid: caf\xe9\n---\n".encode("latin-1"), 3, "encoding", "save it with the UTF-8 encoding"),
    ("renamed plan", REFLECTION.replace("plan: bus-plan", "plan: bus-plan-2025").replace("log-2026-11-20", "x"), 4, "unknown-reference", "did you mean 'bus-plan'"),
    ("merge conflict", "---\ntype: reflection\nid: x\n<<<<<<< HEAD\nplan: bus-plan\n=======\nplan: other\n>>>>>>> theirs\ndate: 2026-11-20\n---\n", 4, "merge-conflict", "<<<<<<<"),
    ("list as front matter", "---\n- type: reflection\n---\n", 2, "front-matter", "is a list"),
    ("empty front matter", "---\n---\nbody\n", 1, "front-matter", "empty"),
    ("deeply nested", "---\ntype: reflection\na: " + "[" * 40000 + "]" * 40000 + "\n---\n", 2, "yaml-syntax", "nested too deeply"),
    ("only comments", "---\n# type: reflection\n---\nbody\n", 1, "front-matter", "empty"),
    ("stray colon", "---\ntype: reflection\nid: x\nplan: bus-plan\ndate: 2026-11-20\ncelebrate:\n  - Note: we won\n  - more: a: b\n---\n", 8, "yaml-syntax", "quotes"),
]


@pytest.mark.parametrize("content, line, rule, words", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_bad_input_is_reported_and_the_run_goes_on(repo, content, line, rule, words):
    repo({BROKEN: content, **OTHER_PROBLEM})
    problems = lint_json()
    assert any(p["path"] == BROKEN and p["line"] == line and p["rule"] == rule and words in p["message"] for p in problems), problems
    assert any(p["rule"] == "benchmark-no-miss-plan" for p in problems)


def test_a_pipe_named_md_does_not_block_the_run(repo, tmp_path):
    import os

    repo()
    os.mkfifo(tmp_path / "content/logs/pipe.md")
    [problem] = [p for p in lint_json() if p["path"] == "content/logs/pipe.md"]
    assert problem["rule"] == "unreadable" and "not a regular file" in problem["message"]


def test_conflict_markers_are_reported_each(repo):
    repo({BROKEN: next(case[1] for case in CASES if case[0] == "merge conflict")})
    lines = [p["line"] for p in lint_json() if p["rule"] == "merge-conflict"]
    assert lines == [4, 6, 8]


def test_windows_line_endings_and_byte_order_mark_are_accepted(repo):
    repo({LOG: ("\ufeff" + REFLECTION.replace("\n", "\r\n")).encode("utf-8")})
    assert lint_json() == []


def test_windows_line_endings_keep_line_numbers(repo):
    broken = REFLECTION.replace("value: 3", "value: three").replace("\n", "\r\n")
    repo({LOG: ("\ufeff" + broken).encode("utf-8")})
    [problem] = lint_json()
    assert (problem["line"], problem["column"]) == (8, 5)
    assert problem["message"] == 'measurements[0].value: expected a number, got "three"'


def test_huge_paste_is_refused_without_parsing(repo, monkeypatch):
    root = repo()
    big = root / BROKEN
    with big.open("w", encoding="utf-8") as handle:
        handle.write("---\ntype: reflection\nnotes: |\n")
        handle.write("  pasted text pasted text pasted text\n" * 1_500_000)
        handle.write("---\n")
    parsed_sizes = []
    compose = load.yaml.compose

    def recording_compose(text, **kwargs):
        parsed_sizes.append(len(text))
        return compose(text, **kwargs)

    monkeypatch.setattr(load.yaml, "compose", recording_compose)
    [problem] = [p for p in lint_json() if p["path"] == BROKEN]
    assert problem["rule"] == "file-too-large" and "MB" in problem["message"]
    assert len(parsed_sizes) == len(GOOD_REPO)  # the other files, not the paste
    assert max(parsed_sizes) < load.MAX_FRONT_MATTER_BYTES


def test_long_front_matter_in_small_file_is_refused(repo):
    repo({BROKEN: "---\ntype: reflection\nnotes: |\n" + "  words words words words\n" * 8000 + "---\n"})
    [problem] = [p for p in lint_json() if p["path"] == BROKEN]
    assert problem["rule"] == "file-too-large" and "front matter" in problem["message"]


def test_yes_and_no_stay_words(repo):
    repo()
    # The plan's scale holds "no"; YAML 1.1 would have turned it into false.
    assert lint_json() == []


def test_unexpected_failure_is_one_line_and_exit_2(repo, monkeypatch):
    repo()

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(load, "_load", explode)
    result = invoke("lint", "--as-of", "2026-11-24", "content")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "content/logs/log-2026-11-20.md:1:1: error: aotext failed on this file (RuntimeError: boom)" in result.output


def test_unquoted_clock_time_stays_a_time(repo):
    from conftest import PROJECT

    repo({"aotext.yaml": PROJECT.replace('start: "10:00"', "start: 10:00")})
    assert lint_json() == []
