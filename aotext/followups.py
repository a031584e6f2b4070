"""Who needs a follow-up call, and the organizing chart: pure functions of
the conversation notes and an as-of date.

Which notes are about one person is aotext.people's rule: the notes'
`person:` id when they give one, else the pseudonym and scenario, carried
from organizer to organizer by the follow-up's owner. Only a person's
newest note counts: its follow-up is the one that is due, and any earlier
follow-up was answered by that newer conversation."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping

from aotext.corpus import Corpus
from aotext.documents.records import frozen
from aotext.documents.types.conversation import ASSESSMENTS, Assessment, Conversation
from aotext.handouts.labels import ENGLISH, days_words
from aotext.people import name_key, organizers, people

# The documents the follow-ups read: one of another type with errors leaves nothing out of them.
READ_TYPES = frozenset({Conversation.type_name})
RECENT_DAYS = 30
NO_OWNER = "(no owner)"  # how a list names the owner of notes that name nobody
NO_SCENARIO = "(no scenario)"  # how the organizing chart names the row of notes that name no scenario
# Days between contacts by assessment (None: never); the project's, or aotext.project.DEFAULT_CADENCE.
Cadence = Mapping[str, int | None]


@frozen
class FollowUp:
    """A follow-up call someone is due: who, when, and what was asked and promised at the last conversation."""

    pseudonym: str
    person: str | None  # the notes' `person:` id, when they give one
    owner: str | None  # who makes the call: the follow-up's owner, else the note's; None when neither says
    due: dt.date
    days_overdue: int  # negative: days until it is due
    assessment: Assessment | None
    ask: str | None
    commitment: str | None
    how: str | None
    last_contact: dt.date
    conversation: str  # the id of the newest note
    path: str
    notes: str  # the note's body: shown only when asked for
    by_cadence: bool = False  # due by the assessment's cadence: no follow-up date was written

    @property
    def when(self) -> str:
        return self.when_words()

    def when_words(self, words: Mapping[str, str] = ENGLISH) -> str:
        """How late or how soon the call is due: '3 days overdue', 'due today', 'due in 1 day'."""
        return days_words(self.days_overdue, words, "due today", "overdue by", "due in")

    @property
    def cadence(self) -> str | None:
        return self.cadence_words()

    def cadence_words(self, words: Mapping[str, str] = ENGLISH) -> str | None:
        """Why it is due when no follow-up date was written: 'no contact for 34 days; leaders every 14'
        (due one cadence after the last contact)."""
        if not self.by_cadence:
            return None
        every = (self.due - self.last_contact).days
        return words["no contact for"].format(days=every + self.days_overdue,
                                              people=words[f"cadence of:{self.assessment}"], every=every)


def latest_notes(corpus: Corpus, until: dt.date,
                 scenarios: frozenset[str] | None = None) -> list[tuple[dt.date, Conversation]]:
    """Each person's newest conversation note on or before `until`, with its
    date: a note written later has not happened yet as of that day. With
    `scenarios`, only the people met in those scenarios."""
    def latest() -> list[tuple[dt.date, Conversation]]:
        held = [note for note in corpus.all(Conversation) if note.date is not None and note.date <= until
                and (scenarios is None or note.scenario in scenarios)]
        return [(note.date, note) for person in people(held) if (note := person.latest).date is not None]

    # Once per corpus: the dashboard lists both who is due and the organizing chart.
    return corpus.memo(("latest-notes", until, scenarios), latest)


@frozen
class Due:
    """The follow-ups due as of a day, as every report of them prints them."""

    as_of: dt.date
    followups: tuple[FollowUp, ...]
    include_notes: bool = False  # the notes' text is private: shown only when asked for


def _by_cadence(note: Conversation, held: dt.date, cadence: Cadence) -> dt.date | None:
    """When a person is due by their assessment's cadence, counted from their
    last conversation with anyone; None when their level has none."""
    days = cadence.get(note.assessment) if note.assessment else None
    return held + dt.timedelta(days=days) if days is not None else None


def past_cadence(note: Conversation, held: dt.date, as_of: dt.date, cadence: Cadence) -> bool:
    """Whether the last conversation is older than the person's level's cadence."""
    due = _by_cadence(note, held, cadence)
    return due is not None and due < as_of


def caller(note: Conversation) -> str | None:
    """Who makes the call after a conversation: its follow-up's owner, else the note's."""
    return (note.follow_up.owner if note.follow_up else None) or note.owner


def _shown(corpus: Corpus, name: str | None) -> str | None:
    return organizers(corpus).get(name_key(name)) if name else None


def callers(corpus: Corpus) -> list[str]:
    """Everyone the notes name as making a call, each once, as shown."""
    found = {shown for note in corpus.all(Conversation) if (shown := _shown(corpus, caller(note)))}
    return sorted(found, key=str.casefold)


def due_followups(corpus: Corpus, as_of: dt.date, within_days: int = 7, owner: str | None = None,
                  scenarios: frozenset[str] | None = None, cadence: Cadence | None = None) -> list[FollowUp]:
    """Follow-ups overdue, due today, or due within `within_days`, by owner then oldest first.
    A written follow-up date is the one that counts (the group chose it);
    without one, the person is due by their assessment's `cadence`."""
    found = []
    for held, note in latest_notes(corpus, as_of, scenarios):
        written = note.follow_up.date if note.follow_up is not None else None
        due = written or _by_cadence(note, held, cadence or {})
        if due is None or (due - as_of).days > within_days:
            continue  # nothing planned and no cadence (a pass, say), or not yet due
        calls = _shown(corpus, caller(note))
        if owner and name_key(calls) != name_key(owner):
            continue
        found.append(FollowUp(
            pseudonym=note.pseudonym or "?", person=note.person, owner=calls, due=due, days_overdue=(as_of - due).days,
            assessment=note.assessment, ask=note.ask, commitment=note.commitment,
            how=note.follow_up.how if note.follow_up else None, last_contact=held, conversation=note.id or note.path,
            path=note.path, notes=note.source.body.strip(), by_cadence=written is None,
        ))
    # Follow-ups nobody makes come last, under NO_OWNER.
    return sorted(found, key=lambda f: (f.owner is None, name_key(f.owner), f.due, f.pseudonym.casefold()))


@frozen
class ChartRow:
    """One owner's or one scenario's people, by their latest assessment."""

    group: str
    counts: dict[str, int]
    contacted_recently: int
    not_contacted: tuple[str, ...]  # pseudonyms with no contact for longer than RECENT_DAYS
    past_cadence: int = 0  # people whose last contact is older than their assessment's cadence

    @property
    def people(self) -> int:
        return sum(self.counts.values())


@frozen
class OrganizingChart:
    """The organizing chart: the people met, by their latest assessment, by organizer, by scenario and in all."""

    as_of: dt.date
    by_owner: tuple[ChartRow, ...]
    by_scenario: tuple[ChartRow, ...]
    total: ChartRow


def _row(group: str, notes: list[tuple[dt.date, Conversation]], as_of: dt.date, cadence: Cadence) -> ChartRow:
    counts = Counter(note.assessment for _, note in notes)
    recent = [(as_of - held).days <= RECENT_DAYS for held, _ in notes]
    stale = sorted((note.pseudonym or "?" for (_, note), fresh in zip(notes, recent, strict=True) if not fresh),
                   key=str.casefold)
    late = sum(past_cadence(note, held, as_of, cadence) for held, note in notes)
    return ChartRow(group, {name: counts[name] for name in ASSESSMENTS}, sum(recent), tuple(stale), late)


def organizing_chart(corpus: Corpus, as_of: dt.date, scenarios: frozenset[str] | None = None,
                     cadence: Cadence | None = None) -> OrganizingChart:
    """The at-a-glance view organizers keep in a spreadsheet: pseudonyms only."""
    notes = latest_notes(corpus, as_of, scenarios)
    by_owner: dict[str, list[tuple[dt.date, Conversation]]] = defaultdict(list)
    by_scenario: dict[str, list[tuple[dt.date, Conversation]]] = defaultdict(list)
    for held, note in notes:
        by_owner[_shown(corpus, note.owner) or NO_OWNER].append((held, note))
        by_scenario[note.scenario or NO_SCENARIO].append((held, note))
    every = cadence or {}
    return OrganizingChart(
        as_of,
        tuple(_row(name, group, as_of, every)
              for name, group in sorted(by_owner.items(), key=lambda item: item[0].casefold())),
        tuple(_row(name, group, as_of, every) for name, group in sorted(by_scenario.items())),
        _row("everyone", notes, as_of, every),
    )
