"""Rules for the workshop itself: modules fit their time and order, and the
worksheet's questions are numbered 1..N and all used."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from aotext.corpus import Corpus
from aotext.documents.types.module import Module
from aotext.documents.types.question import Question
from aotext.rules.base import Finding, rule


@rule("module-overtime", "a module whose activities take more minutes than the module has")
def module_overtime(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    for module in corpus.all(Module):
        used = sum(activity.minutes or 0 for activity in module.activities)
        if module.minutes is not None and used > module.minutes:
            yield module.source, ("minutes",), (
                f"the activities take {used} minutes but the module has {module.minutes}: "
                "shorten the activities or give the module more time"
            )


@rule("module-order", "two modules share the same 'order', so the agenda is ambiguous")
def module_order(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    first: dict[int, str] = {}
    for module in corpus.all(Module):
        if module.order is None:
            continue
        if module.order in first:
            yield module.source, ("order",), (
                f"order {module.order} is already taken by {first[module.order]}; give each module its own place")
        else:
            first[module.order] = module.path


@rule("worksheet-numbering", "worksheet questions that are not numbered 1, 2, 3 ... without gaps or repeats")
def worksheet_numbering(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    by_number: dict[int, list[Question]] = defaultdict(list)
    for question in corpus.all(Question):
        if question.number is not None:
            by_number[question.number].append(question)
    for number, questions in sorted(by_number.items()):
        for question in questions[1:]:
            yield question.source, ("number",), f"question {number} is also {questions[0].path}; number each question once"
    expected = 1
    for number, questions in sorted(by_number.items()):
        if number != expected:
            missing = f"{expected}" if number == expected + 1 else f"{expected} to {number - 1}"
            yield questions[0].source, ("number",), (
                f"questions jump to {number}: question {missing} is missing; number them 1, 2, 3 ... with no gaps")
        expected = number + 1


@rule("question-unused", "a worksheet question that no module's activity uses")
def question_unused(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    questions = corpus.all(Question)
    if not questions:
        return  # and read no module: an edit elsewhere need not
    used = {number for module in corpus.all_everywhere(Module) for activity in module.activities for number in activity.questions}
    for question in questions:
        if question.number is not None and question.number not in used:
            yield question.source, ("number",), (
                f"no activity uses question {question.number}: add {question.number} to the 'questions:' of the "
                "activity where participants answer it, or remove the question"
            )
