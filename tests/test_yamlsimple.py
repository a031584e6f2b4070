"""The plain-YAML reader (aotext.yamlsimple) gives exactly what libyaml and
aotext.yamlnodes give, values and every position, or leaves the text to
them: never a different reading, never one of text libyaml refuses."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
import yaml

from aotext.frontmatter_handler import AotextHandler, normalise
from aotext.load import load_file
from aotext.yamlnodes import Loader, convert
from aotext.yamlsimple import read_simple

ROOT = Path(__file__).resolve().parent.parent
HANDLER = AotextHandler()


def libyaml_reading(text: str) -> object:
    """What composing with libyaml and converting gives, or why it gives nothing plain."""
    try:
        root = yaml.compose(text, Loader=Loader)
        if root is None:
            return "empty"
        converted = convert(root, first_line=2)
    except Exception as error:  # noqa: BLE001 - any refusal counts as one
        return f"refused: {type(error).__name__}"
    if converted.duplicate_keys or converted.unknown_tags or converted.unusable_keys:
        return "findings"
    if not isinstance(converted.value, dict):
        return "not a mapping"
    return converted.value, converted.positions


def assert_same_or_left(text: str) -> bool:
    """The plain reading equals libyaml's, or there is none; whether there is one."""
    plain = read_simple(text, 2)
    if plain is not None:
        assert plain == libyaml_reading(text), text
    return plain is not None


def front_matter(path: Path) -> str:
    frame = HANDLER.frame(normalise(path.read_text(encoding="utf-8")))
    assert frame is not None, path
    return frame.front


SHIPPED = sorted((ROOT / "content").rglob("*.md"))


@pytest.mark.parametrize("path", SHIPPED, ids=[path.relative_to(ROOT).as_posix() for path in SHIPPED])
def test_every_shipped_document_is_read_plainly_and_exactly(path):
    assert assert_same_or_left(front_matter(path)), "the shipped documents are plain YAML: read without libyaml"


def test_generated_documents_are_read_plainly_and_exactly(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    from generate import generate  # a sibling script of the benchmarks, not a package

    generate(tmp_path, 300)
    paths = sorted(tmp_path.rglob("*.md"))
    assert len(paths) >= 250
    assert all(assert_same_or_left(front_matter(path)) for path in paths)
    sys.modules.pop("generate", None)


# Values that YAML reads in a way of its own, or that make a line something else.
TRICKY_VALUES = [
    "a", "Yes", "NO", "on", "Off", "true", "False", "TRUE", "null", "Null", "~", "", "1", "-1", "+1", "0x1F",
    "0o17", "017", "0b101", "1_000", "1,000", "1e3", "1.5e3", ".5", "1.", "-.inf", ".NaN", "10:30", "190:20:30",
    "2026-01-01", "2026-1-1", "2026-01-01 10:00:00", "=", "<<", "a b", "a  b", "a #b", "a# b", "a:b", "a: b",
    "a:", "-a", "- a", "?a", "? a", ":a", "'q'", "'a''b'", "'a'b'", '"d"', '"a\\"b"', '"a #b"', "'a #b' #c",
    '"x" y', "[a, b]", "[a,b]", "[ a , b ]", "[]", "[a, [b]]", "[a, 'b, c']", '[a, "b"]', "[1, yes, null, ~]",
    "[a:b]", "[a, b] c", "[a, b] #c", "[?a]", "0x_", "-0b__", "[0x_]", "{a: b}", "&x a", "*x", "!!str a", "!x a", "%a", "@a", "`a", "|",
    "|+", ">+", "|2", "> #c", "a\u00a0b", "\u00a0a", "é", "a\u2028b", "#c", "a\\b", "a]", "0", "-0", "._1",
]
BLOCKS = ["  text", "  one\n  two", "  one\n\n  two", "  one\n    more", "  one\n  \n  two", "  one\n      \n  two",
          "  one\n  # not a comment", "\n  one", " one"]
TEXTS = [
    "a: 1\nb:\n  c: 2\n d: 3", "a:\n  b:\n    c:\n      d: 1", "a:\n- b\n- c\nd: 1", "a:\n  -   x: 1\n      y: 2",
    "a: 1\n\n\nb: 2\n", "# lead\na: 1", "a: 1 # c\n# end", "a:\n  # c\n  b: 1", "a:\n  - \n  - b",
    "a:\n  -\n    b: 1", "a:\n  - - b", "a: 1\n  b: 2", "a: x\n  y", "a: 'x\n  y'", "a:\nb: 1", "a:",
    "a: [x,\n  y]", "a: 1\na: 2", "a: !!int 1", "1x: 2", "a b: 1", "a :1", "a:1", "- a", "- a: 1", "- a: 1\n  b: 2", "  a: 1", "a: 1\n- b",
    "a:\n  - b\n  c: 1", "a:\t1", "k" * 1025 + ": 1", "l:\n  - " + "k" * 1025 + ": 1", "a:\n  - #note\n    b: 1", "<<: {a: 1}",
]


def tricky_texts() -> list[str]:
    texts = list(TEXTS)
    for value in TRICKY_VALUES:
        texts += [f"k: {value}\nz: 1", f"k: {value}", f"l:\n  - {value}\n  - x\nz: 1", f"l:\n- {value}\nz: 1",
                  f"l: [{value}]\nz: 1", f"m:\n  - id: {value}\n    t: x\nz: 1"]
    for header in ("|", "|-", ">", ">-"):
        for block in BLOCKS:
            for after in ("\nz: 1", "", "\n\nz: 1", "\n  # c\nz: 1", "\n   \nz: 1"):
                texts += [f"k: {header}\n{block}{after}", f"l:\n  - {header}\n  {block}{after}",
                          f"l:\n  - a: {header}\n    {block}{after}"]
    return texts


def test_tricky_values_are_read_as_libyaml_reads_them_or_left_to_it():
    assert sum(assert_same_or_left(text) for text in tricky_texts()) > 300
    # What most front matter holds is read here, not left to libyaml:
    for text in ("k: a #b\nz: 1", "l: [1, yes, null, ~]\nz: 1", "k: 'a''b'\nz: 1", "k: >-\n  one\n\n  two\nz: 1",
                 "k: |\n  one\n  two\nz: 1", "l:\n- a\nz: 1", "a:\n  # c\n  b: 1", "k: 10:30\nz: 1"):
        assert assert_same_or_left(text), text
    # ... and what it cannot read exactly is left to libyaml, which says what is wrong.
    for text in ("a: 1\na: 2", "a: x\n  y", "k: &x a", "a: !!int 1", "k: \"a\\\"b\"\nz: 1", "a:\t1",
                 "k: >\n  one\n    more\nz: 1", "k: a: b"):
        assert not assert_same_or_left(text), text


def test_no_variant_of_a_real_front_matter_reads_differently():
    """Thousands of small edits of real front matters (a character put in or
    taken out, a line repeated or moved in or out, a tricky line added):
    wherever the plain reader answers, libyaml gives the same, and it never
    answers for text libyaml refuses or has findings about."""
    seeds = [front_matter(path) for path in SHIPPED]
    chance = random.Random(11)
    alphabet = list(" -:#[]{},'\"|>&*!?%@`\\\n\t~.09aZ_=<\u00a0")
    answered = 0
    for _ in range(4000):
        text = chance.choice(seeds)
        for _ in range(chance.randint(1, 3)):
            lines = text.split("\n")
            at = chance.randrange(len(text) + 1)
            line = chance.randrange(len(lines))
            kind = chance.randrange(5)
            if kind == 0:
                text = text[:at] + chance.choice(alphabet) + text[at:]
            elif kind == 1:
                text = text[:at] + text[at + 1:]
            elif kind == 2:
                lines.insert(line, chance.choice(lines))
                text = "\n".join(lines)
            elif kind == 3:
                shift = chance.choice([-2, -1, 1, 2, 4])
                lines[line] = " " * shift + lines[line] if shift > 0 else lines[line][-shift:]
                text = "\n".join(lines)
            else:
                lines.insert(line, chance.choice(TRICKY_VALUES))
                text = "\n".join(lines)
        answered += assert_same_or_left(text)
    assert answered > 600  # many edits leave plain YAML


def test_lint_points_at_the_same_lines_either_way(tmp_path, monkeypatch):
    """A problem deep in a plan is reported at the same line and column
    whether the plain reader or libyaml read the front matter."""
    plan = (ROOT / "content" / "plans" / "bus-drivers-plan.md").read_text(encoding="utf-8")
    broken = tmp_path / "plan.md"
    broken.write_text(plan.replace("kind: numeric", "kind: numerical", 1), encoding="utf-8")
    plainly = load_file(broken).document
    monkeypatch.setattr("aotext.yamlread.read_simple", lambda text, first_line: None)
    by_libyaml = load_file(broken).document
    assert plainly is not None and by_libyaml is not None
    assert plainly.data == by_libyaml.data
    assert plainly.positions == by_libyaml.positions


def test_a_value_yaml_takes_for_a_number_but_is_none_stays_text(tmp_path):
    """0x_ fits YAML's pattern of a hexadecimal number, but there are no
    digits: read as text, which the schema then reports at its line, rather
    than failing on the file (it had been an internal error)."""
    for text in ("k: 0x_\nz: 1", "k: -0b__\nz: 1", "l: [0x_]\nz: 1"):
        assert assert_same_or_left(text), text
    log = tmp_path / "log.md"
    log.write_text("---\ntype: reflection\nid: log-1\nplan: p\ndate: 2026-11-20\nmeasurements:\n"
                   "  - benchmark: turnout\n    value: 0x_\n---\n", encoding="utf-8")
    loaded = load_file(log)
    assert not loaded.internal_error and loaded.document is not None
    assert loaded.document.data["measurements"][0]["value"] == "0x_"


def test_what_is_left_to_libyaml_is_what_it_refuses_or_reads_specially():
    """Every character libyaml refuses to read, the tab, the line ends other
    than LF and the byte order mark send the text to libyaml; no other does."""
    from aotext.yamlsimple import _UNREAD

    special = {"\t", "\r", "\x85", "\u2028", "\u2029", "\ufeff"}
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    left = set(_UNREAD.findall(every))
    refused = set(yaml.reader.Reader.NON_PRINTABLE.findall(every))
    assert left == refused | special
    assert "\n" not in left and "é" not in left and "\U0001f600" not in left
