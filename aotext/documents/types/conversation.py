"""Notes after a one-on-one (talking politics): private by default, since
they are about real people. Known by a pseudonym only."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal, get_args

from aotext.documents import fields
from aotext.documents.records import record
from aotext.documents.types.base import (
    DocumentType,
    NewRequest,
    Reference,
    Template,
    View,
    one_of,
    quote,
    slug,
)
from aotext.documents.types.plan import Plan
from aotext.documents.types.scenario import Scenario
from aotext.errors import UsageError
from aotext.model import KeyPath

if TYPE_CHECKING:
    from aotext.corpus import Corpus
    from aotext.documents.document import Document

Assessment = Literal["leader", "supporter", "undecided", "pass"]
ASSESSMENTS: tuple[Assessment, ...] = get_args(Assessment)
# The five steps of talking politics, in order, each with the workshop's one-line reminder.
STEP_REMINDERS = {
    "get-in-the-door": "Start the conversation: a statement about the issue at hand, or a question, "
                       "rather than asking for their time.",
    "get-their-story": "Listen: what are they angry about, what do they think is right and wrong, and where "
                       "does their story contradict itself?",
    "propose-a-vision": "Restate their story in a larger political context, and offer how things could be "
                        "if we worked together.",
    "address-obstacles": "Humbly talk through what stands in the way; their fears are legitimate, so respect them.",
    "advocate-and-assess": "Ask them to act and to commit; afterwards, assess how much energy to put into "
                           "the relationship.",
}
STEPS = tuple(STEP_REMINDERS)
# What each assessment means, as the workshop's last step asks it.
ASSESSMENT_MEANINGS: dict[Assessment, str] = {
    "leader": "a potential leader: worth the most time and energy",
    "supporter": "a supporter: will take part; keep them close",
    "undecided": "undecided: keep in touch, since things change and so do people",
    "pass": "a pass: no more energy for now",
}


@record
class FollowUpPlan:
    date: dt.date | None
    owner: str | None  # who makes the call, when not the note's owner
    how: str | None


@record
class Conversation(View):
    type_name = "conversation"
    date: dt.date | None
    pseudonym: str | None
    person: str | None  # the same in every note about one person, when the note says (see aotext.people)
    owner: str | None
    scenario: str | None
    plan: str | None
    where: str | None
    steps_reached: tuple[str, ...]
    assessment: Assessment | None
    ask: str | None
    commitment: str | None
    follow_up: FollowUpPlan | None


def read(document: Document) -> Conversation:
    data = document.data
    follow_up = data.get("follow_up")
    assessment = data.get("assessment")
    return Conversation(
        source=document, id=fields.text(data, "id"), date=fields.date(data, "date"),
        pseudonym=_stripped(fields.text(data, "pseudonym")), person=_stripped(fields.text(data, "person")),
        owner=_stripped(fields.text(data, "owner")),
        scenario=fields.text(data, "scenario"), plan=fields.text(data, "plan"), where=fields.text(data, "where"),
        steps_reached=fields.texts(data, "steps_reached"),
        assessment=next((level for level in ASSESSMENTS if level == assessment), None),
        ask=_stripped(fields.text(data, "ask")), commitment=_stripped(fields.text(data, "commitment")),
        follow_up=FollowUpPlan(date=fields.date(follow_up, "date"), owner=_stripped(fields.text(follow_up, "owner")),
                               how=fields.text(follow_up, "how")) if isinstance(follow_up, dict) else None,
    )


def _stripped(value: str | None) -> str | None:
    return value.strip() if value else None


_SAYS: dict[KeyPath, str] = {
    ("ask",): "What you asked them to do.",
    ("commitment",): "What they committed to, in their words if you can.",
    ("follow_up", "how"): "Coffee, a meeting, a call. In person is almost always better.",
}


def _lines(request: NewRequest, corpus: Corpus, document_id: str) -> list[str]:
    if not request.owner:
        raise UsageError("say who had the conversation with --owner NAME")
    if not (request.pseudonym or "").strip():
        raise UsageError("give a pseudonym with --pseudonym NAME (never a real name)")
    lines = [
        "type: conversation", f"id: {document_id}", "private: true  # conversation notes never reach a handout or summary",
        f"date: {request.today}", f"pseudonym: {quote(request.pseudonym or '')}  # never their real name",
        f"owner: {quote(request.owner)}",
    ]
    if request.scenario:
        lines.append(f"scenario: {one_of(corpus, Scenario, request.scenario, '--scenario').id}")
    if request.plan:
        lines.append(f"plan: {one_of(corpus, Plan, request.plan, '--plan').id}")
    lines += [
        f"steps_reached: []  # {', '.join(STEPS)}",
        f"assessment: undecided  # {', '.join(ASSESSMENTS[:-1])} or {ASSESSMENTS[-1]}",
        f"ask: {_SAYS['ask',]}", f"commitment: {_SAYS['commitment',]}",
        "follow_up:",
        f"  date: {request.today + dt.timedelta(days=7)}",
        f"  how: {_SAYS['follow_up', 'how']}",
    ]
    return lines


def note_id(day: dt.date, pseudonym: str, owner: str) -> str:
    """A plain note's id (before a number makes it unique), for aotext new and
    aotext note alike: 2026-12-05-rosa-sam. The owner is in it because two
    organizers, each in their own clone, may note the same pseudonym on the
    same day: without it their files would share a name, and git's pull would
    merge two people's notes into one. (An encrypted note's id tells only its
    date and a random part: see aotext.crypto.names.anonymous_id.)"""
    # Slugged again so that the two together keep to one slug's 60 characters (an id may have 80).
    return f"{day.isoformat()}-{slug(slug(pseudonym) + '-' + slug(owner))}"


def _base_id(request: NewRequest, corpus: Corpus) -> str:
    return note_id(request.today, request.pseudonym or "someone", request.owner or "")


TYPE = DocumentType(
    view=Conversation, read=read, rank=6, folder="conversations",
    description="private notes after a one-on-one: pseudonym, assessment, the ask, the follow-up",
    template=Template(_lines, _base_id, asks=(("Pseudonym (never a real name)", "--pseudonym"),), placeholders=_SAYS),
    private_by_default=True,
    references=(Reference("scenario", "scenario"), Reference("plan", "plan")),
)
