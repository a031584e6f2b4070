"""Rules for conversation notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from aotext.corpus import Corpus
from aotext.model import parse_date
from aotext.rules.base import Finding, rule


@rule("followup-before-conversation", "a follow-up dated before the conversation it follows")
def followup_before_conversation(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for note in corpus.of_type("conversation"):
        follow_up = note.data.get("follow_up")
        if not isinstance(follow_up, dict):
            continue
        held, due = parse_date(note.data.get("date")), parse_date(follow_up.get("date"))
        if held and due and due < held:
            yield note, ("follow_up", "date"), (
                f"the follow-up ({due}) is dated before the conversation ({held}); check both dates"
            )
