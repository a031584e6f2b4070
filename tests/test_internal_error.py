"""When aotext itself breaks, the user gets one line to report, never a traceback."""

from __future__ import annotations

import sys

import pytest

from aotext import followups, summary_plans
from aotext.cli import main
from helpers import AS_OF


def raise_unexpected(*args, **kwargs):
    raise KeyError("benchmarks")


@pytest.mark.parametrize("module, function, command", [
    (summary_plans, "summarize", ["summary", "--as-of", AS_OF]),
    (followups, "due_followups", ["followups", "--as-of", AS_OF]),
], ids=["summary", "followups"])
def test_unexpected_exception_is_one_line_to_report_and_exit_2(repo, monkeypatch, capsys, module, function, command):
    repo()
    monkeypatch.setattr(module, function, raise_unexpected)
    monkeypatch.setattr(sys, "argv", ["aotext", *command])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 2
    printed = capsys.readouterr()
    assert printed.err.splitlines() == ["aotext: internal error (KeyError: 'benchmarks'); please report this"]
    assert "Traceback" not in printed.out + printed.err


def test_a_usage_error_is_not_reported_as_an_internal_error(repo, monkeypatch, capsys):
    repo()
    monkeypatch.setattr(sys, "argv", ["aotext", "summary", "--as-of", "2026-13-01"])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "'2026-13-01' is not a real calendar date" in err and "internal error" not in err
