"""The registries of handout layouts and output formats agree with the
project schema and with lint, and nothing falls through to another layout."""

from __future__ import annotations

import datetime as dt
import json
import pkgutil
from pathlib import Path

import pytest

from aotext.documents.types import TYPES
from aotext.handouts import formats, layouts
from aotext.handouts.build import compose_output
from aotext.handouts.formats import FORMATS, UnknownFormat, format_named
from aotext.handouts.layouts import LAYOUTS, UnknownLayout, layout_named
from aotext.handouts.select import Output
from aotext.project import Handout, Project
from aotext.schemas import schema_dir
from helpers import GOOD_REPO, lint_json

HANDOUT = json.loads((schema_dir() / "project.schema.json").read_text(encoding="utf-8"))[
    "properties"]["handouts"]["items"]["properties"]


def test_the_layouts_are_the_ones_the_schema_allows():
    assert sorted(LAYOUTS) == sorted(HANDOUT["layout"]["enum"])


def test_the_formats_are_the_ones_the_schema_allows():
    assert sorted(FORMATS) == sorted(HANDOUT["formats"]["items"]["enum"])
    for layout in LAYOUTS.values():
        assert layout.formats and set(layout.formats) <= set(FORMATS), layout.name


def test_each_layout_and_format_is_one_module_of_its_own_name():
    for package, registry in ((layouts, LAYOUTS), (formats, FORMATS)):
        modules = {info.name for info in pkgutil.iter_modules(package.__path__)} - {"base"}
        assert modules == set(registry)


def test_layouts_name_only_known_document_types():
    for layout in LAYOUTS.values():
        assert set(layout.prints + layout.context_types + layout.companion_types) <= set(TYPES), layout.name
    assert [name for name, layout in LAYOUTS.items() if layout.per_plan] == ["plan", "report"]


def test_lint_allows_exactly_the_formats_each_layout_can_make(repo):
    """One handout for every layout and format: the handout-format rule flags
    exactly the pairs the layout cannot make."""
    handouts = "".join(
        f"  - name: {name}-{fmt}\n    title: T\n    layout: {name}\n    audience: coordinator\n    formats: [{fmt}]\n"
        for name in LAYOUTS for fmt in FORMATS
    )
    repo({"aotext.yaml": GOOD_REPO["aotext.yaml"].split("handouts:")[0] + "handouts:\n" + handouts})
    flagged = {problem["message"].split("'")[1] for problem in lint_json() if problem["rule"] == "handout-format"}
    assert flagged == {f"{name}-{fmt}" for name, layout in LAYOUTS.items() for fmt in FORMATS
                       if fmt not in layout.formats}


def _handout(layout: str) -> Handout:
    return Handout(name="h", title="T", layout=layout, audience="coordinator", formats=("pdf",))


def test_an_unknown_layout_never_falls_through_to_another():
    with pytest.raises(UnknownLayout, match="no handout layout called 'poster'"):
        layout_named("poster")
    output = Output(_handout("poster"), "pdf", "h", (), (), Path("build/h.pdf"))
    with pytest.raises(UnknownLayout):
        compose_output(output, Project(root=Path("."), collective="C"), dt.date(2026, 11, 24))


def test_an_unknown_format_is_an_internal_error():
    with pytest.raises(UnknownFormat, match="cannot make odt files"):
        format_named("odt")


def test_an_unknown_layout_in_a_build_is_reported_in_one_line(monkeypatch, repo, capsys):
    """Were the schema and the registry ever to disagree, the user sees one
    line asking for a report, not a traceback and not some other layout."""
    from aotext import cli as aotext_cli

    repo()
    monkeypatch.delitem(LAYOUTS, "workshop")
    monkeypatch.setattr("sys.argv", ["aotext", "build", "--as-of", "2026-11-24", "--list"])
    with pytest.raises(SystemExit) as stopped:
        aotext_cli.main()
    assert stopped.value.code != 0
    error = capsys.readouterr().err
    assert "no handout layout called 'workshop'" in error and "please report this" in error
    assert "Traceback" not in error
