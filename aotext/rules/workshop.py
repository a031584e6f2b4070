"""Rules for the workshop itself: modules fit their time and order, and the
worksheet's questions are numbered 1..N, all used, each in the module that
uses it, and numbered in the order the worksheet prints them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from aotext.corpus import Corpus
from aotext.documents.types.module import Module, ordered_modules
from aotext.documents.types.question import Question, worksheet_order
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


@rule("question-module", "a worksheet question whose 'module:' is not the module whose activity uses it")
def question_module(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    questions = corpus.all(Question)
    if not questions:
        return
    users: dict[int, list[str]] = defaultdict(list)
    for module in corpus.all(Module):
        for number in {number for activity in module.activities for number in activity.questions}:
            users[number].append(module.id or module.path)
    for question in questions:
        using = users.get(question.number) if question.number is not None else None
        if using and question.module not in using:
            yield question.source, ("module",), (
                f"question {question.number} is used by module {' and '.join(repr(u) for u in using)}, but says "
                f"'module: {question.module}', so the worksheet prints it under the wrong heading: write "
                f"'module: {using[0]}'")


@rule("worksheet-order", "worksheet questions not numbered in the order of their modules, so the worksheet prints them out of order")
def worksheet_order_rule(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    questions = [question for question in corpus.all(Question) if question.number is not None]
    if not questions:
        return
    modules = ordered_modules(corpus.all(Module))
    place = {module.id: index for index, module in enumerate(modules)}
    printed = ", ".join(_runs([q.number or 0 for q in worksheet_order(questions, modules)]))
    latest: Question | None = None  # of the questions numbered so far, the one of the latest module
    for question in sorted(questions, key=lambda q: q.number or 0):
        if question.module not in place:
            continue  # unknown-reference says so
        if latest is not None and place[question.module] < place[latest.module]:
            yield question.source, ("number",), (
                f"question {question.number} is in module '{question.module}', which comes before module "
                f"'{latest.module}' of question {latest.number}, and the worksheet prints the questions module by "
                f"module, so it would run {printed}: number the questions in the order of their modules (each "
                "question's 'number:' and the 'questions:' of the activities that use it)")
        elif latest is None or place[question.module] > place[latest.module]:
            latest = question


def _runs(numbers: list[int]) -> list[str]:
    """[1, 2, 3, 13, 9, 10] -> ['1-3', '13', '9-10']."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return [f"{run[0]}-{run[-1]}" if len(run) > 1 else f"{run[0]}" for run in runs]
