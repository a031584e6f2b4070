"""Rules for conversation notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from aotext.corpus import Corpus
from aotext.documents.types.conversation import Conversation
from aotext.rules.base import Finding, rule


@rule("followup-before-conversation", "a follow-up dated before the conversation it follows")
def followup_before_conversation(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for note in corpus.all(Conversation):
        due = note.follow_up.date if note.follow_up else None
        if note.date and due and due < note.date:
            yield note.source, ("follow_up", "date"), (
                f"the follow-up ({due}) is dated before the conversation ({note.date}); check both dates"
            )
