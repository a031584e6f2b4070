#!/usr/bin/env python3
"""Speed benchmark of `aotext build` on the shipped project: a full build, an
unchanged rebuild, and a rebuild after one module changes, each as
whole-process wall time with the pandoc and typst runs the build reports.

Then the build against its floor, on the shipped project and on a generated
project of 50 plans (one-page plans and benchmark reports, each as PDF, DOCX
and web page): a full build in this process, timing every pandoc run and
typst compilation it makes. The floor is the least time those same jobs can
take two at a time: the longer of half their total and the longest one.

Last, `aotext build --list` against `aotext lint --no-cache` on the 50 plans,
each as whole processes (best of 3): listing what would be built may take at
most 1.2x what linting takes.

Run by `make bench` after bench/run.py. Works on copies in bench/out/, so the
repository's own build/ is left alone."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "out" / "build-project"
PLANS = BENCH / "out" / "build-50-plans"
# About one plan in ten of the generated documents.
PLAN_DOCUMENTS = 500
AOTEXT = ROOT / ".venv" / "bin" / "aotext"
AS_OF = "2026-11-24"
RUNS = 3
sys.path.insert(0, str(BENCH))
from run import warmed  # noqa: E402 - a sibling script, not a package

_COUNTS = re.compile(r"Built (\d+), up to date (\d+), failed (\d+); pandoc ran (\d+) times, typst (\d+)")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build() -> tuple[float, tuple[int, ...]]:
    """Wall time of one `aotext build` process and its (built, up to date, failed, pandoc, typst)."""
    start = time.perf_counter()
    done = subprocess.run([str(AOTEXT), "build", "--as-of", AS_OF], cwd=WORK, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    match = _COUNTS.search(done.stderr)
    if done.returncode != 0 or not match:
        log(done.stderr)
        sys.exit(f"aotext build failed with exit status {done.returncode}")
    return seconds, tuple(int(group) for group in match.groups())


def fresh_copy() -> None:
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    shutil.copytree(ROOT / "content", WORK / "content")
    shutil.copy(ROOT / "aotext.yaml", WORK / "aotext.yaml")


def row(name: str, seconds: float, counts: tuple[int, ...]) -> str:
    built, fresh, failed, pandoc, typst = counts
    return f"| {name} | {seconds:.2f} | {built} | {fresh} | {failed} | {pandoc} | {typst} |"


def floor_row(name: str, project: Path) -> str:
    """A full build of `project` in this process against the floor of its own pandoc and typst jobs."""
    sys.path.insert(0, str(ROOT))
    from aotext.handouts.build import run_jobs
    from aotext.handouts.plan import plan_jobs
    from aotext.handouts.prepare import prepare

    shutil.rmtree(project / "build", ignore_errors=True)
    here = Path.cwd()
    os.chdir(project)
    try:
        day = dt.date.fromisoformat(AS_OF)
        start = time.perf_counter()
        prepared = prepare(None, Path("build"), day, frozenset())
        assert prepared.project is not None, "the project file has errors"
        report = run_jobs(plan_jobs(prepared.outputs, prepared.project, day, prepared.made, force=True), prepared.project, day,
                          Path("build"), 2, lambda line: None)
        wall = time.perf_counter() - start
    finally:
        os.chdir(here)
    jobs = report.processes.seconds
    floor = max(sum(jobs) / 2, max(jobs))
    return (f"| {name} | {len(report.built)} | {len(jobs)} | {sum(jobs):.2f} | {max(jobs):.2f} | {floor:.2f} "
            f"| {wall:.2f} | {wall / floor:.2f}x |")


def best_wall(project: Path, *args: str) -> float:
    """The best of RUNS wall times of one `aotext` command in `project`, as a whole process."""
    times = []
    for _ in range(RUNS):
        warmed(project)
        start = time.perf_counter()
        done = subprocess.run([str(AOTEXT), *args, "--as-of", AS_OF], cwd=project, capture_output=True, text=True,
                              check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            log(done.stdout + done.stderr)
            sys.exit(f"aotext {' '.join(args)} failed with exit status {done.returncode}")
    return min(times)


def list_row(name: str, project: Path) -> str:
    """`aotext build --list` against `aotext lint --no-cache` on `project`."""
    lint = best_wall(project, "lint", "--no-cache")
    listed = best_wall(project, "build", "--list")
    return f"| {name} | {lint:.2f} | {listed:.2f} | {listed / lint:.2f}x |"


def fifty_plans() -> Path:
    """A generated project of 50 plans whose handouts are the plans and their reports."""
    sys.path.insert(0, str(BENCH))
    from generate import generate

    shutil.rmtree(PLANS, ignore_errors=True)
    generate(PLANS, PLAN_DOCUMENTS)
    shipped = (ROOT / "aotext.yaml").read_text(encoding="utf-8")
    handouts = "".join(f"""  - name: {name}
    title: {name.title()}
    layout: {name}
    audience: coordinator
    formats: [pdf, docx, html]
""" for name in ("plan", "report"))
    # The shipped project file less its workshop, whose day the generated modules would overrun.
    (PLANS / "aotext.yaml").write_text(shipped[:shipped.index("workshop:")] + "handouts:\n" + handouts,
                                       encoding="utf-8")
    return PLANS


def main() -> int:
    fresh_copy()
    lines = ["| build of the shipped project | wall s | built | up to date | failed | pandoc runs | typst runs |",
             "|---|--:|--:|--:|--:|--:|--:|"]
    log("full build ...")
    lines.append(row("full (empty build/)", *build()))
    log("unchanged rebuilds ...")
    unchanged = [build() for _ in range(RUNS)]
    lines.append(row(f"unchanged (best of {RUNS})", min(seconds for seconds, _ in unchanged), unchanged[0][1]))
    module = WORK / "content" / "curriculum" / "07-day-to-day.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    log("rebuild after one module changed ...")
    lines.append(row("one module changed", *build()))
    log("the build against its floor ...")
    plans = fifty_plans()
    lines += ["", "| full build, in one process | outputs | pandoc and typst jobs | their seconds | longest | "
              "floor (two at a time) | build s | against the floor |", "|---|--:|--:|--:|--:|--:|--:|--:|",
              floor_row("the shipped project", WORK), floor_row("50 plans", plans)]
    log("build --list against lint ...")
    lines += ["", f"| whole processes, best of {RUNS} | `lint --no-cache` s | `build --list` s | against lint |",
              "|---|--:|--:|--:|", list_row(f"50 plans ({PLAN_DOCUMENTS} documents)", plans)]
    table = "\n".join(lines)
    print(table)
    (BENCH / "out" / "build-results.md").write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
