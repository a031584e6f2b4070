"""Shared test helpers: write a tree of real files, run the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from aotext.cli import cli

AS_OF = "2026-11-24"

SCENARIO = """---
type: scenario
id: bus-drivers
title: School bus drivers
setting: A county school district
people: The district's bus drivers
terrain:
  networks: Drivers talk in the yard before routes.
  enemies: [the district]
  allies: [parents]
  history: A wildcat sick-out in 2019.
  repression: Write-ups and firings.
---
The drivers' story.
"""

PLAN = """---
type: plan
id: bus-plan
title: Bus drivers campaign
scenario: bus-drivers
started: 2026-09-01
reflect_every: 2 weeks
goals:
  - id: union
    title: An independent organization of drivers
strategies:
  - id: participation
    title: Build participation and leadership of drivers
    serves: [union]
tactics:
  - id: meetings
    title: Driver meetings
    serves: [participation]
benchmarks:
  - id: signups
    title: A driver-rep signs up 2 new drivers this month
    kind: numeric
    measures: [meetings]
    target: 2
    unit: new drivers
    combine: sum
    every: month
    if_missed: Pair the rep with an experienced organizer.
  - id: identify
    title: Do the drivers identify as the union?
    kind: qualitative
    measures: [participation]
    question: Do the drivers identify as the union?
    scale: [no, a few, most]
    target_level: most
    due: 2026-12-31
    if_missed: Hold a meeting about what the union means to us.
---
Our plan.
"""

REFLECTION = """---
type: reflection
id: log-2026-11-20
plan: bus-plan
date: 2026-11-20
measurements:
  - benchmark: signups
    value: 3
  - benchmark: identify
    level: a few
celebrate:
  - Three new drivers signed up.
---
Notes of the meeting.
"""

MODULE = """---
type: module
id: planning
section: IV
order: 1
title: Planning
minutes: 30
activities:
  - id: goals
    title: Write goals
    kind: group-activity
    minutes: 20
    questions: [1]
---
Goals are what you hope to achieve.
"""

QUESTION = """---
type: question
id: q01-goals
number: 1
module: planning
prompt: What are your goals?
---
"""

CONVERSATION = """---
type: conversation
id: talk-nia
date: 2026-11-14
pseudonym: Nia
owner: Sam
scenario: bus-drivers
assessment: supporter
ask: Come to the Tuesday meeting.
commitment: Will come if her sister can watch the kids.
follow_up:
  date: 2026-11-21
  how: coffee
---
She is angry about the new route schedule.
"""

PROJECT = """collective: Test Collective
workshop:
  days:
    - start: "10:00"
      end: "11:00"
handouts:
  - name: participant
    title: Participant handout
    layout: workshop
    audience: participant
    formats: [pdf, docx]
"""

GOOD_REPO = {
    "aotext.yaml": PROJECT,
    "content/scenarios/bus-drivers.md": SCENARIO,
    "content/plans/bus-plan.md": PLAN,
    "content/logs/log-2026-11-20.md": REFLECTION,
    "content/curriculum/planning.md": MODULE,
    "content/worksheet/q01.md": QUESTION,
    "content/conversations/talk-nia.md": CONVERSATION,
}


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A function that writes the good repository, with any files replaced, and
    makes it the working directory so paths print relative to it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)

    def make(changes: dict[str, str | bytes | None] | None = None) -> Path:
        files: dict[str, str | bytes] = dict(GOOD_REPO)
        for relative, content in (changes or {}).items():
            if content is None:
                files.pop(relative, None)
            else:
                files[relative] = content
        return write_tree(tmp_path, files)

    return make


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def lint_json(*paths: str) -> list[dict]:
    """Run `aotext lint --format json` and return the parsed problems."""
    result = invoke("lint", "--format", "json", "--as-of", AS_OF, *paths)
    assert result.exit_code in (0, 1), result.output
    problems = json.loads(result.output)
    assert (result.exit_code == 1) == bool(problems)
    return problems
