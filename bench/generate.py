#!/usr/bin/env python3
"""Write a reproducible synthetic aotext repository: python bench/generate.py OUTDIR COUNT [SEED]

One random.Random(seed) drives every choice and no clock is read, so the same seed and count give
byte-identical files. Every document is valid and every reference resolves: `aotext lint OUTDIR/content`
reports no problems at any date after 2026-06-30, when the last generated plan ends.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aotext.documents.types import TYPES
from aotext.documents.types.conversation import STEPS
from aotext.documents.types.module import ACTIVITY_KINDS as MODULE_ACTIVITY_KINDS

# Mostly logs and conversation notes, as in a group's working repository;
# modules and questions share what is left.
SHARES = {"reflection": 0.45, "conversation": 0.30, "plan": 0.10, "scenario": 0.08}
FOLDERS = {name: kind.folder for name, kind in TYPES.items()}
# Every plan ends by this date, so `reflection-overdue` stays quiet at any later lint date.
LAST_END = dt.date(2026, 6, 30)
# Days between generated reflections: never more than the cadence itself.
CADENCES = {"1 week": 7, "10 days": 10, "2 weeks": 14, "3 weeks": 21, "1 month": 28}

PLACES = "riverside eastgate mill-street harbor westfield oak-hill southside market-square".split()
GROUPS = "tenants bus-drivers nurses warehouse-workers cafeteria-workers students couriers custodians".split()
SUBJECTS = ("The drivers at the north yard|Tenants on the third floor|The night shift|Two new members|"
            "The parents' group|Our collective|The warehouse crew|Most of the nurses|The ministers' alliance|"
            "A few of the younger workers|The building committee|Everyone who came").split("|")
VERBS = ("talked through|pushed back on|asked hard questions about|agreed to take on|kept coming back to|"
         "were worried about|organized around|voted to keep working on|shared stories about|met to plan").split("|")
OBJECTS = ("the new schedule|the rent increase|the broken heating|the next action|the sign-up sheets|"
           "the safety inspection|the repairs list|the phone tree|the public comment period|the overtime rules|"
           "the mold in the stairwell|the contract vote").split("|")
TAILS = ("| before the next meeting| at the yard| in the group chat| after the shift|, and nobody left early|"
         ", though some were nervous| over coffee| for the first time").split("|")
NAMES = "Rosa Andre Dolores Curtis Marisol Keisha Tomas Lena Farah Jun Odette Malik Ines Pavel Grace Yusuf".split()
HEADINGS = "What happened|What we learned|Next steps|Questions we still have|Background|Who was there".split("|")
SCALES = [["not yet", "a little", "steadily", "a lot"], ["no", "a few", "about half", "most", "all"],
          ["nobody", "a handful", "a core group", "everyone"]]
UNITS = "new members|sign-ups|people at the meeting|one-on-ones|tenants on the list|signatures".split("|")
# Disjoint pools, because a plan's goals, strategies, tactics and benchmarks share one id namespace.
PARTS = {"goals": "win-repairs independent-organization stop-evictions safe-staffing fair-schedules".split(),
         "strategies": "member-leadership infrastructure outside-support connect-struggles direct-pressure".split(),
         "tactics": "monthly-meetings door-knocking public-comment sit-downs one-day-action phone-tree".split(),
         "benchmarks": "signups turnout new-facilitator developing-skills see-a-collective repairs-won".split()}
ACTIVITY_KINDS = [kind for kind in MODULE_ACTIVITY_KINDS if kind != "break"]
TALK_STEPS = list(STEPS)

# Strings that read back as the same string when left unquoted; everything else is JSON-quoted.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'()/-]*[A-Za-z0-9.)]|[a-z0-9][a-z0-9-]*[a-z][a-z0-9-]*|[1-9][0-9]* [a-z]+")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
# What may sit unquoted inside [a, b]: ids and short lowercase words, no commas.
_FLOW = re.compile(r"[a-z0-9][a-z0-9 -]{0,28}")


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED:
        return str(value)
    return json.dumps(value)  # a JSON string is a valid double-quoted YAML scalar


def dump(data: dict[str, Any], indent: int = 0) -> list[str]:
    """Block-style YAML the way people write it: flow lists of ids, folded long text."""
    pad, lines = " " * indent, []
    for key, value in data.items():
        if isinstance(value, dict):
            lines += [f"{pad}{key}:", *dump(value, indent + 2)]
        elif isinstance(value, list) and all(isinstance(v, int) or _FLOW.fullmatch(str(v)) for v in value):
            lines.append(f"{pad}{key}: [{', '.join(scalar(v) for v in value)}]")
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:  # an item is dumped as a mapping, then its first line gets the dash
                sub = dump(item if isinstance(item, dict) else {"": item}, indent + 4)
                lines += [f"{pad}  - {sub[0].lstrip().removeprefix(': ')}", *sub[1:]]
        elif isinstance(value, str) and len(value) > 70:
            lines += [f"{pad}{key}: >-", *(f"{pad}  {line}" for line in textwrap.wrap(value, 72))]
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return lines


def sentence(r: random.Random) -> str:
    return f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)}{r.choice(TAILS)}."


def phrase(r: random.Random) -> str:
    """A short title, e.g. 'Organized around the phone tree'."""
    return f"{r.choice(VERBS)} {r.choice(OBJECTS)}".capitalize()


def prose(r: random.Random, low: int, high: int) -> str:
    return " ".join(many(r, sentence, low, high))


def many(r: random.Random, make: Callable[[random.Random], str], low: int, high: int) -> list[str]:
    return [make(r) for _ in range(r.randint(low, high))]


def body(r: random.Random, sections: int) -> str:
    """A few `## Heading` sections of wrapped paragraphs."""
    return "\n\n".join(
        f"## {heading}\n\n" + "\n\n".join("\n".join(textwrap.wrap(prose(r, 3, 6), 72)) for _ in range(r.randint(1, 2)))
        for heading in r.sample(HEADINGS, sections))


def write(root: Path, type_name: str, name: str, data: dict[str, Any], text: str) -> None:
    front = "\n".join(dump({"type": type_name, **data}))
    (root / "content" / FOLDERS[type_name] / f"{name}.md").write_text(f"---\n{front}\n---\n\n{text}\n", encoding="utf-8")


def plan_data(r: random.Random, scenario: str, cadence: str, started: dt.date, ends: dt.date) -> dict[str, Any]:
    strategies = r.sample(PARTS["strategies"], r.randint(2, 4))
    # No more goals than strategies: strategy n serves goal n, so every goal is served.
    goals = r.sample(PARTS["goals"], r.randint(1, min(3, len(strategies))))
    tactics = r.sample(PARTS["tactics"], r.randint(2, 4))

    def items(ids: list[str], targets: list[str]) -> list[dict[str, Any]]:
        # Item n serves target n (mod len), and maybe one more.
        return [{"id": i, "title": phrase(r), "serves": sorted({targets[n % len(targets)], r.choice(targets)}),
                 "notes": prose(r, 2, 4)} for n, i in enumerate(ids)]

    benchmarks = []
    for bench_id in r.sample(PARTS["benchmarks"], r.randint(2, 4)):
        item: dict[str, Any] = {"id": bench_id, "title": phrase(r), "measures": [r.choice(tactics + strategies)]}
        if r.random() < 0.5:
            item.update(kind="numeric", target=r.randint(2, 60), unit=r.choice(UNITS),
                        combine=r.choice(["sum", "latest"]))
        else:
            scale = r.choice(SCALES)
            item.update(kind="qualitative", question=sentence(r)[:-1] + "?", scale=scale,
                        target_level=r.choice(scale[1:]))
        item.update({"start": started}, **({"every": "month"} if r.random() < 0.3 else {"due": ends}))
        benchmarks.append({**item, "steps": many(r, sentence, 1, 3), "if_missed": prose(r, 1, 3)})
    return {"title": phrase(r), "scenario": scenario, "started": started, "ends": ends, "reflect_every": cadence,
            "goals": [{"id": g, "title": phrase(r), "notes": prose(r, 2, 4)} for g in goals],
            "strategies": items(strategies, goals), "tactics": items(tactics, strategies), "benchmarks": benchmarks}


def reflection_data(r: random.Random, plan_id: str, plan: dict[str, Any], date: dt.date) -> dict[str, Any]:
    measurements = []
    for bench in r.sample(plan["benchmarks"], r.randint(1, len(plan["benchmarks"]))):
        # Numbers go under `value`, scale answers under `level`, as measurement-mismatch requires.
        found = {"value": r.randint(0, 70)} if bench["kind"] == "numeric" else {"level": r.choice(bench["scale"])}
        measurements.append({"benchmark": bench["id"], **found, "note": prose(r, 1, 2)})
    parts = [item["id"] for key in PARTS for item in plan[key]]
    data = {"title": phrase(r), "plan": plan_id, "date": date, "measurements": measurements,
            "answers": {key: prose(r, 1, 3) for key in ("anything_changed", "last_tactic", "participation")},
            "changes": [{"to": r.choice(parts), "change": prose(r, 1, 2)} for _ in range(r.randint(0, 2))],
            "celebrate": many(r, sentence, 1, 3), "skills_practised": many(r, phrase, 1, 3)}
    if not data["changes"]:
        del data["changes"]
    if r.random() < 0.4:
        data["new_members"] = [{"name": r.choice(NAMES), "first_task": sentence(r), "paired_with": r.choice(NAMES)}]
    return data


def write_plans(root: Path, r: random.Random, plans: int, logs: int, scenarios: list[str]) -> list[tuple[str, str]]:
    """Plans with their reflection logs at their cadence; returns (plan id, scenario id) pairs."""
    logs_per_plan = [1] * plans  # every plan gets a log, the rest land at random
    for _ in range(logs - plans):
        logs_per_plan[r.randrange(plans)] += 1
    written = []
    for index, count in enumerate(logs_per_plan):
        scenario = scenarios[index % len(scenarios)]
        plan_id, cadence = f"{scenario}-plan-{index + 1}", r.choice(list(CADENCES))
        step = CADENCES[cadence]
        started = LAST_END - dt.timedelta(days=step * count + 3 + r.randint(0, 540))
        # A log every cadence (a day or two early at times); the plan ends
        # within three days of its last log, well inside any cadence.
        dates = [started + dt.timedelta(days=step * k - r.randint(0, 2)) for k in range(1, count + 1)]
        data = plan_data(r, scenario, cadence, started, dates[-1] + dt.timedelta(days=r.randint(0, 3)))
        write(root, "plan", plan_id, {"id": plan_id, **data}, body(r, r.randint(3, 5)))
        for date in dates:
            log_id = f"{date.isoformat()}-{plan_id}"
            write(root, "reflection", log_id, {"id": log_id, **reflection_data(r, plan_id, data, date)}, body(r, 2))
        written.append((plan_id, scenario))
    return written


def write_workshop(root: Path, r: random.Random, modules: int, questions: int) -> None:
    """Modules in order 1..M and questions numbered 1..Q in module order (the
    worksheet prints them module by module): each module uses a run of them."""
    ids = [f"{r.choice(OBJECTS).removeprefix('the ').replace(' ', '-')}-m{i + 1}" for i in range(modules)]
    owner = [(number - 1) * modules // questions for number in range(1, questions + 1)]  # a module index each
    for index, module_id in enumerate(ids):
        numbers = [number for number in range(1, questions + 1) if owner[number - 1] == index]
        is_break = not numbers and r.random() < 0.3
        slots = 1 if is_break else r.randint(max(1, min(len(numbers), 2)), 4)
        activities: list[dict[str, Any]] = [{"id": f"activity-{a + 1}", "title": phrase(r), "minutes": r.randint(5, 30),
                       "kind": "break" if is_break else r.choice(ACTIVITY_KINDS),
                       **({"questions": used} if (used := numbers[a::slots]) else {})} for a in range(slots)]
        minutes = sum(a["minutes"] for a in activities) + r.randint(0, 20)  # activities fit the module
        data = {"id": module_id, "section": str(index + 1), "order": index + 1, "title": phrase(r),
                "minutes": minutes, **({"break": True} if is_break else {}),
                "objectives": many(r, sentence, 2, 4), "activities": activities}
        write(root, "module", f"{index + 1:04d}-{module_id}", data, body(r, r.randint(2, 4)))
    for number in range(1, questions + 1):
        question_id = f"q{number:04d}-{r.choice(OBJECTS).removeprefix('the ').replace(' ', '-')}"
        prompt = f"Who in your scenario {r.choice(VERBS)} {r.choice(OBJECTS)}, and why?"
        data = {"id": question_id, "number": number, "module": ids[owner[number - 1]], "prompt": prompt,
                "answer_lines": r.randint(4, 12)}
        write(root, "question", question_id, data, prose(r, 1, 3))


def generate(root: Path, count: int, seed: int = 1) -> None:
    """Write `count` valid documents of all six types under root/content/."""
    if count < 20:
        raise ValueError("COUNT must be at least 20, so that every document type appears")
    if (root / "content").exists() and any((root / "content").rglob("*.md")):
        raise FileExistsError(f"{root / 'content'} already holds documents; generate into an empty folder")
    for folder in FOLDERS.values():
        (root / "content" / folder).mkdir(parents=True, exist_ok=True)
    r = random.Random(seed)
    n = {type_name: round(count * share) for type_name, share in SHARES.items()}
    rest = count - sum(n.values())
    n["module"] = max(1, rest // 2)
    n["question"] = max(1, rest - n["module"])
    n["conversation"] += count - sum(n.values())  # absorb rounding

    scenarios = [f"{r.choice(PLACES)}-{r.choice(GROUPS)}-{i + 1}" for i in range(n["scenario"])]
    for sid in scenarios:
        terrain = {"networks": prose(r, 2, 4), "identities": prose(r, 1, 3), "enemies": many(r, phrase, 1, 2),
                   "allies": many(r, phrase, 1, 3), "history": prose(r, 2, 4), "repression": prose(r, 1, 3),
                   "ourselves": prose(r, 1, 3)}
        began = r.choice(["spontaneous-activity", "deplorable-conditions", "a-mix"])
        write(root, "scenario", sid, {"id": sid, "title": phrase(r), "setting": prose(r, 2, 3),
                                      "people": prose(r, 2, 3), "began_from": began, "terrain": terrain}, body(r, 2))
    plans = write_plans(root, r, n["plan"], n["reflection"], scenarios)
    # About four notes per person; a person keeps one pseudonym, organizer and
    # scenario, as in a real repository (so lint sees no two people sharing one).
    people = [(f"{r.choice(NAMES)} {number + 1}", r.choice(NAMES), r.choice(plans))
              for number in range(max(1, n["conversation"] // 4))]
    for index in range(n["conversation"]):
        date = dt.date(2025, 1, 1) + dt.timedelta(days=r.randint(0, 680))
        who, owner, (plan_id, scenario) = r.choice(people)
        note_id = f"{date.isoformat()}-{who.lower().replace(' ', '-')}-c{index + 1}"
        data = {"id": note_id, "date": date, "pseudonym": who, "owner": owner, "scenario": scenario,
                **({"plan": plan_id} if r.random() < 0.4 else {}), "where": phrase(r),
                "steps_reached": TALK_STEPS[:r.randint(1, 5)], "ask": sentence(r), "commitment": sentence(r),
                "assessment": r.choice(["leader", "supporter", "undecided", "pass"])}
        if r.random() < 0.8:  # the follow-up comes on or after the conversation
            data["follow_up"] = {"date": date + dt.timedelta(days=r.randint(0, 21)), "how": phrase(r)}
        write(root, "conversation", note_id, data, body(r, r.randint(2, 3)))
    write_workshop(root, r, n["module"], n["question"])


def main(argv: list[str]) -> None:
    if len(argv) not in (3, 4) or not all(arg.isdigit() for arg in argv[2:]):
        sys.exit("usage: python bench/generate.py OUTDIR COUNT [SEED]")
    try:
        generate(Path(argv[1]), int(argv[2]), int(argv[3]) if len(argv) == 4 else 1)
    except (ValueError, FileExistsError) as error:
        sys.exit(f"generate.py: {error}")  # a message, not a traceback


if __name__ == "__main__":
    main(sys.argv)
