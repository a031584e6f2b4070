"""Rules for the workshop itself: modules fit their time and order, and the
worksheet's questions are numbered 1..N and all used."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from aotext.corpus import Corpus, entries
from aotext.rules.base import Finding, rule


@rule("module-overtime", "a module whose activities take more minutes than the module has")
def module_overtime(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for module in corpus.of_type("module"):
        minutes = module.data.get("minutes")
        used = sum(a["minutes"] for _, a in entries(module.data, "activities") if isinstance(a.get("minutes"), int))
        if isinstance(minutes, int) and used > minutes:
            yield module, ("minutes",), (
                f"the activities take {used} minutes but the module has {minutes}: "
                "shorten the activities or give the module more time"
            )


@rule("module-order", "two modules share the same 'order', so the agenda is ambiguous")
def module_order(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    first: dict[int, str] = {}
    for module in corpus.of_type("module"):
        order = module.data.get("order")
        if not isinstance(order, int):
            continue
        if order in first:
            yield module, ("order",), f"order {order} is already taken by {first[order]}; give each module its own place"
        else:
            first[order] = module.path


@rule("worksheet-numbering", "worksheet questions that are not numbered 1, 2, 3 ... without gaps or repeats")
def worksheet_numbering(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    by_number = defaultdict(list)
    for question in corpus.of_type("question"):
        number = question.data.get("number")
        if isinstance(number, int) and not isinstance(number, bool):
            by_number[number].append(question)
    for number, questions in sorted(by_number.items()):
        for question in questions[1:]:
            yield question, ("number",), f"question {number} is also {questions[0].path}; number each question once"
    expected = 1
    for number, questions in sorted(by_number.items()):
        if number != expected:
            missing = f"{expected}" if number == expected + 1 else f"{expected} to {number - 1}"
            yield questions[0], ("number",), f"questions jump to {number}: question {missing} is missing; number them 1, 2, 3 ... with no gaps"
        expected = number + 1


@rule("question-unused", "a worksheet question that no module's activity uses")
def question_unused(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    used = {
        number
        for module in corpus.of_type("module")
        for _, activity in entries(module.data, "activities")
        for number in (activity.get("questions") if isinstance(activity.get("questions"), list) else [])
    }
    for question in corpus.of_type("question"):
        number = question.data.get("number")
        if isinstance(number, int) and number not in used:
            yield question, ("number",), (
                f"no activity uses question {number}: add {number} to the 'questions:' of the activity where "
                "participants answer it, or remove the question"
            )
