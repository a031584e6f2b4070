"""The README keeps up with the tool: every command, option and make target is shown."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from helpers import commands

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_command_is_in_the_readme(name):
    assert f"aotext {name}" in README


@pytest.mark.parametrize("name, option", sorted(
    (name, option)
    for name, command in commands().items()
    for param in command.params if isinstance(param, click.Option)
    for option in param.opts if option.startswith("--") and option != "--help"
))
def test_every_option_is_in_the_readme(name, option):
    assert option in README, f"aotext {name} {option} is not in the README"


def test_every_make_target_is_in_the_readme():
    targets = re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert {"handouts", "test", "lint", "bench"} <= set(targets)
    for target in targets:
        assert f"make {target}" in README, target
