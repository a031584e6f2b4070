"""What the editor asks about a place in a front matter, answered from the
repository in memory: hover, completion and go to definition. Every answer
comes from the schemas (aotext.schemas) and the corpus; nothing is written."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from aotext.corpus import Corpus
from aotext.documents.document import Document
from aotext.documents.records import frozen
from aotext.documents.types import TYPES
from aotext.documents.types.plan import Part, Plan, ScaleBenchmark
from aotext.lsp.cursor import At, at, schema_name, typing
from aotext.model import KeyPath
from aotext.schemas import keys_at, schema_at


@frozen
class Target:
    """What an id names: a document, or a part (goal, strategy ...) of a plan."""

    document: Document
    key_path: KeyPath
    label: str


def hover(corpus: Corpus, document: Document, lines: list[str], line: int, character: int) -> types.Hover | None:
    """A key's meaning from its schema; for an id, what it names."""
    found = at(document, line, character, lines)
    name = schema_name(document)
    if found is None or name is None:
        return None
    if found.on == "value":
        target = _target(corpus, found)
        if target is not None:
            return _markdown(f"**{target.label}**  \n{target.document.path}")
    key_path = found.key_path
    schema = schema_at(name, _without_index(key_path))
    description = schema.get("description") if schema else None
    if not description:
        return None
    key = next((part for part in reversed(key_path) if isinstance(part, str)), "")
    return _markdown(f"**{key}**: {description}")


def definition(corpus: Corpus, document: Document, lines: list[str], line: int,
               character: int) -> tuple[str, int, int] | None:
    """The file and 1-based line and column where the id at the cursor is defined."""
    found = at(document, line, character, lines)
    target = _target(corpus, found) if found is not None and found.on == "value" else None
    if target is None:
        return None
    row, column = target.document.position(target.key_path)
    return target.document.path, row, column


def complete(corpus: Corpus, document: Document, lines: list[str], line: int,
             character: int) -> list[types.CompletionItem]:
    """The keys allowed where a key is being typed; the values a key takes
    where its value is: enum values, and ids of the right type."""
    name = schema_name(document)
    now = typing(document, line, character, lines)
    if name is None or now is None:
        return []
    if now.key is None:
        present = At(document, now.parent, "value").value
        taken = set(present) if isinstance(present, dict) else set()
        return [types.CompletionItem(label=key, kind=types.CompletionItemKind.Property, insert_text=f"{key}: ",
                                     documentation=schema.get("description"))
                for key, schema in keys_at(name, _without_index(now.parent)).items() if key not in taken]
    key_path = (*now.parent, now.key)
    return [*_schema_values(name, key_path), *_ids(corpus, document, key_path)]


def _schema_values(name: str, key_path: KeyPath) -> list[types.CompletionItem]:
    schema = schema_at(name, _without_index(key_path)) or {}
    if isinstance(schema.get("items"), dict):
        schema = schema["items"]
    values: list[Any] = list(schema.get("enum", []))
    if "const" in schema:
        values.append(schema["const"])
    if schema.get("type") == "boolean":
        values += [True, False]
    return [types.CompletionItem(label=str(value).lower() if isinstance(value, bool) else str(value),
                                 kind=types.CompletionItemKind.EnumMember) for value in values if value is not None]


def _ids(corpus: Corpus, document: Document, key_path: KeyPath) -> list[types.CompletionItem]:
    """The ids that may stand at `key_path`, each with what it is."""
    return [types.CompletionItem(label=target.key, kind=types.CompletionItemKind.Reference, detail=target.label)
            for target in _choices(corpus, document, key_path)]


@frozen
class _Choice:
    key: str
    label: str


def _choices(corpus: Corpus, document: Document, key_path: KeyPath) -> list[_Choice]:
    top = key_path[0] if key_path else None
    kind = TYPES.get(document.type or "") if document.role == "document" else None
    for reference in kind.references if kind else ():
        if key_path == (reference.key,):
            return [_Choice(found.id, _label(found)) for found in corpus.every_of_type(reference.target) if found.id]
    view = document.view
    if isinstance(view, Plan) and len(key_path) >= 3 and isinstance(key_path[1], int):
        part = next((part for part in view.parts if part.section == top and part.index == key_path[1]), None)
        if part is not None and part.link_key == key_path[2]:
            return [_Choice(other.id, _part_label(other)) for other in view.parts
                    if other.id and other.kind in part.links_to]
    if document.type == "reflection" and top == "measurements" and len(key_path) == 3:
        plan = corpus.find_view(document.data.get("plan"), Plan)
        if plan is None:
            return []
        if key_path[2] == "benchmark":
            return [_Choice(benchmark.id, _part_label(benchmark)) for benchmark in plan.benchmarks if benchmark.id]
        measured = At(document, (*key_path[:2], "benchmark"), "value").value
        benchmark = plan.benchmark(measured if isinstance(measured, str) else None)
        if key_path[2] == "level" and isinstance(benchmark, ScaleBenchmark):
            return [_Choice(level, f"on the scale of {benchmark.id}") for level in benchmark.scale]
    if document.role == "project" and top == "workshop" and "modules" in key_path:
        return [_Choice(found.id, _label(found)) for found in corpus.every_of_type("module") if found.id]
    if document.role == "project" and top == "handouts" and "ids" in key_path:
        return [_Choice(found.id, _label(found)) for found in corpus.everything() if found.id]
    if document.role == "project" and top == "handouts" and "types" in key_path:
        return [_Choice(type_name, kind.description) for type_name, kind in TYPES.items()]
    return []


def _target(corpus: Corpus, found: At) -> Target | None:
    """What the id at the cursor names: a document, or a part of the plan in hand (or of the log's plan)."""
    value = found.value
    if not isinstance(value, str):
        return None
    document = found.document
    view = document.view
    plan = view if isinstance(view, Plan) else corpus.find_view(document.data.get("plan"), Plan)
    if found.key_path != ("id",) and plan is not None and (part := plan.part(value)) is not None:
        return Target(plan.source, (part.section, part.index, "id"), _part_label(part))
    named = corpus.find(value)
    if named is None or named is document:
        return None
    return Target(named, ("id",), _label(named))


def _part_label(part: Part) -> str:
    """A goal, strategy, tactic or benchmark as an editor shows it: what it is and its title."""
    return f"{part.kind} {part.label}: {part.title}"


def _label(document: Document) -> str:
    title = document.data.get("title")
    return f"{document.type} '{document.id}'" + (f": {title}" if isinstance(title, str) else "")


def _without_index(key_path: KeyPath) -> KeyPath:
    """List items all have the same schema: any index will do."""
    return tuple(0 if isinstance(part, int) else part for part in key_path)


def _markdown(text: str) -> types.Hover:
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))
