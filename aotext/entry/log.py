"""`aotext log PLAN`: a reflection meeting's log, from answers (typed at
the prompts, or given in a file or as options), written so that it lints
clean, and what it changed in the plan's summary.

A benchmark left unanswered writes nothing, so it never moves "last
measured"; an answer is checked against the benchmark (a number for a
count, a level on its scale for a question) before anything is written."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from aotext.corpus import Corpus
from aotext.documents.records import frozen
from aotext.documents.types.plan import NumericBenchmark, Plan, ScaleBenchmark
from aotext.documents.types.reflection import REFLECTION_QUESTIONS, Reflection
from aotext.entry.answers import unexpected
from aotext.entry.dates import DateError, resolve
from aotext.entry.write import new_id, write_document
from aotext.errors import UsageError
from aotext.summary_model import PlanSummary
from aotext.words import did_you_mean, number

# Past this, a float no longer holds every whole number: a count typed larger would be written as another.
_LARGEST_COUNT = 2 ** 53


@frozen
class NewMember:
    name: str
    first_task: str
    paired_with: str | None = None


@frozen
class LogAnswers:
    plan: str
    date: dt.date
    measurements: tuple[tuple[str, float | str], ...] = ()  # (benchmark id, a number or a level)
    celebrate: tuple[str, ...] = ()
    skills_practised: tuple[str, ...] = ()
    new_members: tuple[NewMember, ...] = ()
    answers: dict[str, str] = field(default_factory=dict)  # the reflection questions' keys
    changes: tuple[tuple[str | None, str], ...] = ()  # (the part it changes, what changed)
    notes: str = ""


def measurement_problem(benchmark: NumericBenchmark | ScaleBenchmark, answer: str) -> str | None:
    """What is wrong with an answer for this benchmark, or None."""
    if isinstance(benchmark, ScaleBenchmark):
        return None if answer in benchmark.scale else f"answer one of: {', '.join(benchmark.scale)}"
    try:
        value = float(answer)
    except ValueError:
        return f"give a number{f' of {benchmark.unit}' if benchmark.unit else ''}, like 3"
    if not math.isfinite(value) or value > _LARGEST_COUNT:  # inf, nan, 1e999; a count past exact numbers
        return f"give a number{f' of {benchmark.unit}' if benchmark.unit else ''} that can be counted, like 3"
    return None if value >= 0 else "give a number of 0 or more"


def _list(value: Any) -> list[Any]:
    if value in (None, ""):
        return []
    return [value] if isinstance(value, str | Mapping) else list(value)


def people_in_logs(corpus: Corpus) -> list[str]:
    """Everyone the logs name as a new member or a partner, for completion."""
    names = {name for log in corpus.all(Reflection) for member in log.new_members
             for name in (member.name, member.paired_with) if name}
    return sorted(names, key=str.casefold)


# The answers a log takes, and those of one line of text.
_LINES = ("date", "notes", *REFLECTION_QUESTIONS)
_ANSWERS = frozenset({*_LINES, "measurements", "celebrate", "skills_practised", "new_members", "changes"})
_MEMBER = ("name", "first_task", "paired_with")
_CHANGE = ("change", "to")


def log_answers(raw: Mapping[str, Any], plan: Plan, today: dt.date) -> LogAnswers:
    """The answers checked against the plan; UsageError naming every wrong one (nothing is written)."""
    problems = unexpected(raw, _ANSWERS, _LINES)
    for key, keys in (("new_members", _MEMBER), ("changes", _CHANGE)):
        for place, item in enumerate(_list(raw.get(key)), start=1):
            if isinstance(item, Mapping):
                problems += unexpected(item, keys, keys, f"{key} {place}: ")
    for key in ("celebrate", "skills_practised"):
        if any(isinstance(item, (list, Mapping)) for item in _list(raw.get(key))):
            problems.append(f"{key}: give each as one line of text")
    try:
        day = resolve(str(raw.get("date") or "today"), today)
    except DateError as error:
        problems.append(f"--date: {error}")
        day = today
    if day > today:
        problems.append(f"--date: {day} is after today; log a meeting once it has been held")
    measured: list[tuple[str, float | str]] = []
    given = raw.get("measurements") or {}
    if not isinstance(given, Mapping):
        problems.append("measurements: give them as 'benchmark-id: value' lines")
        given = {}
    ids = [benchmark.id for benchmark in plan.benchmarks if benchmark.id]
    for benchmark_id, value in given.items():
        benchmark = plan.benchmark(str(benchmark_id))
        answer = "" if value is None else str(value).strip()
        if benchmark is None:
            problems.append(f"--measure: the plan has no benchmark '{benchmark_id}'{did_you_mean(str(benchmark_id), ids)}")
        elif answer and (problem := measurement_problem(benchmark, answer)):
            problems.append(f"--measure {benchmark_id}: '{answer}': {problem}")
        elif answer:
            measured.append((str(benchmark_id), answer if isinstance(benchmark, ScaleBenchmark) else float(answer)))
    members = []
    for place, item in enumerate(_list(raw.get("new_members")), start=1):
        name = str(item.get("name") or "").strip() if isinstance(item, Mapping) else ""
        task = str(item.get("first_task") or "").strip() if isinstance(item, Mapping) else ""
        if not name or not task:
            problems.append(f"new_members {place}: give a name and a first_task (a discrete task) for each")
            continue
        members.append(NewMember(name, task, str(item.get("paired_with") or "").strip() or None))
    parts = {part.id for part in plan.parts if part.id}
    changes: list[tuple[str | None, str]] = []
    for place, item in enumerate(_list(raw.get("changes")), start=1):
        what = str(item.get("change") if isinstance(item, Mapping) else item or "").strip()
        to = str(item.get("to") or "").strip() or None if isinstance(item, Mapping) else None
        if to and to not in parts:
            problems.append(f"changes {place}: the plan has no goal, strategy, tactic or benchmark '{to}'"
                            f"{did_you_mean(to, parts)}")
        elif what:
            changes.append((to, what))
    if problems:
        raise UsageError("; ".join(problems))
    return LogAnswers(
        plan=plan.id or "", date=day, measurements=tuple(measured),
        celebrate=tuple(str(item).strip() for item in _list(raw.get("celebrate")) if str(item).strip()),
        skills_practised=tuple(str(item).strip() for item in _list(raw.get("skills_practised")) if str(item).strip()),
        new_members=tuple(members),
        answers={key: text for key in REFLECTION_QUESTIONS if (text := str(raw.get(key) or "").strip())},
        changes=tuple(changes), notes=str(raw.get("notes") or "").strip(),
    )


def log_data(answers: LogAnswers, corpus: Corpus) -> dict[str, Any]:
    """The log's front matter; what was not answered is left out."""
    data: dict[str, Any] = {"type": "reflection", "id": new_id(answers.date, answers.plan, corpus),
                            "plan": answers.plan, "date": answers.date}
    if answers.measurements:
        data["measurements"] = [{"benchmark": benchmark, "level" if isinstance(value, str) else "value":
                                 value if isinstance(value, str) else (int(value) if value.is_integer() else value)}
                                for benchmark, value in answers.measurements]
    if answers.answers:
        data["answers"] = dict(answers.answers)
    if answers.changes:
        data["changes"] = [{**({"to": to} if to else {}), "change": what} for to, what in answers.changes]
    for key in ("celebrate", "skills_practised"):
        if values := getattr(answers, key):
            data[key] = list(values)
    if answers.new_members:
        data["new_members"] = [{"name": member.name, "first_task": member.first_task,
                                **({"paired_with": member.paired_with} if member.paired_with else {})}
                               for member in answers.new_members]
    return data


def write_log(answers: LogAnswers, corpus: Corpus, content: Path, schemas: Path) -> Path:
    return write_document("reflection", log_data(answers, corpus), answers.notes, content, schemas)


def _value(value: float | str | None, unit: str | None) -> str:
    if value is None:
        return "nothing measured"
    return value if isinstance(value, str) else f"{number(value)}{f' {unit}' if unit else ''}"


def summary_changes(before: PlanSummary, after: PlanSummary) -> list[str]:
    """What the new log changed, benchmark by benchmark, in words."""
    earlier = {benchmark.id: benchmark for benchmark in before.benchmarks}
    lines = []
    for now in after.benchmarks:
        was = earlier.get(now.id)
        if was is None or (was.status == now.status and was.current == now.current):
            continue
        if was.status != now.status:
            line = f"{now.title}: {was.status} → {now.status}."
            line += " Celebrate it." if now.status == "met" else ""
            line += f' If we miss it, we said: "{now.if_missed}"' if now.status in ("behind", "overdue") and \
                now.if_missed else ""
        else:
            line = f"{now.title}: {_value(was.current, was.unit)} → {_value(now.current, now.unit)} ({now.status})."
        lines.append(line)
    return lines
