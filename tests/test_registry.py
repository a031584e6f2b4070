"""The registries are the one place that knows each kind of thing: they must
agree with the schemas people's editors read, and adding a type touches one
module plus its schema and template."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

from aotext.documents.types import FOLDER_TYPES, TYPES
from aotext.documents.types.conversation import ASSESSMENTS, STEPS
from aotext.documents.types.module import ACTIVITY_KINDS
from aotext.documents.types.plan import COMBINES
from aotext.handouts.labels import LABELS
from aotext.periods import PERIODS
from aotext.project import AUDIENCES, LANGUAGES, Paper

SCHEMAS = Path(__file__).resolve().parent.parent / "schema"


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_every_document_type_has_a_schema_and_every_schema_a_type():
    names = {path.name.removesuffix(".schema.json") for path in SCHEMAS.glob("*.schema.json")}
    assert names == set(TYPES) | {"project"}
    for name in TYPES:
        assert _schema(name)["properties"]["type"]["const"] == name


def test_the_project_file_offers_exactly_the_registered_types_and_audiences():
    handout = _schema("project")["properties"]["handouts"]["items"]["properties"]
    assert handout["documents"]["properties"]["types"]["items"]["enum"] == list(TYPES)
    assert handout["audience"]["enum"] == list(AUDIENCES)
    assert _schema("project")["properties"]["paper"]["enum"] == list(get_args(Paper))
    assert _schema("project")["properties"]["lang"]["enum"] == list(LANGUAGES) == list(LABELS)
    assert all(LABELS[language].keys() == LABELS["en"].keys() for language in LANGUAGES)  # every word in each
    # A document may say it is written in any language a handout can be made in.
    for name in TYPES:
        lang = _schema(name)["properties"].get("lang")
        assert lang is None or lang["enum"] == list(LANGUAGES), name


def test_the_enums_in_the_schemas_are_the_ones_the_code_knows():
    benchmark = _schema("plan")["$defs"]["benchmark"]["properties"]
    assert benchmark["combine"]["enum"] == list(COMBINES)
    assert benchmark["every"]["enum"] == list(PERIODS)
    conversation = _schema("conversation")["properties"]
    assert conversation["assessment"]["enum"] == list(ASSESSMENTS)
    assert conversation["steps_reached"]["items"]["enum"] == list(STEPS)
    activity = _schema("module")["properties"]["activities"]["items"]["properties"]
    assert activity["kind"]["enum"] == list(ACTIVITY_KINDS)


def _family(prefix: str) -> list[str]:
    """The names of one family of labels (`kind:skit` ... for "kind")."""
    return [key.removeprefix(f"{prefix}:") for key in LABELS["en"] if key.startswith(f"{prefix}:")]


def test_the_handouts_have_words_for_every_name_the_schemas_allow():
    from aotext.handouts.layouts.cards import SECTIONS

    activity = _schema("module")["properties"]["activities"]["items"]["properties"]
    assert _family("kind") == list(ACTIVITY_KINDS) == activity["kind"]["enum"]
    assert _family("combine") == list(COMBINES)
    assert _family("begins") == _schema("scenario")["properties"]["began_from"]["enum"]
    card = _schema("role-card")["properties"]
    assert _family("card") == list(SECTIONS) == [key for key, value in card.items() if value.get("type") == "array"]
    # The periods a benchmark repeats over, and the units a plan reflects in ('2 weeks').
    reflect = _schema("plan")["properties"]["reflect_every"]["pattern"]
    units = reflect.split("(")[1].split(")")[0].split("|")
    assert set(_family("unit")) == set(PERIODS) | set(units)


def test_the_reports_notes_have_words_for_every_period_month_and_unreadable_target():
    from aotext.summary_notes import Unreadable

    for family in ("period", "this period", "last period", "last periods"):
        assert _family(family) == list(PERIODS), family
    assert _family("month") == [str(month) for month in range(1, 13)]
    assert _family("unreadable") == list(get_args(Unreadable))


def test_the_terrain_questions_are_the_schemas_descriptions():
    """The scenarios handout prints the workshop's terrain questions from the
    labels; an editor shows the same words when hovering over a `terrain:` key."""
    from aotext.handouts.layouts.scenarios import QUESTIONS

    terrain = _schema("scenario")["properties"]["terrain"]["properties"]
    assert _family("terrain") == list(QUESTIONS)
    # Enemies and allies are two lists that answer one question.
    asked = {key: "enemies_and_allies" if key in ("enemies", "allies") else key for key in terrain}
    assert set(asked.values()) == set(QUESTIONS)
    for key, question in asked.items():
        assert terrain[key]["description"].startswith(LABELS["en"][f"terrain:{question}"]), key


def test_every_schema_states_the_same_id_pattern():
    from aotext.schemas import id_pattern

    for path in SCHEMAS.glob("*.schema.json"):
        text = path.read_text(encoding="utf-8")
        patterns = {part.split('"')[0] for part in text.split('"pattern": "')[1:] if "a-z0-9" in part.split('"')[0]}
        assert patterns <= {id_pattern().pattern}, path.name


def test_every_type_has_its_own_folder_and_template():
    assert len(FOLDER_TYPES) == len(TYPES)
    for name, kind in TYPES.items():
        assert kind.name == name and kind.view.type_name == name
        assert kind.description and kind.template.lines


def test_references_name_registered_types_and_keys_the_schema_has():
    for name, kind in TYPES.items():
        properties = _schema(name)["properties"]
        for reference in kind.references:
            assert reference.target in TYPES
            assert reference.key in properties, (name, reference.key)
