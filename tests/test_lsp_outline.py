"""The outline an editor shows of a document (its outline pane, its
breadcrumbs): asked of the real `aotext lsp` by pygls's client, as Kate,
VS Code and Neovim ask it whether or not a server says it can answer."""

from __future__ import annotations

import shutil
from pathlib import Path

from lsprotocol import types

from helpers import line_of
from test_lsp import ROOT, Editor, _run

PLAN = "content/plans/bus-drivers-plan.md"


def _outline(repo: Path, path: str, text: str) -> list[types.DocumentSymbol]:
    async def scenario(editor: Editor) -> list[types.DocumentSymbol]:
        editor.open(path, text)
        found = await editor.client.text_document_document_symbol_async(types.DocumentSymbolParams(
            text_document=types.TextDocumentIdentifier(uri=editor.uri(path))))
        return [symbol for symbol in found or [] if isinstance(symbol, types.DocumentSymbol)]
    return _run(repo, scenario)


def test_a_plan_is_outlined_by_its_keys_items_and_headings(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "aotext.yaml", tmp_path / "aotext.yaml")
    text = (tmp_path / PLAN).read_text(encoding="utf-8")
    lines = text.split("\n")
    symbols = _outline(tmp_path, PLAN, text)
    by_name = {symbol.name: symbol for symbol in symbols}

    goals = by_name["goals"]
    assert goals.range.start.line + 1 == line_of(text, "goals:")
    assert goals.range.end.line + 1 == line_of(text, "strategies:") - 1
    first = (goals.children or [])[0]
    assert first.name.startswith("Build up labor militancy in the South") and first.detail == "southern-labor-militancy"
    assert first.range.start.line + 1 == line_of(text, "  - id: southern-labor-militancy")
    assert [child.detail for child in by_name["benchmarks"].children or []][:2] == ["rep-signups", "new-driver-facilitates"]
    # The last key reaches to the line before the closing '---', not into the body.
    last_key = [symbol for symbol in symbols if symbol.kind == types.SymbolKind.Field][-1]
    assert lines[last_key.range.end.line + 1] == "---"

    headings = [symbol for symbol in symbols if symbol.kind == types.SymbolKind.String]
    assert [heading.name for heading in headings][:3] == ["What this plan is for", "Goals", "Strategies"]
    assert headings[1].range.start.line + 1 == line_of(text, "## Goals")
    assert headings[1].range.end.line + 1 == line_of(text, "## Strategies") - 1


def test_headings_nest_under_the_heading_above_them_and_code_is_not_a_heading(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "aotext.yaml", tmp_path / "aotext.yaml")
    text = (tmp_path / PLAN).read_text(encoding="utf-8").replace(
        "## Goals\n", "## Goals\n\n### The first goal ###\n\n```\n# not a heading\n```\n", 1)
    symbols = _outline(tmp_path, PLAN, text)
    goals = next(symbol for symbol in symbols if symbol.name == "Goals" and symbol.kind == types.SymbolKind.String)
    assert [child.name for child in goals.children or []] == ["The first goal"]
    assert not any(symbol.name == "not a heading" for symbol in symbols)


def test_a_document_that_cannot_be_read_has_an_empty_outline_not_an_error(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "aotext.yaml", tmp_path / "aotext.yaml")
    assert _outline(tmp_path, PLAN, "---\ntype: plan\nid: [unclosed\n---\n") == []
