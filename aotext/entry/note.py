"""`aotext note`: the notes after a one-on-one, from answers (typed at the
prompts, or given in a file or as options), written as a private
conversation note that lints clean.

Answers are checked here, the same way whoever gave them: a wrong one is
reported by the name of its question, and nothing is written."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aotext.corpus import Corpus
from aotext.crypto.names import anonymous_id
from aotext.documents import fields
from aotext.documents.records import frozen
from aotext.documents.types.conversation import ASSESSMENTS, STEPS, Assessment, Conversation, note_id
from aotext.documents.types.plan import Plan
from aotext.documents.types.scenario import Scenario
from aotext.entry.answers import unexpected
from aotext.entry.dates import DateError, resolve
from aotext.entry.write import write_document
from aotext.errors import UsageError
from aotext.followups import Cadence
from aotext.new import unique_id
from aotext.people import organizers, people
from aotext.words import did_you_mean

if TYPE_CHECKING:
    from aotext.crypto.age import Recipient

# The answers, in the order they are asked, with the option that gives each without a terminal.
QUESTIONS = {
    "pseudonym": "--pseudonym", "owner": "--owner", "date": "--date", "scenario": "--scenario", "plan": "--plan",
    "where": "--where", "steps_reached": "--step", "assessment": "--assessment", "ask": "--ask",
    "commitment": "--commitment", "follow_up_date": "--follow-up", "follow_up_owner": "--follow-up-owner",
    "follow_up_how": "--how", "notes": "--notes",
}
REQUIRED = ("pseudonym", "owner", "assessment")


@frozen
class NoteAnswers:
    pseudonym: str
    owner: str
    date: dt.date
    assessment: Assessment
    scenario: str | None = None
    plan: str | None = None
    where: str | None = None
    steps_reached: tuple[str, ...] = ()
    ask: str | None = None
    commitment: str | None = None
    follow_up_date: dt.date | None = None
    follow_up_owner: str | None = None
    follow_up_how: str | None = None
    person: str | None = None  # the person id of the notes already about them, when they have one
    notes: str = ""


def known_notes(corpus: Corpus, pseudonym: str) -> list[Conversation]:
    """The newest note of everyone already noted under this pseudonym (any case)."""
    wanted = pseudonym.strip().casefold()
    return [person.latest for person in people(corpus.all(Conversation))
            if (person.latest.pseudonym or "").casefold() == wanted]


def pseudonyms(corpus: Corpus) -> list[str]:
    """Everyone's pseudonym, once each, for completion."""
    return sorted({note.pseudonym for note in corpus.all(Conversation) if note.pseudonym}, key=str.casefold)


def owners(corpus: Corpus) -> list[str]:
    """Every organizer the notes name, once each and as the lists show them, for completion."""
    return sorted(organizers(corpus).values(), key=str.casefold)


def public_mentions(corpus: Corpus, name: str) -> list[str]:
    """The public documents that mention `name` as a word: if it is someone's
    real name, the note's pseudonym would give them away."""
    word = re.compile(rf"(?<!\w){re.escape(name.strip())}(?!\w)", re.IGNORECASE)
    found = []
    for document in corpus.documents:
        if document.private or document.role != "document":
            continue
        if word.search(document.body) or any(word.search(text) for _, text in fields.every_text(document.data)):
            found.append(document.path)
    return found




def proposed_follow_up(assessment: str | None, day: dt.date, cadence: Cadence) -> dt.date | None:
    """The next follow-up date the project's cadence asks for; None for a level it never asks to contact."""
    days = cadence.get(assessment) if assessment else None
    return day + dt.timedelta(days=days) if days else None


def _date(raw: Mapping[str, Any], key: str, today: dt.date, problems: list[str]) -> dt.date | None:
    value = raw.get(key)
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return resolve(str(value), today)
    except DateError as error:
        problems.append(f"{QUESTIONS[key]}: {error}")
        return None


def _text(raw: Mapping[str, Any], key: str) -> str | None:
    value = raw.get(key)
    return str(value).strip() or None if value is not None else None


def _one_of(corpus: Corpus, view: type[Scenario] | type[Plan], value: str | None, key: str,
            problems: list[str]) -> str | None:
    if value is None:
        return None
    if corpus.find_view(value, view) is None:
        known = [item.id for item in corpus.all(view) if item.id]
        problems.append(f"{QUESTIONS[key]}: there is no {view.type_name} '{value}'{did_you_mean(value, known)}")
    return value


def check_given(raw: Mapping[str, Any], corpus: Corpus, today: dt.date) -> None:
    """What the options and the file gave, checked before the first question
    (what is missing is asked); UsageError naming every wrong one."""
    if problems := _checked(raw, corpus, today)[0]:
        raise UsageError("; ".join(problems))


def note_answers(raw: Mapping[str, Any], corpus: Corpus, today: dt.date) -> NoteAnswers:
    """The answers checked; UsageError naming every missing or wrong one."""
    missing = [QUESTIONS[key] for key in REQUIRED if not _text(raw, key)]
    wrong, day, follow_up, scenario, plan, steps = _checked(raw, corpus, today)
    problems = [f"missing {', '.join(missing)}"] if missing else []
    if problems := problems + wrong:
        raise UsageError("; ".join(problems))
    assessment = _text(raw, "assessment")
    pseudonym = _text(raw, "pseudonym") or ""
    owner = _text(raw, "owner") or ""
    earlier = [note for note in known_notes(corpus, pseudonym) if note.person and (note.scenario or None) == scenario]
    return NoteAnswers(
        pseudonym=pseudonym, owner=owner, date=day, assessment=next(a for a in ASSESSMENTS if a == assessment),
        scenario=scenario, plan=plan, where=_text(raw, "where"), steps_reached=tuple(s for s in STEPS if s in steps),
        ask=_text(raw, "ask"), commitment=_text(raw, "commitment"), follow_up_date=follow_up,
        follow_up_owner=_text(raw, "follow_up_owner"), follow_up_how=_text(raw, "follow_up_how"),
        person=earlier[-1].person if len(earlier) == 1 else None, notes=_text(raw, "notes") or "",
    )


def _checked(raw: Mapping[str, Any], corpus: Corpus,
             today: dt.date) -> tuple[list[str], dt.date, dt.date | None, str | None, str | None, list[str]]:
    """What is wrong with the answers given (not what is missing), and the
    date, follow-up, scenario, plan and steps they give."""
    problems = unexpected(raw, QUESTIONS, [key for key in QUESTIONS if key != "steps_reached"])
    assessment = _text(raw, "assessment")
    if assessment and assessment not in ASSESSMENTS:
        problems.append(f"--assessment: '{assessment}' is not one of {', '.join(ASSESSMENTS)}")
    steps = raw.get("steps_reached") or []
    steps = [steps] if isinstance(steps, str) else list(steps)
    for step in steps:
        if step not in STEPS:
            problems.append(f"--step: '{step}' is not one of the five steps ({', '.join(STEPS)})")
    day = _date(raw, "date", today, problems) or today
    if day > today:
        problems.append(f"--date: {day} is after today; a note is written after the conversation")
    follow_up = _date(raw, "follow_up_date", today, problems)
    if follow_up is not None and follow_up < day:
        problems.append(f"--follow-up: {follow_up} is before the conversation on {day}")
    scenario = _one_of(corpus, Scenario, _text(raw, "scenario"), "scenario", problems)
    plan = _one_of(corpus, Plan, _text(raw, "plan"), "plan", problems)
    return problems, day, follow_up, scenario, plan, steps


def note_data(answers: NoteAnswers, corpus: Corpus, *, anonymous: bool = False) -> dict[str, Any]:
    """The note's front matter, in the schema's order; empty answers leave
    their key out. `anonymous`: an id that tells only the date, for a note
    that is encrypted (its id is its file name, which anyone can read)."""
    document_id = anonymous_id(answers.date, corpus.by_id) if anonymous else unique_id(
        note_id(answers.date, answers.pseudonym, answers.owner), set(corpus.by_id))
    data: dict[str, Any] = {"type": "conversation", "id": document_id,
                            "private": True, "date": answers.date, "pseudonym": answers.pseudonym}
    optional = {"person": answers.person, "owner": answers.owner, "scenario": answers.scenario,
                "plan": answers.plan, "where": answers.where,
                "steps_reached": list(answers.steps_reached) or None, "assessment": answers.assessment,
                "ask": answers.ask, "commitment": answers.commitment}
    data.update({key: value for key, value in optional.items() if value is not None})
    if answers.follow_up_date:
        follow_up = {"date": answers.follow_up_date, "owner": answers.follow_up_owner, "how": answers.follow_up_how}
        data["follow_up"] = {key: value for key, value in follow_up.items() if value is not None}
    return data


def write_note(answers: NoteAnswers, data: dict[str, Any], content: Path, schemas: Path,
               recipients: Sequence[Recipient] | None = None) -> Path:
    """Write the note whose front matter is `data` (as note_data made it, and
    as it was shown); encrypted for `recipients` when given."""
    return write_document("conversation", data, answers.notes, content, schemas, recipients)
