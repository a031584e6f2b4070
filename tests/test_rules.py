"""Every rule fires on a broken document, at the right file and line, and
stays silent on the good repository."""

from __future__ import annotations

import pytest

from aotext.crypto.age import encrypt, generate, parse_recipient
from aotext.reading import read_and_check
from aotext.rules import REGISTRY
from helpers import CONVERSATION, MODULE, PLAN, PROJECT, QUESTION, REFLECTION, line_of, lint_json

PLAN_PATH = "content/plans/bus-plan.md"
LOG_PATH = "content/logs/log-2026-11-20.md"
MODULE_PATH = "content/curriculum/planning.md"
QUESTION_PATH = "content/worksheet/q01.md"
CONVERSATION_PATH = "content/conversations/talk-nia.md"


def test_good_repository_is_clean(repo):
    repo()
    assert lint_json() == []


# (rule, files to change, path the problem is in, the text on its line, words the message holds)
PLAN_NO_STRATEGY_FOR_GOAL = PLAN.replace("    serves: [union]\n", "    serves: [union]\n  - id: s2\n    title: Outside support\n    serves: [union]\n").replace(
    "goals:\n", "goals:\n  - id: lonely\n    title: A goal nobody serves\n")
# A second module, after 'planning', whose activity uses question 1.
OTHER_MODULE = MODULE.replace("id: planning", "id: other").replace("order: 1", "order: 2").replace("id: goals", "id: g")
# An encrypted document, for a key nobody here holds, so its type cannot be known.
SEALED = encrypt(PLAN.encode(), [parse_recipient(generate()[1])])
CASES = [
    ("plaintext-private", {"aotext.yaml": PROJECT + "encryption: required\n"}, CONVERSATION_PATH, "---", "stored in plain text"),
    ("id-names-someone", {"aotext.yaml": PROJECT + "encryption: required\n"}, CONVERSATION_PATH, "id: talk-nia", "contains the name 'Nia'"),
    ("duplicate-id", {"content/logs/copy.md": REFLECTION}, "content/logs/copy.md", "id: log-2026-11-20", "already used by content/logs/log-2026-11-20.md"),
    ("duplicate-id", {PLAN_PATH: PLAN.replace("  - id: meetings", "  - id: union")}, PLAN_PATH, "  - id: union", "already used", 2),
    ("unknown-reference", {LOG_PATH: REFLECTION.replace("plan: bus-plan", "plan: bus-plann")}, LOG_PATH, "plan: bus-plann", "did you mean 'bus-plan'"),
    ("unknown-reference", {PLAN_PATH: PLAN.replace("serves: [participation]", "serves: [participaton]")}, PLAN_PATH, "serves: [participaton]", "participation"),
    ("unknown-reference", {LOG_PATH: REFLECTION.replace("benchmark: signups", "benchmark: sign-ups")}, LOG_PATH, "benchmark: sign-ups", "no benchmark"),
    ("unknown-reference", {MODULE_PATH: MODULE.replace("questions: [1]", "questions: [1, 7]")}, MODULE_PATH, "questions: [1, 7]", "question 7"),
    ("unknown-reference", {QUESTION_PATH: QUESTION.replace("module: planning", "module: plannin")}, QUESTION_PATH, "module: plannin", "no module"),
    ("wrong-reference-type", {PLAN_PATH: PLAN.replace("scenario: bus-drivers", "scenario: planning")}, PLAN_PATH, "scenario: planning", "is a module"),
    ("wrong-reference-type", {PLAN_PATH: PLAN.replace("serves: [participation]", "serves: [union]")}, PLAN_PATH, "    serves: [union]", "which is a goal", 2),
    ("goal-without-strategy", {PLAN_PATH: PLAN_NO_STRATEGY_FOR_GOAL}, PLAN_PATH, "  - id: lonely", "no strategy serves goal 'lonely'"),
    ("strategy-without-goal", {PLAN_PATH: PLAN.replace("    serves: [union]\n", "")}, PLAN_PATH, "  - id: participation", "serves no goal"),
    ("tactic-without-strategy", {PLAN_PATH: PLAN.replace("    serves: [participation]\n", "")}, PLAN_PATH, "  - id: meetings", "serves no strategy"),
    ("benchmark-not-measurable", {PLAN_PATH: PLAN.replace("    target: 2\n", "")}, PLAN_PATH, "  - id: signups", "'target'"),
    ("benchmark-not-measurable", {PLAN_PATH: PLAN.replace("target_level: most", "target_level: all")}, PLAN_PATH, "  - id: identify", "'all' is not one of"),
    ("benchmark-not-measurable", {PLAN_PATH: PLAN.replace("    every: month\n", "")}, PLAN_PATH, "  - id: signups", "time frame"),
    ("benchmark-no-miss-plan", {PLAN_PATH: PLAN.replace("    if_missed: Pair the rep with an experienced organizer.\n", "")}, PLAN_PATH, "  - id: signups", "if we don't hit"),
    ("date-order", {PLAN_PATH: PLAN.replace("    due: 2026-12-31\n", "    start: 2026-12-01\n    due: 2026-11-01\n")}, PLAN_PATH, "due: 2026-11-01", "before it starts"),
    ("date-order", {LOG_PATH: REFLECTION.replace("    value: 3\n", "    value: 3\n    counted_on: 2026-11-21\n")}, LOG_PATH, "counted_on: 2026-11-21", "after the meeting"),
    ("date-order", {PLAN_PATH: PLAN.replace("started: 2026-09-01\n", "started: 2026-09-01\nends: 2026-12-15\n")}, PLAN_PATH, "due: 2026-12-31", "after the plan ends (2026-12-15)"),
    ("measurement-mismatch", {LOG_PATH: REFLECTION.replace("level: a few", "level: half")}, LOG_PATH, "level: half", "not on the scale"),
    ("measurement-mismatch", {LOG_PATH: REFLECTION.replace("value: 3", "level: 3")}, LOG_PATH, "- benchmark: signups", "value:"),
    ("reflection-overdue", {LOG_PATH: REFLECTION.replace("2026-11-20", "2026-10-20")}, PLAN_PATH, "reflect_every: 2 weeks", "every 2 weeks"),
    ("reflection-overdue", {LOG_PATH: None}, PLAN_PATH, "reflect_every: 2 weeks", "since the plan started"),
    ("module-overtime", {MODULE_PATH: MODULE.replace("minutes: 20", "minutes: 45")}, MODULE_PATH, "minutes: 30", "take 45 minutes"),
    ("module-order", {"content/curriculum/other.md": MODULE.replace("id: planning", "id: other").replace("id: goals", "id: g")}, "content/curriculum/planning.md", "order: 1", "already taken"),
    ("worksheet-numbering", {QUESTION_PATH: QUESTION.replace("number: 1", "number: 2"), MODULE_PATH: MODULE.replace("[1]", "[2]")}, QUESTION_PATH, "number: 2", "question 1 is missing"),
    ("worksheet-numbering", {"content/worksheet/q01b.md": QUESTION.replace("q01-goals", "q01-again")}, "content/worksheet/q01b.md", "number: 1", "number each question once"),
    ("question-unused", {MODULE_PATH: MODULE.replace("    questions: [1]\n", "")}, QUESTION_PATH, "number: 1", "no activity uses question 1"),
    ("followup-before-conversation", {CONVERSATION_PATH: CONVERSATION.replace("date: 2026-11-21", "date: 2026-11-01")}, CONVERSATION_PATH, "date: 2026-11-01", "before the conversation"),
    ("unknown-type", {"content/plans/x.md": "---\ntype: plann\nid: x\n---\n"}, "content/plans/x.md", "type: plann", "did you mean 'plan'"),
    ("unknown-type", {"content/plans/x.md": "---\nid: x\n---\n"}, "content/plans/x.md", "---", "no 'type:'"),
    ("unprintable-character", {MODULE_PATH: MODULE.replace("title: Planning", "title: Planning ✊", 1)}, MODULE_PATH, "title: Planning ✊", "the fonts cannot show '✊'"),
    ("agenda-overrun", {"aotext.yaml": PROJECT.replace('end: "11:00"', 'end: "10:20"')}, "aotext.yaml", 'end: "10:20"', "10 minutes past its end"),
    ("agenda-day-order", {"aotext.yaml": PROJECT.replace('    - start: "10:00"\n      end: "11:00"\n', '    - date: 2027-01-16\n      start: "10:00"\n      modules: [planning]\n    - date: 2027-01-15\n      start: "10:00"\n      modules: []\n')}, "aotext.yaml", "date: 2027-01-15", "before day 1 (2027-01-16)"),
    ("agenda-past-midnight", {"aotext.yaml": PROJECT.replace('start: "10:00"\n      end: "11:00"', 'start: "23:50"')}, "aotext.yaml", 'start: "23:50"', "runs past midnight, until 00:20"),
    ("agenda-modules", {"aotext.yaml": PROJECT.replace('      end: "11:00"\n', '      modules: [planning]\n    - start: "09:00"\n      modules: [planning]\n')}, "aotext.yaml", "modules: [planning]", "already on day 1", 2),
    ("agenda-modules", {"aotext.yaml": PROJECT.replace('      end: "11:00"\n', '      modules: []\n    - start: "09:00"\n')}, "aotext.yaml", "- start: \"09:00\"", "must list its modules"),
    # One day that lists its modules is held to its list, as the agenda is.
    ("agenda-modules", {"aotext.yaml": PROJECT.replace('      end: "11:00"\n', '      end: "11:00"\n      modules: [planning, planning]\n')}, "aotext.yaml", "modules: [planning, planning]", "is already on this day"),
    ("agenda-modules", {"aotext.yaml": PROJECT.replace('      end: "11:00"\n', '      end: "11:00"\n      modules: []\n')}, "aotext.yaml", "  days:", "or remove 'modules:' to run every module"),
    ("unknown-reference", {"aotext.yaml": PROJECT.replace('      end: "11:00"\n', '      modules: [planing]\n')}, "aotext.yaml", "modules: [planing]", "did you mean 'planning'"),
    ("handout-format", {"aotext.yaml": PROJECT.replace("formats: [pdf, docx]", "formats: [pdf, pptx]")}, "aotext.yaml", "formats: [pdf, pptx]", "not pptx"),
    ("duplicate-id", {"aotext.yaml": PROJECT + PROJECT[PROJECT.index("  - name"):]}, "aotext.yaml", "  - name: participant", "already called", 2),
    ("schema", {"aotext.yaml": PROJECT.replace('start: "10:00"', "start: 10h")}, "aotext.yaml", "start: 10h", "HH:MM"),
    ("wrong-folder", {"content/logs/bus-plan.md": PLAN, PLAN_PATH: None}, "content/logs/bus-plan.md", "type: plan", "move it to 'plans/'"),
    ("encrypted-folder", {"content/misc/bus-plan.md.age": SEALED, PLAN_PATH: None}, "content/misc/bus-plan.md.age", "-----BEGIN AGE", "sits in no type's folder"),
    ("broken-reference", {PLAN_PATH: PLAN.replace("title: Bus drivers campaign", "title: Bus drivers: campaign")}, LOG_PATH, "plan: bus-plan", "fix that file first"),
    ("shared-pseudonym", {"content/conversations/rosa.md": CONVERSATION.replace("id: talk-nia", "id: rosa").replace("owner: Sam", "owner: Dolores")}, CONVERSATION_PATH, "pseudonym: Nia", "counts two people"),
    ("handout-selection", {"aotext.yaml": PROJECT + "    documents:\n      folders: [plan]\n"}, "aotext.yaml", "folders: [plan]", "did you mean 'plans'"),
    ("handout-file-clash", {"aotext.yaml": PROJECT.replace("name: participant", "name: plan-bus-plan") + "  - name: plan\n    title: Plan\n    layout: plan\n    audience: coordinator\n    formats: [pdf]\n"}, "aotext.yaml", "name: plan-bus-plan", "would both write plan-bus-plan.pdf"),
    ("question-module", {"content/curriculum/other.md": OTHER_MODULE.replace("[1]", "[2]"), "content/worksheet/q02.md": QUESTION.replace("number: 1", "number: 2")}, "content/worksheet/q02.md", "module: planning", "used by module 'other', but says 'module: planning'"),
    ("worksheet-order", {"content/curriculum/other.md": OTHER_MODULE, QUESTION_PATH: QUESTION.replace("module: planning", "module: other"), MODULE_PATH: MODULE.replace("[1]", "[2]"), "content/worksheet/q02.md": QUESTION.replace("number: 1", "number: 2")}, "content/worksheet/q02.md", "number: 2", "it would run 2, 1: number the questions in the order of their modules"),
    ("log-after-plan-end", {PLAN_PATH: PLAN.replace("started: 2026-09-01", "started: 2026-09-01\nends: 2026-11-15")}, LOG_PATH, "date: 2026-11-20", "after its plan 'bus-plan' ended on 2026-11-15"),
    ("implausible-date", {PLAN_PATH: PLAN.replace("    due: 2026-12-31\n", "    due: 0026-12-31\n")}, PLAN_PATH, "due: 0026-12-31", "is the year mistyped"),
    ("fonts-folder", {"aotext.yaml": PROJECT + "fonts: fonts\n"}, "aotext.yaml", "fonts: fonts", "does not exist"),
    ("measurement-mismatch", {LOG_PATH: REFLECTION.replace("    value: 3\n", "    value: 3\n    level: most\n")}, LOG_PATH, "    level: most", "'level:' is for a question answered on a scale"),
    ("measurement-mismatch", {LOG_PATH: REFLECTION.replace("    level: a few\n", "    level: a few\n    value: 2\n")}, LOG_PATH, "    value: 2", "'value:' is for a count"),
    ("measured-twice", {LOG_PATH: REFLECTION.replace("    level: a few\n", "    level: a few\n  - benchmark: identify\n    level: most\n")}, LOG_PATH, "  - benchmark: identify", "already measured at item #2 of this log (line 9)", 2),
    ("counted-before-start", {LOG_PATH: REFLECTION.replace("    value: 3\n", "    value: 3\n    counted_on: 2025-10-11\n")}, LOG_PATH, "counted_on: 2025-10-11", "before its plan 'bus-plan' started on 2026-09-01"),
    ("measured-twice", {"content/logs/other.md": REFLECTION.replace("id: log-2026-11-20", "id: other").replace("level: a few", "level: most")}, PLAN_PATH, "  - id: identify", "'a few' in content/logs/log-2026-11-20.md line 9; 'most' in content/logs/other.md line 9"),
    ("counted-twice", {LOG_PATH: REFLECTION.replace("    value: 3\n", "    value: 3\n  - benchmark: signups\n    value: 4\n")}, LOG_PATH, "  - benchmark: signups", "already counted at item #1 of this log (line 7), for the same day, and the summary adds both (3 and 4)", 2),
    ("same-day-logs", {"content/logs/a-copy.md": REFLECTION.replace("id: log-2026-11-20", "id: a-copy")}, LOG_PATH, "date: 2026-11-20", "content/logs/a-copy.md is also a log of plan 'bus-plan' dated 2026-11-20"),
    ("file-name-case", {"content/logs/Log-2026-11-20.md": REFLECTION.replace("id: log-2026-11-20", "id: other")}, LOG_PATH, "---", "differs only in capitals from content/logs/Log-2026-11-20.md"),
    ("name-spelling", {"content/conversations/rosa.md": CONVERSATION.replace("id: talk-nia", "id: rosa").replace("pseudonym: Nia", "pseudonym: Rosa").replace("owner: Sam", "owner: SAM").replace("date: 2026-11-14", "date: 2026-11-15")}, "content/conversations/rosa.md", "owner: SAM", "'SAM' here, 'Sam' in content/conversations/talk-nia.md"),
    ("future-log", {LOG_PATH: REFLECTION.replace("date: 2026-11-20", "date: 2026-11-30")}, LOG_PATH, "date: 2026-11-30", "after 2026-11-24"),
    ("future-conversation", {CONVERSATION_PATH: CONVERSATION.replace("date: 2026-11-14", "date: 2026-11-30").replace("date: 2026-11-21", "date: 2026-12-07")}, CONVERSATION_PATH, "date: 2026-11-30", "after 2026-11-24"),
]


@pytest.mark.parametrize(
    "rule, changes, path, line_text, words, occurrence",
    [case if len(case) == 6 else (*case, 1) for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_rule_fires_at_the_right_line(repo, rule, changes, path, line_text, words, occurrence):
    root = repo(changes)
    problems = [p for p in lint_json() if p["rule"] == rule]
    text = (root / path).read_text(encoding="utf-8")
    expected_line = line_of(text, line_text, occurrence)
    assert any(p["path"] == path and p["line"] == expected_line and words in p["message"] for p in problems), problems


def test_every_checking_rule_has_a_failing_case():
    checked = {rule.id for rule in REGISTRY.values() if rule.check is not None or rule.alone is not None}
    assert checked <= {case[0] for case in CASES}


def test_document_rules_are_found_where_the_file_is_read(repo):
    """A rule that needs one document alone is among the problems reading the
    file finds, as its schema's are, with no corpus: it runs in the process
    that read the file (lint's workers, the editor), and lint's cache keeps it
    with the file."""
    repo({"content/logs/misplaced.md": PLAN.replace("id: bus-plan", "id: misplaced"),
          "content/plans/odd.md": "---\ntype: plann\nid: odd\ntitle: Odd\n---\nText.\n"})
    misplaced = read_and_check("content/logs/misplaced.md")
    assert [(p.rule, p.line) for p in misplaced.problems] == [("wrong-folder", 2)]
    odd = read_and_check("content/plans/odd.md")
    assert [p.rule for p in odd.problems if p.rule != "schema"] == ["unknown-type"]
    assert "did you mean 'plan'?" in next(p.message for p in odd.problems if p.rule == "unknown-type")
    project = read_and_check("aotext.yaml", project=True)
    assert [p.rule for p in project.problems] == []  # the project file is no document


def test_plan_that_ended_is_not_asked_for_reflections(repo):
    repo({PLAN_PATH: PLAN.replace("started: 2026-09-01", "started: 2026-09-01\nends: 2026-11-30").replace(
        "due: 2026-12-31", "due: 2026-11-30")})
    assert lint_json() == []
    assert [p["rule"] for p in lint_json()] == []
    # ...but it is while the plan still runs, once the last log is too old.
    repo({LOG_PATH: REFLECTION.replace("2026-11-20", "2026-10-01")})
    assert [p["rule"] for p in lint_json()] == ["reflection-overdue"]


def test_equals_line_without_conflict_is_a_heading_underline(repo):
    """Of any length but git's separator's seven signs (tests/test_bad_input.py)."""
    repo({MODULE_PATH: MODULE + "\nA heading\n=========\n\nAnother\n===\n"})
    assert lint_json() == []


def test_two_counts_that_add_up_may_be_two_entries_of_one_log_that_say_what_each_counted(repo):
    """Sign-ups at two yards, recorded apart: they add up, so no one is asked
    to choose; each says what it counted, or the same count pasted twice would
    be added without a word (counted-twice)."""
    repo({LOG_PATH: REFLECTION.replace("    value: 3\n", "    value: 3\n    note: North yard.\n"
                                       "  - benchmark: signups\n    value: 2\n    note: South yard.\n")})
    assert lint_json() == []
