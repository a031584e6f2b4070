"""Load the JSON Schemas once and check front matter against them, reporting
each problem in plain words at the line of the key that holds it."""

from __future__ import annotations

import json
import re
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import jsonschema_rs

from aotext.documents.document import Document
from aotext.documents.records import frozen
from aotext.documents.types import TYPES
from aotext.model import KeyPath, format_key_path
from aotext.words import did_you_mean

_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "array": "a list",
    "object": "a group of keys",
    "boolean": "true or false",
    "null": "nothing",
}
_PATTERN_HINTS = {
    "^[a-z0-9][a-z0-9-]*$": "an id uses lowercase letters, digits and hyphens only, e.g. \"bus-drivers\"",
    "^[1-9][0-9]{0,2} (day|days|week|weeks|month|months)$":
        "write how often, e.g. \"2 weeks\" or \"1 month\" (at most 999)",
    "^([01][0-9]|2[0-3]):[0-5][0-9]$": "write the time as HH:MM on a 24-hour clock, e.g. \"09:30\"",
}


# How a message names a missing key; `aotext lsp` reads it back to offer to insert the key.
REQUIRED = "the required key '{key}'"
REQUIRED_KEY = re.compile(REQUIRED.format(key="([^']+)"))


@frozen
class SchemaProblem:
    """What the schema check found: where in the front matter, and what to say."""

    key_path: KeyPath
    message: str


def schema_dir() -> Path:
    """The schema folder: inside the installed package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "schema"
    return installed if installed.is_dir() else package.parent / "schema"


@cache
def _schemas() -> dict[str, dict[str, Any]]:
    return {
        path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8"))
        for path in schema_dir().glob("*.schema.json")
    }


def id_pattern() -> re.Pattern[str]:
    """The form every id takes, as the schemas state it (one copy of the fact)."""
    return re.compile(_schemas()["plan"]["$defs"]["id"]["pattern"])


def id_max_length() -> int:
    """The most characters an id may have, as the schemas state it."""
    length: int = _schemas()["plan"]["$defs"]["id"]["maxLength"]
    return length


def schema_at(schema_name: str, key_path: KeyPath) -> dict[str, Any] | None:
    """The part of a schema ("plan", "project" ...) that describes the value
    at `key_path` (list items by any index), with its references followed;
    None where the schema allows nothing. What an editor shows and offers."""
    schema = _schemas().get(schema_name)
    if schema is None:
        return None
    here: dict[str, Any] | None = _resolved(schema, schema)
    for part in key_path:
        if here is None:
            return None
        if isinstance(part, int):
            items = here.get("items")
            here = _resolved(schema, items) if isinstance(items, dict) else None
        else:
            found = _properties(schema, here).get(part)
            here = _resolved(schema, found) if isinstance(found, dict) else None
    return here


def keys_at(schema_name: str, key_path: KeyPath) -> dict[str, dict[str, Any]]:
    """The keys the mapping at `key_path` may hold, each with its schema."""
    schema = _schemas().get(schema_name)
    here = schema_at(schema_name, key_path)
    if schema is None or here is None:
        return {}
    return {key: _resolved(schema, found) for key, found in _properties(schema, here).items() if isinstance(found, dict)}


def _properties(schema: dict[str, Any], here: dict[str, Any]) -> dict[str, Any]:
    """A mapping's keys, with those of each alternative it may take (oneOf)."""
    found = dict(here.get("properties", {}))
    for alternative in here.get("oneOf", []) + here.get("anyOf", []):
        for key, value in _properties(schema, _resolved(schema, alternative)).items():
            found.setdefault(key, value)
    return found


def _resolved(schema: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """`part` with a local "$ref" followed; its own description wins over the target's."""
    reference = part.get("$ref")
    if not isinstance(reference, str) or not reference.startswith("#/"):
        return part
    target: Any = schema
    for step in reference[2:].split("/"):
        target = target.get(step, {}) if isinstance(target, dict) else {}
    merged = {**_resolved(schema, target), **{key: value for key, value in part.items() if key != "$ref"}}
    return merged

class _Checker:
    """Both validators for one schema, built once.

    jsonschema-rs answers "valid or not" about fifty times faster; the
    jsonschema library then explains the few documents that are not.
    """

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.fast = jsonschema_rs.validator_for(schema, validate_formats=True)

    @cached_property
    def explainer(self) -> Any:
        # Imported only when a document is invalid: it costs a third of start-up.
        import jsonschema

        return jsonschema.Draft202012Validator(self.schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

    def check(self, data: dict[str, Any], reveal: bool) -> list[SchemaProblem]:
        if self.fast.is_valid(data):
            return []
        problems: list[SchemaProblem] = []
        for error in self.explainer.iter_errors(data):
            # A private document's items are counted, not named: their ids are its values too.
            problems.extend(found for found in _explain(error, reveal, data if reveal else None) if found not in problems)
        if not problems:
            # The two validators disagree; trust the stricter one's wording.
            problems = [
                SchemaProblem(tuple(error.instance_path),
                              error.message if reveal else f"{format_key_path(tuple(error.instance_path))}: not allowed here")
                for error in self.fast.iter_errors(data)
            ]
        return problems


@cache
def _checker(type_name: str) -> _Checker | None:
    schema = _schemas().get(type_name)
    return _Checker(schema) if schema is not None else None


def check_document(document: Document) -> list[SchemaProblem]:
    """Schema problems of `document`; none when its type is unknown (lint reports that).
    Messages about a private document never quote its values: lint output
    ends up in CI logs, and conversation notes are about real people."""
    known = document.role == "project" or document.type in TYPES
    checker = _checker(document.type) if known and document.type else None
    return checker.check(document.data, reveal=not document.private) if checker else []


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 60 else f'"{value[:57]}..."'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of keys"
    return str(value)


def _kind(value: Any) -> str:
    """What sort of value it is, without saying what it holds."""
    if isinstance(value, str):
        return "this text"
    if isinstance(value, bool) or value is None:
        return _describe(value)
    if isinstance(value, (int, float)):
        return "this number"
    return _describe(value)


def _allowed(option: Any) -> str | None:
    """One kind of value a schema allows, in words ("a whole number from 1 to
    366", "never"); None for one too complex to say in a few words."""
    if not isinstance(option, dict):
        return None
    if "const" in option:
        return _describe(option["const"])
    if option.get("type") in ("integer", "number") and set(option) <= {"type", "minimum", "maximum"}:
        kind, low, high = _TYPE_WORDS[option["type"]], option.get("minimum"), option.get("maximum")
        if low is not None and high is not None:
            return f"{kind} from {low} to {high}"
        if low is not None:
            return f"{kind} of {low} or more"
        return f"{kind} of {high} or less" if high is not None else kind
    return None


def _explain(error: Any, reveal: bool = True, data: object = None) -> list[SchemaProblem]:
    """A jsonschema ValidationError in plain words, at the key it concerns;
    without `reveal`, the offending value is described but not quoted.
    `data` is the front matter, to name list items by their ids."""
    path: KeyPath = tuple(error.absolute_path)
    where = format_key_path(path, data)
    keyword = error.validator
    expected = error.validator_value
    value = error.instance
    shown = _describe(value) if reveal else _kind(value)
    if keyword == "required":
        # jsonschema gives one error per missing key, each naming the whole list:
        # say every missing key here; check() keeps each message once.
        place = f"{where} is missing" if path else "missing"
        problems = []
        for missing in (key for key in expected if key not in value):
            description = error.schema.get("properties", {}).get(missing, {}).get("description", "")
            hint = f" ({description})" if description else ""
            problems.append(SchemaProblem(path, f"{place} {REQUIRED.format(key=missing)}{hint}"))
        return problems
    if keyword == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        return [
            SchemaProblem(path + (key,), f"unknown key '{key}'{f' in {where}' if path else ''}{did_you_mean(key, known)}; "
                          f"keys allowed here: {', '.join(known)}")
            for key in value if key not in known
        ]
    if keyword == "type":
        wanted = expected if isinstance(expected, list) else [expected]
        # "or nothing" only confuses: an empty value is allowed where null is.
        wanted = [name for name in wanted if name != "null"] or wanted
        words = " or ".join(_TYPE_WORDS.get(str(name), str(name)) for name in wanted)
        return [SchemaProblem(path, f"{where}: expected {words}, got {shown}")]
    if keyword == "enum":
        choices = [str(choice) for choice in expected]
        suggestion = did_you_mean(str(value), choices) if reveal else ""
        return [SchemaProblem(path, f"{where}: {shown} is not one of: {', '.join(choices)}{suggestion}")]
    if keyword == "const":
        return [SchemaProblem(path, f"{where}: must be {_describe(expected)}, got {shown}")]
    if keyword == "format" and expected == "date":
        return [SchemaProblem(path, f"{where}: {shown} is not a real calendar date; "
                              "write it as YYYY-MM-DD, e.g. 2026-02-18")]
    if keyword == "pattern":
        hint = _PATTERN_HINTS.get(expected, f"it must match {expected}")
        return [SchemaProblem(path, f"{where}: {shown} is not allowed here: {hint}")]
    if keyword == "minimum":
        return [SchemaProblem(path, f"{where}: {shown} is too small; the smallest allowed is {expected}")]
    if keyword == "maximum":
        return [SchemaProblem(path, f"{where}: {shown} is too large; the largest allowed is {expected}")]
    if keyword in ("oneOf", "anyOf") and all(_allowed(option) for option in expected):
        kinds = " or ".join(str(_allowed(option)) for option in expected)
        return [SchemaProblem(path, f"{where}: {shown} is not allowed here: give {kinds}")]
    if keyword == "minItems":
        return [SchemaProblem(path, f"{where}: needs at least {expected} item{'s' if expected != 1 else ''}")]
    if keyword == "minLength":
        return [SchemaProblem(path, f"{where}: must not be empty")]
    if keyword == "maxLength":
        return [SchemaProblem(path, f"{where}: is longer than {expected} characters")]
    if keyword == "uniqueItems":
        return [SchemaProblem(path, f"{where}: lists the same entry twice")]
    return [SchemaProblem(path, f"{where}: {error.message}" if reveal else f"{where}: not allowed here")]
