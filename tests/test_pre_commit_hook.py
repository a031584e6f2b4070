"""The pre-commit hook (.pre-commit-hooks.yaml): it must run for every file
lint would report, however its name is written, and run lint as a person
would, so that what lint refuses the hook refuses."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from helpers import AS_OF, CONVERSATION, PROJECT, invoke

[HOOK] = yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text())
# What pre-commit does with `files:`: re.search on each staged path, from the top of the repository.
FILES = re.compile(HOOK["files"])
COMMAND = [*shlex.split(HOOK["entry"])[1:], *HOOK.get("args", []), "--as-of", AS_OF]


@pytest.mark.parametrize("path", [
    "content/conversations/2026-11-24-rosa.md", "content/conversations/2026-11-24-3ef9e1.md.age",
    # named as Markdown by other tools: lint reports them (file-name), so the hook must run
    "content/conversations/rosa.MD", "content/plans/x.markdown", "content/logs/x.md.txt", "content/x.Mdown",
    "content/x.mkd", "content/x.mkdn", "content/x.mdwn",
    "aotext.yaml",  # the project file: encryption: required, the content folder
])
def test_the_hook_runs_for_every_file_lint_reports(path):
    assert FILES.search(path), path


@pytest.mark.parametrize("path", ["content/pictures/map.png", "notes.txt", "Makefile", "content/plans/x.md.bak",
                                  "docs/aotext.yaml.example"])
def test_the_hook_skips_files_lint_never_reads(path):
    assert not FILES.search(path), path


@pytest.mark.parametrize(("changes", "rule"), [
    ({"content/conversations/rosa.MD": CONVERSATION}, "[file-name]"),
    ({"aotext.yaml": PROJECT + "encryption: required\n"}, "[plaintext-private]"),
    ({"aotext.yaml": PROJECT + "colective: typo\n"}, "[schema]"),
])
def test_the_hook_refuses_what_lint_reports_for_those_files(repo, changes, rule):
    repo(changes)
    result = invoke(*COMMAND)
    assert result.exit_code == 1 and rule in result.output, result.output
