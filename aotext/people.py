"""Which conversation notes are about the same person.

Notes name people by pseudonym, and pseudonyms repeat: there are two Rosas
in a big workplace, and a Rosa in each campaign. Organizers also hand
people on: Sam meets Andre, the group decides at its meeting that Dolores
follows up, and the next note is Dolores's. So a person is not their
pseudonym alone, nor their pseudonym and owner. The rule, oldest note first:

1. Notes that say `person:` are about the person of that id, whatever
   their pseudonym, owner or scenario.
2. Other notes are about one person when they have the same pseudonym (in
   any case) and the same scenario (or none), and each note is written by
   somebody who already holds that person: the owner of one of their
   earlier notes, or the organizer an earlier note's follow-up named
   (`follow_up: owner:`), names compared as `name_key` compares them.
3. A note by anybody else starts another person with the same pseudonym.
   When in doubt two people are listed rather than one lost; lint's
   `shared-pseudonym` warning asks for `person:` wherever this happens.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from aotext.corpus import Corpus
from aotext.documents.records import frozen
from aotext.documents.types.conversation import Conversation
from aotext.model import KeyPath


@frozen
class Person:
    """One person and the notes about them, oldest first."""

    notes: tuple[Conversation, ...]
    explicit: bool  # known by the notes' `person:` id, not guessed from the pseudonym

    @property
    def latest(self) -> Conversation:
        return self.notes[-1]


@dataclass
class _Chain:
    """Notes about one person, chained by the rule above, and the organizers who wrote them or are to call."""

    notes: list[Conversation]
    holders: set[str] = field(default_factory=set)  # the name_key of owners and named callers

    def add(self, note: Conversation) -> None:
        self.notes.append(note)
        self.holders.add(name_key(note.owner))
        if note.follow_up is not None and note.follow_up.owner:
            self.holders.add(name_key(note.follow_up.owner))


def name_key(name: str | None) -> str:
    """An organizer's name as names are compared everywhere: 'Sam ', 'sam'
    and 'SAM' are one person (spaces trimmed, capitals ignored)."""
    return " ".join((name or "").split()).casefold()


def written_names(note: Conversation) -> Iterator[tuple[KeyPath, str]]:
    """(key path, name as written) of each organizer a note names: who had
    the conversation, and who makes the follow-up call."""
    if note.owner:
        yield ("owner",), note.owner
    if note.follow_up is not None and note.follow_up.owner:
        yield ("follow_up", "owner"), note.follow_up.owner


def shown_names(notes: Iterable[Conversation]) -> dict[str, str]:
    """How each organizer is shown, by `name_key`: the spelling the notes use
    most often, trimmed (of spellings used as often, the first written), so
    that every list groups one person's calls under one heading."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for note in sorted(notes, key=_order):
        for _, name in written_names(note):
            spellings[name_key(name)][" ".join(name.split())] += 1
    # most_common keeps the first-seen order among equal counts.
    return {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}


def organizers(corpus: Corpus) -> dict[str, str]:
    """`shown_names` of every note, once per corpus: the same in the list,
    the chart, the calendar, the dashboard and lint's name-spelling."""
    return corpus.memo("shown-names", lambda: shown_names(corpus.all_everywhere(Conversation)))


def _order(note: Conversation) -> tuple[dt.date, str, int]:
    """Oldest first: by date, then, on one day, in the order the notes were
    written: `aotext note` names a second note of the same day, person and
    organizer ...-sam-2.md, which the names alone put before ...-sam.md."""
    path = note.path
    stem = path.removesuffix(".age").removesuffix(".md")
    base, dash, number = stem.rpartition("-")
    if dash and number.isdigit():
        return note.date or dt.date.min, base + path[len(stem):], int(number)
    return note.date or dt.date.min, path, 1


def people(notes: Iterable[Conversation]) -> list[Person]:
    """Everyone the dated notes with a pseudonym are about, by the rule above.
    Notes without a date or pseudonym are left out (lint reports them)."""
    tagged: dict[str, list[Conversation]] = {}
    untagged: dict[tuple[str, str | None], list[_Chain]] = {}
    for note in sorted(notes, key=_order):
        if note.date is None or note.pseudonym is None:
            continue
        if note.person:
            tagged.setdefault(note.person.casefold(), []).append(note)
            continue
        chains = untagged.setdefault((note.pseudonym.casefold(), note.scenario), [])
        held = [chain for chain in chains if name_key(note.owner) in chain.holders]
        if held:  # the owner holds two people of this pseudonym: the one seen most recently
            max(held, key=lambda chain: _order(chain.notes[-1])).add(note)
        else:
            chains.append(_Chain([]))
            chains[-1].add(note)
    found = [Person(tuple(group), True) for group in tagged.values()]
    found += [Person(tuple(chain.notes), False) for chains in untagged.values() for chain in chains]
    return sorted(found, key=lambda person: _order(person.notes[0]))
