"""The loader: python-frontmatter's handler interface with aotext's strict
fences and positions, and the project file named by the caller, not by name."""

from __future__ import annotations

import time

import frontmatter
import pytest
import yaml
from frontmatter.default_handlers import BaseHandler

from aotext.discover import document_names, documents_found
from aotext.frontmatter_handler import AotextHandler, FrontMatterError, normalise
from aotext.load import PROJECT_FILE, load_file
from helpers import write_tree

DOC = """---
type: reflection
id: x
date: 2026-11-20
scale: [no, a few, most]
start: 10:00
...

  Body, indented, after a blank line.
Trailing spaces stay.   
"""  # noqa: W291


def test_the_handler_is_a_python_frontmatter_handler():
    handler = AotextHandler()
    assert isinstance(handler, BaseHandler)
    assert handler.START_DELIMITER == handler.END_DELIMITER == "---"
    assert handler.FM_BOUNDARY.search("a\n...\n")


def test_frontmatter_loads_with_the_handler_gives_what_aotext_lints(tmp_path):
    post = frontmatter.loads(DOC, handler=AotextHandler())
    path = tmp_path / "x.md"
    path.write_text(DOC, encoding="utf-8")
    document = load_file(path).document
    assert post.metadata == document.data
    # Dates stay text, yes/no stay words, a clock time is not base-60 minutes.
    assert post["date"] == "2026-11-20" and post["scale"] == ["no", "a few", "most"] and post["start"] == "10:00"


def test_export_round_trips_through_frontmatter_dumps():
    handler = AotextHandler()
    post = frontmatter.loads(DOC, handler=handler)
    again = frontmatter.loads(frontmatter.dumps(post), handler=handler)
    assert again.metadata == post.metadata
    assert list(again.metadata) == list(post.metadata)  # the keys keep their order


def test_the_body_and_its_first_line_are_kept_exactly(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(DOC, encoding="utf-8")
    document = load_file(path).document
    assert document.body == "\n  Body, indented, after a blank line.\nTrailing spaces stay.   \n"
    assert document.body_line == 8
    assert document.positions[("start",)] == (6, 1)


@pytest.mark.parametrize("text, front, body, closing", [
    ("---\na: 1\n---\nbody\n", "a: 1", "body\n", 2),
    ("---\n---\n", "", "", 1),
    ("---  \na: 1\n...\t\n", "a: 1", "", 2),
    ("---\na: 1\n----\nb: 2\n---", "a: 1\n----\nb: 2", "", 4),  # '----' is not a fence
    ("---\na: 1\n---x\n... more\n---\n\n", "a: 1\n---x\n... more", "\n", 4),
])
def test_frame_finds_the_first_fence_line(text, front, body, closing):
    framed = AotextHandler().frame(text)
    assert (framed.front, framed.body, framed.closing) == (front, body, closing)
    assert AotextHandler().split(text) == (front, body)


@pytest.mark.parametrize("text", ["", "---", "\n---\na: 1\n---\n", "----\na: 1\n----\n", " ---\na: 1\n---\n", "---\na: 1\n"])
def test_no_front_matter_or_never_closed_is_no_frame(text):
    handler = AotextHandler()
    assert handler.frame(text) is None
    with pytest.raises(ValueError):
        handler.split(text)


def test_detect_strips_a_byte_order_mark_and_windows_line_ends():
    handler = AotextHandler()
    assert normalise("\ufeff---\r\na: 1\r---\r\n") == "---\na: 1\n---\n"
    assert handler.detect("\ufeff---\r\na: 1\r\n---\r\n")
    assert handler.split("\ufeff---\r\na: 1\r\n---\r\nbody\r\n") == ("a: 1", "body\n")
    assert not handler.detect("\n---\na: 1\n---\n")


def test_unclosed_front_matter_is_all_body_to_python_frontmatter():
    post = frontmatter.loads("---\na: 1\n", handler=AotextHandler())
    assert post.metadata == {}


def test_load_refuses_what_aotext_refuses():
    handler = AotextHandler()
    with pytest.raises(FrontMatterError) as refused:
        handler.load("a: &x [1]\nb: *x")
    assert [finding.rule for finding in refused.value.findings] == ["yaml-alias"]
    with pytest.raises(FrontMatterError, match="tab character"):
        handler.load("a: 1\n\tb: 2")
    with pytest.raises(FrontMatterError, match="is a list"):
        handler.load("- a")


def test_values_are_read_as_yaml_reads_them_but_for_dates_clock_times_and_yes_no():
    # The walker, not libyaml, resolves what a plain value is (aotext.yamlnodes.Loader).
    text = ("count: 12\nshare: 0.5\nhex: 0x1f\nflag: true\nnothing: ~\nempty:\nquoted: '12'\n"
            "double: \"true\"\nblock: |\n  12\nforced: !!str 3\nword: yes\nwhen: 2026-11-20\nat: 10:00\n")
    expected = yaml.safe_load(text) | {"word": "yes", "when": "2026-11-20", "at": "10:00"}
    result = AotextHandler().read(text)
    assert result.data == expected and not result.findings
    assert [type(result.data[key]) for key in ("count", "share", "flag", "quoted")] == [int, float, bool, str]


@pytest.mark.parametrize("text", ["<<: {a: 1}\nb: 2", "a: &x {c: 1}\n<<: *x", "!!merge m: {a: 1}"])
def test_merge_keys_are_refused_as_aliases(text):
    assert [finding.rule for finding in AotextHandler().read(text).findings] == ["yaml-alias"]


def test_a_merge_key_quoted_is_an_ordinary_key():
    assert AotextHandler().read("'<<': 1").data == {"<<": 1}


def test_read_keeps_positions_and_duplicate_keys():
    result = AotextHandler().read("a: 1\nb:\n  - c: 2\na: 3", first_line=2)
    assert result.data == {"a": 3, "b": [{"c": 2}]}
    assert result.positions[("b", 0, "c")] == (4, 5)
    assert [(f.line, f.column, f.rule) for f in result.findings] == [(5, 1, "duplicate-key")]


def test_many_dash_lines_in_an_unclosed_file_are_scanned_once():
    text = "---\na: 1\n" + "----\n" * 150_000
    start = time.perf_counter()
    assert AotextHandler().frame(text) is None
    assert time.perf_counter() - start < 5  # one pass: milliseconds; a rescan per line: minutes


PROJECT_YAML = "name: Test collective\ncontent: content\n"


def test_the_project_file_may_have_any_name(tmp_path):
    path = tmp_path / "other.yaml"
    path.write_text(PROJECT_YAML, encoding="utf-8")
    loaded = load_file(path, project=True)
    assert loaded.problems == [] and loaded.document.role == "project"
    assert loaded.document.data == {"name": "Test collective", "content": "content"}


def test_a_file_named_like_the_project_file_is_a_document_when_the_caller_says_so(tmp_path):
    path = tmp_path / PROJECT_FILE
    path.write_text(PROJECT_YAML, encoding="utf-8")
    [problem] = load_file(path, project=False).problems
    assert problem.rule == "front-matter" and "no front matter" in problem.message


def test_the_name_never_decides_which_file_is_the_project_file(tmp_path):
    named = tmp_path / PROJECT_FILE
    named.write_text(PROJECT_YAML, encoding="utf-8")
    assert load_file(named).document is None  # a Markdown document without front matter
    assert load_file(named, project=True).document.role == "project"


def test_a_project_file_with_front_matter_fences_is_read_as_yaml(tmp_path):
    path = tmp_path / "other.yaml"
    path.write_text("---\n" + PROJECT_YAML, encoding="utf-8")
    loaded = load_file(path, project=True)
    assert loaded.problems == [] and loaded.document.data["name"] == "Test collective"


def test_the_project_file_is_never_among_the_documents_however_it_is_named(tmp_path, monkeypatch):
    """Named as a path or found in a folder, the project file is left out of
    the documents, and a file of the same name elsewhere is not."""
    monkeypatch.chdir(tmp_path)
    write_tree(tmp_path, {"content/settings.md": PROJECT_YAML, "content/plans/settings.md": "---\ntype: plan\n---\n",
                          "content/plans/bus.md": "---\ntype: plan\n---\n"})
    for project in ("content/settings.md", "./content/settings.md", str(tmp_path / "content" / "settings.md")):
        assert document_names(["content"], project) == ["content/plans/bus.md", "content/plans/settings.md"]
        assert documents_found(["content", "content/settings.md"], project) == {
            "content/plans/bus.md", "content/plans/settings.md"}
    assert document_names(["content"], None)[0] == "content/plans/bus.md"
    assert len(document_names(["content"], None)) == 3
