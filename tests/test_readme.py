"""The README's examples are real sessions: every ```console block is replayed,
command by command, in a fresh copy of the repository's own content and
aotext.yaml, and what a command prints must be exactly what the README shows
under it.

How a block is read:

- A line starting with `$ ` is a command; the lines after it, up to the next
  command or the end of the block, are what it prints (stdout and stderr, as
  a terminal shows them). A `# comment` after the command is ignored, as the
  shell would.
- `$ aotext ...` runs the real CLI in-process. When output is shown, it must
  match exactly; the only normalisation is that trailing whitespace at the end
  of each line, and blank lines at the end of the output, are ignored. When no
  output is shown, the command must still run and exit 0 or 1, never 2 (a
  usage error or a failure of aotext). `> FILE` sends the output to FILE.
- Commands of one block run in order in the same copy, so `aotext new`
  followed by `aotext lint` sees the new file.
- Not run: `$ make ...` (it sets up .venv; test_docs.py checks the targets are
  documented) and `$ aotext build` without `--list` (it takes seconds, prints
  timings and finishes handouts in whatever order the workers do; test_build.py
  covers building). `aotext build --list` is run and compared.
- Any other command fails this test, so a new kind of example is a conscious
  choice.
"""

from __future__ import annotations

import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from aotext.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


@dataclass(frozen=True)
class Command:
    line: int  # 1-based line of README.md
    text: str  # as written, after the '$ '
    output: str  # what the README shows under it ('' when nothing)

    @property
    def args(self) -> list[str]:
        return shlex.split(self.text, comments=True)


@dataclass(frozen=True)
class Block:
    line: int
    commands: tuple[Command, ...]


def console_blocks(text: str) -> list[Block]:
    blocks = []
    lines = text.splitlines()
    number = 0
    while number < len(lines):
        if lines[number].strip() != "```console":
            number += 1
            continue
        start = number + 1
        end = next(index for index in range(start, len(lines)) if lines[index].strip() == "```")
        commands: list[Command] = []
        current: tuple[int, str] | None = None
        shown: list[str] = []
        for index in range(start, end):
            if lines[index].startswith("$ "):
                if current:
                    commands.append(Command(current[0], current[1], normalise("\n".join(shown))))
                current, shown = (index + 1, lines[index][2:]), []
            elif current:
                shown.append(lines[index])
            else:
                assert not lines[index].strip(), f"README.md:{index + 1}: output before any command"
        if current:
            commands.append(Command(current[0], current[1], normalise("\n".join(shown))))
        blocks.append(Block(start, tuple(commands)))
        number = end + 1
    return blocks


def normalise(output: str) -> str:
    """Trailing whitespace of each line and trailing blank lines do not count."""
    return "\n".join(line.rstrip() for line in output.splitlines()).rstrip("\n")


def is_run(command: Command) -> bool:
    args = command.args
    if args[0] == "make":
        return False
    assert args[0] == "aotext", f"README.md:{command.line}: the README test does not know how to run {command.text!r}"
    return not (args[1:2] == ["build"] and "--list" not in args)


BLOCKS = [block for block in console_blocks(README.read_text(encoding="utf-8"))
          if any(is_run(command) for command in block.commands)]


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's real documents and project file, as the working directory."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy2(ROOT / "aotext.yaml", tmp_path / "aotext.yaml")
    monkeypatch.chdir(tmp_path)
    for variable in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(variable, raising=False)
    return tmp_path


def run(command: Command, root: Path) -> tuple[int, str]:
    args = command.args[1:]
    target = None
    if ">" in args:
        at = args.index(">")
        args, target = args[:at] + args[at + 2:], args[at + 1]
    result = CliRunner().invoke(cli, args, prog_name="aotext", catch_exceptions=False)
    if target is None:
        return result.exit_code, result.output
    (root / target).write_text(result.stdout, encoding="utf-8")
    return result.exit_code, result.stderr


@pytest.mark.parametrize("block", BLOCKS, ids=[f"line {block.line}: {block.commands[0].text.split('#')[0].strip()}"
                                               for block in BLOCKS])
def test_readme_session_prints_what_the_readme_shows(block: Block, checkout: Path):
    for command in block.commands:
        if not is_run(command):
            continue
        status, printed = run(command, checkout)
        where = f"README.md:{command.line}: $ {command.text}"
        if command.output:
            assert normalise(printed) == command.output, f"{where}\nprints instead:\n{printed}"
            assert status in (0, 1), f"{where}\nexit status {status}"
        else:
            assert status != 2, f"{where}\nexit status 2:\n{printed}"


def test_readme_compares_real_output():
    # The parser itself could go wrong and make every session above pass vacuously.
    compared = [command for block in BLOCKS for command in block.commands if is_run(command) and command.output]
    assert len(compared) >= 6
    assert {"lint", "summary", "followups", "new", "build"} <= {command.args[1] for command in compared}


def test_parser_reads_commands_output_and_comments():
    [block] = console_blocks("text\n```console\n$ aotext lint   # a comment\none\n  two  \n\n$ make test\n```\n")
    first, second = block.commands
    assert (first.line, first.args, first.output) == (3, ["aotext", "lint"], "one\n  two")
    assert (second.args, second.output, is_run(second)) == (["make", "test"], "", False)
