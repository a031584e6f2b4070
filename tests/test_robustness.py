"""Every command survives a repository full of bad input: clear messages, no traceback."""

from __future__ import annotations

import pytest

from helpers import BAD_INPUT, CONVERSATION, PLAN, REFLECTION, invoke

BROKEN = {
    **{f"content/logs/bad-{index}.md": case[1] for index, case in enumerate(BAD_INPUT)},
    "content/plans/bus-plan.md": PLAN.replace("target: 2", "target: two").replace("every: month", "every: fortnight")
    .replace("scale: [no, a few, most]", "scale: no, a few, most"),
    "content/conversations/talk-nia.md": CONVERSATION.replace("  date: 2026-11-21", "  date: soon")
    .replace("assessment: supporter", "assessment: [a, b]"),
    "content/logs/log-2026-11-20.md": REFLECTION.replace("measurements:", "measurements: 5\nold:", 1),
}


@pytest.mark.parametrize("args, status", [
    (["lint"], 1), (["summary"], 1), (["summary", "--format", "json"], 1), (["followups"], 1),
    (["followups", "--chart"], 1), (["followups", "--ics", "calendar.ics"], 1),
    # The only handout is made of modules, which are fine: it is built.
    (["build", "--list"], 0), (["build"], 0),
], ids=lambda value: " ".join(value) if isinstance(value, list) else str(value))
def test_commands_report_problems_without_crashing(repo, args, status):
    repo(BROKEN)
    result = invoke(*args, "--as-of", "2026-11-24")  # catch_exceptions=False: a crash fails the test
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output
