"""What the tests share: the sample documents of a small good repository,
a function that writes a tree of real files, and the real CLI run in-process.

Tests import these with `from helpers import ...`; conftest.py holds only
fixtures. pytest finds this module through `pythonpath = ["tests"]` in
pyproject.toml, so it works with `--import-mode=importlib`."""

from __future__ import annotations

import json
import os
import signal
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.testing import CliRunner, Result

from aotext.cli import cli

if TYPE_CHECKING:
    import pytest

    from aotext.documents.document import Document

AS_OF = "2026-11-24"


def ctrl_c_heard() -> None:
    """For Popen's preexec_fn: the child hears Ctrl-C as from a terminal. A
    run started in the background (a CI job, `make test &`) passes Ctrl-C on
    as ignored, and Python then never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)

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


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing `needle`."""
    hits = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@contextmanager
def built_tree(root: Path, files: dict[str, str | bytes], *build_args: str) -> Iterator[Path]:
    """`files` written under `root` and built there with `aotext build`, with
    `root` the working directory while the caller reads the outputs."""
    write_tree(root, files)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = invoke("build", *build_args)
        assert result.exit_code == 0, result.output
        yield root
    finally:
        os.chdir(cwd)


def handout_files(root: Path) -> list[str]:
    """The names of the handout files in `root`'s build folder (not its index page, which test_html checks)."""
    return sorted(path.name for path in (root / "build").iterdir() if path.is_file() and path.name != "index.html")


def commands() -> dict[str, click.Command]:
    """Every command of `aotext`, loaded (the group imports each one only when it runs)."""
    context = click.Context(cli)
    return {name: command for name in cli.list_commands(context) if (command := cli.get_command(context, name))}


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def lint_json(*paths: str) -> list[dict]:
    """Run `aotext lint --format json` and return the parsed problems."""
    result = invoke("lint", "--format", "json", "--as-of", AS_OF, *paths)
    assert result.exit_code in (0, 1), result.output
    problems = json.loads(result.output)
    # Warnings alone pass (exit 0); errors fail.
    assert (result.exit_code == 1) == any(problem["severity"] == "error" for problem in problems)
    return problems


BOMB = "---\ntype: reflection\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n" for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
) + "---\n"

# Bad input people save by accident: (name, file content, line, rule, words of the message).
BAD_INPUT = [
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
    ("control character", "---\ntype: reflection\nid: x\nplan: bus\x00-plan\n---\n", 4, "yaml-syntax", "invisible control character (code 0x00)"),
    ("list as a key", "---\ntype: reflection\nid: x\n? [plan, date]\n: bus-plan\n---\n", 4, "yaml-syntax", "this key is a list or a group of keys"),
    ("stray colon", "---\ntype: reflection\nid: x\nplan: bus-plan\ndate: 2026-11-20\ncelebrate:\n  - Note: we won\n  - more: a: b\n---\n", 8, "yaml-syntax", "quotes"),
]


# Documents made in memory, for the summary's pure functions.
def plan(*benchmarks: dict, started: str = "2026-01-01", ends: str | None = None, private: bool = False) -> Document:
    from aotext.documents.document import Document

    data = {"type": "plan", "id": "p", "title": "Plan", "started": started, "benchmarks": list(benchmarks)}
    if ends:
        data["ends"] = ends
    if private:
        data["private"] = True
    return Document("plans/p.md", data, "", 0)


def log(day: str, *measurements: dict, celebrate: tuple[str, ...] = (), private: bool = False) -> Document:
    from aotext.documents.document import Document

    data = {"type": "reflection", "id": f"log-{day}", "plan": "p", "date": day,
            "measurements": list(measurements), "celebrate": list(celebrate)}
    if private:
        data["private"] = True
    return Document(f"logs/{day}.md", data, "", 0)


def numeric(id_: str = "b", **fields) -> dict:
    return {"id": id_, "title": id_.upper(), "kind": "numeric", "target": 10, "unit": "people", "combine": "sum",
            "if_missed": "Talk about it.", **fields}


def png(red: int, green: int, blue: int) -> bytes:
    """A 2x2 picture of one colour."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + bytes((red, green, blue)) * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def make_key(home: Path, name: str = "me") -> tuple[Path, str]:
    """An age identity file made with `aotext keys init` at `home/name.txt`
    (AOTEXT_IDENTITY pointed at it for the call), and its public key."""
    identity = home / f"{name}.txt"
    previous = os.environ.get("AOTEXT_IDENTITY")
    os.environ["AOTEXT_IDENTITY"] = str(identity)
    try:
        result = invoke("keys", "init", "--no-git-diff")
    finally:
        if previous is None:
            del os.environ["AOTEXT_IDENTITY"]
        else:
            os.environ["AOTEXT_IDENTITY"] = previous
    assert result.exit_code == 0, result.output
    public = next(line.split()[-1] for line in identity.read_text().splitlines() if line.startswith("# public key:"))
    return identity, public


# Debian's DejaVu Sans (fonts-dejavu-core, which .ci/run installs): a font with
# Canadian syllabics, and the metrics the slides' fit is measured with.
DEJAVU_SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def dejavu_sans() -> Path:
    """DejaVu Sans, or the test is skipped with the reason."""
    import pytest

    if not DEJAVU_SANS.is_file():
        pytest.skip(f"{DEJAVU_SANS} is not installed (Debian: apt install fonts-dejavu-core)")
    return DEJAVU_SANS


def pdf_structure(node: Any) -> Iterator[Any]:
    """Every element of a tagged PDF's structure tree from `node` down, in reading order (pypdf objects)."""
    from pypdf.generic import ArrayObject, DictionaryObject

    node = node.get_object()
    if not isinstance(node, DictionaryObject):
        return
    yield node
    kids = node.get("/K")
    if kids is not None:
        kids = kids.get_object()
        for kid in kids if isinstance(kids, ArrayObject) else [kids]:
            yield from pdf_structure(kid)


def copies_started(monkeypatch: pytest.MonkeyPatch, cores: int) -> list[int]:
    """Work done apart in forked copies (aotext.apart) as on a machine with
    `cores` cores (1: never); the copies started are listed as they start."""
    import aotext.apart

    started: list[int] = []
    start = aotext.apart._started

    def counted(*args):  # type: ignore[no-untyped-def]
        child = start(*args)
        started.extend([child[0]] if child else [])
        return child

    monkeypatch.setattr(aotext.apart, "_started", counted)
    monkeypatch.setattr(aotext.apart, "default_jobs", lambda: cores)
    return started
