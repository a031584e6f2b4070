"""Rules for conversation notes: their dates, and whether each person is
told apart from the others who share their pseudonym (aotext.people)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from aotext.corpus import Corpus
from aotext.documents.types.base import slug
from aotext.documents.types.conversation import Conversation
from aotext.model import WARNING, KeyPath
from aotext.people import Person, name_key, people, shown_names, written_names
from aotext.rules.base import Finding, rule

# `aotext followups` shows these warnings too: they change who it lists.
FUTURE_CONVERSATION = "future-conversation"
SHARED_PSEUDONYM = "shared-pseudonym"
NAME_SPELLING = "name-spelling"


@rule("followup-before-conversation", "a follow-up dated before the conversation it follows")
def followup_before_conversation(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for note in corpus.all(Conversation):
        due = note.follow_up.date if note.follow_up else None
        if note.date and due and due < note.date:
            yield note.source, ("follow_up", "date"), (
                f"the follow-up ({due}) is dated before the conversation ({note.date}); check both dates"
            )


# A warning, not an error: `aotext summary --as-of` and `followups --as-of`
# ask about a day in the past, when later notes are no mistake.
@rule(FUTURE_CONVERSATION, "a conversation dated after today (or the --as-of date)", severity=WARNING)
def future_conversation(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for note in corpus.all(Conversation):
        if note.date and note.date > as_of:
            yield note.source, ("date",), (
                f"this conversation is dated {note.date}, after {as_of} (today, or the --as-of date); a note is "
                "written after its conversation, so check the date. Until that day aotext followups leaves this "
                "note out"
            )


@rule(SHARED_PSEUDONYM, "notes with one pseudonym taken for different people, with no 'person:' to tell them apart",
      severity=WARNING)
def shared_pseudonym(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    sharing: dict[str, list[Person]] = defaultdict(list)
    for person in people(corpus.all(Conversation)):
        for name in dict.fromkeys(note.pseudonym.casefold() for note in person.notes if note.pseudonym):
            sharing[name].append(person)
    for name, group in sharing.items():
        for person in group if len(group) > 1 else ():
            other = next(other for other in group if other is not person)
            for note in person.notes:
                if note.person is None and (note.pseudonym or "").casefold() == name:
                    yield note.source, ("pseudonym",), _two_people(note, other, name)


def _two_people(note: Conversation, other: Person, name: str) -> str:
    there = next(found for found in reversed(other.notes) if (found.pseudonym or "").casefold() == name)
    if there.person:
        why = f"that note says person: {there.person} and this one does not"
    elif there.scenario != note.scenario:
        why = "their scenarios differ"
    else:
        why = "a different organizer wrote the later one and no earlier follow-up names them (follow_up: owner:)"
    where = f"{there.path}, by {there.owner or 'no owner'}, scenario {there.scenario or '(none)'}"
    base = slug(note.pseudonym or name)
    return (f"another note also calls someone '{note.pseudonym}' ({where}); aotext counts two people, since {why}. "
            f"If they are two people, add person: {base}-1 to every note about one and person: {base}-2 to every "
            "note about the other; if one person, the same person: line to all their notes")


@rule(NAME_SPELLING, "an organizer's name written differently in different notes ('Sam', 'sam', 'Sam '), which "
      "aotext takes for one person", severity=WARNING)
def name_spelling(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    # The notes in focus only: a re-check after an edit (aotext.incremental)
    # holds every note that names an organizer any of them names, so each
    # name's spellings are all here; reading every note instead cost a lint
    # after one change 0.7 s at 20,000 documents, from lint's cache.
    notes = corpus.all(Conversation)
    written: dict[str, list[tuple[Conversation, KeyPath, str]]] = defaultdict(list)
    for note in notes:
        for key_path, name in written_names(note):
            written[name_key(name)].append((note, key_path, name))
    shown = shown_names(notes)
    for key, uses in written.items():
        if len({name for _, _, name in uses}) < 2:
            continue
        name = shown[key]
        for note, key_path, spelt in uses:
            if spelt == name:
                continue
            others = sorted({other.path for other, _, used in uses if used == name and other.path != note.path})
            where = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "") \
                if others else "this note"
            yield note.source, key_path, (
                f"'{spelt}' here, '{name}' in {where}: aotext takes them for one organizer and shows '{name}' "
                "(the spelling used most often, or first); write the name the same way in every note")
