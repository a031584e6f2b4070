"""The questions of `aotext note`, asked after a one-on-one while it is
fresh, in the workshop's words. They fill the same answers that --answers
FILE and the options give, and note.py checks them all the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from aotext.corpus import Corpus
from aotext.documents.types.conversation import ASSESSMENT_MEANINGS, STEP_REMINDERS, Conversation
from aotext.documents.types.scenario import Scenario
from aotext.entry.dates import DateError, resolve, shown
from aotext.entry.note import known_notes, owners, proposed_follow_up, pseudonyms, public_mentions
from aotext.entry.prompts import Asker, schema_help
from aotext.followups import Cadence

NONE = ""

# What '?' says where the schema's words are about the file (ids): here, in the terms of the question asked.
_SAID_HERE = {"scenario": "The scenario the person is part of: the workplace or community of the campaign. The list "
                          "names each by its title; choose '(none)' if it is none of them."}


def _date_check(today: dt.date, *, optional: bool = False, conversation: dt.date | None = None) -> Any:
    """The check of a date answer: the conversation's (not after today) or,
    given the `conversation`'s date, the follow-up's (not before it), asked
    again at once rather than refused after the last question."""
    def check(answer: str) -> str | None:
        if optional and answer.lower() in ("", "none", "no"):
            return None
        try:
            day = resolve(answer, today)
        except DateError as error:
            return str(error)
        if conversation is None and day > today:
            return f"{day} is after today; a note is written after the conversation"
        if conversation is not None and day < conversation:
            return f"{day} is before the conversation on {conversation}; follow up after it"
        return None

    return check


def _describe(note: Conversation) -> str:
    follow_up = note.follow_up
    lines = [f"  Already noted: {note.pseudonym} ({note.assessment or 'not assessed'}"
             f"{f', {note.scenario}' if note.scenario else ''}), last talked {note.date} with {note.owner or 'someone'}.",
             f"    Asked: {note.ask or '—'}", f"    Committed: {note.commitment or '—'}"]
    if follow_up and follow_up.date:
        lines.append(f"    Follow-up: {follow_up.date}{f' ({follow_up.how})' if follow_up.how else ''}"
                     f"{f' by {follow_up.owner}' if follow_up.owner else ''}")
    return "\n".join(lines)


def ask_note(corpus: Corpus, today: dt.date, cadence: Cadence, given: Mapping[str, Any]) -> dict[str, Any]:
    """Every answer, asked in order; what the options gave is each question's default."""
    ask = Asker({**schema_help("conversation"), **_SAID_HERE})
    answers: dict[str, Any] = dict(given)
    ask.say("After a one-on-one: a few questions while it is fresh. Type ? for help; Ctrl-C stops without writing.")
    while True:
        pseudonym = ask.text("pseudonym", "Pseudonym (never their real name):", given.get("pseudonym") or "",
                             lambda answer: None if answer else "give a pseudonym", pseudonyms(corpus))
        mentions = public_mentions(corpus, pseudonym)
        if not mentions:
            break
        ask.say(f"  '{pseudonym}' also appears in {', '.join(mentions[:3])}{' and others' if len(mentions) > 3 else ''},"
                " which are not private. If it is the person's real name, choose a pseudonym instead.")
        if ask.confirm(f"Keep '{pseudonym}' as the pseudonym?", default=False):
            break
    answers["pseudonym"] = pseudonym
    earlier = known_notes(corpus, pseudonym)
    for note in earlier:
        ask.say(_describe(note))
    last = earlier[-1] if earlier else None
    answers["owner"] = ask.text("owner", "Who had the conversation?", given.get("owner") or "",
                                lambda answer: None if answer else "say who had it", owners(corpus),
                                suggested=(last.owner if last else None) or "")
    day = ask.text("date", "When was it?", str(given.get("date") or ""), _date_check(today), suggested="today")
    answers["date"] = resolve(day, today)
    ask.say(f"  {shown(answers['date'], today)}")
    scenarios = [(f"{item.title} ({item.id})", item.id or NONE) for item in corpus.all(Scenario) if item.id]
    if scenarios:
        answers["scenario"] = ask.select("scenario", "Which scenario?", [*scenarios, ("(none)", NONE)],
                                         given.get("scenario") or (last.scenario if last else None)) or None
    answers["where"] = ask.text("where", "Where did you meet? (Enter to skip)", given.get("where") or "")
    answers["steps_reached"] = ask.checkbox("steps_reached", "Which steps of talking politics did you reach?",
                                            [(f"{step}: {reminder}", step) for step, reminder in STEP_REMINDERS.items()],
                                            given.get("steps_reached") or ())
    answers["assessment"] = ask.select("assessment", "Your assessment:",
                                       [(f"{level}: {meaning}", level) for level, meaning in ASSESSMENT_MEANINGS.items()],
                                       given.get("assessment") or (last.assessment if last else None))
    answers["ask"] = ask.text("ask", "What did you ask them to do? (Enter to skip)", given.get("ask") or "")
    answers["commitment"] = ask.text("commitment", "What did they commit to, in their words if you can? (Enter to skip)",
                                     given.get("commitment") or "")
    # From the conversation, as the chart counts the cadence; a date already past is today.
    proposed = proposed_follow_up(answers["assessment"], answers["date"], cadence)
    proposed = max(proposed, today) if proposed else None
    hint = f" (the '{answers['assessment']}' cadence proposes {proposed})" if proposed else ""
    follow_up = ask.text("follow_up.date", f"When to follow up? e.g. in 2 weeks, saturday{hint}; 'none' for no date:",
                         str(given.get("follow_up_date") or ""),
                         _date_check(today, optional=True, conversation=answers["date"]),
                         suggested=str(proposed or "none"))
    if follow_up.lower() not in ("", "none", "no"):
        answers["follow_up_date"] = resolve(follow_up, today)
        ask.say(f"  {shown(answers['follow_up_date'], today)}")
        who = ask.text("follow_up.owner", "Who follows up?", given.get("follow_up_owner") or "",
                       choices=owners(corpus), suggested=answers["owner"])
        answers["follow_up_owner"] = who if who and who != answers["owner"] else None
        answers["follow_up_how"] = ask.text("follow_up.how", "How? (coffee, a meeting, a call; Enter to skip)",
                                            given.get("follow_up_how") or "")
    answers["notes"] = ask.text("notes", "Anything else to note? (one line; Enter to skip)", given.get("notes") or "")
    return answers
