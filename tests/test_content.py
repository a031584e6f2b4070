"""The shipped workshop is the product too: it lints clean, and it carries
the seed's substance."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from aotext.cli import cli
from aotext.corpus import Corpus
from aotext.lint import lint

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


@pytest.mark.parametrize("as_of", ["2026-11-24", "2027-06-01", "2031-01-01"])
def test_shipped_content_lints_clean_on_any_date(as_of):
    result = CliRunner().invoke(cli, ["lint", "--as-of", as_of, str(CONTENT)])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    import datetime as dt

    return lint([CONTENT], dt.date(2026, 11, 24)).corpus


def all_text(corpus: Corpus, type_name: str) -> str:
    return "\n".join(str(d.data) + d.body for d in corpus.of_type(type_name))


def test_workshop_has_every_section_in_order_with_the_break(corpus):
    modules = sorted(corpus.of_type("module"), key=lambda d: d.data["order"])
    sections = [m.data.get("section") for m in modules]
    assert sections == ["I", "II", "III", "IV", None, "V", "VI", "VII"]
    assert modules[4].data.get("break") is True


def test_worksheet_has_questions_1_to_12(corpus):
    numbers = sorted(q.data["number"] for q in corpus.of_type("question"))
    assert numbers == list(range(1, 13))


SEED_SUBSTANCE = [
    "Getting everyday people to work together towards a shared goal in a way that builds their power",
    "make ourselves replaceable",
    "Black Panthers",
    "force a wedge between sections of the powerful",
    "signs up 2 new drivers this month",
    "50 drivers participate in a one-day action",
    "identify as the union",
    "20% questions, 70% listening, and 10% talking",
    "My husband and children are black",
    "Stan Weir",
    "What are we gonna do about these cops?",
    "potential leader",
    "One Big Organizer",
    "at least one person's personal phone number",
    "One person can",
    "Quality over quantity",
    "Don't promise what you can't deliver",
    "Antidote to hopelessness and cynicism",
    "Was that last tactic effective?",
    "We want your feedback",
]


@pytest.mark.parametrize("phrase", SEED_SUBSTANCE)
def test_seed_substance_is_in_the_workshop(corpus, phrase):
    text = all_text(corpus, "module").lower().replace("’", "'")
    assert phrase.lower() in text


def test_bus_drivers_plan_carries_the_seed_benchmarks(corpus):
    plan = corpus.find("bus-drivers-plan")
    kinds = {b["kind"] for b in plan.data["benchmarks"]}
    assert kinds == {"numeric", "qualitative"}
    assert any(b.get("every") == "month" for b in plan.data["benchmarks"])
    assert len(corpus.of_type("reflection")) >= 3


def test_conversation_notes_are_private(corpus):
    notes = corpus.of_type("conversation")
    assert len(notes) >= 2 and all(note.private for note in notes)
