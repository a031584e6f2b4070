"""The install is split by need: the core (lint, summary, followups, new)
works without the handout tools, and `aotext build` without them says in
one sentence what to install."""

from __future__ import annotations

import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest
from click.testing import CliRunner

from aotext.cli import cli
from aotext.cli.base import EXIT_USAGE
from aotext.handouts import needs

ROOT = Path(__file__).resolve().parent.parent
HANDOUT_MODULES = ("pypandoc", "typst", "fontTools")


def without(*modules: str):
    """A find_spec that does not find `modules` (as on a core-only install)."""
    def fake(name: str, package: str | None = None):
        if name.split(".")[0] in modules:
            return None
        return find_spec(name, package)
    return fake


def run_build(monkeypatch, tmp_path, *modules: str, args: tuple[str, ...] = ()):
    """`aotext build` in an empty folder with `modules` missing; its result and what it left there."""
    monkeypatch.setattr(needs, "find_spec", without(*modules))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", *args])
    return result, sorted(path.name for path in tmp_path.iterdir())


def test_build_without_the_handout_tools_says_what_to_install(monkeypatch, tmp_path):
    result, leftovers = run_build(monkeypatch, tmp_path, *HANDOUT_MODULES)
    assert result.exit_code == EXIT_USAGE
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.output.strip() == (
        "aotext build needs the handout tools (pandoc, typst, fontTools), which are not installed: "
        "run make handouts, or pip install 'aotext[handouts]'")
    assert "Traceback" not in result.output
    assert leftovers == []  # nothing was read or written: no build/ folder


def test_the_check_comes_before_anything_else(monkeypatch, tmp_path):
    # No aotext.yaml here and options that would otherwise be looked at: the
    # missing tools are still the one thing reported.
    result, _ = run_build(monkeypatch, tmp_path, *HANDOUT_MODULES, args=("--list", "--only", "worksheet"))
    assert result.exit_code == EXIT_USAGE
    assert len(result.output.strip().splitlines()) == 1
    assert "make handouts" in result.output
    assert "aotext.yaml" not in result.output


@pytest.mark.parametrize("modules, named", [
    (("typst",), "and typst is not installed"),
    (("pypandoc",), "and pandoc is not installed"),
    (("pypandoc", "fontTools"), "and pandoc and fontTools are not installed"),
])
def test_build_names_the_tools_that_are_missing(monkeypatch, tmp_path, modules, named):
    result, _ = run_build(monkeypatch, tmp_path, *modules)
    assert result.exit_code == EXIT_USAGE
    assert named in result.output
    assert "pip install 'aotext[handouts]'" in result.output


def test_a_broken_tool_counts_as_missing(monkeypatch):
    def broken(name: str, package: str | None = None):
        if name == "fontTools":
            raise ValueError("fontTools.__spec__ is None")
        return find_spec(name, package)
    monkeypatch.setattr(needs, "find_spec", broken)
    assert needs.missing_handout_tools() == ["fontTools"]


def test_the_test_environment_has_the_handout_tools():
    # `make test` installs core + handouts + test; the real lookup finds all three.
    assert needs.missing_handout_tools() == []
    assert needs.missing_handout_tools_message() is None


BLOCK_HANDOUT_TOOLS = f"""
import sys
BLOCKED = {HANDOUT_MODULES!r}

class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}}")
        return None

sys.meta_path.insert(0, Block())
sys.argv = ["aotext", *sys.argv[1:]]
from aotext.cli import main
main()
"""


def aotext_core_only(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real `aotext` in a process where the handout tools cannot be imported."""
    return subprocess.run([sys.executable, "-c", BLOCK_HANDOUT_TOOLS, *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


def test_core_commands_need_no_handout_tools(tmp_path):
    for args in (("lint", str(ROOT / "content"), "--as-of", "2026-11-24"),
                 ("summary", "--as-of", "2026-11-24", "--format", "json"),
                 ("followups", "--as-of", "2026-11-24", "--format", "json"),
                 ("new", "--list")):
        done = aotext_core_only(*args, cwd=ROOT)
        assert done.returncode in (0, 1), (args, done.stderr)
        assert "internal error" not in done.stderr and "Traceback" not in done.stderr, (args, done.stderr)
    done = aotext_core_only("build", cwd=tmp_path)
    assert done.returncode == EXIT_USAGE
    assert done.stderr.strip().startswith("aotext build needs the handout tools")
    assert "Traceback" not in done.stderr
