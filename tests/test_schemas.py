"""The schemas are written for organizers: every key explained, typos caught,
dates real."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

SCHEMAS = sorted((Path(__file__).resolve().parent.parent / "schema").glob("*.schema.json"))


def objects(node: object, where: str = "") -> Iterator[tuple[str, dict]]:
    if isinstance(node, dict):
        if "properties" in node:
            yield where, node
        for key, value in node.items():
            yield from objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from objects(value, f"{where}/{index}")


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_schema_is_valid_draft_2020_12(path):
    schema = json.loads(path.read_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_every_property_is_described_and_typos_are_caught(path):
    schema = json.loads(path.read_text())
    for where, node in objects(schema):
        assert node.get("additionalProperties") is False, f"{where} lets unknown keys through"
        for key, prop in node["properties"].items():
            assert prop.get("description"), f"{where}/{key} has no description"


def test_dates_must_be_real_calendar_dates():
    schema = json.loads((SCHEMAS[0].parent / "reflection.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    base = {"type": "reflection", "id": "x", "plan": "p"}
    assert validator.is_valid({**base, "date": "2028-02-29"})
    for bad in ("2026-13-01", "2026-02-30", "2027-02-29", "26-1-1"):
        assert not validator.is_valid({**base, "date": bad}), bad
