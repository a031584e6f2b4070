"""The questions of `aotext log PLAN`, asked after a reflection meeting:
each benchmark with where it stands, then the workshop's reflection
questions. They fill the answers that --answers FILE and the options give;
log.py checks them all the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from aotext.corpus import Corpus
from aotext.documents.types.plan import Plan, ScaleBenchmark
from aotext.documents.types.reflection import REFLECTION_QUESTIONS
from aotext.entry.dates import DateError, resolve, shown
from aotext.entry.log import measurement_problem, people_in_logs
from aotext.entry.prompts import Asker, schema_help
from aotext.summary_model import PlanSummary
from aotext.summary_report import shown as value_text
from aotext.summary_report import target_text

SKIP = ""
# What '?' says where the schema's words are about the file (ids, null): here,
# in the terms of the question asked.
_SAID_HERE = {
    "measurements.value": "The number counted at this meeting, as the question says. Enter skips it when it was not "
                          "counted: a skipped benchmark writes nothing.",
    "measurements.level": "The answer the group gave at this meeting, or '(skip: not measured)' when the question was "
                          "not asked: a skipped benchmark writes nothing.",
    "changes.to": "The part of the plan the change is about: a goal, a strategy, a tactic or a benchmark; or none in "
                  "particular.",
}


def _standing(summary: PlanSummary, benchmark_id: str) -> str:
    found = next((b for b in summary.benchmarks if b.id == benchmark_id), None)
    if found is None:
        return ""
    return (f"  target {target_text(found)}; now {value_text(found.current)}; expected by now "
            f"{value_text(found.expected)}; {found.status}")


def ask_log(plan: Plan, summary: PlanSummary, corpus: Corpus, today: dt.date,
            given: Mapping[str, Any]) -> dict[str, Any]:
    ask = Asker({**schema_help("reflection"), **_SAID_HERE})
    answers: dict[str, Any] = dict(given)
    ask.say(f"The log of a reflection meeting for {plan.title}. Type ? for help; Ctrl-C stops without writing.")

    def date_check(answer: str) -> str | None:
        try:
            day = resolve(answer, today)
        except DateError as error:
            return str(error)
        return f"{day} is after today; log a meeting once it has been held" if day > today else None

    day = ask.text("date", "When was the meeting?", str(given.get("date") or ""), date_check, suggested="today")
    answers["date"] = resolve(day, today)
    ask.say(f"  {shown(answers['date'], today)}")
    ask.say("\nVisit the benchmarks: what did you measure? Enter skips one; a skipped benchmark writes nothing.")
    measured = dict(given.get("measurements") or {})
    for benchmark in plan.benchmarks:
        if not benchmark.id:
            continue
        ask.say(f"\n{benchmark.title}\n{_standing(summary, benchmark.id)}")
        if isinstance(benchmark, ScaleBenchmark):
            question = benchmark.question or benchmark.title
            level = ask.select("measurements.level", f"{question} (the answer now)",
                               [*((level, level) for level in benchmark.scale), ("(skip: not measured)", SKIP)],
                               measured.get(benchmark.id) or SKIP)
            measured[benchmark.id] = level
        else:
            how = "newly counted since the last log" if benchmark.adds_up else "the count now"
            unit = benchmark.unit or "a number"

            def check(answer: str, benchmark: Any = benchmark) -> str | None:
                return measurement_problem(benchmark, answer) if answer else None

            measured[benchmark.id] = ask.text("measurements.value", f"{unit.capitalize()}, {how} (Enter to skip):",
                                              str(measured.get(benchmark.id) or ""), check)
    answers["measurements"] = {key: value for key, value in measured.items() if value not in (None, SKIP)}
    ask.say("")
    answers["celebrate"] = ask.many("celebrate", "What do you celebrate? Benchmarks met, actions, skills, new members.",
                                    given.get("celebrate") or ())
    answers["skills_practised"] = ask.many("skills_practised", "A skill the group practised or developed.",
                                           given.get("skills_practised") or ())
    members = []
    names = people_in_logs(corpus)
    while name := ask.text("new_members.name", "A new member's name (Enter when done):", choices=names):
        task = ask.text("new_members.first_task", f"{name}'s first task (a discrete task, not a huge project):",
                        check=lambda answer: None if answer else "give a first task")
        partner = ask.text("new_members.paired_with", f"Who is {name} paired with? (Enter for nobody yet)",
                           choices=names)
        members.append({"name": name, "first_task": task, "paired_with": partner})
    answers["new_members"] = members
    ask.say("\nRevisit goals, strategy and tactics.")
    for key, question in REFLECTION_QUESTIONS.items():
        answers[key] = ask.text(f"answers.{key}", f"{question} (Enter to skip)", str(given.get(key) or ""))
    changes = []
    parts = [(f"{part.kind}: {part.title}", part.id) for part in plan.parts if part.id]
    while change := ask.text("changes.change", "A change to your goals, strategy or tactics (Enter when done):"):
        to = ask.select("changes.to", "Which part of the plan does it change?", [*parts, ("(none in particular)", SKIP)])
        changes.append({"change": change, "to": to or None})
    answers["changes"] = changes
    answers["notes"] = ask.text("notes", "Anything else from the meeting? (one line; Enter to skip)",
                                str(given.get("notes") or ""))
    return answers
