"""Every word aotext itself prints in a handout or on the dashboard, in
each language a project can choose with `lang:` (English and Spanish ship).
The documents' own text is the collective's to write in their language;
these are the rest: the agenda's headings, the facilitators' label, the page
numbers, the list of contents, the report's headings, status words, notes on
each benchmark and charts, the names of months, the headings of a role card,
the workshop's questions about the terrain that the scenarios answer, the
one-page plan's headings, the columns aotext adds to a sheet, the front page
of the build folder, and the dashboard (its own words are kept by its page,
in aotext/dashboard/labels.py, and added here). The English notes on
benchmarks are also what `aotext summary` prints, whatever the language
(programs read them in its JSON).

A key with a colon is one of a family the layouts look up by a name from
the documents or the summary (`kind:skit`, `card:fears`, `terrain:history`,
`unit:weeks`, `period:month`, `month:11`)."""

from __future__ import annotations

from collections.abc import Mapping

from aotext.agenda import PRESENTATION
from aotext.dashboard import labels as dashboard
from aotext.handouts.labels_es import SPANISH
from aotext.project import Language
from aotext.words import plural

ENGLISH = {
    # The workshop: its agenda, module timings and objectives; the title block and footer of every handout.
    "agenda": "Agenda", "day": "Day", "time": "Time", "minutes": "Minutes", "what": "What",
    "end of day": "End of day", "unplanned time": "Unplanned time", "presentation": PRESENTATION,
    "overrun": "This day runs {minutes} minutes past its end at {end}.",
    "in hand": "The modules end at {finish}, {minutes} minutes before the day's end at {end}: time in hand for "
               "questions, a longer break, or running over.",
    "for facilitators": "For facilitators", "objectives": "What you will take away", "page of": "of",
    "contents": "Contents", "continued": "continued",
    "other questions": "Other questions", "as of": "As of", "ended": ", the plan's last day (it has ended)",
    # The benchmark report.
    "benchmark": "Benchmark", "target": "Target", "current": "Current", "progress": "Progress",
    "expected": "Expected by now", "status": "Status", "trend": "Trend", "last measured": "Last measured",
    "notes": "Notes", "celebrate": "What to celebrate", "if missed": "What we said we would do if we missed",
    "charts": "Each benchmark's charts",
    "chart caption": "Each benchmark's progress (the bar) against the pace expected by now (the dashed line), and "
                     "its measurements over time against the target (the dotted line).",
    "chart continued": "The chart, continued.",
    "charts explained": "The bar is the progress so far against the target (the solid line), the dashed line the "
                        "pace expected by now; beside it, the measurements over time against the target (the "
                        "dotted line).",
    "met": "met", "on track": "on track", "behind": "behind", "overdue": "overdue", "no data": "no data",
    "not started": "not started", "up": "up", "down": "down", "flat": "flat",
    "per period": "a {period}", "not met": "not met",
    # What the report did not count, for one measurement (":1") and for more.
    "left out unknown:1": "Left out 1 measurement that names a benchmark the plan does not have; run aotext lint "
                          "to see it.",
    "left out unknown": "Left out {count} measurements that name a benchmark the plan does not have; run aotext "
                        "lint to see them.",
    "left out after end:1": "Left out 1 measurement counted after the plan ended on {ends}; run aotext lint to see "
                            "it.",
    "left out after end": "Left out {count} measurements counted after the plan ended on {ends}; run aotext lint "
                          "to see them.",
    "left out before start:1": "Left out 1 measurement counted before its benchmark started; run aotext lint to "
                               "see it.",
    "left out before start": "Left out {count} measurements counted before their benchmarks started; run aotext "
                             "lint to see them.",
    # The report's notes on each benchmark (aotext/summary_notes.py writes them), in the words `aotext summary`
    # prints too: what it still needs, how it did in its last periods, why it was missed or cannot be judged.
    "need in days": "need {remaining} more in the {days} days left",
    "need on the last day": "need {remaining} more on the last day",
    "need today": "need {remaining} more today, the last day",
    "after due:1": "1 measurement counted after its due date does not count",
    "after due": "{count} measurements counted after its due date do not count",
    "need by date": "need {remaining} more by {date}, about {rate} a week",
    "move to level": "move from '{current}' to '{goal}' by {date}",
    "this period:week": "this week: {period}", "this period:month": "this month: {period}",
    "this period:quarter": "this quarter: {period}", "this period:year": "this year: {period}",
    "part of period": "{first} to {last}: {target}",
    "record": "met {met} of {periods}", "met last": "met {period}", "missed last": "missed {period}",
    "last period:week": "last week", "last period:month": "last month", "last period:quarter": "last quarter",
    "last period:year": "last year",
    "last periods:week": "the last {count} weeks", "last periods:month": "the last {count} months",
    "last periods:quarter": "the last {count} quarters", "last periods:year": "the last {count} years",
    "missed": "missed: the target was not reached by {date}, {why}",
    "missed period": "missed: the target for {period} was not reached by {date}, {why}",
    "why:due": "its due date", "why:ends": "the plan's last day", "and": "and",
    "cannot judge": "cannot judge: {why}; fix it in the plan (aotext lint shows the line)",
    "unreadable:no target": "it has no 'target'",
    "unreadable:target not a number": "its 'target' is not a number (0 or more)",
    "unreadable:no scale": "it has no 'scale' of at least two answers",
    "unreadable:no target_level": "it has no 'target_level'",
    "unreadable:target_level off the scale": "its 'target_level' is not one of the answers on its scale ({scale})",
    "too long": "cannot judge: it would run from {start} to {end}; is a year mistyped? (aotext lint shows the line)",
    "benchmark met": "Benchmark met: {title}",
    # The names of periods and months, in the notes and on the charts.
    "period:week": "week of {date}", "period:month": "{month} {year}", "period:quarter": "{year}-Q{quarter}",
    "period:year": "{year}",
    **{f"month:{number}": name for number, name in enumerate(
        ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"), start=1)},
    # The report's charts: the words on them, and what they show, for whoever cannot see them.
    "target mark": "target", "nothing measured": "nothing measured yet", "of the target": "{progress} of the target",
    "expected share": "{share} expected by now",
    "chart words": "Each benchmark's progress against its target: {benchmarks}.",
    "progress so far": "Progress: {progress}", "expected by now": "expected by now: {share}",
    "over time": "Measurements over time: {measurements}.",
    "module minutes": "{minutes} minutes.", "activities": "Activities", "min": "min",
    "activity minutes": "{minutes} minutes",
    "kind:group-activity": "group activity", "kind:report-back": "report back", "kind:question": "question",
    "kind:skit": "skit", "kind:whole-room-activity": "whole room activity", "kind:pair-practice": "pair practice",
    "kind:presentation": "presentation", "kind:break": "break",
    # The role cards.
    "role cards": "Role cards", "played by": "Who reads this card:", "cut here": "cut along this line",
    "card:already_does": "What you already do", "card:sees_it": "How you see it",
    "card:contradictions": "Where your story contradicts itself", "card:fears": "What you are afraid of",
    "card:steps": "The steps", "card:how_to_play": "How to play it",
    # The scenarios: the workshop's questions about the terrain of a struggle (section IV, Planning), in its
    # words (the scenario schema's descriptions start with them: a test checks), and where organizing begins.
    "scenarios subtitle": "For the groups: each scenario's setting, people and story, and model answers to the "
                          "questions about its terrain",
    "setting": "Setting.", "people": "People.", "begins": "Where the organizing begins:",
    "begins:spontaneous-activity": "spontaneous activity around a workplace, neighborhood or community",
    "begins:deplorable-conditions": "deplorable conditions that we see and feel there's potential to get organized "
                                    "to resist",
    "begins:a-mix": "a mix: some level of spontaneity, and also some existing relationships and history of struggle",
    "model answers": "The terrain: model answers", "not answered": "Not answered in this scenario yet.",
    "enemies": "Enemies", "allies": "Potential allies",
    "terrain:networks": "How do people relate to each other? What organic infrastructures or networks exist already?",
    "terrain:adapting_and_resisting": "How have people either adapted to or resisted their conditions?",
    "terrain:identities": "What are the identities and social statuses of people affected?",
    "terrain:enemies_and_allies": "Who are the enemies and potential allies in the struggle?",
    "terrain:research": "What kind of research will help us better understand the terrain?",
    "terrain:history": "What's the history of struggle in the area?",
    "terrain:understanding_of_oppression": "How do people understand their oppression?",
    "terrain:ideas_for_fighting_back": "What ideas do people have right now about how to fight back?",
    "terrain:repression": "What kind of repression might we face?",
    "terrain:ourselves": "What do we need to know about ourselves?",
    # The one-page plan.
    "plan scenario": "Scenario: {scenario}", "plan started": "started {date}", "plan runs to": "runs to {date}",
    "plan reflects": "we reflect every {every}",
    "goals": "Goals: what we hope to achieve", "strategies": "Strategies: how we want to achieve it",
    "tactics": "Tactics: the nuts and bolts to get there", "benchmarks": "Benchmarks: how we know we're on our way",
    "letter:goal": "G", "letter:strategy": "S", "letter:tactic": "T", "serves": "serves {parts}",
    "measures": "Measures", "when": "When", "if we miss it": "If we miss it", "on scale": "on:",
    "combine:sum": "counted up", "combine:latest": "latest count",
    "each period": "each {period}", "from date": "from {date}", "by date": "by {date}",
    "every period": "every {period}",
    "unit:day": "day", "unit:days": "days", "unit:week": "week", "unit:weeks": "weeks", "unit:month": "month",
    "unit:months": "months", "unit:quarter": "quarter", "unit:year": "year",
    # The kit's sheets: the checklist's columns and the readings.
    "ready": "Ready", "where used": "Where the workshop uses it", "written by": ", by",
    # build/index.html, the front page of the build folder.
    "index title": "{collective}: handouts", "for participants": "For participants",
    "for coordinators": "For coordinators", "shareable dashboard": "How the plans are doing",
    "counts only": "counts of people only", "nothing built": "Nothing has been built yet: run `make handouts`.",
    "file:.html": "web page", "file:.pdf": "PDF, to print", "file:.docx": "Word document, to edit",
    "file:.pptx": "PowerPoint slides",
    **dashboard.ENGLISH,
}
LABELS: dict[Language, dict[str, str]] = {"en": ENGLISH, "es": SPANISH}


def labels(lang: str) -> Mapping[str, str]:
    """The words of `lang`; English for a language aotext does not ship (lint reports it)."""
    return next((words for language, words in LABELS.items() if language == lang), ENGLISH)


def kind_words(words: Mapping[str, str], kind: str | None) -> str:
    """An activity's kind in words; one the labels lack (lint reports it) as it is spelt."""
    return words.get(f"kind:{kind}", (kind or "").replace("-", " "))


def days_words(days: int, words: Mapping[str, str], none: str, before: str, after: str) -> str:
    """A day `days` before a date (after it when negative) in words: the label `none`
    on the day itself, else `before` or `after` with its {time} ('3 days ago', 'in 1 day')."""
    if days == 0:
        return words[none]
    time = plural(abs(days), words["unit:day"], words["unit:days"])
    return words[before if days > 0 else after].format(time=time)


def period_words(words: Mapping[str, str], every: str) -> str:
    """A span a plan states in English units ('2 weeks', 'month'), in the handout's words; anything else
    (lint reports it) as it is written."""
    count, _, unit = every.rpartition(" ")
    return " ".join(part for part in (count, words.get(f"unit:{unit}", unit)) if part)
